"""Reading cases: the filtered, sorted, paged case list (in SQL); the detail view is in
case_detail."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import (
    Integer,
    String,
    and_,
    any_,
    bindparam,
    cast,
    func,
    literal_column,
    select,
    table,
    text,
)

from app.core.errors import ValidationError
from app.core.i18n import _
from app.core.status import OPEN_STATUSES
from app.core.validation import full_name, search_needle
from app.data import plain_tables as t
from app.data import search_index
from app.data.database import Database
from app.services.dto import CaseFilter, CasePage, CaseRow
from app.services.paused import paused_dates_for

NO_FILTER = CaseFilter()

# Core views, not the models: the case list and the overview are read before the first paint,
# and importing the models and the ORM cost start-up about 100 ms (issue 15).
_cases = t.case_file.c
_people = t.requester.c
_counter = t.reference_counter.c

SORT_COLUMNS = {
    "reference": (_cases.year, _cases.seq),
    "received": (_cases.received_on, _cases.id),
    "requester": (_people.last_name, _people.first_name, _cases.id),
    "types": (_cases.type_codes, _cases.id),
    "status": (_cases.status, _cases.id),
    "legal": (_cases.legal_due_on, _cases.id),
    "due": (_cases.effective_due_on, _cases.id),
    "days_left": (_cases.effective_due_on, _cases.id),
    "assigned": (_cases.assigned_to, _cases.id),
}


def _text_condition(needle: str, dialect: str) -> tuple[Any, dict[str, Any]]:
    """The search for ``needle`` (folded) as a condition and its parameters, served by the search
    index (see app.data.search_index).

    Three characters or more: anywhere in the reference, name, postcode, e-mail or city, through
    the FTS5 trigram table (SQLite) or the pg_trgm index (PostgreSQL); elsewhere a LIKE scan.
    Shorter: a number finds the case with that sequence number (AVG-2026-0007 for "7"), letters
    the surnames that start with them; both through b-tree indexes.
    """
    short = len(needle) < search_index.MIN_TRIGRAM
    if short and needle.isdigit():
        return _numbered(), {"seq": int(needle)}
    _probe, narrow, _test = _shapes(dialect, short)
    return narrow, _params(needle, dialect, short)


_FTS = table(search_index.FTS_TABLE)


def _other_conditions(flt: CaseFilter) -> list[Any]:
    conditions: list[Any] = []
    if flt.statuses:
        conditions.append(_cases.status.in_(flt.statuses))
    if flt.open_only:
        conditions.append(_cases.status.in_([s.value for s in OPEN_STATUSES]))
    if flt.request_type:
        conditions.append(_cases.type_codes.like(f"%,{flt.request_type},%"))
    if flt.received_from is not None:
        conditions.append(_cases.received_on >= flt.received_from)
    if flt.received_to is not None:
        conditions.append(_cases.received_on <= flt.received_to)
    return conditions


# A search per keystroke counts its matches up to this many and then says "more than": counting
# and sorting 25,000 namesakes per keystroke costs over a second at 1,000,000 cases.
SEARCH_CAP = 1000
# Past the cap the first page is found by walking the sort order's index and testing each case;
# below it, by sorting the matches. A walk reads about page x cases / matches rows (8,000 for
# 200 rows of a name 1 case in 40 has), a sort reads every match: at 1,000,000 cases the two
# cost the same near 15,000 matches, but the probe that tells which side a search is on costs
# as many rows as it may read (PostgreSQL rechecks each), so the cap decides both.

# Sort orders an index serves in the order the case list asks for (ties broken by id, which is
# the row id in SQLite's indexes; PostgreSQL sorts the few equal dates of a page).
_WALKABLE = frozenset({"received", "reference"})


@dataclass(frozen=True)
class _Search:
    """How one search is run, chosen from a cheap probe of the index (at most cap + 1 keys, in
    index order, no sort).

    Few matches: their ids are known; the page sorts just those. Many: the page walks the sort
    order's index and tests each case against the text (``test``: an expression no index
    serves, so that the database does not prefer collecting and sorting every match).
    """

    narrow: Any  # the condition that names the matches (ids; a subquery for many)
    test: Any = None  # many matches: the condition for a walk
    matched: int | None = None  # how many cases match the text, when known exactly
    params: dict[str, Any] | None = None  # values of the condition's bound parameters

    @property
    def many(self) -> bool:
        return self.test is not None


@cache
def _first_page(condition: Any, sort: str, descending: bool, limit: int) -> Any:
    """The first page for a condition built once (bound parameters): a statement used again
    is neither built nor keyed again, which is most of a sub-millisecond search's time."""
    return _row_query().where(condition).order_by(*_order(sort, descending)).limit(limit)


