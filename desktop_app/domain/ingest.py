"""Pure rules of platform-data import: header recognition, row classes, column kinds and decisions.

No I/O: the alias tables come in as data (db/seeds/import_presets, loaded by the service).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from desktop_app.domain import parsing as p
from desktop_app.domain.metrics import RAW_METRICS

# Column roles besides GLOSSARY metric keys.
TS, START, END, DURATION, DATE, TITLE = "ts", "start", "end", "duration", "date", "title"
ACCOUNT, ANCHOR_NAME, PRODUCT_NAME, PRODUCT_SKU, PII = "account", "anchor_name", "product_name", "product_sku", "pii"
ROLES = (TS, START, END, DURATION, DATE, TITLE, ACCOUNT, ANCHOR_NAME, PRODUCT_NAME, PRODUCT_SKU, PII)
# A bare 点击率 / CTR: the product click rate or an ad's CTR, decided by the file's context
# (services/ingest/click_rate.py); never a key of its own.
CLICK_RATE = "click_rate?"
TEXT_ROLES = frozenset({TITLE, ACCOUNT, ANCHOR_NAME, PRODUCT_NAME, PRODUCT_SKU, PII})

# File kinds.
TIMESERIES, SESSIONS, PRODUCTS = "timeseries", "sessions", "products"
KINDS = (TIMESERIES, SESSIONS, PRODUCTS)

# How a column's cells are read.
K_COUNT, K_MONEY, K_PERCENT, K_DURATION, K_NUMBER, K_DATETIME, K_TEXT = (
    "count", "money", "percent", "duration", "number", "datetime", "text")

_PERCENT_KEYS = frozenset({"product_ctr_reported", "view_to_order_rate_reported", "refund_rate_reported",
                           "entry_rate_reported"})
_NUMBER_KEYS = frozenset({"gpm_reported", "ad_roi_reported", "overall_roi_reported"})

TOTAL_WORDS = frozenset({"合计", "总计", "汇总", "小计", "总和", "全部", "total", "totals", "grand total", "sum",
                         "subtotal", "汇总行", "合计:"})
_BRACKET_TAIL = re.compile(r"[(\[（【]([^()\[\]（）【】]*)[)\]）】]$")
_PII_PATTERN = re.compile(r"手机|电话|地址|收货人|收件人|身份证|买家(昵称|姓名|id|账号)|用户(昵称|id|账号)|phone|mobile|"
                          r"address|recipient|buyer ?(name|id)|user ?id|customer name|e-?mail|邮箱", re.IGNORECASE)


def column_kind(key: str | None) -> str:
    """How cells of a column mapped to ``key`` are parsed."""
    if not key or key in TEXT_ROLES:
        return K_TEXT
    if key in (TS, START, END, DATE):
        return K_DATETIME
    if key in (DURATION, "avg_watch_seconds_reported", "watch_seconds_total"):
        return K_DURATION
    if key in _PERCENT_KEYS:
        return K_PERCENT
    if key in _NUMBER_KEYS:
        return K_NUMBER
    m = RAW_METRICS.get(key)
    if m is None:
        return K_TEXT
    return K_MONEY if m.unit == "money" else K_COUNT


def unit_of(key: str | None) -> str:
    """The GLOSSARY unit shown next to a mapped column in the preview."""
    if not key:
        return ""
    kind = column_kind(key)
    if kind == K_DATETIME:
        return "datetime"
    if kind == K_DURATION:
        return "s"
    if kind == K_PERCENT:
        return "ratio"
    if kind == K_NUMBER:
        return "number"
    m = RAW_METRICS.get(key)
    return m.unit if m else ""


# -- headers ------------------------------------------------------------------------
def normalize_header(text: object) -> str:
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text)).lower()
    s = re.sub(r"\s+", "", s).strip("*:：#")
    return s


def strip_unit(norm: str) -> tuple[str, str]:
    """('成交金额', '万元') from '成交金额(万元)'; (norm, '') when there is no bracketed tail."""
    m = _BRACKET_TAIL.search(norm)
    if not m or m.start() == 0:
        m2 = _BARE_UNIT_TAIL.search(norm)  # 点击率%, 成交金额/元, gmv-¥: a unit without brackets
        if m2 and m2.start() > 0:
            return norm[: m2.start()], m2.group(1) or m2.group(2)
        return norm, ""
    return norm[: m.start()], m.group(1)


# Symbols (and 元 / 万元) may follow the name directly; word units only after a separator or 单位.
_BARE_UNIT_TAIL = re.compile(r"(?:(?:[/\-_|]|单位[:：]?)(秒|分钟|小时|人|次|个|件|单|usd|cny|rmb)"
                             r"|(?:[/\-_|]|单位[:：]?)?(%|％|‰|万元|元|万|¥|￥|\$))$")


@dataclass(frozen=True)
class UnitHint:
    """What a header's unit says about its cells: 成交金额(万元) multiplies by 10 000."""

    multiplier: Decimal = Decimal(1)
    percent: bool = False
    unit_seconds: int = 1


