"""Dutch wording of the user messages that core and services raise in English.

The raising code keeps one plain English text (logs, CLI, tests); the Dutch UI shows the Dutch
version from this catalogue. Each entry is a pattern over the English text with named parts,
and a Dutch template that reuses them; English dates inside are turned into Dutch dates.
"""

from __future__ import annotations

import re

from app.core.messages_systems import SYSTEM_MESSAGES

_EN_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_NL_MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()
_EN_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(_EN_MONTHS) + r") (\d{4})\b")

_GENERAL: tuple[tuple[str, str], ...] = (
    # ---- intake and validation ----
    (r"'(?P<v>.*)' is not a Dutch postcode\. Type four digits and two letters, e\.g\. 5253 RE\. "
     r"For an address abroad, choose the country first\.",
     "'{v}' is geen Nederlandse postcode. Typ vier cijfers en twee letters, bijvoorbeeld "
     "5253 RE. Kies voor een adres in het buitenland eerst het land."),
    (r"Postcodes ending in (?P<l>\w\w) do not exist in the Netherlands \(PostNL never issues SA, "
     r"SD or SS\)\. Check the letter for a typing error\.",
     "Postcodes die eindigen op {l} bestaan niet in Nederland (PostNL geeft SA, SD en SS nooit "
     "uit). Kijk in de brief of er een tikfout is gemaakt."),
    (r"Enter the postcode as written on the letter\.",
     "Vul de postcode in zoals die in de brief staat."),
    (r"'(?P<v>.*)' is not an e-mail address\. Use the form name@example\.nl, or leave it empty\.",
     "'{v}' is geen e-mailadres. Gebruik de vorm naam@voorbeeld.nl, of laat het veld leeg."),
    (r"Enter the date the letter reached the mailbox\.",
     "Vul de datum in waarop de brief binnenkwam."),
    (r"The date of receipt cannot be in the future\. Check the date stamp\.",
     "De ontvangstdatum kan niet in de toekomst liggen. Controleer de datumstempel."),
    (r"The date of receipt cannot be before 25 May 2018 \(the GDPR start\)\.",
     "De ontvangstdatum kan niet vóór 25 mei 2018 liggen (de start van de AVG)."),
    (r"Choose at least one request type \(e\.g\. access or erasure\)\.",
     "Kies ten minste één soort verzoek (bijvoorbeeld inzage of verwijdering)."),
    (r"Enter the person's \(last\) name as written on the letter\.",
     "Vul de (achter)naam van de betrokkene in zoals die in de brief staat."),
    (r"Use a two-letter country code, e\.g\. NL, BE or DE\.",
     "Gebruik een landcode van twee letters, bijvoorbeeld NL, BE of DE."),
    (r"Enter the street and house number\.", "Vul de straat en het huisnummer in."),
    (r"Enter the town or city\.", "Vul de woonplaats in."),
    (r"Enter a postal address \(or at least an e-mail address\) to answer to\.",
     "Vul een postadres in (of ten minste een e-mailadres) om het antwoord naartoe te sturen."),
    (r"The date of their letter cannot be in the future\.",
     "De datum van hun brief kan niet in de toekomst liggen."),
    (r"Check the date of birth\.", "Controleer de geboortedatum."),
    (r"Enter the representative's name, or remove the representative\.",
     "Vul de naam van de vertegenwoordiger in, of verwijder de vertegenwoordiger."),
    (r"The file (?P<f>.+) is empty\. Scan the letter again\.",
     "Het bestand {f} is leeg. Scan de brief opnieuw."),
    (r"The file (?P<f>.+) is (?P<n>\d+) MB; the limit is (?P<m>\d+) MB\. Scan in grey at 200-300 "
     r"dpi or split the file, then attach it again\.",
     "Het bestand {f} is {n} MB; de grens is {m} MB. Scan in grijstinten op 200-300 dpi of "
     "splits het bestand, en voeg het daarna opnieuw toe."),
    (r"(?P<f>.+) is not a PDF, PNG, JPEG or TIFF file\. Save the scan in one of those formats and "
     r"attach it again\.",
     "{f} is geen PDF-, PNG-, JPEG- of TIFF-bestand. Sla de scan in een van die formaten op en "
     "voeg hem opnieuw toe."),
    (r"The file (?P<f>.+) does not exist or is a folder\.",
     "Het bestand {f} bestaat niet of is een map."),
    (r"An ID copy may only be kept masked: black out the BSN and the photo, then confirm that it "
     r"is masked\.",
     "Een kopie van een identiteitsbewijs mag alleen afgeschermd worden bewaard: maak het BSN en "
     "de foto onleesbaar en bevestig daarna dat dit is gebeurd."),
    # ---- cases, status, concurrency, database ----
    (r"There is no case (?P<r>\S+)\. Check the reference \(e\.g\. AVG-2026-0001\)\.",
     "Er is geen zaak {r}. Controleer het kenmerk (bijvoorbeeld AVG-2026-0001)."),
    (r"Case (?P<r>\S+) was changed by (?P<a>.+) while you were editing\. Your changes were not "
     r"saved: reload the case and make them again\.",
     "Zaak {r} is door {a} gewijzigd terwijl u aan het bewerken was. Uw wijzigingen zijn niet "
     "opgeslagen: laad de zaak opnieuw en breng ze nogmaals aan."),
    (r"Case (?P<r>\S+) was changed meanwhile\. (?:Nothing was saved: )?[Rr]eload (?:it|the case) "
     r"and try again\.",
     "Zaak {r} is intussen gewijzigd. Er is niets opgeslagen: laad de zaak opnieuw en probeer "
     "het nog eens."),
    (r"Someone else saved this record at the same moment\. Nothing was saved: reload it and make "
     r"your change again\.",
     "Iemand anders heeft dit gegeven op hetzelfde moment opgeslagen. Er is niets opgeslagen: "
     "laad het opnieuw en breng uw wijziging nogmaals aan."),
    (r"A case that is '(?P<o>\w+)' cannot become '(?P<n>\w+)'\. Allowed next statuses: "
     r"(?P<a>.+)\.",
     "Een zaak met status '{o}' kan niet naar '{n}'. Toegestane volgende statussen: {a}."),
    (r"The case is already '(?P<s>\w+)'\.", "De zaak heeft de status '{s}' al."),
    (r"Unknown decision '(?P<v>.*)'\. Use one of: (?P<a>.+)\.",
     "Onbekende beslissing '{v}'. Gebruik een van: {a}."),
    (r"The case has no '(?P<t>\w+)' request\.", "De zaak bevat geen verzoek '{t}'."),
    (r"The database is busy \(locked by another program or officer\)\. Nothing was saved; wait a "
     r"moment and try again\.",
     "De database is bezet (in gebruik door een ander programma of een collega). Er is niets "
     "opgeslagen; wacht even en probeer het opnieuw."),
    # ---- deadlines ----
    (r"An extension can no longer be granted: the first month ended on (?P<d>.+?) "
     r"\(Art\. 12\(3\) AVG\)\. Only a refusal or the answer itself can follow now\.",
     "Verlengen kan niet meer: de eerste maand eindigde op {d} (art. 12 lid 3 AVG). Nu kan "
     "alleen nog een weigering of het antwoord zelf volgen."),
    (r"An extension cannot be recorded while the request is paused \(waiting for an answer since "
     r"(?P<d>.+?)\)\. Record the answer first; the first month then continues and the extension "
     r"can still be sent before it ends\.",
     "Een verlenging kan niet worden vastgelegd terwijl de termijn stilstaat (wacht op antwoord "
     "sinds {d}). Leg eerst het antwoord vast; de eerste maand loopt dan verder en de verlenging "
     "kan nog vóór het einde ervan worden verstuurd."),
    (r"This request was already extended on (?P<d>.+?)\. The AVG allows one extension of two "
     r"months \(Art\. 12\(3\) AVG\)\.",
     "Dit verzoek is al verlengd op {d}. De AVG staat één verlenging van twee maanden toe "
     "(art. 12 lid 3 AVG)."),
    (r"The extension notice date \((?P<n>.+?)\) is before the date of receipt \((?P<r>.+?)\)\. "
     r"Check the date of the notice\.",
     "De datum van de verlengingsbrief ({n}) ligt vóór de ontvangstdatum ({r}). Controleer de "
     "datum van de brief."),
    (r"Case (?P<r>\S+) is already paused\. End that pause first\.",
     "Zaak {r} staat al stil. Beëindig eerst die pauze."),
    (r"Case (?P<r>\S+) is not paused\.", "Zaak {r} staat niet stil."),
    (r"Say why the clock stops \(which question was sent\)\.",
     "Geef aan waarom de termijn stilstaat (welke vraag is verstuurd)."),
    (r"Give the reason for the extension \(complexity or number of requests\)\.",
     "Geef de reden voor de verlenging (complexiteit of aantal verzoeken)."),
    # ---- letters and systems ----
    (r"The letter needs '(?P<f>\w+)', but it is empty(?: \(letter text '(?P<t>\w+)'\))?\. Fill "
     r"it in on the case or in the organisation profile, then compose the letter again\.",
     "De brief heeft '{f}' nodig, maar dat veld is leeg. Vul het in bij de zaak of in het "
     "organisatieprofiel en stel de brief daarna opnieuw op."),
    (r"This letter is final and was sent; it cannot be changed\. Make a new letter as a "
     r"correction\.",
     "Deze brief is definitief en verstuurd; hij kan niet meer worden gewijzigd. Maak een nieuwe "
     "brief als correctie."),
    (r"No letters were finalised today; there is nothing to print\.",
     "Er zijn vandaag geen brieven definitief gemaakt; er is niets af te drukken."),
    (r"No systems are set up to search\. Add one under Settings > Systems\.",
     "Er zijn geen systemen ingesteld om te doorzoeken. Voeg er een toe via Instellingen > "
     "Systemen."),
    (r"There are no confirmed findings\. Search the systems and review first\.",
     "Er zijn geen bevestigde vondsten. Doorzoek eerst de systemen en beoordeel de vondsten."),
    (r"The plan has not been approved yet\. Review and approve it first\.",
     "Het plan is nog niet goedgekeurd. Controleer het en keur het eerst goed."),
    (r"Nothing is left to execute\.", "Er is niets meer uit te voeren."),
    (r"The system did not answer in time \(time-out\)\. Try again later\.",
     "Het systeem antwoordde niet op tijd (time-out). Probeer het later opnieuw."),
    # ---- reading a letter's text, representatives ----
    (r"(?P<f>.+) has no text layer \(it is an image of the letter\)\. Paste the text from OCR or "
     r"from the e-mail instead\.",
     "{f} heeft geen tekstlaag (het is een afbeelding van de brief). Plak in plaats daarvan de "
     "tekst uit de OCR of uit de e-mail."),
    (r"(?P<f>.+) could not be read as a PDF \(it may be damaged\)\. Open it in a PDF viewer to "
     r"check it, or paste the text instead\.",
     "{f} kon niet als PDF worden gelezen (het bestand is mogelijk beschadigd). Open het in een "
     "PDF-viewer om het te controleren, of plak de tekst."),
    (r"(?P<f>.+) is protected with a password\. Remove the password or paste the text instead\.",
     "{f} is met een wachtwoord beveiligd. Verwijder het wachtwoord of plak de tekst."),
    (r"(?P<f>.+) is an image without a text layer\. Paste the text from OCR or from the e-mail "
     r"instead\.",
     "{f} is een afbeelding zonder tekstlaag. Plak in plaats daarvan de tekst uit de OCR of uit "
     "de e-mail."),
    (r"(?P<f>.+) is not a text file or a PDF\. Save the letter as text \(\.txt\) or PDF\.",
     "{f} is geen tekstbestand en geen PDF. Sla de brief op als tekst (.txt) of als PDF."),
    (r"The file (?P<f>.+) is (?P<n>\d+) MB; a letter to read is at most (?P<m>\d+) MB\. Check "
     r"that you chose the right file\.",
     "Het bestand {f} is {n} MB; een brief om te lezen is hoogstens {m} MB. Controleer of u het "
     "juiste bestand hebt gekozen."),
    (r"Unknown refusal ground '(?P<g>.*)'\. Use one of: (?P<a>.+)\.",
     "Onbekende grond van weigering '{g}'. Gebruik een van: {a}."),
    (r"A refusal ground only goes with a \(partial\) refusal\.",
     "Een grond van weigering hoort alleen bij een (gedeeltelijke) weigering."),
    # ---- backup ----
    (r"This case base is on a (?P<d>\w+) server: back it up there \(for PostgreSQL with "
     r"pg_dump, or the server's own backup\)\. Privacy Desk copies only SQLite files\.",
     "Deze zaken staan op een {d}-server: maak de reservekopie daar (voor PostgreSQL met "
     "pg_dump, of met de back-up van de server zelf). Privacy Desk kopieert alleen SQLite-"
     "bestanden."),
    (r"This database lives in memory only; there is no file to back up\.",
     "Deze database staat alleen in het geheugen; er is geen bestand om te kopiëren."),
    (r"The copy failed SQLite's integrity check \((?P<v>.*)\); try again\.",
     "De kopie doorstond de integriteitscontrole van SQLite niet ({v}); probeer het opnieuw."),
    (r"Choose another file than the database itself \(or its journal files\) for the backup\.",
     "Kies voor de reservekopie een ander bestand dan de database zelf (of haar "
     "journaalbestanden)."),
    (r"The folder (?P<f>.+) does not exist\. Choose an existing folder\.",
     "De map {f} bestaat niet. Kies een bestaande map."),
    (r"Cannot write in (?P<f>.+): (?P<e>.+)\. Choose a folder you may write to\.",
     "Kan niet schrijven in {f}: {e}. Kies een map waarin u mag schrijven."),
    (r"The backup could not be made: (?P<e>.+)\. The database may be busy; try again\.",
     "De reservekopie kon niet worden gemaakt: {e}. De database is misschien bezet; probeer het "
     "opnieuw."),
    (r"The backup could not be written: (?P<e>.+)\. Check the free space of (?P<f>.+)\.",
     "De reservekopie kon niet worden weggeschreven: {e}. Controleer de vrije ruimte van {f}."),
    (r"Choose the representative's role: lawyer, parent, guardian or other\.",
     "Kies de rol van de vertegenwoordiger: advocaat, ouder, voogd of anders."),
)  # fmt: skip

