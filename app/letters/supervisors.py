"""The EEA data protection supervisors (resources/supervisors/eea_supervisors.json).

A person living in another EEA country may complain to the supervisor there (Art. 77 GDPR)
and go to the courts there (Art. 79(2)); outside the EEA only the Autoriteit Persoonsgegevens
is named. Germany: the table names the federal BfDI, because the competent authority of the
person's Land cannot be told reliably from a postcode; the letter says the BfDI forwards the
complaint (``forwards_to_regional``). Each entry names its record in the source dataset.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from app.core.errors import AppError
from app.core.i18n import _
from app.core.resources import resource_path

HOME = "NL"
_EEA_CODES = (
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK"
)
EEA = frozenset(_EEA_CODES.split())
_ALIASES = {"EL": "GR", "NLD": "NL", "": "NL"}


@dataclass(frozen=True)
class Supervisor:
    country: str
    name: str
    address: str
    website: str
    forwards_to_regional: bool = False

    @property
    def website_shown(self) -> str:
        """The site as printed in a letter: without ``https://`` and a trailing slash."""
        return self.website.removeprefix("https://").rstrip("/")


def country_code(country: str) -> str:
    code = country.strip().upper()
    return _ALIASES.get(code, code)


def in_eea(country: str) -> bool:
    return country_code(country) in EEA


@cache
def _table() -> dict[str, Supervisor]:
    path = resource_path("supervisors", "eea_supervisors.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        table = {
            code: Supervisor(
                code,
                row["name"],
                row["address"],
                row["website"],
                bool(row.get("forwards_to_regional", False)),
            )
            for code, row in data["authorities"].items()
        }
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise AppError(
            _("the table of EEA supervisors is missing or damaged: {path}", path=path)
        ) from exc
    missing = EEA - set(table)
    if missing:
        raise AppError(
            _("the table of EEA supervisors lacks {codes}", codes=", ".join(sorted(missing)))
        )
    return table


def supervisor_of(country: str) -> Supervisor | None:
    """The supervisor of a person's own EEA country other than ours; None at home or abroad
    outside the EEA (there only the Autoriteit Persoonsgegevens applies)."""
    code = country_code(country)
    if code == HOME or code not in EEA:
        return None
    return _table()[code]


def all_supervisors() -> dict[str, Supervisor]:
    return dict(_table())
