"""Everything a session report shows, gathered once and already filtered for its reader.

The client filter lives here and nowhere else: the writer (xlsx.py) and the 战报 card
only ever see a ``SessionReport``, so an internal event, note or another client's
product cannot reach a client file through a forgotten sheet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from desktop_app.domain import checklists as rules
from desktop_app.domain.enums import Direction, EventKind, PersonRole, Phase, SessionOrigin
from desktop_app.domain.errors import LiveOpsError, NotFound, ValidationError
from desktop_app.domain.metrics import is_money, metric_unit
from desktop_app.domain.models import KpiValue, Product, Session
from desktop_app.domain.money import to_major
from desktop_app.domain.review import Signoff
from desktop_app.domain.summary import compute_kpis
from desktop_app.domain.timeutil import from_iso, zone
from desktop_app.messages import msg
from desktop_app.services import event_log
from desktop_app.services import review as review_service
from desktop_app.services.context import Context
from desktop_app.services.export import labels as L
from desktop_app.services.export import timeline as tl
from desktop_app.services.export.options import ExportOptions
from desktop_app.services.workspace_service import get_settings, workspace_info
from desktop_app.storage import checklists as checklist_repo
from desktop_app.storage import events as event_repo
from desktop_app.storage import exports as repo
from desktop_app.storage import summaries
from desktop_app.storage.sessions import get_session, get_targets

Progress = Callable[[int, int], None]

SUMMARY_KPIS = ("peak_online_viewers", "avg_online_viewers", "uv", "pv", "gmv", "orders", "buyers", "items_sold",
                "gmv_per_buyer", "gmv_per_order", "uv_value", "gpm", "view_to_order_rate", "product_ctr",
                "product_ctr_uv", "click_to_order_rate", "new_followers", "follow_rate", "refund_rate",
                "quality_refund_rate", "net_gmv", "ad_spend", "overall_roi", "ad_roi")
ONLY_WHEN_KNOWN = frozenset({"refund_rate", "quality_refund_rate", "net_gmv", "product_ctr", "product_ctr_uv",
                             "ad_roi", "items_sold", "pv", "follow_rate", "new_followers", "gmv_per_order"})
CARD_KPIS = ("gmv", "orders", "peak_online_viewers", "uv", "gmv_per_buyer", "view_to_order_rate")


@dataclass(frozen=True)
class KpiRow:
    key: str
    value: float | None  # display units: money in major units, ratios 0–1
    fmt: str
    basis: str
    as_of: str | None
    target: float | None = None
    direction: str | None = None

    @property
    def achieved(self) -> float | None:
        if self.value is None or not self.target:
            return None
        return round(self.value / self.target, 10)

    @property
    def met(self) -> bool | None:
        if self.value is None or self.target is None:
            return None
        return self.value >= self.target if self.direction != Direction.MAX else self.value <= self.target


@dataclass
class Table:
    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    formats: list[str | None] = field(default_factory=list)  # per column; a cell may be (value, fmt)


@dataclass
class TimelineColumn:
    key: str
    part: str  # gauge | cumulative | delta | target
    header: str
    fmt: str
    interpolates: bool = False  # its cells may be interpolated (shown with a leading ~)


@dataclass
class Timeline:
    """The timeline as a recipe, not as data: ``rows()`` streams it from SQL each time it is read."""

    ws: Any
    session_id: str
    grid: tl.Grid
    timezone: str
    time_format: str
    columns: list[TimelineColumn]
    interval_s: int
    keys: list[str]  # metrics in column order
    scale: float  # money: minor → major units
    target: float | None = None  # cumulative GMV target (major units)

    def __len__(self) -> int:
        return len(self.grid)

    def rows(self) -> Iterator[tuple[int, list[float | None], list[bool]]]:
        """(epoch ms, values in column order, interpolated flags) per boundary."""
        start = self.grid.start
        streams = []
        for key in self.keys:
            counter = key != "online_viewers"
            samples = repo.sample_stream(self.ws, self.session_id, key)
            streams.append((tl.values_at(samples, self.grid, zero_before=start if counter else None), counter,
                            self.scale if is_money(key) else 1))
        last: list[float | None] = [None] * len(streams)
        target = self.target
        for i, b in enumerate(self.grid):
            values: list[float | None] = []
            flags: list[bool] = []
            for n, (gen, counter, scale) in enumerate(streams):
                v, interp = next(gen)
                if v is not None and scale != 1:
                    v = v * scale
                values.append(v)
                flags.append(interp)
                if counter:
                    prev = last[n]
                    values.append(None if i == 0 or v is None or prev is None else v - prev)
                    flags.append(False)
                    last[n] = v
            if target is not None:
                values.append(target)
                flags.append(False)
            yield b, values, flags


@dataclass
class SessionReport:
    session: Session
    options: ExportOptions
    lang: str
    title: str
    agency: str
    client_id: str | None
    client_name: str
    anchor_name: str
    draft: bool
    signoff: str
    info: list[tuple[str, Any, str | None]]  # label, value, number format
    totals_included: bool
    kpis: list[KpiRow]
    client_totals: list[KpiRow]  # this client's products only (multi-client sessions)
    timeline: Timeline | None
    events: Table
    checklist_totals: Table
    checklist: Table
    products: Table
    review: Table
    action_items: Table
    definitions: Table
    header_text: str = ""
    logo_path: str | None = None
    online_series: list[tuple[datetime, float]] = field(default_factory=list)
    gmv_series: list[tuple[datetime, float]] = field(default_factory=list)
    gmv_target: float | None = None

    def t(self, key: str, **params: object) -> str:
        return msg(key, lang=self.lang, **params)


# --- who may see what -----------------------------------------------------------------------------

def session_clients(session: Session, products: list[Product]) -> set[str]:
    ids = {p.client_id for p in products if p.client_id}
    if session.client_id:
        ids.add(session.client_id)
    return ids


def resolve_client(ctx: Context, session: Session, products: list[Product], options: ExportOptions) -> str | None:
    clients = session_clients(session, products)
    if options.client_id:
        if options.client_id not in clients:
            raise ValidationError("error.export.client_not_in_session", field="client", value=options.client_id)
        return options.client_id
    if options.client and len(clients) > 1:
        raise ValidationError("error.export.choose_client", field="client", count=len(clients))
    return session.client_id or (next(iter(clients)) if len(clients) == 1 else None)


def check_totals_allowed(ctx: Context, clients: set[str], options: ExportOptions) -> bool:
    if not options.client or len(clients) <= 1:
        return True
    if not options.allow_session_totals:
        return False
    row = ctx.ws.query_one("SELECT role FROM people WHERE id = ?", (ctx.actor_id,)) if ctx.actor_id else None
    if row is None or row["role"] != PersonRole.LEAD:
        raise LiveOpsError("error.export.totals_lead_only")
    return True


def visible_products(session: Session, products: list[Product], client_id: str | None,
                     options: ExportOptions) -> list[Product]:
    if not options.client or client_id is None:
        return products
    return [p for p in products if (p.client_id or session.client_id) == client_id]


def is_signed(signoff: str) -> bool:
    """A lead's approval that is still current (a later settlement keeps it valid: re-settled)."""
    return signoff in (Signoff.APPROVED, Signoff.RESETTLED)


