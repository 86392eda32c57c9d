"""Salutations and formal names from the name parts, and the words for a representative.

Dutch surnames with a prefix are capitalised when the surname starts the phrase ("Geachte heer
Van der Vos", but "Y. van der Vos"); Arabic and Berber particles ("El", "Al", "Ben") are part of
the surname and keep their capital ("Geachte mevrouw El Amrani").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.i18n import C_

SALUTATION_NEUTRAL = "neutral"
SALUTATION_FULL_NAME = "full_name"

_MALE = {"heer", "de heer", "dhr", "dhr.", "mr", "mr.", "mister", "herr", "m"}
_FEMALE = {"mevrouw", "mevr", "mevr.", "mw", "mw.", "ms", "ms.", "mrs", "mrs.", "frau", "v", "f"}
# Words before a representative's name: a salutation or the Dutch law degree "mr.".
_LEADING = re.compile(
    r"^(de heer|heer|dhr\.?|mevrouw|mevr\.?|mw\.?|mr\.?|dr\.?|prof\.?)\s+", re.IGNORECASE
)


def gender_of(salutation: str) -> str:
    """ "m", "f" or "" from a recorded salutation ("heer", "mevrouw", "Mr", ...)."""
    word = " ".join(salutation.split()).casefold()
    if word in _MALE:
        return "m"
    if word in _FEMALE:
        return "f"
    return ""


def leading_capital(surname: str) -> str:
    """ "van der Vos" -> "Van der Vos", "el Amrani" -> "El Amrani"; the rest is kept."""
    text = " ".join(surname.split())
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class NameParts:
    """A person's name as recorded: salutation ("heer"/"mevrouw"/""), initials, first name,
    prefix (tussenvoegsel) and last name."""

    salutation: str = ""
    initials: str = ""
    first_name: str = ""
    prefix: str = ""
    last_name: str = ""

    @property
    def surname(self) -> str:
        return " ".join(p for p in (self.prefix.strip(), self.last_name.strip()) if p)

    @property
    def gender(self) -> str:
        return gender_of(self.salutation)

    def short_name(self) -> str:
        """Initials (else first name) and surname: "Y. van der Vos"."""
        given = self.initials.strip() or self.first_name.strip()
        return " ".join(p for p in (given, self.surname) if p)

    def formal_name(self, lang: str) -> str:
        """With the salutation word: "mevrouw C. van den Bos" / "Ms C. van den Bos"."""
        name = self.short_name()
        if self.gender == "m":
            return C_("name with title", "Mr {name}", name=name).render(lang)
        if self.gender == "f":
            return C_("name with title", "Ms {name}", name=name).render(lang)
        return name


def salutation_for(person: NameParts, lang: str, without_title: str = SALUTATION_NEUTRAL) -> str:
    """ "Geachte mevrouw El Amrani," / "Dear Mr Van der Vos,"; without a recorded salutation the
    neutral form ("Geachte heer, mevrouw,") or, by the office's choice, the full name."""
    surname = leading_capital(person.surname)
    if person.gender == "m" and surname:
        return C_("letter", "Dear Mr {name},", name=surname).render(lang)
    if person.gender == "f" and surname:
        return C_("letter", "Dear Ms {name},", name=surname).render(lang)
    name = person.short_name()
    if without_title == SALUTATION_FULL_NAME and name:
        return C_("letter", "Dear {name},", name=name).render(lang)
    return C_("letter", "Dear Sir or Madam,").render(lang)


@dataclass(frozen=True)
class RepresentativeName:
    """A representative's name as typed ("mr. J. de Boer", "mevrouw mr. A. Jansen")."""

    raw: str

    def _parts(self) -> tuple[str, bool, str]:
        """(gender, has the law degree "mr.", the name without the leading words)."""
        rest = " ".join(self.raw.split())
        gender, lawyer = "", False
        while True:
            match = _LEADING.match(rest)
            if match is None:
                break
            word = match.group(1).casefold().rstrip(".")
            if word == "mr":
                lawyer = True
            elif word in ("heer", "de heer", "dhr"):
                gender = "m"
            elif word in ("mevrouw", "mevr", "mw"):
                gender = "f"
            rest = rest[match.end() :]
        return gender, lawyer, rest

    def display(self, lang: str) -> str:
        """The name as printed: Dutch keeps "mr." (the law degree); English and German use
        the courtesy title instead ("Mr J. de Boer")."""
        gender, lawyer, rest = self._parts()
        if lang == "nl":
            title = "mr. " if lawyer else ""
            return f"{title}{rest}"
        if gender == "f":
            return C_("name with title", "Ms {name}", name=rest).render(lang)
        if gender == "m" or lawyer:
            return C_("name with title", "Mr {name}", name=rest).render(lang)
        return rest

    def salutation(self, lang: str) -> str:
        gender, lawyer, rest = self._parts()
        words = rest.split(" ")
        # The surname: from the first word that is not initials ("J.", "A.B.").
        surname_words = [w for w in words if not w.endswith(".")]
        surname = leading_capital(" ".join(surname_words)) if surname_words else rest
        if gender == "m":
            return C_("letter", "Dear Mr {name},", name=surname).render(lang)
        if gender == "f":
            return C_("letter", "Dear Ms {name},", name=surname).render(lang)
        if lawyer:  # Dutch greets with the law degree: "Geachte mr. De Boer,"
            return C_("lawyer, gender unknown", "Dear Mr {name},", name=surname).render(lang)
        return C_("letter", "Dear {name},", name=rest).render(lang)
