"""Import a platform export: inspect (header, mapping, decisions, preview), then run (all-or-nothing).

``inspect`` reads only the head of the file and decides how each column is read; ``run``
streams every row once inside ONE write transaction, inserting in batches. A file-level
problem, ``strict`` with a bad row, a dry run, a cancel, or a re-import that changes nothing
all end in ROLLBACK, so the workspace file is left byte-for-byte as it was.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from desktop_app.domain import ingest as rules
from desktop_app.domain.enums import SessionStatus, Source
from desktop_app.domain.errors import LiveOpsError, ValidationError
from desktop_app.domain.metrics import RAW_METRICS
from desktop_app.domain.money import currency as currency_info
from desktop_app.domain.parsing import find_date_range, lacks_year
from desktop_app.domain.timeutil import local, to_iso
from desktop_app.messages import Message
from desktop_app.services.context import Changes, Context
from desktop_app.services.ingest import click_rate, rates
from desktop_app.services.ingest import hidden as hidden_parts
from desktop_app.services.ingest import presets as preset_repo
from desktop_app.services.ingest.columns import ColumnMap, Converter, build_converter
from desktop_app.services.ingest.reader import HEAD_ROWS, FileRejected, TableFile, open_table
from desktop_app.services.ingest.xlsx_meta import HiddenRows, hidden_columns
from desktop_app.services.workspace_service import workspace_info
from desktop_app.storage import ingest as repo
from desktop_app.storage import roster as roster_repo
from desktop_app.storage import samples as sample_repo
from desktop_app.storage import sessions as session_repo
from desktop_app.storage import summaries
from desktop_app.storage.atomic import sha256_file
from desktop_app.storage.rows import dumps, new_id

SESSION_TOLERANCE = timedelta(minutes=30)  # a broadcast row matches a session starting this close
TS_TOLERANCE = timedelta(minutes=10)  # a minute row may sit this far outside its session's window
DECIDE_ROWS = 5000  # rows read to decide each column's notation
PREVIEW_ROWS = 20
MAX_LISTED = 10_000  # rejected cells listed (all are counted)
BATCH = 5000
FAST_BATCH = 1000  # minute rows per JSON batch statement (storage.ingest.insert_minute_rows)
RECENT_KEYS = 50_000  # this file's own samples remembered for in-file duplicates
RECENT_ROWS = 10_000  # minute rows (of the fast path) remembered for in-file duplicates
_ONE = Decimal(1)

Progress = Callable[[int, int], None]


class ImportCancelled(LiveOpsError):
    pass


class _Rollback(Exception):
    """Ends the transaction without committing (dry run, nothing new)."""


@dataclass
class Inspection:
    table: TableFile
    sha256: str
    header_row: int  # 1-based, the last header line
    header_rows_used: int
    names: list[str]
    title_lines: list[str]
    date_range: tuple[date, date] | None
    preset: preset_repo.Preset
    kind: str | None
    columns: list[ColumnMap]
    signature: str
    remembered: bool
    tz: str
    base_date: date | None
    as_of: date
    currency: str
    percent_formatted: set[int] = field(default_factory=set)
    base_source: str | None = None  # where base_date comes from: title | file_name | session
    year_columns: list[str] = field(default_factory=list)  # datetime columns with year-less dates (01-05 09:03)
    notes: list[Message] = field(default_factory=list)  # what the reader inferred, shown before import
    hidden_rows: HiddenRows = field(default_factory=HiddenRows)  # rows the sheet hides (imported all the same)

    @property
    def mapped(self) -> list[ColumnMap]:
        return [c for c in self.columns if c.key]

    def keys(self) -> set[str]:
        return {c.key for c in self.columns if c.key}

    def all_notes(self) -> list[Message]:
        """The notes, with those that follow the columns' current readings (rates) made now."""
        return self.notes + rates.rate_notes(self)

    def converters(self) -> list[tuple[int, str, Converter]]:
        return [(c.index, c.key, build_converter(c, tz=self.tz, base_date=self.base_date))  # type: ignore[misc]
                for c in self.mapped]


@dataclass
class Rejection:
    row: int
    column: str
    value: str
    message: Message

    def to_json(self, lang: str | None = None) -> dict:
        return {"row": self.row, "column": self.column, "value": self.value, "message": self.message.text(lang)}


@dataclass
class ImportResult:
    inspection: Inspection
    accepted: int = 0
    rejected_rows: int = 0
    skipped: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    sessions: dict[str, str] = field(default_factory=dict)  # id → created|updated|unchanged
    created_ids: set[str] = field(default_factory=set)
    samples_written: int = 0
    samples_updated: int = 0
    dry_run: bool = False
    committed: bool = False
    import_id: str | None = None
    changes: Changes = field(default_factory=Changes)

    @property
    def counts(self) -> dict[str, int]:
        return {"accepted": self.accepted, "rejected": self.rejected_rows, "skipped": self.skipped}

    def reject(self, row: int, column: str, value: object, message: Message) -> None:
        if len(self.rejected) < MAX_LISTED:
            self.rejected.append(Rejection(row, column, "" if value is None else str(value), message))

    def to_json(self, lang: str | None = None) -> dict:
        insp = self.inspection
        return {
            "file": str(insp.table.path), "sha256": insp.sha256, "encoding": insp.table.encoding,
            "sheet": insp.table.sheet, "preset": insp.preset.name, "header_row": insp.header_row,
            "mapping": [c.to_json() for c in insp.columns if c.key],
            "counts": self.counts, "rejected": [r.to_json(lang) for r in self.rejected],
            "sessions": [{"id": None if (self.dry_run and sid in self.created_ids) else sid, "action": action}
                         for sid, action in self.sessions.items()],
            "dry_run": self.dry_run, "committed": self.committed,
            "notes": [n.text(lang) for n in insp.all_notes()],
        }


