"""Who wrote the letter and what it says about them: proposals for the intake form.

:func:`propose_fields` reads the text of a letter (its text layer, OCR or pasted text) and
proposes the sender (the data subject), a second signer, a representative (lawyer, guardian,
parent) with the client as the data subject, the letter's date, references, language and, for a
reminder, the earlier letter's date and the ultimatum. Every value is a :class:`Proposal` with
the line it came from (an index into :attr:`LetterProposals.lines`) and a confidence from 0 to 1:
the officer decides, and the intake form fills only fields that are still empty.

The recipient block (our own organisation, :class:`OwnAddress`) is never taken for the sender.
Rules are transparent (patterns and the letter's layout), for Dutch, Flemish, English and German
letters; postcodes of NL, BE, DE, UK and IE. Pure: no I/O.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from typing import Any

from app.core.customer_number import MAX_CANDIDATE, find_customer_numbers
from app.core.letter_dates import MONTH_PATTERN, date_line_value, parse_date

# ---- the result --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Proposal:
    """One proposed value, the line it came from (index into ``LetterProposals.lines``; -1 when
    it was worked out, e.g. a country from the postcode) and a confidence from 0 to 1."""

    value: str
    line: int = -1
    source: str = ""  # the text of that line
    confidence: float = 0.5

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "line": self.line,
            "source": self.source,
            "confidence": round(self.confidence, 2),
        }


def _json_of(obj: Any) -> dict[str, Any]:
    return {
        f.name: None if getattr(obj, f.name) is None else getattr(obj, f.name).to_json()
        for f in fields(obj)
    }


@dataclass(frozen=True)
class PersonProposal:
    """The data subject (or a second signer). ``salutation`` is "heer" or "mevrouw" (the form's
    values); ``name`` is the name as written, without titles; the parts split it for the form.
    Dates are ISO (YYYY-MM-DD); ``country`` a two-letter code; ``phone`` as written."""

    name: Proposal | None = None
    salutation: Proposal | None = None
    first_name: Proposal | None = None
    initials: Proposal | None = None
    name_prefix: Proposal | None = None
    last_name: Proposal | None = None
    street: Proposal | None = None
    postcode: Proposal | None = None
    city: Proposal | None = None
    country: Proposal | None = None
    email: Proposal | None = None
    phone: Proposal | None = None
    customer_number: Proposal | None = None
    ip_address: Proposal | None = None
    birth_date: Proposal | None = None

    def to_json(self) -> dict[str, Any]:
        return _json_of(self)


@dataclass(frozen=True)
class RepresentativeProposal:
    """Someone writing for the data subject. ``role``: lawyer | guardian | parent | other (the
    values of the case's representative); ``reference`` is their file reference."""

    role: Proposal | None = None
    firm: Proposal | None = None
    name: Proposal | None = None
    street: Proposal | None = None
    postcode: Proposal | None = None
    city: Proposal | None = None
    country: Proposal | None = None
    email: Proposal | None = None
    phone: Proposal | None = None
    reference: Proposal | None = None

    def to_json(self) -> dict[str, Any]:
        return _json_of(self)


@dataclass(frozen=True)
class ReminderProposal:
    """A reminder or notice of default: the earlier letter's date, our reference if quoted, and
    the ultimatum ("binnen 14 dagen na dagtekening") as a date (counted from the letter's date)."""

    earlier_letter_date: Proposal | None = None
    our_reference: Proposal | None = None
    ultimatum_date: Proposal | None = None
    ultimatum_days: Proposal | None = None

    def ultimatum(self, *, received_on: date) -> Proposal | None:
        """The date the answer is demanded by: counted from the letter's date, or, when the
        letter has none, from the day it was received."""
        if self.ultimatum_date is not None:
            return self.ultimatum_date
        days = self.ultimatum_days
        if days is None:
            return None
        value = (received_on + timedelta(days=int(days.value))).isoformat()
        return Proposal(value, days.line, days.source, min(days.confidence, 0.6))

    def to_json(self) -> dict[str, Any]:
        return _json_of(self)


@dataclass(frozen=True)
class LetterProposals:
    """Everything proposed for one letter. ``lines`` is the letter's text line by line (after
    cleaning); every Proposal.line points into it, so a viewer can highlight the source."""

    lines: tuple[str, ...] = ()
    subject: PersonProposal = field(default_factory=PersonProposal)
    co_signer: PersonProposal | None = None
    representative: RepresentativeProposal | None = None
    authorisation_attached: Proposal | None = None  # "machtiging bijgevoegd": value "yes"
    authorisation_dated: Proposal | None = None  # "machtiging van 12 november 2026": ISO date
    letter_date: Proposal | None = None
    their_reference: Proposal | None = None
    our_reference: Proposal | None = None
    language: Proposal | None = None
    request_types: dict[str, Proposal] = field(default_factory=dict)  # type code -> evidence
    reminder: ReminderProposal | None = None

    def summary_lines(self) -> list[str]:
        """The proposals as plain lines: "subject.name  Jan de Vries  (line 1, 0.90)"."""
        data = self.to_json()
        out: list[str] = []

        def walk(prefix: str, value: Any) -> None:
            if isinstance(value, dict) and "value" in value and "line" in value:
                where = f"line {value['line'] + 1}" if value["line"] >= 0 else "derived"
                out.append(f"{prefix:<32} {value['value']}  ({where}, {value['confidence']:.2f})")
            elif isinstance(value, dict):
                for key, item in value.items():
                    walk(f"{prefix}.{key}" if prefix else key, item)

        walk("", {k: v for k, v in data.items() if k != "lines"})
        return out

    def to_json(self) -> dict[str, Any]:
        def opt(value: Any) -> Any:
            return None if value is None else value.to_json()

        return {
            "subject": self.subject.to_json(),
            "co_signer": opt(self.co_signer),
            "representative": opt(self.representative),
            "authorisation_attached": opt(self.authorisation_attached),
            "authorisation_dated": opt(self.authorisation_dated),
            "letter_date": opt(self.letter_date),
            "their_reference": opt(self.their_reference),
            "our_reference": opt(self.our_reference),
            "language": opt(self.language),
            "request_types": {k: v.to_json() for k, v in self.request_types.items()},
            "reminder": opt(self.reminder),
            "lines": list(self.lines),
        }


@dataclass(frozen=True)
class OwnAddress:
    """Our own organisation (the profile): its lines in a letter are the recipient block."""

    name: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    email: str = ""
    phone: str = ""


# ---- patterns ----------------------------------------------------------------------------------

_ALONE_SALUTATION = {
    "frau": "mevrouw", "herrn": "heer", "herr": "heer", "mevrouw": "mevrouw", "de heer": "heer",
    "dhr": "heer", "mevr": "mevrouw",
}  # fmt: skip
MAX_LINES = 600
MAX_LINE = 400

_UP = "A-ZÀ-ÖØ-ÞĀ-ŽİŁŒŠŸ"
_LOW = "a-zß-öø-ÿā-žıłœš"
_LETTER = f"{_UP}{_LOW}"
# Name particles (Dutch, German, French, Arabic, Irish) written in lower case inside a name.
_PARTICLES = frozenset(
    "van de der den het ter ten te 't op in 's von zu vom zum zur dem und le la les du des "
    "da di do dos das del della el al bin ben ibn af av".split()
)
_TITLES = re.compile(
    r"^(?:(?:mevr|mw|mevrouw|mej|dhr|hr|heer|de heer|mr|mrs|ms|miss|mx|dr|drs|ir|ing|prof|"
    r"frau|herrn?|familie|fam|sir|dame|lady|ds|mag|dipl\.-ing)\b\.?\s*)+",
    re.IGNORECASE,
)
_NAME_TOKEN = (
    rf"(?:[{_UP}]\.(?:-?[{_UP}]\.)*|[{_UP}]{{2,3}}\.|[{_UP}][{_LETTER}'’]*(?:-[{_LETTER}][{_LETTER}'’]*)*"
    rf"|O['’][{_UP}][{_LOW}]+|(?:{'|'.join(sorted(_PARTICLES, key=len, reverse=True))}))"
)
_NAME = re.compile(rf"{_NAME_TOKEN}(?:[ ]+{_NAME_TOKEN}){{1,6}}")
_WORD_BLOCKLIST = frozenset(
    """geachte dear sehr beste hallo betreft onderwerp subject betreff re aan to an from
    datum date postbus bijlage bijlagen anlage enclosure kenmerk referentie reference zeichen
    met mit yours kind best regards groet groeten sincerely faithfully hoogachtend hochachtungsvoll
    straat street road lane laan weg plein park gracht kade str strasse straße allee
    tel telefoon phone mobile mob mobil fax email e-mail mail iban bic kvk btw
    rechtsanwalt rechtsanwältin rechtsanwälte advocaat advocaten advocate solicitor solicitors
    bewindvoerder betreuer kanzlei llp bv b.v. n.v. nv gmbh ltd limited
    privacy officer data protection functionaris gegevensbescherming datenschutz
    netherlands nederland niederlande belgië belgium ireland germany deutschland united kingdom
    aangetekend registered einschreiben afzender absender sender behandeld door
    nieuwsbrief newsletter werbung reclame thanks bedankt alvast ik i wij we ich the old""".split()
)
_CLOSINGS = re.compile(
    r"^(?:met (?:vriendelijke|hartelijke|de meeste)? ?(?:groet(?:en)?|hoogachting)|"
    r"vriendelijke groet(?:en)?|hoogachtend|groet(?:en|jes)?|mvg|"
    r"yours (?:sincerely|faithfully|truly)|(?:kind|best|warm)? ?regards|sincerely|thanks|"
    r"thank you|cheers|many thanks|"
    r"mit freundlichen gr(?:ü|ue)(?:ß|ss)en|freundliche gr(?:ü|ue)(?:ß|ss)e|"
    r"hochachtungsvoll|viele gr(?:ü|ue)(?:ß|ss)e|beste gr(?:ü|ue)(?:ß|ss)e|"
    r"alvast bedankt|met dank)\b",
    re.IGNORECASE,
)
_EMAIL = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9._%+'-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
_IPV4 = re.compile(
    r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])"
)
_IPV6 = re.compile(r"(?<![:\w])[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{0,4}){2,7}(?![:\w])")
_PHONE = re.compile(
    r"(?<![\w+])(?:\+|00)\d{2,3}[\s\-./]*(?:\(0\)[\s\-./]*)?\d[\d\s\-./]{5,16}\d(?!\w)|(?<![\w+])0\d[\d\s\-./]{6,15}\d(?!\w)"
)
_PHONE_LABEL = re.compile(
    r"\b(?:tel(?:efoon|efon|ephone)?|phone|mob(?:iel|ile|il)?|gsm|handy|telefoonnummer|"
    r"nummer|number|fon|T)\b\.?\s*(?:nr\.?|no\.?)?\s*[:.-]?\s*$",
    re.IGNORECASE,
)
_FAX_LABEL = re.compile(r"\b(?:fax|telefax|kvk|btw|iban|bic|ust|vat|hrb|rsin)\b", re.IGNORECASE)

