"""Letters: compose the editable text from templates and render it to a window-envelope PDF.

The renderer (ReportLab, pypdf) loads on first use of ``render_letter``/``merge_pdfs``, so that
the letter-kind registry (``app.letters.kinds``) and the CLI parser stay light.
"""

from typing import TYPE_CHECKING, Any

from app.core.i18n import _
from app.letters.compose import compose_text, letter_values
from app.letters.context import LetterContext, Organisation
from app.letters.formatting import AddressError, format_address
from app.letters.kinds import LetterKind, LetterOption, LetterType, letter_kind, letter_kinds
from app.letters.layout import LetterLayout
from app.letters.payloads import (
    AccessPayload,
    Art17Ground,
    Change,
    ClarificationPayload,
    DataRow,
    ErasedItem,
    ErasurePayload,
    ExtensionPayload,
    FeeOrRefuse,
    KeptItem,
    ObjectionPayload,
    Payload,
    PostalAddress,
    ProcessingInfo,
    RecipientAction,
    RecipientNoticePayload,
    RectificationPayload,
    RefusalPayload,
    SystemData,
)
from app.letters.templates import ComposedLetter, MissingFieldError, TemplateError

if TYPE_CHECKING:
    from app.letters.renderer import merge_pdfs, render_letter

__all__ = [
    "AccessPayload",
    "AddressError",
    "Art17Ground",
    "Change",
    "ClarificationPayload",
    "ComposedLetter",
    "DataRow",
    "ErasedItem",
    "ErasurePayload",
    "ExtensionPayload",
    "FeeOrRefuse",
    "KeptItem",
    "LetterContext",
    "LetterKind",
    "LetterLayout",
    "LetterOption",
    "LetterType",
    "MissingFieldError",
    "ObjectionPayload",
    "Organisation",
    "Payload",
    "PostalAddress",
    "ProcessingInfo",
    "RecipientAction",
    "RecipientNoticePayload",
    "RectificationPayload",
    "RefusalPayload",
    "SystemData",
    "TemplateError",
    "compose_text",
    "format_address",
    "letter_kind",
    "letter_kinds",
    "letter_values",
    "merge_pdfs",
    "render_letter",
]


def __getattr__(name: str) -> Any:
    if name in ("render_letter", "merge_pdfs"):
        from app.letters import renderer

        return getattr(renderer, name)
    raise AttributeError(_("module 'app.letters' has no attribute {name}", name=repr(name)))
