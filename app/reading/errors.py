"""Errors of the reading layer: a document that cannot be read (damaged, or locked)."""

from __future__ import annotations


class UnreadableDocument(Exception):
    """The parser could not read the file (damaged, or not what its name says)."""


class PasswordProtected(UnreadableDocument):
    """A PDF that opens only with a password."""
