"""Manual system: no automation; a checklist task that an officer completes by hand."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from app.connectors.base import Capability, ConnectorDescription, Finding, SettingSpec, Subject
from app.core.i18n import N_, _
from app.core.progress import Progress


class ManualCheckRequired(Exception):
    """Raised by search(): the caller creates a task with these instructions instead."""

    def __init__(self, instructions: str) -> None:
        super().__init__(instructions)
        self.instructions = instructions


class ManualConnector:
    """A paper archive or a system without an API; searching means a person looks it up."""

    def __init__(self, name: str, settings: Mapping[str, Any], secrets: Mapping[str, str]) -> None:
        self.name = name
        self.instructions = str(settings.get("instructions", "")).strip()
        del secrets  # a manual check has none

    @classmethod
    def describe(cls) -> ConnectorDescription:
        return ConnectorDescription(
            kind="manual",
            label=N_("Manual check (no automation)"),
            settings=(
                SettingSpec(
                    "instructions",
                    N_("What to look up, where and how"),
                    help=N_(
                        "e.g. 'Look in the paper archive, cabinet 3, under the customer number'"
                    ),
                ),
            ),
            capabilities=frozenset({Capability.SEARCH}),
            help=N_("Creates a task on the case; it counts as searched once someone completes it."),
        )

    def test_connection(self) -> str:
        if not self.instructions:
            return _("No instructions yet: add what the person doing the check must look up.")
        return _("Manual check: nothing to connect to.")

    def search(self, subject: Subject, progress: Progress) -> Sequence[Finding]:
        progress.check()
        raise ManualCheckRequired(self.instructions or _("Look up the person by hand."))
