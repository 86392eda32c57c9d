"""The error hierarchy: user errors carry a safe message that says what to do."""

from __future__ import annotations


class AppError(Exception):
    """Root of every error the application raises on purpose."""


class UserError(AppError):
    """An error caused by input or state the user can fix; the message is safe to show."""


class ValidationError(UserError):
    """One or more fields are invalid. ``errors`` maps field name -> message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in self.errors.items()))


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