# Postcodes. Each returns (postcode as written, normalised, country).
_NL_POSTCODE = re.compile(r"(?<![\w-])(?:NL[- ]?)?([1-9]\d{3})\s?(?!SA|SD|SS)([A-Z]{2})(?![\w])")
_DE_POSTCODE = re.compile(r"(?<![\w-])(?:D[- ])?(\d{5})(?=\s+[" + _UP + r"])")
_BE_POSTCODE = re.compile(
    r"(?<![\w-])(?:B[- ])?([1-9]\d{3})(?=\s+[" + _UP + r"][" + _LETTER + r"])"
)
# OCR reads 0 as O and 1 as I or l: accepted where a digit must be, and put right.
_UK_POSTCODE = re.compile(
    r"(?<![\w])([A-Z]{1,2}[\dOIl][A-Z\d]?)\s?([\dOIl][ABD-HJLNP-UW-Z]{2})(?![\w])"
)
_EIRCODE = re.compile(r"(?<![\w])([AC-FHKNPRTV-Y][\dO]{2}|D6W)\s?([0-9AC-FHKNPRTV-Y]{4})(?![\w])")
_OCR_DIGITS = str.maketrans("OIl", "011")


def _ocr_digits(part: str, first: int) -> str:
    """The postcode part with O/I/l put right from position ``first`` where digits belong."""
    return part[:first] + part[first:].translate(_OCR_DIGITS) if part else part


