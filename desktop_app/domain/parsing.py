"""Tolerant parsers for numbers, money, percentages, durations and dates as platforms export them.

Pure functions, no I/O. Every parser returns None for "not collected" (empty, ``-``, ``--`` …),
never 0, and raises ValidationError naming the field for anything it cannot read. Ambiguous
notations (``1.234``; ``12.3`` in a rate column; ``03/04/2026``) are not guessed per cell: the
caller decides once per column (``decide_*``) and passes the decision in, so a whole column is
read one way and the preview can show (and the user override) that decision.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from desktop_app.domain.errors import ValidationError

NULL_TOKENS = frozenset({"", "-", "--", "---", "—", "——", "–", "/", "n/a", "na", "null", "none", "nan", "#n/a",
                         "暂无", "无", "无数据", "不适用"})

# Number locales, decided per column: which character is the decimal point.
DOT = "dot"  # 1,234.56  (China, US): "," or space groups thousands
COMMA = "comma"  # 1.234,56  (Indonesia, much of Europe): "." or space groups thousands
LOCALES = (DOT, COMMA)

# Percent modes, decided per column.
PCT_SIGN = "sign"  # the column writes % (text or Excel % format): explicit; its bare numbers are percent points
PCT_FRACTION = "fraction"  # bare 0.123 means 12.3 %
PCT_PERCENT = "percent"  # bare 12.3 means 12.3 %
PCT_MODES = (PCT_SIGN, PCT_FRACTION, PCT_PERCENT)

_MULTIPLIERS = {"万": Decimal(10_000), "w": Decimal(10_000), "亿": Decimal(100_000_000), "k": Decimal(1_000),
                "千": Decimal(1_000), "m": Decimal(1_000_000), "百万": Decimal(1_000_000),
                "千万": Decimal(10_000_000)}
_MULT_RE = re.compile(r"(百万|千万|万|亿|千|[wkm])$", re.IGNORECASE)

# Currency marks → ISO code (None: the mark says "money" but not which currency).
CURRENCY_MARKS: dict[str, str | None] = {
    "us$": "USD", "hk$": "HKD", "nt$": "TWD", "s$": "SGD", "r$": "BRL", "mx$": "MXN", "rm": "MYR", "rp": "IDR",
    "¥": None, "rmb": "CNY", "cny": "CNY", "元": "CNY", "块": "CNY", "$": "USD", "usd": "USD", "idr": "IDR",
    "myr": "MYR", "thb": "THB", "฿": "THB", "php": "PHP", "₱": "PHP", "vnd": "VND", "₫": "VND", "sgd": "SGD",
    "gbp": "GBP", "£": "GBP", "eur": "EUR", "€": "EUR", "hkd": "HKD", "jpy": "JPY", "krw": "KRW", "₩": "KRW",
    "sar": "SAR", "brl": "BRL", "mxn": "MXN",
}
_MARKS = sorted(CURRENCY_MARKS, key=len, reverse=True)
_MARK_ALT = "|".join(re.escape(m) for m in _MARKS)
_PREFIX_RE = re.compile(rf"^(?:{_MARK_ALT})\s*", re.IGNORECASE)
_SUFFIX_RE = re.compile(rf"\s*(?:{_MARK_ALT})$", re.IGNORECASE)
_PLAIN_RE = re.compile(r"[+-]?\d+(?:\.\d+)?")
_DIGITS_RE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_DOT_GROUPS_RE = re.compile(r"[+-]?\d{1,3}(\.\d{3})+")
_SPACES = str.maketrans("", "", " \u00a0\u2009\u202f\u3000'_")


def is_null(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and value.strip().lower() in NULL_TOKENS


def _clean(text: str) -> str:
    s = text.strip()
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s).replace("−", "-").replace("，", ",")
    return s


def currency_hint(value: object) -> str | None:
    """ISO code a cell's currency mark names (Rp → IDR, $ → USD); None when unmarked or just ¥."""
    if not isinstance(value, str):
        return None
    s = _clean(value).lower()
    for rx in (_PREFIX_RE, _SUFFIX_RE):
        m = rx.search(s.lstrip("+-"))
        if m:
            return CURRENCY_MARKS.get(m.group(0).strip().lower())
    return None


