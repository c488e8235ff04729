"""Build a realistic demo workspace from a seed and a clock (same inputs, same workspace)."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from desktop_app.domain.clock import Clock, FixedClock
from desktop_app.domain.enums import (
    INTERNAL_BY_DEFAULT,
    Direction,
    PersonRole,
    Phase,
    Platform,
    RunStatus,
    SessionOrigin,
    SessionStatus,
    Source,
    TriggerKind,
)
from desktop_app.domain.models import ChecklistRun, Event, MetricSample, Session, Target
from desktop_app.domain.timeutil import to_iso
from desktop_app.services import lifecycle, roster
from desktop_app.services.context import Context
from desktop_app.services.simulator import PRODUCT_NAMES, BroadcastSimulator
from desktop_app.services.workspace_service import create_workspace, set_default_person
from desktop_app.storage import checklists as checklist_repo
from desktop_app.storage import events as event_repo
from desktop_app.storage import review as review_repo
from desktop_app.storage import samples as sample_repo
from desktop_app.storage import sessions as session_repo
from desktop_app.storage import summaries
from desktop_app.storage.rows import dumps, id_source, new_id

TZ = "Asia/Shanghai"
SAMPLE_EVERY_S = 10
DemoProgress = Callable[[int, int], None]


class _SeededIds:
    """UUID-shaped ids from the seed, so the same seed gives byte-identical rows."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.counter = 0

    def __call__(self) -> str:
        # Ordered like uuid7 (a counter in front) so bulk inserts stay sequential.
        self.counter += 1
        h = f"{self.counter:012x}{self.rng.getrandbits(80):020x}"
        return f"{h[:8]}-{h[8:12]}-7{h[13:16]}-a{h[17:20]}-{h[20:32]}"


def build_demo_workspace(path: Path | str, *, clock: Clock, seed: int = 2026, days: int = 7,
                         progress: DemoProgress | None = None) -> Context:
    """Create ``path`` with 2 clients, 3 anchors, a lead, a week of closed sessions and one planned today."""
    rng = random.Random(seed)
    ids = _SeededIds(rng)
    build_clock = FixedClock(clock.now() - timedelta(days=days + 3))
    with id_source(ids):
        ctx = create_workspace(path, "演示工作区 Demo", clock=build_clock)
        _build(ctx, rng, clock, days, progress)
    ctx.clock = clock
    return ctx


def _build(ctx: Context, rng: random.Random, clock: Clock, days: int, progress: DemoProgress | None) -> None:
    lead, _ = roster.create_person(ctx, "周组长", PersonRole.LEAD)
    specialists = [roster.create_person(ctx, n, PersonRole.SPECIALIST)[0] for n in ("李运营", "王运营", "陈运营")]
    set_default_person(ctx, specialists[0].id)
    brand_a, _ = roster.create_client(ctx, "花间美妆旗舰店")
    brand_b, _ = roster.create_client(ctx, "暖冬服饰")
    anchors = [
        roster.create_anchor(ctx, "小美", Platform.DOUYIN, specialist_id=specialists[0].id,
                             account_id="dy_xiaomei88", client_id=brand_a.id)[0],
        roster.create_anchor(ctx, "阿强", Platform.KUAISHOU, specialist_id=specialists[1].id,
                             account_id="ks_aqiang", client_id=brand_b.id)[0],
        roster.create_anchor(ctx, "Lily", Platform.TAOBAO, specialist_id=specialists[2].id,
                             account_id="tb_lily_live", client_id=brand_a.id)[0],
    ]
    tz = ZoneInfo(TZ)
    today_local = clock.now().astimezone(tz).date()
    plan = [(d, a) for d in range(days, 0, -1) for a in range(3) if rng.random() < 0.8]
    for n, (day_back, ai) in enumerate(plan):
        day = today_local - timedelta(days=day_back)
        hour = [19, 20, 14][ai]
        start = datetime(day.year, day.month, day.day, hour, rng.choice([0, 0, 30]), tzinfo=tz)
        _closed_session(ctx, rng, anchors[ai], specialists[ai].id, lead.id, start, n)
        if progress:
            progress(n + 1, len(plan) + 1)
    today_start = datetime(today_local.year, today_local.month, today_local.day, 20, 0, tzinfo=tz)
    if today_start < clock.now():
        today_start = clock.now().astimezone(tz).replace(second=0, microsecond=0) + timedelta(hours=2)
    ctx.clock = FixedClock(clock.now() - timedelta(days=1))
    ctx.actor_id = specialists[0].id
    lifecycle.plan_session(
        ctx, anchor_id=anchors[0].id, title=f"{today_start:%m月%d日} 小美 补水专场",
        scheduled_start=today_start, scheduled_end=today_start + timedelta(hours=3),
        targets=_targets(rng, 800),
    )
    if progress:
        progress(len(plan) + 1, len(plan) + 1)


