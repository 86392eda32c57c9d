"""The error hierarchy: user errors carry a safe message that says what to do."""

from __future__ import annotations

from collections.abc import Mapping

from app.core.i18n import Message, text_of


class AppError(Exception):
    """Root of every error the application raises on purpose."""


class UserError(AppError):
    """An error caused by input or state the user can fix; the message is safe to show.

    The message is a :class:`~app.core.i18n.Message` made with ``_()``: ``str(exc)`` is the
    English text (logs), ``exc.render("nl")`` the text in the reader's language. A plain string
    is shown as it is (text that comes from outside, such as a server's own error).
    """

    def __init__(self, message: str = "", *args: object) -> None:
        self.message = message
        super().__init__(message, *args)

    def render(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        return text_of(self.message, lang)

    @property
    def msgid(self) -> str:
        """The message id (the English source text before parameters): what tests compare."""
        return self.message.msgid if isinstance(self.message, Message) else self.message


class ValidationError(UserError):
    """One or more fields are invalid. ``errors`` maps field name -> message."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in self.errors.items()))

    def render(self, lang: str | None = None) -> str:
        return "; ".join(f"{field}: {text_of(msg, lang)}" for field, msg in self.errors.items())

    def messages(self, lang: str | None = None) -> dict[str, str]:
        """Field name -> the message in ``lang``."""
        return {field: text_of(msg, lang) for field, msg in self.errors.items()}


class NotFoundError(UserError):
    """A referenced object does not exist."""


class StaleDataError(UserError):
    """Somebody else saved the same record first; reload and apply the change again."""


class IllegalTransitionError(UserError):
    """A status change that the case status rules do not allow."""


class ConnectorError(UserError):
    """A source system could not be reached or answered badly."""


class Cancelled(AppError):
    """The user cancelled a long-running operation; shown silently."""


class FaultError(UserError):
    """The machine failed, not the input: a stopped server, a full disk, a damaged or deleted file.

    The message names the cause and what to do; nothing was half-saved.
    """
