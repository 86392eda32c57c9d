"""Dutch public holidays of the Algemene termijnenwet and working-day arithmetic."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from types import MappingProxyType
from typing import Final

from dateutil.easter import easter

# The Algemene termijnenwet (art. 3) lists these days. The current rules (Koningsdag since 2014,
# 5 May every year) are applied to every year: the GDPR applies from 25 May 2018, so older years
# never carry a deadline in this application.
NEW_YEAR: Final = "Nieuwjaarsdag"
GOOD_FRIDAY: Final = "Goede Vrijdag"
EASTER_MONDAY: Final = "Tweede Paasdag"
KINGS_DAY: Final = "Koningsdag"
LIBERATION_DAY: Final = "Bevrijdingsdag"
ASCENSION_DAY: Final = "Hemelvaartsdag"
WHIT_MONDAY: Final = "Tweede Pinksterdag"
CHRISTMAS_DAY: Final = "Eerste Kerstdag"
BOXING_DAY: Final = "Tweede Kerstdag"

_SATURDAY: Final = 5
_ONE_DAY: Final = timedelta(days=1)
_NO_EXTRA: Final[frozenset[date]] = frozenset()


@lru_cache(maxsize=256)
def _holidays(year: int) -> MappingProxyType[date, str]:
    """Computed once per year: the deadline overview asks for thousands of days at a time."""
    easter_sunday = easter(year)
    kings_day = date(year, 4, 27)
    if kings_day.weekday() == 6:
        # Koningsdag moves to Saturday 26 April when 27 April is a Sunday.
        kings_day = date(year, 4, 26)
    days: dict[date, str] = {}
    for day, name in (
        (date(year, 1, 1), NEW_YEAR),
        (easter_sunday - timedelta(days=2), GOOD_FRIDAY),
        (easter_sunday + timedelta(days=1), EASTER_MONDAY),
        (kings_day, KINGS_DAY),
        (date(year, 5, 5), LIBERATION_DAY),
        (easter_sunday + timedelta(days=39), ASCENSION_DAY),
        (easter_sunday + timedelta(days=50), WHIT_MONDAY),
        (date(year, 12, 25), CHRISTMAS_DAY),
        (date(year, 12, 26), BOXING_DAY),
    ):
        # Ascension Day can fall on 5 May (as in 2016); the day then carries both names.
        days[day] = f"{days[day]} en {name}" if day in days else name
    return MappingProxyType(dict(sorted(days.items())))


def dutch_holidays(year: int) -> dict[date, str]:
    """Return the general holidays of the Algemene termijnenwet in ``year``, date -> Dutch name.

    Easter Sunday and Whit Sunday are left out: they are Sundays, which never count as working
    days anyway. The result is a fresh dict, sorted by date, that the caller may change.
    """
    return dict(_holidays(year))


def holiday_name(d: date) -> str | None:
    """The Dutch name of the statutory holiday on ``d``, or None on any other day."""
    return _holidays(d.year).get(d)


def is_working_day(d: date, extra: frozenset[date] = _NO_EXTRA) -> bool:
    """False on Saturdays, Sundays, statutory holidays and the ``extra`` days set by decree."""
    if d.weekday() >= _SATURDAY:
        return False
    return d not in _holidays(d.year) and d not in extra


def next_working_day(d: date, extra: frozenset[date] = _NO_EXTRA) -> date:
    """``d`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(d, extra):
        d += _ONE_DAY
    return d


def previous_working_day(d: date, extra: frozenset[date] = _NO_EXTRA) -> date:
    """``d`` itself when it is a working day, else the last working day before it."""
    while not is_working_day(d, extra):
        d -= _ONE_DAY
    return d