def _targets(rng: random.Random, base_online: float) -> list[Target]:
    gmv_yuan = int(base_online * rng.uniform(90, 150)) // 1000 * 1000
    return [
        Target("gmv", gmv_yuan * 100, Direction.MIN),
        Target("peak_online_viewers", int(base_online * 2.2) // 100 * 100, Direction.MIN),
        Target("orders", int(gmv_yuan / 120), Direction.MIN),
        Target("refund_rate", 0.08, Direction.MAX),
    ]


def _closed_session(ctx: Context, rng: random.Random, anchor, specialist_id: str, lead_id: str,
                    start: datetime, n: int) -> None:
    duration = rng.choice([3, 3.5, 4]) * 3600
    base_online = rng.uniform(500, 1400)
    sim = BroadcastSimulator(seed=rng.getrandbits(32), duration_s=int(duration), base_online=base_online,
                             products=rng.randint(6, 10))
    on_air = start.astimezone(ZoneInfo("UTC")) + timedelta(minutes=rng.randint(0, 6))
    off_air = on_air + timedelta(seconds=duration)
    ctx.clock = FixedClock(start - timedelta(days=2))
    ctx.actor_id = specialist_id
    title = f"{start:%m月%d日} {anchor.name} " + rng.choice(["日常场", "宠粉专场", "新品首发", "周末福利场"])
    session, _ = lifecycle.plan_session(ctx, anchor_id=anchor.id, title=title, scheduled_start=start,
                                        scheduled_end=start + timedelta(seconds=duration),
                                        targets=_targets(rng, base_online))
    ws = ctx.ws
    now = off_air + timedelta(days=1)
    ctx.clock = FixedClock(now)
    with ws.write():
        session_repo.update_session(ws, session.id, now, status=str(SessionStatus.CLOSED),
                                    on_air_utc=on_air, off_air_utc=off_air)
        products = _products(ctx, rng, session, sim, anchor.client_id)
        _simulate(ctx, sim, session, on_air, products)
        _runs(ctx, rng, session.id, start, on_air, off_air, int(duration))
        _settle(ctx, rng, session.id, off_air)
        _review(ctx, rng, session.id, specialist_id, lead_id, off_air, n)
        summaries.refresh(ws, session.id, now)


def _products(ctx, rng, session: Session, sim: BroadcastSimulator, client_id) -> list[str]:
    names = rng.sample(PRODUCT_NAMES, len(sim.plan.product_offsets))
    rows, ids = [], []
    for i, name in enumerate(names):
        pid = new_id()
        ids.append(pid)
        rows.append({"id": pid, "session_id": session.id, "client_id": client_id, "name": name,
                     "sku": f"SKU{rng.randint(10000, 99999)}", "price": rng.choice([5990, 7900, 9900, 12900, 19900]),
                     "stock": rng.choice([200, 500, 1000, 2000]), "position": i,
                     "created_at": to_iso(ctx.now()), "modified_at": to_iso(ctx.now())})
    ctx.ws.db["products"].insert_all(rows)
    return ids


FAST_KEYS = frozenset({"online_viewers", "uv", "pv", "gmv", "orders", "buyers", "product_clicks",
                       "product_exposure", "new_followers", "ad_spend", "ad_attributed_gmv", "entries", "exits"})


def _simulate(ctx: Context, sim: BroadcastSimulator, session: Session, on_air: datetime, products: list[str]) -> None:
    """Samples every 10 s for the headline metrics, every minute for the rest."""
    rows: list[tuple] = []
    events: list[Event] = []
    created = to_iso(ctx.now())
    t = 0.0
    while t < sim.plan.duration_s:
        values = sim.step(SAMPLE_EVERY_S)
        ts = to_iso(on_air + timedelta(seconds=sim.t))
        full = int(sim.t) % 60 == 0
        rows.extend((new_id(), session.id, ts, k, v, "demo", 1, None, None, None, None, created)
                    for k, v in values.items() if full or k in FAST_KEYS)
        for e in sim.events_between(t, sim.t):
            pid = products[e.product_index] if e.product_index is not None else None
            events.append(Event(new_id(), session.id, on_air + timedelta(seconds=e.offset_s), e.kind, e.text,
                                e.kind in INTERNAL_BY_DEFAULT, Source.DEMO, session.specialist_id,
                                subtype=e.subtype, product_id=pid))
        t = sim.t
    ctx.ws.conn.executemany(sample_repo.INSERT_SQL, rows)
    for e in events:
        event_repo.insert_event(ctx.ws, e, ctx.now())


def _runs(ctx: Context, rng: random.Random, session_id: str, scheduled: datetime, on_air: datetime,
          off_air: datetime, duration: int) -> None:
    items = checklist_repo.session_items(ctx.ws, session_id)
    ctx.ws.conn.execute("DELETE FROM checklist_runs WHERE session_id = ?", (session_id,))
    runs: list[ChecklistRun] = []
    for item in items:
        trig = item.trigger
        if item.phase == Phase.PRE:
            due = scheduled + timedelta(minutes=trig.minutes or 0)
            runs.append(_finished(rng, session_id, item.key, 1, due, None, item.required))
        elif item.phase == Phase.POST:
            due = off_air + timedelta(minutes=trig.minutes or 0)
            runs.append(_finished(rng, session_id, item.key, 1, due, None, item.required, allow_open=False))
        elif trig.kind == TriggerKind.RECURRENCE and trig.every_minutes:
            every = timedelta(minutes=trig.every_minutes)
            for k in range(1, duration // (trig.every_minutes * 60) + 1):
                due = on_air + every * k
                runs.append(_finished(rng, session_id, item.key, k, due, due + every, item.required, live=True))
    checklist_repo.insert_runs(ctx.ws, runs, ctx.now())


def _finished(rng, session_id, key, occurrence, due, window_end, required, live=False,
              allow_open=False) -> ChecklistRun:
    roll = rng.random()
    if live and roll < (0.06 if required else 0.2):
        return ChecklistRun(new_id(), session_id, key, occurrence, due, window_end, RunStatus.MISSED)
    if not required and roll > 0.9:
        return ChecklistRun(new_id(), session_id, key, occurrence, due, window_end, RunStatus.SKIPPED,
                            skip_reason="本场不适用")
    late = roll > 0.85
    done_at = due + timedelta(minutes=rng.randint(1, 40) if late else -rng.randint(0, 20))
    return ChecklistRun(new_id(), session_id, key, occurrence, due, window_end, RunStatus.DONE, done_at=done_at,
                        values={})


def _settle(ctx: Context, rng: random.Random, session_id: str, off_air: datetime) -> None:
    latest = sample_repo.latest_values(ctx.ws, session_id)
    as_of = (off_air + timedelta(days=1)).date().isoformat()
    gmv = latest["gmv"][1]
    refunds = int(gmv * rng.uniform(0.03, 0.12))
    orders = latest["orders"][1]
    settled = {"gmv": int(gmv * rng.uniform(0.97, 1.0)), "orders": orders, "buyers": latest["buyers"][1],
               "refunds_amount": refunds, "refund_orders": int(orders * rng.uniform(0.03, 0.1)),
               "quality_refund_orders": int(orders * rng.uniform(0.005, 0.02)),
               "ad_spend": latest["ad_spend"][1]}
    sample_repo.insert_samples(ctx.ws, [MetricSample(new_id(), session_id, off_air, k, v, Source.IMPORT, False,
                                                     as_of, None, None) for k, v in settled.items()], ctx.now())


def _review(ctx: Context, rng: random.Random, session_id: str, specialist_id: str, lead_id: str,
            off_air: datetime, n: int) -> None:
    values = {
        "summary": rng.choice(["整体节奏稳定，福袋节点拉新明显。", "前半场承接偏弱，后半场主推款放量。",
                               "投流ROI达标，客单价略低于预期。"]),
        "anchor_performance": "主播状态饱满，讲解节奏可再压缩至每款8分钟。",
        "script": "开场话术过长，福袋口令需提前两分钟预告。",
        "best_products": "补水面膜为爆款，讲解两轮即售罄。",
        "worst_products": "护手霜滞销，下场调整排品。",
        "stock_issues": rng.choice(["", "面膜第二轮断货8分钟，补库存不及时。", "赠品超卖12单，已联系客服补发。"]),
        "quality_complaints": rng.choice(["", "2单反馈泵头漏液，已转品控。"]),
        "traffic_sources": "福袋后在线峰值明显，付费流量占比下降，自然流量增长。",
        "paid_traffic_tests": rng.choice(["人群包男女五五开对比女性定向：女性定向ROI高0.6。", "",
                                          "千川小额测款：新品点击率4.1%。"]),
        "scene_equipment": "补光灯偏冷，下场换暖光；收音正常。",
        "steps_stage": rng.choice(["self", "paid", "snow"]),
        "internal_notes": "主播开场迟到5分钟，已私下沟通。",
    }
    fields = {"values": {k: v for k, v in values.items() if v}, "client_facing": {}}
    approved = rng.random() < 0.8
    submitted = to_iso(off_air + timedelta(hours=20))
    # Approved after the settlement (recorded at E+24h), so the demo shows "approved", not "re-settled".
    at = to_iso(off_air + timedelta(hours=26)) if approved else submitted
    ctx.ws.db["reviews"].insert({
        "session_id": session_id, "fields_json": dumps(fields), "status": "approved" if approved else "submitted",
        "submitted_by": specialist_id, "submitted_at": submitted, "approved_by": lead_id if approved else None,
        "approved_at": at if approved else None, "modified_at": at, "modified_by": specialist_id,
    })
    ctx.ws.db["action_items"].insert({
        "id": new_id(), "session_id": session_id, "text": "下场开播前复核福袋库存", "owner": "运营",
        "due_date": (off_air + timedelta(days=2)).date().isoformat(), "client_visible": 1, "done": 0,
        "carried_to_session_id": None, "created_at": submitted, "modified_at": submitted,
    })
    if approved:
        ctx.ws.conn.execute("UPDATE reviews SET approval_hash = ? WHERE session_id = ?",
                            (review_repo.compute_hash(ctx.ws, session_id), session_id))


__all__ = ["build_demo_workspace", "SessionOrigin"]
