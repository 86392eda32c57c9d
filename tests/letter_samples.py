"""Realistic example contexts for every letter type, for tests and benchmarks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from app.letters.context import LetterContext, Organisation
from app.letters.kinds import LetterType
from app.letters.payloads import (
    AccessPayload,
    Art17Ground,
    Change,
    ClarificationPayload,
    DataRow,
    ErasedItem,
    ErasurePayload,
    ExpiringItem,
    ExtensionPayload,
    FeeOrRefuse,
    KeptItem,
    ObjectionPayload,
    Payload,
    PostalAddress,
    ProcessingInfo,
    RecipientAction,
    RecipientNoticePayload,
    RectificationPayload,
    RefusalPayload,
    SystemData,
)

SAMPLE_ORGANISATION = Organisation(
    name="Databalance Services B.V.",
    street="Hopbrouwer 18",
    postcode="5253 RE",
    city="Nieuwkuijk",
    country="NL",
    visiting_address="Hopbrouwer 18, Nieuwkuijk",
    phone="073 - 303 04 00",
    email="privacy@databalance.example",
    website="www.databalance.example",
    kvk_number="17123456",
    signatory_name="M. (Marieke) de Bruijn",
    signatory_function="",  # "privacyfunctionaris": no FG is registered
    department="Afdeling Privacy",
)

SAMPLE_ADDRESS = PostalAddress(
    name_line="De heer J. van der Berg",
    street_line="Kerkstraat 12 A",
    postcode="5211 AB",
    city="'s-Hertogenbosch",
)

SAMPLE_ADDRESS_BE = PostalAddress(
    name_line="Mevrouw Zoë IJsselstein-Çelik",
    street_line="Rue de la Loi 155 bus 3",
    postcode="1040",
    city="Etterbeek",
    country="BE",
)

# The addressee's name line as each language writes it (the Art. 19 notice names the person).
SAMPLE_ADDRESSES = {
    "nl": SAMPLE_ADDRESS,
    "en": replace(SAMPLE_ADDRESS, name_line="Mr J. van der Berg"),
    "de": replace(SAMPLE_ADDRESS, name_line="Herrn J. van der Berg"),
}

_SALUTATION = {
    "nl": "Geachte heer Van der Berg,",
    "en": "Dear Mr Van der Berg,",
    "de": "Sehr geehrter Herr van der Berg,",
}
_RECIPIENT_SALUTATION = {
    "nl": "Geachte heer, mevrouw,",
    "en": "Dear Sir or Madam,",
    "de": "Sehr geehrte Damen und Herren,",
}


def _t(lang: str, nl: str, en: str, de: str) -> str:
    """The sample text in ``lang``."""
    return {"nl": nl, "en": en, "de": de}[lang]


def _processings(lang: str) -> tuple[ProcessingInfo, ...]:
    if lang == "nl":
        return (
            ProcessingInfo(
                name="Klantenservice en Self Service Portal",
                purposes="Ondersteuning bieden en uw vragen en meldingen afhandelen.",
                legal_basis="Uitvoering van de overeenkomst (artikel 6 lid 1 onder b AVG)",
                categories="Naam, adres, e-mailadres, telefoonnummer, klantnummer, meldingen",
                recipients=("Zendesk Inc. (verwerker)", "Exact Online B.V. (verwerker)"),
                retention="2 jaar na het einde van de overeenkomst",
                transfers="Zendesk Inc., Verenigde Staten: EU-VS Data Privacy Framework",
            ),
            ProcessingInfo(
                name="Websitestatistieken (Piwik)",
                purposes="Het gebruik van de website meten om haar te verbeteren.",
                legal_basis="Gerechtvaardigd belang (artikel 6 lid 1 onder f AVG)",
                categories="IP-adres (ingekort met twee octetten), bezochte pagina's",
                retention="Logregels 31 dagen; daarna alleen een totaal",
                source="Uw browser bij het bezoeken van de website",
            ),
        )
    if lang == "de":
        return (
            ProcessingInfo(
                name="Kundenservice und Self Service Portal",
                purposes="Unterstützung leisten und Ihre Fragen und Meldungen bearbeiten.",
                legal_basis="Erfüllung des Vertrags (Artikel 6 Abs. 1 Buchst. b DSGVO)",
                categories="Name, Anschrift, E-Mail-Adresse, Telefonnummer, Kundennummer, "
                "Meldungen",
                recipients=(
                    "Zendesk Inc. (Auftragsverarbeiter)",
                    "Exact Online B.V. (Auftragsverarbeiter)",
                ),
                retention="2 Jahre nach Vertragsende",
                transfers="Zendesk Inc., Vereinigte Staaten: EU-US Data Privacy Framework",
            ),
            ProcessingInfo(
                name="Websitestatistik (Piwik)",
                purposes="Die Nutzung der Website messen, um sie zu verbessern.",
                legal_basis="Berechtigtes Interesse (Artikel 6 Abs. 1 Buchst. f DSGVO)",
                categories="IP-Adresse (um zwei Oktette gekürzt), besuchte Seiten",
                retention="Protokollzeilen 31 Tage; danach nur eine Gesamtzahl",
                source="Ihr Browser beim Besuch der Website",
            ),
        )
    return (
        ProcessingInfo(
            name="Customer support and Self Service Portal",
            purposes="Providing support and handling your questions and reports.",
            legal_basis="Performance of the contract (Article 6(1)(b) GDPR)",
            categories="Name, address, e-mail address, phone number, customer number, tickets",
            recipients=("Zendesk Inc. (processor)", "Exact Online B.V. (processor)"),
            retention="2 years after the end of the contract",
            transfers="Zendesk Inc., United States: EU-US Data Privacy Framework",
        ),
        ProcessingInfo(
            name="Website statistics (Piwik)",
            purposes="Measuring the use of the website in order to improve it.",
            legal_basis="Legitimate interest (Article 6(1)(f) GDPR)",
            categories="IP address (truncated by two octets), pages visited",
            retention="Log lines 31 days; after that only an aggregate",
            source="Your browser when visiting the website",
        ),
    )


_FIELDS = {
    "nl": ("Naam", "Adres", "E-mail", "Telefoon", "Notitie", "Melding"),
    "en": ("Name", "Address", "E-mail", "Telephone", "Note", "Ticket"),
    "de": ("Name", "Anschrift", "E-Mail", "Telefon", "Notiz", "Meldung"),
}
_CATEGORIES = {
    "nl": ("identiteit", "contact", "klantcontact"),
    "en": ("identity", "contact details", "customer contact"),
    "de": ("Identität", "Kontaktdaten", "Kundenkontakt"),
}


def _note(lang: str, i: int) -> str:
    return _t(
        lang,
        f"Belnotitie {i}: klant vraagt naar factuur € 49,95 van ‘Zoë IJsselstein-Çelik’",
        f"Call note {i}: customer asks about invoice €49.95 from ‘Zoë IJsselstein-Çelik’",
        f"Telefonnotiz {i}: Kunde fragt nach der Rechnung über 49,95 € von ‘Zoë IJsselstein-Çelik’",
    )


def _ticket(lang: str, i: int) -> str:
    day = 1 + i % 28
    return _t(
        lang,
        f"Storing portal op {day} maart; opgelost binnen 2 uur.",
        f"Portal outage on {day} March; solved within 2 hours.",
        f"Störung im Portal am {day}. März; innerhalb von 2 Stunden behoben.",
    )


def sample_data_rows(count: int, lang: str = "nl") -> tuple[SystemData, ...]:
    """Data rows spread over two systems, ``count`` rows in all, labelled in ``lang``."""
    fields, cats = _FIELDS[lang], _CATEGORIES[lang]
    crm = tuple(
        DataRow(
            record=f"KL-{10000 + i // 5}",
            field=fields[i % 5],
            value=(
                "Jan van der Berg",
                "Kerkstraat 12 A, 5211 AB 's-Hertogenbosch",
                "j.vanderberg@example.nl",
                "06 - 12 34 56 78",
                _note(lang, i),
            )[i % 5],
            category=(cats[0], cats[1], cats[1], cats[1], cats[2])[i % 5],
        )
        for i in range(count - count // 4)
    )
    tickets = tuple(
        DataRow(
            record=f"TCK-{2000 + i}",
            field=fields[5],
            value=_ticket(lang, i),
            category=cats[2],
        )
        for i in range(count // 4)
    )
    return (SystemData("CRM (Exact Online)", crm), SystemData("Zendesk", tickets))


def sample_payload(letter_type: LetterType, lang: str) -> Payload | None:
    match letter_type:
        case LetterType.ACKNOWLEDGEMENT:
            return None
        case LetterType.CLARIFICATION:
            return ClarificationPayload(
                what_needed=_t(
                    lang,
                    "Uw klantnummer of het e-mailadres waarmee u bij ons bekend bent.",
                    "Your customer number or the e-mail address we know you by.",
                    "Ihre Kundennummer oder die E-Mail-Adresse, unter der Sie bei uns bekannt "
                    "sind.",
                ),
                why=_t(
                    lang,
                    "Het adres in uw brief is een ander adres dan wij van u hebben.",
                    "The address in your letter differs from the one we hold.",
                    "Die Anschrift in Ihrem Schreiben weicht von der Anschrift ab, die wir von "
                    "Ihnen gespeichert haben.",
                ),
                id_copy_needed=True,
            )
        case LetterType.EXTENSION:
            return ExtensionPayload(
                reasons=_t(
                    lang,
                    "Uw gegevens staan in zeven systemen, waarvan twee archieven die wij "
                    "met de hand moeten doorzoeken.",
                    "Your data is held in seven systems, two of them archives that we "
                    "have to search by hand.",
                    "Ihre Daten sind in sieben Systemen gespeichert, darunter zwei Archive, "
                    "die wir von Hand durchsuchen müssen.",
                ),
                new_deadline=date(2027, 2, 24),
            )
        case LetterType.ACCESS:
            return AccessPayload(
                processings=_processings(lang),
                data_by_system=sample_data_rows(24, lang),
                redactions=_t(
                    lang,
                    "namen van medewerkers van andere klanten in twee meldingen",
                    "names of other customers' staff in two tickets",
                    "Namen von Mitarbeitern anderer Kunden in zwei Meldungen",
                ),
            )
        case LetterType.RECTIFICATION:
            return RectificationPayload(
                changes=(
                    Change(_FIELDS[lang][1], "Dorpsstraat 1", "Kerkstraat 12 A", "CRM"),
                    Change(_FIELDS[lang][3], "", "06 - 12 34 56 78", "CRM"),
                ),
                recipients_told=("Exact Online B.V.",),
            )
        case LetterType.ERASURE:
            return ErasurePayload(
                erased=(
                    ErasedItem(
                        _t(lang, "Nieuwsbrief", "Newsletter", "Newsletter"),
                        _t(lang, "e-mailadres", "e-mail address", "E-Mail-Adresse"),
                    ),
                    ErasedItem("Zendesk", _t(lang, "12 meldingen", "12 tickets", "12 Meldungen")),
                ),
                kept=(
                    KeptItem(
                        system="Exact Online",
                        description=_t(
                            lang, "facturen 2024-2026", "invoices 2024-2026", "Rechnungen 2024-2026"
                        ),
                        ground_art17_3=Art17Ground.LEGAL_OBLIGATION,
                        statute=_t(
                            lang,
                            "fiscale bewaarplicht, artikel 52 Algemene wet inzake rijksbelastingen",
                            "tax record-keeping, Article 52 of the Dutch General State Taxes Act",
                            "steuerliche Aufbewahrungspflicht, Artikel 52 der niederländischen "
                            "Abgabenordnung (Algemene wet inzake rijksbelastingen)",
                        ),
                        end_date=date(2033, 12, 31),
                        event="end_of_financial_year",
                        event_on=date(2026, 12, 31),
                        period="7 years",
                    ),
                ),
                recipients_told=("Zendesk Inc.",),
                expiring=(
                    ExpiringItem(
                        _t(lang, "Webserverlogs", "Web server logs", "Webserver-Protokolle"),
                        _t(
                            lang,
                            "logregels met uw IP-adres",
                            "log lines with your IP address",
                            "Protokollzeilen mit Ihrer IP-Adresse",
                        ),
                        date(2027, 2, 26),
                    ),
                ),
                file_kept_until=date(2028, 11, 25),
            )
        case LetterType.OBJECTION:
            return ObjectionPayload(direct_marketing=True, upheld=True, suppression_listed=True)
        case LetterType.REFUSAL:
            return RefusalPayload(
                reasons=_t(
                    lang,
                    "U heeft in zes weken tijd elf keer hetzelfde verzoek gedaan. Wij hebben "
                    "uw vorige verzoek op 3 november 2026 volledig beantwoord.",
                    "You made the same request eleven times in six weeks. We answered "
                    "your previous request in full on 3 November 2026.",
                    "Sie haben innerhalb von sechs Wochen elfmal denselben Antrag gestellt. Ihren "
                    "vorigen Antrag haben wir am 3. November 2026 vollständig beantwortet.",
                ),
                manifestly_unfounded_or_excessive=True,
                fee_or_refuse=FeeOrRefuse.FEE,
                fee_eur=Decimal("25"),
            )
        case LetterType.RECIPIENT_NOTICE:
            return RecipientNoticePayload(
                recipient_name="Zendesk Inc.",
                recipient_address=PostalAddress(
                    name_line="Zendesk Inc.",
                    extra_lines=(
                        _t(
                            lang,
                            "t.a.v. Privacy Office",
                            "Attn. Privacy Office",
                            "z. Hd. Privacy Office",
                        ),
                    ),
                    street_line="Kingsfordweg 151",
                    postcode="1043 GR",
                    city="Amsterdam",
                ),
                action=RecipientAction.ERASURE,
                subject_name="J. van der Berg",
                details=_t(
                    lang,
                    "Alle meldingen op naam van J. van der Berg, klantnummer KL-10001.",
                    "All tickets in the name of J. van der Berg, customer number KL-10001.",
                    "Alle Meldungen auf den Namen J. van der Berg, Kundennummer KL-10001.",
                ),
            )
    raise ValueError(f"no sample for {letter_type}")


def sample_context(
    letter_type: LetterType, lang: str = "nl", *, data_rows: int | None = None
) -> LetterContext:
    """An example letter of ``letter_type`` to Mr Van der Berg, received 24 November 2026."""
    payload = sample_payload(letter_type, lang)
    if data_rows is not None and isinstance(payload, AccessPayload):
        payload = replace(payload, data_by_system=sample_data_rows(data_rows, lang))
    notice = letter_type == LetterType.RECIPIENT_NOTICE
    return LetterContext(
        letter_type=letter_type,
        lang=lang,
        organisation=SAMPLE_ORGANISATION,
        addressee=SAMPLE_ADDRESSES[lang],
        salutation=(_RECIPIENT_SALUTATION if notice else _SALUTATION)[lang],
        our_reference="AVG-2026-0001",
        # An Art. 19 notice goes to a company that never wrote to us: no "your letter of".
        their_reference=None if notice else "JvdB/2026-11",
        their_letter_date=None if notice else date(2026, 11, 20),
        letter_date=date(2026, 11, 25),
        received_on=date(2026, 11, 24),
        request_types=("access", "erasure")
        if letter_type != LetterType.OBJECTION
        else ("objection",),
        handled_by="M. de Bruijn",
        promise_date=date(2026, 12, 22),
        legal_deadline=date(2026, 12, 24),
        payload=payload,
    )
