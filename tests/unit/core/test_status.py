"""Case status rules."""

from __future__ import annotations

import itertools

import pytest

from app.core.enums import CaseStatus as S
from app.core.errors import IllegalTransitionError
from app.core.status import ALLOWED_TRANSITIONS, check_transition


def test_happy_path_allowed() -> None:
    path = [S.REGISTERED, S.IDENTITY_CHECK, S.IN_PROGRESS, S.ANSWERED, S.CLOSED]
    for old, new in itertools.pairwise(path):
        check_transition(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (S.CLOSED, S.IN_PROGRESS),
        (S.REGISTERED, S.ANSWERED),
        (S.ANSWERED, S.REGISTERED),
        (S.WITHDRAWN, S.IN_PROGRESS),
        (S.REFUSED, S.ANSWERED),
        (S.IN_PROGRESS, S.IN_PROGRESS),
    ],
)
def test_illegal_transitions_refused_with_options(old: S, new: S) -> None:
    with pytest.raises(IllegalTransitionError) as info:
        check_transition(old, new)
    assert old.value in str(info.value)


def test_every_status_has_rules_and_closed_is_final() -> None:
    assert set(ALLOWED_TRANSITIONS) == set(S)
    assert ALLOWED_TRANSITIONS[S.CLOSED] == frozenset()