def parse_number(text: str | int | float | Decimal | None, *, field: str = "value",
                 locale: str | None = None) -> Decimal | None:
    """A number or None (not collected). Raises ValidationError naming the field.

    ``locale`` is the column's decision (DOT or COMMA); None reads "," as thousands and "." as
    the decimal point unless the text itself is unambiguous (``1.234.567``, ``1.234,5``).
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise ValidationError("error.number.invalid", field=field, value=str(text))
    if isinstance(text, (int, Decimal)):
        return Decimal(text)
    if isinstance(text, float):
        if math.isnan(text) or math.isinf(text):
            return None if math.isnan(text) else _bad(field, text)
        return Decimal(repr(text))
    raw = str(text)
    s = _clean(raw)
    if s.lower() in NULL_TOKENS:
        return None
    if _PLAIN_RE.fullmatch(s) and (locale != COMMA or "." not in s):
        return Decimal(s)
    return _parse_decorated(s, raw, field, locale)


def _bad(field: str, raw: object):
    raise ValidationError("error.number.invalid", field=field, value=str(raw))


def _parse_decorated(s: str, raw: str, field: str, locale: str | None) -> Decimal:
    negative = False
    signed = False
    mult = Decimal(1)
    for _ in range(4):  # ¥(1,234.00), (¥1.2万元), 1,234.00-, -¥3: marks, signs and multipliers in any order
        before = s
        if len(s) > 2 and s.startswith("(") and s.endswith(")") and not signed:  # accounting negative
            negative, signed, s = True, True, s[1:-1].strip()
        if len(s) > 1 and s[0] in "+-" and not signed:
            negative, signed, s = s[0] == "-", True, s[1:].strip()
        if len(s) > 1 and s[-1] in "+-" and not signed:  # trailing minus (SAP, some bank/ERP exports)
            negative, signed, s = s[-1] == "-", True, s[:-1].strip()
        s = _PREFIX_RE.sub("", s)
        s = _SUFFIX_RE.sub("", s)
        m = _MULT_RE.search(s)
        if m and mult == 1 and len(s) > len(m.group(0)):
            mult = _MULTIPLIERS[m.group(0).lower()]
            s = s[: m.start()].strip()
        if s == before:
            break
    digits = _split_locale(s.translate(_SPACES), locale)
    if digits is None or not _DIGITS_RE.fullmatch(digits):
        _bad(field, raw)
    try:
        value = Decimal(digits) * mult
    except InvalidOperation:
        _bad(field, raw)
    return -value if negative else value


def _split_locale(s: str, locale: str | None) -> str | None:
    """Remove thousands separators and turn the decimal mark into '.'."""
    if locale == COMMA or (locale is None and ("," in s and "." in s and s.rfind(",") > s.rfind("."))):
        if not _grouped(s.split(",")[0], "."):
            return None
        return s.replace(".", "").replace(",", ".", 1) if s.count(",") <= 1 else None
    if locale is None and s.count(".") > 1 and _DOT_GROUPS_RE.fullmatch(s):
        return s.replace(".", "")
    if locale == DOT and "." in s and _DOT_GROUPS_RE.fullmatch(s) and s.count(".") > 1:
        return s.replace(".", "")
    if not _grouped(s.split(".")[0], ","):
        return None
    return s.replace(",", "")


def _grouped(integer_part: str, sep: str) -> bool:
    """Thousands separators, if any, must group by three (so '1,23' is not read as 123)."""
    if sep not in integer_part:
        return True
    head, *groups = integer_part.lstrip("+-").split(sep)
    return 1 <= len(head) <= 3 and all(len(g) == 3 for g in groups)


class LocaleEvidence:
    """Running evidence for a column's number locale, fed every cell of the column (streaming).

    COMMA when the column writes the decimal point as ',' or groups thousands with '.'.
    ``1.234`` alone is ambiguous; it is a thousands-separated integer only when every dotted
    value in the WHOLE column has that shape (and no value reads the other way).
    """

    __slots__ = ("dotted", "dot_groups", "comma_decimal", "dot_decimal")

    def __init__(self) -> None:
        self.dotted = self.dot_groups = self.comma_decimal = self.dot_decimal = 0

    def add(self, v: object) -> None:
        if type(v) is not str or ("." not in v and "," not in v and not _needs_clean(v)):
            return
        m = _PLAIN_DOTTED_RE.fullmatch(v)
        if m is not None:  # 12.5 / 1.234, the usual shape: what the normalising pass below concludes, in one match
            self.dotted += 1
            if len(m[1]) <= 3 and len(m[2]) == 3:
                self.dot_groups += 1
            return
        s = _clean(v).translate(_SPACES)
        s = _SUFFIX_RE.sub("", _PREFIX_RE.sub("", s.lstrip("+-")))
        s = _MULT_RE.sub("", s)
        if _COMMA_DECIMAL_RE.fullmatch(s):
            self.comma_decimal += 1
        elif "." in s:
            self.dotted += 1
            if _DOT_GROUPS_RE.fullmatch(s):
                self.dot_groups += 1
            if "," in s and s.rfind(".") > s.rfind(","):
                self.dot_decimal += 1

    @property
    def settled(self) -> bool:
        """No later value can change the decision (a value like 1,234.5 rules COMMA out)."""
        return self.dot_decimal > 0

    def decide(self) -> str:
        if self.comma_decimal and not self.dot_decimal:
            return COMMA
        if self.dotted and self.dot_groups == self.dotted and not self.dot_decimal:
            return COMMA
        return DOT


_COMMA_DECIMAL_RE = re.compile(r"\d{1,3}(\.\d{3})+,\d+|\d+,\d{1,2}")
_PLAIN_DOTTED_RE = re.compile(r"(\d+)\.(\d+)")


def _needs_clean(v: str) -> bool:
    return not v.isascii()  # full-width digits and separators (１.２３４) are normalised first


def decide_number_locale(samples: Iterable[object]) -> str:
    """The column's number locale from all its values (see LocaleEvidence)."""
    ev = LocaleEvidence()
    for v in samples:
        ev.add(v)
    return ev.decide()