@cache
def _numbered() -> Any:
    """The cases with sequence number ``:seq``, one per year (built once: a keystroke then
    costs no statement building; the same condition as ``_text_condition`` for a number)."""
    years = select(_counter.year).scalar_subquery()
    return and_(_cases.year.in_(years), _cases.seq == bindparam("seq"))


def _unindexed(column: Any) -> Any:
    """``column`` as an expression no index serves (``column || ''``), for a walk."""
    return column.concat("")


@cache
def _ids(column: Any, dialect: str) -> Any:
    """``column`` is one of the ids in parameter ``:ids`` (up to the cap), one parameter for
    them all (see ``_listed``); built once per column and dialect."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import ARRAY  # only on PostgreSQL (import cost)

        return column == any_(cast(bindparam("ids", type_=String), ARRAY(Integer)))
    listed: Any = select(literal_column("value")).select_from(
        func.json_each(bindparam("ids", type_=String))
    )
    return column.in_(listed)


def _listed(values: Sequence[int], dialect: str) -> str:
    """The ids as the one text parameter ``_ids`` reads: "{1,2,3}" (PostgreSQL casts it to an
    array; psycopg's array dumper costs about 1 microsecond per id in Python, a third of a small
    search's time) or "[1,2,3]" (SQLite's json_each)."""
    joined = ",".join(map(str, values))
    return "{" + joined + "}" if dialect == "postgresql" else "[" + joined + "]"


def _like_pattern(needle: str) -> str:
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@cache
def _shapes(dialect: str, short: bool) -> tuple[Any, Any, Any]:
    """The statements of a keystroke's search, built once per dialect and needle length (bound
    parameters: a statement used again is neither built nor keyed again): the probe (ids of the
    first cap + 1 matches, in index order, no sort), the condition that names every match
    (``narrow``) and the one a walk tests each case with (``test``, an expression no index
    serves, so that the database does not prefer collecting and sorting every match).

    Short (under 3 characters): the surnames starting with ``:lo`` (``:hi`` is ``:lo`` + the
    highest code point). Else ``:pattern`` (LIKE) and, on SQLite, ``:phrase`` (FTS5 MATCH)."""
    if short:
        key = _people.name_key
        starts = and_(key >= bindparam("lo", type_=String), key < bindparam("hi", type_=String))
        # In index order: PostgreSQL then reads the b-tree and stops after cap + 1 keys; unordered
        # it collects every match in a bitmap first (4.2 against 0.7 ms for "vo" at 1,000,000).
        probe: Any = select(_people.id).where(starts).order_by(key)
        narrow: Any = _cases.requester_id.in_(select(_people.id).where(starts))
        loose = _unindexed(key)
        test: Any = and_(
            loose >= bindparam("lo", type_=String), loose < bindparam("hi", type_=String)
        )
    else:
        pattern = bindparam("pattern", type_=String)
        if dialect == "sqlite":
            matching = literal_column(search_index.FTS_TABLE).op("MATCH")(
                bindparam("phrase", type_=String)
            )
            probe = select(literal_column("rowid")).select_from(_FTS).where(matching)
            narrow = _cases.id.in_(probe)
        else:
            narrow = _cases.search_text.like(pattern, escape="\\")
            probe = select(_cases.id).where(narrow)
        test = _unindexed(_cases.search_text).like(pattern, escape="\\")
    return probe.limit(bindparam("probe_limit", type_=Integer)), narrow, test


def _params(needle: str, dialect: str, short: bool) -> dict[str, Any]:
    """The values of ``_shapes``' parameters for ``needle``."""
    if short:
        return {"lo": needle, "hi": needle + "\U0010ffff"}
    params = {"pattern": _like_pattern(needle)}
    if dialect == "sqlite":
        params["phrase"] = search_index.fts_phrase(needle)
    return params


def _plan(session: Any, needle: str, dialect: str, cap: int) -> _Search:
    short = len(needle) < search_index.MIN_TRIGRAM
    if (short and needle.isdigit()) or (not short and dialect not in ("sqlite", "postgresql")):
        # A number: one case per year at most, the page reads (year, seq). No trigram index
        # (MariaDB): one scan per question.
        condition, params = _text_condition(needle, dialect)
        return _Search(condition, params=params)
    probe, narrow, test = _shapes(dialect, short)
    params = _params(needle, dialect, short)
    found = session.scalars(probe, {**params, "probe_limit": cap + 1}).all()
    if len(found) <= cap:
        column = _cases.requester_id if short else _cases.id
        listed = {"ids": _listed(found, dialect)}
        return _Search(_ids(column, dialect), matched=None if short else len(found), params=listed)
    return _Search(narrow, test=test, params=params)


