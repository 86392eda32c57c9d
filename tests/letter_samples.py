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

_SALUTATION = {
    "nl": "Geachte heer Van der Berg,",
    "en": "Dear Mr Van der Berg,",
}
_RECIPIENT_SALUTATION = {"nl": "Geachte heer, mevrouw,", "en": "Dear Sir or Madam,"}


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


def sample_data_rows(count: int) -> tuple[SystemData, ...]:
    """Data rows spread over two systems, ``count`` rows in all."""
    crm = tuple(
        DataRow(
            record=f"KL-{10000 + i // 5}",
            field=("Naam", "Adres", "E-mail", "Telefoon", "Notitie")[i % 5],
            value=(
                "Jan van der Berg",
                "Kerkstraat 12 A, 5211 AB 's-Hertogenbosch",
                "j.vanderberg@example.nl",
                "06 - 12 34 56 78",
                f"Belnotitie {i}: klant vraagt naar factuur € 49,95 van ‘Zoë IJsselstein-Çelik’",
            )[i % 5],
            category=("identiteit", "contact", "contact", "contact", "klantcontact")[i % 5],
        )
        for i in range(count - count // 4)
    )
    tickets = tuple(
        DataRow(
            record=f"TCK-{2000 + i}",
            field="Melding",
            value=f"Storing portal op {1 + i % 28} maart; opgelost binnen 2 uur.",
            category="klantcontact",
        )
        for i in range(count // 4)
    )
    return (SystemData("CRM (Exact Online)", crm), SystemData("Zendesk", tickets))


def sample_payload(letter_type: LetterType, lang: str) -> Payload | None:
    nl = lang == "nl"
    match letter_type:
        case LetterType.ACKNOWLEDGEMENT:
            return None
        case LetterType.CLARIFICATION:
            return ClarificationPayload(
                what_needed=(
                    "Uw klantnummer of het e-mailadres waarmee u bij ons bekend bent."
                    if nl
                    else "Your customer number or the e-mail address we know you by."
                ),
                why=(
                    "Het adres in uw brief is een ander adres dan wij van u hebben."
                    if nl
                    else "The address in your letter differs from the one we hold."
                ),
                id_copy_needed=True,
            )
        case LetterType.EXTENSION:
            return ExtensionPayload(
                reasons=(
                    "Uw gegevens staan in zeven systemen, waarvan twee archieven die wij "
                    "met de hand moeten doorzoeken."
                    if nl
                    else "Your data is held in seven systems, two of them archives that we "
                    "have to search by hand."
                ),
                new_deadline=date(2027, 2, 24),
            )
        case LetterType.ACCESS:
            return AccessPayload(
                processings=_processings(lang),
                data_by_system=sample_data_rows(24),
                redactions=(
                    "namen van medewerkers van andere klanten in twee meldingen"
                    if nl
                    else "names of other customers' staff in two tickets"
                ),
            )
        case LetterType.RECTIFICATION:
            return RectificationPayload(
                changes=(
                    Change("Adres", "Dorpsstraat 1", "Kerkstraat 12 A", "CRM"),
                    Change("Telefoon", "", "06 - 12 34 56 78", "CRM"),
                ),
                recipients_told=("Exact Online B.V.",),
            )
        case LetterType.ERASURE:
            return ErasurePayload(
                erased=(
                    ErasedItem(
                        "Nieuwsbrief" if nl else "Newsletter",
                        "e-mailadres" if nl else "e-mail address",
                    ),
                    ErasedItem("Zendesk", "12 meldingen" if nl else "12 tickets"),
                ),
                kept=(
                    KeptItem(
                        system="Exact Online",
                        description="facturen 2024-2026" if nl else "invoices 2024-2026",
                        ground_art17_3=Art17Ground.LEGAL_OBLIGATION,
                        statute=(
                            "fiscale bewaarplicht, artikel 52 Algemene wet inzake "
                            "rijksbelastingen (7 jaar)"
                            if nl
                            else "tax record-keeping, Article 52 of the Dutch General State "
                            "Taxes Act (7 years)"
                        ),
                        end_date=date(2034, 1, 1),
                    ),
                ),
                recipients_told=("Zendesk Inc.",),
            )
        case LetterType.OBJECTION:
            return ObjectionPayload(direct_marketing=True, upheld=True, suppression_listed=True)
        case LetterType.REFUSAL:
            return RefusalPayload(
                reasons=(
                    "U heeft in zes weken tijd elf keer hetzelfde verzoek gedaan. Wij hebben "
                    "uw vorige verzoek op 3 november 2026 volledig beantwoord."
                    if nl
                    else "You made the same request eleven times in six weeks. We answered "
                    "your previous request in full on 3 November 2026."
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
                    extra_lines=("t.a.v. Privacy Office" if nl else "Attn. Privacy Office",),
                    street_line="Kingsfordweg 151",
                    postcode="1043 GR",
                    city="Amsterdam",
                ),
                action=RecipientAction.ERASURE,
                details=(
                    "Alle meldingen op naam van J. van der Berg, klantnummer KL-10001."
                    if nl
                    else "All tickets in the name of J. van der Berg, customer number KL-10001."
                ),
            )
    raise ValueError(f"no sample for {letter_type}")


def sample_context(
    letter_type: LetterType, lang: str = "nl", *, data_rows: int | None = None
) -> LetterContext:
    """An example letter of ``letter_type`` to Mr Van der Berg, received 24 November 2026."""
    payload = sample_payload(letter_type, lang)
    if data_rows is not None and isinstance(payload, AccessPayload):
        payload = replace(payload, data_by_system=sample_data_rows(data_rows))
    notice = letter_type == LetterType.RECIPIENT_NOTICE
    return LetterContext(
        letter_type=letter_type,
        lang=lang,
        organisation=SAMPLE_ORGANISATION,
        addressee=SAMPLE_ADDRESS,
        salutation=(_RECIPIENT_SALUTATION if notice else _SALUTATION)[lang],
        our_reference="AVG-2026-0001",
        their_reference="JvdB/2026-11",
        their_letter_date=date(2026, 11, 20),
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
