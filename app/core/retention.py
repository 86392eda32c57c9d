"""Retention of closed case files: the period per outcome and the date it ends (DOMAIN.md §8)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from app.core.deadlines import add_months_1182
from app.core.errors import ValidationError
from app.core.i18n import _

MODE_ANONYMISE: Final = "anonymise"
MODE_DELETE: Final = "delete"
MODES: Final = (MODE_ANONYMISE, MODE_DELETE)
MAX_MONTHS: Final = 1200  # 100 years: anything above is a typing error


@dataclass(frozen=True, slots=True)
class RetentionRule:
    """How long a closed case file with a given outcome is kept, and why."""

    outcome: str
    months: int
    reason: str


def parse_rules(setting: Mapping[str, Any]) -> dict[str, RetentionRule]:
    """Read the "retention" setting ({outcome: {"months": n, "reason": text}}); validated."""
    rules: dict[str, RetentionRule] = {}
    errors: dict[str, str] = {}
    for outcome, value in setting.items():
        if not isinstance(value, Mapping):
            errors[outcome] = _("Give the retention as months and a reason.")
            continue
        months = value.get("months")
        if isinstance(months, bool) or not isinstance(months, int) or not 0 <= months <= MAX_MONTHS:
            errors[outcome] = _(
                "The retention must be a whole number of months (0 to {most}).",
                most=MAX_MONTHS,
            )
            continue
        reason = str(value.get("reason", "")).strip()
        if not reason:
            errors[outcome] = _("Record the reason for this retention period.")
            continue
        rules[str(outcome)] = RetentionRule(str(outcome), months, reason)
    if errors:
        raise ValidationError({f"retention.{k}": v for k, v in errors.items()})
    return rules


def rule_for(outcome: str, rules: Mapping[str, RetentionRule]) -> RetentionRule:
    """The rule of an outcome; an outcome without a rule gets the longest configured period.

    Keeping a file too long can be corrected later; destroying it too early cannot.
    """
    rule = rules.get(outcome)
    if rule is not None:
        return rule
    if not rules:
        raise ValidationError(
            {"retention": _("No retention periods are set. Set them in Settings > Retention.")}
        )
    longest = max(rules.values(), key=lambda r: (r.months, r.outcome))
    label = outcome or "none"
    return RetentionRule(
        outcome,
        longest.months,
        f"No retention rule for outcome '{label}': the longest period applies "
        f"({longest.outcome}: {longest.reason})",
    )


def retention_end(closed_on: date, months: int) -> date:
    """First day the file may be disposed of: the same date ``months`` months after closing.

    A date that does not exist in the target month becomes that month's last day
    (closed 31 August + 6 months -> 28/29 February).
    """
    return add_months_1182(closed_on, months)


def is_expired(closed_on: date, months: int, today: date) -> bool:
    """True from the retention end date on."""
    return today >= retention_end(closed_on, months)