@contextmanager
def _walking(session: Any, dialect: str, walk: bool) -> Iterator[None]:
    """PostgreSQL's planner, which cannot estimate how soon a walk finds its page, is told to
    walk the sort order's index for this one query (SQLite chooses the walk by itself)."""
    if not (walk and dialect == "postgresql"):
        yield
        return
    # Starting parallel workers also costs more than a walk of a few thousand rows needs.
    settings = ("enable_seqscan", "enable_bitmapscan", "max_parallel_workers_per_gather")
    session.execute(text("SELECT " + ", ".join(f"set_config('{s}', '0', true)" for s in settings)))
    yield
    session.execute(text("SELECT " + ", ".join(f"set_config('{s}', NULL, true)" for s in settings)))


def count_cases(db: Database, *, flt: CaseFilter = NO_FILTER) -> int:
    """How many cases match, exactly (for a capped count per keystroke see ``search_cases``)."""
    query = select(func.count(_cases.id)).where(*_other_conditions(flt))
    params: dict[str, Any] = {}
    needle = search_needle(flt.text)
    if needle:
        condition, params = _text_condition(needle, db.engine.dialect.name)
        query = query.where(condition)
    with db.reading() as conn:
        return int(conn.scalar(query, params) or 0)


def list_cases(
    db: Database,
    *,
    flt: CaseFilter = NO_FILTER,
    sort: str = "reference",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 200,
) -> list[CaseRow]:
    """One page of the case list, filtered and sorted in SQL (scales to 1,000,000 cases)."""
    return search_cases(
        db, flt=flt, sort=sort, descending=descending, offset=offset, limit=limit, count=False
    ).rows


def search_cases(
    db: Database,
    *,
    flt: CaseFilter = NO_FILTER,
    sort: str = "received",
    descending: bool = True,
    offset: int = 0,
    limit: int | None = 200,
    cap: int = SEARCH_CAP,
    count: bool = True,
) -> CasePage:
    """A page of the case list and the number of matches, in one session.

    Without search text the count is exact. With it, a search matching more than ``cap`` cases
    is counted as "more than ``cap``" and its page is found by walking the sort order (see
    ``_Search``); one matching fewer is counted exactly and its matches sorted.
    """
    if sort not in SORT_COLUMNS:
        raise ValidationError({"sort": _("Unknown sort column '{sort}'.", sort=sort)})
    dialect = db.engine.dialect.name
    needle = search_needle(flt.text)
    others = _other_conditions(flt)
    order = _order(sort, descending)
    with db.reading() as session:
        search = _plan(session, needle, dialect, cap) if needle else None
        walk = search is not None and search.many and sort in _WALKABLE and limit is not None
        if search is None:
            condition = None
        elif not search.many:
            condition = search.narrow
        elif walk:
            condition = search.test
        else:  # no index gives this order, or the whole list: collect the matches, then sort
            condition = search.narrow
        params = (search.params if search is not None else None) or {}
        if params and not others and offset == 0 and limit is not None:
            query = _first_page(condition, sort, descending, limit)  # a number: built once
        else:
            query = _row_query().where(*others).order_by(*order).offset(offset)
            if condition is not None:
                query = query.where(condition)
            if limit is not None:
                query = query.limit(limit)
        with _walking(session, dialect, walk):
            rows = _rows(session.execute(query, params).all())
        if not count:
            return CasePage(rows, len(rows))
        if offset == 0 and (limit is None or len(rows) < limit):
            return CasePage(rows, len(rows))  # the page holds every match: that is the count
        if search is None:
            total = session.scalar(select(func.count(_cases.id)).where(*others))
            return CasePage(rows, int(total or 0))
        if search.matched is not None and not others:
            return CasePage(rows, min(search.matched, cap), more=search.matched > cap)
        if search.many and not others:
            return CasePage(rows, cap, more=True)
        matching = select(_cases.id).where(search.narrow, *others).limit(cap + 1)
        counted = select(func.count()).select_from(matching.subquery())
        found = int(session.scalar(counted, params) or 0)
        return CasePage(rows, min(found, cap), more=found > cap)


@cache
def _order(sort: str, descending: bool) -> tuple[Any, ...]:
    """Paused cases have no due date: keep them after the dated ones in either direction. Only
    a column that can be empty says so: "NULLS LAST" on a column that is never empty would
    keep PostgreSQL from reading a descending order off an ascending index."""
    order = []
    for column in SORT_COLUMNS[sort]:
        term = column.desc() if descending else column.asc()
        nullable = (getattr(column.table, "name", None), column.name) in t.NULLABLE
        order.append(term.nulls_last() if nullable else term)
    return tuple(order)