_COUNTRY_WORDS = {
    "NL": ("nederland", "netherlands", "the netherlands", "niederlande", "pays-bas", "holland"),
    "BE": ("belgië", "belgie", "belgium", "belgien", "belgique"),
    "DE": ("duitsland", "germany", "deutschland"),
    "GB": (
        "united kingdom",
        "uk",
        "england",
        "scotland",
        "wales",
        "great britain",
        "verenigd koninkrijk",
        "northern ireland",
    ),
    "IE": ("ireland", "ierland", "irland", "éire", "eire", "republic of ireland"),
}
_COUNTRY_OF_WORD = {word: code for code, words in _COUNTRY_WORDS.items() for word in words}
_SEGMENT_SPLIT = re.compile(r"\s+[·•|]\s+|\s*[·•|]\s*(?=\S)|,\s+|\s+[-–]\s+")
_HOUSE_NUMBER = re.compile(r"\b\d{1,5}\s?[a-zA-Z]?\b")
_STREET_WORD = re.compile(
    r"(?:straat|laan|weg|plein|gracht|kade|singel|dijk|steenweg|dreef|markt|park|hof|pad|steeg|"
    r"str\.|straße|strasse|allee|gasse|ring|damm|platz|chaussee|ufer|road|street|lane|drive|"
    r"avenue|close|crescent|square|quay|way|grove|place|terrace|view|hill|row|rue|rye|"
    r"\bam |\ban der |\bim |\bauf der )",
    re.IGNORECASE,
)
_LABELLED = re.compile(
    r"^(?P<label>naam|name|name und anschrift|van|from|afzender|absender|sender|adres|address|"
    r"anschrift|e-?mail(?:adres)?|e|telefoon|tel|phone|mob|mobile|mobil|klantnummer|"
    r"customer (?:number|no)|kundennummer|geboortedatum|date of birth|geburtsdatum|geb)"
    r"\s*[.:\-–]\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_RECIPIENT_MARKERS = re.compile(
    r"^(?:aan|to|an(?: die| den)?|t\.?a\.?v\.?|ter attentie|attn|z\.?\s*hd\.?|zu h(?:ä|ae)nden|"
    r"data protection officer|functionaris gegevensbescherming|datenschutzbeauftragte|"
    r"privacy officer|the dpo|de directie)\b",
    re.IGNORECASE,
)
_FIRM = re.compile(
    r"\b(?:advocat\w*|advocaten|advokat\w*|law(?:yers)?|solicitors?|llp|kanzlei|"
    r"rechtsanw(?:ä|ae)lt\w*|partners|notaris|notariaat|bewindvoering|bewindvoerders|"
    r"b\.?v\.?|n\.?v\.?|gmbh|ltd|& (?:co|kollegen|partners)|&)\b|\s&\s",
    re.IGNORECASE,
)
_REPRESENTATION = (
    (
        "guardian",
        re.compile(
            r"\bbewindvoerder|\bcurator\b|\bmentor van\b|\bBetreuer|\bBetreute|"
            r"\bguardian of\b|\blegal guardian\b|\bVormund",
            re.IGNORECASE,
        ),
    ),
    (
        "lawyer",
        re.compile(
            r"\bnamens (?:mijn |onze )?cli(?:ë|e)nt|\bmijn cli(?:ë|e)nte?\b|\bcli(?:ë|e)nte?\b|"
            r"\bon behalf of (?:my|our) client|\bour client\b|\bmy client\b|"
            r"\bim (?:Namen|Auftrag) (?:meines|unseres|meiner|unserer) Mandant|"
            r"\bMandant(?:in|en)?\b|"
            r"\bwe act (?:for|on behalf of)\b|\bik sta\b[^.]{0,60}\bbij\b|\bik treed op namens\b",
            re.IGNORECASE,
        ),
    ),
    (
        "parent",
        re.compile(
            r"\b(?:moeder|vader|ouder|mother|father|parent|Mutter|Vater)\b[^.]{0,40}"
            r"\b(?:van|of|von)\b|\bmijn (?:zoon|dochter)\b|\bmy (?:son|daughter)\b|"
            r"\bmeine[sr]? (?:Sohn|Tochter|Sohnes)\b|"
            r"\bals (?:haar|zijn) ouder\b|\bwettelijk vertegenwoordiger\b",
            re.IGNORECASE,
        ),
    ),
)
# German names the document by compounds and inflects them: "Vorsorgevollmacht",
# "Vollmachtsurkunde", "des Betreuerausweises", "Beschluss des Betreuungsgerichts".
_AUTHORISATION = re.compile(
    r"\bmachtiging\b|\bvolmacht\b|\bform of authority\b|\bwritten authority\b|"
    r"\bletter of authority\b|\bauthori[sz]ation\b|\bbeschikking\b|"
    r"\w*vollmacht\w*|\bBetreu(?:er|ungs)ausweis\w*|\bBestellungsurkunde\w*|"
    r"\bBetreuerbestellung\w*|\bBetreuungsbeschlu(?:ss|ß)\w*|\bBetreuungsgericht\w*|"
    r"\bVertretungsnachweis\w*|\bSorgerechtsnachweis\w*",
    re.IGNORECASE,
)
_ATTACHED = re.compile(
    r"\bbijgevoegd|\bbijgaand|\bbijlage|\bgaat hierbij|\btreft u\b|\bstuur ik mee|\bmeegestuurd|"
    r"\benclosed|\battached|"
    r"\b(?:liegt|liegen|lege|legen)\b.{0,40}\bbei\b|\bbeigefügt|\bbeiliegend|\banbei\b|"
    r"\banliegend|\bin der Anlage|\bals Anlage|\bin Kopie\b.{0,20}\b(?:bei|mit)\b|"
    r"\bf(?:ü|ue)ge\b.{0,60}\bbei\b|\bf(?:ü|ue)gen\b.{0,60}\bbei\b|\bübersende|\breiche\b.{0,40}\bein\b",
    re.IGNORECASE,
)
_REF_LABEL = re.compile(
    r"^\s*(?P<who>ons|onze|mijn|our|my|unser|unsere|mein|meine|uw|your|ihr|ihre)?\s*"
    r"(?:kenmerk|referentie|ref(?:erence)?\.?|zeichen|aktenzeichen|az\.?|dossiernummer|dossier)"
    r"\s*[:.]?\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_OUR_REF = re.compile(r"\bAVG[-/ ]?(20\d\d)[-/](\d{1,4})\b", re.IGNORECASE)
_NUMBER_WORDS = {
    "zeven": 7, "seven": 7, "sieben": 7, "tien": 10, "ten": 10, "zehn": 10,
    "veertien": 14, "fourteen": 14, "vierzehn": 14, "dertig": 30, "thirty": 30,
    "dreißig": 30, "eenentwintig": 21, "twenty-one": 21, "einundzwanzig": 21,
}  # fmt: skip
_ULTIMATUM = re.compile(
    r"\b(?:binnen|within|innerhalb (?:von|einer Frist von)?|uiterlijk binnen)\s+(?P<n>\d{1,2}|"
    + "|".join(_NUMBER_WORDS)
    + r")\s+(?P<unit>dagen|dag|days|working\s+days|Tagen|Werktagen|werkdagen|weken|week|weeks|"
    r"Wochen)\b",
    re.IGNORECASE,
)
_TWO_WEEKS = re.compile(
    r"\b(?:binnen|within|innerhalb von)\s+(?:twee|two|zwei)\s+(?:weken|weeks|Wochen)\b",
    re.IGNORECASE,
)
_BIRTH = re.compile(
    r"\b(?:geboren(?: op)?|geb\.|geboortedatum|born(?: on)?|date of birth|d\.?o\.?b\.?|"
    r"geburtsdatum|geboren am)\s*:?\s*(?P<date>[^,;()]{6,24}?\d{4})",
    re.IGNORECASE,
)
_SALUTATION_WORD = re.compile(
    r"\b(?P<word>de heer|heer|mevrouw|dhr\.?|mevr\.?|mw\.?|Herrn?|Frau|Mrs\.?|Ms\.?|Mr\.?|Miss)\s+"
    rf"(?P<name>{_NAME_TOKEN}(?:[ ]+{_NAME_TOKEN}){{0,6}})",
)
_INLINE_CLIENT = re.compile(
    r"\b(?:cli(?:ë|e)nte?|client|Mandant(?:en|in)?|Betreute[nr]?|zoon|dochter|son|daughter|Sohn|Tochter|"
    r"moeder van|vader van|mother of|father of|Mutter von|Vater von|Betreuer von|bewindvoerder van|"
    r"Betreuerin von|vertegenwoordiger van)\b[ :,-]*"
    r"(?:(?:de heer|mevrouw|Herrn?|Frau|Mrs|Ms|Mr|Miss|"
    r"dhr\.|mevr\.)\s+)?"
    rf"(?P<name>{_NAME_TOKEN}(?:[ ]+{_NAME_TOKEN}){{1,6}})",
)


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join(
        "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split()
    )


# ---- small readers -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Address:
    """A postcode found on a line, with the street and city around it."""

    line: int
    postcode: str
    country: str
    city: str
    city_line: int
    street: str
    street_line: int
    inline: bool  # in a sentence or a one-line address, not an address block


def _postcode_hits(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, postcode, country) of postcodes on a line; the first country form wins."""
    hits: list[tuple[int, int, str, str]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, code: str, country: str) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        hits.append((start, end, code, country))

    for m in _NL_POSTCODE.finditer(text):
        add(m.start(), m.end(), f"{m.group(1)} {m.group(2)}", "NL")
    for m in _EIRCODE.finditer(text):
        routing = m.group(1) if m.group(1) == "D6W" else _ocr_digits(m.group(1), 1)
        if not re.search(r"\d", m.group(2)):
            continue  # a word, not a code
        add(m.start(), m.end(), f"{routing} {m.group(2)}", "IE")
    for m in _UK_POSTCODE.finditer(text):
        outward, inward = m.group(1), m.group(2)
        letters = len(re.match(r"[A-Z]*", outward).group()) if outward[1:2].isalpha() else 1  # type: ignore[union-attr]
        outward = (
            outward[:letters]
            + outward[letters : letters + 1].translate(_OCR_DIGITS)
            + outward[letters + 1 :]
        )
        inward = inward[0].translate(_OCR_DIGITS) + inward[1:]
        if not re.search(r"\d", outward) or not inward[0].isdigit():
            continue
        add(m.start(), m.end(), f"{outward} {inward}", "GB")
    for m in _DE_POSTCODE.finditer(text):
        add(m.start(), m.end(), m.group(1), "DE")
    for m in _BE_POSTCODE.finditer(text):
        add(m.start(), m.end(), m.group(1), "BE")
    # "wonende te 3000" at the end of a line, the town on the next one.
    end = re.search(r"\b(?:te|in|wonende|wohnhaft|postcode|PLZ)\s+(\d{4,5})$", text)
    if end:
        add(end.start(1), end.end(1), end.group(1), "BE" if len(end.group(1)) == 4 else "DE")
    return sorted(hits)


def _clean_city(text: str) -> str:
    text = re.split(
        r"\s+[·•|]\s+|,|\s+[-–]\s+|\s{2,}|\s+(?:tel|t|e|mail|phone)\b\.?[: ]",
        text,
        maxsplit=1,
        flags=re.IGNORECASE,
    )[0]
    text = text.strip(" .,:;")
    if re.fullmatch(r"[A-Z'\-. ]+", text) and len(text) > 3:
        text = text.title().replace("'S-", "'s-")
    return text


def _country_of_line(text: str) -> str:
    return _COUNTRY_OF_WORD.get(fold(text).strip(" .,"), "")


def _looks_like_street(text: str) -> bool:
    if not text or "@" in text or _PHONE_LABEL.search(text.split(" ")[0] + " "):
        return False
    if re.match(r"^(?:postbus|postfach|p\.?o\.? box|antwoordnummer)\b", text, re.IGNORECASE):
        return True
    return bool(_HOUSE_NUMBER.search(text)) and bool(re.search(rf"[{_LETTER}]{{2,}}", text))


def _addresses(lines: list[str], skip: set[int]) -> list[_Address]:
    found: list[_Address] = []
    for index, line in enumerate(lines):
        if index in skip or not line or ("@" in line and not _postcode_hits(line.split("@")[0])):
            continue
        for start, end, code, country in _postcode_hits(line):
            address = _address_at(lines, index, start, end, code, country, skip)
            if address is not None:
                found.append(address)
    return found


def _address_at(
    lines: list[str], index: int, start: int, end: int, code: str, country: str, skip: set[int]
) -> _Address | None:
    line = lines[index]
    before, after = line[:start].rstrip(" ,·|-–"), line[end:].strip()
    # A date or amount is no postcode: "1 november 2026", "5000 euro".
    if re.match(
        r"(?:euro|eur|€|dagen|days|jaar|years|uur|kilo|km|stuks|x\b)", after, re.IGNORECASE
    ):
        return None
    if country in ("DE", "BE") and re.match(rf"(?:{MONTH_PATTERN})\b", after, re.IGNORECASE):
        return None
    inline = False
    city, city_line = "", index
    street, street_line = "", -1
    if country in ("GB", "IE"):
        segments = [s for s in _SEGMENT_SPLIT.split(before) if s.strip()] if before else []
        if segments:
            city = _clean_city(_unlabel(segments[-1]))
            rest = segments[:-1]
            if rest:
                street, street_line = _street_from_segments(rest), index
                inline = True
            else:  # "Leeds LS1 4DY" below the street
                above = _previous_lines(lines, index, skip, 1)
                if above and _looks_like_street(lines[above[0]]):
                    street, street_line = _unlabel(lines[above[0]]), above[0]
        else:
            # The town on its own line above the postcode (UK, IE), the street above that.
            above = _previous_lines(lines, index, skip, 4)
            if (above and not _looks_like_street(lines[above[0]])) or (
                above and re.search(r"\bDublin \d", lines[above[0]])
            ):
                city, city_line = _clean_city(lines[above[0]]), above[0]
                street_lines = [i for i in above[1:] if not _is_name_line(lines[i])]
                street, street_line = _street_from_block(lines, street_lines)
        if not city and after:
            city = _clean_city(after)
    else:
        city = _clean_city(after)
        next_segments: list[str] = []
        if not city and index + 1 < len(lines) and lines[index + 1]:
            # "wonende te 3000\nLeuven, Naamsestraat 62": the town on the next line.
            next_segments = [s for s in _SEGMENT_SPLIT.split(lines[index + 1]) if s.strip()]
            city, city_line = _clean_city(next_segments[0]), index + 1
        if not city:
            return None
        segments = [s for s in _SEGMENT_SPLIT.split(before) if s.strip()] if before else []
        bare = segments and re.fullmatch(r"\d{1,5}\s?[a-zA-Z]?", segments[0].strip())
        if bare and index > 0 and lines[index - 1]:
            # "wonende Bergstraat\n19, 6711 AK Ede": the street name ends the line above.
            name = re.search(
                rf"([{_UP}][{_LETTER}'’.-]*(?:\s+[{_UP}][{_LETTER}'’.-]*)*)\s*$", lines[index - 1]
            )
            if name and _STREET_WORD.search(name.group(1) + " "):
                segments[0] = f"{name.group(1)} {segments[0].strip()}"
        street_after = [s for s in next_segments[1:] if _looks_like_street(s)]
        if street_after:
            street, street_line, inline = _unlabel(street_after[0]), index + 1, True
            segments = []
        segments = [s for s in segments if not re.match(r"^(?:NL|B|D)$", s.strip())]
        if segments:
            candidates = [_unlabel(s) for s in segments if _looks_like_street(_unlabel(s))]
            if candidates:
                street, street_line = candidates[-1].strip(" ,"), index
            inline = True
        else:
            tail = line[end:]
            rest = [s for s in _SEGMENT_SPLIT.split(tail) if s.strip()][1:]
            street_after = [s for s in rest if _looks_like_street(s)]
            if street_after:
                street, street_line, inline = street_after[0].strip(" ,."), index, True
            else:
                above = _previous_lines(lines, index, skip, 1)
                if above and _looks_like_street(lines[above[0]]):
                    street, street_line = lines[above[0]].strip(), above[0]
    if len(city) > 40 or not re.search(rf"[{_LETTER}]", city):
        return None
    return _Address(index, code, country, city, city_line, street, street_line, inline)


class _Lines(list[str]):
    """The letter's lines, knowing which blank lines only look like gaps: OCR puts a blank
    line between the lines of an address block ("Kerkstraat 12", "", "1017 AB Amsterdam")."""

    soft: frozenset[int] = frozenset()


def _soft_blanks(lines: list[str]) -> frozenset[int]:
    def short(text: str) -> bool:
        return 0 < len(text) <= 50 and not re.search(r"[.!?;]$", text)

    return frozenset(
        i
        for i in range(1, len(lines) - 1)
        if not lines[i] and short(lines[i - 1]) and short(lines[i + 1])
    )


def _filled(lines: list[str], index: int) -> bool:
    """A line of the block: not empty, or a blank that OCR put inside an address block."""
    return bool(lines[index]) or index in getattr(lines, "soft", ())


def _with_next(lines: list[str], index: int) -> str:
    """The line and the next non-empty one (OCR leaves blank lines inside paragraphs)."""
    for following in range(index + 1, min(index + 3, len(lines))):
        if lines[following]:
            return f"{lines[index]} {lines[following]}"
    return lines[index]


def _previous_lines(lines: list[str], index: int, skip: set[int], most: int) -> list[int]:
    """Indexes of the non-empty lines just above ``index`` in the same block (nearest first)."""
    out: list[int] = []
    i = index - 1
    while i >= 0 and _filled(lines, i) and i not in skip and len(out) < most:
        if lines[i]:
            out.append(i)
        i -= 1
    return out


def _unlabel(segment: str) -> str:
    """A street segment without its label and the sentence after it: "Address: 5 Mill Lane"
    -> "5 Mill Lane"; "Naamsestraat 62. Namens ..." -> "Naamsestraat 62"."""
    segment = re.split(r"(?<=\d)\.\s|(?<=\d[a-z])\.\s", segment, maxsplit=1)[0]
    segment = segment.rsplit(": ", 1)[-1].strip(" ,.")
    # "wonende aan de Graafseweg 144-II", "wohnhaft in der Bahnhofstraße 3"
    return re.sub(
        r"^(?:wonende|woonachtig|wohnhaft|residing|living|resident|domicilied)"
        r"(?:\s+(?:aan|op|te|in|at|an))?(?:\s+(?:de|het|der|dem))?\s+",
        "",
        segment,
        flags=re.IGNORECASE,
    )


def _street_from_segments(segments: list[str]) -> str:
    """The street among the segments before the town: the last one with a number, and a
    numbered one just before it ("Flat 3, 27 Clarendon Road")."""
    parts = [_unlabel(s) for s in segments]
    numbered = [i for i, s in enumerate(parts) if _HOUSE_NUMBER.search(s) and not _is_name_line(s)]
    if not numbered:
        return ""
    last = numbered[-1]
    first = last - 1 if last - 1 in numbered else last
    return ", ".join(parts[first : last + 1])


def _street_from_block(lines: list[str], above: list[int]) -> tuple[str, int]:
    """The street from the lines above the town (nearest first): up to the last line with a
    number, or all of them (a house name and a street)."""
    block = [i for i in reversed(above) if lines[i] and not _EMAIL.search(lines[i])]
    block = [i for i in block if not _TITLES.match(lines[i]) or _HOUSE_NUMBER.search(lines[i])]
    if not block:
        return "", -1
    numbered = [i for i in block if _HOUSE_NUMBER.search(lines[i])]
    if numbered:
        first = block.index(numbered[0])
        last = block.index(numbered[-1])
        chosen = block[first : last + 1]
        # "Flat 3, 27 Clarendon Road" / "Apt 12, Grand Canal Quay": keep as written.
    else:
        chosen = block[-2:]
    return ", ".join(lines[i].strip() for i in chosen), chosen[0]


def _is_name_line(text: str) -> bool:
    return bool(_name_of(text))


def _name_of(text: str) -> str:
    """The person's name on a line ("Mevr. G.J. van den Berg-Smit" -> "G.J. van den
    Berg-Smit"), or "" when the line is not just a name."""
    raw = text.strip().strip(",")
    raw = re.sub(r"\s*<[^>]*>\s*$", "", raw)
    raw = re.sub(r"\s*\([^)]*\)\s*", " ", raw).strip()
    raw = _TITLES.sub("", raw).strip()
    if not raw or len(raw) > 60 or any(ch.isdigit() for ch in raw) or "@" in raw:
        return ""
    if not _NAME.fullmatch(raw):
        return ""
    words = raw.split()
    lowered = {fold(w).strip(".,") for w in words}
    if lowered & _WORD_BLOCKLIST or _FIRM.search(raw):
        return ""
    capitals = [w for w in words if w[0].isupper()]
    if not capitals or all(w.lower() in _PARTICLES for w in words):
        return ""
    if words[-1].lower() in _PARTICLES:
        return ""
    if raw.isupper() and len(raw) > 6:
        return ""
    # OCR drops the inner dot of initials: "WH. de Jong" was "W.H. de Jong".
    return re.sub(rf"(?<![{_LETTER}.])([{_UP}])([{_UP}])(?:([{_UP}]))?\.(?=\s)", _dotted, raw)


def _dotted(match: re.Match[str]) -> str:
    return "".join(f"{letter}." for letter in match.groups() if letter)


def _salutation_of(text: str) -> str:
    head = text.strip()
    if re.match(r"^(?:mevr|mw|mevrouw|mej|mrs|ms|miss|frau)\b", head, re.IGNORECASE):
        return "mevrouw"
    if re.match(r"^(?:dhr|hr|heer|de heer|herrn?)\b", head, re.IGNORECASE):
        return "heer"
    if re.match(r"^mr\b\.?\s", head) or re.match(r"^Mr\b\.?\s", head):
        # "mr." before a Dutch name is a lawyer's title, "Mr" in English a salutation.
        return "heer" if head.startswith("Mr") else ""
    return ""


def split_name(name: str) -> tuple[str, str, str, str]:
    """(first name, initials, particles, last name) of a name as written."""
    words = name.split()
    if not words:
        return "", "", "", ""
    first: list[str] = []
    initials = ""
    while words and re.fullmatch(rf"(?:[{_UP}]\.-?)+|[{_UP}]\.(?:-[{_UP}]\.)*", words[0]):
        initials += words.pop(0)
    prefix: list[str] = []
    while len(words) > 1 and words[0].lower() not in _PARTICLES and not initials:
        first.append(words.pop(0))
        if words and words[0].lower() in _PARTICLES:
            break
        if len(words) == 1:
            break
    while len(words) > 1 and words[0].lower() in _PARTICLES:
        prefix.append(words.pop(0))
    return " ".join(first), initials, " ".join(prefix), " ".join(words)


def _date_in(text: str) -> tuple[date | None, int]:
    """The first date written in ``text`` (in any of the letter formats) and its position."""
    for match in re.finditer(
        rf"\d{{1,2}}(?:\.|st|nd|rd|th|e)?\s+(?:of\s+)?(?:{MONTH_PATTERN})\.?,?\s+\d{{4}}"
        rf"|(?:{MONTH_PATTERN})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
        r"|\b\d{1,2}[-./]\d{1,2}[-./]\d{4}\b|\b\d{4}-\d{2}-\d{2}\b",
        text,
        re.IGNORECASE,
    ):
        value = parse_date(match.group())
        if value is not None:
            return value, match.start()
    return None, -1


# ---- the reader --------------------------------------------------------------------------------


def _proposal(value: str, lines: list[str], index: int, confidence: float) -> Proposal:
    source = lines[index] if 0 <= index < len(lines) else ""
    return Proposal(value=value, line=index, source=source, confidence=confidence)


def _own_lines(lines: list[str], own: OwnAddress | None) -> set[int]:
    """Lines of the recipient block: our own name, street or postcode, and their block."""
    marks: set[int] = set()
    keys: list[str] = []
    if own is not None:
        name_words = [
            w
            for w in fold(own.name).replace(",", " ").split()
            if len(w) > 3 and w not in ("services", "group", "holding")
        ]
        keys += name_words[:1]
        if own.street:
            keys.append(fold(own.street))
        if own.postcode:
            keys.append(fold(own.postcode).replace(" ", ""))
        if own.email and "@" in own.email:
            keys.append(fold(own.email.split("@")[1]))
    for index, line in enumerate(lines):
        folded = fold(line)
        compact = folded.replace(" ", "")
        if any(key and (key in folded or key.replace(" ", "") in compact) for key in keys):
            marks.add(index)
        elif _RECIPIENT_MARKERS.match(line) and not _NAME.fullmatch(line.split(":", 1)[-1].strip()):
            marks.add(index)
    skip: set[int] = set()
    for index in sorted(marks):
        if index in skip:
            continue
        skip.add(index)
        # The rest of the block: lines below up to a blank line, and the lines just above that
        # belong to the address (a "t.a.v." line, "Aangetekend", our name).
        below = index + 1
        while (
            below < len(lines)
            and _filled(lines, below)
            and not _date_line(lines[below])
            and not _REF_LABEL.match(lines[below])
            and not re.match(
                r"^(?:betreft|onderwerp|subject|re|betreff|inzake)\b", lines[below], re.IGNORECASE
            )
        ):
            if (
                _postcode_hits(lines[below])
                and below not in marks
                and not _block_has_own(lines, below, marks)
            ):
                break
            skip.add(below)
            below += 1
        above = index - 1
        while (
            above >= 0
            and _filled(lines, above)
            and (
                _RECIPIENT_MARKERS.match(lines[above])
                or re.match(
                    r"^(?:aangetekend|registered|einschreiben|per e-?mail|per post)\b",
                    lines[above],
                    re.IGNORECASE,
                )
                or (_FIRM.search(lines[above]) and not _postcode_hits(lines[above]))
            )
        ):
            skip.add(above)
            above -= 1
    return skip


def _block_has_own(lines: list[str], index: int, marks: set[int]) -> bool:
    start = index
    while start > 0 and _filled(lines, start - 1):
        start -= 1
    end = index
    while end + 1 < len(lines) and _filled(lines, end + 1):
        end += 1
    return any(start <= m <= end for m in marks)


def _date_line(text: str) -> bool:
    return date_line_value(text) is not None


def _signature(lines: list[str], skip: set[int]) -> tuple[list[tuple[str, int]], int]:
    """Name lines after the last closing ("Met vriendelijke groet"), and that line's index."""
    closing = -1
    for index, line in enumerate(lines):
        if _CLOSINGS.match(line) and len(line) < 60:
            closing = index
    if closing < 0:
        return [], -1
    names: list[tuple[str, int]] = []
    for index in range(closing + 1, min(len(lines), closing + 8)):
        line = lines[index]
        if not line or index in skip:
            continue
        if _LABELLED.match(line) or _postcode_hits(line) or _EMAIL.search(line):
            break
        name = _name_of(line)
        if name:
            names.append((line, index))
    return names, closing


def _split_couple(line: str, known: str) -> list[str]:
    """Two signers on one line ("Gerrit Bosman    Anneke Bosman-de Graaf"): their names."""
    parts = [p for p in re.split(r"\s{3,}|\t+|\s+(?:en|and|und|&)\s+", line.strip()) if p.strip()]
    if len(parts) == 2 and all(_name_of(p) for p in parts):
        return [_name_of(p) for p in parts]
    words = line.split()
    if known and fold(line).startswith(fold(known)) and len(fold(line)) > len(fold(known)) + 3:
        rest = line.strip()[len(known) :].strip()
        if _name_of(rest) and len(rest.split()) >= 2:
            return [known, _name_of(rest)]
    # A shared last name: "Siobhán Doyle Declan Doyle".
    for cut in range(2, len(words) - 1):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        if not (_name_of(first) and _name_of(second)):
            continue
        last = fold(words[cut - 1]).split("-")[0]
        if last and last in fold(second):
            return [first, second]
    return []


def _phone_near(lines: list[str], indexes: list[int], own: OwnAddress | None) -> tuple[str, int]:
    own_digits = re.sub(r"\D", "", own.phone) if own is not None else ""
    for index in indexes:
        line = lines[index]
        if _FAX_LABEL.search(line) and not re.search(r"\b(?:tel|phone|t)\b", line, re.IGNORECASE):
            continue
        for match in _PHONE.finditer(line):
            value = match.group().strip(" .-/")
            digits = re.sub(r"\D", "", value)
            if not 9 <= len(digits) <= 13 or (own_digits and own_digits.endswith(digits[-9:])):
                continue
            if re.fullmatch(r"\d{1,2}[-./]\d{1,2}[-./]\d{4}", value.strip()):
                continue
            before = line[: match.start()]
            if re.search(r"(?:iban|bic|kvk|btw|fax|nl\d\d)\W*$", before, re.IGNORECASE):
                continue
            return value, index
    return "", -1


@dataclass
class _Reader:
    lines: list[str]
    own: OwnAddress | None
    customer_pattern: re.Pattern[str] | None
    skip: set[int] = field(default_factory=set)

    def p(self, value: str, index: int, confidence: float) -> Proposal:
        return _proposal(value, self.lines, index, confidence)


def propose_fields(
    text: str,
    *,
    own: OwnAddress | None = None,
    customer_pattern: re.Pattern[str] | None = None,
    request_types: dict[str, str] | None = None,
    is_reminder: bool = False,
    language: str = "",
) -> LetterProposals:
    """Proposals for the intake form from the (cleaned) letter text; see the module docstring.

    ``customer_pattern`` comes from :func:`app.core.customer_number.check_pattern`;
    ``request_types`` (type code -> quote) and ``is_reminder`` from
    :func:`app.core.letter_text.read_letter`, which calls this.
    """
    # A letter is a few pages: the fields are looked for in its first MAX_LINES lines, each cut
    # at MAX_LINE characters, so a pasted book or a hostile file cannot make reading slow.
    lines = _Lines(" ".join(line[:MAX_LINE].split()) for line in text.splitlines()[:MAX_LINES])
    lines.soft = _soft_blanks(lines)
    raw_lines = text.splitlines()
    reader = _Reader(lines, own, customer_pattern)
    reader.skip = _own_lines(lines, own)
    body_start = _body_start(lines)

    addresses = _addresses(lines, reader.skip)
    representative_role = _representation_role(lines)
    header_name, header_index = _header_name(lines, reader.skip, addresses, body_start)
    labelled = _labelled_values(lines, reader.skip)
    signature, closing = _signature(lines, reader.skip)

    # -- the sender's own details (emails, phones, numbers) ---------------------------------
    own_domain = own.email.split("@")[-1].lower() if own is not None and "@" in own.email else ""
    emails = [
        (m.group().rstrip("."), i)
        for i, line in enumerate(lines)
        if i not in reader.skip
        for m in _EMAIL.finditer(line)
        if not (own_domain and m.group().lower().endswith("@" + own_domain))
    ]

    subject = PersonProposal()
    co_signer: PersonProposal | None = None
    representative: RepresentativeProposal | None = None

    sender_name, sender_index, sender_conf = _choose_sender_name(
        lines, header_name, header_index, labelled, signature
    )
    sender_salutation = ""
    if sender_index >= 0:
        sender_salutation = _salutation_of(lines[sender_index])
    if not sender_salutation and header_index >= 0:
        sender_salutation = _salutation_of(lines[header_index])
    above_name = _previous_lines(lines, sender_index, set(), 1) if sender_index > 0 else []
    if not sender_salutation and above_name:
        alone = lines[above_name[0]].strip(" .,").lower()
        sender_salutation = _ALONE_SALUTATION.get(alone, "")

    block_address = _sender_address(addresses, header_index, body_start, lines)
    phone, phone_index = _phone_near(
        lines,
        _sender_phone_lines(lines, reader.skip, block_address, labelled, body_start, closing),
        own,
    )
    first_email = _first_email(emails, lines, body_start)

    if representative_role:
        representative, subject = _representation(
            reader,
            representative_role,
            addresses,
            header_name,
            header_index,
            signature,
            emails,
            phone,
            phone_index,
            block_address,
            body_start,
            sender_name,
            sender_index,
        )
    else:
        if first_email is not None:
            sender_name = repair_from_email(sender_name, first_email[0])
        name_fields = _name_fields(
            reader, sender_name, sender_index, sender_conf, sender_salutation
        )
        address_fields = _address_fields(reader, block_address)
        subject = PersonProposal(**name_fields, **address_fields)
        if first_email is not None:
            subject = _with(subject, email=reader.p(first_email[0], first_email[1], 0.9))
        if phone:
            subject = _with(subject, phone=reader.p(phone, phone_index, 0.8))
        # Two signers: the second one.
        second = _second_signer(lines, signature, sender_name)
        if second:
            name, index = second
            co_signer = PersonProposal(
                name=reader.p(name, index, 0.7),
                **_split_fields(reader, name, index, 0.6),
            )
            if subject.street is not None:
                co_signer = _with(
                    co_signer,
                    street=subject.street,
                    postcode=subject.postcode,
                    city=subject.city,
                    country=subject.country,
                )

    # -- numbers and dates about the subject ---------------------------------------------------
    customer = _customer_number(reader, labelled)
    if customer is not None:
        subject = _with(subject, customer_number=customer)
    ip = _ip_address(reader)
    if ip is not None:
        subject = _with(subject, ip_address=ip)
    if subject.birth_date is None:
        birth = _birth_date(reader)
        if birth is not None:
            subject = _with(subject, birth_date=birth)

    letter_date = _letter_date(reader, body_start)
    their_reference, our_reference = _references(reader)
    authorisation = _authorisation(reader)
    if (
        representative is not None
        and their_reference is not None
        and representative.reference is None
    ):
        representative = _with(representative, reference=their_reference)

    reminder = None
    if is_reminder:
        reminder = _reminder(reader, letter_date, our_reference)
    request = {
        code: _proposal(code, lines, _line_of(lines, quote), 0.8)
        for code, quote in (request_types or {}).items()
    }
    lang = None
    if language:
        lang = Proposal(language, -1, "", 0.8)
    del raw_lines
    return LetterProposals(
        lines=tuple(lines),
        subject=subject,
        co_signer=co_signer,
        representative=representative,
        authorisation_attached=authorisation,
        authorisation_dated=_authorisation_dated(reader),
        letter_date=letter_date,
        their_reference=their_reference,
        our_reference=our_reference,
        language=lang,
        request_types=request,
        reminder=reminder,
    )


def _with(obj: Any, **changes: Any) -> Any:
    from dataclasses import replace

    return replace(obj, **changes)


def _line_of(lines: list[str], quote: str) -> int:
    """The line where a quoted sentence starts (quotes may be cut with "…")."""
    words = quote.strip("…").split()
    probe = " ".join(words[:4]) if words else ""
    if not probe:
        return -1
    for index, line in enumerate(lines):
        if probe in line:
            return index
    first = " ".join(words[:2])
    for index, line in enumerate(lines):
        if first and first in line:
            return index
    return -1


def _body_start(lines: list[str]) -> int:
    """The salutation line ("Geachte ...", "Dear ...", "Sehr geehrte ...") or -1."""
    for index, line in enumerate(lines):
        if re.match(
            r"^(?:geachte|beste|hallo|goedemorgen|goedemiddag|dear|to whom|hello|hi|sehr geehrte|"
            r"liebe|guten tag|hallo)\b",
            line,
            re.IGNORECASE,
        ):
            return index
    return -1


def _representation_role(lines: list[str]) -> str:
    text = " ".join(lines)
    for role, pattern in _REPRESENTATION:
        if pattern.search(text):
            return role
    return ""


def _header_name(
    lines: list[str], skip: set[int], addresses: list[_Address], body_start: int
) -> tuple[str, int]:
    """The name at the top of the sender's address block: the line above the street, or the
    first part of a one-line letterhead ("Peter Zimmermann · Kaiserstraße 12 · 60311 ...")."""
    for address in addresses:
        if address.line in skip:
            continue
        if address.inline:
            first = _SEGMENT_SPLIT.split(lines[address.line])[0]
            if (
                (body_start < 0 or address.line < body_start)
                and _name_of(first)
                and address.street_line == address.line
            ):
                return first, address.line
            continue
        if body_start >= 0 and address.line > body_start:
            continue
        top = address.street_line if address.street_line >= 0 else address.city_line
        above = _previous_lines(lines, top, skip, 4)
        for index in above:
            name = _name_of(lines[index])
            if name:
                return lines[index], index
            if re.match(
                r"^(?:afzender|absender|van|from|sender)\s*:?\s*$", lines[index], re.IGNORECASE
            ):
                break
    return "", -1


def _labelled_values(lines: list[str], skip: set[int]) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    for index, line in enumerate(lines):
        if index in skip:
            continue
        match = _LABELLED.match(line)
        if match:
            label = fold(match.group("label"))
            key = {
                "naam": "name", "name": "name", "van": "name", "from": "name", "afzender": "name",
                "absender": "name", "sender": "name", "name und anschrift": "name",
                "adres": "address", "address": "address", "anschrift": "address",
                "klantnummer": "customer", "customer number": "customer",
                "customer no": "customer", "kundennummer": "customer",
            }.get(label, "")  # fmt: skip
            if key and key not in out:
                out[key] = (match.group("value").strip(), index)
    return out


def _choose_sender_name(
    lines: list[str],
    header_name: str,
    header_index: int,
    labelled: dict[str, tuple[str, int]],
    signature: list[tuple[str, int]],
) -> tuple[str, int, float]:
    labelled_name = ""
    if "name" in labelled:
        value, index = labelled["name"]
        candidate = _name_of(re.split(r"\s*<", value)[0])
        if candidate:
            labelled_name = candidate
            if not header_name:
                return candidate, index, 0.85
    signed = [(_name_of(line), index) for line, index in signature]
    signed = [(name, index) for name, index in signed if name]
    if header_name:
        name = _name_of(header_name)
        has_nickname = "(" in header_name
        if signed:
            sig_name, sig_index = signed[0]
            same = fold(sig_name).split()[-1:] == fold(name).split()[-1:] or fold(name) in fold(
                sig_name
            )
            if has_nickname and same:
                return _first_of_couple(sig_name, name), sig_index, 0.85
            fuller = _fuller(name, _first_of_couple(sig_name, name))
            if fuller != name:
                return fuller, sig_index, 0.85
            if same and len(sig_name) > len(name) and fold(sig_name).startswith(fold(name)):
                return name, header_index, 0.9
        return name, header_index, 0.9 if signed else 0.75
    if labelled_name:
        return labelled_name, labelled["name"][1], 0.85
    if signed:
        name, index = signed[0]
        return _first_of_couple(name, ""), index, 0.7
    return "", -1, 0.0


def repair_from_email(name: str, email: str) -> str:
    """A name part that OCR misread by one letter, put right from the e-mail address that spells
    it ("Rebecca Lindgvist" with rebecca.lindqvist@... -> "Rebecca Lindqvist"). Only words of
    at least six plain
    letters of the same length are compared; the name's capitals are kept."""
    local = [part for part in re.split(r"[._\-+0-9]+", email.split("@")[0].lower()) if part]
    words = name.split(" ")
    for position, word in enumerate(words):
        if len(word) < 6 or not word.isascii() or not word.isalpha():
            continue
        for part in local:
            if len(part) != len(word) or part == word.lower():
                continue
            if sum(a != b for a, b in zip(part, word.lower(), strict=True)) == 1:
                words[position] = "".join(
                    c.upper() if w.isupper() else c for c, w in zip(part, word, strict=True)
                )
    return " ".join(words)


def _fuller(name: str, other: str) -> str:
    """Of two writings of one name ("M. Yılmaz", "Meryem Yılmaz") the one with the first name."""
    if not other or fold(name).split()[-1:] != fold(other).split()[-1:]:
        return name
    initials_only = re.match(rf"^(?:[{_UP}]\.-?)+(?:\s|$)", name)
    if initials_only and not re.match(rf"^(?:[{_UP}]\.-?)+(?:\s|$)", other):
        return other
    return name


def _first_of_couple(line: str, known: str) -> str:
    couple = _split_couple(line, known)
    return couple[0] if couple else line


def _second_signer(
    lines: list[str], signature: list[tuple[str, int]], sender: str
) -> tuple[str, int] | None:
    for line, index in signature:
        couple = _split_couple(line, sender)
        if len(couple) == 2:
            return couple[1], index
    names = [(_name_of(line), index) for line, index in signature]
    names = [(n, i) for n, i in names if n and fold(n) != fold(sender)]
    if len(names) >= 1 and sender and len([1 for line, _i in signature if _name_of(line)]) >= 2:
        last = fold(names[0][0]).split()[-1]
        if last and last.split("-")[0] in fold(sender):
            return names[0]
    # "Wij, Gerrit Bosman en Anneke Bosman-de Graaf, ..."
    for index, line in enumerate(lines):
        match = re.search(
            rf"\b(?:wij|we|wir)\s*,\s*(?P<a>{_NAME.pattern})\s+(?:en|and|und)\s+(?P<b>{_NAME.pattern})",
            line,
        )
        if match:
            return _name_of(match.group("b")), index
    return None


def _sender_address(
    addresses: list[_Address], header_index: int, body_start: int, lines: list[str]
) -> _Address | None:
    """The sender's address: the block at the top (below the name), else a labelled or signed
    address at the end, never our own."""
    blocks = [a for a in addresses if not a.inline]
    if header_index >= 0:
        below = [a for a in blocks if a.line > header_index and a.line - header_index <= 7]
        if below:
            return below[0]
    top = [a for a in blocks if body_start < 0 or a.line < body_start]
    if top:
        return top[0]
    if blocks:
        return blocks[-1]
    labelled = [
        a
        for a in addresses
        if re.match(
            r"^(?:adres|address|anschrift|van|from|afzender|absender)\b",
            lines[a.line],
            re.IGNORECASE,
        )
        or (body_start >= 0 and a.line < body_start)
    ]
    if labelled:
        return labelled[0]
    return None


def _sender_phone_lines(
    lines: list[str],
    skip: set[int],
    address: _Address | None,
    labelled: dict[str, tuple[str, int]],
    body_start: int,
    closing: int,
) -> list[int]:
    order: list[int] = []
    if address is not None:
        start = min(x for x in (address.line, address.street_line, address.city_line) if x >= 0)
        i = start
        while i > 0 and _filled(lines, i - 1) and i - 1 not in skip:
            i -= 1
        j = address.line
        while (
            j + 1 < len(lines)
            and (lines[j + 1] or (j + 2 < len(lines) and _PHONE.search(lines[j + 2] or "")))
            and j + 1 not in skip
            and j - address.line < 6
        ):
            j += 1
        order += range(i, j + 1)
    order += [i for i in range(len(lines)) if i not in skip and i not in order]
    return order


def _first_email(
    emails: list[tuple[str, int]], lines: list[str], body_start: int
) -> tuple[str, int] | None:
    return emails[0] if emails else None


def _name_fields(
    reader: _Reader, name: str, index: int, confidence: float, salutation: str
) -> dict[str, Proposal | None]:
    if not name:
        return {}
    out: dict[str, Proposal | None] = {"name": reader.p(name, index, confidence)}
    out.update(_split_fields(reader, name, index, confidence - 0.1))
    if salutation:
        out["salutation"] = reader.p(salutation, index, 0.8)
    return out


def _split_fields(
    reader: _Reader, name: str, index: int, confidence: float
) -> dict[str, Proposal | None]:
    first, initials, prefix, last = split_name(name)
    out: dict[str, Proposal | None] = {}
    for key, value in (
        ("first_name", first),
        ("initials", initials),
        ("name_prefix", prefix),
        ("last_name", last),
    ):
        if value:
            out[key] = reader.p(value, index, confidence)
    return out


def _address_fields(reader: _Reader, address: _Address | None) -> dict[str, Proposal | None]:
    if address is None:
        return {}
    out: dict[str, Proposal | None] = {
        "postcode": reader.p(address.postcode, address.line, 0.9),
        "city": reader.p(address.city, address.city_line, 0.85),
    }
    if address.street:
        out["street"] = reader.p(address.street, address.street_line, 0.8)
    country, country_line = address.country, -1
    for index in range(address.line + 1, min(address.line + 3, len(reader.lines))):
        code = _country_of_line(reader.lines[index])
        if code:
            country, country_line = code, index
            break
    if (country == "BE" and address.country == "BE") or country == address.country:
        pass
    out["country"] = reader.p(country, country_line, 0.9 if country_line >= 0 else 0.7)
    return out


def _representation(
    reader: _Reader,
    role: str,
    addresses: list[_Address],
    header_name: str,
    header_index: int,
    signature: list[tuple[str, int]],
    emails: list[tuple[str, int]],
    phone: str,
    phone_index: int,
    block_address: _Address | None,
    body_start: int,
    sender_name: str,
    sender_index: int,
) -> tuple[RepresentativeProposal, PersonProposal]:
    lines = reader.lines
    # The client: named after "cliënt", "Mandant", "moeder van", a salutation in the body.
    client_name, client_index, client_salutation = _client(
        lines, reader.skip, body_start, header_name
    )
    # The representative's firm: a letterhead line at the very top that names a firm.
    firm, firm_index = "", -1
    for index, line in enumerate(lines[:6]):
        if index in reader.skip or not line:
            continue
        if _FIRM.search(line) and not _postcode_hits(line) and "@" not in line and len(line) < 70:
            firm, firm_index = line.strip(), index
            if re.search(r"\b[A-Z]\.[A-Z],$", firm):  # OCR: "N.V," for "N.V."
                firm = firm[:-1] + "."
            break
        if _name_of(line):
            break
    # The representative's name: for a firm the signer, else the name at the top.
    rep_name, rep_index = "", -1
    if firm:
        for line, index in signature:
            name = _name_of(line)
            if name:
                rep_name, rep_index = line.strip(), index
                break
        if not rep_name:
            for index, line in enumerate(lines):
                match = re.match(
                    r"^(?:behandeld door|contact|sachbearbeiter\w*)\s*:\s*(.+)$",
                    line,
                    re.IGNORECASE,
                )
                if match:
                    rep_name, rep_index = match.group(1).strip(), index
                    break
    elif header_name:
        rep_name, rep_index = _name_of(header_name), header_index
        for line, index in signature:
            fuller = _fuller(rep_name, _name_of(line))
            if fuller != rep_name:
                rep_name, rep_index = fuller, index
    elif signature:
        rep_name, rep_index = _name_of(signature[0][0]), signature[0][1]
    if rep_name and rep_index >= 0:
        rep_name = re.sub(r"\s*\([^)]*\)", "", rep_name).strip()
    # Addresses: the representative's at the top (letterhead or sender block); the client's in
    # a sentence ("wonende ...", "wohnhaft ...") or on the client line.
    rep_address = None
    client_address = None
    for address in addresses:
        if address.line in reader.skip:
            continue
        near_client = client_index >= 0 and (
            address.line == client_index
            or (abs(address.line - client_index) <= 2 and address.inline)
        )
        if address.inline and (near_client or _mentions_residence(lines, address.line)):
            if client_address is None:
                client_address = address
            continue
        if rep_address is None and (
            body_start < 0
            or address.line < body_start
            or (firm_index >= 0 and address.line <= firm_index + 4)
        ):
            rep_address = address
    if rep_address is None and block_address is not None and block_address is not client_address:
        rep_address = block_address
    rep: dict[str, Proposal | None] = {"role": reader.p(role, -1, 0.7)}
    if firm:
        rep["firm"] = reader.p(firm, firm_index, 0.8)
    if rep_name:
        rep["name"] = reader.p(rep_name, rep_index, 0.75)
    if rep_address is not None:
        fields_ = _address_fields(reader, rep_address)
        for key in ("street", "postcode", "city", "country"):
            if fields_.get(key) is not None:
                rep[key] = fields_[key]
    rep_emails = [e for e in emails if client_index < 0 or e[1] != client_index]
    if rep_emails:
        rep["email"] = reader.p(rep_emails[0][0], rep_emails[0][1], 0.8)
    if phone:
        rep["phone"] = reader.p(phone, phone_index, 0.7)
    subject: dict[str, Proposal | None] = {}
    if client_name:
        subject["name"] = reader.p(client_name, client_index, 0.75)
        subject.update(_split_fields(reader, client_name, client_index, 0.65))
        if client_salutation:
            subject["salutation"] = reader.p(client_salutation, client_index, 0.8)
    if client_address is not None:
        subject.update(_address_fields(reader, client_address))
    return RepresentativeProposal(**rep), PersonProposal(**subject)


def _mentions_residence(lines: list[str], index: int) -> bool:
    window = " ".join(lines[max(0, index - 1) : index + 1])
    return bool(
        re.search(
            r"\b(?:wonende|woonachtig|wohnhaft|residing|living at|of|te|client|cliënt|Mandant)\b",
            window,
            re.IGNORECASE,
        )
    )


def _client(
    lines: list[str], skip: set[int], body_start: int, header_name: str
) -> tuple[str, int, str]:
    """The data subject named in a representative's letter, its line and salutation."""
    candidates: list[tuple[int, str, int, str]] = []  # (rank, name, line, salutation)
    for index, line in enumerate(lines):
        if index in skip or not line:
            continue
        joined = _with_next(lines, index)
        for match in _INLINE_CLIENT.finditer(joined):
            if match.start() >= len(line):
                continue
            name = _clean_client_name(match.group("name"))
            if name and fold(name) != fold(_name_of(header_name) or "-"):
                word = joined[match.start() : match.start("name")]
                candidates.append((0, name, index, _salutation_in(word)))
        for match in _SALUTATION_WORD.finditer(joined):
            if match.start() >= len(line):
                continue
            name = _clean_client_name(match.group("name"))
            if name and len(name.split()) >= 2 and fold(name) != fold(_name_of(header_name) or "-"):
                candidates.append((1, name, index, _salutation_in(match.group("word"))))
    if not candidates:
        return "", -1, ""
    best_rank = min(c[0] for c in candidates)
    ranked = [c for c in candidates if c[0] == best_rank]
    # The fullest writing of the name (with first name rather than initials).
    ranked.sort(key=lambda c: (-len(c[1].replace(".", "")), c[2]))
    full = ranked[0]
    salutation = next(
        (c[3] for c in candidates if c[3] and fold(c[1]).split()[-1] == fold(full[1]).split()[-1]),
        "",
    )
    first_line = min(
        c[2] for c in candidates if fold(c[1]).split()[-1] == fold(full[1]).split()[-1]
    )
    return full[1], first_line if full[2] != first_line and best_rank == 1 else full[2], salutation


def _salutation_in(word: str) -> str:
    word = word.lower()
    if re.search(
        r"\b(?:mevrouw|mevr|frau|mrs|ms|miss|dochter|daughter|tochter|cliënte|cliente|mandantin)\b",
        word,
    ):
        return "mevrouw"
    if re.search(r"\b(?:heer|herrn?|mr|dhr|zoon|son|sohn)\b", word):
        return "heer"
    return ""


def _clean_client_name(name: str) -> str:
    words = name.split()
    while words and (words[-1].lower() in _PARTICLES or fold(words[-1]) in _WORD_BLOCKLIST):
        words.pop()
    while words and fold(words[0]).strip(".,") in _WORD_BLOCKLIST | {
        "de",
        "heer",
        "mevrouw",
        "herrn",
        "frau",
    }:
        words.pop(0)
    cleaned = _name_of(" ".join(words))
    if cleaned and len(cleaned.split()) >= 2:
        return cleaned
    return ""


def _customer_number(reader: _Reader, labelled: dict[str, tuple[str, int]]) -> Proposal | None:
    lines = reader.lines
    allowed = [line if i not in reader.skip else "" for i, line in enumerate(lines)]
    if reader.customer_pattern is not None:
        for number, index in find_customer_numbers(allowed, reader.customer_pattern):
            return reader.p(number, index, 0.9)
    for index, line in enumerate(allowed):
        match = re.search(
            r"\b(?:klant(?:en)?nummer|klantnr\.?|customer (?:number|no\.?|ref(?:erence)?)|account "
            r"(?:number|no\.?)|kundennummer|kunden-nr\.?)\s*(?:is|lautet|:)?\s*:?\s*"
            r"(?P<value>[A-Z]{0,4}[ -]?\d[\dA-Z-]{2,20})",
            line,
            re.IGNORECASE,
        )
        if match and len(match.group("value")) <= MAX_CANDIDATE:
            return reader.p(match.group("value").replace(" ", ""), index, 0.7)
    return None


def _ip_address(reader: _Reader) -> Proposal | None:
    for index, line in enumerate(reader.lines):
        if index in reader.skip:
            continue
        match = _IPV4.search(line)
        if match and not re.search(
            r"\d\.\d+\.\d{4}", line[max(0, match.start() - 2) : match.end() + 5]
        ):
            return reader.p(match.group(), index, 0.8)
        for match6 in _IPV6.finditer(line):
            try:
                ipaddress.IPv6Address(match6.group())
            except ValueError:
                continue
            return reader.p(match6.group(), index, 0.7)
    return None


def _birth_date(reader: _Reader) -> Proposal | None:
    for index, line in enumerate(reader.lines):
        joined = _with_next(reader.lines, index)
        match = _BIRTH.search(joined)
        if match and match.start() < len(line):
            value, _pos = _date_in(match.group("date"))
            if value is not None and value.year >= 1900:
                return reader.p(value.isoformat(), index, 0.85)
    return None


def _letter_date(reader: _Reader, body_start: int) -> Proposal | None:
    found: list[tuple[date, int]] = []
    for index, line in enumerate(reader.lines):
        if len(line) > 70:
            continue
        value = date_line_value(line)
        if value is not None and value >= date(2018, 5, 25):
            found.append((value, index))
    if not found:
        return None
    distinct = {value for value, _i in found}
    if len(distinct) == 1:
        value, index = found[0]
        return reader.p(value.isoformat(), index, 0.9)
    # Several: the one above the salutation, else the latest (earlier letters are cited).
    head = [f for f in found if body_start < 0 or f[1] < body_start]
    value, index = head[0] if len({v for v, _ in head}) == 1 else max(found)
    return reader.p(value.isoformat(), index, 0.5)


def _references(reader: _Reader) -> tuple[Proposal | None, Proposal | None]:
    theirs: Proposal | None = None
    ours: Proposal | None = None
    for index, line in enumerate(reader.lines):
        match = _REF_LABEL.match(line)
        if match:
            value = match.group("value").strip(" :.")
            value = re.split(r"\s{2,}|\s+(?:datum|date|uw|your|ihr)\b", value, flags=re.IGNORECASE)[
                0
            ].strip()
            who = fold(match.group("who") or "")
            if not value or re.fullmatch(r"[-–—/]|n/?a|none|geen|-+|\.+", value, re.IGNORECASE):
                continue
            if _OUR_REF.search(value) or who in ("uw", "your", "ihr", "ihre"):
                continue
            if len(value) > 40 or len(value.split()) > 4:
                continue
            if theirs is None:
                theirs = reader.p(value, index, 0.85)
            elif value != theirs.value:  # two references of theirs: the officer chooses
                theirs = reader.p(theirs.value, theirs.line, 0.4)
    refs: dict[str, int] = {}
    for index, line in enumerate(reader.lines):
        for match in _OUR_REF.finditer(line):
            refs.setdefault(f"AVG-{match.group(1)}-{int(match.group(2)):04d}", index)
    if len(refs) == 1:
        ((ref, index),) = refs.items()
        ours = reader.p(ref, index, 0.9)
    elif refs:
        ref, index = min(refs.items(), key=lambda item: item[1])
        ours = reader.p(ref, index, 0.5)
    return theirs, ours


def _authorisation(reader: _Reader) -> Proposal | None:
    for index, line in enumerate(reader.lines):
        pair = _with_next(reader.lines, index)
        joined = " ".join(reader.lines[max(0, index - 2) : index + 4])
        found = _AUTHORISATION.search(pair)
        if found and found.start() < len(line) and _ATTACHED.search(joined):
            return reader.p("yes", index, 0.8)
        if re.match(
            r"^(?:bijlage|bijlagen|anlagen?|enclosures?|encl\.?)\s*:?\s*.*"
            r"(?:\bmachtiging|\bvolmacht|vollmacht|\bauthority|\bBetreu)",
            line,
            re.IGNORECASE,
        ):
            return reader.p("yes", index, 0.85)
    return None


# "machtiging van 12 november 2026", "d.d. 12-11-2026", "authorisation dated ...", "Vollmacht
# vom 12. November 2026": the date follows the word closely, with at most a linking word between.
_DATED_AFTER = re.compile(
    r"^\W{0,3}(?:\(?\s*(?:van|d\.d\.|gedateerd|getekend op|ondertekend op|dated|of|signed on|"
    r"vom|datiert vom|datiert auf|unterzeichnet am)\s+)",
    re.IGNORECASE,
)


def _authorisation_dated(reader: _Reader) -> Proposal | None:
    """The date an enclosed authorisation bears, when the letter writes it right after the word
    (the officer checks it against the authorisation itself)."""
    for index, line in enumerate(reader.lines):
        pair = _with_next(reader.lines, index)
        for found in _AUTHORISATION.finditer(pair):
            if found.start() >= len(line):
                break
            rest = pair[found.end() :]
            link = _DATED_AFTER.match(rest)
            if link is None:
                continue
            value, position = _date_in(rest[link.end() : link.end() + 40])
            if value is not None and position == 0 and value >= date(2000, 1, 1):
                return reader.p(value.isoformat(), index, 0.7)
    return None


def _reminder(
    reader: _Reader, letter_date: Proposal | None, our_reference: Proposal | None
) -> ReminderProposal:
    the_date = date.fromisoformat(letter_date.value) if letter_date is not None else None
    earlier: Proposal | None = None
    for index, line in enumerate(reader.lines):
        if letter_date is not None and index == letter_date.line:
            continue
        value, _pos = _date_in(line)
        if value is None or value < date(2018, 5, 25):
            continue
        if the_date is not None and value >= the_date:
            continue
        earlier = reader.p(value.isoformat(), index, 0.75)
        break
    days: Proposal | None = None
    deadline: Proposal | None = None
    for index, line in enumerate(reader.lines):
        joined = _with_next(reader.lines, index)
        match = _ULTIMATUM.search(joined)
        count = 0
        if match and match.start() < len(line):
            raw = match.group("n").lower()
            count = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 0)
            if match.group("unit").lower() in ("weken", "week", "weeks", "wochen"):
                count *= 7
        elif _TWO_WEEKS.search(line):
            count = 14
        if count:
            days = reader.p(str(count), index, 0.8)
            if the_date is not None:
                deadline = reader.p((the_date + timedelta(days=count)).isoformat(), index, 0.75)
            break
    return ReminderProposal(
        earlier_letter_date=earlier,
        our_reference=our_reference,
        ultimatum_date=deadline,
        ultimatum_days=days,
    )
