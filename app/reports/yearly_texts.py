"""The words of the yearly report in Dutch and English (``yearly_report`` lays them out)."""

from __future__ import annotations

from typing import Final

from app.core.i18n import C_, Labels

MONTH_ABBR: Final[Labels[int]] = Labels(
    {
        0: C_("month abbreviation", "Jan"),
        1: C_("month abbreviation", "Feb"),
        2: C_("month abbreviation", "Mar"),
        3: C_("month abbreviation", "Apr"),
        4: C_("month abbreviation", "May"),
        5: C_("month abbreviation", "Jun"),
        6: C_("month abbreviation", "Jul"),
        7: C_("month abbreviation", "Aug"),
        8: C_("month abbreviation", "Sep"),
        9: C_("month abbreviation", "Oct"),
        10: C_("month abbreviation", "Nov"),
        11: C_("month abbreviation", "Dec"),
    }
)

T: Final[Labels[str]] = Labels(
    {
        "title_year": C_("yearly report", "Data subject requests (GDPR): annual report {year}"),
        "title_period": C_("yearly report", "Data subject requests (GDPR): report {start} – {end}"),
        "subtitle": C_(
            "yearly report", "{org} · requests received {start} – {end} · as of {today}"
        ),
        "total": C_("yearly report", "requests received"),
        "answered": C_("yearly report", "answered"),
        "within_promise": C_("yearly report", "within our promise ({weeks} weeks)"),
        "within_legal": C_("yearly report", "within the legal term"),
        "median": C_("yearly report", "days median handling time"),
        "p90": C_("yearly report", "days: 90% answered within this time"),
        "overdue": C_("yearly report", "overdue now"),
        "open": C_("yearly report", "still open now"),
        "extensions": C_("yearly report", "term extended (Art. 12(3))"),
        "paused": C_("yearly report", "clock paused (question to the person)"),
        "refusals": C_("yearly report", "refused in whole or in part"),
        "withdrawn": C_("yearly report", "withdrawn"),
        "in_brief": C_("yearly report", "In brief"),
        "brief": C_(
            "yearly report",
            "From {start} to {end} {org} received {total} requests. {answered} were "
            "answered: {promise} within our own promise of {weeks} weeks and "
            "{legal} within the legal term. Half were answered within {median} "
            "days, 90% within {p90} days. On {today} {open} requests are still "
            "open, {overdue} of them overdue.",
        ),
        "none": C_("yearly report", "No requests were received in this period."),
        "no_personal": C_(
            "yearly report", "This report contains no personal data and no case references."
        ),
        "per_type": C_("yearly report", "Requests per type"),
        "type": C_("yearly report", "Type"),
        "article": C_("yearly report", "Article"),
        "requests": C_("yearly report", "Requests"),
        "share_promise": C_("yearly report", "Within promise"),
        "share_legal": C_("yearly report", "Within legal term"),
        "per_month": C_("yearly report", "Requests per month of receipt"),
        "month": C_("yearly report", "Month"),
        "days": C_("yearly report", "Handling time (days from receipt to answer)"),
        "days_col": C_("yearly report", "Days"),
        "count": C_("yearly report", "Count"),
        "share": C_("yearly report", "Share"),
        "outcomes": C_("yearly report", "Outcomes and refusals"),
        "outcome": C_("yearly report", "Outcome"),
        "outcome_none": C_("yearly report", "(none yet)"),
        "refusal_note": C_(
            "yearly report",
            "Refused in whole or in part: {n} cases. The grounds, per request (a "
            "letter with several requests counts per request):",
        ),
        "ground": C_("yearly report", "Ground of the refusal"),
        "no_refusals": C_("yearly report", "Nothing was refused in this period."),
        "systems": C_("yearly report", "Systems searched"),
        "system": C_("yearly report", "System"),
        "searches": C_("yearly report", "Searches"),
        "failed": C_("yearly report", "Failed"),
        "findings": C_("yearly report", "Findings"),
        "no_systems": C_(
            "yearly report", "No source systems were searched automatically for these requests."
        ),
        "changes": C_("yearly report", "Erasures and rectifications executed"),
        "operation": C_("yearly report", "Operation"),
        "erasure": C_("yearly report", "erasure"),
        "rectification": C_("yearly report", "rectification"),
        "no_changes": C_(
            "yearly report", "No erasures or rectifications were executed for these requests."
        ),
        "status": C_("yearly report", "Status now"),
        "definitions": C_("yearly report", "Definitions"),
        "def_text": C_(
            "yearly report",
            "Counted are the requests received in the period. A request counts as "
            "answered once an answer date is recorded; a refusal is an answer too. "
            "The legal term is one month after receipt (Art. 12(3) GDPR), or the "
            "extended term when the extension was notified in time; paused days "
            "move the terms. Handling time is the number of calendar days from "
            "receipt to answer. The 90th percentile is the shortest time within "
            "which at least 90% were answered.",
        ),
        "footer": C_("yearly report", "{org} · GDPR requests {start} – {end}"),
        "h_chain": C_("yearly report", "Audit trail check"),
        "chain_note": C_(
            "yearly report",
            "Keyed hash chain (HMAC-SHA256) over every event, checked when this report was made. "
            "Keep the head: a later check (privacy-desk audit verify) must find the same or a "
            "longer chain.",
        ),
        "chain_kind": C_("yearly report", "Kind of check"),
        "chain_full": C_("yearly report", "Full: every event from the first"),
        "chain_incremental": C_(
            "yearly report",
            "Since the last check: only the events after {since}, the place a previous check "
            "found intact (the full check: privacy-desk audit verify)",
        ),
        "chain_result": C_("yearly report", "Result"),
        "chain_ok": C_("yearly report", "Intact: {events} events checked"),
        "chain_broken": C_("yearly report", "BROKEN: {problem}"),
        "chain_head": C_("yearly report", "Chain head"),
    }
)


OUTCOME_LABEL: Final[Labels[str]] = Labels(
    {
        "": C_("outcome, short", "none yet"),
        "granted": C_("outcome, short", "granted"),
        "partly_refused": C_("outcome, short", "partly refused"),
        "refused": C_("outcome, short", "refused"),
        "withdrawn": C_("outcome, short", "withdrawn"),
        "no_data": C_("outcome, short", "no data"),
        "manifestly_unfounded": C_("outcome, short", "manifestly unfounded"),
        "excessive": C_("outcome, short", "excessive"),
    }
)
