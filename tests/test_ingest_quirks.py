"""The whole class of quirks real platform exports have (fixtures: tests/data/make_quirk_fixtures.py).

Each test names the quirk family it checks; the importer is meant to be general, so the headers,
values and layouts here are not those of any one platform.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.cli import main as cli_main
from desktop_app.domain import ingest as rules
from desktop_app.domain import parsing as p
from desktop_app.domain.errors import ValidationError
from desktop_app.messages import msg
from desktop_app.services import lifecycle
from desktop_app.services.ingest import importer
from desktop_app.services.ingest import presets as preset_repo
from desktop_app.services.ingest.reader import FileRejected

DATA = Path(__file__).parent / "data" / "ingest"
AFTER = datetime(2026, 1, 8, 4, 0, tzinfo=UTC)


@pytest.fixture
def later(ctx, clock):
    clock.set(AFTER)
    return ctx


def settled(ctx) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for r in ctx.ws.query("SELECT s.title, m.metric_key, m.value FROM metric_samples m JOIN sessions s"
                          " ON s.id = m.session_id WHERE m.provisional = 0"):
        out.setdefault(r[0], {})[r[1]] = r[2]
    return out


def minutes(ctx, key="gmv") -> list[tuple[str, float]]:
    return [(r[0], r[1]) for r in ctx.ws.query(
        "SELECT ts_utc, value FROM metric_samples WHERE provisional = 1 AND metric_key = ? ORDER BY ts_utc", (key,))]


def digest(ctx) -> str:
    ctx.ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return hashlib.sha256(Path(ctx.ws.path).read_bytes()).hexdigest()


def run(ctx, name, **kw):
    insp = importer.inspect(ctx, DATA / name, **{k: v for k, v in kw.items() if k in ("anchor_id", "session_id")})
    return importer.run(ctx, insp, **kw)


# -- headers ------------------------------------------------------------------------------
@pytest.mark.parametrize(("header", "key", "percent", "mult"), [
    ("成交金额(元)", "gmv", False, 1), ("GMV（¥）", "gmv", False, 1), ("GMV￥", "gmv", False, 1),
    ("成交金额/元", "gmv", False, 1), ("成交金额（单位：万元）", "gmv", False, 10_000), ("成交金额万元", "gmv", False, 10_000),
    ("观看人数(人)", "uv", False, 1), ("观看人次", "pv", False, 1), ("商品点击率%", "product_ctr_reported", True, 1),
    ("CTR%", rules.CLICK_RATE, True, 1), ("商品点击率（%）", "product_ctr_reported", True, 1),
    ("成交金额\u00a0", "gmv", False, 1), ("\u3000成交\u3000金额\u3000", "gmv", False, 1), ("开播时间：", "start", False, 1),
    ("成交订单数 ", "orders", False, 1), ("ＧＭＶ", "gmv", False, 1),
])
def test_headers_with_units_notes_fullwidth_and_odd_spaces(header, key, percent, mult):
    index = preset_repo.get(preset_repo.GENERIC).index
    assert index.match(header) == key
    hint = rules.unit_hint(header)
    assert hint.percent is percent and hint.multiplier == mult


def test_a_word_unit_needs_a_separator_so_names_ending_in_it_stay_whole():
    assert rules.strip_unit("观看人次") == ("观看人次", "")
    assert rules.strip_unit("时长/分钟") == ("时长", "分钟") and rules.unit_hint("时长/分钟").unit_seconds == 60


# -- values -------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "value"), [
    ("１２３", 123), ("１，２３４.５", Decimal("1234.5")), ("\u00a01,234\u00a0", 1234), ("1 234 ", 1234),
    ("(1,234.00)", Decimal("-1234.00")), ("（1,234.00）", Decimal("-1234.00")), ("1,234.00-", Decimal("-1234.00")),
    ("1234-", -1234), ("¥(12.00)", Decimal("-12.00")), ("(¥12.00)", Decimal("-12.00")), ("-¥3", -3), ("－12", -12),
])
def test_full_width_padded_and_accounting_negative_numbers(text, value):
    assert p.parse_number(text) == value


@pytest.mark.parametrize("token", ["N/A", "n/a", "NaN", "—", "——", "/", "暂无", "--", "-", " ", "\u3000"])
def test_not_collected_spellings_are_null_never_zero(token):
    assert p.parse_number(token) is None and p.parse_percent(token) is None
    assert p.parse_duration(token) is None and p.parse_datetime(token) is None


@pytest.mark.parametrize("bad", ["-(5)", "()", "5-5", "1,23-"])
def test_malformed_signs_are_refused_naming_the_field(bad):
    with pytest.raises(ValidationError) as e:
        p.parse_number(bad, field="gmv")
    assert e.value.field == "gmv" and bad in e.value.text("en")


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999999"), places=2),
       st.sampled_from(["({})", "{}-", "-{}", "({}元)", "¥({})", "{} -"]))
def test_every_accounting_negative_form_reads_the_same(amount, form):
    text = form.format(f"{amount:,}")
    assert p.parse_number(text) == -amount


@given(st.integers(min_value=0, max_value=10**9))
def test_full_width_digits_and_separators_read_like_ascii(n):
    ascii_text = f"{n:,}"
    full = ascii_text.translate(str.maketrans("0123456789,", "０１２３４５６７８９，"))
    assert p.parse_number(full) == p.parse_number(ascii_text) == n


# -- dates --------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["2026/1/5 9:03", "2026年1月5日 09:03:00", "2026-01-05T09:03:00 ", "２０２６-０１-０５ ０９：０３",
                                  "2026.1.5 9:03", "46027.377083", "2026-01-05\u00a009:03"])
def test_date_spellings_including_text_excel_serials(text):
    assert p.parse_datetime(text) == datetime(2026, 1, 5, 1, 3, tzinfo=UTC)  # 09:03 in Asia/Shanghai


@pytest.mark.parametrize(("text", "base", "expected"), [
    ("01-05 09:03", date(2026, 1, 1), datetime(2026, 1, 5, 9, 3)),
    ("1/5 9:03", date(2026, 1, 1), datetime(2026, 1, 5, 9, 3)),
    ("1月5日 09:03", date(2026, 1, 1), datetime(2026, 1, 5, 9, 3)),
    ("12-31 23:59", date(2026, 1, 1), datetime(2025, 12, 31, 23, 59)),  # across New Year: the nearer year
    ("01-02 00:01", date(2025, 12, 30), datetime(2026, 1, 2, 0, 1)),
])
def test_dates_without_a_year_take_the_nearest_year_to_the_files_date(text, base, expected):
    ctx = p.DateContext("UTC", p.MONTH_FIRST, base)
    assert p.parse_datetime(text, ctx=ctx) == expected.replace(tzinfo=UTC)
    assert p.lacks_year(text)


@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2098, 12, 31)), st.integers(min_value=-150, max_value=150))
def test_year_less_dates_near_the_base_come_back_exactly(d, offset):
    from datetime import timedelta

    base = d + timedelta(days=offset)
    ctx = p.DateContext("UTC", p.MONTH_FIRST, base)
    text = f"{d.month:02d}-{d.day:02d} 12:00"
    assert p.parse_datetime(text, ctx=ctx).date() == d


def test_a_year_less_date_without_any_date_context_is_refused_clearly():
    with pytest.raises(ValidationError) as e:
        p.parse_datetime("01-05 09:03", field="ts")
    assert "01-05 09:03" in e.value.text("zh_CN") and e.value.field == "ts"
    assert not p.lacks_year("2026-01-05 09:03") and not p.lacks_year("20:05")


# -- whole files ----------------------------------------------------------------------------
def test_messy_session_list_every_value_quirk_end_to_end(later):
    r = run(later, "quirk_sessions_messy.csv")
    insp = r.inspection
    assert insp.header_row == 4 and insp.table.encoding == "utf-8-sig"  # title and notes above the header
    assert {c.header: c.key for c in insp.mapped}["商品点击率%"] == "product_ctr_reported"
    assert insp.as_of == date(2026, 1, 6)  # the title's full-width date range
    assert r.counts == {"accepted": 4, "rejected": 1, "skipped": 1}  # 合计 skipped
    assert [(x.row, x.column, x.value) for x in r.rejected] == [(9, "成交金额(元)", "-500")]
    assert r.rejected[0].message.text("zh_CN") == msg("error.metric.negative", lang="zh_CN", field="gmv", key="gmv")
    got = settled(later)
    assert got["元旦专场"] == {"gmv": 1234560, "uv": 1234, "product_ctr_reported": 0.125,
                           "avg_watch_seconds_reported": 90, "orders": 88, "refunds_amount": 123400}
    assert got["开年福利"] == {"gmv": 800050, "orders": 20, "refunds_amount": 123450}  # N/A — 暂无: nothing stored
    assert got["周末场"] == {"avg_watch_seconds_reported": 90, "refunds_amount": 1200}  # —— / NaN --: nothing
    assert got["返场"]["product_ctr_reported"] == pytest.approx(0.08) and got["返场"]["gmv"] == 300000
    starts = {r[0]: r[1] for r in later.ws.query("SELECT title, on_air_utc FROM sessions")}
    assert starts["元旦专场"] == "2026-01-01T01:03:00.000Z"  # 2026/1/1 9:03 in the anchor's zone
    assert starts["开年福利"] == "2026-01-02T11:00:00.000Z"  # 2026年1月2日 19:00:00
    assert starts["周末场"] == "2026-01-03T11:30:00.000Z"  # text Excel serial 46025.8125
    assert starts["返场"] == "2026-01-05T12:00:00.000Z"  # ISO with a trailing space


def test_year_less_minutes_take_the_year_from_the_title_and_say_so(later):
    r = run(later, "quirk_minutes_no_year.csv", anchor_id=later.fixture["anchor"].id)
    assert r.counts == {"accepted": 5, "rejected": 0, "skipped": 0}
    assert [ts for ts, _ in minutes(later)] == ["2025-12-31T15:58:00.000Z", "2025-12-31T15:59:00.000Z",
                                                "2025-12-31T16:00:00.000Z", "2025-12-31T16:01:00.000Z",
                                                "2025-12-31T16:02:00.000Z"]
    assert [n.key for n in r.inspection.notes] == ["ingest.note.year_from_title"]
    assert "2025-12-31" in r.inspection.notes[0].text("zh_CN") and "时间" in r.inspection.notes[0].text("zh_CN")


def test_year_less_minutes_of_a_chosen_session_take_its_year(later, clock):
    clock.set(datetime(2026, 1, 5, 11, 59, tzinfo=UTC))
    s, _ = lifecycle.start_now(later, anchor_id=later.fixture["anchor"].id, title="直播中")
    clock.set(datetime(2026, 1, 5, 12, 30, tzinfo=UTC))
    r = run(later, "quirk_minutes_untitled.csv", session_id=s.id)
    assert r.counts["accepted"] == 2 and [n.key for n in r.inspection.notes] == ["ingest.note.year_from_session"]
    assert [ts for ts, _ in minutes(later)] == ["2026-01-05T12:00:00.000Z", "2026-01-05T12:01:00.000Z"]


def test_year_less_minutes_with_nothing_to_date_them_are_refused_row_by_row(later):
    before = digest(later)
    with pytest.raises(FileRejected) as e:
        run(later, "quirk_minutes_untitled.csv", anchor_id=later.fixture["anchor"].id)
    assert e.value.key == "error.ingest.no_rows"
    listed = e.value.result.rejected
    assert [(x.row, x.column, x.value) for x in listed] == [(2, "时间", "01-05 20:00"), (3, "时间", "01-05 20:01")]
    assert "01-05 20:00" in listed[0].message.text("zh_CN")
    assert digest(later) == before


def test_data_on_the_second_sheet_hidden_helper_column_and_text_numbers(later, clock):
    r = run(later, "quirk_summary_first.xlsx", anchor_id=later.fixture["anchor"].id)
    insp = r.inspection
    assert insp.table.sheet == "分钟明细" and insp.header_row == 3
    helper = insp.columns[1]
    assert helper.hidden and helper.key is None and insp.columns[2].key == "gmv"  # the visible column wins
    assert [n.key for n in insp.notes] == ["ingest.note.sheet", "ingest.note.hidden_column_skipped"]
    assert r.counts == {"accepted": 5, "rejected": 0, "skipped": 0}
    assert minutes(later) == [(f"2026-01-05T12:0{i}:00.000Z", 100000 * (i + 1)) for i in range(5)]  # yuan, not fen
    assert [v for _, v in minutes(later, "online_viewers")] == [800, 801, 802, 803, 804]  # numbers stored as text
    assert [v for _, v in minutes(later, "product_ctr_reported")] == pytest.approx([0.05, 0.06, 0.07, 0.08, 0.09])


def test_a_hidden_column_nothing_visible_maps_is_imported_and_flagged(later, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["时间", "成交金额", "实时在线人数"])
    ws.column_dimensions["C"].hidden = True
    ws.append(["2026-01-05 20:00:00", 100, 800])
    path = tmp_path / "hidden.xlsx"
    wb.save(path)
    insp = importer.inspect(later, path, anchor_id=later.fixture["anchor"].id)
    assert insp.columns[2].hidden and insp.columns[2].key == "online_viewers"
    assert [n.key for n in insp.notes] == ["ingest.note.hidden_column"]
    assert "实时在线人数" in insp.notes[0].text("zh_CN")
    insp.table.close()


@pytest.mark.parametrize(("name", "key", "fmt"), [
    ("quirk_old_excel.xls", "error.ingest.xls_old", None),
    ("quirk_wps.et", "error.ingest.other_format", "ingest.format.et"),
    ("quirk_apple.numbers", "error.ingest.other_format", "ingest.format.numbers"),
    ("quirk_binary.xlsb", "error.ingest.other_format", "ingest.format.xlsb"),
    ("quirk_open.ods", "error.ingest.other_format", "ingest.format.ods"),
])
def test_other_spreadsheet_formats_are_named_and_refused(later, name, key, fmt):
    before = digest(later)
    with pytest.raises(FileRejected) as e:
        run(later, name)
    assert e.value.key == key
    for lang in ("zh_CN", "en"):
        text = e.value.text(lang)
        assert name in text and "xlsx" in text.lower() and "CSV" in text
        if fmt:
            assert msg(fmt, lang=lang) in text
    assert digest(later) == before


def test_cli_end_to_end_on_the_quirk_fixtures(later, tmp_path, capsys):
    later.ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "w.liveops"
    shutil.copy(later.ws.path, copy)
    base = ["--as", "李运营", "--anchor", "小美"]
    for name, accepted, code in (("quirk_sessions_messy.csv", 4, 3), ("quirk_minutes_no_year.csv", 5, 0),
                                 ("quirk_summary_first.xlsx", 5, 0)):
        assert cli_main(["import", str(copy), str(DATA / name), "--dry-run", "--json", *base]) == code
        dry = json.loads(capsys.readouterr().out)
        assert dry["counts"]["accepted"] == accepted and dry["committed"] is False
        assert cli_main(["import", str(copy), str(DATA / name), "--json", *base]) == code
        real = json.loads(capsys.readouterr().out)
        assert real["committed"] is True and real["counts"] == dry["counts"]
        assert cli_main(["import", str(copy), str(DATA / name), "--json", *base]) == code  # again: nothing new
        again = json.loads(capsys.readouterr().out)
        assert again["committed"] is False and {s["action"] for s in again["sessions"]} == {"unchanged"}
    assert cli_main(["import", str(copy), str(DATA / "quirk_wps.et"), "--lang", "zh_CN"]) == 1
    assert "WPS 表格（.et）" in capsys.readouterr().err


def test_year_less_day_first_dates_decide_the_column_like_full_ones():
    ev = rules.ColumnEvidence(rules.K_DATETIME)
    for v in ("03-04 20:00", "13-04 20:01", "2026-04-13 20:02"):
        ev.add(v)
    order = ev.decision().date_order
    assert order == p.DAY_FIRST
    ctx = p.DateContext("UTC", order, date(2026, 4, 1))
    assert p.parse_datetime("03-04 20:00", ctx=ctx) == datetime(2026, 4, 3, 20, 0, tzinfo=UTC)
    assert rules.decide_column(rules.K_DATETIME, ["03-04 20:00", "04-13 20:00"]).date_order == p.MONTH_FIRST
