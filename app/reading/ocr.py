"""OCR of scans (PDF without text layer, PNG, JPEG, TIFF) with the Tesseract program.

Why the ``tesseract`` program itself, in a child process, and not OCRmyPDF, pytesseract or
tesserocr: cancel must stop the work, and only a child process can be killed mid-page
(tesserocr runs inside our process; pytesseract hides its process, so it offers a time-out but
no cancel). The program is all the bundle needs to find (Debian's ``tesseract-ocr``, the UB
Mannheim installer on Windows); no extra Python package and no C binding to build. OCRmyPDF
would add pikepdf, and its PDF/A output runs Ghostscript, AGPL-licensed, which the bundle
would then have to ship under the AGPL's terms or find installed; we need the text first, so
neither. Pages of a PDF are rendered with Poppler's ``pdftoppm`` (a child process too), or,
where it is missing (a Windows bundle), the scanned image of each page is taken from the PDF.

Each page: grayscale, orientation from Tesseract's OSD (``--psm 0``, on a half-size copy:
about 1 s instead of 2 s), turned upright, deskewed with Pillow (projection profile), then read
with ``-l nld+eng+deu`` in one pass: measured on a noisy page, three languages take 1.5 s of
CPU against 1.25 s for Dutch alone; a language detection pass first would cost more than those
0.25 s, so there is none. Tesseract runs with ``OMP_THREAD_LIMIT=1``: its OpenMP threads made
one page 2.5-4x slower on a busy 2-core machine. Hostile files are refused before any OCR by a
page limit and a pixel limit per page. The original file is only read, never written.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.errors import Cancelled, UserError
from app.core.i18n import P_, _
from app.core.progress import Progress
from app.reading.errors import UnreadableDocument
from app.reading.page_lines import PageGeometry, PageLine, lines_from_tsv
from app.reading.tesseract import (
    Tesseract,
    require_tesseract,
    run_child,
)

log = logging.getLogger(__name__)

PDFTOPPM_ENV = "PRIVACY_DESK_PDFTOPPM"
MAX_PAGES = 50  # a letter; more pages are refused before OCR starts
MAX_PIXELS = 89_000_000  # per page: A3 at 600 dpi is 70 million; under Pillow's warning (89.5)
DPI = 300  # PDF pages are rendered at this resolution
OSD_SCALE = 0.5  # orientation is detected on a half-size copy (twice as fast, same answer)
# Measured on the test scans: right answers 12.5-17, wrong ones (on too small copies) below 6.
OSD_MIN_CONFIDENCE = 8.0
MAX_SKEW = 5.0  # degrees searched for deskewing
# Control characters other than tab and newline (form feeds between pages, NULs, escapes).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")


@dataclass(frozen=True)
class OcrResult:
    """The text OCR read, page by page, and what was done to the pages."""

    pages: tuple[str, ...]
    languages: tuple[str, ...]
    rotations: tuple[int, ...]  # degrees each page was turned (clockwise) before reading
    skews: tuple[float, ...]  # degrees each page was deskewed
    seconds: float = 0.0
    notes: tuple[str, ...] = field(default=())
    # The searchable PDF (page images + invisible text, PDF/A-2b metadata) when asked for.
    pdf: bytes | None = None
    # Where each line sits on its page (from the same Tesseract runs), for the letter viewer.
    lines: tuple[PageLine, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(page for page in self.pages if page).strip()


# ---- child processes ---------------------------------------------------------------------------


# ---- hostile files -----------------------------------------------------------------------------


def _too_many_pages(name: str, pages: int) -> UserError:
    return UserError(
        _(
            "{name} has {pages} pages; OCR reads at most {limit}. Split the scan or check that "
            "you chose the right file.",
            name=name,
            pages=pages,
            limit=MAX_PAGES,
        )
    )


def _too_many_pixels(name: str, width: int, height: int) -> UserError:
    return UserError(
        _(
            "A page of {name} is {width} x {height} pixels; OCR reads at most {limit} million "
            "pixels per page. Scan at 300 dpi, or check that you chose the right file.",
            name=name,
            width=width,
            height=height,
            limit=MAX_PIXELS // 1_000_000,
        )
    )


def _unreadable_image(name: str) -> UserError:
    return UserError(
        _(
            "{name} could not be read as an image (it may be damaged). Open it in an image "
            "viewer to check it, or paste the text instead.",
            name=name,
        )
    )


# ---- pages as images ---------------------------------------------------------------------------


def clean_ocr_text(text: str) -> str:
    """Form feeds and line separators become newlines; other control characters go."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\f", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _CONTROL.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _check_image_pages(path: Path, max_pages: int | None = None) -> int:
    """Open the image's header only: its frame count and sizes against the limits."""
    from PIL import Image

    try:
        with Image.open(path) as image:
            frames = int(getattr(image, "n_frames", 1))
            frames = frames if max_pages is None else min(frames, max_pages)
            if frames > MAX_PAGES:
                raise _too_many_pages(path.name, frames)
            for index in range(frames):
                image.seek(index)
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise _too_many_pixels(path.name, width, height)
            return frames
    except Image.DecompressionBombError as exc:  # Pillow refuses it from the header alone
        raise UserError(
            _(
                "A page of {name} has far more than {limit} million pixels, the most OCR "
                "reads per page. Scan at 300 dpi, or check that you chose the right file.",
                name=path.name,
                limit=MAX_PIXELS // 1_000_000,
            )
        ) from exc
    except (OSError, SyntaxError, ValueError) as exc:  # Pillow's errors on damaged files
        raise _unreadable_image(path.name) from exc


