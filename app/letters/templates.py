"""A tiny template engine for letter texts: subject line, paragraphs, conditions, placeholders.

Template format (``resources/letters/<lang>/<name>.txt``, UTF-8):

- the first line is ``subject: ...``; the body follows, paragraphs separated by blank lines;
- ``{name}`` is replaced by a value; a missing or empty value raises MissingFieldError;
- a paragraph starting with ``?flag `` is kept only when the flag is true, ``?!flag `` only
  when it is false;
- a paragraph that is exactly ``{>part}`` is replaced by the paragraphs of ``_part.txt``;
- values may hold several lines (bullet lists "- ...") or paragraphs; they are not re-scanned.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from app.core.errors import AppError, UserError
from app.core.i18n import _
from app.core.resources import resource_path

_PLACEHOLDER: Final = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_INCLUDE: Final = re.compile(r"\{>([a-z_][a-z0-9_]*)\}")
_CONDITION: Final = re.compile(r"\?(!?)([a-z_][a-z0-9_]*)\s+")
_SUBJECT_PREFIX: Final = "subject:"
_MAX_INCLUDE_DEPTH: Final = 4


class MissingFieldError(UserError):
    """A letter text needs a value that is empty; ``field`` names it."""

    def __init__(self, field: str, template: str = "") -> None:
        self.field = field
        self.template = template
        where = f" (letter text '{template}')" if template else ""
        super().__init__(
            f"The letter needs '{field}', but it is empty{where}. "
            "Fill it in on the case or in the organisation profile, then compose the letter again."
        )


class TemplateError(AppError):
    """A template file is missing or malformed: a defect of the installation, not user input."""


@dataclass(frozen=True)
class ComposedLetter:
    """The editable text of a letter: subject and plain-text body.

    Body conventions: paragraphs are separated by blank lines, a line starting with "- " is a
    bullet, a line starting with "## " is a heading.
    """

    subject: str
    body: str


def templates_root() -> Path:
    return resource_path("letters")


def _read(root: Path, lang: str, name: str) -> str:
    """``<root>/<lang>/<name>.txt``; a part (``_contact``) may also come from resources/letters."""
    folders: list[Path] = [root]
    if name.startswith("_") and templates_root() != root:
        folders.append(templates_root())
    for folder in folders:
        path = folder / lang / f"{name}.txt"
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
    raise TemplateError(
        _("letter template {lang}/{name}.txt is missing in {root}", lang=lang, name=name, root=root)
    )


def read_template(root: Path, lang: str, name: str) -> str:
    """The raw text of ``<root>/<lang>/<name>.txt`` (a part may come from resources/letters)."""
    return _read(root, lang, name)


def _paragraphs(text: str) -> list[str]:
    blocks = re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").strip("\n"))
    return [block.strip("\n") for block in blocks if block.strip()]


class TemplateFiller:
    """Fills templates of one language with one set of values and flags."""

    def __init__(
        self,
        lang: str,
        values: Mapping[str, str | None],
        flags: Mapping[str, bool],
        root: Path | None = None,
    ) -> None:
        self.lang = lang
        self.values = values
        self.flags = flags
        self.root = root if root is not None else templates_root()

    def fill(self, text: str, template: str = "") -> str:
        """Replace every {name} in one piece of text; values are inserted verbatim."""

        def value_of(match: re.Match[str]) -> str:
            name = match.group(1)
            value = self.values.get(name)
            if value is None or not value.strip():
                raise MissingFieldError(name, template)
            # "Zendesk Inc." before a full stop in the template must not print "Inc..".
            if value.endswith(".") and text.startswith(".", match.end()):
                return value[:-1]
            return value

        return _PLACEHOLDER.sub(value_of, text)

    def _flag(self, name: str, template: str) -> bool:
        if name not in self.flags:
            raise TemplateError(
                _(
                    "template {lang}/{template}.txt uses unknown flag {name}",
                    lang=self.lang,
                    template=template,
                    name=repr(name),
                )
            )
        return self.flags[name]

    def _body(self, name: str, text: str, depth: int) -> list[str]:
        if depth > _MAX_INCLUDE_DEPTH:
            raise TemplateError(
                _("template {lang}/{name}.txt includes too deeply", lang=self.lang, name=name)
            )
        out: list[str] = []
        for block in _paragraphs(text):
            condition = _CONDITION.match(block)
            if condition is not None:
                wanted = condition.group(1) != "!"
                if self._flag(condition.group(2), name) != wanted:
                    continue
                block = block[condition.end() :]
            include = _INCLUDE.fullmatch(block.strip())
            if include is not None:
                part = f"_{include.group(1)}"
                out.extend(self._body(part, _read(self.root, self.lang, part), depth + 1))
                continue
            out.append(self.fill(block, name))
        return out

    def compose_part(self, name: str) -> str:
        """The body of part ``name`` (e.g. ``_not_done``), without a subject line."""
        return "\n\n".join(self._body(name, _read(self.root, self.lang, name), 0))

    def compose(self, name: str) -> ComposedLetter:
        """Render template ``name`` into subject and body."""
        text = _read(self.root, self.lang, name).replace("\r\n", "\n")
        first, _sep, rest = text.partition("\n")
        if not first.lower().startswith(_SUBJECT_PREFIX):
            raise TemplateError(
                _(
                    "template {lang}/{name}.txt must start with 'subject:'",
                    lang=self.lang,
                    name=name,
                )
            )
        subject = " ".join(self.fill(first[len(_SUBJECT_PREFIX) :], name).split())
        body = "\n\n".join(self._body(name, rest, 0))
        lines = [line.rstrip() for line in body.split("\n")]
        return ComposedLetter(subject=subject, body=re.sub(r"\n{3,}", "\n\n", "\n".join(lines)))