def unit_hint(header: object) -> UnitHint:
    norm = normalize_header(header)
    _, unit = strip_unit(norm)
    if not unit and norm.endswith("%"):
        unit = "%"
    unit = unit.replace("单位:", "").replace("单位：", "")
    if unit in ("%", "％", "百分比"):
        return UnitHint(percent=True)
    if unit in ("万", "万元", "w", "万人", "万次"):
        return UnitHint(multiplier=Decimal(10_000))
    if unit in ("亿", "亿元"):
        return UnitHint(multiplier=Decimal(100_000_000))
    if unit in ("千", "千元", "k"):
        return UnitHint(multiplier=Decimal(1000))
    if unit in ("分钟", "min", "mins", "分"):
        return UnitHint(unit_seconds=60)
    if unit in ("小时", "h", "hr", "hours"):
        return UnitHint(unit_seconds=3600)
    return UnitHint()


_LOOSE_DROP = re.compile(r"[\s.\-_/·・,，、'’()\[\]（）【】:：]+")
# Headers that are derived from a metric rather than the metric itself: never matched loosely.
_DERIVED = re.compile(r"环比|同比|占比|增长|增幅|变化|排名|排行|对比|较上|较前|人均|平均|均值|预估|预计|目标|同行|行业|"
                      r"vs|change|growth|rank|shareof|avg|average|target|benchmark|estimated|est\b", re.IGNORECASE)
_GROUP_SEP = re.compile(r"[-_/|>·—]")
_PREFIXES = ("直播间", "本场", "累计", "总", "整体", "全场", "直播", "live", "total", "overall")


def loose(norm: str) -> str:
    """A normalised header without punctuation: 'avg.viewingduration' and 'avg viewing duration' meet."""
    return _LOOSE_DROP.sub("", norm)


@dataclass
class AliasIndex:
    """Normalised header text → key (GLOSSARY metric or column role).

    Exact aliases first; then, for headers no alias names exactly (real exports rename columns
    between versions and platforms), the same header without its unit, a group prefix
    ("展现数据-总花费"), a scope prefix ("直播间", "本场", "累计"…), punctuation, and finally the
    longest alias it contains ("本场直播支付成交金额" → gmv) — never for derived columns
    (环比, 占比, 人均, 排名, growth…) and never when two keys tie.
    """

    exact: dict[str, str] = field(default_factory=dict)
    loose_map: dict[str, str] = field(default_factory=dict)
    contained: list[tuple[str, str]] = field(default_factory=list)  # (loose alias, key), longest first

    @classmethod
    def build(cls, *tables: dict[str, Iterable[str]]) -> AliasIndex:
        idx = cls()
        for table in tables:  # later tables (a platform preset) override earlier ones
            for key, aliases in table.items():
                for alias in aliases:
                    idx.exact[normalize_header(alias)] = key
                idx.exact.setdefault(normalize_header(key), key)
        for norm, key in idx.exact.items():
            idx.loose_map.setdefault(loose(norm), key)
        # Only distinctive aliases are looked for inside longer headers (not "时间", "gmv", "roi").
        idx.contained = sorted(((loose(n), k) for n, k in idx.exact.items()
                                if k != PII and (len(loose(n)) >= 4 if not loose(n).isascii() else len(loose(n)) >= 8)),
                               key=lambda t: -len(t[0]))
        return idx

    def match(self, header: object) -> str | None:
        norm = normalize_header(header)
        if not norm:
            return None
        found = self._exact(norm)
        if found:
            return found
        if _PII_PATTERN.search(norm):
            return PII
        return self._similar(norm)

    def _exact(self, norm: str) -> str | None:
        if norm in self.exact:
            return self.exact[norm]
        base, _unit = strip_unit(norm)
        if base in self.exact:
            return self.exact[base]
        for prefix in ("直播间", "本场", "累计", "总", "live "):  # "本场成交金额", "累计成交金额"
            if base.startswith(prefix) and base[len(prefix):] in self.exact:
                return self.exact[base[len(prefix):]]
        return None

    def _similar(self, norm: str) -> str | None:
        base, _unit = strip_unit(norm)
        if _DERIVED.search(base):
            return None
        parts = [p for p in _GROUP_SEP.split(base) if p]
        candidates = [base] + ([parts[-1]] if len(parts) > 1 else [])
        for cand in candidates:
            key = self._exact(cand) or self.loose_map.get(loose(cand))
            if key:
                return key
            stripped = loose(cand)
            for prefix in _PREFIXES:
                if stripped.startswith(prefix) and stripped[len(prefix):] in self.loose_map:
                    return self.loose_map[stripped[len(prefix):]]
        text = loose(base)
        best_len, keys = 0, set()
        for alias, key in self.contained:
            if len(alias) < best_len:
                break
            if alias in text:
                best_len = len(alias)
                keys.add(key)
        return keys.pop() if len(keys) == 1 else None


