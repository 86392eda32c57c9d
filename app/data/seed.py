"""Shipped defaults: the Databalance organisation profile, settings and the processing register."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.data.models import Organisation, ProcessingActivity, Setting

DEFAULT_ORGANISATION: dict[str, Any] = {
    "name": "Databalance Services B.V.",
    "department_line": "Inzageverzoek AVG/GDPR",
    "street": "Hopbrouwer 18",
    "postcode": "5253 RE",
    "city": "Nieuwkuijk",
    "country": "NL",
    "visiting_address": "Hopbrouwer 18, 5253 RE Nieuwkuijk",
    "return_line": "Databalance Services B.V., Hopbrouwer 18, 5253 RE Nieuwkuijk",
    "signatory_name": "De privacy officer",
    "signatory_function": "Functionaris gegevensbescherming",
    "default_language": "nl",
    "promise_weeks": 4,
}

# Retention of request files per outcome (months after closing), with the reason recorded.
DEFAULT_RETENTION: dict[str, dict[str, Any]] = {
    "granted": {
        "months": 24,
        "reason": "Verantwoording (art. 5 lid 2 AVG) en mogelijke klacht bij de AP",
    },
    "partly_refused": {
        "months": 36,
        "reason": "Termijn voor bezwaar, klacht bij de AP of rechtbank",
    },
    "refused": {"months": 36, "reason": "Termijn voor bezwaar, klacht bij de AP of rechtbank"},
    "withdrawn": {"months": 12, "reason": "Verantwoording van het ingetrokken verzoek"},
    "no_data": {"months": 12, "reason": "Verantwoording (art. 5 lid 2 AVG)"},
}

DEFAULT_SETTINGS: dict[str, dict[str, Any]] = {
    # What an office adjusts after a test print against its own window envelopes.
    "letter_layout": {
        "address_left_mm": 35.0,
        "address_width_mm": 70.0,
        "address_shift_down_mm": 0.0,
        "reference_row_shift_down_mm": 0.0,
        "fold_marks": True,
    },
    "extra_holidays": {"dates": []},
    "retention": DEFAULT_RETENTION,
    "attachments": {"max_mb": 50},
    "hot_folder": {"path": "", "purge_after_days": 30},
    # Untrusted documents (connectors): zip limits and the parsing child's memory and time.
    "reading_limits": {
        "max_unpacked_mb": 100,
        "max_ratio": 100,
        "memory_mb": 1024,
        "timeout_s": 120,
    },
}

# Built from the seed privacy statement (shared/seed/privacy-statement.nl.txt).
DEFAULT_REGISTER: list[dict[str, str]] = [
    {
        "name": "Klantondersteuning en Self Service Portal",
        "purposes": "Ondersteuning bieden, producten en services leveren en verbeteren, "
        "meldingen over de dienstverlening verzenden.",
        "legal_basis": "Uitvoering van de overeenkomst (art. 6 lid 1 sub b AVG)",
        "data_categories": "Naam, contactgegevens, klantnummer, supportverzoeken en "
        "correspondentie, inloggegevens van het portal",
        "subject_categories": "Klanten en contactpersonen van klanten",
        "recipients": "Toeleveranciers die Databalance helpen bij de dienstverlening, "
        "op grond van een samenwerkingsovereenkomst",
        "retention": "Niet langer dan noodzakelijk voor het doel of vereist op grond van de "
        "Archiefwet; fiscale gegevens 7 jaar (art. 52 AWR)",
        "source": "De klant zelf",
        "transfers": "Geen doorgifte buiten de EER",
        "automated_decisions": "Geen geautomatiseerde besluitvorming",
        "systems": "Self Service Portal",
    },
    {
        "name": "Remote ondersteuning",
        "purposes": "Op afstand meekijken en hulp bieden bij technische problemen",
        "legal_basis": "Uitvoering van de overeenkomst (art. 6 lid 1 sub b AVG)",
        "data_categories": "Naam, sessiegegevens (tijdstip, duur, medewerker), IP-adres",
        "subject_categories": "Klanten en contactpersonen van klanten",
        "recipients": "Leverancier van de remote-supportsoftware (verwerker)",
        "retention": "Sessiegegevens zolang de klantrelatie duurt",
        "source": "De klant zelf en de remote-supportsoftware",
        "transfers": "Geen doorgifte buiten de EER",
        "automated_decisions": "Geen geautomatiseerde besluitvorming",
        "systems": "Self Service Portal",
    },
    {
        "name": "Websitestatistieken (Piwik/Matomo)",
        "purposes": "Analyseren welke pagina's het meest bezocht worden, hoe bezoekers op de "
        "website komen en welke zoektermen worden gebruikt; beveiliging van de website",
        "legal_basis": "Gerechtvaardigd belang (art. 6 lid 1 sub f AVG)",
        "data_categories": "IP-adres (in Piwik ingekort: de laatste 2 octetten worden direct "
        "na import weggegooid), bezochte pagina's, zoektermen, browsergegevens",
        "subject_categories": "Websitebezoekers",
        "recipients": "Geen",
        "retention": "Ruwe logbestanden 5 dagen voor statistiek, daarna 90 dagen uitsluitend "
        "voor beveiliging; loggegevens 31 dagen in de database, daarna alleen een totaal",
        "source": "De webserver (automatisch verzameld bij het bezoek)",
        "transfers": "Geen doorgifte buiten de EER",
        "automated_decisions": "Geen geautomatiseerde besluitvorming",
        "systems": "Webserverlogs\nMatomo",
    },
    {
        "name": "Nieuwsbrief",
        "purposes": "Aanbiedingen, acties en nieuws verzenden",
        "legal_basis": "Toestemming (art. 6 lid 1 sub a AVG)",
        "data_categories": "Alleen het e-mailadres",
        "subject_categories": "Abonnees van de nieuwsbrief",
        "recipients": "Geen",
        "retention": "Tot afmelding; het e-mailadres wordt bij afmelden verwijderd",
        "source": "De abonnee zelf",
        "transfers": "Geen doorgifte buiten de EER",
        "automated_decisions": "Geen geautomatiseerde besluitvorming",
        "systems": "Nieuwsbrief",
    },
    {
        "name": "Uitwisseling met toeleveranciers en derden",
        "purposes": "Levering van producten en services waarvoor toeleveranciers nodig zijn",
        "legal_basis": "Samenwerkingsovereenkomst of wettelijke grondslag",
        "data_categories": "Naam, contactgegevens, gegevens die nodig zijn voor de levering",
        "subject_categories": "Klanten en contactpersonen van klanten",
        "recipients": "Toeleveranciers met wie een samenwerkings- of verwerkersovereenkomst "
        "is gesloten (per levering bij naam in het dossier)",
        "retention": "Zolang nodig voor de levering; daarna volgens de Archiefwet",
        "source": "De klant zelf",
        "transfers": "Geen doorgifte buiten de EER",
        "automated_decisions": "Geen geautomatiseerde besluitvorming",
        "systems": "",
    },
]


def ensure_defaults(session: Session) -> None:
    """Insert what a fresh database needs; never overwrites what the user changed."""
    if session.scalar(select(Organisation.id).limit(1)) is None:
        session.add(Organisation(active=True, **DEFAULT_ORGANISATION))
    existing = set(session.scalars(select(Setting.key)))
    for key, value in DEFAULT_SETTINGS.items():
        if key not in existing:
            session.add(Setting(key=key, value=value, updated_by="system"))
    if session.scalar(select(ProcessingActivity.id).limit(1)) is None:
        for entry in DEFAULT_REGISTER:
            session.add(ProcessingActivity(**entry))