# -- percentages ------------------------------------------------------------------
def parse_percent(value: object, *, field: str = "value", mode: str = PCT_SIGN,
                  locale: str | None = None) -> Decimal | None:
    """A rate as a fraction (0.123 for 12.3 %). ``mode`` is the column's decision for bare numbers."""
    if is_null(value):
        return None
    if isinstance(value, str):
        s = _clean(value)
        for sign in ("%", "％", "‰"):
            if s.endswith(sign):
                n = parse_number(s[: -len(sign)], field=field, locale=locale)
                if n is None:
                    return None
                return n / (Decimal(1000) if sign == "‰" else Decimal(100))
    n = parse_number(value, field=field, locale=locale)  # type: ignore[arg-type]
    if n is None:
        return None
    # SIGN: the column writes %, so its bare numbers are percent points too (0.5 in a column of
    # "12.3%" is 0.5 %, not 50 %). Only FRACTION reads a bare number as the rate itself.
    return n if mode == PCT_FRACTION else n / Decimal(100)


class PercentEvidence:
    """Running evidence for how a rate column writes bare numbers, fed every cell (streaming).

    Text with % (or an Excel %-formatted cell) is explicit. The column's bare numbers (no %) are
    decided once for the whole column: percent points when the column writes % anywhere (SIGN),
    else fractions when EVERY value is <= 1, else percent points. ``example_*`` keep the first
    bare text and bare number seen, so the preview can show what the decision does to them.
    """

    __slots__ = ("sign", "bare", "over_one", "bare_text", "example_text", "example_number")

    def __init__(self) -> None:
        self.sign = False
        self.bare = 0
        self.over_one = False
        self.bare_text = 0  # bare numbers written as text ("0.5"); the rest were number cells
        self.example_text: str | None = None
        self.example_number: float | int | None = None

    def add(self, v: object) -> None:
        t = type(v)
        if t is float or t is int:
            if v == v:  # NaN is "not collected"
                self.bare += 1
                if self.example_number is None:
                    self.example_number = v  # type: ignore[assignment]
                if v > 1 or v < -1:  # type: ignore[operator]
                    self.over_one = True
            return
        if is_null(v):
            return
        if isinstance(v, str) and _clean(v).endswith(("%", "％", "‰")):
            self.sign = True
            return
        try:
            n = parse_number(v, field="value")  # type: ignore[arg-type]
        except ValidationError:
            return
        if n is not None:
            self.bare += 1
            self.bare_text += 1
            if self.example_text is None:
                self.example_text = str(v).strip()
            if abs(n) > 1:
                self.over_one = True

    @property
    def settled(self) -> bool:
        return self.sign or self.over_one

    def decide(self, *, percent_formatted: bool = False) -> str:
        if percent_formatted or self.sign:
            return PCT_SIGN
        if self.bare and not self.over_one:
            return PCT_FRACTION
        return PCT_PERCENT if self.bare else PCT_SIGN


