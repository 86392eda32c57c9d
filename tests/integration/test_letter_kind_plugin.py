"""A letter type declared only here: registered, drafted, rendered and finalised, no app edits."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.core.enums import CaseStatus, RequestType
from app.core.errors import ValidationError
from app.core.i18n import N_
from app.core.letter_effects import LetterEffect
from app.core.validation import CaseInput
from app.data.database import Database
from app.letters.kinds import (
    LetterKind,
    LetterOption,
    OptionWidget,
    PayloadRequest,
    letter_codes,
    letter_kind,
    register_letter_kind,
)
from app.services.case_detail import get_case
from app.services.cases import register_case
from app.services.letters import (
    default_options,
    draft_letter,
    finalise_letter,
    letters_of,
    preview_letter,
    render_for_case,
)

TODAY = date.today()
CODE = "meeting_invitation"


@dataclass(frozen=True)
class MeetingPayload:
    place: str
    reference: str


def _build(request: PayloadRequest) -> MeetingPayload:
    # The builder gets the open session and the case: read what the letter needs from them.
    return MeetingPayload(place=request.options.get("place", ""), reference=request.case.reference)


def _fill(
    ctx: object, payload: MeetingPayload, values: dict[str, str | None], flags: dict[str, bool]
) -> None:
    values["place"] = payload.place.strip()
    values["case_reference"] = payload.reference
    flags["bring_id"] = True


TEMPLATE = """subject: Invitation to talk about {case_reference}

{salutation}

We invite you to talk about your request at {place}.

?bring_id Please bring an identity document.

{>contact}
"""


@pytest.fixture
def meeting_kind(tmp_path: Path) -> Iterator[LetterKind]:
    folder = tmp_path / "letters"
    for lang in ("nl", "en"):
        (folder / lang).mkdir(parents=True)
        (folder / lang / "meeting.txt").write_text(TEMPLATE, encoding="utf-8")
    kind = LetterKind(
        code=CODE,
        label=N_("Invitation to a meeting"),
        noun=N_("invitation to a meeting"),
        template="meeting",
        payload_type=MeetingPayload,
        build_payload=_build,
        fill=_fill,
        options=(LetterOption("place", N_("Place"), OptionWidget.LINE),),
        examples={"en": {"place": "our office in Utrecht"}},
        effect=LetterEffect(answers=True),
        templates_dir=folder,
    )
    with register_letter_kind(kind):
        yield kind
    assert CODE not in letter_codes()  # the registry is clean again


@pytest.fixture
def reference(db: Database) -> str:
    return register_case(
        db,
        actor="officer",
        data=CaseInput(
            request_types=(RequestType.ACCESS,),
            received_on=TODAY,
            salutation="mevrouw",
            first_name="Els",
            last_name="Jansen",
            street="Dorpsstraat 3",
            postcode="3511 AA",
            city="Utrecht",
        ),
    )


def _text(pdf: bytes) -> str:
    return " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages)


def test_a_kind_declared_in_a_test_goes_through_the_whole_workflow(
    db: Database, reference: str, meeting_kind: LetterKind
) -> None:
    assert letter_kind(CODE) is meeting_kind
    options = default_options(CODE, "en")
    assert options == {"place": "our office in Utrecht"}

    pdf = render_for_case(
        db,
        reference=reference,
        letter_type=CODE,
        lang="en",
        options=options,
        handled_by="A. Officer",
    )
    assert "our office in Utrecht" in " ".join(_text(pdf).split())

    draft = draft_letter(
        db, actor="officer", reference=reference, letter_type=CODE, lang="en", options=options
    )
    assert draft.subject == f"Invitation to talk about {reference}"
    assert "Please bring an identity document." in draft.body
    assert "Dear Ms Jansen," in draft.body
    assert "our office in Utrecht" in " ".join(
        _text(preview_letter(db, letter_id=draft.id)).split()
    )

    final = finalise_letter(db, actor="officer", letter_id=draft.id, today=TODAY)
    assert final.status == "final" and len(final.sha256) == 64
    text = " ".join(_text(preview_letter(db, letter_id=draft.id)).split())
    assert f"Invitation to talk about {reference}" in text
    assert "Please bring an identity document." in text
    # The declared effect ran: the letter answered the case.
    case = get_case(db, reference=reference)
    assert case.status == CaseStatus.ANSWERED.value
    assert case.answered_on == TODAY
    assert [info.letter_type for info in letters_of(db, reference=reference)] == [CODE]


def test_an_unregistered_kind_is_refused(db: Database, reference: str) -> None:
    with pytest.raises(ValidationError):
        draft_letter(db, actor="officer", reference=reference, letter_type=CODE)


def test_a_code_is_registered_once(meeting_kind: LetterKind) -> None:
    with pytest.raises(ValueError):
        register_letter_kind(meeting_kind)
