"""Every setting of every connector kind, every `source` value and the log glob are in docs/."""

from __future__ import annotations

from pathlib import Path

from app.connectors import registry
from app.connectors.web_logs import DEFAULT_GLOB

DOCS = Path(__file__).resolve().parents[3] / "docs"


def _docs() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(DOCS.rglob("*.md")))


def test_every_setting_and_choice_of_every_kind_is_documented() -> None:
    text = _docs()
    missing = [
        f"{desc.kind}.{name}"
        for desc in registry.kinds()
        for spec in desc.settings
        for name in (spec.name, *spec.choices)
        if f"`{name}`" not in text
    ]
    missing += [f"kind {d.kind}" for d in registry.kinds() if f"`{d.kind}`" not in text]
    assert missing == [], f"not in docs/: {missing}"
    assert f"`{DEFAULT_GLOB}`" in text