CATALOGUE = _GENERAL + SYSTEM_MESSAGES  # English pattern -> Dutch template

_COMPILED = tuple((re.compile(rf"^{pattern}$", re.S), nl) for pattern, nl in CATALOGUE)

# Field messages of a ValidationError ("path: choose ...; url: ...") and mapping-file problems
# ("tables[0] ('klant') column 'mail': unknown key 'x'"): the place, a colon, the message.
_FIELD_PARTS = re.compile(r"; (?=[a-z_]+: )")
_FIELD_MESSAGE = re.compile(r"^(?P<where>[^:\n]{1,120}?): (?P<message>.+)$", re.S)
_WHERE_WORDS = (
    (re.compile(r"^top level$"), "bovenaan het bestand"),
    (re.compile(r"^table\b"), "tabel"),
    (re.compile(r"\bcolumn\b"), "kolom"),
)
_SENTENCE_END = re.compile(r"(?<=[.!?]) +")


def dutch_dates(text: str) -> str:
    """'7 April 2026' -> '7 april 2026' (English month names to Dutch)."""

    def repl(match: re.Match[str]) -> str:
        month = _NL_MONTHS[_EN_MONTHS.index(match.group(2))]
        return f"{int(match.group(1))} {month} {match.group(3)}"

    return _EN_DATE.sub(repl, text)


