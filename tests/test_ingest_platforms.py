"""Layouts of the platforms' own exports (synthetic values) and headers no preset spells exactly."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from test_ingest_import import AFTER, DATA, do_import, samples, settled

from desktop_app.domain import ingest as rules
from desktop_app.services.ingest import importer
from desktop_app.services.ingest import presets as preset_repo


@pytest.fixture
def later(ctx, clock):
    clock.set(AFTER)
    return ctx


def keys(insp) -> dict:
    return {c.header: c.key for c in insp.columns}


def sessions(ctx):
    return ctx.ws.query("SELECT * FROM sessions ORDER BY on_air_utc")


def test_tiktok_live_list_us_dates_dollars_k_and_unmapped_extras(later):
    ctx = later
    r = do_import(ctx, "tiktok_live_list.csv")
    insp = r.inspection
    assert insp.preset.name == "tiktok_shop_live" and insp.header_row == 3 and insp.as_of == date(2026, 11, 25)
    k = keys(insp)
    assert k["Avg. watch duration"] == "avg_watch_seconds_reported" and k["Watch GPM"] == "gpm_reported"
    assert k["CTOR"] is None and k["Est. commission"] is None  # no GLOSSARY key: left out, not guessed
    assert r.counts == {"accepted": 2, "rejected": 0, "skipped": 1}  # the Total row
    rows = sessions(ctx)
    assert [x["title"] for x in rows] == ["Black Friday warm-up", "Cyber deals"]
    assert rows[0]["currency"] == "USD" and rows[0]["off_air_utc"] is not None
    first = settled(ctx, rows[0]["id"])
    assert first["gmv"] == 1234560 and first["items_sold"] == 1200 and first["avg_watch_seconds_reported"] == 85
    assert first["product_ctr_reported"] == pytest.approx(0.07) and first["gpm_reported"] == pytest.approx(270.27)
    assert "peak_online_reported" not in settled(ctx, rows[1]["id"])  # "--"
    anchor = ctx.ws.query_one("SELECT name, account_id, platform FROM anchors WHERE account_id = 'mia.home'")
    assert tuple(anchor) == ("Mia Home", "mia.home", "tiktok")


def test_taobao_console_gb18030_minutes_duration_and_derived_column_left_out(later):
    ctx = later
    r = do_import(ctx, "taobao_console_sessions_gb18030.csv")
    insp = r.inspection
    assert insp.table.encoding == "gb18030" and insp.preset.name == "taobao_live_sessions"
    assert keys(insp)["成交金额环比"] is None  # a change vs last period is not GMV
    rows = sessions(ctx)
    assert len(rows) == 2 and rows[0]["off_air_utc"] == "2026-11-22T13:00:00.000Z"  # 120 分钟 after 19:00 local
    first = settled(ctx, rows[0]["id"])
    assert first["gmv"] == 9876540 and first["uv"] == 21000 and first["pv"] == 56789
    assert first["avg_watch_seconds_reported"] == 95


def test_unknown_but_similar_headers_map_through_the_generic_preset(later):
    ctx = later
    insp = importer.inspect(ctx, DATA / "generic_similar_headers.csv")
    assert insp.preset.name == preset_repo.GENERIC
    assert keys(insp) == {
        "主播昵称": "anchor_name", "场次开始时间": "start", "本场直播支付成交金额(元)": "gmv",
        "直播间累计看播人数": "uv", "新增粉丝人数": "new_followers", "展现数据-总花费": "ad_spend",
        "订单数(笔)": "orders", "最高在线人数(人)": "peak_online_reported", "成交金额环比": None, "人均成交金额": None}
    r = importer.run(ctx, insp)
    first = settled(ctx, sessions(ctx)[0]["id"])
    assert r.committed and first["gmv"] == 6600000 and first["ad_spend"] == 500000 and first["uv"] == 30100


@pytest.mark.parametrize("header, key", [
    ("直播间成交金额（元）", "gmv"), ("本场新增粉丝数", "new_followers"), ("Total Views", "pv"),
    ("流量-累计观看人数", "uv"), ("直播间人均观看时长(秒)", "avg_watch_seconds_reported"),
    ("成交金额同比", None), ("成交金额占比", None), ("GMV growth", None), ("行业平均成交金额", None),
    ("收货人手机号", rules.PII),
])
def test_similar_header_rules(header, key):
    assert preset_repo.get(preset_repo.GENERIC).index.match(header) == key


def test_kuaishou_minute_xlsx_time_only_cells_take_the_date_from_the_title(later):
    ctx = later
    r = do_import(ctx, "kuaishou_minutes.xlsx", anchor_id=ctx.fixture["anchor"].id)
    insp = r.inspection
    assert insp.preset.name == "kuaishou_shengyitong_minutes" and insp.kind == rules.TIMESERIES
    assert r.counts == {"accepted": 6, "rejected": 0, "skipped": 2}  # blank + 合计
    sid = next(iter(r.sessions))
    rows = samples(ctx, sid)
    assert min(x["ts_utc"] for x in rows) == "2026-11-24T11:31:00.000Z"
    assert [x["value"] for x in rows if x["metric_key"] == "gmv"][:2] == [100050, 200100]


def test_buyin_merged_group_header_datetime_cells_and_percent_format(later):
    ctx = later
    r = do_import(ctx, "buyin_sessions.xlsx")
    insp = r.inspection
    assert insp.preset.name == "douyin_buyin_sessions" and insp.header_row == 3  # the merged group row above is not the header
    assert 10 in insp.percent_formatted  # 成交转化率 cells carry an Excel % format: explicit
    rows = sessions(ctx)
    assert rows[1]["on_air_utc"] == "2026-11-23T12:00:00.000Z"  # 19:59:59.6 rounds up, never truncates
    first = settled(ctx, rows[0]["id"])
    assert first["view_to_order_rate_reported"] == pytest.approx(0.045) and first["gmv"] == 12345670
    assert first["avg_watch_seconds_reported"] == 85
    assert datetime.fromisoformat(rows[0]["off_air_utc"].replace("Z", "+00:00")) == datetime(2026, 11, 20, 15, 0,
                                                                                               tzinfo=UTC)
