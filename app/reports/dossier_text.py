"""Fixed Dutch and English words of the case dossier PDF: labels, headings and code names."""

from __future__ import annotations

from typing import Final

from app.core import code_words
from app.core.i18n import C_, Labels, format_number

LANGUAGES: Final = ("nl", "en", "de")

# Fixed texts by key. Dutch follows DOMAIN.md section 9 and the words of the Dutch UI.
TEXT: Final[Labels[str]] = Labels(
    {
        "title": C_("dossier", "Case dossier {ref}"),
        "subtitle": C_(
            "dossier",
            "{org} · generated {at} (Europe/Amsterdam) · contains personal data: keep confidential",
        ),
        "footer": C_("dossier", "Dossier {ref} · {org} · confidential"),
        "h_requester": C_("dossier", "Data subject"),
        "h_representative": C_("dossier", "Representative"),
        "h_request": C_("dossier", "Request"),
        "h_decisions": C_("dossier", "Decisions"),
        "h_dates": C_("dossier", "Dates and deadlines"),
        "h_pauses": C_("dossier", "Pauses (clock stopped)"),
        "h_identity": C_("dossier", "Identity checks"),
        "h_systems": C_("dossier", "Systems searched"),
        "h_manual": C_("dossier", "Manual checks"),
        "h_notices": C_("dossier", "Recipients notified (Art. 19)"),
        "h_letters": C_("dossier", "Letters"),
        "h_documents": C_("dossier", "Documents"),
        "h_notes": C_("dossier", "Notes"),
        "h_timeline": C_("dossier", "Audit timeline"),
        "h_chain": C_("dossier", "Audit trail check"),
        "chain_note": C_(
            "dossier",
            "Keyed hash chain (HMAC-SHA256) over every event of every case and the SHA-256 of "
            "every document, checked when this dossier was made. Keep the head: a later check "
            "(privacy-desk audit verify) must find the same or a longer chain.",
        ),
        "chain_kind": C_("dossier", "Kind of check"),
        "chain_full": C_("dossier", "Full: every event from the first"),
        "chain_incremental": C_(
            "dossier",
            "Since the last check: only the events after {since}, the place a previous check "
            "found intact (the full check: privacy-desk audit verify)",
        ),
        "chain_result": C_("dossier", "Result"),
        "chain_ok": C_("dossier", "Intact: {events} events and {documents} documents checked"),
        "chain_broken": C_("dossier", "BROKEN: {problem}"),
        "chain_head": C_("dossier", "Chain head"),
        "timeline_note": C_(
            "dossier",
            "Every row of this case's audit trail, in order; times in "
            "Europe/Amsterdam, summaries as recorded.",
        ),
        "no_identity": C_("dossier", "No identity check recorded."),
        "no_systems": C_("dossier", "No system was searched."),
        "no_letters": C_("dossier", "No letters."),
        "no_documents": C_("dossier", "No documents."),
        "no_decisions": C_("dossier", "No decision recorded yet."),
        "name": C_("dossier", "Name"),
        "salutation": C_("dossier", "Salutation"),
        "address": C_("dossier", "Address"),
        "postcode_city": C_("dossier", "Postcode / city"),
        "country": C_("dossier", "Country"),
        "email": C_("dossier", "E-mail"),
        "phone": C_("dossier", "Phone"),
        "birth_date": C_("dossier", "Birth date"),
        "identifiers": C_("dossier", "Identifiers"),
        "role": C_("dossier", "Role"),
        "organisation": C_("dossier", "Organisation"),
        "authorisation_document": C_("dossier", "Authorisation document"),
        "types": C_("dossier", "Request types"),
        "status": C_("dossier", "Status"),
        "case_outcome": C_("dossier", "Case outcome"),
        "channel": C_("dossier", "Received by"),
        "language": C_("dossier", "Language of the answer"),
        "their_reference": C_("dossier", "Their reference"),
        "their_letter_date": C_("dossier", "Their letter date"),
        "handled_by": C_("dossier", "Handled by"),
        "summary": C_("dossier", "Summary"),
        "anonymised": C_("dossier", "Anonymised"),
        "received": C_("dossier", "Received"),
        "registered": C_("dossier", "Registered"),
        "acknowledged": C_("dossier", "Acknowledged"),
        "promise": C_("dossier", "Promise"),
        "post_by": C_("dossier", "Post by"),
        "legal_deadline": C_("dossier", "Legal deadline"),
        "extension_notice": C_("dossier", "Extension notice"),
        "extension_reason": C_("dossier", "Extension reason"),
        "extended_deadline": C_("dossier", "Extended deadline"),
        "deadline_that_counts": C_("dossier", "Deadline that counts"),
        "answered": C_("dossier", "Answered"),
        "closed": C_("dossier", "Closed"),
        "paused": C_("dossier", "paused"),
        "col_from": C_("dossier", "From"),
        "col_until": C_("dossier", "Until"),
        "col_days": C_("dossier", "Days"),
        "col_reason": C_("dossier", "Reason"),
        "col_date": C_("dossier", "Date"),
        "col_method": C_("dossier", "Method"),
        "col_outcome": C_("dossier", "Outcome"),
        "col_document": C_("dossier", "Document"),
        "col_checked_by": C_("dossier", "Checked by"),
        "col_note": C_("dossier", "Note"),
        "col_request": C_("dossier", "Request"),
        "col_article": C_("dossier", "GDPR article"),
        "col_decision": C_("dossier", "Decision"),
        "col_system": C_("dossier", "System"),
        "col_searches": C_("dossier", "Searches"),
        "col_last_search": C_("dossier", "Last search"),
        "col_findings": C_("dossier", "Findings"),
        "col_review": C_("dossier", "Review"),
        "col_changes": C_("dossier", "Changes"),
        "col_result": C_("dossier", "Result"),
        "col_done_by": C_("dossier", "Done by"),
        "col_done_at": C_("dossier", "Done at"),
        "col_recipient": C_("dossier", "Recipient"),
        "col_action": C_("dossier", "Action"),
        "col_on": C_("dossier", "On"),
        "col_by": C_("dossier", "By"),
        "col_type": C_("dossier", "Type"),
        "col_file": C_("dossier", "File"),
        "col_bytes": C_("dossier", "Bytes"),
        "col_state": C_("dossier", "State"),
        "col_time": C_("dossier", "Time"),
        "col_author": C_("dossier", "Author"),
        "col_text": C_("dossier", "Text"),
        "col_actor": C_("dossier", "Actor"),
        "col_summary": C_("dossier", "Summary"),
        "col_status": C_("dossier", "Status"),
        "col_id": C_("dossier", "Id"),
        "col_sha": C_("dossier", "SHA-256"),
        "in_dossier": C_("dossier", "in dossier"),
        "deleted": C_("dossier", "deleted: {reason}"),
        "open": C_("dossier", "open"),
    }
)

# Names of stored codes, per kind of code. An unknown code is printed as it is.


def text(key: str, lang: str, **values: str) -> str:
    """The fixed text ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    template = TEXT[lang][key]
    return template.format(**values) if values else template


def word(kind: str, code: str, lang: str) -> str:
    """The name of a stored code (status, outcome...); an unknown code is shown as it is."""
    return code_words.word(kind, code, lang)


def coded(kind: str, code: str, lang: str) -> str:
    """The name with the stored code in brackets, e.g. "Brief geregistreerd (case_registered)".

    For what an auditor may look up or compare with the database; an unknown code, one whose
    name is the code itself, and the empty code ("not decided yet") are shown once.
    """
    name = word(kind, code, lang)
    return name if name == code or not code else f"{name} ({code})"


def known_codes(kind: str, lang: str) -> frozenset[str]:
    table = code_words.CODES[kind]
    return frozenset(table.texts if isinstance(table, Labels) else table[lang])


def number(value: int, lang: str) -> str:
    """A whole number with thousands separators: "1.234" in Dutch, "1,234" in English."""
    return format_number(value, lang)
