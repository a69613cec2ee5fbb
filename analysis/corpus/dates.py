"""Dates as people write them: ``dd/mm/yyyy``, Arabic and English month names → ISO 8601.

Spreadsheets and web exports of Arabic news rarely hold ISO dates. :func:`parse_date`
reads the common forms and returns ISO 8601 text (``2016-09-09``, with the time when one
is given: ``2016-09-09T10:30``), or ``None`` when the value is not a date it can read with
confidence. The readers then leave ``published`` empty and say so; an unreadable date is
never a reason to drop an article.

Forms read (digits may be Arabic-Indic ``٠–٩`` or Persian ``۰–۹``; a weekday name or other
words around the date are ignored):

- ``dd/mm/yyyy``, ``dd-mm-yyyy``, ``dd.mm.yyyy`` (the day first, as in most of the Arab
  world); ``mm/dd/yyyy`` only when the second number cannot be a month (``09/23/2016``);
- ``yyyy/mm/dd``, ``yyyy.mm.dd`` (``yyyy-mm-dd`` is ISO and never reaches this module);
- ``9 سبتمبر 2016``, ``9 أيلول 2016``, ``9 جويلية 2016`` and ``9 September 2016``,
  ``September 9, 2016``, ``9 Sep 2016``: the month names of :data:`MONTH_NAMES` (the
  Egyptian and Gulf names, the Levantine and Iraqi names, the Maghreb names, English);
- an optional time ``HH:MM`` or ``HH:MM:SS`` after the date, with ``ص``/``م`` or
  ``am``/``pm`` read as a 12-hour clock.

Examples
--------
>>> parse_date("09/09/2016"), parse_date("الجمعة ٩ أيلول ٢٠١٦"), parse_date("yesterday")
('2016-09-09', '2016-09-09', None)
"""

from __future__ import annotations

import re
from datetime import datetime

__all__ = ["MONTH_NAMES", "parse_date"]

# -- data -----------------------------------------------------------------------------------
#: Month number by name. Arabic names are given as written most often; alef forms with a
#: hamza or madda are folded before matching, so أبريل and ابريل are one key.
MONTH_NAMES: dict[str, int] = {
    # Egyptian / Gulf (transliterated Latin names)
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6,
    "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10,
    "نوفمبر": 11, "ديسمبر": 12,
    # Levant and Iraq (Syriac names)
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6,
    "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11,
    "كانون الأول": 12,
    # Maghreb (French names)
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "أوت": 8,
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
_ALEF = {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627"}  # أ إ آ → ا
_FOLD = str.maketrans({**_DIGITS, **_ALEF, "\u0640": "", "\u060c": ","})  # tatweel, Arabic comma
_MARKS = re.compile("[\u064b-\u065f\u0670]")  # harakat, shadda, sukun, superscript alef


# -- logic ----------------------------------------------------------------------------------
def _fold(text: str) -> str:
    return _MARKS.sub("", text.translate(_FOLD)).casefold()


_NAMES = {_fold(name): number for name, number in MONTH_NAMES.items()}
_MONTH = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(_NAMES, key=len, reverse=True))
_TIME = r"(?:[\sT,\-]+(?P<hh>\d{1,2}):(?P<mi>\d{2})(?::(?P<ss>\d{2}))?(?:\s*(?P<half>am|pm|ص|م)(?![^\W\d_]))?)?"
# A name must not be part of a longer word ("ماي" in "مايو", "mar" in "march").
_EDGE_L, _EDGE_R = r"(?<![^\W\d_])", r"(?![^\W\d_])"
_PATTERNS = (
    ("dmy", re.compile(rf"(?<!\d)(?P<a>\d{{1,2}})\s*[/.\-]\s*(?P<b>\d{{1,2}})\s*[/.\-]\s*(?P<y>\d{{4}})(?!\d){_TIME}")),
    ("ymd", re.compile(rf"(?<!\d)(?P<y>\d{{4}})\s*[/.]\s*(?P<b>\d{{1,2}})\s*[/.]\s*(?P<a>\d{{1,2}})(?!\d){_TIME}")),
    ("d_name_y", re.compile(rf"(?<!\d)(?P<a>\d{{1,2}})\s*(?:-\s*)?{_EDGE_L}(?P<name>{_MONTH}){_EDGE_R}"
                            rf"\s*[,\-]?\s*(?P<y>\d{{4}})(?!\d){_TIME}")),
    ("name_d_y", re.compile(rf"{_EDGE_L}(?P<name>{_MONTH}){_EDGE_R}\.?\s+(?P<a>\d{{1,2}})(?:st|nd|rd|th)?"
                            rf"\s*,?\s*(?P<y>\d{{4}})(?!\d){_TIME}")),
)


def _iso(year: int, month: int, day: int, match: re.Match) -> str | None:
    try:
        stamp = datetime(year, month, day)
    except ValueError:
        return None
    if match.group("hh") is None:
        return stamp.date().isoformat()
    hour = int(match.group("hh"))
    if match.group("half") in ("pm", "م") and hour < 12:  # م: masa'an, evening
        hour += 12
    elif match.group("half") in ("am", "ص") and hour == 12:
        hour = 0
    try:
        stamp = stamp.replace(hour=hour, minute=int(match.group("mi")),
                              second=int(match.group("ss") or 0))
    except ValueError:
        return stamp.date().isoformat()
    return stamp.isoformat(timespec="seconds" if match.group("ss") else "minutes")


def parse_date(value: str) -> str | None:
    """ISO 8601 text for a date written in a common non-ISO form, or ``None``.

    Parameters
    ----------
    value : str
        The cell as stored (``"09/09/2016"``, ``"9 سبتمبر 2016 10:30"``).

    Returns
    -------
    str or None
        ``YYYY-MM-DD``, or ``YYYY-MM-DDTHH:MM[:SS]`` when a time follows the date; ``None``
        for text that holds no date in a known form, or an impossible one (31/02/2018).

    Examples
    --------
    >>> parse_date("23/09/2016"), parse_date("09/23/2016"), parse_date("2016/09/23")
    ('2016-09-23', '2016-09-23', '2016-09-23')
    >>> parse_date("9 تشرين الأول 2018 - 14:05"), parse_date("September 9, 2016")
    ('2018-10-09T14:05', '2016-09-09')
    >>> parse_date("31/02/2018") is None
    True
    """
    if not isinstance(value, str) or not value.strip():
        return None
    text = _fold(value)
    for kind, pattern in _PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        year, first = int(match.group("y")), int(match.group("a"))
        if kind in ("d_name_y", "name_d_y"):
            month = _NAMES[re.sub(r"\s+", " ", match.group("name"))]
            return _iso(year, month, first, match)
        second = int(match.group("b"))
        if kind == "dmy" and first <= 12 < second:  # mm/dd/yyyy: the second cannot be a month
            first, second = second, first
        return _iso(year, second, first, match)
    return None
