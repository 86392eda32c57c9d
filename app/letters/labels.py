"""Fixed words printed around the letter text (reference row, closing, appendix), per language."""

from __future__ import annotations

from typing import Final

LABELS: Final[dict[str, dict[str, str]]] = {
    "nl": {
        "their_letter_date": "uw brief van",
        "their_reference": "uw kenmerk",
        "our_reference": "ons kenmerk",
        "handled_by": "behandeld door",
        "date": "datum",
        "page": "Pagina {page} van {total}",
        "closing": "Met vriendelijke groet,",
        "enclosure": "Bijlage: Overzicht persoonsgegevens",
        "postal_address": "Postadres",
        "visiting_address": "Bezoekadres",
        "phone": "Telefoon",
        "email": "E-mail",
        "website": "Website",
        "kvk": "KvK",
        "appendix_title": "Bijlage: Overzicht persoonsgegevens",
        "appendix_intro": (
            "Bij onze brief met kenmerk {ref} van {date}. Deel 1 beschrijft per verwerking wat "
            "wij met uw gegevens doen; deel 2 is een kopie van de gegevens die wij van u hebben, "
            "per systeem."
        ),
        "processings": "1. Verwerkingen",
        "data": "2. Uw gegevens per systeem",
        "purposes": "Doelen (a)",
        "legal_basis": "Grondslag",
        "categories": "Soorten gegevens (b)",
        "recipients": "Ontvangers (c)",
        "retention": "Bewaartermijn (d)",
        "source": "Bron (g)",
        "automated": "Geautomatiseerde besluiten (h)",
        "transfers": "Doorgifte buiten de EER",
        "none": "geen",
        "from_you": "van uzelf",
        "record": "Record",
        "field": "Gegeven",
        "value": "Waarde",
        "category": "Soort",
        "rows": "{n} gegevens",
        "no_rows": "In dit systeem zijn geen gegevens van u gevonden.",
    },
    "en": {
        "their_letter_date": "your letter of",
        "their_reference": "your reference",
        "our_reference": "our reference",
        "handled_by": "handled by",
        "date": "date",
        "page": "Page {page} of {total}",
        "closing": "Kind regards,",
        "enclosure": "Enclosure: Overview of personal data",
        "postal_address": "Postal address",
        "visiting_address": "Visiting address",
        "phone": "Telephone",
        "email": "E-mail",
        "website": "Website",
        "kvk": "CoC number",
        "appendix_title": "Appendix: Overview of personal data",
        "appendix_intro": (
            "Enclosed with our letter reference {ref} of {date}. Part 1 describes, per "
            "processing activity, what we do with your data; part 2 is a copy of the data we "
            "hold about you, per system."
        ),
        "processings": "1. Processing activities",
        "data": "2. Your data per system",
        "purposes": "Purposes (a)",
        "legal_basis": "Legal basis",
        "categories": "Categories of data (b)",
        "recipients": "Recipients (c)",
        "retention": "Retention period (d)",
        "source": "Source (g)",
        "automated": "Automated decisions (h)",
        "transfers": "Transfers outside the EEA",
        "none": "none",
        "from_you": "from you",
        "record": "Record",
        "field": "Item",
        "value": "Value",
        "category": "Category",
        "rows": "{n} items",
        "no_rows": "No data about you was found in this system.",
    },
}