def _image_pages(path: Path, folder: Path, frames: int) -> Iterator[Path]:
    from PIL import Image, ImageOps

    try:
        with Image.open(path) as image:
            for index in range(frames):
                image.seek(index)
                page = ImageOps.exif_transpose(image.copy()) if index == 0 else image.copy()
                target = folder / f"page-{index + 1:03d}.pgm"
                page.convert("L").save(target)
                yield target
    except (OSError, SyntaxError, ValueError) as exc:
        raise _unreadable_image(path.name) from exc


def _pdf_page_count(path: Path, max_pages: int | None = None) -> int:
    """The number of pages to read, refused beyond the page and pixel limits."""
    from pypdf import PdfReader

    from app.reading.errors import PasswordProtected

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise PasswordProtected(path.name)
        count = len(reader.pages) if max_pages is None else min(len(reader.pages), max_pages)
        if count > MAX_PAGES:
            raise _too_many_pages(path.name, count)
        boxes = [reader.pages[i].mediabox for i in range(count)]
        sizes = [(float(box.width), float(box.height)) for box in boxes]
    except (UserError, UnreadableDocument):
        raise
    except Exception as exc:  # pypdf raises many types on damaged files
        raise UnreadableDocument(f"{type(exc).__name__}: {exc}") from exc
    for width, height in sizes:
        w, h = round(abs(width) * DPI / 72), round(abs(height) * DPI / 72)
        if w * h > MAX_PIXELS:
            raise _too_many_pixels(path.name, w, h)
    return count


def find_pdftoppm() -> str | None:
    """Poppler's pdftoppm: ``PRIVACY_DESK_PDFTOPPM`` (only that path), else on PATH."""
    explicit = os.environ.get(PDFTOPPM_ENV, "").strip()
    if explicit:
        return explicit if Path(explicit).is_file() else None
    return shutil.which("pdftoppm")


def _pdf_pages(path: Path, folder: Path, pages: int, progress: Progress | None) -> Iterator[Path]:
    renderer = find_pdftoppm()
    if renderer is None:
        yield from _pdf_embedded_images(path, folder, pages)
        return
    for number in range(1, pages + 1):
        prefix = folder / f"page-{number:03d}"
        command = [renderer, "-r", str(DPI), "-gray", "-singlefile"]  # PGM: no compression
        command += ["-f", str(number), "-l", str(number), str(path), str(prefix)]
        try:
            run_child(command, progress=progress)
        except subprocess.CalledProcessError as exc:
            raise UnreadableDocument(f"pdftoppm exit {exc.returncode}") from exc
        yield prefix.with_suffix(".pgm")