# -- inspect ---------------------------------------------------------------------------
def inspect(ctx: Context, path: Path | str, *, preset: str | None = None, anchor_id: str | None = None,
            session_id: str | None = None, overrides: dict[int, str | None] | None = None,
            decisions: dict[int, dict] | None = None, kind: str | None = None, as_of: date | None = None,
            sheet: str | None = None, table: TableFile | None = None, sha256: str | None = None) -> Inspection:
    """Read the head of a file: header, preset, mapping (remembered or detected), column decisions."""
    table = table or open_table(path)
    chosen = preset_repo.get(preset) if preset else None
    if preset and chosen is None:
        raise ValidationError("error.ingest.unknown_preset", field="preset", preset=preset,
                              known=", ".join(sorted(preset_repo.presets())))
    table, head, guess = _find_header(table, sheet, chosen)
    names = list(guess.names)
    header_row = guess.row + 1
    chosen = chosen or preset_repo.detect(names)
    signature = rules.header_signature(names)
    remembered = repo.get_mapping(ctx.ws, signature)
    if remembered and not preset and remembered.get("preset"):
        chosen = preset_repo.get(remembered["preset"]) or chosen
    hidden = hidden_columns(table.path, table.sheet) if table.fmt == "xlsx" else set()
    columns = _map_columns(names, chosen, remembered, overrides or {}, hidden)
    title_lines = [" ".join(str(c) for c in row if c not in (None, "")) for row in head[: guess.row - guess.rows_used + 1]]
    title_lines = [t for t in title_lines if t.strip()]
    date_range = find_date_range(" ".join(title_lines))
    base_source = "title" if date_range else None
    if date_range is None and find_date_range(table.path.stem):
        date_range, base_source = find_date_range(table.path.stem), "file_name"
    tz, currency = _zone_and_currency(ctx, anchor_id, session_id, chosen)
    keys = {c.key for c in columns if c.key}
    # The columns decide the kind; a preset's kind only fills in when they do not.
    detected_kind = kind or rules.infer_kind(keys) or (remembered or {}).get("kind") \
        or (chosen.kind if chosen.kind != "auto" else None)
    if detected_kind is None and session_id:
        detected_kind = rules.SESSIONS
    click_notes = click_rate.resolve(columns, detected_kind, chosen)  # a bare 点击率: by the file's context
    insp = Inspection(table, sha256 or sha256_file(table.path), header_row, guess.rows_used, names, title_lines, date_range,
                      chosen, detected_kind, columns, signature, remembered is not None, tz,
                      date_range[0] if date_range else None, as_of or _default_as_of(ctx, date_range, tz), currency)
    insp.base_source = base_source
    if session_id:  # minute rows of a chosen session: its own day gives a year-less date its year
        insp.base_date, insp.base_source = _session_day(ctx, session_id, tz) or insp.base_date, "session"
    rates.apply_formats(insp, table.percent_formats(header_row + 1))
    _decide(insp, (remembered or {}).get("decisions", {}), decisions or {})
    money_currency = next((c.decision.currency for c in columns if c.key and c.decision.currency), None)
    if money_currency and not session_id:
        insp.currency = money_currency
    _add_notes(insp, hidden)
    insp.notes.extend(click_notes)
    hidden_parts.add_notes(insp)
    return insp


def _session_day(ctx: Context, session_id: str, tz: str) -> date | None:
    s = session_repo.get_session(ctx.ws, session_id)
    start = s and (s.on_air_utc or s.scheduled_start_utc)
    return local(start, tz).date() if start else None


def _add_notes(insp: Inspection, hidden: set[int]) -> None:
    """What the reader inferred that the user should know before importing."""
    t = insp.table
    if t.fmt == "xlsx" and t.sheets and t.sheet != hidden_parts.sheet_order(t)[0] \
            and t.sheet not in hidden_parts.hidden_sheets(t):  # visible sheets were passed over
        insp.notes.append(Message("ingest.note.sheet", {"sheet": t.sheet, "position": t.sheets.index(t.sheet) + 1,
                                                        "count": len(t.sheets)}))
    for c in insp.columns:
        if c.index in hidden:
            insp.notes.append(Message("ingest.note.hidden_column" if c.key else "ingest.note.hidden_column_skipped",
                                      {"column": c.index + 1, "header": c.header, "key": c.key or ""}))
    if insp.year_columns:
        if insp.base_date is None:
            insp.notes.append(Message("ingest.note.no_year", {"columns": "、".join(insp.year_columns)}))
        else:
            insp.notes.append(Message("ingest.note.year_from_" + (insp.base_source or "title"), {
                "columns": "、".join(insp.year_columns), "year": insp.base_date.year,
                "date": insp.base_date.isoformat()}))


def _find_header(table: TableFile, sheet: str | None, chosen) -> tuple[TableFile, list[list], rules.HeaderGuess]:
    index = chosen.index if chosen else preset_repo.get(preset_repo.GENERIC).index
    candidates = [sheet] if sheet else hidden_parts.sheet_order(table)  # hidden helper sheets last
    if sheet and table.fmt == "xlsx" and sheet not in table.sheets:
        raise ValidationError("error.ingest.unknown_sheet", field="sheet", sheet=sheet,
                              known=", ".join(table.sheets))
    found = []
    for name in candidates:
        t = table.with_sheet(name) if name else table
        head = t.head(HEAD_ROWS)
        guess = rules.detect_header(head, index)
        if guess is None:
            continue
        # A workbook often opens with a summary sheet (totals, no time column): the data sheet is
        # the one whose header says which broadcast/minute/product each row is.
        keys = {index.match(n) for n in guess.names if n}
        if rules.infer_kind(keys) is not None:
            return t, head, guess
        found.append((t, head, guess))
    if found:
        return found[0]
    raise FileRejected("error.ingest.no_header", file=table.name)