@cache
def _row_query() -> Any:
    """The case list's columns (built once: a statement is immutable, every use copies it).
    Plain table columns, not the ORM's annotated ones: matching annotated result columns to the
    cached statement costs more than the query itself for a small page."""
    c, r = _cases, _people
    return select(
        c.id, c.reference, c.received_on, r.first_name, r.initials, r.name_prefix, r.last_name,
        r.postcode, r.city, c.type_codes, c.status, c.promise_on, c.post_by_on, c.legal_due_on,
        c.extended_due_on, c.effective_due_on, c.paused, c.assigned_to, c.version,
        c.ultimatum_on,
    ).join(t.requester, r.id == c.requester_id)  # fmt: skip


# Values many rows repeat (dates, type tuples, status, city, officer) are shared between rows
# instead of one object per row: 100,000 listed cases hold a few thousand date objects, not
# half a million. Bounded: emptied when it grows past _SHARED_MAX (the objects stay valid).
_SHARED: dict[Any, Any] = {}
_SHARED_MAX = 50_000


def _rows(rows: Sequence[Any]) -> list[CaseRow]:
    """The page's rows as CaseRows; one pass, shared values looked up without a call each (a
    page is built per keystroke)."""
    if len(_SHARED) > _SHARED_MAX:
        _SHARED.clear()
    share = _SHARED.setdefault  # share(None, None) is None: no test needed
    out = []
    for row in rows:
        (
            case_id, reference, received_on, first_name, initials, name_prefix, last_name,
            postcode, city, type_codes, status, promise_on, post_by_on, legal_due_on,
            extended_due_on, effective_due_on, paused, assigned_to, version, ultimatum_on,
        ) = row  # fmt: skip
        types = _SHARED.get(("types", type_codes))
        if types is None:
            types = tuple(share(t, t) for t in type_codes.split(",") if t)
            types = share(("types", type_codes), share(types, types))
        out.append(
            CaseRow(
                id=case_id,
                reference=reference,
                received_on=share(received_on, received_on),
                requester_name=full_name(first_name, initials, name_prefix, last_name),
                postcode=postcode,
                city=share(city, city),
                types=types,
                status=share(status, status),
                promise_on=share(promise_on, promise_on),
                post_by_on=share(post_by_on, post_by_on),
                legal_due_on=share(legal_due_on, legal_due_on),
                extended_due_on=share(extended_due_on, extended_due_on),
                effective_due_on=share(effective_due_on, effective_due_on),
                paused=paused,
                assigned_to=share(assigned_to, assigned_to),
                version=version,
                ultimatum_on=ultimatum_on,
            )
        )
    return out


def deadline_groups(
    db: Database, *, today: date, limit: int = 500
) -> dict[str, tuple[int, list[CaseRow]]]:
    """Open cases per urgency (overdue, due_soon, later, paused): the count and the first rows.

    Counted and limited in SQL, so the overview stays fast with many thousands of open cases.
    """
    soon = today + timedelta(days=7)
    conditions = {
        "overdue": and_(_cases.paused.is_(False), _cases.effective_due_on < today),
        "due_soon": and_(
            _cases.paused.is_(False),
            _cases.effective_due_on >= today,
            _cases.effective_due_on <= soon,
        ),
        "later": and_(_cases.paused.is_(False), _cases.effective_due_on > soon),
        "paused": _cases.paused.is_(True),
    }
    open_only = _cases.status.in_([s.value for s in OPEN_STATUSES])
    result: dict[str, tuple[int, list[CaseRow]]] = {}
    with db.reading() as conn:
        for name, condition in conditions.items():
            count = conn.scalar(select(func.count(_cases.id)).where(open_only, condition))
            order = (
                (_cases.year, _cases.seq)
                if name == "paused"
                else (_cases.effective_due_on, _cases.id)
            )
            query = _row_query().where(open_only, condition).order_by(*order).limit(limit)
            rows = _rows(conn.execute(query).all())
            if name == "paused":  # the dates of a paused case, as if the clock resumed today
                found = paused_dates_for(conn, [r.id for r in rows], today)
                rows = [replace(r, paused_dates=found.get(r.id)) for r in rows]
            result[name] = (int(count or 0), rows)
    return result


def open_cases_for_overview(db: Database) -> list[CaseRow]:
    """Every open case (for the deadline overview and the start-up banner)."""
    return list_cases(db, flt=CaseFilter(open_only=True), sort="due", limit=None)