def _pdf_embedded_images(path: Path, folder: Path, pages: int) -> Iterator[Path]:
    """Without pdftoppm: the largest image on each page (what a scanner puts there)."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    for number, page in enumerate(reader.pages[:pages], 1):
        best = None
        try:
            for width, height in _image_sizes(page):  # from the PDF, before decoding
                if width * height > MAX_PIXELS:
                    raise _too_many_pixels(path.name, width, height)
            images = [item.image for item in page.images]
        except UserError:
            raise
        except Exception as exc:  # pypdf and Pillow raise many types on damaged images
            raise UnreadableDocument(f"{type(exc).__name__}: {exc}") from exc
        for image in images:
            if image is None:
                continue
            if image.width * image.height > MAX_PIXELS:
                raise _too_many_pixels(path.name, image.width, image.height)
            if best is None or image.width * image.height > best.width * best.height:
                best = image
        if best is None:
            continue
        target = folder / f"page-{number:03d}.pgm"
        best.convert("L").save(target)
        yield target


def _image_sizes(page: Any) -> list[tuple[int, int]]:
    """Width and height of each image a PDF page draws, as its dictionary states them."""
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    sizes = []
    for ref in (xobjects.get_object() if xobjects is not None else {}).values():
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Image":
            sizes.append((int(xobject.get("/Width", 0)), int(xobject.get("/Height", 0))))
    return sizes


# ---- preparing a page --------------------------------------------------------------------------


def _orientation(tesseract: Tesseract, page: Path, progress: Progress | None) -> int:
    """Clockwise degrees that make the page upright, from Tesseract's OSD; 0 when unsure.

    OSD runs on a half-size copy first (twice as fast); when that is unsure, as on a 200 dpi
    scan of a short letter (a 100 dpi copy: confidence 3 where the full page gives 16), once
    more on the page itself."""
    first = _osd(tesseract, page, OSD_SCALE, progress)
    if first is not None:
        return first
    return _osd(tesseract, page, 1.0, progress) or 0  # only when OSD ran but was unsure


def _osd(tesseract: Tesseract, page: Path, scale: float, progress: Progress | None) -> int | None:
    """OSD on a copy of the page at ``scale``: the rotation, or None when unsure."""
    from PIL import Image

    if not tesseract.has_osd:
        return 0
    small = page.with_name(page.stem + "-osd.pgm")
    with Image.open(page) as image:
        size = (max(1, int(image.width * scale)), max(1, int(image.height * scale)))
        image.convert("L").resize(size, Image.Resampling.BILINEAR).save(small)
    try:
        out = run_child(
            [str(tesseract.path), str(small), "stdout", "--psm", "0"], progress=progress
        )
    except subprocess.CalledProcessError:
        return 0  # too little text to tell (a blank page): read it as it is, no second try
    finally:
        small.unlink(missing_ok=True)
    found = re.search(rb"Rotate:\s*(\d+)", out)
    confidence = re.search(rb"Orientation confidence:\s*([\d.]+)", out)
    if found is None or confidence is None or float(confidence.group(1)) < OSD_MIN_CONFIDENCE:
        return None
    return int(found.group(1)) % 360


def skew_angle(image: object) -> float:
    """Degrees (counter-clockwise) that make the text lines level: projection profiles."""
    from PIL import Image

    assert isinstance(image, Image.Image)
    scale = 800 / max(image.width, image.height)
    small = image.convert("L").resize(
        (max(1, int(image.width * scale)), max(1, int(image.height * scale))),
        Image.Resampling.BOX,
    )
    ink = small.point(lambda v: 255 if v < 160 else 0)

    def sharpness(angle: float) -> float:
        turned = ink.rotate(angle, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=0)
        rows = turned.resize((1, turned.height), Image.Resampling.BOX).tobytes()  # row means
        return float(sum((a - b) ** 2 for a, b in itertools.pairwise(rows)))

    coarse = [step / 2 for step in range(int(-2 * MAX_SKEW), int(2 * MAX_SKEW) + 1)]
    best: float = max(coarse, key=sharpness)
    fine = [best + step / 10 for step in range(-5, 6)]
    chosen: float = max(fine, key=sharpness)
    return round(chosen, 1)


def _prepare(tesseract: Tesseract, page: Path, progress: Progress | None) -> PageGeometry:
    """Turn the page upright and level in place; returns its size and what was applied."""
    from PIL import Image

    rotation = _orientation(tesseract, page, progress)
    with Image.open(page) as opened:
        image = opened.convert("L")
    size = image.size
    if rotation:
        image = image.rotate(-rotation, expand=True)  # Tesseract's "Rotate" is clockwise
    angle = skew_angle(image)
    if abs(angle) >= 0.2:
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    if rotation or abs(angle) >= 0.2:
        image.save(page)
    return PageGeometry(size[0], size[1], rotation, angle if abs(angle) >= 0.2 else 0.0)


# ---- reading ------------------------------------------------------------------------------------


def ocr_page(
    tesseract: Tesseract,
    page: Path,
    *,
    progress: Progress | None = None,
    pdf_dpi: int | None = None,
) -> str:
    """The text Tesseract reads on one prepared page image."""
    return ocr_page_lines(tesseract, page, progress=progress, pdf_dpi=pdf_dpi)[0]


def ocr_page_lines(
    tesseract: Tesseract,
    page: Path,
    *,
    progress: Progress | None = None,
    pdf_dpi: int | None = None,
    geometry: PageGeometry | None = None,
    number: int = 0,
) -> tuple[str, list[PageLine]]:
    """The text Tesseract reads on one prepared page image, and where its lines are.

    The same run writes the text and the word boxes (Tesseract's ``txt`` and ``tsv``
    renderers); the boxes are mapped back onto the page as scanned by ``geometry``. With
    ``pdf_dpi`` it also writes ``page.pdf`` beside the image: the page with its text as an
    invisible layer (Tesseract's ``pdf`` renderer), ``pdf_dpi`` giving its size.
    """
    languages = "+".join(tesseract.ocr_languages or tesseract.languages[:1] or ("eng",))
    base = page.with_suffix("")
    command = [str(tesseract.path), str(page), str(base), "-l", languages, "--psm", "3"]
    if pdf_dpi is not None:
        command += ["--dpi", str(pdf_dpi)]
    command += ["txt", "tsv"] + (["pdf"] if pdf_dpi is not None else [])
    try:
        run_child(command, progress=progress)
        out = page.with_suffix(".txt").read_bytes()
        tsv = page.with_suffix(".tsv").read_bytes().decode("utf-8", "replace")
    except subprocess.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()[-1:]
        log.warning("Tesseract failed with exit %s: %s", exc.returncode, detail)
        raise UserError(
            _(
                "Tesseract could not read a page (exit code {code}). Check the scan, or paste "
                "the text instead.",
                code=exc.returncode,
            )
        ) from exc
    finally:
        page.with_suffix(".txt").unlink(missing_ok=True)
        page.with_suffix(".tsv").unlink(missing_ok=True)
    if geometry is None:
        from PIL import Image

        with Image.open(page) as image:
            geometry = PageGeometry(image.width, image.height)
    lines = lines_from_tsv(tsv, page=number, geometry=geometry)
    return clean_ocr_text(out.decode("utf-8", "replace")), lines


def ocr_file(
    path: Path,
    *,
    progress: Progress | None = None,
    tesseract: Tesseract | None = None,
    is_pdf: bool | None = None,
    max_pages: int | None = None,
    searchable: bool = False,
) -> OcrResult:
    """OCR every page of a scan (PDF or image); the file itself is only read.

    With ``searchable`` the result also carries the searchable PDF of the pages read
    (app.reading.searchable_pdf), made in the same Tesseract runs.

    Raises OcrUnavailable without Tesseract, UserError for files beyond the limits or
    unreadable images, UnreadableDocument for a damaged PDF, Cancelled on cancel.
    """
    started = time.perf_counter()
    if is_pdf is None:
        with path.open("rb") as handle:
            is_pdf = handle.read(5) == b"%PDF-"
    # The limits first: a hostile file is refused before any program runs.
    pages = _pdf_page_count(path, max_pages) if is_pdf else _check_image_pages(path, max_pages)
    tesseract = tesseract or require_tesseract()
    texts: list[str] = []
    rotations: list[int] = []
    skews: list[float] = []
    lines: list[PageLine] = []
    page_pdfs: list[Path] = []
    pdf: bytes | None = None
    dpi = DPI if is_pdf else _image_dpi(path)
    report = _reporter(progress, pages)
    with tempfile.TemporaryDirectory(prefix="privacy-desk-ocr-") as temp:
        folder = Path(temp)
        if is_pdf:
            source = _pdf_pages(path, folder, pages, progress)
        else:
            source = _image_pages(path, folder, pages)
        for index, page in enumerate(source):
            report(index, _("Reading page {page} of {pages}…", page=index + 1, pages=pages))
            geometry = _prepare(tesseract, page, progress)
            text, page_lines = ocr_page_lines(
                tesseract,
                page,
                progress=progress,
                pdf_dpi=dpi if searchable else None,
                geometry=geometry,
                number=index,
            )
            texts.append(text)
            lines.extend(page_lines)
            rotations.append(geometry.rotation)
            skews.append(geometry.skew)
            page.unlink(missing_ok=True)
            if searchable:
                page_pdfs.append(page.with_suffix(".pdf"))
        if searchable and page_pdfs:
            from app.reading.searchable_pdf import merge_pages

            pdf = merge_pages(page_pdfs, title=path.name)
        report(pages, P_("Read {pages} page.", "Read {pages} pages.", pages, pages=pages))
    return OcrResult(
        tuple(texts),
        tesseract.ocr_languages,
        tuple(rotations),
        tuple(skews),
        seconds=time.perf_counter() - started,
        pdf=pdf,
        lines=tuple(lines),
    )


def _image_dpi(path: Path) -> int:
    """The resolution the scanner wrote in the image, else 300 dpi (sizes the PDF page)."""
    from PIL import Image

    try:
        with Image.open(path) as image:
            value = image.info.get("dpi", (DPI, DPI))[0]
    except (OSError, ValueError):
        return DPI
    dpi = round(float(value or DPI))
    return dpi if 70 <= dpi <= 1200 else DPI


def _reporter(progress: Progress | None, pages: int) -> Callable[[int, str], None]:
    def report(done: int, message: str) -> None:
        if progress is None:
            return
        if progress.cancelled:
            raise Cancelled()
        progress.report(done / max(1, pages), message)

    return report
