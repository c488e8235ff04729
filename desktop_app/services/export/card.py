"""Numbers for the 战报 summary card (rendered by the UI): exactly the Summary sheet's figures.

``card_data`` takes the KPI rows from the same ``build_report`` the workbook is written
from, with the same client rules (client variant by default, multi-client split, draft),
so the picture posted in a chat group can never disagree with the file sent to the client.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from desktop_app.domain.money import currency
from desktop_app.domain.timeutil import zone
from desktop_app.messages import msg
from desktop_app.services.context import Context
from desktop_app.services.export import labels as L
from desktop_app.services.export.options import ExportOptions
from desktop_app.services.export.report import CARD_KPIS, KpiRow, SessionReport, build_report


@dataclass(frozen=True)
class CardKpi:
    key: str
    label: str
    value: float | None  # the Summary sheet's cell value
    text: str  # the same value as the sheet's number format shows it
    target_text: str
    achieved: float | None
    met: bool | None
    basis: str


@dataclass
class CardData:
    title: str
    client: str
    anchor: str
    platform: str
    date: str
    agency: str
    draft: bool
    draft_text: str
    kpis: list[CardKpi]
    online: list[tuple[datetime, float]] = field(default_factory=list)
    gmv: list[tuple[datetime, float]] = field(default_factory=list)
    gmv_target: float | None = None
    labels: dict[str, str] = field(default_factory=dict)


def format_value(value: float | None, fmt: str, code: str) -> str:
    """Text for a value as its Excel number format displays it."""
    if value is None:
        return "—"
    if fmt == L.PCT_FORMAT:
        return f"{value * 100:,.2f}%"
    if fmt == L.DURATION_FORMAT:
        total = round(value * 86400)
        return f"{total // 3600}:{total % 3600 // 60:02d}:{total % 60:02d}"
    if fmt == L.money_format(code):
        decimals = L.money_decimals(code)
        return f"{currency(code).symbol}{value:,.{decimals}f}"
    if fmt == L.DEC_FORMAT:
        return f"{value:,.2f}"
    return f"{value:,.0f}"


def _kpi(r: SessionReport, k: KpiRow) -> CardKpi:
    cur = r.session.currency
    target = format_value(k.target, k.fmt, cur) if k.target is not None else ""
    return CardKpi(k.key, L.metric_name(k.key, r.lang), k.value, format_value(k.value, k.fmt, cur), target,
                   k.achieved, k.met, L.basis_label(k.basis, k.as_of, r.lang))


def card_data(ctx: Context, session_id: str, options: ExportOptions | None = None) -> CardData:
    options = options or ExportOptions()
    report = build_report(ctx, session_id, replace(options, sheets=frozenset({"summary"})))
    s = report.session
    rows = {k.key: k for k in (report.kpis if report.totals_included else report.client_totals)}
    keys = CARD_KPIS if report.totals_included else tuple(rows)
    start = s.on_air_utc or s.scheduled_start_utc
    lang = report.lang
    return CardData(
        title=s.title, client=report.client_name, anchor=report.anchor_name,
        platform=msg(f"platform.{s.platform}", lang=lang),
        date=start.astimezone(zone(s.timezone)).strftime("%Y-%m-%d %H:%M") if start else "",
        agency=report.agency, draft=report.draft, draft_text=msg("export.draft_mark", lang=lang),
        kpis=[_kpi(report, rows[k]) for k in keys if k in rows],
        online=report.online_series, gmv=report.gmv_series, gmv_target=report.gmv_target,
        labels={"target": msg("export.card.target", lang=lang), "achieved": msg("export.col.achieved", lang=lang),
                "online": msg("metric.online_viewers", lang=lang),
                "gmv": msg("export.card.gmv_curve", lang=lang, currency=s.currency),
                "no_totals": msg("export.card.no_totals", lang=lang) if not report.totals_included else "",
                "title": msg("export.card.title", lang=lang)},
    )