def _map_columns(names: list[str], preset, remembered: dict | None, overrides: dict[int, str | None],
                 hidden: set[int] = frozenset()) -> list[ColumnMap]:  # type: ignore[assignment]
    stored = (remembered or {}).get("mapping", {})
    cols, seen = [], set()
    # Visible columns claim their key first: a hidden helper copy of 成交金额 never wins over the shown one.
    order = sorted(range(len(names)), key=lambda i: i in hidden)
    for i in order:
        name = names[i]
        detected = preset.index.match(name) if name else None
        key = detected if detected != rules.PII else None
        if str(i) in stored:
            key = stored[str(i)] or None
        if i in overrides:
            key = overrides[i] or None
        elif key in seen:
            key = None  # the first column of a key wins; the user can switch in the dialog
        if key:
            seen.add(key)
        cols.append(ColumnMap(i, name, key, detected, hint=rules.unit_hint(name), hidden=i in hidden))
    return sorted(cols, key=lambda c: c.index)


def _zone_and_currency(ctx: Context, anchor_id: str | None, session_id: str | None, preset) -> tuple[str, str]:
    info = workspace_info(ctx)
    if session_id:
        s = session_repo.get_session(ctx.ws, session_id) or _short_session(ctx, session_id)
        return s.timezone, s.currency
    if anchor_id:
        a = roster_repo.get_anchor(ctx.ws, anchor_id)
        if a is None:
            raise ValidationError("error.anchor.unknown", field="anchor", anchor=anchor_id)
        return a.timezone, preset.currency or info.default_currency
    return info.default_timezone, preset.currency or info.default_currency


def _short_session(ctx: Context, session_id: str):
    from desktop_app.services.lifecycle import get

    return get(ctx, session_id)


def _default_as_of(ctx: Context, date_range: tuple[date, date] | None, tz: str) -> date:
    return date_range[1] if date_range else local(ctx.now(), tz).date()


def _decide(insp: Inspection, remembered: dict, overrides: dict[int, dict]) -> None:
    """Each mapped column's reading from the first rows (the preview); the import re-decides from the
    whole column. Remembered and user-chosen readings are pinned: evidence never overrides them."""
    evidence = {c.index: rules.ColumnEvidence(c.kind, header=c.header,
                                              percent_formatted=c.index in insp.percent_formatted)
                for c in insp.mapped}
    n = 0
    dated = [c.index for c in insp.mapped if c.kind == rules.K_DATETIME]
    no_year: set[int] = set()
    for rownum, cells in insp.table.rows():
        if rownum <= insp.header_row:
            continue
        width = len(cells)
        for j, ev in evidence.items():
            if j < width and cells[j] != "":
                ev.add(cells[j])
        for j in dated:
            if j < width and j not in no_year and lacks_year(cells[j]):
                no_year.add(j)
        n += 1
        if n >= DECIDE_ROWS:
            break
    insp.year_columns = [c.header for c in insp.mapped if c.index in no_year]
    for c in insp.mapped:
        c.decision = evidence[c.index].decision()
        c.percent_evidence = evidence[c.index].percent
        for source in (remembered.get(str(c.index)), overrides.get(c.index)):
            for k, v in (source or {}).items():
                c.decision.pin(k, v)


def column_evidence(insp: Inspection) -> list[tuple[int, rules.ColumnEvidence, ColumnMap]]:
    """Accumulators for the columns whose reading the rest of the file may still change."""
    out = []
    for c in insp.mapped:
        ev = rules.ColumnEvidence(c.kind, header=c.header, percent_formatted=c.index in insp.percent_formatted)
        if ev.locale is None and ev.percent is None and ev.dates is None:
            continue
        if {"locale", "percent_mode", "date_order"} <= c.decision.pinned:
            continue
        out.append((c.index, ev, c))
    return out


def remap(insp: Inspection, overrides: dict[int, str | None], decisions: dict[int, dict] | None = None) -> None:
    """Apply the user's changes from the mapping dialog to an inspection in place."""
    for c in insp.columns:
        if c.index in overrides:
            c.key = overrides[c.index] or None
    _decide(insp, {}, decisions or {})
    insp.kind = insp.kind if insp.kind else rules.infer_kind(insp.keys())


# -- preview ------------------------------------------------------------------------------
@dataclass
class PreviewRow:
    row: int
    status: str  # data | blank | total | repeated_header | rejected
    values: dict[int, object]  # column index → parsed value (or None)
    errors: dict[int, Message]


def preview(insp: Inspection, limit: int = PREVIEW_ROWS) -> list[PreviewRow]:
    """Parsed values of the first rows, as the import would read them."""
    convs = insp.converters()
    norms = [rules.normalize_header(n) for n in insp.names]
    out = []
    for rownum, cells in insp.table.rows():
        if rownum <= insp.header_row:
            continue
        values, errors = {}, {}
        for j, _key, conv in convs:
            cell = cells[j] if j < len(cells) else None
            try:
                values[j] = conv(cell)
            except ValidationError as exc:
                errors[j] = exc.message
        status = rules.classify_row(cells, norms)
        if status == rules.DATA and errors:
            status = "rejected"
        out.append(PreviewRow(rownum, status, values, errors))
        if len(out) >= limit:
            break
    return out


