"""A realistic simulated broadcast: warm-up, 福袋 peaks, product switches, decay.

Deterministic for a given seed. Drives the demo workspace and the live demo feed.
Values are cumulative counters plus the online gauge, money in minor units (分).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from desktop_app.domain.enums import EventKind, IncidentSubtype


@dataclass
class SimEvent:
    offset_s: float
    kind: EventKind
    text: str
    subtype: str | None = None
    product_index: int | None = None


@dataclass
class BroadcastPlan:
    duration_s: int
    base_online: float
    giveaway_offsets: list[int]
    product_offsets: list[int]
    incident_offset: int | None
    avg_price_fen: int
    events: list[SimEvent] = field(default_factory=list)


PRODUCT_NAMES = ["玻尿酸补水面膜", "氨基酸洁面乳", "小金瓶精华", "防晒喷雾", "口红礼盒", "护手霜三支装",
                 "羊绒围巾", "加绒卫衣", "真丝睡衣", "保温杯", "坚果礼盒", "手工牛肉干"]


def make_plan(rng: random.Random, duration_s: int, base_online: float, products: int) -> BroadcastPlan:
    product_offsets = sorted(rng.sample(range(300, duration_s - 600, 60), products - 1))
    product_offsets = [60] + product_offsets
    giveaways = list(range(rng.randint(900, 1500), duration_s - 300, rng.randint(1500, 2400)))
    incident = rng.choice([None, rng.randint(1800, duration_s - 1800)])
    plan = BroadcastPlan(duration_s, base_online, giveaways, product_offsets, incident,
                         rng.choice([5990, 7900, 9900, 12900, 15900]))
    for n, off in enumerate(product_offsets):
        plan.events.append(SimEvent(off, EventKind.PRODUCT, f"过款 #{n + 1}", product_index=n))
    for off in giveaways:
        plan.events.append(SimEvent(off, EventKind.GIVEAWAY, rng.choice(["福袋 88元无门槛", "整点福袋", "满199减30券"])))
    for off in giveaways[::2]:
        plan.events.append(SimEvent(off + 120, EventKind.TRAFFIC, rng.choice(["千川加投 500元", "投流提价 10%"])))
    if incident:
        plan.events.append(SimEvent(incident, EventKind.INCIDENT, "推流卡顿约40秒，已切备用线路",
                                    subtype=IncidentSubtype.STREAM_DROP))
    plan.events.append(SimEvent(duration_s // 2, EventKind.MILESTONE, "GMV 过半目标"))
    plan.events.sort(key=lambda e: e.offset_s)
    return plan


class BroadcastSimulator:
    """Step through a broadcast, producing cumulative counters every ``step_s`` seconds."""

    def __init__(self, seed: int, duration_s: int = 3 * 3600, base_online: float = 800.0, products: int = 8):
        self.rng = random.Random(seed)
        self.plan = make_plan(self.rng, duration_s, base_online, products)
        self.t = 0.0
        self.c = {k: 0.0 for k in ("uv", "pv", "entries", "exits", "exposure", "new_followers", "likes",
                                    "comments", "product_exposure", "product_clicks", "orders", "buyers",
                                    "items_sold", "gmv", "ad_spend", "ad_attributed_gmv", "ad_impressions",
                                    "uv_paid", "uv_followers", "interacting_users")}
        self.online = 0.0

    def _online_target(self, t: float) -> float:
        p = self.plan
        warm = 1 - math.exp(-t / 600)
        decay = math.exp(-max(0.0, t - p.duration_s * 0.6) / (p.duration_s * 0.8))
        boost = sum(1.6 * math.exp(-((t - g) / 240) ** 2) for g in p.giveaway_offsets)
        wobble = 1 + 0.08 * math.sin(t / 170) + 0.05 * math.sin(t / 53)
        dip = 0.35 if p.incident_offset and 0 <= t - p.incident_offset < 60 else 1.0
        return p.base_online * warm * decay * (1 + boost) * wobble * dip

    def step(self, step_s: float = 10.0) -> dict[str, int]:
        self.t += step_s
        target = self._online_target(self.t)
        self.online += (target - self.online) * min(1.0, step_s / 40) + self.rng.gauss(0, target * 0.02)
        self.online = max(0.0, self.online)
        r = self.rng
        flow = self.online * step_s / 90  # viewers stay ~90 s on average
        new_uv = flow * r.uniform(0.55, 0.75)
        c = self.c
        c["entries"] += flow
        c["exits"] += max(0.0, flow - (target - self.online) * 0.1)
        c["pv"] += flow * 1.25
        c["uv"] += new_uv
        c["exposure"] += new_uv / r.uniform(0.08, 0.14)
        c["uv_paid"] += new_uv * r.uniform(0.2, 0.35)
        c["uv_followers"] += new_uv * r.uniform(0.1, 0.2)
        c["new_followers"] += new_uv * r.uniform(0.01, 0.03)
        c["likes"] += self.online * step_s * r.uniform(0.02, 0.05)
        c["comments"] += self.online * step_s * r.uniform(0.002, 0.006)
        c["interacting_users"] += new_uv * r.uniform(0.05, 0.1)
        c["product_exposure"] += new_uv * r.uniform(0.4, 0.6)
        clicks = new_uv * r.uniform(0.06, 0.12)
        c["product_clicks"] += clicks
        buyers = clicks * r.uniform(0.12, 0.25)
        c["buyers"] += buyers
        orders = buyers * r.uniform(1.0, 1.15)
        c["orders"] += orders
        c["items_sold"] += orders * r.uniform(1.0, 1.4)
        c["gmv"] += orders * self.plan.avg_price_fen * r.uniform(0.85, 1.2)
        spend = step_s * r.uniform(0.8, 1.4) * 100 * (self.plan.base_online / 800)
        c["ad_spend"] += spend
        c["ad_impressions"] += spend / 100 * r.uniform(25, 40)
        c["ad_attributed_gmv"] += spend * r.uniform(1.8, 3.2)
        out = {k: int(v) for k, v in c.items()}
        out["online_viewers"] = int(self.online)
        return out

    def events_between(self, t0: float, t1: float) -> list[SimEvent]:
        return [e for e in self.plan.events if t0 < e.offset_s <= t1]
