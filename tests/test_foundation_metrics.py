"""GLOSSARY.md formulas and session KPIs: hand-computed values, NULL and zero rules, money,
and the SQL aggregate path (storage.summaries) agreeing with the pure path (domain.summary)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.domain.enums import Source
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.metrics import (
    DERIVED_METRICS,
    counter_decreases,
    derive,
    derive_all,
    metric_unit,
    time_weighted_mean,
    value_at,
)
from desktop_app.domain.models import MetricSample
from desktop_app.domain.money import format_money, to_major, to_minor
from desktop_app.domain.parsing import parse_number
from desktop_app.domain.summary import kpis_from_samples
from desktop_app.domain.timeutil import from_iso
from desktop_app.services import lifecycle
from desktop_app.storage import samples as sample_repo
from desktop_app.storage import summaries
from desktop_app.storage.workspace import Workspace

# One hand-made session (money in 分): GMV ¥36,000 over 3 h, 2,000 viewers, 120 buyers ...
RAW = {
    "uv": 2000, "exposure": 10000, "pv": 3000, "exposure_pv": 20000, "watch_seconds_total": 360000,
    "interacting_users": 300, "commenters": 100, "new_followers": 50, "fan_club_joins": 20, "uv_paid": 500,
    "uv_followers": 400, "product_clicks": 600, "product_exposure": 1500, "buyers": 120, "gmv": 3_600_000,
    "orders": 150, "duration_seconds": 10800, "repeat_buyers": 30, "refunds_amount": 360_000,
    "refund_orders": 15, "quality_refund_orders": 3, "quality_refunds_amount": 72_000,
    "ad_attributed_gmv": 1_800_000, "ad_spend": 600_000, "ad_impressions": 200_000,
}
EXPECTED = {
    "entry_rate": 0.2, "entry_rate_pv": 0.15, "avg_watch_seconds": 180, "views_per_viewer": 1.5,
    "interaction_rate": 0.15, "comment_rate": 0.05, "follow_rate": 0.025, "fan_club_rate": 0.01,
    "paid_uv_share": 0.25, "follower_uv_share": 0.2, "product_ctr": 0.4, "product_ctr_uv": 0.3,
    "click_to_order_rate": 0.2, "view_to_order_rate": 0.06, "gmv_per_buyer": 30000, "gmv_per_order": 24000,
    "uv_value": 1800, "gpm": 1_200_000, "gpm_uv": 1_800_000, "gmv_per_hour": 1_200_000,
    "returning_buyer_share": 0.25, "net_gmv": 3_240_000, "refund_rate": 0.1, "refund_rate_orders": 0.1,
    "quality_refund_rate": 0.02, "quality_refund_rate_amount": 0.02, "ad_roi": 3.0, "overall_roi": 6.0,
    "cost_ratio": 1 / 6, "cpm": 3000, "cost_per_paid_uv": 1200,
}
MONEY_DERIVED = {"gmv_per_buyer", "gmv_per_order", "uv_value", "gpm", "gpm_uv", "gmv_per_hour", "net_gmv", "cpm",
                 "cost_per_paid_uv"}


def test_every_glossary_formula_is_implemented():
    assert set(DERIVED_METRICS) == set(EXPECTED)


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_formula_on_hand_computed_values(key):
    assert derive(key, RAW) == pytest.approx(EXPECTED[key], rel=1e-12)


def test_money_ratios_are_money_and_rates_are_ratios():
    assert {k for k in DERIVED_METRICS if metric_unit(k) == "money"} == MONEY_DERIVED
    assert metric_unit("refund_rate") == "ratio" and metric_unit("overall_roi") == "number"
    assert metric_unit("gmv") == "money" and metric_unit("online_viewers") == "人"


def test_cost_ratio_is_the_inverse_of_overall_roi():
    assert derive("cost_ratio", RAW) * derive("overall_roi", RAW) == pytest.approx(1)


numbers = st.one_of(st.integers(min_value=0, max_value=10**12), st.floats(min_value=0, max_value=1e12))


@given(key=st.sampled_from(sorted(DERIVED_METRICS)), values=st.lists(numbers, min_size=2, max_size=2),
       missing=st.integers(min_value=0, max_value=1))
def test_a_null_input_gives_no_value(key, values, missing):
    inputs = DERIVED_METRICS[key].inputs
    given_values = dict(zip(inputs, values, strict=True))
    given_values[inputs[missing]] = None
    assert derive(key, given_values) is None
    assert derive(key, {k: v for k, v in given_values.items() if v is not None}) is None  # absent = NULL


@given(key=st.sampled_from(sorted(k for k in DERIVED_METRICS if k != "net_gmv")), num=numbers)
def test_a_zero_denominator_gives_no_value_never_inf_or_nan(key, num):
    num_key, den_key = DERIVED_METRICS[key].inputs
    assert derive(key, {num_key: num, den_key: 0}) is None
    assert derive(key, {num_key: num, den_key: 0.0}) is None


@given(values=st.fixed_dictionaries({k: st.one_of(st.none(), numbers) for k in RAW}))
def test_derived_values_are_finite_numbers_or_none(values):
    for key, v in derive_all(values).items():
        assert v is None or (v == v and abs(v) != float("inf")), key


def test_zero_numerator_is_a_real_zero_not_none():
    assert derive("view_to_order_rate", {"buyers": 0, "uv": 100}) == 0
    assert derive("net_gmv", {"gmv": 0, "refunds_amount": 0}) == 0


# -- money ---------------------------------------------------------------------------------
@pytest.mark.parametrize("major, code, minor", [
    ("12.34", "CNY", 1234), ("12.345", "CNY", 1235), ("0.005", "CNY", 1), ("1,000", "CNY", None),
    ("1000", "JPY", 1000), ("12.5", "JPY", 13), ("12.4", "JPY", 12), ("250000", "VND", 250000),
    ("15000", "IDR", 1_500_000), ("15000.5", "IDR", 1_500_050), (Decimal("9.99"), "USD", 999), (7, "cny", 700),
])
def test_money_to_minor_units(major, code, minor):
    if minor is None:
        with pytest.raises(ValidationError) as exc:
            to_minor(major, code)
        assert exc.value.field == "money"
    else:
        assert to_minor(major, code) == minor


@pytest.mark.parametrize("minor, code, major, shown", [
    (123456, "CNY", 1234.56, "¥1,234.56"), (1234, "JPY", 1234.0, "¥1,234"), (5000, "VND", 5000.0, "₫5,000"),
    (1_500_050, "IDR", 15000.5, "Rp15,000.50"), (0, "CNY", 0.0, "¥0.00"), (None, "CNY", None, "—"),
])
def test_money_from_minor_units(minor, code, major, shown):
    assert to_major(minor, code) == major
    assert format_money(minor, code) == shown


@given(cents=st.integers(min_value=0, max_value=10**15), code=st.sampled_from(["CNY", "JPY", "VND", "IDR", "USD"]))
def test_money_round_trips_exactly(cents, code):
    major = Decimal(cents) / (Decimal(10) ** (0 if code in ("JPY", "VND") else 2))
    assert to_minor(major, code) == cents
    assert to_minor(format_money(cents, code, symbol=False).replace(",", ""), code) == cents


def test_an_unknown_currency_is_refused_naming_the_field():
    with pytest.raises(ValidationError) as exc:
        to_minor("1", "ABC")
    assert exc.value.field == "currency" and "ABC" in exc.value.text("zh_CN")


@pytest.mark.parametrize("text, value", [
    ("1.2万", Decimal(12000)), ("3w", Decimal(30000)), ("1,234", Decimal(1234)), ("¥5,000.00", Decimal(5000)),
    ("2亿", Decimal(200_000_000)), (" 42 ", Decimal(42)), ("", None), ("—", None), ("-", None), (None, None),
    ("0", Decimal(0)),
])
def test_numbers_as_people_write_them(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["abc", "1.2.3", "12元5", "万"])
def test_a_number_that_is_not_one_is_refused_naming_the_field(text):
    with pytest.raises(ValidationError) as exc:
        parse_number(text, field="gmv")
    assert exc.value.field == "gmv" and text in exc.value.text("en")


# -- series helpers -------------------------------------------------------------------------
T = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T + timedelta(seconds=seconds)


def test_time_weighted_mean_is_the_trapezoid():
    points = [(at(0), 100), (at(60), 200), (at(180), 100)]
    # (100+200)/2*60 + (200+100)/2*120 = 9000 + 18000 = 27000 over 180 s
    assert time_weighted_mean(points, at(0), at(180)) == 150
    assert time_weighted_mean(points, at(60), at(180)) == 150  # only samples inside the window
    assert time_weighted_mean(points[:1], at(0), at(180)) is None  # fewer than two samples


def test_value_at_a_boundary_interpolates_within_the_tolerance_only():
    points = [(at(0), 100), (at(120), 300)]
    assert value_at(points, at(60)) == 200
    assert value_at(points, at(0)) == 100
    far = [(at(0), 100), (at(1200), 300)]
    assert value_at(far, at(600)) is None  # 10 min either side > 5 min tolerance
    assert value_at(points, at(-1)) is None and value_at(points, at(121)) is None


def test_counter_decreases_are_flagged_with_their_delta():
    points = [(at(0), 10), (at(10), 8), (at(20), None), (at(30), 12), (at(40), 11)]
    assert counter_decreases(points) == [(at(10), -2), (at(40), -1)]


# -- summary KPIs ------------------------------------------------------------------------------
def sample(key, seconds, value, *, provisional=True, as_of=None, product_id=None) -> MetricSample:
    return MetricSample(f"{key}-{seconds}-{as_of}", "s", at(seconds), key, value, Source.MANUAL, provisional,
                        as_of, product_id)


def test_settlement_supersedes_realtime_and_the_latest_as_of_wins():
    samples = [
        sample("gmv", 100, 10000), sample("gmv", 200, 20000),
        sample("gmv", 10800, 18000, provisional=False, as_of="2026-12-03"),
        sample("gmv", 10800, 19000, provisional=False, as_of="2026-11-27"),
        sample("uv", 200, 400), sample("buyers", 200, 40),
    ]
    for order in (samples, list(reversed(samples))):
        kpis = kpis_from_samples(order, at(0), at(10800))
        assert (kpis["gmv"].value, kpis["gmv"].basis, kpis["gmv"].as_of) == (18000, "settled", "2026-12-03")
        assert (kpis["uv"].value, kpis["uv"].basis) == (400, "provisional")
        # a derived value with a settled input is settled as of that input
        assert kpis["uv_value"].value == 45 and kpis["uv_value"].basis == "settled"
        assert kpis["uv_value"].as_of == "2026-12-03"


def test_peak_average_online_and_duration():
    samples = [sample("online_viewers", 0, 100), sample("online_viewers", 60, 200),
               sample("online_viewers", 180, 100), sample("online_viewers", 90, 500, product_id="p1")]
    kpis = kpis_from_samples(samples, at(0), at(180))
    assert kpis["peak_online_viewers"].value == 200  # product-level rows are not the room's
    assert kpis["avg_online_viewers"].value == 150
    assert kpis["duration_seconds"].value == 180


def test_average_online_is_exact_when_total_watch_time_is_known():
    samples = [sample("online_viewers", 0, 100), sample("online_viewers", 180, 100),
               sample("watch_seconds_total", 180, 54000)]
    assert kpis_from_samples(samples, at(0), at(180))["avg_online_viewers"].value == 300


def test_settled_platform_peak_is_preferred_to_the_sampled_one():
    samples = [sample("online_viewers", 0, 100), sample("online_viewers", 60, 200),
               sample("peak_online_reported", 60, 260, provisional=False, as_of="2026-11-27")]
    peak = kpis_from_samples(samples, at(0), at(60))["peak_online_viewers"]
    assert (peak.value, peak.basis) == (260, "settled")


def test_nothing_collected_means_no_kpis():
    kpis = kpis_from_samples([sample("gmv", 10, None)], at(0), None)
    assert kpis == {}


def test_a_single_online_sample_has_a_peak_but_no_average():
    kpis = kpis_from_samples([sample("online_viewers", 10, 50)], at(0), at(100))
    assert kpis["peak_online_viewers"].value == 50 and "avg_online_viewers" not in kpis


# -- SQL path equals the pure path ---------------------------------------------------------------
def assert_same_kpis(sql: dict, pure: dict) -> None:
    assert sorted(sql) == sorted(pure)
    for key in pure:
        # SQLite's julianday() keeps timestamps to ~50 µs, so time-weighted means agree to ~1e-9.
        assert sql[key].value == pytest.approx(pure[key].value, rel=1e-7, abs=1e-9), key
        assert (str(sql[key].basis), sql[key].as_of) == (str(pure[key].basis), pure[key].as_of), key


def test_summary_refresh_equals_the_pure_path_on_the_demo(demo_file):
    ws = Workspace.open(demo_file, read_only=True)
    sessions = ws.query("SELECT id, on_air_utc, off_air_utc FROM sessions WHERE on_air_utc IS NOT NULL ORDER BY id")
    assert len(sessions) >= 3
    for r in sessions[:3]:  # each holds ~20,000 samples; three are enough to compare
        on_air, off_air = from_iso(r["on_air_utc"]), from_iso(r["off_air_utc"])
        pure = kpis_from_samples(sample_repo.list_samples(ws, r["id"]), on_air, off_air)
        stored = summaries.get_summary(ws, r["id"]).kpis
        assert_same_kpis(stored, pure)
        assert {"gmv", "peak_online_viewers", "avg_online_viewers", "duration_seconds", "uv_value"} <= set(stored)
    ws.close()


KEYS = ["online_viewers", "gmv", "orders", "uv", "buyers", "watch_seconds_total", "peak_online_reported"]
sample_specs = st.lists(
    st.tuples(st.sampled_from(KEYS), st.integers(min_value=-600, max_value=4 * 3600),
              st.one_of(st.none(), st.integers(min_value=0, max_value=10**8)), st.booleans(),
              st.sampled_from(["2026-11-27", "2026-12-03", "2026-12-10"]), st.booleans()),
    max_size=40, unique_by=lambda t: (t[0], t[1], t[3], t[4]))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(specs=sample_specs, with_end=st.booleans())
def test_summary_refresh_equals_the_pure_path_for_any_samples(ctx, clock, specs, with_end):
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="属性测试")
    on_air = s.on_air_utc
    off_air = on_air + timedelta(hours=3) if with_end else None
    rows = [MetricSample(f"{s.id}-{i}", s.id, on_air + timedelta(seconds=sec), key, value, Source.MANUAL,
                         realtime, None if realtime else as_of, "p1" if per_product else None)
            for i, (key, sec, value, realtime, as_of, per_product) in enumerate(specs)]
    with ctx.ws.write():
        if off_air:
            ctx.ws.conn.execute("UPDATE sessions SET off_air_utc = ? WHERE id = ?",
                                (off_air.isoformat(timespec="milliseconds").replace("+00:00", "Z"), s.id))
        sample_repo.insert_samples(ctx.ws, rows, clock.now())
        summaries.refresh(ctx.ws, s.id, clock.now())
    pure = kpis_from_samples(sample_repo.list_samples(ctx.ws, s.id), on_air, off_air)
    assert_same_kpis(summaries.get_summary(ctx.ws, s.id).kpis, pure)


def test_kpis_stored_for_the_cli_carry_basis_and_as_of(ctx, clock):
    from desktop_app.services import metrics_entry

    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="KPI")
    metrics_entry.record_snapshot(ctx, s.id, {"gmv": "100.50", "uv": 10})
    clock.advance(hours=1)
    lifecycle.end_broadcast(ctx, s.id)
    metrics_entry.record_settlement(ctx, s.id, {"gmv": "99"}, as_of=date(2026, 11, 27))
    row = ctx.ws.query_one("SELECT kpis_json, gmv, uv FROM session_summaries WHERE session_id = ?", (s.id,))
    import json

    kpis = json.loads(row["kpis_json"])
    assert kpis["gmv"] == {"value": 9900, "basis": "settled", "as_of": "2026-11-27"}
    assert kpis["uv"] == {"value": 10, "basis": "provisional", "as_of": None}
    assert (row["gmv"], row["uv"]) == (9900, 10)