def _whole(text: str) -> str | None:
    """The Dutch of one complete catalogue message, or None when no entry matches it.

    A named part whose name starts with ``t_`` is itself a message and is translated first.
    """
    for pattern, template in _COMPILED:
        match = pattern.match(text)
        if match:
            parts = {
                k: (_compose(v) if k.startswith("t_") and v else (v or ""))
                for k, v in match.groupdict().items()
            }
            return template.format(**parts)
    return None


def _compose(text: str) -> str:
    """Dutch for a message, also when connectors joined several messages into one text.

    Tried in turn: the whole text; line by line (a heading with '- ' items below it); sentence
    by sentence (a finding note followed by a retention note); field messages as
    ValidationError joins them ('path: ...; url: ...'). Parts without an entry stay English.
    """
    whole = _whole(text)
    if whole is not None:
        return whole
    if "\n" in text:
        lines = text.split("\n")
        return "\n".join(
            "- " + _compose(line[2:]) if line.startswith("- ") else _compose(line) for line in lines
        )
    for boundary in _SENTENCE_END.finditer(text):
        head = _whole(text[: boundary.start()])
        if head is not None:
            return head + " " + _compose(text[boundary.end() :])
    fields = _FIELD_PARTS.split(text)
    if all(_FIELD_MESSAGE.match(part) for part in fields):
        out, changed = [], False
        for part in fields:
            match = _FIELD_MESSAGE.match(part)
            assert match is not None
            where, message = match.group("where"), match.group("message")
            dutch = _compose(message)
            if dutch != message:
                changed = True
                for english, nl in _WHERE_WORDS:
                    where = english.sub(nl, where)
            out.append(f"{where}: {dutch}")
        if changed:
            return "; ".join(out)
    return text


def localise(text: str, lang: str) -> str:
    """The message in ``lang``; unknown messages stay as they are (English)."""
    if lang != "nl":
        return text
    return dutch_dates(_compose(text.strip()))
