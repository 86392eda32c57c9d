"""The audit chain's verification result and head as printed in the dossier and yearly report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.reports.pdf_common import Styles, key_value_table, para


@dataclass(frozen=True)
class ChainCheck:
    """The audit chain's verification when the document was made (app/services/audit_chain)."""

    ok: bool
    events: int
    documents: int
    head: str  # "#<seq> <hash>", or "" for an empty chain
    problem: str = ""  # the first broken event or document
    since: str = ""  # "": every event checked; else only those after this place ("#seq hash")


def chain_block(
    chain: ChainCheck, t: Callable[..., str], s: Styles, label: float
) -> list[Flowable]:
    """Result and head, so a copy of the head exists outside the database (on paper, in mail)."""
    if chain.ok:
        result = t("chain_ok", events=str(chain.events), documents=str(chain.documents))
    else:
        result = t("chain_broken", problem=chain.problem)
    kind = t("chain_incremental", since=chain.since) if chain.since else t("chain_full")
    rows = [
        (t("chain_kind"), kind),
        (t("chain_result"), result),
        (t("chain_head"), chain.head or "-"),
    ]
    return [
        para(t("h_chain"), s.h1),
        para(t("chain_note"), s.small),
        Spacer(0, 1 * mm),
        key_value_table(rows, s, label),
    ]
