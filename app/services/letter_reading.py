"""Read an incoming letter with the office's own details: our address (never the sender) and
the customer number's pattern (a setting). Used by the intake dialog, the inbox and the CLI."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.customer_number import check_pattern
from app.core.errors import NotFoundError
from app.core.letter_fields import OwnAddress
from app.core.letter_text import LetterReading, read_letter
from app.data.database import Database
from app.services.stored_settings import active_organisation, read_setting


@dataclass(frozen=True)
class ReaderSettings:
    """What the letter reader needs from the database; read once, used for many letters."""

    own: OwnAddress | None = None
    customer_pattern: re.Pattern[str] | None = None

    def read(self, text: str) -> LetterReading:
        return read_letter(text, own=self.own, customer_pattern=self.customer_pattern)


def reader_settings(db: Database) -> ReaderSettings:
    """Our organisation profile and the checked customer number pattern (None when empty; a
    stored pattern that no longer passes the check is not used)."""
    with db.session() as session:
        try:
            org = active_organisation(session)
            own: OwnAddress | None = OwnAddress(
                name=org.name or "",
                street=org.street or "",
                postcode=org.postcode or "",
                city=org.city or "",
                email=org.email or "",
                phone=org.phone or "",
            )
        except NotFoundError:
            own = None
        pattern_text = str(read_setting(session, "customer_number").get("pattern", "") or "")
    pattern = None
    if pattern_text.strip():
        try:
            pattern = check_pattern(pattern_text)
        except ValueError:
            pattern = None
    return ReaderSettings(own=own, customer_pattern=pattern)
