"""Art. 20 export: the confirmed findings of a case as JSON and CSV with a bilingual README."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.enums import FindingReview
from app.core.spreadsheet import csv_writer
from app.data.models import Finding

CSV_COLUMNS: Final = (
    "system",
    "record",
    "location",
    "field",
    "value",
    "category",
    "match",
    "match_strength",
)


@dataclass(frozen=True)
class PortableRecord:
    system: str
    record: str
    location: str
    categories: tuple[str, ...]
    match: str  # the kind of identifier that matched: email, customer_number, ...
    match_strength: str
    fields: tuple[tuple[str, str], ...]


def confirmed_records(session: Session, case_id: int) -> list[PortableRecord]:
    """Only findings the officer confirmed: weak matches never leave the house unreviewed."""
    rows = session.scalars(
        select(Finding)
        .where(Finding.case_id == case_id, Finding.review == FindingReview.CONFIRMED)
        .order_by(Finding.system, Finding.id)
    )
    return [
        PortableRecord(
            system=f.system,
            record=f.record_id,
            location=f.location,
            categories=tuple(str(c) for c in f.categories or ()),
            match=f.matched_kind,
            match_strength=f.strength,
            fields=tuple(
                (str(k), "" if v is None else str(v)) for k, v in (f.fields or {}).items()
            ),
        )
        for f in rows
    ]


README: Final = """\
Uw persoonsgegevens / Your personal data
========================================

Kenmerk / Reference: {reference}
Verwerkingsverantwoordelijke / Controller: {organisation}
Gemaakt op / Created: {created}
Aantal records / Number of records: {count}

NEDERLANDS

Dit bestand is de export van uw persoonsgegevens op grond van artikel 20 AVG (recht op
gegevensoverdraagbaarheid). Het bevat de gegevens die wij in onze systemen over u vonden en
die wij hebben gecontroleerd. De gegevens staan er twee keer in, in gangbare formaten:

  data.json   alle records, per record de velden bij elkaar (UTF-8, JSON)
  data.csv    één regel per veld, te openen in een spreadsheet (UTF-8, komma als scheidingsteken)
              een waarde die begint met = + - @ heeft daar een ' ervoor, zodat een spreadsheet
              haar niet als formule uitvoert; data.json bevat de waarden ongewijzigd

Betekenis van de velden:
  system          het systeem waarin de gegevens zijn gevonden
  record          de sleutel van het record in dat systeem
  location        de tabel, map of het bestand in dat systeem
  field           de naam van het gegeven (bijvoorbeeld "email")
  value           de waarde zoals die in het systeem staat
  category        de categorie(ën) persoonsgegevens, gescheiden door "; "
  match           het gegeven waarmee het record aan u is gekoppeld:
                  email = e-mailadres, customer_number = klantnummer, phone = telefoon,
                  postcode_house_number = postcode en huisnummer, name_birth_date = naam en
                  geboortedatum, ip_address = IP-adres, name = naam, user_id = gebruikersnaam
  match_strength  strong = gekoppeld via een uniek gegeven; weak = gekoppeld via een gegeven dat
                  niet uniek is en door ons handmatig is gecontroleerd

ENGLISH

This file is the export of your personal data under Article 20 GDPR (right to data
portability). It holds the data we found about you in our systems and checked. The data is
given twice, in common formats:

  data.json   all records, each record with its fields together (UTF-8, JSON)
  data.csv    one line per field, opens in a spreadsheet (UTF-8, comma separated)
              a value starting with = + - @ has a ' in front there, so that a spreadsheet
              does not run it as a formula; data.json holds the values unaltered

Meaning of the fields:
  system          the system in which the data was found
  record          the key of the record in that system
  location        the table, folder or file in that system
  field           the name of the data item (for example "email")
  value           the value as stored in the system
  category        the category or categories of personal data, separated by "; "
  match           the data item that linked the record to you:
                  email = e-mail address, customer_number = customer number, phone = phone,
                  postcode_house_number = postcode and house number, name_birth_date = name and
                  date of birth, ip_address = IP address, name = name, user_id = user name
  match_strength  strong = linked through a unique identifier; weak = linked through an item
                  that is not unique and checked by hand by us
"""


def _json_bytes(
    reference: str, organisation: str, created: datetime, records: Sequence[PortableRecord]
) -> bytes:
    payload: dict[str, Any] = {
        "format": "privacy-desk-portability/1",
        "reference": reference,
        "controller": organisation,
        "created": created.isoformat(),
        "records": [
            {
                "system": r.system,
                "record": r.record,
                "location": r.location,
                "categories": list(r.categories),
                "match": r.match,
                "match_strength": r.match_strength,
                "fields": dict(r.fields),
            }
            for r in records
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")


def _csv_bytes(records: Sequence[PortableRecord]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv_writer(buffer)  # quoted, formulas neutralised; data.json keeps exact values
    writer.writerow(CSV_COLUMNS)
    for r in records:
        for name, value in r.fields:
            writer.writerow(
                [
                    r.system,
                    r.record,
                    r.location,
                    name,
                    value,
                    "; ".join(r.categories),
                    r.match,
                    r.match_strength,
                ]
            )
    return buffer.getvalue().encode("utf-8-sig")


def write_portability_zip(
    path: Path,
    *,
    reference: str,
    organisation: str,
    created: datetime,
    records: Sequence[PortableRecord],
) -> None:
    """ZIP with data.json, data.csv and README.txt (Dutch and English)."""
    readme = README.format(
        reference=reference,
        organisation=organisation,
        created=created.strftime("%Y-%m-%d %H:%M UTC"),
        count=len(records),
    )
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme.encode("utf-8"))
        archive.writestr("data.json", _json_bytes(reference, organisation, created, records))
        archive.writestr("data.csv", _csv_bytes(records))
