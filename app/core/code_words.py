"""Names of the codes stored in the database (status, outcome, audit action...) per language.

The codes stay English in the database; people read them as words from the catalogues. An
audit summary keeps a code as a :func:`code_word`: the code itself in English (what was
recorded), the word in any other language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from app.core.enums import CASE_STATUS_LABEL, REQUEST_TYPE_LABEL
from app.core.i18n import C_, CODE_CONTEXT, Labels, Message, register_code_words
from app.core.outcomes import REFUSAL_GROUND_LABEL

CODES: Final[dict[str, Mapping[str, Mapping[str, str]]]] = {
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
            "reading": C_("search run", "scans being read"),
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
            "possible_duplicate": C_("audit action", "Possible duplicate flagged"),
            "inbox_registered": C_("audit action", "Registered from the scanner folder"),
            "reminder_received": C_("audit action", "Reminder received"),
            "reminder_unknown_request": C_("audit action", "Reminder to an unknown request"),
            "searchable_pdf_made": C_("audit action", "Searchable PDF made"),
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
            "rejection_undone": C_("audit action", "Rejection undone"),
            "manual_check_done": C_("audit action", "Manual check done"),
            "erasure_planned": C_("audit action", "Erasure planned"),
            "erasure_approved": C_("audit action", "Erasure approved"),
            "erasure_executed": C_("audit action", "Erasure executed"),
            "rectification_planned": C_("audit action", "Rectification planned"),
            "rectification_approved": C_("audit action", "Rectification approved"),
            "rectification_executed": C_("audit action", "Rectification executed"),
            "letter_drafted": C_("audit action", "Letter drafted"),
            "letter_edited": C_("audit action", "Letter edited"),
            "draft_discarded": C_("audit action", "Draft of an interrupted finalisation removed"),
            "letter_sent": C_("audit action", "Letter finalised"),
            "letter_posted": C_("audit action", "Letter sent by post"),
            "suppression_listed": C_(
                "audit action", "Added to the direct-marketing suppression list"
            ),
            "id_copy_purged": C_("audit action", "ID copy deleted"),
            "dossier_exported": C_("audit action", "Dossier exported"),
            "portability_exported": C_("audit action", "Portability export made"),
            "portability_decided": C_("audit action", "Portability decided"),
            "gate_overridden": C_(
                "audit action", "Letter finalised with a step not done (reason given)"
            ),
            "erasure_removed_by_hand": C_("audit action", "Removed by hand"),
            "erasure_keep_reason": C_("audit action", "Reason for keeping recorded"),
            "rectification_removed_by_hand": C_("audit action", "Corrected by hand"),
            "case_anonymised": C_("audit action", "Case anonymised"),
            "case_deleted": C_("audit action", "Case deleted"),
        }
    ),
}


def word(kind: str, code: str, lang: str) -> str:
    """The name of a stored code (status, outcome...); an unknown code is shown as it is."""
    table = CODES[kind]
    if isinstance(table, Labels):
        found = table.texts.get(code)
        return code if found is None else found.render(lang)
    return table[lang].get(code, code)


def code_word(kind: str, code: str) -> Message:
    """A stored code inside a message kept for later (an audit summary): shown as the code in
    English, as the word in any other language."""
    return Message(code, {"kind": kind}, context=CODE_CONTEXT)


register_code_words(word)
