"""Translation at the source: gettext message ids, lazy messages rendered in a chosen language.

Everything below ``app/ui`` marks its texts here and nowhere else:

- ``_("There is no case {ref}.", ref=ref)`` makes a :class:`Message`: the English text is the
  message id (collected by ``pybabel extract``), the parameters are kept apart, and the text is
  rendered in a language only when it is shown (``msg.render("nl")``, or ``str(msg)`` in the
  current language). Errors carry Messages, so one exception can be shown in Dutch in the GUI
  and in English in a log.
- ``N_("customer number")`` only marks a text for extraction (tables of labels); translate it
  later with ``translate(label, lang)``.
- ``P_(singular, plural, n, **params)`` is the plural form.
- ``C_(context, msgid)`` marks a text with a context (a month name, a short label).
- ``join([m1, m2])`` shows several messages as one text (a note and a retention note).
- ``Labels({key: C_(context, english)})`` is a table of fixed texts per language
  (``LABELS["nl"]["closing"]``): letter labels, report headings, names of stored codes.
- ``stored(text)`` / ``restored(text)`` keep a Message in the database (JSON) and bring it back
  to be shown in the reader's language; older plain texts come back verbatim.
- ``format_date`` and ``format_number`` take month names and separators from the catalogues.

Catalogues are ``resources/locale/<lang>/LC_MESSAGES/privacy_desk.mo``, compiled from the
``.po`` files by ``pybabel compile`` in the build (``scripts/build-translations.sh``). English is
the source language: an English catalogue may be absent. This module imports only the standard
library (the CLI and the registries stay light).
"""

from __future__ import annotations

import gettext
import json
import logging
import sys
import threading
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final, Generic, TypeVar

LANGUAGES: Final = ("nl", "en", "de")
SOURCE_LANGUAGE: Final = "en"
DOMAIN: Final = "privacy_desk"

_log = logging.getLogger(__name__)
_language: ContextVar[str] = ContextVar("privacy_desk_language", default=SOURCE_LANGUAGE)
_catalogues: dict[tuple[str, str], gettext.NullTranslations] = {}
_catalogue_lock = threading.Lock()
_locale_dir_override: list[Path] = []

_MONTH_NAMES: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def N_(msgid: str) -> str:
    """Mark ``msgid`` for extraction only; translate it where it is shown."""
    return msgid


def locale_dir() -> Path:
    """resources/locale: next to the package in a source tree, under _MEIPASS when frozen."""
    if _locale_dir_override:
        return _locale_dir_override[-1]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources" / "locale"
    return _SOURCE_LOCALE_DIR


# Resolved once: every message built looks its catalogue up by this folder, and resolving a path
# per message cost a third of a SQL connector's search.
_SOURCE_LOCALE_DIR: Final = Path(__file__).resolve().parents[2] / "resources" / "locale"


def normalise_language(lang: str | None) -> str:
    """'nl', 'nl_NL.UTF-8', 'NL' -> 'nl'; anything unknown -> the source language."""
    if not lang:
        return SOURCE_LANGUAGE
    code = lang.strip().lower().replace("-", "_").split("_", 1)[0].split(".", 1)[0]
    return code if code in LANGUAGES else SOURCE_LANGUAGE


