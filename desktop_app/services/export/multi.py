"""Multi-session report for leads and monthly client reports, plus one CSV per table.

One row per session with its KPIs (settled where settled) and compliance; subtotals per
anchor, per client and per currency — amounts in different currencies are never added,
every subtotal is keyed by currency — and a daily trend with a native chart.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from desktop_app.domain.errors import LiveOpsError, ValidationError
from desktop_app.domain.money import to_major
from desktop_app.domain.timeutil import from_iso, zone
from desktop_app.messages import msg
from desktop_app.services.context import Context
from desktop_app.services.export import labels as L
from desktop_app.services.export.cells import csv_text
from desktop_app.services.export.files import atomic_target
from desktop_app.services.export.report import Table
from desktop_app.services.queries import session_rows
from desktop_app.services.workspace_service import workspace_info
from desktop_app.storage import exports as repo

MONEY = ("gmv", "ad_spend", "gmv_per_buyer", "uv_value")
SUM_KEYS = ("gmv", "orders", "buyers", "uv", "ad_spend")


@dataclass(frozen=True)
class MultiOptions:
    start: date
    end: date
    variant: str = "internal"
    lang: str = "zh_CN"
    anchor_id: str | None = None
    client_id: str | None = None
    specialist_id: str | None = None
    platform: str | None = None
    statuses: tuple[str, ...] = ()
    signoff: str | None = None  # the history view's filters, applied by the history query itself
    text: str = ""
    csv: bool = False


@dataclass
class MultiReport:
    options: MultiOptions
    title: str
    sessions: Table
    subtotals: Table
    trend: Table
    trend_currencies: list[str]
    session_ids: list[str]
    definitions: Table = field(default_factory=lambda: Table([]))
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class MultiResult:
    path: Path
    sha256: str
    count: int
    csv_paths: tuple[Path, ...]


def _kpi(row: dict, key: str) -> tuple[float | None, str | None, str | None]:
    k = ((row.get("summary") or {}).get("kpis") or {}).get(key)
    return (k["value"], k["basis"], k.get("as_of")) if k else (None, None, None)


def build_multi(ctx: Context, o: MultiOptions) -> MultiReport:
    if o.end < o.start:
        raise ValidationError("error.export.range", field="to", value=str(o.end))
    if o.variant == "client" and not o.client_id:
        raise LiveOpsError("error.export.multi_client_variant")
    tz = workspace_info(ctx).default_timezone
    start = datetime.combine(o.start, time.min, tzinfo=zone(tz))
    end = datetime.combine(o.end + timedelta(days=1), time.min, tzinfo=zone(tz))
    chosen = _history_ids(ctx, o)
    # Cancelled sessions have no numbers: left out unless the status filter asks for them.
    statuses = o.statuses or ("planned", "pre", "live", "post", "closed")
    rows = [r for r in session_rows(ctx, start_from=start, start_to=end, anchor_id=o.anchor_id,
                                    client_id=o.client_id, specialist_id=o.specialist_id, statuses=statuses)
            if r["session_id"] in chosen]
    if not rows:
        raise LiveOpsError("error.export.no_sessions")
    clients = repo.product_clients(ctx.ws, [r["session_id"] for r in rows])
    lang = o.lang
    title = msg("export.multi.title", lang=lang, start=o.start.isoformat(), end=o.end.isoformat())
    sessions = _sessions_table(rows, clients, o, lang)
    return MultiReport(o, title, sessions, _subtotals(rows, clients, o, lang), *_trend(rows, clients, o, lang),
                       session_ids=[r["session_id"] for r in rows], definitions=_definitions(o, lang),
                       notes=[msg("export.multi.currency_note", lang=lang), msg("export.multi.settled_note", lang=lang)])


def _history_ids(ctx: Context, o: MultiOptions) -> set[str]:
    """The sessions the history view shows for the same filters (the same query, so "export these
    sessions" exports exactly the rows on screen)."""
    from desktop_app.services.history import HistoryFilter, history

    f = HistoryFilter(date_from=o.start, date_to=o.end, client_id=o.client_id, anchor_id=o.anchor_id,
                      specialist_id=o.specialist_id, platform=o.platform,
                      status=o.statuses[0] if len(o.statuses) == 1 else None, signoff=o.signoff, text=o.text)
    return {row[0] for row in history(ctx, f)}


def _definitions(o: MultiOptions, lang: str) -> Table:
    """口径 of every metric the report shows: name, key, kind, unit, formula, note, source."""
    from desktop_app.domain.metrics import metric_unit

    h = lambda k, **p: msg(k, lang=lang, **p)  # noqa: E731
    table = Table([h("export.col.metric"), h("export.col.key"), h("export.col.kind"), h("export.col.unit"),
                   h("export.col.formula"), h("export.col.note"), h("export.col.source")], formats=[None] * 7)
    keys = ["duration_seconds", *SESSION_KPIS]
    for key in keys:
        unit = metric_unit(key)
        table.rows.append([L.metric_name(key, lang), key, h(f"export.kind.{L.kind(key)}"),
                           h("export.unit.session_currency") if unit == "money" else h(f"export.unit.{unit}"),
                           L.formula(key), L.note(key, lang) or h(f"export.note_default.{L.kind(key)}"),
                           h("export.source.summary")])
    if o.variant == "internal":
        table.rows.append([h("export.col.compliance_rate"), "compliance_rate", h("export.kind.derived"),
                           h("export.unit.ratio"), "(on_time + late) / (on_time + late + skipped + missed + overdue)",
                           h("export.def.compliance_note"), h("export.source.checklist_runs")])
    table.rows.append([h("export.def.subtotals"), "", "", "", "Σ gmv, Σ orders, Σ buyers, Σ uv, Σ ad_spend;"
                       " gmv_per_buyer = Σ gmv / Σ buyers; overall_roi = Σ gmv / Σ ad_spend",
                       h("export.def.subtotals_note"), h("export.source.summary")])
    return table


def _partial(row: dict, clients: dict[str, set[str]], o: MultiOptions) -> bool:
    """A client report leaves out session-wide totals of sessions that also sell other clients' products."""
    if o.variant != "client":
        return False
    ids = set(clients.get(row["session_id"], set()))
    if row["client"]:
        ids.add(row["client"]["id"])
    return len(ids) > 1


def _local(iso: str | None, tz: str) -> datetime | None:
    dt = from_iso(iso)
    return dt.astimezone(zone(tz)).replace(tzinfo=None) if dt else None


SESSION_KPIS = ("gmv", "orders", "buyers", "uv", "peak_online_viewers", "gmv_per_buyer", "uv_value",
                "view_to_order_rate", "refund_rate", "ad_spend", "overall_roi")


def _sessions_table(rows: list[dict], clients: dict, o: MultiOptions, lang: str) -> Table:
    h = lambda k, **p: msg(k, lang=lang, **p)  # noqa: E731
    internal = o.variant == "internal"
    headers = [h("export.col.date"), h("export.col.anchor"), h("export.col.client"), h("export.col.platform"),
               h("export.col.title"), h("export.col.currency"), msg("metric.duration_seconds", lang=lang)]
    formats: list[str | None] = ["yyyy-mm-dd hh:mm", None, None, None, None, None, L.DURATION_FORMAT]
    headers += [L.metric_header(k, lang, basis="settled" if k in ("gmv", "orders", "buyers", "refund_rate",
                                                                    "ad_spend") else "provisional")
                .replace(" · " + msg("export.basis.settled_as_of", lang=lang, as_of=""),
                         " · " + msg("basis.settled", lang=lang) + "/" + msg("basis.provisional", lang=lang))
                for k in SESSION_KPIS]
    formats += [None] * len(SESSION_KPIS)  # per cell: money formats follow each row's currency
    headers.append(h("export.col.basis"))
    formats.append(None)
    if internal:
        headers += [h("export.col.compliance_rate"), h("export.col.signoff"), h("export.col.status"),
                    h("export.col.specialist")]
        formats += [L.PCT_FORMAT, None, None, None]
    headers += [h("export.col.totals_note"), h("export.col.session_id")]
    formats += [None, None]
    table = Table(headers, formats=formats)
    for r in rows:
        cur = r["currency"]
        partial = _partial(r, clients, o)
        dur = _kpi(r, "duration_seconds")[0]
        line: list[Any] = [_local(r["on_air_utc"] or r["scheduled_start_utc"], r["timezone"]), r["anchor"]["name"],
                           (r["client"] or {}).get("name", ""), msg(f"platform.{r['platform']}", lang=lang), r["title"],
                           cur, dur / 86400 if dur else None]
        for k in SESSION_KPIS:
            v = None if partial else _kpi(r, k)[0]
            shown = to_major(v, cur) if (k in MONEY and v is not None) else v
            line.append((shown, L.number_format(k, cur)))
        value, basis, as_of = _kpi(r, "gmv")
        line.append("" if partial or basis is None else L.basis_label(basis, as_of, lang))
        if internal:
            comp = (r.get("summary") or {}).get("compliance") or {}
            signoff = (r.get("summary") or {}).get("signoff") or "none"
            line += [comp.get("rate"), msg(f"signoff.{signoff}", lang=lang), msg(f"status.{r['status']}", lang=lang),
                     r["specialist"]["name"]]
        line += [msg("export.multi.partial", lang=lang) if partial else "", r["session_id"]]
        table.rows.append(line)
    return table


def _subtotals(rows: list[dict], clients: dict, o: MultiOptions, lang: str) -> Table:
    h = lambda k, **p: msg(k, lang=lang, **p)  # noqa: E731
    internal = o.variant == "internal"
    groups: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in rows:
        if _partial(r, clients, o):
            continue
        cur = r["currency"]
        keys = [("anchor", r["anchor"]["name"], cur), ("currency", cur, cur)]
        if r["client"]:
            keys.insert(1, ("client", r["client"]["name"], cur))
        for key in keys:
            g = groups.setdefault(key, {"n": 0, **{k: 0 for k in SUM_KEYS}, "comp": []})
            g["n"] += 1
            for k in SUM_KEYS:
                g[k] += _kpi(r, k)[0] or 0
            rate = ((r.get("summary") or {}).get("compliance") or {}).get("rate")
            if rate is not None:
                g["comp"].append(rate)
    headers = [h("export.col.group"), h("export.col.name"), h("export.col.currency"), h("export.col.sessions")]
    headers += [L.metric_header(k, lang).split(" · ")[0] for k in SUM_KEYS]
    headers += [L.metric_header(k, lang).split(" · ")[0] for k in ("gmv_per_buyer", "overall_roi")]
    if internal:
        headers.append(h("export.col.compliance_rate"))
    table = Table(headers, formats=[None] * len(headers))
    order = {"anchor": 0, "client": 1, "currency": 2}
    for (kind, name, cur), g in sorted(groups.items(), key=lambda kv: (order[kv[0][0]], kv[0][1], kv[0][2])):
        money = L.money_format(cur)
        line: list[Any] = [msg(f"export.multi.group.{kind}", lang=lang), name, cur, g["n"]]
        line += [(to_major(g[k], cur), money) if k in MONEY else (g[k], L.INT_FORMAT) for k in SUM_KEYS]
        per_buyer = g["gmv"] / g["buyers"] if g["buyers"] else None
        line += [(to_major(per_buyer, cur) if per_buyer is not None else None, money),
                 (g["gmv"] / g["ad_spend"] if g["ad_spend"] else None, L.DEC_FORMAT)]
        if internal:
            line.append((sum(g["comp"]) / len(g["comp"]) if g["comp"] else None, L.PCT_FORMAT))
        table.rows.append(line)
    return table


def _trend(rows: list[dict], clients: dict, o: MultiOptions, lang: str) -> tuple[Table, list[str]]:
    by_day: dict[date, dict[str, float]] = {}
    currencies: list[str] = []
    for r in rows:
        when = _local(r["on_air_utc"] or r["scheduled_start_utc"], r["timezone"])
        gmv = _kpi(r, "gmv")[0]
        if when is None or gmv is None or _partial(r, clients, o):
            continue
        cur = r["currency"]
        if cur not in currencies:
            currencies.append(cur)
        day = by_day.setdefault(when.date(), {})
        day[cur] = day.get(cur, 0) + gmv
        day["_n"] = day.get("_n", 0) + 1
    currencies.sort()
    headers = [msg("export.col.date", lang=lang), msg("export.col.sessions", lang=lang)]
    headers += [f"{msg('metric.gmv', lang=lang)} gmv ({c})" for c in currencies]
    table = Table(headers, formats=["yyyy-mm-dd", L.INT_FORMAT] + [L.money_format(c) for c in currencies])
    for day in sorted(by_day):
        d = by_day[day]
        table.rows.append([datetime.combine(day, time.min), int(d["_n"])]
                          + [to_major(d[c], c) if c in d else None for c in currencies])
    return table, currencies


# --- writing -------------------------------------------------------------------------------------

def write_multi(report: MultiReport, fh) -> None:
    from desktop_app.services.export.cells import text_cell
    from desktop_app.services.export.xlsx import (
        DEFINITION_WIDTHS,
        Book,
        header_height,
        set_widths,
        write_definitions_rows,
    )

    lang = report.options.lang
    book = Book(lang)
    for key, table in (("sessions", report.sessions), ("subtotals", report.subtotals), ("trend", report.trend),
                       ("definitions", report.definitions)):
        ws = book.sheet(key)
        if key == "definitions":
            _print(ws, report, list(DEFINITION_WIDTHS))
            write_definitions_rows(book, ws, table)
            continue
        # Narrow numeric columns with wrapped headers: a sessions row is wide (25 columns), and at
        # the 28-character headers of the one-session export it printed at a quarter size.
        widths = set_widths(ws, table, header_cap=16 if key == "sessions" else 12, numeric=10)
        header_height(ws, 1, table.headers, widths)
        ws.freeze_panes = "A2"
        printed = widths
        if key == "sessions":
            printed = widths[:-1]  # the session ID is for lookups, not for the page
            last = len(table.rows) + len(report.notes) + 2
            ws.print_area = f"A1:{_col(len(printed))}{last}"
        _print(ws, report, printed, title_cols=2 if key == "sessions" else 1)
        book.table(ws, table)
        ws.append([])
        for n in report.notes:
            ws.append([text_cell(ws, n, book.styles.note)])
        if key == "trend" and table.rows:
            _trend_chart(ws, report, table)
    p = book.wb.properties
    p.title = report.title
    p.creator = "LiveOps Desk"
    book.save(fh)


def _col(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


def _trend_chart(ws, report: MultiReport, table: Table) -> None:
    """Daily GMV per currency, one line each (never added across currencies), below the notes."""
    from openpyxl.utils.datetime import to_excel

    from desktop_app.services.export.charts import CacheBuffer, line_chart
    from desktop_app.services.export.xlsx import sheet_title

    lang = report.options.lang
    cats = CacheBuffer().extend(to_excel(r[0]) for r in table.rows)
    series = [(3 + i, table.headers[2 + i], CacheBuffer().extend(r[2 + i] for r in table.rows), table.formats[2 + i])
              for i in range(len(report.trend_currencies))]
    n = len(table.rows)
    chart = line_chart(title=msg("export.chart.trend", lang=lang), sheet_title=sheet_title("trend", lang),
                       categories=cats, cat_format="yyyy-mm-dd", axis_format="mm-dd", series=series,
                       y_title=msg("metric.gmv", lang=lang), y_format="#,##0", label_skip=max(1, -(-n // 15)))
    from openpyxl.worksheet.pagebreak import Break

    chart.width, chart.height = 25.0, 12.0  # one landscape A4 page
    row = n + len(report.notes) + 4
    ws.add_chart(chart, f"A{row}")
    ws.row_breaks.append(Break(id=row - 1))  # on its own page: below a month of rows it was cut in two


def _print(ws, report: MultiReport, widths: list[float], *, title_cols: int = 0) -> None:
    """Landscape A4 with gridlines, the header row on every page, readable scale (xlsx.print_width);
    title, sheet name and page numbers in the page header and footer."""
    from desktop_app.services.export.xlsx import page_frame, print_width

    page_frame(ws)
    print_width(ws, widths, title_cols=title_cols)
    ws.print_title_rows = "1:1"
    ws.oddHeader.center.text = report.title.replace("&", "&&")
    ws.oddHeader.right.text = "&A"
    ws.oddFooter.center.text = msg("export.footer.page", lang=report.options.lang)


def csv_bytes(table: Table) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([csv_text(h) for h in table.headers])
    for r in table.rows:
        out = []
        for v in r:
            if isinstance(v, tuple):
                v = v[0]
            if isinstance(v, datetime):
                v = v.isoformat(sep=" ", timespec="minutes")
            out.append("" if v is None else csv_text(v))
        w.writerow(out)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")  # BOM: Excel on Windows reads UTF-8 CSV correctly


def export_multi(ctx: Context, out: Path | str, options: MultiOptions, *,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> MultiResult:
    out = Path(out)
    report = build_multi(ctx, options)
    if cancelled and cancelled():
        raise LiveOpsError("error.export.cancelled")
    if progress:
        progress(1, 3)
    csv_paths: list[Path] = []
    with atomic_target(out) as target:
        write_multi(report, target.fh)
        sha = target.finish()
        if cancelled and cancelled():
            raise LiveOpsError("error.export.cancelled")
        with ctx.ws.write():
            repo.record_export(ctx.ws, at=ctx.now(), by=ctx.actor_id, session_ids=report.session_ids,
                               variant=options.variant, client_id=options.client_id, file_name=out.name,
                               sha256=sha, draft=False)
            target.commit()
    if progress:
        progress(2, 3)
    if options.csv:
        for key, table in (("sessions", report.sessions), ("subtotals", report.subtotals), ("trend", report.trend),
                           ("definitions", report.definitions)):
            path = out.with_name(f"{out.stem}.{key}.csv")
            with atomic_target(path) as t:
                t.fh.write(csv_bytes(table))
                t.commit()
            csv_paths.append(path)
    if progress:
        progress(3, 3)
    return MultiResult(out, sha, len(report.session_ids), tuple(csv_paths))
