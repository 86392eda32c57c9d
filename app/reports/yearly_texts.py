"""The words of the yearly report in Dutch and English (``yearly_report`` lays them out)."""

from __future__ import annotations

from typing import Final

MONTH_ABBR: Final = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}

T: Final[dict[str, dict[str, str]]] = {
    "nl": {
        "title_year": "Verzoeken van betrokkenen (AVG): jaaroverzicht {year}",
        "title_period": "Verzoeken van betrokkenen (AVG): overzicht {start} – {end}",
        "subtitle": "{org} · verzoeken ontvangen {start} – {end} · stand per {today}",
        "total": "verzoeken ontvangen",
        "answered": "beantwoord",
        "within_promise": "binnen de toezegging ({weeks} weken)",
        "within_legal": "binnen de wettelijke termijn",
        "median": "dagen mediane behandelduur",
        "p90": "dagen: 90% binnen deze tijd beantwoord",
        "overdue": "nu over de termijn",
        "open": "nu nog open",
        "extensions": "termijn verlengd (art. 12 lid 3)",
        "paused": "klok stilgezet (vraag aan betrokkene)",
        "refusals": "geheel of gedeeltelijk geweigerd",
        "withdrawn": "ingetrokken",
        "in_brief": "In het kort",
        "brief": "Van {start} tot en met {end} ontving {org} {total} verzoeken. Daarvan zijn er "
        "{answered} beantwoord: {promise} binnen de eigen toezegging van {weeks} weken en "
        "{legal} binnen de wettelijke termijn. De helft was binnen {median} dagen beantwoord, "
        "90% binnen {p90} dagen. Op {today} zijn {open} verzoeken nog open, waarvan {overdue} "
        "over de termijn.",
        "none": "Er zijn in deze periode geen verzoeken ontvangen.",
        "no_personal": "Dit overzicht bevat geen persoonsgegevens en geen kenmerken van zaken.",
        "per_type": "Verzoeken per soort",
        "type": "Soort",
        "article": "Artikel",
        "requests": "Verzoeken",
        "share_promise": "Binnen toezegging",
        "share_legal": "Binnen wettelijke termijn",
        "per_month": "Verzoeken per maand van ontvangst",
        "month": "Maand",
        "days": "Behandelduur (dagen van ontvangst tot antwoord)",
        "days_col": "Dagen",
        "count": "Aantal",
        "share": "Aandeel",
        "outcomes": "Uitkomsten en weigeringen",
        "outcome": "Uitkomst",
        "outcome_none": "(nog geen)",
        "refusal_note": "Geheel of gedeeltelijk geweigerd: {n} zaken. De gronden, per verzoek "
        "(een brief met meer verzoeken telt per verzoek):",
        "ground": "Grond van de weigering",
        "no_refusals": "Er is in deze periode niets geweigerd.",
        "systems": "Doorzochte systemen",
        "system": "Systeem",
        "searches": "Zoekopdrachten",
        "failed": "Mislukt",
        "findings": "Vindplaatsen",
        "no_systems": "Er is voor deze verzoeken niet automatisch in systemen gezocht.",
        "changes": "Uitgevoerde verwijderingen en correcties",
        "operation": "Handeling",
        "erasure": "verwijdering",
        "rectification": "correctie",
        "no_changes": "Er zijn voor deze verzoeken geen verwijderingen of correcties uitgevoerd.",
        "status": "Stand per status",
        "definitions": "Toelichting",
        "def_text": "Meegeteld zijn de verzoeken die in de periode zijn ontvangen. Een verzoek "
        "geldt als beantwoord zodra een antwoorddatum is vastgelegd; een weigering is ook een "
        "antwoord. De wettelijke termijn is één maand na ontvangst (art. 12 lid 3 AVG), of de "
        "verlengde termijn als verlenging tijdig is gemeld; stilgezette dagen schuiven de "
        "termijnen op. Behandelduur is het aantal kalenderdagen van ontvangst tot antwoord. "
        "Het 90e percentiel is de kleinste duur waarbinnen ten minste 90% is beantwoord.",
        "footer": "{org} · AVG-verzoeken {start} – {end}",
        "h_chain": "Controle van de audittrail",
        "chain_note": "Sleutelgebonden hashketen (HMAC-SHA256) over alle gebeurtenissen, "
        "gecontroleerd toen dit overzicht werd gemaakt. Bewaar de kop: een latere controle "
        "(privacy-desk audit verify) moet dezelfde of een langere keten vinden.",
        "chain_result": "Resultaat",
        "chain_ok": "Intact: {events} gebeurtenissen gecontroleerd",
        "chain_broken": "GEBROKEN: {problem}",
        "chain_head": "Kop van de keten",
    },
    "en": {
        "title_year": "Data subject requests (GDPR): annual report {year}",
        "title_period": "Data subject requests (GDPR): report {start} – {end}",
        "subtitle": "{org} · requests received {start} – {end} · as of {today}",
        "total": "requests received",
        "answered": "answered",
        "within_promise": "within our promise ({weeks} weeks)",
        "within_legal": "within the legal term",
        "median": "days median handling time",
        "p90": "days: 90% answered within this time",
        "overdue": "overdue now",
        "open": "still open now",
        "extensions": "term extended (Art. 12(3))",
        "paused": "clock paused (question to the person)",
        "refusals": "refused in whole or in part",
        "withdrawn": "withdrawn",
        "in_brief": "In brief",
        "brief": "From {start} to {end} {org} received {total} requests. {answered} were "
        "answered: {promise} within our own promise of {weeks} weeks and {legal} within the "
        "legal term. Half were answered within {median} days, 90% within {p90} days. On {today} "
        "{open} requests are still open, {overdue} of them overdue.",
        "none": "No requests were received in this period.",
        "no_personal": "This report contains no personal data and no case references.",
        "per_type": "Requests per type",
        "type": "Type",
        "article": "Article",
        "requests": "Requests",
        "share_promise": "Within promise",
        "share_legal": "Within legal term",
        "per_month": "Requests per month of receipt",
        "month": "Month",
        "days": "Handling time (days from receipt to answer)",
        "days_col": "Days",
        "count": "Count",
        "share": "Share",
        "outcomes": "Outcomes and refusals",
        "outcome": "Outcome",
        "outcome_none": "(none yet)",
        "refusal_note": "Refused in whole or in part: {n} cases. The grounds, per request (a "
        "letter with several requests counts per request):",
        "ground": "Ground of the refusal",
        "no_refusals": "Nothing was refused in this period.",
        "systems": "Systems searched",
        "system": "System",
        "searches": "Searches",
        "failed": "Failed",
        "findings": "Findings",
        "no_systems": "No source systems were searched automatically for these requests.",
        "changes": "Erasures and rectifications executed",
        "operation": "Operation",
        "erasure": "erasure",
        "rectification": "rectification",
        "no_changes": "No erasures or rectifications were executed for these requests.",
        "status": "Status now",
        "definitions": "Definitions",
        "def_text": "Counted are the requests received in the period. A request counts as "
        "answered once an answer date is recorded; a refusal is an answer too. The legal term "
        "is one month after receipt (Art. 12(3) GDPR), or the extended term when the extension "
        "was notified in time; paused days move the terms. Handling time is the number of "
        "calendar days from receipt to answer. The 90th percentile is the shortest time within "
        "which at least 90% were answered.",
        "footer": "{org} · GDPR requests {start} – {end}",
        "h_chain": "Audit trail check",
        "chain_note": "Keyed hash chain (HMAC-SHA256) over every event, checked when this "
        "report was made. Keep the head: a later check (privacy-desk audit verify) must find "
        "the same or a longer chain.",
        "chain_result": "Result",
        "chain_ok": "Intact: {events} events checked",
        "chain_broken": "BROKEN: {problem}",
        "chain_head": "Chain head",
    },
}


OUTCOME_LABEL: Final[dict[str, dict[str, str]]] = {
    "nl": {
        "": "nog geen",
        "granted": "toegewezen",
        "partly_refused": "deels geweigerd",
        "refused": "geweigerd",
        "withdrawn": "ingetrokken",
        "no_data": "geen gegevens",
        "manifestly_unfounded": "kennelijk ongegrond",
        "excessive": "buitensporig",
    },
    "en": {
        "": "none yet",
        "granted": "granted",
        "partly_refused": "partly refused",
        "refused": "refused",
        "withdrawn": "withdrawn",
        "no_data": "no data",
        "manifestly_unfounded": "manifestly unfounded",
        "excessive": "excessive",
    },
}
