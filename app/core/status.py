"""Case status rules: which transitions are allowed, refused with a clear error otherwise."""

from __future__ import annotations

from app.core.enums import CaseStatus
from app.core.errors import IllegalTransitionError
from app.core.i18n import _

S = CaseStatus

ALLOWED_TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    S.REGISTERED: frozenset({S.IDENTITY_CHECK, S.IN_PROGRESS, S.ON_HOLD, S.WITHDRAWN, S.REFUSED}),
    S.IDENTITY_CHECK: frozenset({S.IN_PROGRESS, S.ON_HOLD, S.WITHDRAWN, S.REFUSED}),
    S.IN_PROGRESS: frozenset({S.ANSWERED, S.ON_HOLD, S.WITHDRAWN, S.REFUSED}),
    S.ON_HOLD: frozenset({S.IDENTITY_CHECK, S.IN_PROGRESS, S.WITHDRAWN, S.REFUSED}),
    S.ANSWERED: frozenset({S.CLOSED, S.IN_PROGRESS}),
    S.WITHDRAWN: frozenset({S.CLOSED}),
    S.REFUSED: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
}

OPEN_STATUSES: frozenset[CaseStatus] = frozenset(
    {S.REGISTERED, S.IDENTITY_CHECK, S.IN_PROGRESS, S.ON_HOLD}
)


def allowed_next(current: CaseStatus) -> frozenset[CaseStatus]:
    """The statuses a case in ``current`` may move to."""
    return ALLOWED_TRANSITIONS[current]


def check_transition(current: CaseStatus, new: CaseStatus) -> None:
    """Raise IllegalTransitionError when ``current -> new`` is not allowed."""
    if new == current:
        raise IllegalTransitionError(_("The case is already '{value}'.", value=current.value))
    if new not in ALLOWED_TRANSITIONS[current]:
        options = ", ".join(sorted(s.value for s in ALLOWED_TRANSITIONS[current])) or "none"
        raise IllegalTransitionError(
            _(
                "A case that is '{value}' cannot become '{value2}'. Allowed next statuses: "
                "{options}.",
                value=current.value,
                value2=new.value,
                options=options,
            )
        )
