"""Shipped defaults: the Databalance organisation profile, settings and the processing register."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select, text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DEFAULT_ORGANISATION: dict[str, Any] = {
    "name": "Databalance Services B.V.",
    "department_line": "Afdeling Privacy",
    "street": "Hopbrouwer 18",
    "postcode": "5253 RE",
    "city": "Nieuwkuijk",
    "country": "NL",
    "visiting_address": "Hopbrouwer 18, 5253 RE Nieuwkuijk",
    # Demo values (example domain, a KvK number of the right form): change them in Settings.
    "phone": "073 - 303 04 00",
    "email": "privacy@databalance.example",
    "website": "www.databalance.example",
    "kvk_number": "17123456",
    "return_line": "Databalance Services B.V., Hopbrouwer 18, 5253 RE Nieuwkuijk",
    "signatory_name": "M. de Bruijn",
    "signatory_function": "",  # printed as "privacyfunctionaris": no FG is registered
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
    # Letters: how to greet a person without a recorded salutation ("neutral": "Geachte heer,
    # mevrouw,"; "full_name": "Geachte Y. van der Vos,"), and whether a Functionaris
    # Gegevensbescherming is registered with the AP (else letters say "privacyfunctionaris").
    "letter_salutation": {"without_title": "neutral"},
    "sender": {"dpo_registered": False},
    "retention": DEFAULT_RETENTION,
    "attachments": {"max_mb": 50},
    # The access answer gives every log line; beyond this many they go to a separate appendix.
    "access_copy": {"log_lines_in_letter": 200},
    "hot_folder": {"path": "", "purge_after_days": 30},
    # Untrusted documents (connectors): zip limits and the parsing child's memory and time.
    # The customer number's pattern (a regular expression such as DB\d{6}); empty: only a
    # number after "klantnummer:" / "customer number:" is proposed from a letter.
    "customer_number": {"pattern": ""},
    "reading_limits": {
        "max_unpacked_mb": 100,
        "max_ratio": 100,
        "memory_mb": 1024,
        "timeout_s": 120,
    },
}

# Built from the seed privacy statement (shared/seed/privacy-statement.nl.txt). Dutch in the
# columns, English and German in ``translations``: an access answer is written in one language
# throughout, so every text the letter prints exists in each letter language. Recipients: the
# statement names no suppliers, so the categories ship and an office names its own recipients
# (CJEU C-154/21; the finalise gate asks for them). Processings are linked to the configured
# systems by id (``processing_system``); a fresh database has no systems yet.
DEFAULT_REGISTER: list[dict[str, Any]] = [
    {
        "name": "Klantondersteuning en Self Service Portal",
        "purposes": "Ondersteuning bieden, producten en diensten leveren en verbeteren, "
        "meldingen over de dienstverlening sturen.",
        "legal_basis": "Uitvoering van de overeenkomst (artikel 6 lid 1 onder b AVG)",
        "data_categories": "Naam, contactgegevens, klantnummer, supportverzoeken en "
        "correspondentie, inloggegevens van het portaal",
        "subject_categories": "Klanten en contactpersonen van klanten",
        "recipients": "",
        "recipient_categories": "Toeleveranciers die ons helpen bij de dienstverlening, "
        "met een verwerkersovereenkomst",
        "retention": "Zolang de klantrelatie duurt en daarna 2 jaar; facturen en andere "
        "fiscale gegevens 7 jaar na afloop van het boekjaar (artikel 52 AWR)",
        "source": "",
        "transfers": "",
        "automated_decisions": "",
        "translations": {
            "en": {
                "name": "Customer support and Self Service Portal",
                "purposes": "Providing support, delivering and improving products and "
                "services, sending notices about the service.",
                "legal_basis": "Performance of the contract (Article 6(1)(b) GDPR)",
                "data_categories": "Name, contact details, customer number, support requests "
                "and correspondence, portal login details",
                "recipient_categories": "Suppliers who help us provide the service, under a "
                "data processing agreement",
                "retention": "As long as the customer relationship lasts and 2 years after "
                "that; invoices and other tax records 7 years after the end of the financial "
                "year (section 52 of the Dutch General Tax Act)",
            },
            "de": {
                "name": "Kundenbetreuung und Self Service Portal",
                "purposes": "Unterstützung leisten, Produkte und Dienstleistungen liefern und "
                "verbessern, Mitteilungen über den Service senden.",
                "legal_basis": "Erfüllung des Vertrags (Art. 6 Abs. 1 Buchst. b DSGVO)",
                "data_categories": "Name, Kontaktdaten, Kundennummer, Supportanfragen und "
                "Korrespondenz, Anmeldedaten des Portals",
                "recipient_categories": "Zulieferer, die uns bei der Dienstleistung helfen, "
                "mit einem Auftragsverarbeitungsvertrag",
                "retention": "Solange die Kundenbeziehung besteht und danach 2 Jahre; "
                "Rechnungen und andere steuerliche Unterlagen 7 Jahre nach Ende des "
                "Geschäftsjahres (Art. 52 des niederländischen Steuergesetzes AWR)",
            },
        },
    },
    {
        "name": "Ondersteuning op afstand",
        "purposes": "Op afstand meekijken en helpen bij technische problemen",
        "legal_basis": "Uitvoering van de overeenkomst (artikel 6 lid 1 onder b AVG)",
        "data_categories": "Naam, sessiegegevens (tijdstip, duur, medewerker), IP-adres",
        "subject_categories": "Klanten en contactpersonen van klanten",
        "recipients": "",
        "recipient_categories": "De leverancier van de software voor ondersteuning op afstand "
        "(verwerker)",
        "retention": "Sessiegegevens zolang de klantrelatie duurt en daarna 1 jaar",
        "source": "U zelf en de software voor ondersteuning op afstand",
        "transfers": "",
        "automated_decisions": "",
        "translations": {
            "en": {
                "name": "Remote support",
                "purposes": "Viewing your screen remotely and helping with technical problems",
                "legal_basis": "Performance of the contract (Article 6(1)(b) GDPR)",
                "data_categories": "Name, session details (time, duration, staff member), "
                "IP address",
                "recipient_categories": "The supplier of the remote support software (processor)",
                "retention": "Session details as long as the customer relationship lasts and "
                "1 year after that",
                "source": "You and the remote support software",
            },
            "de": {
                "name": "Fernwartung",
                "purposes": "Aus der Ferne auf Ihren Bildschirm schauen und bei technischen "
                "Problemen helfen",
                "legal_basis": "Erfüllung des Vertrags (Art. 6 Abs. 1 Buchst. b DSGVO)",
                "data_categories": "Name, Sitzungsdaten (Zeitpunkt, Dauer, Mitarbeiter), "
                "IP-Adresse",
                "recipient_categories": "Der Anbieter der Fernwartungssoftware "
                "(Auftragsverarbeiter)",
                "retention": "Sitzungsdaten, solange die Kundenbeziehung besteht, und danach "
                "1 Jahr",
                "source": "Sie selbst und die Fernwartungssoftware",
            },
        },
    },
    {
        "name": "Websitestatistieken en beveiliging van de website",
        "purposes": "Analyseren welke pagina's het meest bezocht worden, hoe bezoekers op de "
        "website komen en welke zoektermen zij gebruiken; de website beveiligen",
        "legal_basis": "Gerechtvaardigd belang: een goede en veilige website "
        "(artikel 6 lid 1 onder f AVG)",
        "data_categories": "IP-adres (in de statistieken ingekort: de laatste 2 getallen "
        "worden direct weggegooid), bezochte pagina's, zoektermen, browsergegevens",
        "subject_categories": "Websitebezoekers",
        "recipients": "",
        "recipient_categories": "",
        "retention": "Logbestanden van de webserver 5 dagen voor statistiek, daarna tot 90 "
        "dagen alleen voor beveiliging; statistiekgegevens 31 dagen, daarna alleen een totaal "
        "zonder persoonsgegevens",
        "source": "De webserver, automatisch bij uw bezoek aan de website",
        "transfers": "",
        "automated_decisions": "",
        "translations": {
            "en": {
                "name": "Website statistics and website security",
                "purposes": "Analysing which pages are visited most, how visitors reach the "
                "website and which search terms they use; securing the website",
                "legal_basis": "Legitimate interest: a good and secure website "
                "(Article 6(1)(f) GDPR)",
                "data_categories": "IP address (shortened in the statistics: the last 2 "
                "numbers are discarded at once), pages visited, search terms, browser details",
                "retention": "Web server log files 5 days for statistics, then up to 90 days "
                "for security only; statistics data 31 days, then only a total without "
                "personal data",
                "source": "The web server, automatically when you visit the website",
            },
            "de": {
                "name": "Website-Statistik und Sicherheit der Website",
                "purposes": "Auswerten, welche Seiten am häufigsten besucht werden, wie "
                "Besucher auf die Website kommen und welche Suchbegriffe sie verwenden; die "
                "Website schützen",
                "legal_basis": "Berechtigtes Interesse: eine gute und sichere Website "
                "(Art. 6 Abs. 1 Buchst. f DSGVO)",
                "data_categories": "IP-Adresse (in der Statistik gekürzt: die letzten 2 Zahlen "
                "werden sofort gelöscht), besuchte Seiten, Suchbegriffe, Browserdaten",
                "retention": "Protokolldateien des Webservers 5 Tage für die Statistik, danach "
                "bis zu 90 Tage nur für die Sicherheit; Statistikdaten 31 Tage, danach nur "
                "eine Summe ohne personenbezogene Daten",
                "source": "Der Webserver, automatisch bei Ihrem Besuch der Website",
            },
        },
    },
    {
        "name": "Nieuwsbrief",
        "purposes": "Aanbiedingen, acties en nieuws sturen",
        "legal_basis": "Toestemming (artikel 6 lid 1 onder a AVG)",
        "data_categories": "Alleen het e-mailadres",
        "subject_categories": "Abonnees van de nieuwsbrief",
        "recipients": "",
        "recipient_categories": "",
        "retention": "Tot u zich afmeldt; bij afmelden verwijderen wij het e-mailadres",
        "source": "",
        "transfers": "",
        "automated_decisions": "",
        "translations": {
            "en": {
                "name": "Newsletter",
                "purposes": "Sending offers, promotions and news",
                "legal_basis": "Consent (Article 6(1)(a) GDPR)",
                "data_categories": "Only the e-mail address",
                "retention": "Until you unsubscribe; we delete the e-mail address when you "
                "unsubscribe",
            },
            "de": {
                "name": "Newsletter",
                "purposes": "Angebote, Aktionen und Neuigkeiten senden",
                "legal_basis": "Einwilligung (Art. 6 Abs. 1 Buchst. a DSGVO)",
                "data_categories": "Nur die E-Mail-Adresse",
                "retention": "Bis Sie sich abmelden; bei der Abmeldung löschen wir die "
                "E-Mail-Adresse",
            },
        },
    },
    {
        "name": "Uitwisseling met toeleveranciers en derden",
        "purposes": "Producten en diensten leveren waarvoor wij toeleveranciers nodig hebben",
        "legal_basis": "Uitvoering van de overeenkomst (artikel 6 lid 1 onder b AVG)",
        "data_categories": "Naam, contactgegevens, gegevens die nodig zijn voor de levering",
        "subject_categories": "Klanten en contactpersonen van klanten",
        "recipients": "",
        "recipient_categories": "Toeleveranciers met wie wij een samenwerkings- of "
        "verwerkersovereenkomst hebben",
        "retention": "Zolang nodig voor de levering en daarna 2 jaar; facturen 7 jaar na "
        "afloop van het boekjaar (artikel 52 AWR)",
        "source": "",
        "transfers": "",
        "automated_decisions": "",
        "translations": {
            "en": {
                "name": "Exchange with suppliers and third parties",
                "purposes": "Delivering products and services for which we need suppliers",
                "legal_basis": "Performance of the contract (Article 6(1)(b) GDPR)",
                "data_categories": "Name, contact details, data needed for the delivery",
                "recipient_categories": "Suppliers with whom we have a cooperation or data "
                "processing agreement",
                "retention": "As long as needed for the delivery and 2 years after that; "
                "invoices 7 years after the end of the financial year (section 52 of the "
                "Dutch General Tax Act)",
            },
            "de": {
                "name": "Austausch mit Zulieferern und Dritten",
                "purposes": "Produkte und Dienstleistungen liefern, für die wir Zulieferer "
                "brauchen",
                "legal_basis": "Erfüllung des Vertrags (Art. 6 Abs. 1 Buchst. b DSGVO)",
                "data_categories": "Name, Kontaktdaten, für die Lieferung nötige Daten",
                "recipient_categories": "Zulieferer, mit denen wir einen Kooperations- oder "
                "Auftragsverarbeitungsvertrag haben",
                "retention": "Solange für die Lieferung nötig und danach 2 Jahre; Rechnungen "
                "7 Jahre nach Ende des Geschäftsjahres (Art. 52 des niederländischen "
                "Steuergesetzes AWR)",
            },
        },
    },
]


def defaults_present(conn: Connection) -> bool:
    """Whether the database has everything ``ensure_defaults`` would add: one plain query,
    so that a start with a complete database (every start after the first) compiles no ORM
    statements and takes no lock for it."""
    row = conn.execute(
        text(
            "SELECT (SELECT count(*) FROM organisation), (SELECT count(*) FROM processing_activity)"
        )
    ).one()
    if not row[0] or not row[1]:
        return False
    key = conn.dialect.identifier_preparer.quote("key")  # a reserved word in MariaDB
    keys = {str(k) for (k,) in conn.execute(text(f"SELECT {key} FROM setting"))}
    return keys.issuperset(DEFAULT_SETTINGS)


def ensure_defaults(session: Session) -> None:
    """Insert what a fresh database needs; never overwrites what the user changed."""
    # Here, not at the top: every start reads the defaults above (``defaults_present``), and
    # a command that only reads never needs the models (issue 15).
    from app.data.models import Organisation, ProcessingActivity, Setting

    if session.scalar(select(Organisation.id).limit(1)) is None:
        session.add(Organisation(active=True, **DEFAULT_ORGANISATION))
    existing = set(session.scalars(select(Setting.key)))
    for key, value in DEFAULT_SETTINGS.items():
        if key not in existing:
            session.add(Setting(key=key, value=value, updated_by="system"))
    if session.scalar(select(ProcessingActivity.id).limit(1)) is None:
        for entry in DEFAULT_REGISTER:
            session.add(ProcessingActivity(**entry))
