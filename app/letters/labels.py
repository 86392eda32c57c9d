"""Fixed words printed around the letter text (reference row, closing, appendix), per language."""

from __future__ import annotations

from typing import Final

from app.core.i18n import C_, Labels

LABELS: Final[Labels[str]] = Labels(
    {
        "their_letter_date": C_("letter", "your letter of"),
        "their_reference": C_("letter", "your reference"),
        "our_reference": C_("letter", "our reference"),
        "handled_by": C_("letter", "handled by"),
        "date": C_("letter", "date"),
        "page": C_("letter", "Page {page} of {total}"),
        "closing": C_("letter", "Kind regards,"),
        # The body says "the appendix 'Overview of personal data'": the same word here.
        "enclosure": C_("letter", "Appendix: Overview of personal data"),
        "privacy_officer": C_("letter", "Privacy officer"),
        "dpo": C_("letter", "Data protection officer"),
        "postal_address": C_("letter", "Postal address"),
        "visiting_address": C_("letter", "Visiting address"),
        "phone": C_("letter", "Telephone"),
        "email": C_("letter", "E-mail"),
        "website": C_("letter", "Website"),
        "kvk": C_("letter", "CoC number"),
        "appendix_title": C_("letter", "Appendix: Overview of personal data"),
        "appendix_intro": C_(
            "letter",
            "Enclosed with our letter reference {ref} of {date}. Part 1 describes, "
            "per processing activity, what we do with your data; part 2 is a copy "
            "of the data we hold about you, per system.",
        ),
        "processings": C_("letter", "1. Processing activities"),
        "data": C_("letter", "2. Your data per system"),
        "purposes": C_("letter", "Purposes (a)"),
        "legal_basis": C_("letter", "Legal basis"),
        "categories": C_("letter", "Categories of data (b)"),
        "recipients": C_("letter", "Recipients (c)"),
        "retention": C_("letter", "Retention period (d)"),
        "source": C_("letter", "Source (g)"),
        "automated": C_("letter", "Automated decisions (h)"),
        "transfers": C_("letter", "Transfers outside the EEA"),
        "none": C_("letter", "none"),
        "from_you": C_("letter", "from you"),
        "record": C_("letter", "Record"),
        "field": C_("letter", "Item"),
        "value": C_("letter", "Value"),
        "category": C_("letter", "Category"),
        "rows": C_("letter", "{n} items"),
        "no_rows": C_("letter", "No data about you was found in this system."),
        "recipient_categories": C_("letter", "Categories of recipients: {categories}"),
        "unnamed_reason": C_("letter", "Why we cannot name them: {reason}"),
        "legend": C_("letter", "Explanation of terms"),
        "when": C_("letter", "Date and time"),
        "request": C_("letter", "Page or file requested"),
        "address": C_("letter", "IP address"),
        "browser": C_("letter", "Browser"),
        "log_count": C_("letter", "{n} log lines"),
        "log_elsewhere": C_("letter", 'The {n} log lines are in the separate appendix "Log data".'),
        "log_title": C_("letter", "Appendix: Log data"),
        "log_intro": C_(
            "letter",
            "Enclosed with our letter reference {ref} of {date}: every line of our website's "
            "log files that concerns you, in order of time (Dutch time).",
        ),
        "enclosures_with_log": C_("letter", "Enclosures: Overview of personal data; Log data"),
    }
)

# The line under the organisation's name: the letter's own subject, never another type's.
LETTERHEAD_LINES: Final[Labels[str]] = Labels(
    {
        "access": C_("letterhead", "Access request (GDPR)"),
        "rectification": C_("letterhead", "Rectification request (GDPR)"),
        "erasure": C_("letterhead", "Erasure request (GDPR)"),
        "restriction": C_("letterhead", "Request for restriction (GDPR)"),
        "portability": C_("letterhead", "Data portability request (GDPR)"),
        "objection": C_("letterhead", "Objection (GDPR)"),
        "recipient_notice": C_("letterhead", "Notice to a recipient (Article 19 GDPR)"),
        "request": C_("letterhead", "Privacy request (GDPR)"),
    }
)
