"""Read an incoming letter's text: suggested request types, reminder or complaint, references."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.core.enums import REQUEST_TYPE_ARTICLE, RequestType
from app.core.letter_dates import date_line_value
from app.core.letter_fields import LetterProposals, OwnAddress, propose_fields
from app.core.validation import clean_text

QUOTE_CHARS = 90
MAX_TEXT = 50_000  # characters of a letter that are read (about 15 pages)
MAX_SENTENCE = 1_000

_ARTICLE_TYPE = {number: rtype for rtype, number in REQUEST_TYPE_ARTICLE.items()}

# ---- request types ---------------------------------------------------------------------------
# Keyword rules per type, Dutch, English and German. A rule only counts inside a clause that is
# not a condition ("if you object to the erasure", "als u bezwaar maakt"): letters mention rights
# they do not ask for in such clauses. Access is matched on the whole sentence, because people
# ask for it as a question ("I would like to know whether you hold data about me").
_TYPE_RULES: dict[RequestType, tuple[str, ...]] = {
    RequestType.ACCESS: (
        r"\binzage",
        r"\binzien\b",
        r"\bverzoek\w* (?:hierbij )?(?:om )?toegang\b",
        r"\brecht op (?:toegang|inzage)",
        r"\btoegang tot (?:de |mijn |alle )?(?:persoons|persoonlijke )?gegevens",
        r"\bwelke (?:persoons|persoonlijke )?gegevens\b[^.?!]{0,50}"
        r"\b(?:heeft|hebt|hebben|verwerkt|verwerken|bewaart|bewaren|bezit|kent|bijhoudt|"
        r"bijhouden|opslaat)\b",
        r"\bkopie van (?:al |alle |de |mijn )*(?:persoons|persoonlijke )?gegevens",
        r"\bkopie\b[^.?!]{0,30}\b(?:gegevens|alles)\b",
        r"\boverzicht van (?:al |alle |de |mijn |zijn |haar )*(?:persoons|persoonlijke )?gegevens",
        r"\bwat (?:u|jullie) (?:allemaal )?(?:van|over) (?:mij|ons|hem|haar)\b",
        r"\btoegang tot (?:al |alle |de |mijn |zijn |haar )*(?:persoons|persoonlijke )?gegevens",
        r"\bAuskunft\b",
        r"\bwelche (?:personenbezogenen )?Daten\b[^.?!]{0,60}\b(?:gespeichert|verarbeit)",
        r"\baccess request",
        r"\b(?:requests?|requesting|ask|asks|asking) (?:for )?access\b",
        r"\bsubject access\b",
        r"\bright (?:of|to) access\b",
        r"\bcopy of (?:all |the |my |any )*(?:personal )?(?:data|information)\b",
        r"\b(?:what|which) (?:personal )?(?:data|information)\b[^.?!]{0,50}"
        r"\b(?:hold|have|process|store|keep)\b",
    ),
    RequestType.RECTIFICATION: (
        r"\brectif(?:i|y)",
        r"\bcorrig",
        r"\bcorrectie",
        r"\baanvull(?:ing|en) van\b",
        r"\bverbeter\w* (?:van )?(?:mijn|de) (?:gegevens|naam|adres)",
        r"\bonjuiste? (?:persoons|persoonlijke )?gegevens",
        r"\bcorrection\b",
        r"\bcorrect (?:my|the|these|this)\b",
        r"\bcompletion of (?:inaccurate|incomplete)",
        r"\b(?:inaccurate|incorrect|wrong|outdated) (?:personal )?(?:data|address|name|details)\b",
        r"\bupdate my (?:address|name|details|data)\b",
        r"\brechtzet",
        r"\bBerichtigung",
        r"\bberichtig(?:en|t)\b",
    ),
    RequestType.ERASURE: (
        r"\bverwijder",
        r"\b(?:ge)?wis(?:t|sen|sing)?\b",
        r"\bvergetelheid\b",
        r"\bvernietig",
        r"\berasure\b",
        r"\berase\b",
        r"\bdelet(?:e|ion)\b",
        r"\bright to be forgotten\b",
        r"\bremove (?:my|all)\b",
        r"\bL\u00f6schung",
        r"\bl\u00f6schen\b",
    ),
    RequestType.RESTRICTION: (
        r"\bbeperking van (?:de )?verwerking",
        r"\bverwerking\b[^.;]{0,80}\bte beperken\b",
        r"\bbeperk\w* (?:van )?(?:de|het|mijn)? ?verwerking",
        r"\brestrict(?:ion of)? (?:the )?processing\b",
        r"\bprocessing\b[^.;]{0,60}\brestrict",
        r"\brestrict\w* (?:the )?(?:use|processing) of my",
        r"\brestriction of (?:any |the |all )?(?:further )?processing\b",
        r"\bEinschr\u00e4nkung der Verarbeitung",
    ),
    RequestType.PORTABILITY: (
        r"\boverdraagbaar",
        r"\bportabiliteit",
        r"\b(?:rechtstreeks )?(?:door te geven|doorgeven|overdragen|over te dragen) aan "
        r"(?:een )?andere\b",
        r"\bportability\b",
        r"\btransmit\w*\b[^.;]{0,50}\bto another (?:controller|provider|company)",
        r"\bDaten\u00fcbertragbarkeit",
    ),
    RequestType.OBJECTION: (
        r"\bbezwaar\b",
        r"\bverzet (?:aan|tegen)\b",
        r"\brecht (?:van|op) verzet\b",
        r"\bgeen (?:reclame|mailings?|nieuwsbrie\w*|marketing|telefonische verkoop)\b",
        r"\b(?:stop|stoppen|stopt|ophoudt|ophouden|ophoudt)\b[^.;]{0,30}"
        r"\b(?:reclame|mailing|nieuwsbrie\w*|marketing|folders?)",
        r"\bgeen\b[^.;]{0,30}\bmeer\b[^.;]{0,20}\bontvangen\b",
        r"\bno longer (?:wish|want) to receive\b",
        r"\bWiderspruch\b",
        r"\bwiderspreche\b",
        r"\bkeine (?:Werbung|Newsletter|Werbepost|Prospekte)\b",
        r"\b(?:uitschrijv|afmeld)",
        r"\bobject(?:ing|ion)?\b",
        r"\bopt(?:ing)? out\b",
        r"\bunsubscrib",
        r"\bstop (?:sending|contacting|calling|e-?mailing)\b",
        r"\bno (?:more )?(?:marketing|advertising|newsletters?|mailings?)\b",
    ),
}

_TYPE_PATTERNS = {
    rtype: tuple(re.compile(p, re.IGNORECASE) for p in rules)
    for rtype, rules in _TYPE_RULES.items()
}

# A rule match is dropped when its clause says the opposite ("geen bezwaar", "do not delete").
_TYPE_NEGATIONS: dict[RequestType, str] = {
    RequestType.OBJECTION: r"\bgeen bezwaar\b|\bno objection\b|\bnot object\b",
    RequestType.ERASURE: r"\bniet (?:te |worden |laten )?(?:verwijder|wis)"
    r"|\b(?:do not|don't|not to) (?:delete|erase)\b",
}

# Subordinate clauses that make a condition or a question about consequences, up to , ; : .
_CONDITION = re.compile(
    r"\b(?:if|in case|unless|whether|indien|mocht|tenzij|in het geval"
    r"|als (?=u\b|jullie\b|ik\b|het\b|de\b|dit\b)"
    r"|(?<=weten )of|(?<=graag )of|(?<=vraag )of|(?<=vragen )of)\b[^,;:]*",
    re.IGNORECASE,
)
# The information about rights an access answer must give (Art. 15(1)(e)) is not a request.
_RIGHTS_INFO = re.compile(
    r"bestaan van het recht|existence of the right|informatie over (?:mijn|de|uw) rechten"
    r"|information (?:about|on) (?:my|the|your) rights",
    re.IGNORECASE,
)

# ---- articles, reminders, complaints ---------------------------------------------------------
_ARTICLE = re.compile(
    r"\b(?:art(?:ikel(?:en)?|icles?)?\.?)\s*(\d{1,2}(?:\s*\([^)]*\))*"
    r"(?:\s*(?:,|en|and|of|or|t/m|-)\s*\d{1,2}(?:\s*\([^)]*\))*)*)(?!\s*[:\d])"
    r"(?!\s*(?:UAVG|BW|Rv|Awb|Sr|Tw|BDSG|TKG|Uitvoeringswet)\b)",
    re.IGNORECASE,
)
_REMINDER = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bherinnering",
        r"\bingebrekestelling",
        r"\bin gebreke\b",
        r"\bvermaning",
        r"\baanmaning",
        r"\bnog (?:steeds )?geen (?:antwoord|reactie|bericht)",
        r"\bopnieuw contact met u op\b",
        r"\bheb ik u een verzoek (?:verstuurd|gestuurd|gezonden)",
        r"\bmijn (?:eerdere|vorige) (?:verzoek|brief)",
        r"\breminder\b",
        r"\badmonition\b",
        r"\bformal notice\b",
        r"\b(?:have|has) not (?:yet )?(?:received|had) (?:an?|any) (?:answer|reply|response)",
        r"\bno (?:answer|reply|response) (?:so far|yet)\b",
        r"\bcontacting you again\b",
        r"\bmy (?:earlier|previous) (?:request|letter)\b",
        r"\bi sent you a request\b",
        r"\bErinnerung\b",
        r"\bMahnung\b",
        r"\bkeine (?:Antwort|Reaktion|R\u00fcckmeldung) erhalten\b",
        r"\bmit Schreiben vom\b",
    )
)
# Present tense only: almost every request threatens "a complaint with the supervisory authority".
_COMPLAINT = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?:artikel|article|art\.?)\s*77\b",
        # "doet u dat niet, dan dien ik een klacht in" is a threat, not a complaint
        r"\b(?<!dan )(?<!anders )(?:ik )?dien\w* (?:ik )?(?:hierbij )?(?:een |deze )?klacht in\b",
        r"\bmet deze klacht\b",
        r"\b(?:i am|i'm) (?:hereby )?(?:lodging|filing|submitting) (?:a|this) complaint\b",
        r"\blodging this complaint with you\b",
    )
)
_OUR_REFERENCE = re.compile(r"\bAVG[-/ ]?(20\d\d)[-/](\d{1,4})\b", re.IGNORECASE)
_THEIR_REF_LINE = re.compile(
    r"^\s*(?:ons|mijn|onze|our|my)?\s*(?:kenmerk|referentie|reference|ref\.?)\s*:\s*(\S.{0,60}?)\s*$",
    re.IGNORECASE,
)
_YOUR_REF_LINE = re.compile(
    r"^\s*(?:uw|your)\s*(?:kenmerk|referentie|reference|ref\.?)\s*:\s*(\S.{0,60}?)\s*$",
    re.IGNORECASE,
)

_NL_WORDS = frozenset(
    "de het een ik van en mijn u uw gegevens niet dat die verzoek met voor op te is wij "
    "graag hierbij geachte vriendelijke groet alstublieft".split()
)
_EN_WORDS = frozenset(
    "the a i of and my you your data not that to request with for is we please hereby "
    "dear sincerely regards would".split()
)
_DE_WORDS = frozenset(
    "der die das und ich mein meine meiner sie ihr ihre ihnen nicht dass zu mit f\u00fcr ist "
    "wir bitte hiermit sehr geehrte damen herren freundlichen gr\u00fc\u00dfen daten "
    "personenbezogenen auskunft \u00fcber von auf".split()
)


@dataclass(frozen=True)
class LetterReading:
    """What the letter text suggests; the officer decides. ``evidence`` maps a finding
    (a request type code, 'reminder', 'complaint', 'their_reference', 'letter_date',
    'our_reference') to a short quote from the letter."""

    request_types: tuple[RequestType, ...] = ()
    referenced_types: tuple[RequestType, ...] = ()  # of the earlier request (reminder/complaint)
    is_reminder: bool = False
    is_complaint_to_authority: bool = False
    language: str = ""  # "nl", "en", "de" or "" when there is no text to judge
    articles: tuple[int, ...] = ()
    their_reference: str = ""
    letter_date: date | None = None
    our_reference: str = ""
    evidence: dict[str, str] = field(default_factory=dict)
    # Who wrote, their address, the representative, the reminder's dates: each value with the
    # line it came from and a confidence (app.core.letter_fields).
    proposals: LetterProposals = field(default_factory=LetterProposals)

    @property
    def found_anything(self) -> bool:
        return bool(
            self.request_types
            or self.referenced_types
            or self.is_reminder
            or self.is_complaint_to_authority
            or self.their_reference
            or self.letter_date
            or self.our_reference
        )

    def summary_lines(self) -> list[str]:
        """The reading as plain English lines (the CLI's text output)."""
        data = self.to_json()
        rows = {
            "language": data["language"] or "?",
            "request types": ", ".join(data["request_types"]) or "-",
            "earlier request": ", ".join(data["referenced_types"]) or "-",
            "reminder": "yes: link it to the earlier case" if self.is_reminder else "no",
            "complaint": "yes: to the supervisory authority, not a request to us"
            if self.is_complaint_to_authority
            else "no",
            "articles": ", ".join(str(a) for a in self.articles) or "-",
            "their reference": self.their_reference or "-",
            "letter date": data["letter_date"] or "-",
            "our reference": self.our_reference or "-",
        }
        lines = [f"{key:<16} {value}" for key, value in rows.items()]
        lines += [f"  {key:<15} \u201c{text}\u201d" for key, text in self.evidence.items()]
        return lines + self.proposals.summary_lines()

    def to_json(self) -> dict[str, Any]:
        return {
            "request_types": [t.value for t in self.request_types],
            "referenced_types": [t.value for t in self.referenced_types],
            "is_reminder": self.is_reminder,
            "is_complaint_to_authority": self.is_complaint_to_authority,
            "language": self.language,
            "articles": list(self.articles),
            "their_reference": self.their_reference,
            "letter_date": None if self.letter_date is None else self.letter_date.isoformat(),
            "our_reference": self.our_reference,
            "evidence": dict(self.evidence),
            "proposals": self.proposals.to_json(),
        }


def normalise_text(text: str) -> str:
    """Undo OCR/e-mail artefacts: hyphenated line breaks, quoted-reply marks, odd spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "")
    text = text.replace("\u2018", "'").replace("\u2019", "'")  # OCR: ‘s-Gravenhage, O’Brien
    text = re.sub(r"(?m)^\s*>+ ?", "", text)
    text = re.sub(r"(\w)-\n\s*(\w)", r"\1\2", text)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    return text.strip()


def sentences(text: str) -> list[str]:
    """Sentences of the letter: paragraphs joined into lines, then split after . ! ?"""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        joined = " ".join(line.strip() for line in paragraph.splitlines() if line.strip())
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'(])", joined) if s.strip()]
    return out


def quote(sentence: str, start: int = 0) -> str:
    """At most QUOTE_CHARS of the sentence, around ``start``, cut at word boundaries."""
    if len(sentence) <= QUOTE_CHARS:
        return sentence
    # From the start of the sentence when the finding fits in; else from just before it.
    begin = 0 if start < QUOTE_CHARS - 30 else max(0, min(start - 25, len(sentence) - QUOTE_CHARS))
    if begin:
        space = sentence.find(" ", begin)
        begin = space + 1 if 0 <= space < start else begin
    end = begin + QUOTE_CHARS
    cut = sentence.rfind(" ", begin, end)
    end = cut if cut > begin + QUOTE_CHARS // 2 else end
    return ("…" if begin else "") + sentence[begin:end].strip() + "…"


def cited_articles(text: str) -> list[tuple[int, int]]:
    """(article number, position) for every GDPR article cited ("art. 15", "Articles 15 and 20")."""
    found: list[tuple[int, int]] = []
    for match in _ARTICLE.finditer(text):
        numbers = re.sub(r"\([^)]*\)", "", match.group(1))
        for number in re.findall(r"\d{1,2}", numbers):
            if 1 <= int(number) <= 99:
                found.append((int(number), match.start()))
    return found


def _request_clauses(sentence: str) -> str:
    """The sentence without conditional clauses and without a list of rights to be informed of."""
    if _RIGHTS_INFO.search(sentence):
        return ""
    return _CONDITION.sub(" ", sentence)


def _find_types(parts: list[str]) -> tuple[list[RequestType], dict[str, str]]:
    first_seen: dict[RequestType, tuple[int, int]] = {}
    evidence: dict[str, str] = {}
    for index, sentence in enumerate(parts):
        clauses = _request_clauses(sentence)
        for rtype in RequestType:
            if rtype in first_seen:
                continue
            where = sentence if rtype == RequestType.ACCESS else clauses
            negation = _TYPE_NEGATIONS.get(rtype)
            if negation and re.search(negation, where, re.IGNORECASE):
                where = re.sub(rf"[^,;]*(?:{negation})[^,;]*", " ", where, flags=re.IGNORECASE)
            position = _first_match(rtype, where)
            if position is None:
                continue
            first_seen[rtype] = (index, position)
            evidence[rtype.value] = quote(sentence, _locate(sentence, where, position))
    ordered = sorted(first_seen, key=lambda t: first_seen[t])
    return ordered, evidence


def _first_match(rtype: RequestType, text: str) -> int | None:
    """Where the earliest rule or cited article for ``rtype`` is in ``text`` (None: absent)."""
    positions = [m.start() for m in (p.search(text) for p in _TYPE_PATTERNS[rtype]) if m]
    positions += [pos for number, pos in cited_articles(text) if _ARTICLE_TYPE.get(number) == rtype]
    return min(positions) if positions else None


def _locate(sentence: str, filtered: str, position: int) -> int:
    """Map a position in the filtered clause text back to the sentence (roughly, for quoting)."""
    word = filtered[position : position + 12].strip()
    found = sentence.find(word) if word else -1
    return max(found, 0)


def _first_hit(patterns: Iterable[re.Pattern[str]], parts: list[str]) -> str:
    for sentence in parts:
        for pattern in patterns:
            match = pattern.search(sentence)
            if match:
                return quote(sentence, match.start())
    return ""


def guess_language(text: str) -> str:
    """ "nl", "en" or "de" by counting common words (ties go to Dutch, then English)."""
    words = re.findall(r"[a-zäöüßë]+", text.lower())
    counts = {
        "nl": sum(1 for w in words if w in _NL_WORDS),
        "en": sum(1 for w in words if w in _EN_WORDS),
        "de": sum(1 for w in words if w in _DE_WORDS),
    }
    best = max(counts.values())
    if best == 0:
        return ""
    return next(lang for lang in ("nl", "en", "de") if counts[lang] == best)


def _letter_date(lines: list[str]) -> tuple[date | None, str]:
    found: dict[date, str] = {}
    for line in lines:
        value = date_line_value(line)
        # Before the GDPR it cannot be a request letter's date (a birth date, say).
        if value is not None and value >= date(2018, 5, 25):
            found.setdefault(value, line.strip())
    if len(found) != 1:  # none, or several different dates: not for us to choose
        return None, ""
    ((value, line),) = found.items()
    return value, line


def _our_reference(text: str) -> tuple[str, str]:
    refs: dict[str, int] = {}
    for match in _OUR_REFERENCE.finditer(text):
        refs.setdefault(f"AVG-{match.group(1)}-{int(match.group(2)):04d}", match.start())
    if len(refs) != 1:
        return "", ""
    ((ref, position),) = refs.items()
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    return ref, text[line_start : line_end if line_end >= 0 else None].strip()


def _their_reference(lines: list[str]) -> tuple[str, str]:
    found: dict[str, str] = {}
    for line in lines:
        if _YOUR_REF_LINE.match(line):
            continue  # "Uw kenmerk" in their letter is a reference of ours
        match = _THEIR_REF_LINE.match(line)
        if match and not _OUR_REFERENCE.search(match.group(1)):
            found.setdefault(match.group(1).strip(), line.strip())
    if len(found) != 1:
        return "", ""
    ((value, line),) = found.items()
    return value, line


def read_letter(
    text: str, *, own: OwnAddress | None = None, customer_pattern: re.Pattern[str] | None = None
) -> LetterReading:
    """Suggest what a letter asks, by transparent keyword and article rules (NL, EN, DE), and
    propose who wrote it (:attr:`LetterReading.proposals`). ``own`` is our organisation, whose
    address in the letter is the recipient, never the sender; ``customer_pattern`` is the
    checked setting (app.core.customer_number.check_pattern)."""
    # Pasted or read from a file: cleaned, not refused. A letter is a few pages: only its first
    # MAX_TEXT characters are read, and sentences are cut at MAX_SENTENCE (a pasted book or a
    # hostile file without full stops cannot make the rules slow).
    clean = normalise_text(clean_text(text[: MAX_TEXT * 2]))[:MAX_TEXT]
    if not clean:
        return LetterReading()
    parts = [sentence[:MAX_SENTENCE] for sentence in sentences(clean)]
    lines = [line.strip() for line in clean.splitlines() if line.strip()]
    types, evidence = _find_types(parts)
    complaint = _first_hit(_COMPLAINT, parts)
    reminder = "" if complaint else _first_hit(_REMINDER, parts)
    if complaint:
        evidence["complaint"] = complaint
    if reminder:
        evidence["reminder"] = reminder
    their_reference, ref_line = _their_reference(lines)
    if their_reference:
        evidence["their_reference"] = ref_line
    letter_date, date_line = _letter_date(lines)
    if letter_date is not None:
        evidence["letter_date"] = date_line
    our_reference, our_line = _our_reference(clean)
    if our_reference:
        evidence["our_reference"] = quote(our_line)
    earlier = bool(complaint or reminder)
    language = guess_language(clean)
    proposals = propose_fields(
        clean,
        own=own,
        customer_pattern=customer_pattern,
        request_types={t.value: evidence.get(t.value, "") for t in types},
        is_reminder=bool(reminder),
        language=language,
    )
    if (
        not their_reference
        and proposals.their_reference is not None
        and proposals.their_reference.confidence >= 0.5
    ):
        # "Unser Zeichen", "Onze ref.", "Our Ref": the wider labels of the proposals
        their_reference = proposals.their_reference.value
        evidence["their_reference"] = proposals.their_reference.source
    return LetterReading(
        request_types=() if earlier else tuple(types),
        referenced_types=tuple(types) if earlier else (),
        is_reminder=bool(reminder),
        is_complaint_to_authority=bool(complaint),
        language=language,
        articles=tuple(sorted({number for number, _ in cited_articles(clean)})),
        their_reference=their_reference,
        letter_date=letter_date,
        our_reference=our_reference,
        evidence=evidence,
        proposals=proposals,
    )
