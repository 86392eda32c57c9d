"""Fixed Dutch and English words of the case dossier PDF: labels, headings and code names."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from app.core.enums import CASE_STATUS_LABEL, REQUEST_TYPE_LABEL
from app.core.i18n import C_, Labels, verbatim
from app.core.outcomes import REFUSAL_GROUND_LABEL

LANGUAGES: Final = ("nl", "en")

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
_CODES: Final[dict[str, Mapping[str, Mapping[str, str]]]] = {
    "status": Labels({s.value: m for s, m in CASE_STATUS_LABEL.texts.items()}),
    "type": Labels({t.value: m for t, m in REQUEST_TYPE_LABEL.texts.items()}),
    "refusal_ground": REFUSAL_GROUND_LABEL,
    "outcome": Labels(
        {
            "": C_("outcome", "not decided yet"),
            "granted": C_("outcome", "granted"),
            "partly_refused": C_("outcome", "partly refused"),
            "refused": C_("outcome", "refused"),
            "no_data": C_("outcome", "no data found"),
            "withdrawn": C_("outcome", "withdrawn"),
            "manifestly_unfounded": C_("outcome", "manifestly unfounded"),
            "excessive": C_("outcome", "excessive"),
        }
    ),
    "channel": Labels(
        {
            "post": C_("channel", "post"),
            "email": C_("channel", "e-mail"),
            "web_form": C_("channel", "web form"),
            "in_person": C_("channel", "in person"),
            "phone": C_("channel", "telephone"),
        }
    ),
    "language": Labels(
        {
            "nl": C_("language", "Dutch"),
            "en": C_("language", "English"),
        }
    ),
    "salutation": Labels(
        {
            "heer": C_("salutation", "Mr"),
            "mevrouw": C_("salutation", "Ms"),
        }
    ),
    "role": Labels(
        {
            "lawyer": C_("representative role", "lawyer"),
            "parent": C_("representative role", "parent"),
            "guardian": C_("representative role", "guardian"),
            "other": C_("representative role", "other representative"),
        }
    ),
    "identifier": Labels(
        {
            "email": C_("identifier", "e-mail address"),
            "customer_number": C_("identifier", "customer number"),
            "phone": C_("identifier", "phone number"),
            "postcode_house_number": C_("identifier", "postcode and house number"),
            "name_birth_date": C_("identifier", "name and birth date"),
            "ip_address": C_("identifier", "IP address"),
            "name": C_("identifier", "name"),
            "user_id": C_("identifier", "user id"),
            "other": C_("identifier", "other"),
        }
    ),
    "id_method": Labels(
        {
            "matched_known_data": C_("identity method", "name and address match our records"),
            "extra_info_requested": C_("identity method", "extra information requested"),
            "id_document_seen": C_("identity method", "ID document seen"),
            "representative_authorisation": C_(
                "identity method", "authorisation of the representative"
            ),
        }
    ),
    "id_outcome": Labels(
        {
            "verified": C_("identity outcome", "verified"),
            "doubt": C_("identity outcome", "reasonable doubt"),
            "failed": C_("identity outcome", "not verified"),
        }
    ),
    "document": Labels(
        {
            "scan": C_("document kind", "scan"),
            "letter": C_("document kind", "letter"),
            "authorisation": C_("document kind", "authorisation"),
            "id_copy": C_("document kind", "ID copy"),
            "attachment": C_("document kind", "attachment"),
            "export": C_("document kind", "export"),
        }
    ),
    "letter": Labels(
        {
            "acknowledgement": C_("letter type", "acknowledgement of receipt"),
            "clarification": C_("letter type", "request for identification or clarification"),
            "extension": C_("letter type", "extension notice"),
            "access": C_("letter type", "access answer"),
            "rectification": C_("letter type", "rectification done"),
            "erasure": C_("letter type", "erasure done or partly refused"),
            "objection": C_("letter type", "objection upheld or refused"),
            "refusal": C_("letter type", "refusal"),
            "recipient_notice": C_("letter type", "notice to a recipient (Art. 19)"),
        }
    ),
    "letter_status": Labels(
        {
            "draft": C_("letter status", "draft"),
            "final": C_("letter status", "final"),
        }
    ),
    "run": Labels(
        {
            "ok": C_("search run", "done"),
            "failed": C_("search run", "failed"),
            "cancelled": C_("search run", "cancelled"),
            "manual_pending": C_("search run", "manual, open"),
        }
    ),
    "review": Labels(
        {
            "pending": C_("review", "to review"),
            "confirmed": C_("review", "confirmed"),
            "rejected": C_("review", "rejected"),
        }
    ),
    "change": Labels(
        {
            "planned": C_("change outcome", "planned"),
            "removed": C_("change outcome", "removed"),
            "changed": C_("change outcome", "changed"),
            "kept": C_("change outcome", "kept"),
            "failed": C_("change outcome", "failed"),
        }
    ),
    "manual": Labels(
        {
            "found": C_("manual check", "data found"),
            "not_found": C_("manual check", "nothing found"),
            "done": C_("manual check", "done"),
        }
    ),
    "notice_method": Labels(
        {
            "letter": C_("notice method", "letter"),
            "email": C_("notice method", "e-mail"),
            "e-mail": C_("notice method", "e-mail"),
            "portal": C_("notice method", "portal"),
        }
    ),
    "action": Labels(
        {
            "case_registered": C_("audit action", "Letter registered"),
            "case_edited": C_("audit action", "Case edited"),
            "status_changed": C_("audit action", "Status changed"),
            "note_added": C_("audit action", "Note added"),
            "document_added": C_("audit action", "Document added"),
            "identity_checked": C_("audit action", "Identity checked"),
            "case_linked": C_("audit action", "Case linked"),
            "identifiers_changed": C_("audit action", "Identifiers changed"),
            "database_backed_up": C_("audit action", "Database backed up"),
            "pause_started": C_("audit action", "Clock paused"),
            "pause_ended": C_("audit action", "Clock resumed"),
            "extension_granted": C_("audit action", "Deadline extended"),
            "authorisation_missing": C_("audit action", "Authorisation missing"),
            "authorisation_received": C_("audit action", "Authorisation received"),
            "decision_recorded": C_("audit action", "Decision recorded"),
            "systems_searched": C_("audit action", "Systems searched"),
            "findings_reviewed": C_("audit action", "Findings reviewed"),
            "manual_check_done": C_("audit action", "Manual check done"),
            "erasure_planned": C_("audit action", "Erasure planned"),
            "erasure_approved": C_("audit action", "Erasure approved"),
            "erasure_executed": C_("audit action", "Erasure executed"),
            "rectification_planned": C_("audit action", "Rectification planned"),
            "rectification_approved": C_("audit action", "Rectification approved"),
            "rectification_executed": C_("audit action", "Rectification executed"),
            "letter_drafted": C_("audit action", "Letter drafted"),
            "letter_edited": C_("audit action", "Letter edited"),
            "letter_sent": C_("audit action", "Letter finalised"),
            "suppression_listed": C_(
                "audit action", "Added to the direct-marketing suppression list"
            ),
            "id_copy_purged": C_("audit action", "ID copy deleted"),
            "dossier_exported": C_("audit action", "Dossier exported"),
            "portability_exported": C_("audit action", "Portability export made"),
            "case_anonymised": C_("audit action", "Case anonymised"),
            "case_deleted": C_("audit action", "Case deleted"),
        }
    ),
}


def text(key: str, lang: str, **values: str) -> str:
    """The fixed text ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    template = TEXT[lang][key]
    return template.format(**values) if values else template


def word(kind: str, code: str, lang: str) -> str:
    """The name of a stored code (status, outcome...); an unknown code is shown as it is."""
    return _CODES[kind][lang].get(code, code)


def code_word(kind: str, code: str) -> str:
    """The name of a stored code as a Message, rendered later in the reader's language (an
    audit summary); an unknown code stays as it is."""
    table = _CODES[kind]
    if isinstance(table, Labels) and code in table.texts:
        return table.texts[code]
    return verbatim(code)


def coded(kind: str, code: str, lang: str) -> str:
    """The name with the stored code in brackets, e.g. "Brief geregistreerd (case_registered)".

    For what an auditor may look up or compare with the database; an unknown code, one whose
    name is the code itself, and the empty code ("not decided yet") are shown once.
    """
    name = word(kind, code, lang)
    return name if name == code or not code else f"{name} ({code})"


def known_codes(kind: str, lang: str) -> frozenset[str]:
    return frozenset(_CODES[kind][lang])


def number(value: int, lang: str) -> str:
    """A whole number with thousands separators: "1.234" in Dutch, "1,234" in English."""
    grouped = f"{value:,}"
    return grouped.replace(",", ".") if lang == "nl" else grouped
