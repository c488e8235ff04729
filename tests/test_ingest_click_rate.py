"""A bare 点击率 / CTR header decided by the file's context (fixtures: tests/data/make_quirk_fixtures.py).

In a live room's minute (or per-product) file it is the product click rate; in an ad report it is
the ad's click-through rate, which GLOSSARY.md has no key for: not imported. Unknown context: not
imported either. Each decision is a note in the preview and the CLI --json.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.cli import main as cli_main
from desktop_app.messages import msg
from desktop_app.services import lifecycle
from desktop_app.services.ingest import importer
from desktop_app.services.ingest import presets as preset_repo

DATA = Path(__file__).parent / "data" / "ingest"


@pytest.fixture
def live(ctx, clock):
    clock.set(datetime(2026, 1, 5, 11, 59, tzinfo=UTC))
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="直播中")
    clock.set(datetime(2026, 1, 5, 12, 30, tzinfo=UTC))
    return s


def inspect(ctx, path, **kw):
    insp = importer.inspect(ctx, path, **kw)
    insp.table.close()
    return insp


def mapping(insp) -> dict[str, str | None]:
    return {c.header: c.key for c in insp.columns}


def test_a_bare_click_rate_in_a_live_rooms_minute_file_is_the_product_click_rate(ctx, live):
    insp = importer.inspect(ctx, DATA / "quirk_click_rate_minutes.csv", session_id=live.id)
    assert mapping(insp)["点击率"] == "product_ctr_reported"
    notes = [n for n in insp.all_notes() if n.key.startswith("ingest.note.click_rate")]
    assert [n.key for n in notes] == ["ingest.note.click_rate_product"]
    assert notes[0].text("zh_CN") == msg("ingest.note.click_rate_product", lang="zh_CN", header="点击率",
                                         key="product_ctr_reported")
    result = importer.run(ctx, insp, session_id=live.id)
    assert result.committed and result.counts["rejected"] == 0
    values = [r[0] for r in ctx.ws.query("SELECT value FROM metric_samples WHERE metric_key = 'product_ctr_reported'"
                                         " ORDER BY ts_utc")]
    assert values == pytest.approx([0.052, 0.061, 0.058])


def test_a_bare_click_rate_in_an_ad_report_is_the_ads_ctr_and_is_left_out_with_a_note(ctx):
    insp = inspect(ctx, DATA / "quirk_click_rate_ads.csv", anchor_id=ctx.fixture["anchor"].id)
    assert mapping(insp)["点击率"] is None and mapping(insp)["消耗"] == "ad_spend"
    assert "product_ctr_reported" not in set(insp.keys())
    assert [n.key for n in insp.all_notes() if "click_rate" in n.key] == ["ingest.note.click_rate_ad"]
    # An ad preset says so even without ad impressions; "CTR" is the same bare click rate.
    path = Path(ctx.ws.path).parent / "qianchuan.csv"
    path.write_text("开播时间,千川消耗,CTR,整体支付ROI\n2026-01-03 20:00,500,3.2%,2.5\n", encoding="utf-8")
    insp = inspect(ctx, path, anchor_id=ctx.fixture["anchor"].id, preset="douyin_qianchuan_ads")
    assert mapping(insp)["CTR"] is None and preset_repo.get("douyin_qianchuan_ads").ads
    assert [n.key for n in insp.all_notes() if "click_rate" in n.key] == ["ingest.note.click_rate_ad"]


def test_a_bare_click_rate_without_context_is_left_out_and_a_users_mapping_wins(ctx):
    path = Path(ctx.ws.path).parent / "list.csv"
    path.write_text("直播标题,开播时间,成交金额,点击率\n早场,2026-01-03 09:00,1000,5%\n", encoding="utf-8")
    insp = inspect(ctx, path, anchor_id=ctx.fixture["anchor"].id)
    assert mapping(insp)["点击率"] is None
    note = next(n for n in insp.all_notes() if "click_rate" in n.key)
    assert note.key == "ingest.note.click_rate_unknown" and "product_ctr_reported" in note.text("en")
    insp = inspect(ctx, path, anchor_id=ctx.fixture["anchor"].id, overrides={3: "product_ctr_reported"})
    assert mapping(insp)["点击率"] == "product_ctr_reported"
    assert not [n for n in insp.all_notes() if "click_rate" in n.key]  # the user's choice needs no note


def test_a_named_product_click_rate_keeps_the_key_and_the_bare_one_says_why_it_is_left_out(ctx, live):
    path = Path(ctx.ws.path).parent / "both.csv"
    path.write_text("时间,实时在线人数,商品点击率,点击率\n2026-01-05 20:00:00,800,5%,1.2%\n", encoding="utf-8")
    insp = inspect(ctx, path, session_id=live.id)
    assert mapping(insp) == {"时间": "ts", "实时在线人数": "online_viewers", "商品点击率": "product_ctr_reported",
                             "点击率": None}
    note = next(n for n in insp.all_notes() if "click_rate" in n.key)
    assert note.text("en") == msg("ingest.note.click_rate_taken", lang="en", header="点击率", other="商品点击率")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_cli_json_maps_and_notes_the_bare_click_rate_like_the_preview(ctx, live, tmp_path, capsys, lang):
    ctx.ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "w.liveops"
    shutil.copy(ctx.ws.path, copy)
    assert cli_main(["import", str(copy), str(DATA / "quirk_click_rate_minutes.csv"), "--session", live.id,
                     "--dry-run", "--json", "--as", "李运营", "--lang", lang]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"column": 3, "header": "点击率", "key": "product_ctr_reported", "unit": "ratio"} in out["mapping"]
    assert msg("ingest.note.click_rate_product", lang=lang, header="点击率", key="product_ctr_reported") in out["notes"]