def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (cached); the source language needs none."""
    code = normalise_language(lang)
    key = (str(locale_dir()), code)
    with _catalogue_lock:
        found = _catalogues.get(key)
        if found is None:
            found = _load(code)
            _catalogues[key] = found
        return found


def _load(code: str) -> gettext.NullTranslations:
    if code == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    try:
        return gettext.translation(DOMAIN, localedir=str(locale_dir()), languages=[code])
    except OSError:
        # A source checkout where the catalogues were not compiled yet: say how to fix it once.
        _log.warning(
            "No compiled catalogue for %r in %s; run scripts/build-translations.sh",
            code,
            locale_dir(),
        )
        return gettext.NullTranslations()


def clear_cache() -> None:
    """Forget loaded catalogues (tests that compile catalogues into a temporary folder)."""
    with _catalogue_lock:
        _catalogues.clear()


def current_language() -> str:
    """The language in which ``str(message)`` renders in this thread/context."""
    return _language.get()


def set_language(lang: str) -> None:
    """Set the language of ``str(message)`` for this context (the CLI, the GUI at start)."""
    _language.set(normalise_language(lang))


@contextmanager
def language(lang: str) -> Iterator[str]:
    """Render in ``lang`` inside the block: ``with language("nl"): text = str(msg)``."""
    token = _language.set(normalise_language(lang))
    try:
        yield normalise_language(lang)
    finally:
        _language.reset(token)


def translate(msgid: str, lang: str | None = None, **params: Any) -> str:
    """The text of ``msgid`` in ``lang`` (default: the current language), parameters filled in."""
    code = normalise_language(lang) if lang is not None else current_language()
    text = catalogue(code).gettext(msgid)
    return _fill(text, params, code) if params else text


def translate_plural(
    singular: str, plural: str, n: int, lang: str | None = None, **params: Any
) -> str:
    """Singular or plural text for ``n`` in ``lang``; ``{n}`` is available as a parameter."""
    code = normalise_language(lang) if lang is not None else current_language()
    text = catalogue(code).ngettext(singular, plural, n)
    return _fill(text, {"n": n, **params}, code)


def translate_context(context: str, msgid: str, lang: str | None = None) -> str:
    """The text of ``msgid`` in ``context`` (gettext's pgettext) in ``lang``."""
    code = normalise_language(lang) if lang is not None else current_language()
    return catalogue(code).pgettext(context, msgid)


def format_date(d: date, lang: str | None = None) -> str:
    """ "24 november 2026" / "24 November 2026" / "24. November 2026"; no leading zero."""
    code = normalise_language(lang) if lang is not None else current_language()
    month = translate_context("month", _MONTH_NAMES[d.month - 1], code)
    if code == "de":
        return f"{d.day}. {month} {d.year}"
    return f"{d.day} {month} {d.year}"


def render_value(value: object, lang: str) -> str:
    """A parameter as text in ``lang``: messages and dates are rendered, the rest is str()."""
    if isinstance(value, Message):
        # Its str value is its source-language rendering: not rendered a second time.
        return str.__str__(value) if lang == SOURCE_LANGUAGE else value.render(lang)
    if isinstance(value, BaseException):
        # An error passed as a parameter: its own message, in the same language when it has one.
        render = getattr(value, "render", None)
        if callable(render):
            return str(render(lang))
        if len(value.args) == 1 and isinstance(value.args[0], Message):
            return value.args[0].render(lang)
        return str(value)
    if isinstance(value, datetime):
        return f"{format_date(value.date(), lang)} {value:%H:%M}"
    if isinstance(value, date):
        return format_date(value, lang)
    return str(value)


def _fill(text: str, params: Mapping[str, Any], lang: str) -> str:
    rendered = {name: render_value(value, lang) for name, value in params.items()}
    try:
        return text.format_map(rendered)
    except (KeyError, IndexError, ValueError):
        # A translation that names a parameter the source does not give is a catalogue bug:
        # show the source text rather than failing while showing an error.
        _log.error("Translation does not fit its parameters: %r", text)
        return text


class Message(str):
    """A text to show to a person: message id and parameters, rendered late in any language.

    A Message is a ``str`` whose value is its English (source) rendering, so logs, the
    English CLI and code that only passes text along keep working; whoever shows it to a
    person calls :meth:`render` with the reader's language. Building new text from a Message
    (``+``, f-strings) gives a plain English ``str``: pass Messages as parameters instead.
    """

    msgid: str
    params: dict[str, Any]
    plural: str | None
    n: int | None
    context: str | None

    def __new__(
        cls,
        msgid: str,
        params: Mapping[str, Any] | None = None,
        *,
        plural: str | None = None,
        n: int | None = None,
        context: str | None = None,
    ) -> Message:
        values = dict(params or {})
        english = _render(msgid, values, plural, n, context, SOURCE_LANGUAGE)
        self = super().__new__(cls, english)
        self.msgid = msgid
        self.params = values
        self.plural = plural
        self.n = n
        self.context = context
        return self

    def render(self, lang: str | None = None) -> str:
        """The text in ``lang`` (default: the current language)."""
        code = normalise_language(lang) if lang is not None else current_language()
        return _render(self.msgid, self.params, self.plural, self.n, self.context, code)

    def __repr__(self) -> str:
        return f"Message({self.msgid!r}, {self.params!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.msgid, self.params, self.plural, self.n, self.context))

    def to_stored(self) -> str:
        """A JSON form to keep in the database and render later in the reader's language."""
        return json.dumps(
            {
                "msgid": self.msgid,
                "params": {k: _storable(v) for k, v in self.params.items()},
                "plural": self.plural,
                "n": self.n,
                "context": self.context,
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_stored(cls, stored: str) -> Message:
        """The message kept by :meth:`to_stored`; older plain texts come back as they are."""
        if stored.startswith('{"'):
            try:
                data = json.loads(stored)
            except ValueError:
                data = None
            if isinstance(data, dict) and isinstance(data.get("msgid"), str):
                params = {k: _unstored(v) for k, v in (data.get("params") or {}).items()}
                return cls(
                    data["msgid"],
                    params,
                    plural=data.get("plural"),
                    n=data.get("n"),
                    context=data.get("context"),
                )
        return cls(stored, context=_VERBATIM)


# A message with this context is shown as it is, never looked up (texts stored before the
# catalogues existed, text that comes from outside such as a server's own error).
_VERBATIM: Final = "\x00verbatim"


def verbatim(text: str) -> Message:
    """Text that is shown as it is in every language (a server's own error text, a file name)."""
    return Message(text, context=_VERBATIM)


_JOINED: Final = "\x00joined"
# A stored code (app.core.code_words.code_word): the code in English, its word elsewhere. The
# tables of words live in app.core.code_words, which registers its lookup here when imported
# (this module stays free of imports from the rest of the application).
CODE_CONTEXT: Final = "\x00code"
_code_words: list[Callable[[str, str, str], str]] = []


def register_code_words(lookup: Callable[[str, str, str], str]) -> None:
    """Set the function that names a stored code: ``lookup(kind, code, lang)``."""
    _code_words.append(lookup)


def join(parts: Sequence[str], sep: str = " ") -> Message:
    """Several messages shown as one text (a finding note and a retention note), each rendered
    in the reader's language; empty parts are left out."""
    kept = [p for p in parts if p]
    return Message(sep, {str(i): p for i, p in enumerate(kept)}, context=_JOINED)


def _storable(value: object) -> object:
    if isinstance(value, Message):
        return {"$message": json.loads(value.to_stored())}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def _unstored(value: object) -> object:
    if isinstance(value, dict):
        if "$message" in value:
            return Message.from_stored(json.dumps(value["$message"]))
        if "$datetime" in value:
            return datetime.fromisoformat(str(value["$datetime"]))
        if "$date" in value:
            return date.fromisoformat(str(value["$date"]))
    return value


def _render(
    msgid: str,
    params: Mapping[str, Any],
    plural: str | None,
    n: int | None,
    context: str | None,
    code: str,
) -> str:
    if context == _VERBATIM:
        return msgid
    if context == CODE_CONTEXT:
        if code == SOURCE_LANGUAGE or not _code_words:
            return msgid
        return _code_words[-1](str(params.get("kind", "")), msgid, code)
    if context == _JOINED:
        return msgid.join(render_value(params[k], code) for k in sorted(params, key=int))
    if plural is not None and n is not None:
        text = catalogue(code).ngettext(msgid, plural, n)
        return _fill(text, {**params, "n": n}, code)
    if context is not None:
        text = translate_context(context, msgid, code)
    elif code == SOURCE_LANGUAGE:
        text = msgid  # the source language has no catalogue (every Message renders it once)
    else:
        text = catalogue(code).gettext(msgid)
    # Parameters are filled here, not passed as keywords: a message may name one "lang".
    return _fill(text, params, code) if params else text


def _rebuild(
    msgid: str, params: dict[str, Any], plural: str | None, n: int | None, context: str | None
) -> Message:
    return Message(msgid, params, plural=plural, n=n, context=context)


def _(msgid: str, /, **params: Any) -> Message:
    """A translatable message; ``{name}`` placeholders are filled from ``params`` when shown."""
    return Message(msgid, params)


def P_(singular: str, plural: str, n: int, /, **params: Any) -> Message:
    """A translatable message with a plural form chosen by ``n`` (``{n}`` is filled in)."""
    return Message(singular, {"n": n, **params}, plural=plural, n=n)


def C_(context: str, msgid: str, /, **params: Any) -> Message:
    """A translatable message with a context that tells translators where it appears."""
    return Message(msgid, params, context=context)


def stored(text: str) -> str:
    """The form to keep ``text`` in the database: JSON for a Message, a plain text as it is."""
    return text.to_stored() if isinstance(text, Message) else text


def restored(text: str) -> Message:
    """A text read from the database as a Message (older plain texts come back verbatim)."""
    return Message.from_stored(text or "")


def message_of(exc: BaseException) -> str:
    """The message an error carries, kept as a Message when it is one (``str(exc)`` is English)."""
    message = getattr(exc, "message", None)
    if isinstance(message, str) and message:
        return message
    if len(exc.args) == 1 and isinstance(exc.args[0], str):
        return exc.args[0]
    return str(exc)


# The month names, marked with their context for extraction; format_date looks them up.
MONTHS: Final = (
    C_("month", "January"),
    C_("month", "February"),
    C_("month", "March"),
    C_("month", "April"),
    C_("month", "May"),
    C_("month", "June"),
    C_("month", "July"),
    C_("month", "August"),
    C_("month", "September"),
    C_("month", "October"),
    C_("month", "November"),
    C_("month", "December"),
)


K = TypeVar("K", bound=Hashable)


class Labels(Mapping[str, Mapping[K, str]], Generic[K]):
    """A table of fixed texts looked up per language: ``LABELS["nl"]["closing"]``.

    The texts are marked with ``C_(context, english)``; each language's words come from its
    catalogue, so a table has one source (English) and German is just another catalogue.
    """

    def __init__(self, texts: Mapping[K, Message]) -> None:
        self.texts = dict(texts)
        self._rendered: dict[tuple[str, int], dict[K, str]] = {}

    def __getitem__(self, lang: str) -> dict[K, str]:
        if lang not in LANGUAGES:
            raise KeyError(lang)
        key = (lang, id(catalogue(lang)))
        found = self._rendered.get(key)
        if found is None:
            found = {k: m.render(lang) for k, m in self.texts.items()}
            self._rendered[key] = found
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


# Number punctuation comes from the catalogues too: "1.234,5" in Dutch and German.
_THOUSANDS: Final = C_("number format: thousands separator", ",")
_DECIMAL: Final = C_("number format: decimal separator", ".")


def format_number(
    value: float, lang: str | None = None, decimals: int = 0, *, grouping: bool = True
) -> str:
    """ "1,234.5" / "1.234,5": separators of ``lang`` from its catalogue."""
    code = normalise_language(lang) if lang is not None else current_language()
    text = f"{value:,.{decimals}f}" if grouping else f"{value:.{decimals}f}"
    thousands, point = _THOUSANDS.render(code), _DECIMAL.render(code)
    return text.replace(",", "\x00").replace(".", point).replace("\x00", thousands)


def text_of(value: str, lang: str | None = None) -> str:
    """Render a Message in ``lang``, or return a plain string as it is."""
    return value.render(lang) if isinstance(value, Message) else value