def score_row(cells: Sequence[object], index: AliasIndex) -> int:
    """How header-like a row is: distinct known columns, and none of its cells is a number."""
    keys = set()
    for c in cells:
        if isinstance(c, str):
            k = index.match(c)
            if k and k != PII:
                keys.add(k)
        elif c is not None and not isinstance(c, str):
            return 0
    return len(keys)


@dataclass(frozen=True)
class HeaderGuess:
    row: int  # 0-based index into the scanned rows
    names: tuple[str, ...]  # one header text per column (merged / two-level headers combined)
    score: int
    rows_used: int = 1  # 2 when a merged group row above was folded in


def detect_header(rows: Sequence[Sequence[object]], index: AliasIndex, *, min_score: int = 2) -> HeaderGuess | None:
    """The best-scoring row among the first rows; merged header cells are filled from the row above.

    A merged cell leaves its text in its first column only, so a group row ("交易" over three
    columns) is forward-filled, and a blank cell under a vertically merged one ("时间") takes the
    text above it.
    """
    best: HeaderGuess | None = None
    for i, cells in enumerate(rows):
        names = _combined_names(rows, i)
        score = score_row(names, index) if names is not None else 0
        if score >= min_score and (best is None or score > best.score):
            best = HeaderGuess(i, names, score, 2 if names != tuple(_text(c) for c in cells) else 1)
    if best is None:
        for i, cells in enumerate(rows):  # a narrow file: one known column plus text headers
            texts = [c for c in cells if isinstance(c, str) and c.strip()]
            if len(texts) >= 2 and len(texts) == len([c for c in cells if c not in (None, "")]) \
                    and score_row(cells, index) >= 1:
                return HeaderGuess(i, tuple(_text(c) for c in cells), 1)
    return best


def _text(c: object) -> str:
    return "" if c is None else str(c).strip()


def _combined_names(rows: Sequence[Sequence[object]], i: int) -> tuple[str, ...] | None:
    cells = [_text(c) for c in rows[i]]
    if not any(cells) or any(c is not None and not isinstance(c, str) for c in rows[i]):
        return tuple(cells) if any(cells) and all(isinstance(c, str) or c is None for c in rows[i]) else None
    if i == 0:
        return tuple(cells)
    above = [_text(c) for c in rows[i - 1]]
    if not any(above) or any(c is not None and not isinstance(c, str) for c in rows[i - 1]):
        return tuple(cells)
    filled, last = [], ""
    for j in range(max(len(cells), len(above))):
        a = above[j] if j < len(above) else ""
        last = a or last
        filled.append(last)
    # Only a real group row qualifies: fewer texts than the header row, or blanks under it.
    if sum(1 for a in above if a) >= sum(1 for c in cells if c) and "" not in cells:
        return tuple(cells)
    out = []
    for j, c in enumerate(cells + [""] * (len(filled) - len(cells))):
        out.append(c if c else (above[j] if j < len(above) else ""))
    return tuple(out)


# -- rows ---------------------------------------------------------------------------
BLANK, TOTAL, REPEATED_HEADER, DATA = "blank", "total", "repeated_header", "data"


