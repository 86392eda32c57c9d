"""The Dutch catalogue for the messages of the source systems (connectors); see ``messages``."""

from __future__ import annotations

SYSTEM_MESSAGES: tuple[tuple[str, str], ...] = (
    # ---- systems (connectors): settings and service ----
    (r"'(?P<l>[^']+)' is required\.", "'{l}' is verplicht."),
    (r"Give the system a name, e\.g\. 'Self Service Portal'\.",
     "Geef het systeem een naam, bijvoorbeeld 'Self Service Portal'."),
    (r"The time-out must be 5 to 3600 seconds\.",
     "De time-out moet tussen 5 en 3600 seconden liggen."),
    (r"No secret store is available to keep the password\.",
     "Er is geen beveiligde opslag beschikbaar om het wachtwoord te bewaren."),
    (r"There is no connector '(?P<n>.+)'\.", "Er is geen systeem '{n}'."),
    (r"There is no connector '(?P<n>.+)'\. See `privacy-desk connectors list`\.",
     "Er is geen systeem '{n}'. Zie `privacy-desk connectors list`."),
    (r"Unknown connector kind '(?P<k>.*)'\. Known kinds: (?P<a>.+)\.",
     "Onbekende soort systeem '{k}'. Bekende soorten: {a}."),
    (r"Unexpected error in this system \((?P<e>.+)\)",
     "Onverwachte fout in dit systeem ({e})"),
    (r"The system did not answer in time \(time-out\) and was left behind\. Check that it is "
     r"reachable, or raise its time-out in the settings\.",
     "Het systeem antwoordde niet op tijd (time-out) en is overgeslagen. Controleer of het "
     "bereikbaar is, of verhoog de time-out in de instellingen."),
    # ---- systems: identifiers and matching ----
    (r"unknown identifier (?P<v>.+); use one of: (?P<a>.+)",
     "onbekend soort identificatiegegeven {v}; gebruik een van: {a}"),
    (r"Matched on weak identifiers only: check that this is the same person\.",
     "Alleen gevonden op zwakke identificatiegegevens: controleer of dit dezelfde persoon is."),
    (r"The address held here differs from the one in the letter: a reason for doubt\. Answer "
     r"only to the known address, or ask the person to confirm their identity\.",
     "Het adres dat hier bekend is, wijkt af van het adres in de brief: een reden voor twijfel. "
     "Antwoord alleen naar het bekende adres, of vraag de persoon de identiteit te bevestigen."),
    (r"The record holds a different customer number: check the person\.",
     "Het record bevat een ander klantnummer: controleer of het om dezelfde persoon gaat."),
    (r"The record holds a different user id: check the person\.",
     "Het record bevat een andere gebruikers-ID: controleer of het om dezelfde persoon gaat."),
    (r"The record holds a different birth date: check the person\.",
     "Het record bevat een andere geboortedatum: controleer of het om dezelfde persoon gaat."),
    (r"The record holds a different customer number and user id: check the person\.",
     "Het record bevat een ander klantnummer en een andere gebruikers-ID: controleer of het om "
     "dezelfde persoon gaat."),
    (r"The record holds a different customer number and birth date: check the person\.",
     "Het record bevat een ander klantnummer en een andere geboortedatum: controleer of het om "
     "dezelfde persoon gaat."),
    (r"The record holds a different user id and birth date: check the person\.",
     "Het record bevat een andere gebruikers-ID en een andere geboortedatum: controleer of het "
     "om dezelfde persoon gaat."),
    (r"The record holds a different customer number and user id and birth date: check the "
     r"person\.",
     "Het record bevat een ander klantnummer, een andere gebruikers-ID en een andere "
     "geboortedatum: controleer of het om dezelfde persoon gaat."),
    (r"Only the name matched: check it is this person\.",
     "Alleen de naam kwam overeen: controleer of het om deze persoon gaat."),
    # ---- systems: progress and connection tests ----
    (r"Searching", "Zoeken"),
    (r"Search finished", "Zoeken klaar"),
    (r"Finding the rows", "Rijen opzoeken"),
    (r"erasure: record (?P<n>\d+)", "verwijdering: record {n}"),
    (r"rectification: record (?P<n>\d+)", "rectificatie: record {n}"),
    (r"Log file (?P<n>\d+) of (?P<m>\d+)", "Logbestand {n} van {m}"),
    (r"Logs searched", "Logbestanden doorzocht"),
    (r"Matomo site (?P<n>\d+)", "Matomo-site {n}"),
    (r"Matomo searched", "Matomo doorzocht"),
    (r"Deleting visits in Matomo", "Bezoeken verwijderen in Matomo"),
    (r"Mailbox searched", "Postvak doorzocht"),
    (r"Reading mail files", "E-mailbestanden lezen"),
    (r"Reading mbox", "mbox lezen"),
    (r"Reading IMAP messages", "IMAP-berichten lezen"),
    (r"Document (?P<n>\d+) of (?P<m>\d+)", "Document {n} van {m}"),
    (r"Documents searched", "Documenten doorzocht"),
    # After the fixed progress texts above, which start the same way.
    (r"Searching (?P<t>.+)", "Zoeken in {t}"),
    (r"Reading (?P<f>.+)", "{f} lezen"),
    (r"Read (?P<f>.+): (?P<n>\d+) rows, (?P<c>\d+) columns\.",
     "{f} gelezen: {n} rijen, {c} kolommen."),
    (r"Connected to (?P<s>.+): (?P<n>\d+) tables and (?P<c>\d+) columns mapped, all present\.",
     "Verbonden met {s}: {n} tabellen en {c} kolommen in de mapping, allemaal aanwezig."),
    (r"(?P<n>\d+) log file\(s\) found\.", "{n} logbestand(en) gevonden."),
    (r"Warning: (?P<t_w>.+)", "Waarschuwing: {t_w}"),
    (r"A search reads all of table (?P<t>\S+) \(no index serves it\); ask the database "
     r"administrator for an index on (?P<u>\S+) \((?P<c>.+)\)\.",
     "Een zoekopdracht leest de hele tabel {t} (geen index helpt); vraag de databasebeheerder "
     "om een index op {u} ({c})."),
    (r"The search login may change data: give it SELECT only and set a separate login for "
     r"erasure \(setting 'erase_url'\)\.",
     "De zoeklogin mag gegevens wijzigen: geef hem alleen SELECT en stel een aparte login in "
     "voor wissen (instelling 'erase_url')."),
    (r"(?P<c>\S+) has a UNIQUE index: the fixed mask (?P<m>.+) can be written only once; use a "
     r"mask with \{hash\}, e\.g\. \"\[verwijderd-\{hash\}\]\" \(8 hex digits per record\)\.",
     "{c} heeft een UNIQUE-index: het vaste masker {m} kan maar één keer worden geschreven; "
     "gebruik een masker met {{hash}}, bijvoorbeeld \"[verwijderd-{{hash}}]\" (8 hexadecimale "
     "cijfers per record)."),
    (r"(?P<c>\S+) refers to rows of (?P<t>\S+) that erasure deletes, but it is not in the "
     r"mapping: map (?P<u>\S+) with a link, or the database refuses the deletion\.",
     "{c} verwijst naar rijen van {t} die bij wissen worden verwijderd, maar staat niet in de "
     "mapping: neem {u} op met een koppeling (link), anders weigert de database het "
     "verwijderen."),
    (r"The search plans could not be checked: (?P<e>.+)",
     "De zoekplannen konden niet worden gecontroleerd: {e}"),
    (r"Connected to Matomo (?P<v>.+); (?P<n>\d+) site\(s\) accessible\.",
     "Verbonden met Matomo {v}; {n} site(s) toegankelijk."),
    (r"(?P<n>\d+) \.eml file\(s\) found\.", "{n} .eml-bestand(en) gevonden."),
    (r"mbox with (?P<n>\d+) message\(s\)\.", "mbox met {n} bericht(en)."),
    (r"Connected; (?P<n>\d+) message\(s\) in (?P<f>.+)\.",
     "Verbonden; {n} bericht(en) in {f}."),
    (r"(?P<n>\d+) document\(s\) found\.", "{n} document(en) gevonden."),
    (r"No instructions yet: add what the person doing the check must look up\.",
     "Nog geen instructies: vul in wat degene die de controle doet moet opzoeken."),
    (r"Manual check: nothing to connect to\.",
     "Handmatige controle: er is niets om verbinding mee te maken."),
    (r"Look up the person by hand\.", "Zoek de betrokkene met de hand op."),
    # ---- systems: CSV or Excel file ----
    (r"choose the CSV or XLSX file", "kies het CSV- of XLSX-bestand"),
    (r"(?P<f>.+): use a \.csv or \.xlsx file \(old \.xls: save as \.xlsx\)",
     "{f}: gebruik een .csv- of .xlsx-bestand (een oud .xls-bestand: sla het op als .xlsx)"),
    (r"name at least one column, e\.g\. email",
     "noem ten minste één kolom, bijvoorbeeld email"),
    (r"write 'column=kind', not (?P<p>.+)", "schrijf 'kolom=soort', niet {p}"),
    (r"give a list of 'column=kind' pairs", "geef een lijst van paren 'kolom=soort'"),
    (r"one character, e\.g\. , or ;", "één teken, bijvoorbeeld , of ;"),
    (r"unknown encoding (?P<e>.+)", "onbekende tekencodering {e}"),
    (r"The file (?P<p>.+) does not exist\. Check the 'path' setting\.",
     "Het bestand {p} bestaat niet. Controleer de instelling 'Bestand'."),
    (r"No permission to read (?P<p>.+): (?P<e>.+)\.",
     "Geen toestemming om {p} te lezen: {e}."),
    (r"(?P<f>.+) has no column (?P<c>.+); its columns are: (?P<a>.*)\. Check "
     r"'identifier_columns'\.",
     "{f} heeft geen kolom {c}; de kolommen zijn: {a}. Controleer de instelling "
     "'Kolommen met identificatiegegevens'."),
    (r"(?P<f>.+) cannot be read as (?P<e>\S+)\. Set the 'encoding' setting to the file's "
     r"encoding \(e\.g\. cp1252 for older Excel exports\)\.",
     "{f} kan niet als {e} worden gelezen. Kies bij 'Tekencodering (CSV)' de codering van het "
     "bestand (bijvoorbeeld cp1252 voor oudere exports uit Excel)."),
    (r"(?P<f>.+) is not a text \(CSV\) file\.", "{f} is geen tekstbestand (CSV)."),
    (r"(?P<f>.+) is not a valid CSV file \(record (?P<n>\d+)\): (?P<e>.+)\.",
     "{f} is geen geldig CSV-bestand (record {n}): {e}."),
    (r"(?P<f>.+) is empty: it needs a header row\.",
     "{f} is leeg: het bestand moet een kopregel hebben."),
    (r"(?P<f>.+) is not a valid Excel workbook \(\.xlsx\): (?P<e>.+)\.",
     "{f} is geen geldige Excel-werkmap (.xlsx): {e}."),
    (r"(?P<f>.+) has no sheet (?P<s>.+); its sheets are: (?P<a>.*)\. Check the 'sheet' "
     r"setting\.",
     "{f} heeft geen werkblad {s}; de werkbladen zijn: {a}. Controleer de instelling "
     "'Werkblad (XLSX)'."),
    (r"The sheet (?P<s>.+) in (?P<f>.+) is empty\.", "Het werkblad {s} in {f} is leeg."),
    (r"Already gone: the row is no longer in the file\.",
     "Al verdwenen: de rij staat niet meer in het bestand."),
    (r"Cannot write: (?P<e>.+)", "Kan niet wegschrijven: {e}"),
    (r"Enter a value, or remove this line\.", "Vul een waarde in, of verwijder deze regel."),
    (r"At most (?P<n>\d+) characters\.", "Ten hoogste {n} tekens."),
    (r"'(?P<v>.*)' is not an IP address\. Use the form 192\.0\.2\.10 or 2001:db8::10\.",
     "'{v}' is geen IP-adres. Gebruik de vorm 192.0.2.10 of 2001:db8::10."),
    (r"A phone number has at least 6 digits, e\.g\. 073 123 45 67\.",
     "Een telefoonnummer heeft ten minste 6 cijfers, bijvoorbeeld 073 123 45 67."),
    (r"Removed; the previous file is kept as (?P<b>.+) for (?P<n>\d+) days \(it still holds "
     r"the old data\), then deleted\.",
     "Verwijderd; het vorige bestand blijft {n} dagen bewaard als {b} (daarin staan de oude "
     "gegevens nog) en wordt daarna verwijderd."),
    (r"Removed; no backup was kept \('Keep backups' is 0 days\)\.",
     "Verwijderd; er is geen reservekopie bewaard ('Reservekopieën bewaren' staat op 0 dagen)."),
    (r"a whole number of days from 0 to (?P<m>\d+), e\.g\. 7",
     "een geheel aantal dagen van 0 tot en met {m}, bijvoorbeeld 7"),
    (r"(?P<f>.+) has no column (?P<c>.+) any more\.", "{f} heeft geen kolom {c} meer."),
    (r"Already up to date\.", "Al bijgewerkt."),
    (r"The row changed or is gone; search again\.",
     "De rij is gewijzigd of verdwenen; zoek opnieuw."),
    (r"(?P<f>.+) was changed by someone else meanwhile; nothing was written\. Search again\.",
     "{f} is intussen door iemand anders gewijzigd; er is niets weggeschreven. Zoek opnieuw."),
    # ---- systems: SQL database ----
    (r"enter the database URL, e\.g\. postgresql\+psycopg://user@host/db",
     "vul de database-URL in, bijvoorbeeld postgresql+psycopg://gebruiker@server/db"),
    (r"choose the TOML mapping file", "kies het mappingbestand (TOML)"),
    (r"not a database URL; use e\.g\. postgresql\+psycopg://user@host:5432/db",
     "geen database-URL; gebruik bijvoorbeeld postgresql+psycopg://gebruiker@server:5432/db"),
    (r"The SQLite database file (?P<p>.+) does not exist\. Check the 'url' setting\.",
     "Het SQLite-databasebestand {p} bestaat niet. Controleer de instelling 'Database-URL'."),
    (r"Cannot use the database URL (?P<u>\S+): (?P<e>.+)\.",
     "De database-URL {u} is niet bruikbaar: {e}."),
    (r"The database (?P<u>\S+) does not match the mapping file (?P<f>.+):",
     "De database {u} past niet bij het mappingbestand {f}:"),
    (r"table (?P<t>'.*') does not exist in schema (?P<s>'.*')",
     "tabel {t} bestaat niet in schema {s}"),
    (r"table (?P<t>'.*') does not exist", "tabel {t} bestaat niet"),
    (r"table (?P<t>'.*') has no column (?P<c>'.*') \(it has: (?P<a>.*)\)",
     "tabel {t} heeft geen kolom {c} (wel: {a})"),
    (r"table (?P<t>'.*') has no column (?P<c>'.*')", "tabel {t} heeft geen kolom {c}"),
    (r"Cannot connect to (?P<u>\S+): (?P<e>.+)\. Check that the server is running and that "
     r"host, port, database name, user and password are right\.",
     "Kan geen verbinding maken met {u}: {e}. Controleer of de server draait en of server, "
     "poort, databasenaam, gebruiker en wachtwoord kloppen."),
    (r"The mapping file (?P<f>.+) does not fit the database:",
     "Het mappingbestand {f} past niet bij de database:"),
    (r"(?P<c>\S+) cannot be emptied \(NOT NULL\): use erasure = 'mask' with a fixed value",
     "{c} kan niet worden leeggemaakt (NOT NULL): gebruik erasure = 'mask' met een vaste "
     "waarde"),
    (r"(?P<c>\S+): the mask value (?P<t_w>expects .+)", "{c}: de maskeerwaarde {t_w}"),
    (r"expects yes or no", "verwacht ja of nee"),
    (r"expects a whole number", "verwacht een geheel getal"),
    (r"expects a number", "verwacht een getal"),
    (r"expects a date \(YYYY-MM-DD\)", "verwacht een datum (JJJJ-MM-DD)"),
    (r"expects a date and time", "verwacht een datum en tijd"),
    (r"'(?P<f>[^']+)' (?P<t_w>expects .+)", "'{f}' {t_w}"),
    (r"Belongs to (?P<r>\S+)\.", "Hoort bij {r}."),
    (r"Kept on erasure: (?P<r>.+)\.", "Blijft bewaard bij verwijdering: {r}."),
    (r"'(?P<f>[^']+)' cannot be corrected in this system \(not rectifiable\)",
     "'{f}' kan in dit systeem niet worden gecorrigeerd (niet te rectificeren)"),
    (r"Cancelled before this record\.", "Geannuleerd vóór dit record."),
    (r"(?P<t_w>.+) before this record\.", "Gestopt vóór dit record: {t_w}"),
    (r"Unknown record: (?P<t_e>.+)", "Onbekend record: {t_e}"),
    (r"The database refused the change: (?P<e>.+)",
     "De database weigerde de wijziging: {e}"),
    (r"Already gone: the record no longer exists\.",
     "Al verdwenen: het record bestaat niet meer."),
    (r"The record changed after the plan was made; search again and make a new plan\.",
     "Het record is gewijzigd nadat het plan is gemaakt; zoek opnieuw en maak een nieuw plan."),
    (r"Row deleted\.", "Rij verwijderd."),
    (r"Already done earlier\.", "Al eerder uitgevoerd."),
    (r"emptied: (?P<f>.+)", "leeggemaakt: {f}"),
    (r"masked: (?P<f>.+)", "afgeschermd: {f}"),
    # ---- systems: the SQL mapping file ----
    (r"Table (?P<t>'.*') is not in the mapping file (?P<f>.+)\.",
     "Tabel {t} staat niet in het mappingbestand {f}."),
    (r"The mapping file (?P<f>.+) has problems:", "Het mappingbestand {f} bevat fouten:"),
    (r"\(and (?P<n>\d+) more\)", "(en nog {n})"),
    (r"The mapping file (?P<f>.+) is not valid TOML: (?P<e>.+)\.",
     "Het mappingbestand {f} is geen geldige TOML: {e}."),
    (r"The mapping file (?P<f>.+) does not exist\. Check the 'mapping_file' setting\.",
     "Het mappingbestand {f} bestaat niet. Controleer de instelling 'Mappingbestand'."),
    (r"The mapping file (?P<f>.+) cannot be read: (?P<e>.+)\.",
     "Het mappingbestand {f} kan niet worden gelezen: {e}."),
    (r"unknown key (?P<k>'.*') \(did you mean (?P<c>'.*')\?\)",
     "onbekende sleutel {k} (bedoelt u {c}?)"),
    (r"unknown key (?P<k>'.*')", "onbekende sleutel {k}"),
    (r"(?P<k>'.*') is missing", "{k} ontbreekt"),
    (r"(?P<k>'.*') must be a non-empty text", "{k} moet een tekst zijn en mag niet leeg zijn"),
    (r"(?P<k>'.*') must be a text", "{k} moet een tekst zijn"),
    (r"must be a table like (?P<x>\{.*\})", "moet een tabel zijn zoals {x}"),
    (r"must be a \[\[tables\]\] section", "moet een [[tables]]-sectie zijn"),
    (r"no data category: set 'category' on the column or on the table",
     "geen gegevenscategorie: zet 'category' bij de kolom of bij de tabel"),
    (r"'rectifiable' must be true or false", "'rectifiable' moet true of false zijn"),
    (r"no erasure strategy; add erasure = one of (?P<c>.+)",
     "geen manier van verwijderen; voeg erasure toe met een van {c}"),
    (r"unknown erasure (?P<r>.+); use one of (?P<c>.+)",
     "onbekende erasure {r}; gebruik een van {c}"),
    (r"erasure = 'mask' needs a fixed value: mask = \"\.\.\.\"",
     "erasure = 'mask' heeft een vaste waarde nodig: mask = \"...\""),
    (r"a column erasure is only used when the table has erasure = 'update_columns'",
     "erasure per kolom werkt alleen als de tabel erasure = 'update_columns' heeft"),
    (r"(?P<k>'.*') must name a column \(or a list of columns\)",
     "{k} moet een kolom noemen (of een lijst van kolommen)"),
    (r"(?P<k>'.*') must name exactly one column", "{k} moet precies één kolom noemen"),
    (r"(?P<k>'.*') uses column (?P<c>'.*'), which is not under columns",
     "{k} gebruikt kolom {c}, die niet onder columns staat"),
    (r"'first_name' needs 'last_name' too", "'first_name' heeft ook 'last_name' nodig"),
    (r"'postcode' and 'house_number' only work as a pair",
     "'postcode' en 'house_number' werken alleen samen"),
    (r"'primary_key' must be a column name, or a list of different column names for a "
     r"composite key, e\.g\. (?P<e>.+)",
     "'primary_key' moet een kolomnaam zijn, of een lijst van verschillende kolomnamen voor een "
     "samengestelde sleutel, bijvoorbeeld {e}"),
    (r"(?P<r>.+) is not a record of a table in (?P<f>.+)\.",
     "{r} is geen record van een tabel in {f}."),
    (r"(?P<k>.+) is not a key of (?P<t>.+)", "{k} is geen sleutel van {t}"),
    (r"'erasure' must be one of (?P<c>.+) \(found (?P<f>.*)\)",
     "'erasure' moet een van {c} zijn (gevonden: {f})"),
    (r"no columns: add \[tables\.columns\.<column>\] sections",
     "geen kolommen: voeg [tables.columns.<kolom>]-secties toe"),
    (r"field name (?P<f>'.*') is used for more than one column",
     "veldnaam {f} wordt voor meer dan één kolom gebruikt"),
    (r"'join' must look like \"customer_id -> customers\.id\"",
     "'join' moet eruitzien als \"customer_id -> customers.id\""),
    (r"no identifiers and no join: the table could never be searched",
     "geen identifiers en geen join: de tabel kan nooit worden doorzocht"),
    (r"joins to (?P<p>'.*'), which is not mapped",
     "verwijst met join naar {p}, die niet in de mapping staat"),
    (r"the joins of (?P<l>.+) form a loop or use an unmapped table",
     "de joins van {l} vormen een kringverwijzing of gebruiken een tabel die niet in de "
     "mapping staat"),
    (r"no tables: add at least one \[\[tables\]\] section",
     "geen tabellen: voeg ten minste één [[tables]]-sectie toe"),
    (r"is mapped more than once", "staat meer dan eens in de mapping"),
    # ---- systems: web server logs ----
    (r"Choose the log file or the folder with the logs\.",
     "Kies het logbestand of de map met de logbestanden."),
    (r"Enter a whole number of days\.", "Vul een geheel aantal dagen in."),
    (r"Enter zero or more days\.", "Vul nul of meer dagen in."),
    (r"The log location (?P<p>.+) does not exist or cannot be read\. Check the path in the "
     r"connector settings\.",
     "De loglocatie {p} bestaat niet of kan niet worden gelezen. Controleer het pad in de "
     "instellingen van het systeem."),
    (r"No log files matching '(?P<g>.*)' in (?P<p>.+)\. Check the folder and the file name "
     r"pattern\.",
     "Geen logbestanden die passen bij '{g}' in {p}. Controleer de map en het "
     "bestandsnaampatroon."),
    (r"(?P<f>.+) is not in Apache/nginx common or combined log format\.",
     "{f} heeft niet het logformaat van Apache/nginx (common of combined)."),
    (r"Cannot open the log file (?P<p>.+): (?P<e>.+)\.",
     "Het logbestand {p} kan niet worden geopend: {e}."),
    (r"The compressed log (?P<f>.+) is damaged \((?P<e>.*)\)\. Repair or remove the file and "
     r"search again\.",
     "Het gecomprimeerde logbestand {f} is beschadigd ({e}). Herstel of verwijder het bestand "
     "en zoek opnieuw."),
    (r"Log lines cannot be erased one by one; they expire on (?P<d>\S+) \((?P<n>\d+) days after "
     r"the last request, kept for security only\)\.",
     "Logregels kunnen niet één voor één worden verwijderd; ze verlopen op {d} ({n} dagen na "
     "het laatste verzoek, alleen bewaard voor de beveiliging)."),
    (r"Log lines cannot be erased one by one; they expire (?P<n>\d+) days after they were "
     r"written\.",
     "Logregels kunnen niet één voor één worden verwijderd; ze verlopen {n} dagen nadat ze "
     "zijn geschreven."),
    (r"The address is truncated and cannot be attributed to one person\.",
     "Het adres is ingekort en kan niet aan één persoon worden toegeschreven."),
    (r"IP addresses are shared and change: check before attributing\.",
     "IP-adressen worden gedeeld en veranderen: controleer dit voordat u ze aan iemand "
     "toeschrijft."),
    # ---- systems: Matomo ----
    (r"Enter site ids as numbers, e\.g\. 1, 3\.",
     "Vul de site-id's in als getallen, bijvoorbeeld 1, 3."),
    (r"Enter at least one site id \(a number above 0\)\.",
     "Vul ten minste één site-id in (een getal groter dan 0)."),
    (r"Enter the Matomo address, e\.g\. https://stats\.example\.nl/",
     "Vul het adres van Matomo in, bijvoorbeeld https://stats.example.nl/"),
    (r"The template must contain \{user_id\}\.", "Het segment moet {{user_id}} bevatten."),
    (r"Enter the time-out in seconds\.", "Vul de time-out in seconden in."),
    (r"No Matomo API token is stored for this connector\. Enter it in the settings\.",
     "Voor dit systeem is geen API-token van Matomo opgeslagen. Vul het in bij de "
     "instellingen."),
    (r"Cannot reach Matomo at (?P<u>\S+) \((?P<r>.*)\)\. Check the address and that the server "
     r"is running\.",
     "Matomo op {u} is niet bereikbaar ({r}). Controleer het adres en of de server draait."),
    (r"The connection to Matomo at (?P<u>\S+) failed \((?P<e>.*)\)\. Try again later\.",
     "De verbinding met Matomo op {u} is mislukt ({e}). Probeer het later opnieuw."),
    (r"Matomo sent an unexpectedly large answer\. Check the address in the settings\.",
     "Matomo stuurde een onverwacht groot antwoord. Controleer het adres in de instellingen."),
    (r"Matomo at (?P<u>\S+) did not answer in time \(time-out\)\. Try again later or raise the "
     r"time-out in the connector settings\.",
     "Matomo op {u} antwoordde niet op tijd (time-out). Probeer het later opnieuw of verhoog "
     "de time-out in de instellingen van het systeem."),
    (r"Matomo refused access \(HTTP (?P<c>\d+)\)\. Check the API token and that its user has "
     r"admin access to the sites\.",
     "Matomo weigerde de toegang (HTTP {c}). Controleer het API-token en of de gebruiker ervan "
     "beheerdersrechten heeft op de sites."),
    (r"No Matomo found at (?P<u>\S+) \(HTTP 404\)\. Check the address\.",
     "Geen Matomo gevonden op {u} (HTTP 404). Controleer het adres."),
    (r"Matomo at (?P<u>\S+) answered with a server error \(HTTP (?P<c>\d+)\)\. Try again later "
     r"or ask the Matomo administrator to check the server log\.",
     "Matomo op {u} antwoordde met een serverfout (HTTP {c}). Probeer het later opnieuw of "
     "vraag de beheerder van Matomo het logboek van de server te controleren."),
    (r"Matomo at (?P<u>\S+) answered (?P<m>\S+) with a web page \(HTML\) instead of data\. "
     r"Check the address \(it must point to the Matomo installation\) and that the "
     r"PrivacyManager plugin is active\.",
     "Matomo op {u} gaf op {m} een webpagina (HTML) terug in plaats van gegevens. Controleer "
     "het adres (het moet naar de installatie van Matomo wijzen) en of de plug-in "
     "PrivacyManager actief is."),
    (r"Matomo at (?P<u>\S+) answered (?P<m>\S+) with something that is not JSON instead of "
     r"data\. Check the address \(it must point to the Matomo installation\) and that the "
     r"PrivacyManager plugin is active\.",
     "Matomo op {u} gaf op {m} iets anders dan JSON terug in plaats van gegevens. Controleer "
     "het adres (het moet naar de installatie van Matomo wijzen) en of de plug-in "
     "PrivacyManager actief is."),
    (r"Matomo refused (?P<m>\S+): (?P<e>.*)", "Matomo weigerde {m}: {e}"),
    (r"Matomo answered (?P<m>\S+) in an unexpected shape\. Check the Matomo version\.",
     "Matomo gaf op {m} een antwoord in een onverwachte vorm. Controleer de versie van Matomo."),
    (r"Matomo answered (?P<m>\S+) in an unexpected shape\.",
     "Matomo gaf op {m} een antwoord in een onverwachte vorm."),
    (r"Matomo returned a visit without a valid idVisit\. Check the Matomo version\.",
     "Matomo gaf een bezoek terug zonder geldige idVisit. Controleer de versie van Matomo."),
    (r"Matomo stores this address truncated by two octets; not attributable\.",
     "Matomo bewaart dit adres ingekort met twee octetten; niet toe te schrijven aan één "
     "persoon."),
    (r"Matched on a full IP address only; shared addresses: check before use\.",
     "Alleen gevonden op een volledig IP-adres; adressen worden gedeeld: controleer dit vóór "
     "gebruik."),
    (r"Not attributable to the person \(IP address truncated\)\.",
     "Niet toe te schrijven aan de betrokkene (IP-adres ingekort)."),
    (r"Not done: cancelled\.", "Niet uitgevoerd: geannuleerd."),
    (r"Not a Matomo visit reference\.", "Geen verwijzing naar een bezoek in Matomo."),
    (r"The visit was no longer present in Matomo\.", "Het bezoek stond al niet meer in Matomo."),
    # ---- systems: mailbox ----
    (r"Choose a folder of \.eml files, an mbox or IMAP\.",
     "Kies een map met .eml-bestanden, een mbox-bestand of IMAP."),
    (r"Choose the mail folder or mbox file\.", "Kies de e-mailmap of het mbox-bestand."),
    (r"Enter the port and time-out as numbers\.", "Vul de poort en de time-out in als getallen."),
    (r"Enter the IMAP server and user name\.", "Vul de IMAP-server en de gebruikersnaam in."),
    (r"This message could not be read: check it by hand\.",
     "Dit bericht kon niet worden gelezen: controleer het met de hand."),
    (r"E-mail cannot be erased from Privacy Desk: delete the message by hand in the mail client "
     r"\(also copies in Sent, Archive and Trash\) if erasure is granted\.",
     "E-mail kan niet vanuit Privacy Desk worden verwijderd: verwijder het bericht met de hand "
     "in het e-mailprogramma (ook de kopieën in Verzonden, Archief en Prullenbak) als het "
     "verzoek om verwijdering wordt toegewezen."),
    (r"The mail folder (?P<p>.+) does not exist\. Check the path in the settings\.",
     "De e-mailmap {p} bestaat niet. Controleer het pad in de instellingen."),
    (r"Cannot read (?P<p>.+): (?P<e>.+)\.", "{p} kan niet worden gelezen: {e}."),
    (r"The mbox file (?P<p>.+) does not exist\. Check the path in the settings\.",
     "Het mbox-bestand {p} bestaat niet. Controleer het pad in de instellingen."),
    (r"The IMAP server refused a command: (?P<e>.*)", "De IMAP-server weigerde een opdracht: {e}"),
    (r"The IMAP server did not answer in time \(time-out\)\.",
     "De IMAP-server antwoordde niet op tijd (time-out)."),
    (r"The IMAP connection failed \((?P<e>.*)\)\. Try again\.",
     "De verbinding met de IMAP-server is mislukt ({e}). Probeer het opnieuw."),
    (r"The IMAP server (?P<w>\S+) did not answer in time\.",
     "De IMAP-server {w} antwoordde niet op tijd."),
    (r"Cannot reach the IMAP server (?P<w>\S+) \((?P<e>.*)\)\. Check server, port and SSL\.",
     "De IMAP-server {w} is niet bereikbaar ({e}). Controleer server, poort en SSL."),
    (r"The IMAP server refused the login\. Check the user name and password\.",
     "De IMAP-server weigerde de aanmelding. Controleer de gebruikersnaam en het wachtwoord."),
    (r"The IMAP folder '(?P<f>.*)' does not exist\.", "De IMAP-map '{f}' bestaat niet."),
    (r"The IMAP login at (?P<w>\S+) failed \((?P<e>.*)\)\.",
     "Aanmelden bij de IMAP-server {w} is mislukt ({e})."),
    # ---- systems: document folder ----
    (r"Choose the folder with the documents\.", "Kies de map met de documenten."),
    (r"Enter the maximum size in MB\.", "Vul de maximale grootte in MB in."),
    (r"The folder (?P<p>.+) does not exist or cannot be read\. Check the path in the connector "
     r"settings\.",
     "De map {p} bestaat niet of kan niet worden gelezen. Controleer het pad in de "
     "instellingen van het systeem."),
    (r"Files are not erased from here: remove or redact the file by hand if erasure is "
     r"granted\.",
     "Bestanden worden niet vanuit hier verwijderd: verwijder het bestand of maak de gegevens "
     "erin onleesbaar als het verzoek om verwijdering wordt toegewezen."),
    (r"File too large to read: check this file by hand\.",
     "Bestand te groot om te lezen: controleer dit bestand met de hand."),
    (r"No text layer \(a scan\): check this file by hand\.",
     "Geen tekstlaag (een scan): controleer dit bestand met de hand."),
    (r"Could not be opened \((?P<e>.*)\): check this file by hand\.",
     "Kon niet worden geopend ({e}): controleer dit bestand met de hand."),
    (r"Damaged or unreadable file: check this file by hand\.",
     "Beschadigd of onleesbaar bestand: controleer dit bestand met de hand."),
)  # fmt: skip
