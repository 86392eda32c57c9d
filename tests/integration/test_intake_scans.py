"""The intake corpus as scans, read by OCR and then by the letter reader (a fixed subset here;
the whole corpus in tests/benchmarks/test_intake_accuracy.py). The whole corpus is too slow for
CI on this machine: the benchmark with its 52 scans took 19 min 42 s on the shared 2 cores
(median 18.6 s per page against 7.5 s for bare tesseract on one page in the same run), far
over the 4 minutes a CI test may take.

The subset has typed letters in Dutch, Flemish, German and English (a British letter fed upside
down, an Irish one), a lawyer's letterhead and a handwriting-style letter; the scans are made by
tests/fixtures/scans/make_scans.py (seeded: 200-300 dpi, skew up to 3 degrees, noise, JPEG 60-85).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.reading import tesseract as tess
from app.reading.letter_file import letter_text_of_file
from tests.fixtures.intake.evaluate import GOAL_FIELDS, Letter, letters, score_texts
from tests.fixtures.scans.make_scans import HAND_FONT, make_corpus_scans

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        tess.find_tesseract() is None or not HAND_FONT.is_file(),
        reason="Tesseract or the font fonts-comic-neue is not installed (scripts/setup.sh)",
    ),
]

SUBSET = (
    "t01-nl-inzage-nieuwsbrief",  # handwriting-style font
    "t02-nl-advocaat-wissen",  # lawyer's letterhead
    "t03-de-art15",
    "t05-en-rectification-uk",  # upside down
    "t07-be-inzage",
    "t16-en-reminder",  # Irish, a reminder
)


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_corpus_scans(tmp_path_factory.mktemp("intake"), set(SUBSET))


@pytest.fixture(scope="module")
def texts(scans: dict[str, Path]) -> dict[str, str]:
    return {name: letter_text_of_file(path) for name, path in scans.items()}


def _subset() -> list[Letter]:
    corpus = {letter.name: letter for letter in letters("train")}
    return [corpus[name] for name in SUBSET]


def test_scans_of_the_subset_meet_the_goals(texts: dict[str, str]) -> None:
    score = score_texts([(letter, texts[letter.name]) for letter in _subset()])
    print("\nscans (subset)\n" + "\n".join(score.table()))
    for key in ("request_types", "referenced_types", "is_reminder"):
        assert score.rate(key) == 1.0, score.misses
    right = sum(score.right[key] for key in GOAL_FIELDS)
    total = sum(score.total[key] for key in GOAL_FIELDS)
    assert right / total >= 0.95, score.misses


def test_case_read_json_of_a_scan_gives_every_proposal_with_its_line(
    scans: dict[str, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from PIL import Image

    pdf = tmp_path / "scan.pdf"  # a PDF of the page image only: no text layer, so OCR
    with Image.open(scans["t03-de-art15"]) as image:
        image.save(pdf, resolution=image.info.get("dpi", (300, 300))[0])
    code = main(
        ["--db", f"sqlite:///{tmp_path / 'pd.sqlite3'}", "case", "read", str(pdf),
         "--format", "json"]
    )  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    data = json.loads(out)
    assert data["language"] == "de" and data["request_types"] == ["access"]
    subject = data["proposals"]["subject"]
    assert subject["postcode"]["value"] == "80336"
    assert subject["city"]["value"] in ("München", "Munchen")  # OCR may lose the umlaut
    lines = data["proposals"]["lines"]
    for field in ("name", "postcode", "email"):
        proposal = subject[field]
        assert lines[proposal["line"]] == proposal["source"]
        assert 0 < proposal["confidence"] <= 1
