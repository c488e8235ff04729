"""Rate columns decided per column (fixtures: tests/data/make_quirk_fixtures.py, quirk_rates_mixed.*).

A column that writes % (text, header or Excel format) reads its bare numbers as percent points too;
an Excel %-formatted number cell is the rate itself; bare-only columns are fractions when every value
is <= 1, else percent points. The decision is a note in the preview and the CLI --json, and the user
can override it per column.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.cli import main as cli_main
from desktop_app.domain import ingest as rules
from desktop_app.domain import parsing as p
from desktop_app.domain.errors import ValidationError
from desktop_app.messages import msg
from desktop_app.services import lifecycle
from desktop_app.services.ingest import importer
from desktop_app.services.ingest.columns import ColumnMap, build_converter
from desktop_app.services.ingest.follow import Follower

DATA = Path(__file__).parent / "data" / "ingest"


@pytest.fixture
def later(ctx, clock):
    clock.set(datetime(2026, 1, 8, 4, 0, tzinfo=UTC))
    return ctx


def rates_by_title(ctx, key: str) -> dict[str, float]:
    return {r[0]: r[1] for r in ctx.ws.query(
        "SELECT s.title, m.value FROM metric_samples m JOIN sessions s ON s.id = m.session_id"
        " WHERE m.metric_key = ?", (key,))}


def imported(ctx, name: str, decisions=None):
    insp = importer.inspect(ctx, DATA / name, anchor_id=ctx.fixture["anchor"].id, decisions=decisions)
    result = importer.run(ctx, insp, anchor_id=ctx.fixture["anchor"].id)
    assert result.committed and result.counts == {"accepted": 4, "rejected": 0, "skipped": 0}
    return insp


def column(insp, header: str):
    return next(c for c in insp.columns if c.header == header)


def test_a_percent_column_reads_its_bare_numbers_as_percent_points_and_formatted_cells_as_themselves():
    col = ColumnMap(0, "商品点击率", "product_ctr_reported", "product_ctr_reported")
    col.decision = rules.decide_column(rules.K_PERCENT, ["12.3%", "0", 0.5, "5.1%"])
    assert col.decision.percent_mode == p.PCT_SIGN
    conv = build_converter(col, tz="UTC", base_date=None)
    assert conv("12.3%") == pytest.approx(0.123) and conv("0") == 0
    assert conv("0.5") == pytest.approx(0.005) and conv(0.5) == pytest.approx(0.005)  # not 50 %
    assert conv("12.3") == pytest.approx(0.123)  # a bare 12.3 is 12.3 % like the column's "12.3%"
    col.percent_formatted = True  # the number cells carry Excel's % format: 1.5 is shown as 150 %
    conv = build_converter(col, tz="UTC", base_date=None)
    assert conv(1.5) == 1.5 and conv(0) == 0 and conv("0.5") == pytest.approx(0.005)
    col.percent_formatted = False
    col.decision.pin("percent_mode", p.PCT_FRACTION)  # the user says: bare numbers are fractions
    conv = build_converter(col, tz="UTC", base_date=None)
    assert conv(0.5) == 0.5 and conv("0.5") == 0.5 and conv("12.3%") == pytest.approx(0.123)
    with pytest.raises(ValidationError) as e:
        conv("12.3")
    assert e.value.key == "error.ingest.fraction_over_one"


def test_mixed_csv_rate_columns_are_decided_column_by_column_and_say_so(later):
    insp = imported(later, "quirk_rates_mixed.csv")
    assert rates_by_title(later, "product_ctr_reported") == pytest.approx(
        {"早场": 0.123, "午场": 0.005, "晚场": 0, "夜场": 0.051})
    assert rates_by_title(later, "refund_rate_reported") == pytest.approx({"早场": 0.02, "午场": 0.5, "晚场": 0.1})
    assert rates_by_title(later, "view_to_order_rate_reported") == pytest.approx(
        {"早场": 0.015, "午场": 0.008, "晚场": 0.02, "夜场": 0.03})
    notes = {n.key: n for n in insp.all_notes()}
    assert set(notes) == {"ingest.note.rate_sign", "ingest.note.rate_fraction", "ingest.note.rate_percent"}
    assert notes["ingest.note.rate_sign"].text("en") == msg(
        "ingest.note.rate_sign", lang="en", columns="商品点击率", example="0.5", reading="0.5%")
    assert "“退款率”" in notes["ingest.note.rate_fraction"].text("zh_CN")
    assert "0.02" in notes["ingest.note.rate_fraction"].text("zh_CN") and "2%" in notes[
        "ingest.note.rate_fraction"].text("zh_CN")
    assert "1.5%" in notes["ingest.note.rate_percent"].text("en")


def test_mixed_csv_rate_columns_follow_the_users_reading_when_overridden(later):
    probe = importer.inspect(later, DATA / "quirk_rates_mixed.csv", anchor_id=later.fixture["anchor"].id)
    ctr, refund = column(probe, "商品点击率").index, column(probe, "退款率").index
    probe.table.close()
    insp = imported(later, "quirk_rates_mixed.csv", decisions={ctr: {"percent_mode": p.PCT_FRACTION},
                                                               refund: {"percent_mode": p.PCT_PERCENT}})
    assert rates_by_title(later, "product_ctr_reported") == pytest.approx(
        {"早场": 0.123, "午场": 0.5, "晚场": 0, "夜场": 0.051})  # 0.5 is now 50 %; "12.3%" stays explicit
    assert rates_by_title(later, "refund_rate_reported") == pytest.approx(
        {"早场": 0.0002, "午场": 0.005, "晚场": 0.001})
    # The user's own readings need no explanation: only the column still decided by the app is noted.
    assert [n.key for n in insp.all_notes()] == ["ingest.note.rate_percent"]


def test_mixed_xlsx_rate_cells_text_plain_numbers_and_percent_formatted_numbers(later):
    insp = imported(later, "quirk_rates_mixed.xlsx")
    # 商品点击率: "12.3%" text beside plain number cells 0.5 and 0 → percent points.
    assert rates_by_title(later, "product_ctr_reported") == pytest.approx(
        {"早场": 0.123, "午场": 0.005, "晚场": 0, "夜场": 0.051})
    # 成交转化率: %-formatted numbers are the rate itself; its one bare text "0.5" is 0.5 %.
    assert rates_by_title(later, "view_to_order_rate_reported") == pytest.approx(
        {"早场": 0.123, "午场": 0.05, "晚场": 0.005, "夜场": 0.5})
    # 退款率(%): the header says %, so bare 1.5 is 1.5 %.
    assert rates_by_title(later, "refund_rate_reported") == pytest.approx({"早场": 0.015, "午场": 0.002, "晚场": 0.02})
    # 曝光进入率: 3 of 4 number cells %-formatted → the column's numbers are the rate itself.
    assert rates_by_title(later, "entry_rate_reported") == pytest.approx(
        {"早场": 0.2, "午场": 0.3, "晚场": 0.25, "夜场": 0.4})
    notes = {n.key: n.text("en") for n in insp.all_notes()}
    assert notes["ingest.note.rate_sign"] == msg("ingest.note.rate_sign", lang="en", columns="商品点击率、成交转化率",
                                                 example="0.5", reading="0.5%")
    assert "“退款率(%)”" in notes["ingest.note.rate_header"] and "1.5%" in notes["ingest.note.rate_header"]
    assert notes["ingest.note.rate_formats_mixed"] == msg(
        "ingest.note.rate_formats_mixed", lang="en", column="曝光进入率", formatted=3, plain=1,
        reading=msg("ingest.note.rate_reading.explicit", lang="en"))


def test_mixed_xlsx_override_changes_bare_numbers_only_never_percent_formatted_cells(later):
    probe = importer.inspect(later, DATA / "quirk_rates_mixed.xlsx", anchor_id=later.fixture["anchor"].id)
    ctr, conv = column(probe, "商品点击率").index, column(probe, "成交转化率").index
    probe.table.close()
    imported(later, "quirk_rates_mixed.xlsx", decisions={ctr: {"percent_mode": p.PCT_FRACTION},
                                                         conv: {"percent_mode": p.PCT_FRACTION}})
    assert rates_by_title(later, "product_ctr_reported") == pytest.approx(
        {"早场": 0.123, "午场": 0.5, "晚场": 0, "夜场": 0.051})
    assert rates_by_title(later, "view_to_order_rate_reported") == pytest.approx(
        {"早场": 0.123, "午场": 0.05, "晚场": 0.5, "夜场": 0.5})  # only the bare text "0.5" changed


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_cli_json_prints_the_same_rate_notes_as_the_preview(later, tmp_path, capsys, lang):
    later.ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "w.liveops"
    shutil.copy(later.ws.path, copy)
    for name in ("quirk_rates_mixed.csv", "quirk_rates_mixed.xlsx"):
        assert cli_main(["import", str(copy), str(DATA / name), "--dry-run", "--json", "--as", "李运营",
                         "--anchor", "小美", "--lang", lang]) == 0
        out = json.loads(capsys.readouterr().out)
        insp = importer.inspect(later, DATA / name, anchor_id=later.fixture["anchor"].id)
        insp.table.close()
        assert out["notes"] == [n.text(lang) for n in insp.all_notes()] and len(out["notes"]) >= 3


def test_a_percent_sign_arriving_later_in_a_followed_file_turns_earlier_bare_rates_into_percent_points(
        ctx, clock, tmp_path):
    clock.set(datetime(2026, 11, 26, 11, 59, tzinfo=UTC))
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="直播中")
    clock.set(datetime(2026, 11, 26, 12, 30, tzinfo=UTC))
    path = tmp_path / "scrape.csv"
    path.write_text("时间,实时在线人数,商品点击率\n2026-11-26 20:00:00,800,0.5\n", encoding="utf-8")
    f = Follower(ctx, path, s.id)
    f.poll()
    with path.open("a", encoding="utf-8") as fh:
        fh.write("2026-11-26 20:01:00,810,12%\n")
    f.poll()
    values = [r[0] for r in ctx.ws.query("SELECT value FROM metric_samples WHERE metric_key = 'product_ctr_reported'"
                                         " ORDER BY ts_utc")]
    assert values == pytest.approx([0.005, 0.12])  # 0.5 first read as 50 %, corrected once "12%" showed the column