def decide_percent_mode(samples: Iterable[object], *, percent_formatted: bool = False) -> str:
    """%-formatted cells or text with % are explicit; bare numbers are fractions when every value <= 1."""
    ev = PercentEvidence()
    for v in samples:
        ev.add(v)
        if ev.sign:
            break
    return ev.decide(percent_formatted=percent_formatted)


# -- durations ------------------------------------------------------------------------
_DUR_UNITS = {"d": 86400, "天": 86400, "日": 86400, "day": 86400, "days": 86400,
              "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600, "小时": 3600, "时": 3600,
              "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60, "分钟": 60, "分": 60,
              "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1, "秒": 1, "秒钟": 1}
_DUR_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(天|日|小时|时|分钟|分|秒钟|秒|days?|hours?|hrs?|h|minutes?|mins?|m|"
                       r"seconds?|secs?|s|d)", re.IGNORECASE)
_CLOCK_RE = re.compile(r"(\d+):([0-5]?\d)(?::([0-5]?\d(?:\.\d+)?))?")


def parse_duration(value: object, *, field: str = "value", unit_seconds: int = 1) -> Decimal | None:
    """Seconds from ``1h 2m 3s``, ``1小时2分``, ``01:02:03``, ``02:03`` (m:s), a bare number
    (in ``unit_seconds``, default seconds), or an Excel time/timedelta cell."""
    if is_null(value):
        return None
    if isinstance(value, timedelta):
        return Decimal(round(value.total_seconds()))
    if isinstance(value, time):
        return Decimal(value.hour * 3600 + value.minute * 60 + value.second + round(value.microsecond / 1e6))
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return parse_number(value, field=field) * unit_seconds  # type: ignore[operator]
    s = _clean(str(value)).lower()
    m = _CLOCK_RE.fullmatch(s)
    if m:
        a, b, c = m.group(1), m.group(2), m.group(3)
        if c is None:  # mm:ss is what platforms mean by "02:03" in a duration column
            return Decimal(int(a) * 60 + int(b))
        return Decimal(int(a) * 3600 + int(b) * 60) + Decimal(c)
    if _PLAIN_RE.fullmatch(s):
        return Decimal(s) * unit_seconds
    compact = s.replace(" ", "")
    parts = list(_DUR_PART.finditer(compact))
    if not parts or "".join(p.group(0) for p in parts) != compact:
        raise ValidationError("error.duration.invalid", field=field, value=str(value))
    total = Decimal(0)
    for p in parts:
        total += Decimal(p.group(1)) * _DUR_UNITS[p.group(2).lower()]
    return total


# -- dates and times -----------------------------------------------------------------
EXCEL_EPOCH = datetime(1899, 12, 30)
MONTH_FIRST, DAY_FIRST = "mdy", "dmy"

_DATE_YMD = r"(?P<y>\d{4})\s*[-/.年]\s*(?P<mo>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
_DATE_SLASH = r"(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y2>\d{4})"
_DATE_MD = r"(?P<mo2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日|(?P<mo4>\d{1,2})[-/](?P<d4>\d{1,2})"
_DATE_COMPACT = r"(?P<y3>\d{4})(?P<mo3>\d{2})(?P<d3>\d{2})"
_TIME = (r"(?:(?P<ampm1>上午|下午|晚上|凌晨|中午)\s*)?(?P<h>\d{1,2})\s*[:：时点]\s*(?P<mi>\d{1,2})\s*分?"
         r"(?:\s*[:：]\s*(?P<s>\d{1,2}(?:\.\d+)?)|\s*(?P<s2>\d{1,2})\s*秒)?\s*(?P<ampm>am|pm)?")
_ZONE = r"(?P<z>z|utc|gmt|[+-]\d{2}:?\d{2})?"
_DT_RE = re.compile(
    rf"(?:{_DATE_YMD}|{_DATE_SLASH}|{_DATE_MD}|{_DATE_COMPACT})(?:(?:\s*t\s*|\s+|\s*)(?:{_TIME}))?\s*{_ZONE}",
    re.IGNORECASE)
_TIME_ONLY_RE = re.compile(rf"{_TIME}\s*{_ZONE}", re.IGNORECASE)
_ANY_DATE_RE = re.compile(rf"{_DATE_YMD}|{_DATE_SLASH}|{_DATE_COMPACT}", re.IGNORECASE)


@dataclass(frozen=True)
class DateContext:
    """What a column of dates needs that a cell cannot say."""

    tz: str = "Asia/Shanghai"  # zone of times written without one (the anchor's)
    order: str = MONTH_FIRST  # for 03/04/2026
    base_date: date | None = None  # for time-only cells ("20:05") and dates without a year


def round_to_second(dt: datetime) -> datetime:
    """Round (never truncate) to the nearest second: Excel serials carry float noise."""
    if dt.microsecond >= 500_000:
        dt += timedelta(seconds=1)
    return dt.replace(microsecond=0)


def excel_serial_to_datetime(serial: float) -> datetime:
    """Naive local datetime of an Excel 1900-system serial, rounded to the second."""
    if not (0 < serial < 2_958_466):  # 9999-12-31
        raise ValueError(serial)
    if serial < 60:  # Excel's phantom 1900-02-29: serials below it are one day later
        serial += 1
    seconds = round(serial * 86400)
    return EXCEL_EPOCH + timedelta(seconds=seconds)


def datetime_to_excel_serial(dt: datetime) -> float:
    return (dt.replace(tzinfo=None) - EXCEL_EPOCH).total_seconds() / 86400


def _localize(naive: datetime, tz: str) -> datetime:
    return naive.replace(tzinfo=ZoneInfo(tz)).astimezone(UTC)


def parse_datetime(value: object, *, field: str = "ts", ctx: DateContext = DateContext()) -> datetime | None:
    """An aware UTC datetime. Times without a zone are in ``ctx.tz``; serials round to the second."""
    if is_null(value):
        return None
    if isinstance(value, datetime):
        dt = round_to_second(value)
        return dt.astimezone(UTC) if dt.tzinfo else _localize(dt, ctx.tz)
    if isinstance(value, date):
        return _localize(datetime.combine(value, time.min), ctx.tz)
    if isinstance(value, time):
        if ctx.base_date is None:
            raise ValidationError("error.datetime.no_date", field=field, value=str(value))
        return _localize(round_to_second(datetime.combine(ctx.base_date, value)), ctx.tz)
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return _from_serial(float(value), field, ctx)
    return _parse_datetime_text(str(value), field, ctx)


def _from_serial(serial: float, field: str, ctx: DateContext) -> datetime:
    if 19000101 <= serial <= 21001231 and float(serial).is_integer():  # 20261126 written as a number
        return _parse_datetime_text(str(int(serial)), field, ctx)
    try:
        return _localize(excel_serial_to_datetime(serial), ctx.tz)
    except (ValueError, OverflowError):
        raise ValidationError("error.datetime.invalid", field=field, value=str(serial)) from None


def _parse_datetime_text(text: str, field: str, ctx: DateContext) -> datetime:
    s = _clean(text)
    m = _DT_RE.fullmatch(s)
    try:
        if m:
            return _assemble(m, ctx, field)
        m = _TIME_ONLY_RE.fullmatch(s)
        if m:
            if ctx.base_date is None:
                raise ValidationError("error.datetime.no_date", field=field, value=text)
            return _assemble(m, ctx, field, day=ctx.base_date)
        if _PLAIN_RE.fullmatch(s):
            return _from_serial(float(s), field, ctx)
        iso = datetime.fromisoformat(s.replace("Z", "+00:00"))
        return parse_datetime(iso, field=field, ctx=ctx)  # type: ignore[return-value]
    except ValueError:
        raise ValidationError("error.datetime.invalid", field=field, value=text) from None


def _assemble(m: re.Match, ctx: DateContext, field: str, day: date | None = None) -> datetime:
    g = m.groupdict()
    if day is None:
        g["_text"] = m.string
        day = _date_from_groups(g, ctx, field)
    hour = int(g["h"]) if g.get("h") else 0
    minute = int(g["mi"]) if g.get("mi") else 0
    sec = Decimal(g["s"] or g["s2"] or 0) if g.get("h") else Decimal(0)
    marker = (g.get("ampm") or g.get("ampm1") or "").lower()
    if marker in ("pm", "下午", "晚上") and hour < 12:
        hour += 12
    elif marker in ("am", "凌晨", "上午") and hour == 12:
        hour = 0
    if hour == 24 and minute == 0 and sec == 0:  # "24:00" = end of that day
        day, hour = day + timedelta(days=1), 0
    naive = round_to_second(datetime(day.year, day.month, day.day, hour, minute) + timedelta(seconds=float(sec)))
    zone = (g.get("z") or "").lower()
    if not zone:
        return _localize(naive, ctx.tz)
    if zone in ("z", "utc", "gmt"):
        return naive.replace(tzinfo=UTC)
    sign = 1 if zone[0] == "+" else -1
    digits = zone[1:].replace(":", "")
    offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return (naive - sign * offset).replace(tzinfo=UTC)


def _date_from_groups(g: dict, ctx: DateContext, field: str) -> date:
    if g.get("y"):
        return date(int(g["y"]), int(g["mo"]), int(g["d"]))
    if g.get("y3"):
        return date(int(g["y3"]), int(g["mo3"]), int(g["d3"]))
    if g.get("y2"):
        a, b = int(g["a"]), int(g["b"])
        month, dd = (b, a) if ctx.order == DAY_FIRST else (a, b)
        return date(int(g["y2"]), month, dd)
    if g.get("mo2"):
        month, dd = int(g["mo2"]), int(g["d2"])
    else:
        a, b = int(g["mo4"]), int(g["d4"])
        month, dd = (b, a) if ctx.order == DAY_FIRST else (a, b)
    if ctx.base_date is None:
        raise ValidationError("error.datetime.no_year", field=field, value=g.get("_text") or f"{month}-{dd}")
    return nearest_year(month, dd, ctx.base_date)


def nearest_year(month: int, day: int, base: date) -> date:
    """The date of month/day closest to ``base`` (12-30 next to a 2026-01-02 base is 2025-12-30)."""
    best = None
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((d - base).days) < abs((best - base).days):
            best = d
    if best is None:
        raise ValueError(f"{month}-{day}")
    return best


_NO_YEAR_RE = re.compile(r"\s*(\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}[-/]\d{1,2})(?!\d|[-/.]\d)")


def lacks_year(value: object) -> bool:
    """A date written without its year (``01-05 09:03``, ``1月5日``): the year must come from elsewhere."""
    return isinstance(value, str) and bool(_NO_YEAR_RE.match(_clean(value))) and not _ANY_DATE_RE.search(
        _clean(value))


_SLASH_DATE_RE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}\b")
_SHORT_DATE_RE = re.compile(r"\s*(\d{1,2})[/-](\d{1,2})(?:\s|$)")
_YEAR_FIRST_RE = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}(?:日|\s|T|$)(?:[\d:.\s]*$)")