# -- run ---------------------------------------------------------------------------------
def run(ctx: Context, insp: Inspection, *, anchor_id: str | None = None, session_id: str | None = None,
        strict: bool = False, dry_run: bool = False, remember: bool = True, source: Source = Source.IMPORT,
        progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Stream every row into one transaction; see the module docstring for what rolls back."""
    if insp.kind is None:
        raise FileRejected("error.ingest.no_time_column", file=insp.table.name)
    result = ImportResult(insp, dry_run=dry_run, import_id=new_id())
    if not dry_run and not repo.imports_with_hash(ctx.ws, insp.sha256):
        # A checked backup first (issue 9's service); a re-import of a known file skips it.
        from desktop_app.services.backup import backup_before

        backup_before(ctx, "import")
    conn = ctx.ws.conn
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    fk = conn.execute("PRAGMA foreign_keys").fetchone()[0] and not conn.in_transaction
    # A bigger page cache for the one big transaction: index pages stop spilling to the WAL mid-import.
    conn.execute("PRAGMA cache_size = -65536")
    if fk:
        # Every sample references a session this transaction just read or created, so the per-row
        # foreign-key probe (a third of the insert time) proves nothing; it is back on right after.
        conn.execute("PRAGMA foreign_keys = OFF")
    kw = {"anchor_id": anchor_id, "session_id": session_id, "source": source, "progress": progress,
          "cancelled": cancelled}
    try:
        with ctx.ws.write():
            suspended = repo.suspend_sample_triggers(ctx.ws)
            try:
                writer, result = _pass(ctx, insp, result, watch=True, **kw)
            except _DecisionsChanged:
                # A value after the preview rows changed how a column reads (a rate over 1, a
                # 1.234 that is a decimal after all): the first pass is rolled back to its
                # savepoint and the whole file is read again with the whole column's decision.
                result = ImportResult(insp, dry_run=dry_run, import_id=result.import_id)
                writer, result = _pass(ctx, insp, result, watch=False, **kw)
            if suspended:
                repo.restore_triggers(ctx.ws, suspended)
                repo.fire_insert_triggers(ctx.ws, writer.inserted_groups, writer.now_iso)
            if result.accepted == 0:
                raise FileRejected("error.ingest.no_rows", file=insp.table.name, rejected=result.rejected_rows,
                                   skipped=result.skipped)
            if strict and result.rejected_rows:
                raise FileRejected("error.ingest.strict", file=insp.table.name, count=result.rejected_rows)
            if dry_run or not writer.changed:
                raise _Rollback
            writer.commit_records(remember=remember)
        result.committed = True
        result.changes = writer.changes()
    except _Rollback:
        pass
    except FileRejected as exc:
        exc.result = getattr(exc, "result", None) or result  # type: ignore[attr-defined]
        raise
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache)}")
        if fk:
            conn.execute("PRAGMA foreign_keys = ON")
        insp.table.close()
    return result


class _DecisionsChanged(Exception):
    """The whole column decided differently from the preview rows: read the file again."""


def _pass(ctx: Context, insp: Inspection, result: ImportResult, *, watch: bool, anchor_id: str | None,
          session_id: str | None, source: Source, progress: Progress | None,
          cancelled: Callable[[], bool] | None) -> tuple[_Writer, ImportResult]:
    """One streaming pass over the file inside a savepoint (rolled back when decisions change)."""
    evidence = column_evidence(insp) if watch else None
    try:
        with ctx.ws.write():
            writer = _Writer(ctx, insp, result, anchor_id=anchor_id, session_id=session_id, source=source,
                             background=True)
            try:
                for rownum, values in iterate_rows(insp, result, progress=progress, cancelled=cancelled,
                                                   evidence=evidence):
                    writer.add(rownum, values)
                if cancelled is not None and cancelled():
                    raise ImportCancelled("error.ingest.cancelled", file=insp.table.name)
                changed = [c for _j, ev, c in evidence or () if ev.apply(c.decision)]
                if changed:
                    raise _DecisionsChanged
                writer.finish()
            finally:
                writer.batches.stop()  # before the savepoint ends: no statement may still be running
    except FileRejected as exc:
        exc.result = result  # type: ignore[attr-defined]
        raise
    return writer, result


def iterate_rows(insp: Inspection, result: ImportResult, *, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None, rows=None,
                 evidence: list[tuple[int, rules.ColumnEvidence, ColumnMap]] | None = None,
                 ) -> Iterator[tuple[int, list]]:
    """Accepted rows as a list of values in ``insp.converters()`` order (None: not collected);
    skipped and rejected rows are counted in ``result``. ``evidence`` is fed every cell of its columns.
    """
    convs = insp.converters()
    pairs = [(j, conv) for j, _key, conv in convs]
    width = max((j for j, _k, _c in convs), default=-1) + 1
    headers = {c.index: c.header for c in insp.columns}
    norms = [rules.normalize_header(n) for n in insp.names]
    required = {rules.TIMESERIES: (rules.TS,), rules.SESSIONS: (rules.START, rules.DATE),
                rules.PRODUCTS: (rules.PRODUCT_NAME, rules.PRODUCT_SKU)}.get(insp.kind or "", ())
    keys = [k for _j, k, _c in convs]
    req_pos = [i for i, k in enumerate(keys) if k in required]
    metric_pos = [i for i, k in enumerate(keys) if k in RAW_METRICS]
    feeds = [(j, f) for j, ev, c in evidence or () for f in ev.feeds(c.decision.pinned)]
    total = _estimate_rows(insp)
    pad = [None] * width
    rows = rows if rows is not None else insp.table.rows()
    for rownum, cells in rows:
        if rownum <= insp.header_row:
            continue
        if rownum % 1000 == 0:
            if cancelled is not None and cancelled():
                raise ImportCancelled("error.ingest.cancelled", file=insp.table.name)
            if progress is not None:
                progress(rownum, max(total, rownum))
        if len(cells) < width:
            cells = [*cells, *pad[len(cells):]]
        first = cells[0] if cells else None
        if first is None or first == "":
            first = next((c for c in cells if c is not None and c != ""), None)
            if first is None:
                result.skipped += 1
                continue
        if type(first) is str and first.strip().lower().rstrip(":：") in rules.TOTAL_WORDS:
            result.skipped += 1
            continue
        for j, feed in feeds:
            feed(cells[j])
        try:
            vals = [conv(cells[j]) for j, conv in pairs]
        except ValidationError:
            vals, errors = _convert_collecting(pairs, cells)
        else:
            if None not in vals:  # every cell read: the row is whole (the common case, checked in C)
                yield rownum, vals
                continue
            errors = None
        if errors or (req_pos and all(vals[i] is None for i in req_pos)) \
                or all(vals[i] is None for i in metric_pos):
            status = rules.classify_row(cells, norms)
            if status != rules.DATA:
                result.skipped += 1
                continue
            if not errors and all(vals[i] is None for i in metric_pos):
                result.skipped += 1  # a row with nothing collected: no value to store, not an error
                continue
            result.rejected_rows += 1
            if errors:
                for j, cell, message in errors:
                    result.reject(rownum, headers.get(j, str(j + 1)), cell, message)
            else:
                result.reject(rownum, _required_header(insp, required), "", Message("error.ingest.missing_time"))
            continue
        yield rownum, vals
    if progress is not None:
        progress(total, total)


def _convert_collecting(pairs, cells) -> tuple[list, list]:
    vals, errors = [], []
    for j, conv in pairs:
        try:
            vals.append(conv(cells[j]))
        except ValidationError as exc:
            vals.append(None)
            errors.append((j, cells[j], exc.message))
    return vals, errors


def _required_header(insp: Inspection, required: tuple[str, ...]) -> str:
    for c in insp.columns:
        if c.key in required:
            return c.header
    return ""


def _estimate_rows(insp: Inspection) -> int:
    t = insp.table
    try:
        size = t.path.stat().st_size
    except OSError:
        return 0
    if t.fmt == "xlsx":
        return max(1, size // 40)  # compressed sheet bytes per row, roughly; only drives a progress bar
    return max(1, size // 60)


class _Writer:
    """Turns accepted rows into sessions and samples inside the open transaction."""

    def __init__(self, ctx: Context, insp: Inspection, result: ImportResult, *, anchor_id: str | None,
                 session_id: str | None, source: Source, background: bool = False) -> None:
        self.ctx, self.insp, self.result, self.source = ctx, insp, result, source
        self.now = ctx.now()
        self.now_iso = to_iso(self.now)
        self.anchor_id = anchor_id
        self.fixed = _short_session(ctx, session_id) if session_id else None
        if self.fixed is not None:
            _check_target(self.fixed, insp)
        self.pending: list[tuple] = []
        self.existing: dict[str, dict] = {}
        self.recent: OrderedDict[tuple, tuple] = OrderedDict()  # popitem(last=False) is O(1); dict's is not
        # (session, ts) → the sample tuples the fast minute path wrote: in-file duplicates find them here.
        self.recent_rows: OrderedDict[tuple, list] = OrderedDict()
        self.existing_ts: dict[str, set[str]] = {}
        self.inserted: set[str] = set()
        self.inserted_groups: set[tuple[str, int]] = set()  # (session, provisional): for restored triggers
        self.scales: dict[str, Decimal] = {}
        self.import_id = result.import_id
        self.late_limit = self.now + TS_TOLERANCE
        self.keys = [c.key for c in insp.mapped]
        self.ts_pos = self.keys.index(rules.TS) if rules.TS in self.keys else -1
        self.metric_pos = [(i, k) for i, k in enumerate(self.keys) if k in RAW_METRICS]
        self.touched: set[str] = set()
        self.ids = repo.SampleIds()
        self.source_text = str(source)
        self.fast: list[list] = []  # minute rows for the next batch statement: [id stem, session, ts, values…]
        self.fast_samples = 0
        self.metric_keys = [k for _i, k in self.metric_pos]
        self.key_column = {k: n for n, k in enumerate(self.metric_keys)}
        self.money_columns = [n for n, k in enumerate(self.metric_keys) if rules.column_kind(k) == rules.K_MONEY]
        ws, keys, columns = ctx.ws, self.metric_keys, repo.row_columns(self.metric_keys)

        def write(batch: list) -> None:
            repo.insert_minute_rows(ws, batch, keys, columns=columns, source=self.source_text, author=self.author,
                                    import_id=result.import_id, created_at=self.now_iso)

        # In the background only for a whole-file import: a follow poll writes a few rows.
        self.batches = repo.SampleBatchWriter(write, background=background)
        self.sessions: dict[str, object] = {}
        self.last_ts: dict[str, datetime] = {}
        self.current: dict[str, str] = {}  # anchor → session of the minute rows being read
        self.anchors: dict[tuple, str] = {}
        self.anchors_created = False
        self.settled: set[str] = set()
        self.changed = False
        self.extra = Changes()
        self.author = ctx.actor_id

    # -- rows ----------------------------------------------------------------------
    def add(self, rownum: int, vals: list) -> None:
        try:
            kind = self.insp.kind
            if kind == rules.TIMESERIES:
                self._add_minute(vals)
            else:
                self.batches.drain()
                self._add_settlement(rownum, self._dict(vals), products=(kind == rules.PRODUCTS))
        except _RowRefused as exc:
            self.result.rejected_rows += 1
            self.result.reject(rownum, exc.column, exc.value, exc.message)
            return
        self.result.accepted += 1
        if len(self.fast) >= FAST_BATCH:
            self._send_fast()
        if len(self.pending) >= BATCH:
            self.flush()

    def _dict(self, vals: list) -> dict:
        return {k: v for k, v in zip(self.keys, vals, strict=True) if v is not None}

    def _add_minute(self, vals: list) -> None:
        ts: datetime = vals[self.ts_pos]
        s = self.fixed or self._minute_session(self._dict(vals), ts)
        if s.status == SessionStatus.LIVE and s.on_air_utc and ts < s.on_air_utc - timedelta(seconds=1):
            raise _RowRefused(self._header(rules.TS), ts.isoformat(), ValidationError("error.sample.before_start", field="ts").message)
        if ts > self.late_limit:
            raise _RowRefused(self._header(rules.TS), ts.isoformat(), Message("error.ingest.future", {"ts": to_iso(ts)}))
        # The converters hand over UTC datetimes; to_iso's zone conversion is only for the rest.
        ts_iso = ts.isoformat(timespec="milliseconds")[:-6] + "Z" if ts.tzinfo is UTC else to_iso(ts)
        sid = s.id
        existing = self.existing.get(sid)
        if existing is None:
            existing = self._load_existing(sid)
        row_key = (sid, ts_iso)
        if (existing and ts_iso in self.existing_ts[sid]) or row_key in self.recent_rows:
            for pos, key in self.metric_pos:  # seen before: compare sample by sample
                v = vals[pos]
                if v is not None:
                    self._sample(s, ts_iso, key, v, provisional=1, as_of=None, product=None)
        else:
            # The common case: the row as it is (SQLite makes one sample per value), no per-sample work.
            row = [self.ids.next()[:repo.ID_STEM], sid, ts_iso]
            row += [vals[pos] for pos, _key in self.metric_pos]
            for n in self.money_columns:
                if (v := row[3 + n]) is not None:
                    row[3 + n] = self._minor(v, s.currency)
            count = len(self.metric_pos) - row.count(None)
            if count:
                self.fast.append(row)
                self.fast_samples += count
                self.recent_rows[row_key] = row
                if len(self.recent_rows) > RECENT_ROWS:
                    self.recent_rows.popitem(last=False)
                if sid not in self.touched:
                    self._touch(sid)
                if sid not in self.inserted:
                    self.inserted.add(sid)
                    self.inserted_groups.add((sid, 1))
        if sid not in self.last_ts or ts > self.last_ts[sid]:
            self.last_ts[sid] = ts

    def _minor(self, value: Decimal, code: str) -> int:
        scale = self.scales.get(code)
        if scale is None:
            scale = self.scales[code] = Decimal(10) ** currency_info(code).exponent
        return int((value * scale).quantize(_ONE, rounding=ROUND_HALF_UP))

    def _load_existing(self, session_id: str) -> dict:
        self.batches.drain()
        existing = self.existing[session_id] = repo.existing_samples(self.ctx.ws, session_id)
        self.existing_ts[session_id] = {k[0] for k in existing}
        return existing

    def _add_settlement(self, rownum: int, values: dict, *, products: bool) -> None:
        s = self.fixed or self._broadcast_session(values)
        if s.status not in (SessionStatus.POST, SessionStatus.CLOSED):
            raise _RowRefused(self._header(rules.START), "", Message(
                "error.settlement.not_after_broadcast", {"session": s.title, "status": str(s.status)}))
        product = None
        if products:
            name, sku = values.get(rules.PRODUCT_NAME), values.get(rules.PRODUCT_SKU)
            product, created = repo.find_or_add_product(self.ctx.ws, s.id, s.client_id, name=name, sku=sku,
                                                        now=self.now)
            self.changed |= created
        ts_iso = to_iso(s.off_air_utc or s.on_air_utc or s.scheduled_start_utc)
        as_of = self.insp.as_of.isoformat()
        for key, v in values.items():
            if key in RAW_METRICS:
                self._sample(s, ts_iso, key, v, provisional=0, as_of=as_of, product=product)
        self.settled.add(s.id)

    def _sample(self, s, ts_iso: str, key: str, value, *, provisional: int, as_of: str | None,
                product: str | None) -> None:
        if type(value) is Decimal:
            value = self._minor(value, s.currency)
        existing = self.existing.get(s.id)
        if existing is None:
            existing = self._load_existing(s.id)
        natural = (ts_iso, key, provisional, as_of, product)
        found = (existing.get(natural) if existing else None) or self.recent.get(natural) \
            or self._recent_minute(s.id, natural)
        if found is not None:
            self._seen_again(s, natural, found, value, existing)
            return
        sample_id = self.ids.next()
        # Only a window of this file's own samples is remembered (flat memory); repeated rows sit close.
        self.recent[natural] = (sample_id, value, self.source_text)
        if len(self.recent) > RECENT_KEYS:
            self.recent.popitem(last=False)
        self.pending.append((sample_id, s.id, ts_iso, key, value, self.source_text, provisional, as_of, product,
                             self.author, self.import_id, self.now_iso))
        if s.id not in self.touched:
            self._touch(s.id)
        if s.id not in self.inserted:
            self.inserted.add(s.id)
        self.inserted_groups.add((s.id, provisional))

    def _recent_minute(self, session_id: str, natural: tuple) -> tuple | None:
        """A sample the fast minute path wrote for this file (same time and key), as (id, value, source)."""
        if natural[2] != 1 or natural[4] is not None:
            return None
        row = self.recent_rows.get((session_id, natural[0]))
        n = self.key_column.get(natural[1])
        if row is None or n is None or row[3 + n] is None:
            return None
        return (row[0] + repo.value_suffix(n), row[3 + n], self.source_text)

    def _seen_again(self, s, natural: tuple, found: tuple, value, existing: dict) -> None:
        sid, old, src = found
        if not _same_value(old, value) and src in ("import", "watch"):
            self.flush()  # the row may still be waiting in the batch
            repo.update_sample_value(self.ctx.ws, sid, value, self.result.import_id, self.now)
            if natural in existing:
                existing[natural] = (sid, value, src)
            else:
                self.recent[natural] = (sid, value, src)  # consulted before the fast path's rows
            self.result.samples_updated += 1
            self._touch(s.id)
        else:
            self.sessions.setdefault(s.id, s)
            self.result.sessions.setdefault(s.id, "unchanged")

    def _touch(self, session_id: str) -> None:
        self.touched.add(session_id)
        self.changed = True
        self.sessions.setdefault(session_id, None)
        if self.result.sessions.get(session_id) in (None, "unchanged"):
            self.result.sessions[session_id] = "updated"

    def _header(self, key: str) -> str:
        return next((c.header for c in self.insp.columns if c.key == key), "")

    # -- sessions ------------------------------------------------------------------
    def _minute_session(self, values: dict, ts: datetime):
        anchor = self._anchor(values)
        cur = self.current.get(anchor)
        if cur is not None:
            s = self.sessions_obj(cur)
            end = self.last_ts.get(s.id, s.off_air_utc) if s.id in self.result.created_ids else s.off_air_utc
            if s.on_air_utc - TS_TOLERANCE <= ts and (end is None or ts <= end + timedelta(hours=1)):
                return s
        self.batches.drain()
        rows = repo.sessions_covering(self.ctx.ws, anchor, ts, TS_TOLERANCE)
        s = _short_session(self.ctx, rows[0][0]) if rows else self._create(anchor, values, ts, None)
        self.current[anchor] = s.id
        self.sessions[s.id] = s
        return s

    def sessions_obj(self, session_id: str):
        s = self.sessions.get(session_id)
        if s is None:
            s = self.sessions[session_id] = _short_session(self.ctx, session_id)
        return s

    def _broadcast_session(self, values: dict):
        anchor = self._anchor(values)
        start: datetime | None = values.get(rules.START)
        if start is None and rules.DATE not in values:
            raise FileRejected("error.ingest.session_needed", file=self.insp.table.name)
        if start is None:
            return self._by_date(anchor, values)
        near = repo.sessions_near(self.ctx.ws, anchor, start, SESSION_TOLERANCE)
        if near:
            best = min(near, key=lambda r: abs(datetime.fromisoformat(r[1].replace("Z", "+00:00")) - start))
            return self.sessions_obj(best[0])
        end = values.get(rules.END)
        if end is None and values.get(rules.DURATION) is not None:
            end = start + timedelta(seconds=float(values[rules.DURATION]))
        if end is not None and end < start:
            refusal = ValidationError("error.session.end_before_start", field="off_air").message
            raise _RowRefused(self._header(rules.END), to_iso(end), refusal)
        return self._create(anchor, values, start, end)

    def _by_date(self, anchor: str, values: dict):
        day: datetime = values[rules.DATE]
        tz = self.insp.tz
        local_day = local(day, tz).date()
        rows = self.ctx.ws.query(
            "SELECT id, COALESCE(on_air_utc, scheduled_start_utc) FROM sessions WHERE anchor_id = ?"
            " AND status IN ('post', 'closed') AND COALESCE(on_air_utc, scheduled_start_utc) BETWEEN ? AND ?",
            (anchor, to_iso(day - timedelta(days=1)), to_iso(day + timedelta(days=2))))
        same = [r[0] for r in rows if local(datetime.fromisoformat(r[1].replace("Z", "+00:00")), tz).date()
                == local_day]
        if len(same) == 1:
            return self.sessions_obj(same[0])
        reason = "error.ingest.date_ambiguous" if same else "error.ingest.date_unmatched"
        raise _RowRefused(self._header(rules.DATE), local_day.isoformat(),
                          Message(reason, {"date": local_day.isoformat(), "count": len(same)}))

    def _create(self, anchor_id: str, values: dict, start: datetime, end: datetime | None):
        from desktop_app.services.lifecycle import create_imported
        from desktop_app.services.lifecycle import get as get_session

        a = roster_repo.get_anchor(self.ctx.ws, anchor_id)
        title = (values.get(rules.TITLE) or "").strip()[:120] or Message(
            "ingest.session.default_title",
            {"anchor": a.name, "start": local(start, a.timezone).strftime("%Y-%m-%d %H:%M")}).text()
        try:
            s = create_imported(self.ctx, anchor_id=anchor_id, title=title, on_air=start, off_air=end,
                                currency=self.insp.currency)
        except ValidationError as exc:
            raise _RowRefused(self._header(rules.START), to_iso(start), exc.message) from None
        s = get_session(self.ctx, s.id)
        self.result.created_ids.add(s.id)
        self.result.sessions[s.id] = "created"
        self.sessions[s.id] = s
        self.changed = True
        return s

    def _anchor(self, values: dict) -> str:
        if self.anchor_id:
            return self.anchor_id
        account, name = values.get(rules.ACCOUNT), values.get(rules.ANCHOR_NAME)
        cache_key = (account, name)
        if cache_key in self.anchors:
            return self.anchors[cache_key]
        self.batches.drain()
        platform = self.insp.preset.platform if self.insp.preset.platform != "other" else None
        found = (repo.anchor_by_account(self.ctx.ws, account, platform) if account else None) \
            or (repo.anchor_by_account(self.ctx.ws, account, None) if account else None) \
            or (repo.anchor_by_name(self.ctx.ws, name) if name else None)
        if found is None:
            found = self._new_anchor(account, name)
        self.anchors[cache_key] = found
        return found

    def _new_anchor(self, account: str | None, name: str | None) -> str:
        from desktop_app.services import roster

        if not (account or name):
            raise FileRejected("error.ingest.anchor_needed", file=self.insp.table.name)
        label = (name or account or "").strip()[:80]
        if repo.anchor_by_name(self.ctx.ws, label):
            label = f"{label} ({account})"[:80]
        try:
            a, _ = roster.create_anchor(self.ctx, label, self.insp.preset.platform, specialist_id=self.ctx.actor_id,
                                        account_id=account)
        except ValidationError as exc:
            raise FileRejected("error.ingest.anchor_create", file=self.insp.table.name, name=label,
                               detail=exc.text()) from None
        self.anchors_created = True
        self.changed = True
        return a.id

    # -- end -----------------------------------------------------------------------
    def held_back(self) -> list[tuple]:
        """The samples not yet written, as metric_samples rows (INSERT_SQL's parameter order)."""
        tail = (self.source_text, 1, None, None, self.author, self.import_id, self.now_iso)
        return list(self.pending) + [(*sample, *tail) for sample in repo.expand_rows(self.fast, self.metric_keys)]

    def _send_fast(self) -> None:
        self.batches.submit(self.fast)
        self.result.samples_written += self.fast_samples
        self.fast, self.fast_samples = [], 0

    def flush(self) -> None:
        """Write every sample held back; afterwards the connection is this thread's again."""
        if self.fast:
            self._send_fast()
        self.batches.drain()
        if self.pending:
            self.ctx.ws.conn.executemany(sample_repo.INSERT_SQL, self.pending)
            self.result.samples_written += len(self.pending)
            self.pending = []

    def finish(self) -> None:
        self.flush()
        for sid in self.result.created_ids:
            last = self.last_ts.get(sid)
            s = self.sessions_obj(sid)
            if last is not None and s.off_air_utc is None:
                session_repo.update_session(self.ctx.ws, sid, self.now, off_air_utc=last)

    def commit_records(self, *, remember: bool) -> None:
        ws, now = self.ctx.ws, self.now
        touched = [sid for sid, action in self.result.sessions.items() if action != "unchanged"]
        for sid in touched:
            s = self.sessions_obj(sid)
            if s.status == SessionStatus.CLOSED and sid not in self.result.created_ids:
                session_repo.audit(ws, at=now, by=self.author, session_id=sid, action="import",
                                   detail_json=dumps({"import_id": self.result.import_id,
                                                      "file": self.insp.table.name}), row_id=new_id())
            if sid in self.settled:
                self.extra = self.extra | _tick_settlement(self.ctx, sid)
            self.extra = self.extra | _complete_metric_checklist_runs(self.ctx, sid)
            summaries.refresh(ws, sid, now)
        counts = dict(self.result.counts, samples=self.result.samples_written, updated=self.result.samples_updated)
        repo.record_import(ws, import_id=self.result.import_id, at=now, by=self.author,
                           file_name=self.insp.table.name, sha256=self.insp.sha256, preset=self.insp.preset.name,
                           counts=counts)
        if remember:
            save_mapping(self.ctx, self.insp)

    def changes(self) -> Changes:
        ids = frozenset(sid for sid, a in self.result.sessions.items() if a != "unchanged")
        return Changes(sessions=ids, samples=ids, roster=self.anchors_created) | self.extra


def _same_value(old, new) -> bool:
    """Equal, or floats that differ only in the last bits: a batch statement's value went through
    SQLite's own decimal-to-double parser, which on some platforms rounds the last bit differently."""
    if old == new:
        return True
    return type(old) is float and type(new) is float and math.isclose(old, new, rel_tol=1e-14, abs_tol=0.0)


class _RowRefused(Exception):
    def __init__(self, column: str, value: object, message: Message) -> None:
        super().__init__(message.key)
        self.column, self.value, self.message = column, value, message


def _check_target(s, insp: Inspection) -> None:
    if insp.kind == rules.TIMESERIES and s.status not in (SessionStatus.LIVE, SessionStatus.POST, SessionStatus.CLOSED):
        raise FileRejected("error.ingest.session_not_started", file=insp.table.name, session=s.title,
                           status=str(s.status))


def _tick_settlement(ctx: Context, session_id: str) -> Changes:
    """Tick the open settlement checklist item(s) of the session (a no-op when none is open)."""
    from desktop_app.services.checklists import tick_by_app

    return tick_by_app(ctx, session_id, "settlement") or Changes()


def _complete_metric_checklist_runs(ctx: Context, session_id: str) -> Changes:
    """Imported minute data completes the session's metric-only checklist runs of its windows."""
    from desktop_app.services.checklists import recheck_metric_runs

    return recheck_metric_runs(ctx, session_id) or Changes()


def save_mapping(ctx: Context, insp: Inspection) -> None:
    """Remember this layout's mapping and decisions (call inside a write)."""
    mapping = {str(c.index): c.key for c in insp.columns}
    # Only the readings the user chose are remembered: the rest is decided again from each file's data.
    decisions = {str(c.index): {k: v for k, v in c.decision.to_json().items() if k in c.decision.pinned}
                 for c in insp.mapped if c.decision.pinned}
    repo.save_mapping(ctx.ws, insp.signature, preset=insp.preset.name, kind=insp.kind, mapping=mapping,
                      decisions=decisions, now=ctx.now(), by=ctx.actor_id)
