"""Finding the installed Tesseract program: its path, version and language data."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import UserError
from app.core.i18n import _
from app.core.progress import Progress

log = logging.getLogger(__name__)

TESSERACT_ENV = "PRIVACY_DESK_TESSERACT"  # path of the tesseract program (else found on PATH)
WANTED_LANGUAGES = ("nld", "eng", "deu")
LANGUAGE_NAMES = {"nld": "Dutch", "eng": "English", "deu": "German"}
_WINDOWS_DEFAULTS = (
    r"%ProgramFiles%\Tesseract-OCR\tesseract.exe",
    r"%ProgramFiles(x86)%\Tesseract-OCR\tesseract.exe",
    r"%LOCALAPPDATA%\Programs\Tesseract-OCR\tesseract.exe",
)
NO_WINDOW = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console window flashes on Windows


class OcrUnavailable(UserError):
    """Tesseract is not installed (or not where the setting says)."""


@dataclass(frozen=True)
class Tesseract:
    """An installed Tesseract: its path, version and the language data it has."""

    path: Path
    version: str
    languages: tuple[str, ...]

    @property
    def ocr_languages(self) -> tuple[str, ...]:
        return tuple(lang for lang in WANTED_LANGUAGES if lang in self.languages)

    @property
    def missing_languages(self) -> tuple[str, ...]:
        return tuple(lang for lang in WANTED_LANGUAGES if lang not in self.languages)

    @property
    def has_osd(self) -> bool:
        return "osd" in self.languages

    def describe(self) -> str:
        """One line for the selftest: path, version, languages and what is missing."""
        line = f"{self.path}, version {self.version}, languages {'+'.join(self.languages)}"
        missing = [f"{LANGUAGE_NAMES[m]} ({m})" for m in self.missing_languages]
        if missing:
            line += f"; MISSING language data: {', '.join(missing)}"
        if not self.has_osd:
            line += "; MISSING orientation data (osd): rotated pages are not turned"
        return line


# ---- finding Tesseract -------------------------------------------------------------------------

_cache: dict[str, Tesseract | None] = {}
_cache_lock = threading.Lock()
_announced: set[str] = set()


def clear_cache() -> None:
    """Forget what was found (after the setting changed, or in tests)."""
    with _cache_lock:
        _cache.clear()
        _announced.clear()


def _candidates(configured: str | None) -> list[Path]:
    explicit = configured or os.environ.get(TESSERACT_ENV, "").strip()
    if explicit:  # a path the user chose: only that one, so a wrong setting is noticed
        return [Path(os.path.expandvars(os.path.expanduser(explicit)))]
    found: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        exe = "tesseract.exe" if sys.platform == "win32" else "tesseract"
        found.append(Path(bundle) / "tesseract" / exe)
    on_path = shutil.which("tesseract")
    if on_path:
        found.append(Path(on_path))
    if sys.platform == "win32":
        found.extend(Path(os.path.expandvars(p)) for p in _WINDOWS_DEFAULTS)
    return found


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def _probe(path: Path) -> Tesseract | None:
    if not path.is_file():
        return None
    try:
        version, langs = (
            subprocess.run(
                [str(path), option],
                capture_output=True,
                timeout=20,
                env=child_env(),
                creationflags=NO_WINDOW,
            )
            for option in ("--version", "--list-langs")
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("Tesseract at %s does not run: %s", path, type(exc).__name__)
        return None
    if version.returncode != 0 or langs.returncode != 0:
        return None
    head = (version.stdout or version.stderr).decode("utf-8", "replace").split()
    number = head[1] if len(head) > 1 and head[0].lower() == "tesseract" else "unknown"
    lines = langs.stdout.decode("utf-8", "replace").splitlines()
    languages = tuple(sorted(line.strip() for line in lines[1:] if line.strip()))
    return Tesseract(path, number.lstrip("v"), languages)


def find_tesseract(configured: str | None = None) -> Tesseract | None:
    """The Tesseract to use: the setting, else ``PRIVACY_DESK_TESSERACT``, the bundle, PATH."""
    key = configured or os.environ.get(TESSERACT_ENV, "") or "<search>"
    with _cache_lock:
        if key in _cache:
            return _cache[key]
    found: Tesseract | None = None
    for candidate in _candidates(configured):
        found = _probe(candidate)
        if found is not None:
            break
    with _cache_lock:
        _cache[key] = found
    return found


def unavailable_message(configured: str | None = None) -> UserError:
    """The error that says OCR cannot run and what to do about it."""
    explicit = configured or os.environ.get(TESSERACT_ENV, "").strip()
    if explicit:
        return OcrUnavailable(
            _(
                "Text recognition (OCR) is not available: Tesseract was not found at {path}. "
                "Correct the path in {setting} or install Tesseract (see the README); until "
                "then, paste the letter's text.",
                path=explicit,
                setting=TESSERACT_ENV,
            )
        )
    return OcrUnavailable(
        _(
            "Text recognition (OCR) is not available: Tesseract is not installed. Install it "
            "(see the README) or set {setting} to its path; until then, paste the letter's "
            "text.",
            setting=TESSERACT_ENV,
        )
    )


def require_tesseract(configured: str | None = None) -> Tesseract:
    tesseract = find_tesseract(configured)
    if tesseract is None:
        raise unavailable_message(configured)
    return tesseract


def announce_unavailable(configured: str | None = None) -> bool:
    """Log once per process that OCR is off; True the first time (for a one-time notice)."""
    key = configured or os.environ.get(TESSERACT_ENV, "") or "<search>"
    with _cache_lock:
        if key in _announced:
            return False
        _announced.add(key)
    log.warning("%s", unavailable_message(configured))
    return True


PAGE_TIMEOUT_S = 180.0  # one child process (render, OSD or OCR of one page)


def run_child(
    command: Sequence[str], *, progress: Progress | None = None, timeout_s: float = PAGE_TIMEOUT_S
) -> bytes:
    """Run a program; kill it on cancel, on the progress time-out or after ``timeout_s``.

    Returns its standard output; raises OSError when it cannot start and
    subprocess.CalledProcessError when it fails.
    """
    try:
        child = subprocess.Popen(
            list(command),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=child_env(),
            creationflags=NO_WINDOW,
        )
    except OSError as exc:  # removed or not executable since it was found
        raise UserError(
            _(
                "{program} could not be started ({error}). Check the installation with "
                "'privacy-desk selftest', or paste the text instead.",
                program=Path(command[0]).name,
                error=exc.strerror or type(exc).__name__,
            )
        ) from exc
    deadline = time.monotonic() + timeout_s
    try:
        while True:
            try:
                out, err = child.communicate(timeout=0.1)
                break
            except subprocess.TimeoutExpired:
                if progress is not None:
                    progress.check()  # Cancelled or the caller's time-out
                if time.monotonic() > deadline:
                    raise UserError(
                        _(
                            "Reading the scan took longer than {seconds} seconds for one page "
                            "and was stopped. Paste the text instead.",
                            seconds=int(timeout_s),
                        )
                    ) from None
    except BaseException:
        child.kill()
        child.communicate()
        raise
    if child.returncode != 0:
        raise subprocess.CalledProcessError(child.returncode, list(command), out, err)
    return out
