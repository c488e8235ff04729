"""Interval report (间隔战报): numbers from domain/intervals.py, text from the message catalog.

``build_report`` only reads; ``publish_report`` stores the text as a ``report`` event, ticks
the checklist item that expects one, and queues it for the team's group robots, all in one
write transaction (sending happens later, off that transaction; see services/webhooks.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop_app.domain import intervals
from desktop_app.domain.enums import EventKind, SessionStatus, Source
from desktop_app.domain.errors import TransitionRefused, ValidationError
from desktop_app.domain.intervals import IntervalNumbers, Reading
from desktop_app.domain.models import Event, Session
from desktop_app.domain.money import format_money
from desktop_app.domain.timeutil import from_iso, local
from desktop_app.messages import msg
from desktop_app.services import checklists, event_log, webhooks
from desktop_app.services.context import Changes, Context
from desktop_app.services.lifecycle import get as get_session
from desktop_app.storage import live as live_repo
from desktop_app.storage import roster as roster_repo
from desktop_app.storage import samples as sample_repo
from desktop_app.storage import sessions as session_repo

SERIES_KEYS = (*intervals.DELTA_KEYS, "online_viewers")


@dataclass(frozen=True)
class IntervalReport:
    session_id: str
    numbers: IntervalNumbers
    text: str

    @property
    def subtype(self) -> str:
        b = self.numbers.bucket
        return f"interval:{b.minutes}:{b.index}"


def load_series(ctx: Context, session_id: str, keys=SERIES_KEYS) -> dict[str, list[tuple[datetime, float]]]:
    return {k: [(from_iso(t), v) for t, v in sample_repo.series(ctx.ws, session_id, k)] for k in keys}


def compute_numbers(ctx: Context, session: Session, minutes: int, at: datetime) -> IntervalNumbers:
    if minutes not in intervals.INTERVAL_CHOICES:
        raise ValidationError("error.report.interval", field="interval", value=minutes,
                              choices="/".join(map(str, intervals.INTERVAL_CHOICES)))
    if session.on_air_utc is None or session.status not in (SessionStatus.LIVE, SessionStatus.POST,
                                                            SessionStatus.CLOSED):
        raise TransitionRefused("error.report.not_started", session=session.title)
    if session.off_air_utc and at > session.off_air_utc:
        at = session.off_air_utc
    gmv_target = next((t.value for t in session_repo.get_targets(ctx.ws, session.id) if t.metric_key == "gmv"), None)
    planned = None
    if session.scheduled_start_utc and session.scheduled_end_utc:
        planned = session.scheduled_end_utc - session.scheduled_start_utc
    numbers = intervals.compute(load_series(ctx, session.id), session.on_air_utc, at, minutes,
                                gmv_target=gmv_target, planned=planned)
    if numbers is None:
        raise TransitionRefused("error.report.too_early", session=session.title)
    return numbers


# The report goes to the anchor's or client's chat group: Chinese unless the user picks otherwise,
# whatever language the app itself speaks.
DEFAULT_REPORT_LANG = "zh_CN"


def build_report(ctx: Context, session_id: str, minutes: int = intervals.DEFAULT_INTERVAL, *,
                 at: datetime | None = None, lang: str | None = None) -> IntervalReport:
    lang = lang or DEFAULT_REPORT_LANG
    session = get_session(ctx, session_id)
    numbers = compute_numbers(ctx, session, minutes, at or ctx.now())
    return IntervalReport(session.id, numbers, render(ctx, session, numbers, lang))


def publish_report(ctx: Context, session_id: str, minutes: int = intervals.DEFAULT_INTERVAL, *,
                   at: datetime | None = None, lang: str | None = None, auto: bool = False,
                   source: Source | str = Source.MANUAL) -> tuple[IntervalReport, Event | None, Changes]:
    """Store the report as an event, tick the checklist, queue for robots.

    An automatic report is not stored for a bucket that already has one, nor for a bucket
    without any reading (a chat full of "—" helps nobody); both return no event.
    """
    with ctx.ws.write():
        report = build_report(ctx, session_id, minutes, at=at, lang=lang)
        if auto and (report.numbers.empty or live_repo.report_exists(ctx.ws, report.session_id, report.subtype)):
            return report, None, Changes()
        ts = min(report.numbers.bucket.end, ctx.now())
        event, changes = event_log.log_event(ctx, report.session_id, EventKind.REPORT, report.text, ts=ts,
                                             internal=False, source=source, subtype=report.subtype)
        tick = getattr(checklists, "tick_by_app", None)
        if tick is not None:
            changes = changes | (tick(ctx, report.session_id, "interval_report", at=ts) or Changes())
        webhooks.enqueue_report(ctx, report.session_id, event.id, report.text)
    return report, event, changes


# -- text ---------------------------------------------------------------------------------------

def _count(r: Reading | float | None) -> str:
    value, approx = (r.value, r.approx) if isinstance(r, Reading) else (r, False)
    if value is None:
        return "—"
    return ("~" if approx else "") + f"{round(value):,}"


def _money(r: Reading | float | None, currency: str) -> str:
    value, approx = (r.value, r.approx) if isinstance(r, Reading) else (r, False)
    if value is None:
        return "—"
    return ("~" if approx else "") + format_money(round(value), currency)


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v * 100:.2f}%"


def _num(v: float | None) -> str:
    return "—" if v is None else f"{v:.2f}"


def _change(now: Reading, before: Reading) -> str:
    if now.value is None or before.value is None or before.value == 0:
        return "—"
    return f"{(now.value - before.value) / abs(before.value) * 100:+.1f}%"


def render(ctx: Context, session: Session, n: IntervalNumbers, lang: str | None = None) -> str:
    def m(key: str, **kw) -> str:
        return msg(key, lang=lang, **kw)

    cur, b = session.currency, n.bucket
    anchor = roster_repo.get_anchor(ctx.ws, session.anchor_id)
    fmt = "%H:%M"
    lines = [m("report.title", anchor=anchor.name if anchor else "", title=session.title, index=b.index,
               minutes=b.minutes, start=local(b.start, session.timezone).strftime(fmt),
               end=local(b.end, session.timezone).strftime(fmt))]
    if b.partial:
        lines.append(m("report.partial", elapsed=int((b.end - b.start).total_seconds() // 60)))
    d, p, c = n.deltas, n.previous, n.cumulative
    lines.append(m("report.gmv", delta=_money(d["gmv"], cur), prev=_money(p["gmv"], cur),
                   change=_change(d["gmv"], p["gmv"]), cum=_money(c["gmv"], cur)))
    lines.append(m("report.orders", delta=_count(d["orders"]), prev=_count(p["orders"]),
                   buyers=_count(d["buyers"]), cum=_count(c["orders"])))
    lines.append(m("report.online", end=_count(n.online.at_end), peak=_count(n.online.peak),
                   avg=_count(n.online.mean)))
    br, cr = n.bucket_rates, n.cumulative_rates
    lines.append(m("report.conversion", bucket=_pct(br["view_to_order_rate"]), cum=_pct(cr["view_to_order_rate"])))
    lines.append(m("report.gpm", bucket=_money(br["gpm"], cur), cum=_money(cr["gpm"], cur)))
    if d["ad_spend"].value is not None or c["ad_spend"].value is not None:
        lines.append(m("report.spend", delta=_money(d["ad_spend"], cur), cum=_money(c["ad_spend"], cur),
                       bucket=_num(br["overall_roi"]), cum_roi=_num(cr["overall_roi"])))
    if c["ad_attributed_gmv"].value is not None and c["ad_spend"].value:
        lines.append(m("report.ad_roi", bucket=_num(br["ad_roi"]), cum=_num(cr["ad_roi"])))
    if n.net_flow.value is not None:
        lines.append(m("report.flow", net=f"{'~' if n.net_flow.approx else ''}{round(n.net_flow.value):+,}",
                       entries=_count(d["entries"]), exits=_count(d["exits"])))
    lines.extend(_pace_lines(n, cur, m))
    lines.append(m("report.caveat"))
    return "\n".join(lines)


def _pace_lines(n: IntervalNumbers, cur: str, m) -> list[str]:
    pc = n.gmv_pace
    if pc is None:
        return []
    out = []
    if pc.actual is not None:
        gap = pc.actual - pc.expected
        key = "report.pace.ahead" if gap >= 0 else "report.pace.behind"
        out.append(m(key, target=_money(pc.target, cur), share=_pct(pc.share_of_target),
                     expected=_money(pc.expected, cur), gap=_money(abs(gap), cur)))
    bucket_gmv = n.deltas["gmv"].value
    share = None if bucket_gmv is None or not pc.bucket_expected else bucket_gmv / pc.bucket_expected
    out.append(m("report.pace.bucket", expected=_money(pc.bucket_expected, cur), share=_pct(share)))
    return out
