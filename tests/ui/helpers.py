"""Creating cases with chosen deadlines through the real services."""

from __future__ import annotations

from datetime import date, timedelta

from app.core.deadlines import DeadlineInput, compute_deadlines
from app.core.enums import RequestType
from app.core.validation import CaseInput
from app.data.database import Database
from app.services.cases import register_case


def received_for(today: date, low: int, high: int) -> date:
    """A date of receipt whose legal deadline lies ``low``..``high`` days from today."""
    for back in range(0, 200):
        received = today - timedelta(days=back)
        legal = compute_deadlines(DeadlineInput(received=received)).legal
        assert legal is not None
        if low <= (legal - today).days <= high:
            return received
    raise AssertionError(f"no date of receipt gives {low}..{high} days left")


def new_case(
    db: Database,
    *,
    received: date,
    last_name: str = "Jansen",
    types: tuple[RequestType, ...] = (RequestType.ACCESS,),
) -> str:
    return register_case(
        db,
        actor="officer.test",
        data=CaseInput(
            request_types=types,
            received_on=received,
            first_name="Anna",
            last_name=last_name,
            street="Hopbrouwer 18",
            postcode="5253 RE",
            city="Nieuwkuijk",
        ),
    )