# --- building ---------------------------------------------------------------------------------------

def build_report(ctx: Context, session_id: str, options: ExportOptions, *, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> SessionReport:
    options = options.checked()
    ws = ctx.ws
    session = get_session(ws, session_id)
    if session is None:
        raise NotFound("error.session.unknown", session=session_id)
    lang = options.lang
    products = repo.list_products(ws, session_id)
    client_id = resolve_client(ctx, session, products, options)
    clients = session_clients(session, products)
    totals = check_totals_allowed(ctx, clients, options)
    shown = visible_products(session, products, client_id, options)
    signoff = review_service.signoff_for(ws, session_id)
    draft = options.client and not is_signed(str(signoff))
    if draft and not options.allow_draft:
        raise LiveOpsError("error.export.unsigned", status=msg(f"signoff.{signoff}", lang=lang))
    names = {t: repo.names(ws, t) for t in ("people", "clients", "anchors")}
    settings = get_settings(ctx)
    info = workspace_info(ctx)
    cur = session.currency
    kpis = kpi_values(ctx, session)
    targets = {t.metric_key: t for t in get_targets(ws, session_id)}
    spacing = sample_spacing_s(ctx, session.id)
    if spacing is not None and options.interval_s < int(spacing):
        raise ValidationError("error.export.interval_too_fine", field="interval", rate=int(spacing),
                              value=options.interval_s)
    if progress:
        progress(1, 4)
    _check_cancel(cancelled)
    windows = _windows(ctx, session)
    product_rows = _product_stats(ctx, session, shown, windows)
    report = SessionReport(
        session=session, options=options, lang=lang, title=session.title, agency=info.name,
        client_id=client_id, client_name=names["clients"].get(client_id or "", ""),
        anchor_name=names["anchors"].get(session.anchor_id, ""), draft=draft, signoff=signoff,
        info=[], totals_included=totals,
        kpis=_kpi_rows(kpis, targets, cur, lang) if totals else [],
        client_totals=[] if totals else _client_totals(product_rows, cur),
        timeline=None, events=Table([]), checklist_totals=Table([]), checklist=Table([]),
        products=_products_table(product_rows, cur, lang, options), review=Table([]), action_items=Table([]),
        definitions=Table([]), header_text=str(settings.get("export_header_text") or ""),
        logo_path=settings.get("export_logo") or None,
    )
    report.info = _info(report, names, kpis)
    if totals and session.on_air_utc is not None and ({"timeline", "charts"} & options.sheets):
        report.timeline = build_timeline(ctx, session, options.interval_s, lang, targets.get("gmv"))
    if totals:
        report.online_series, report.gmv_series = _card_series(ctx, session)
        if "gmv" in targets:
            report.gmv_target = to_major(targets["gmv"].value, cur)
    if progress:
        progress(2, 4)
    _check_cancel(cancelled)
    shown_ids = {p.id for p in shown}
    report.events = _events(ctx, session, names, shown_ids, options, lang)
    report.checklist_totals, report.checklist = _checklist(ctx, session, names, options, lang)
    report.review, report.action_items = _review(ctx, session_id, names, options, lang)
    report.definitions = _definitions(ctx, session, report, lang)
    if progress:
        progress(3, 4)
    return report


def _check_cancel(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise LiveOpsError("error.export.cancelled")


def kpi_values(ctx: Context, session: Session) -> dict[str, KpiValue]:
    """The session KPIs exactly as the summary row computes them (settled values win)."""
    agg = summaries.gather_aggregates(ctx.ws, session.id, session.on_air_utc, session.off_air_utc)
    return compute_kpis(agg, session.on_air_utc, session.off_air_utc)


def display_value(key: str, value: float | None, cur: str) -> float | None:
    """The number a cell stores. Rounded well below what any format shows, so the value survives
    the trip through the file's text unchanged and the 战报 card reads exactly the same number."""
    if value is None:
        return None
    if is_money(key):
        return round(to_major(value, cur), 6)
    return round(value, 10) if isinstance(value, float) else value


def _kpi_rows(kpis: dict[str, KpiValue], targets: dict, cur: str, lang: str) -> list[KpiRow]:
    rows = []
    for key in SUMMARY_KPIS:
        k = kpis.get(key)
        if k is None and (key in ONLY_WHEN_KNOWN and key not in targets):
            continue
        t = targets.get(key)
        rows.append(KpiRow(
            key, display_value(key, k.value if k else None, cur), L.number_format(key, cur),
            str(k.basis) if k else "provisional", k.as_of if k else None,
            display_value(key, t.value, cur) if t else None, str(t.direction) if t else None))
    dur = kpis.get("duration_seconds")
    rows.append(KpiRow("duration_seconds", dur.value / 86400 if dur and dur.value is not None else None,
                       L.DURATION_FORMAT, "provisional", None))
    return rows


def _client_totals(product_rows: list[dict], cur: str) -> list[KpiRow]:
    def total(key: str) -> float | None:
        vals = [r[key] for r in product_rows if r[key] is not None]
        return sum(vals) if vals else None

    return [KpiRow(k, display_value(k, total(k), cur), L.number_format(k, cur), "provisional", None)
            for k in ("gmv", "orders", "product_clicks")]


def _local(dt: datetime | None, tz: str) -> datetime | None:
    return dt.astimezone(zone(tz)).replace(tzinfo=None) if dt else None


def _info(r: SessionReport, names: dict, kpis: dict[str, KpiValue]) -> list[tuple[str, Any, str | None]]:
    s, t = r.session, r.t
    tz = s.timezone
    dur = kpis.get("duration_seconds")
    rows: list[tuple[str, Any, str | None]] = [
        (t("export.info.client"), r.client_name or "—", None),
        (t("export.info.anchor"), r.anchor_name, None),
        (t("export.info.platform"), msg(f"platform.{s.platform}", lang=r.lang), None),
        (t("export.info.title"), s.title, None),
        (t("export.info.timezone"), tz, None),
        (t("export.info.scheduled_start"), _local(s.scheduled_start_utc, tz), L.DATETIME_FORMAT),
        (t("export.info.scheduled_end"), _local(s.scheduled_end_utc, tz), L.DATETIME_FORMAT),
        (t("export.info.on_air"), _local(s.on_air_utc, tz), L.DATETIME_S_FORMAT),
        (t("export.info.off_air"), _local(s.off_air_utc, tz), L.DATETIME_S_FORMAT),
        (t("export.info.duration"), dur.value / 86400 if dur and dur.value else None, L.DURATION_FORMAT),
        (t("export.info.currency"), s.currency, None),
        (t("export.info.variant"), t(f"export.variant.{r.options.variant}"), None),
        (t("export.info.review"), t("export.draft_mark") if r.draft else msg(f"signoff.{r.signoff}", lang=r.lang),
         None),
    ]
    if not r.options.client:
        rows.insert(2, (t("export.info.specialist"), names["people"].get(s.specialist_id, ""), None))
    return rows


# --- timeline ---------------------------------------------------------------------------------------

def sample_spacing_s(ctx: Context, session_id: str) -> float | None:
    """The finest typical gap between samples in seconds (median per metric, smallest over metrics)."""
    gaps = [repo.median_gap_ms(ctx.ws, session_id, key) for key in repo.timeline_keys(ctx.ws, session_id,
                                                                                       tl.TIMELINE_KEYS)]
    known = [g for g in gaps if g]
    return min(known) / 1000 if known else None


def _ms(dt: datetime) -> int:
    return round(dt.timestamp() * 1000)


def build_timeline(ctx: Context, session: Session, interval_s: int, lang: str, gmv_target=None, *,
                   keys: tuple[str, ...] = tl.TIMELINE_KEYS) -> Timeline | None:
    on_air = session.on_air_utc
    present = repo.timeline_keys(ctx.ws, session.id, keys)
    if on_air is None or not present:
        return None
    start = _ms(on_air)
    end = _ms(session.off_air_utc) if session.off_air_utc else max(present.values())
    cur = session.currency
    columns: list[TimelineColumn] = []
    ordered = [k for k in keys if k in present]
    for key in ordered:
        fmt = L.number_format(key, cur) if is_money(key) else L.INT_FORMAT
        if key == "online_viewers":
            columns.append(TimelineColumn(key, "gauge", L.metric_header(key, lang, cur=cur), fmt, True))
            continue
        columns.append(TimelineColumn(key, "cumulative", L.metric_header(key, lang, cur=cur, part="cumulative"),
                                      fmt, True))
        columns.append(TimelineColumn(key, "delta", L.metric_header(key, lang, cur=cur, part="delta"), fmt))
    target = None
    if gmv_target is not None and "gmv" in present:
        target = to_major(gmv_target.value, cur)
        columns.append(TimelineColumn("gmv", "target", msg("export.header.gmv_target", lang=lang, currency=cur),
                                      L.money_format(cur)))
    fmt = L.DATETIME_S_FORMAT if interval_s < 60 else L.DATETIME_FORMAT
    return Timeline(ctx.ws, session.id, tl.Grid(start, end, interval_s * 1000), session.timezone, fmt, columns,
                    interval_s, ordered, 10 ** -L.currency(cur).exponent, target)


def _card_series(ctx: Context, session: Session):
    """Per-minute online viewers and cumulative GMV for the 战报 card's small chart."""
    tlm = build_timeline(ctx, session, 60, "en", keys=("online_viewers", "gmv"))
    if tlm is None:
        return [], []
    tz = zone(session.timezone)
    out: dict[str, list] = {"online_viewers": [], "gmv": []}
    wanted = [(i, c.key) for i, c in enumerate(tlm.columns) if c.part in ("gauge", "cumulative")]
    for b, values, _flags in tlm.rows():
        when = datetime.fromtimestamp(b / 1000, tz).replace(tzinfo=None)
        for i, key in wanted:
            if values[i] is not None:
                out[key].append((when, values[i]))
    return out["online_viewers"], out["gmv"]


# --- products (分款) ------------------------------------------------------------------------------

def _windows(ctx: Context, session: Session) -> list[tl.Window]:
    if session.on_air_utc is None:
        return []
    events = event_repo.list_events(ctx.ws, session.id)
    switches = [(_ms(e.ts_utc), e.product_id) for e in events if e.kind == EventKind.PRODUCT and e.product_id]
    off = session.off_air_utc or max((e.ts_utc for e in events), default=session.on_air_utc)
    return tl.product_windows(switches, _ms(session.on_air_utc), _ms(off))


def _value_at(ctx: Context, session_id: str, key: str, at_ms: int, on_air_ms: int) -> float | None:
    at = datetime.fromtimestamp(at_ms / 1000, UTC)
    prev, nxt = repo.samples_around(ctx.ws, session_id, key, at)
    return tl.value_between(prev, nxt, at_ms, zero_before=on_air_ms)[0]


def _product_stats(ctx: Context, session: Session, products: list[Product], windows: list[tl.Window]
                   ) -> list[dict]:
    """分款: each product's GMV, orders and clicks in its windows, from the timeline's values at the
    window edges (two index lookups per edge, not the whole series)."""
    on_air = _ms(session.on_air_utc) if session.on_air_utc else 0
    rows = []
    for p in products:
        mine = [w for w in windows if w.product_id == p.id]
        row: dict[str, Any] = {"product": p, "windows": len(mine),
                               "seconds": sum(w.end - w.start for w in mine) / 1000 if mine else None}
        for key in ("gmv", "orders", "product_clicks"):
            parts = []
            for w in mine:
                a = _value_at(ctx, session.id, key, w.start, on_air)
                b = _value_at(ctx, session.id, key, w.end, on_air)
                parts.append(b - a if a is not None and b is not None else None)
            known = [x for x in parts if x is not None]
            row[key] = sum(known) if known else None
        rows.append(row)
    return rows


def _products_table(rows: list[dict], cur: str, lang: str, options: ExportOptions) -> Table:
    def h(key: str, **p) -> str:
        return msg(key, lang=lang, **p)

    money = L.money_format(cur)
    table = Table(
        [h("export.col.product"), h("export.col.sku"), h("export.col.price", currency=cur), h("export.col.stock"),
         h("export.col.windows"), h("export.col.on_screen"),
         L.metric_header("gmv", lang, cur=cur, part="window"), L.metric_header("orders", lang, part="window"),
         L.metric_header("product_clicks", lang, part="window")],
        formats=[None, None, money, L.INT_FORMAT, L.INT_FORMAT, L.DURATION_FORMAT, money, L.INT_FORMAT,
                 L.INT_FORMAT])
    if not options.client:
        table.headers.append(h("export.col.client"))
        table.formats.append(None)
    for r in rows:
        p: Product = r["product"]
        row = [p.name, p.sku, to_major(p.price, cur), p.stock, r["windows"],
               r["seconds"] / 86400 if r["seconds"] else None, display_value("gmv", r["gmv"], cur), r["orders"],
               r["product_clicks"]]
        if not options.client:
            row.append(p.client_id or "")
        table.rows.append(row)
    return table


# --- events, checklist, review --------------------------------------------------------------------

def _events(ctx: Context, session: Session, names: dict, shown_products: set[str], options: ExportOptions,
            lang: str) -> Table:
    events = event_repo.list_events(ctx.ws, session.id, client_visible_only=options.client)
    product_names = {p.id: p.name for p in repo.list_products(ctx.ws, session.id)}
    h = lambda k: msg(k, lang=lang)  # noqa: E731
    table = Table([h("export.col.time"), h("export.col.kind"), h("export.col.subtype"), h("export.col.text"),
                   h("export.col.product")], formats=[L.DATETIME_S_FORMAT, None, None, None, None])
    if not options.client:
        table.headers += [h("export.col.internal"), h("export.col.source"), h("export.col.author")]
        table.formats += [None, None, None]
    for e in events:
        if options.client and (e.internal or (e.product_id and e.product_id not in shown_products)):
            continue
        subtype = msg(f"subtype.{e.subtype}", lang=lang) if e.subtype else ""
        # The reader's language for app-written rows (checklist ticks, system events), not the writer's.
        row = [_local(e.ts_utc, session.timezone), msg(f"event_kind.{e.kind}", lang=lang), subtype,
               event_log.display_text(e, lang),
               product_names.get(e.product_id or "", "")]
        if not options.client:
            row += [h("export.yes") if e.internal else "", str(e.source), names["people"].get(e.author_id or "", "")]
        table.rows.append(row)
    return table


def _checklist(ctx: Context, session: Session, names: dict, options: ExportOptions, lang: str):
    items = checklist_repo.session_items(ctx.ws, session.id)
    if options.client:
        items = [i for i in items if i.client_visible]
    by_key = {i.key: i for i in items}
    runs = [r for r in checklist_repo.list_runs(ctx.ws, session.id) if r.item_key in by_key]
    now = ctx.now()
    h = lambda k, **p: msg(k, lang=lang, **p)  # noqa: E731
    include_pre = session.origin == SessionOrigin.PLANNED
    comp = rules.compliance(items, runs, now, include_pre=include_pre)
    totals = Table([h("export.col.scope")] + [h(f"export.outcome.{o}") for o in rules.OUTCOMES]
                   + [h("export.col.compliance_rate")],
                   formats=[None] + [L.INT_FORMAT] * len(rules.OUTCOMES) + [L.PCT_FORMAT])
    if comp:
        for scope in ("counts", "required", "optional"):
            counts = comp[scope]
            totals.rows.append([h(f"export.scope.{scope}")] + [counts.get(o, 0) for o in rules.OUTCOMES]
                               + [rules.rate(counts)])
        for phase in Phase:
            if str(phase) in comp["phases"]:
                counts = comp["phases"][str(phase)]
                totals.rows.append([h(f"phase.{phase}")] + [counts.get(o, 0) for o in rules.OUTCOMES]
                                   + [rules.rate(counts)])
    table = Table([h("export.col.phase"), h("export.col.item"), h("export.col.required"), h("export.col.occurrence"),
                   h("export.col.due"), h("export.col.done_at"), h("export.col.status"), h("export.col.values")],
                  formats=[None, None, None, L.INT_FORMAT, L.DATETIME_FORMAT, L.DATETIME_FORMAT, None, None])
    if not options.client:
        table.headers += [h("export.col.done_by"), h("export.col.note")]
        table.formats += [None, None]
    for run in runs:
        item = by_key[run.item_key]
        row = [h(f"phase.{item.phase}"), rules.item_text(item, lang), h("export.yes") if item.required else "",
               run.occurrence, _local(run.due_at, session.timezone), _local(run.done_at, session.timezone),
               h(f"export.outcome.{rules.run_outcome(run, now)}"), _values_text(item, run.values, lang)]
        if not options.client:
            row += [names["people"].get(run.done_by or "", ""), run.note or run.skip_reason or ""]
        table.rows.append(row)
    return totals, table


def _values_text(item, values: dict[str, Any], lang: str) -> str:
    if not values:
        return ""
    labels = {f.id: (f.label_zh if lang == "zh_CN" else f.label_en) for f in item.fields}
    return "; ".join(f"{labels.get(k, k)}: {v}" for k, v in values.items() if v not in (None, ""))


def _review(ctx: Context, session_id: str, names: dict, options: ExportOptions, lang: str):
    """The 复盘 as the review feature defines it: the client variant gets only
    ``review.client_facing_review`` (client-facing fields, client-visible action items)."""
    h = lambda k, **p: msg(k, lang=lang, **p)  # noqa: E731
    review = Table([h("export.col.field"), h("export.col.content")], formats=[None, None])
    items = Table([h("export.col.action"), h("export.col.owner"), h("export.col.due_date"), h("export.col.done")],
                  formats=[None, None, None, None])
    if options.client:
        data = review_service.client_facing_review(ctx, session_id, lang)
        for f in data["fields"]:
            review.rows.append([f"{f['group_label']} · {f['label']}" if f["group"] != "summary" else f["label"],
                                f["value"]])
        for a in data["action_items"]:
            items.rows.append([a["text"], a["owner"] or "", a["due_date"] or "", h("export.yes") if a["done"] else ""])
        return review, items
    data = review_service.review_json(ctx, session_id)
    ctx_tz = get_session(ctx.ws, session_id).timezone
    for key, f in data["fields"].items():
        if f["value"]:
            label = msg(f"review.field.{key}", lang=lang)
            if not f["client_facing"]:
                label += " " + h("export.internal_mark")
            review.rows.append([label, f["value"]])
    for key in ("status", "signoff", "submitted_by", "submitted_at", "approved_by", "approved_at", "return_comment"):
        value = data.get(key)
        if key.endswith("_by"):
            value = names["people"].get(value or "", value)
        elif key in ("signoff", "status") and value:
            value = msg(f"signoff.{value}", lang=lang)  # review statuses are a subset of the sign-off states
        elif key.endswith("_at") and value:
            value = (_local(from_iso(value), ctx_tz), L.DATETIME_FORMAT)
        review.rows.append([h(f"export.review.{key}"), value or ""])
    items.headers.append(h("export.col.client_visible"))
    items.formats.append(None)
    for a in data["action_items"]:
        items.rows.append([a["text"], a["owner"] or "", a["due_date"] or "", h("export.yes") if a["done"] else "",
                           h("export.yes") if a["client_visible"] else ""])
    return review, items


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(_text(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items())
    return "" if value is None else str(value)


# --- definitions ------------------------------------------------------------------------------------

def _definitions(ctx: Context, session: Session, r: SessionReport, lang: str) -> Table:
    used: list[str] = [k.key for k in r.kpis] + [k.key for k in r.client_totals]
    if r.timeline:
        used += [c.key for c in r.timeline.columns]
    if r.products.rows:
        used += ["gmv", "orders", "product_clicks"]
    sources = repo.sample_sources(ctx.ws, session.id)
    h = lambda k, **p: msg(k, lang=lang, **p)  # noqa: E731
    table = Table([h("export.col.metric"), h("export.col.key"), h("export.col.kind"), h("export.col.unit"),
                   h("export.col.formula"), h("export.col.note"), h("export.col.source")], formats=[None] * 7)
    seen: set[str] = set()
    for key in used:
        if key in seen:
            continue
        seen.add(key)
        unit = metric_unit(key)
        unit_text = session.currency if unit == "money" else h(f"export.unit.{unit}")
        table.rows.append([L.metric_name(key, lang), key, h(f"export.kind.{L.kind(key)}"), unit_text,
                           L.formula(key), L.note(key, lang) or h(f"export.note_default.{L.kind(key)}"),
                           _source_text(key, sources, lang)])
    table.rows.append([h("export.def.interpolated"), "~", "", "", "", h("export.def.interpolated_note"), ""])
    table.rows.append([h("export.def.window"), "", "", "", "", h("export.def.window_note"), ""])
    return table


def _source_text(key: str, sources: dict, lang: str) -> str:
    from desktop_app.domain.metrics import DERIVED_METRICS

    d = DERIVED_METRICS.get(key)
    if d is not None:
        return msg("export.source.derived", lang=lang, inputs=", ".join(d.inputs))
    parts = []
    for source, prov, as_of in sources.get(key, []):
        label = msg(f"export.source.{source}", lang=lang)
        parts.append(label if prov else msg("export.source.settled", lang=lang, source=label, as_of=as_of or ""))
    return "; ".join(parts) or msg("export.source.session", lang=lang)