class DateOrderEvidence:
    """Running evidence for ``a/b/yyyy`` dates: the first value with a > 12 (or b > 12) decides."""

    __slots__ = ("order",)

    def __init__(self) -> None:
        self.order: str | None = None

    def add(self, v: object) -> None:
        if self.order is not None or type(v) is not str or _YEAR_FIRST_RE.match(v):
            return  # 2026-01-05 … (year first) says nothing about day/month order
        m = _SLASH_DATE_RE.search(v) or _SHORT_DATE_RE.match(v)  # 13/04/2026, or year-less 13-04 20:00
        if m:
            if int(m.group(1)) > 12:
                self.order = DAY_FIRST
            elif int(m.group(2)) > 12:
                self.order = MONTH_FIRST

    @property
    def settled(self) -> bool:
        return self.order is not None

    def decide(self) -> str:
        return self.order or MONTH_FIRST


def decide_date_order(samples: Iterable[object]) -> str:
    """DAY_FIRST when some ``a/b/yyyy`` has a > 12; MONTH_FIRST otherwise (and when b > 12)."""
    ev = DateOrderEvidence()
    for v in samples:
        ev.add(v)
        if ev.settled:
            break
    return ev.decide()


def parse_date(value: object, *, field: str = "date", ctx: DateContext = DateContext()) -> date | None:
    """A calendar date (no zone conversion: the date as written)."""
    if is_null(value):
        return None
    if isinstance(value, datetime):
        return round_to_second(value).date()
    if isinstance(value, date):
        return value
    utc = parse_datetime(value, field=field, ctx=DateContext("UTC", ctx.order, ctx.base_date))
    return utc.date() if utc else None


def find_dates(text: str) -> list[date]:
    """Every full date written in a title line, file name or cell, in order."""
    out = []
    for m in _ANY_DATE_RE.finditer(_clean(text)):
        try:
            out.append(_date_from_groups(m.groupdict(), DateContext(), "date"))
        except (ValueError, ValidationError):
            continue
    return out


def find_date_range(text: str) -> tuple[date, date] | None:
    """(first, last) date of "统计时间：2026-10-30 至 2026-11-26"-like text; a single date → (d, d)."""
    dates = find_dates(text)
    if not dates:
        return None
    return min(dates), max(dates)