def classify_row(cells: Sequence[object], header_norm: Sequence[str]) -> str:
    """Blank, total and repeated-header rows are skipped (counted), never errors."""
    first = None
    any_value = False
    same = 0
    for j, c in enumerate(cells):
        if c is None or (isinstance(c, str) and not c.strip()):
            continue
        any_value = True
        if first is None:
            first = c
        if isinstance(c, str) and j < len(header_norm) and normalize_header(c) == header_norm[j] and header_norm[j]:
            same += 1
    if not any_value:
        return BLANK
    if isinstance(first, str) and normalize_header(first).rstrip(":：") in TOTAL_WORDS:
        return TOTAL
    nonblank_headers = sum(1 for h in header_norm if h)
    if same and same >= max(2, nonblank_headers // 2):
        return REPEATED_HEADER
    return DATA


def infer_kind(keys: Iterable[str | None]) -> str | None:
    """TIMESERIES, SESSIONS or PRODUCTS from the mapped roles; None when no time or product column."""
    ks = set(k for k in keys if k)
    if PRODUCT_NAME in ks or PRODUCT_SKU in ks:
        return PRODUCTS
    if START in ks or (DATE in ks and TS not in ks):
        return SESSIONS
    if TS in ks:
        return TIMESERIES
    return None


# -- per-column decisions -----------------------------------------------------------------
DECISION_FIELDS = ("locale", "percent_mode", "date_order", "currency")


@dataclass
class ColumnDecision:
    """How one column is read, decided from its values; shown in the preview, overridable.

    ``pinned`` names the fields the user chose (dialog, remembered layout): evidence from the
    rest of the column never changes those.
    """

    locale: str = p.DOT
    percent_mode: str = p.PCT_SIGN
    date_order: str = p.MONTH_FIRST
    currency: str | None = None
    pinned: set[str] = field(default_factory=set)

    def to_json(self) -> dict:
        return {"locale": self.locale, "percent_mode": self.percent_mode, "date_order": self.date_order,
                "currency": self.currency}

    def pin(self, name: str, value: object) -> None:
        if name in DECISION_FIELDS and value:
            setattr(self, name, value)
            self.pinned.add(name)


class ColumnEvidence:
    """Everything a column's cells say about its ambiguous notation, accumulated cell by cell.

    The same accumulators decide from the preview rows (``decide_column``) and, during the
    import, from the WHOLE column (``apply``), so a deciding value on row 80 000 counts.
    """

    __slots__ = ("kind", "percent_locked", "locale", "percent", "dates", "currency")

    def __init__(self, kind: str, *, header: object = None, percent_formatted: bool = False) -> None:
        self.kind = kind
        numeric = kind in (K_COUNT, K_MONEY, K_NUMBER, K_PERCENT)
        self.locale = p.LocaleEvidence() if numeric else None
        self.percent_locked = percent_formatted or unit_hint(header).percent
        self.percent = p.PercentEvidence() if kind == K_PERCENT else None
        self.dates = p.DateOrderEvidence() if kind == K_DATETIME else None
        self.currency: str | None = None

    def add(self, v: object) -> None:
        if v is None:
            return
        if self.locale is not None:
            self.locale.add(v)
        if self.percent is not None:
            self.percent.add(v)
        if self.dates is not None:
            self.dates.add(v)
        if self.currency is None and self.kind == K_MONEY and type(v) is str:
            self.currency = p.currency_hint(v)

    def feeds(self, pinned: set[str] = frozenset()) -> list:  # type: ignore[assignment]
        """The accumulators' own ``add`` methods, for the fields not pinned (the import's hot loop)."""
        out = []
        if self.locale is not None and "locale" not in pinned:
            out.append(self.locale.add)
        if self.percent is not None and not self.percent_locked and "percent_mode" not in pinned:
            out.append(self.percent.add)
        if self.dates is not None and "date_order" not in pinned:
            out.append(self.dates.add)
        return out

    def decision(self) -> ColumnDecision:
        d = ColumnDecision()
        if self.locale is not None:
            d.locale = self.locale.decide()
        if self.percent is not None:
            d.percent_mode = p.PCT_SIGN if self.percent_locked else self.percent.decide()
        if self.dates is not None:
            d.date_order = self.dates.decide()
        d.currency = self.currency
        return d

    def apply(self, d: ColumnDecision) -> bool:
        """Set the whole column's decision on ``d`` (pinned fields stay); True when it changed."""
        final, changed = self.decision(), False
        for name in ("locale", "percent_mode", "date_order"):
            if name not in d.pinned and getattr(final, name) != getattr(d, name):
                setattr(d, name, getattr(final, name))
                changed = True
        return changed


def decide_column(kind: str, samples: Sequence[object], *, percent_formatted: bool = False,
                  header: object = None) -> ColumnDecision:
    ev = ColumnEvidence(kind, header=header, percent_formatted=percent_formatted)
    for v in samples:
        ev.add(v)
    return ev.decision()


def header_signature(names: Sequence[str]) -> str:
    """The file layout's identity: its normalised header cells in order (used to remember mappings)."""
    return "|".join(normalize_header(n) for n in names)
