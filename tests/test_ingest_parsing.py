"""Property and example tests of the tolerant parsers (domain/parsing.py) and header rules."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import ingest as rules
from desktop_app.domain import parsing as p
from desktop_app.domain.errors import ValidationError

amounts = st.decimals(min_value=0, max_value=Decimal("999999999.99"), places=2, allow_nan=False)
ints = st.integers(min_value=0, max_value=10**12)


def group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@given(ints, st.sampled_from([",", " ", "\u00a0"]))
def test_thousands_separators_dot_locale(n, sep):
    assert p.parse_number(group(n, sep)) == n


@given(st.integers(min_value=1000, max_value=10**12))
def test_dot_thousands_need_the_column_decision_or_several_groups(n):
    text = group(n, ".")
    assert p.parse_number(text, locale=p.COMMA) == n
    assert p.decide_number_locale([text, group(n + 1, ".")]) == p.COMMA


@given(amounts, st.sampled_from(["¥", "￥", "$", "Rp", "RMB ", ""]), st.sampled_from(["", "元", " CNY"]))
def test_currency_marks_are_ignored(amount, prefix, suffix):
    text = f"{prefix}{amount:,.2f}{suffix}"
    assert p.parse_number(text) == amount


@given(st.decimals(min_value=0, max_value=9999, places=2, allow_nan=False), st.sampled_from(
    [("万", 10_000), ("w", 10_000), ("W", 10_000), ("亿", 100_000_000), ("k", 1000), ("K", 1000)]))
def test_multiplier_suffixes(value, suffix):
    mark, factor = suffix
    assert p.parse_number(f"{value}{mark}") == value * factor


@given(st.sampled_from(sorted(p.NULL_TOKENS)))
def test_not_collected_is_none_never_zero(token):
    assert p.parse_number(token) is None
    assert p.parse_percent(token) is None
    assert p.parse_duration(token) is None
    assert p.parse_datetime(token) is None


@pytest.mark.parametrize("bad", ["abc", "1,23", "12..5", "¥", "1.2.3,4,5", "--5--"])
def test_garbage_numbers_raise_with_field(bad):
    with pytest.raises(ValidationError) as err:
        p.parse_number(bad, field="gmv")
    assert err.value.field == "gmv"


@given(st.decimals(min_value=0, max_value=100, places=2, allow_nan=False))
def test_percent_three_ways(pct):
    frac = pct / 100
    assert p.parse_percent(f"{pct}%") == frac
    assert p.parse_percent(str(pct), mode=p.PCT_PERCENT) == frac
    assert p.parse_percent(str(frac), mode=p.PCT_FRACTION) == frac


def test_percent_column_rule():
    assert p.decide_percent_mode(["0.12", "0.5", "1"]) == p.PCT_FRACTION
    assert p.decide_percent_mode(["0.12", "12.5"]) == p.PCT_PERCENT
    assert p.decide_percent_mode(["0.12", "3%"]) == p.PCT_SIGN
    assert p.decide_percent_mode([0.12], percent_formatted=True) == p.PCT_SIGN


@given(st.integers(min_value=0, max_value=99), st.integers(min_value=0, max_value=59),
       st.integers(min_value=0, max_value=59))
def test_duration_forms_agree(h, m, s):
    total = h * 3600 + m * 60 + s
    assert p.parse_duration(f"{h}h {m}m {s}s") == total
    assert p.parse_duration(f"{h}小时{m}分{s}秒") == total
    assert p.parse_duration(f"{h:02d}:{m:02d}:{s:02d}") == total
    assert p.parse_duration(str(total)) == total
    assert p.parse_duration(timedelta(seconds=total)) == total


def test_duration_examples():
    assert p.parse_duration("1小时2分") == 3720
    assert p.parse_duration("02:03") == 123
    assert p.parse_duration("90", unit_seconds=60) == 5400
    with pytest.raises(ValidationError):
        p.parse_duration("soon")


local_times = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)).map(
    lambda d: d.replace(microsecond=0))


@given(local_times, st.sampled_from(["%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M:%S", "%Y年%m月%d日 %H:%M:%S",
                                     "%Y.%m.%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"]))
def test_datetime_forms_in_anchor_zone(dt, fmt):
    got = p.parse_datetime(dt.strftime(fmt), ctx=p.DateContext("Asia/Shanghai"))
    assert got == (dt - timedelta(hours=8)).replace(tzinfo=UTC)


@given(local_times, st.floats(min_value=-0.49, max_value=0.49))
def test_excel_serials_round_to_the_second_never_truncate(dt, noise):
    serial = p.datetime_to_excel_serial(dt) + noise / 86400
    assert p.excel_serial_to_datetime(serial) == dt
    assert p.parse_datetime(serial, ctx=p.DateContext("UTC")) == dt.replace(tzinfo=UTC)


@given(local_times, st.integers(min_value=500_000, max_value=999_999))
def test_datetime_cells_round_up(dt, micro):
    got = p.parse_datetime(dt.replace(microsecond=micro), ctx=p.DateContext("UTC"))
    assert got == (dt + timedelta(seconds=1)).replace(tzinfo=UTC)


def test_dates_explicit_zone_and_time_only():
    ctx = p.DateContext("Asia/Shanghai", base_date=date(2026, 11, 26))
    assert p.parse_datetime("2026-11-26T12:00:00Z", ctx=ctx) == datetime(2026, 11, 26, 12, tzinfo=UTC)
    assert p.parse_datetime("20:05", ctx=ctx) == datetime(2026, 11, 26, 12, 5, tzinfo=UTC)
    assert p.parse_datetime("11月26日 20:00", ctx=ctx) == datetime(2026, 11, 26, 12, tzinfo=UTC)
    assert p.parse_datetime("11/26/2026 8:00 PM", ctx=ctx) == datetime(2026, 11, 26, 12, tzinfo=UTC)
    assert p.parse_datetime("2026.11.26 下午8:05", ctx=ctx) == datetime(2026, 11, 26, 12, 5, tzinfo=UTC)
    with pytest.raises(ValidationError):
        p.parse_datetime("20:05", ctx=p.DateContext("Asia/Shanghai"))
    assert p.decide_date_order(["26/11/2026"]) == p.DAY_FIRST


def test_date_range_from_title():
    assert p.find_date_range("统计时间：2026-10-30 至 2026-11-26") == (date(2026, 10, 30), date(2026, 11, 26))
    assert p.find_date_range("近28天（2026.10.30-2026.11.26）") == (date(2026, 10, 30), date(2026, 11, 26))
    assert p.find_date_range("直播列表") is None


def test_header_aliases_units_and_merged_cells():
    idx = rules.AliasIndex.build({"gmv": ["成交金额"], "ts": ["时间"], "online_viewers": ["实时在线人数"]})
    assert idx.match(" 成交金额（万元） ") == "gmv"
    assert rules.unit_hint("成交金额(万元)").multiplier == 10_000
    assert idx.match("收货人手机号") == rules.PII
    rows = [["报表"], ["时间", "流量", None, "交易"], [None, "实时在线人数", "x", "成交金额"], [1, 2, 3, 4]]
    guess = rules.detect_header(rows, idx)
    assert guess.row == 2 and guess.names[0] == "时间" and guess.names[3] == "成交金额"


def test_row_classes():
    header = [rules.normalize_header(h) for h in ("时间", "成交金额", "观看人数")]
    assert rules.classify_row([None, "", " "], header) == rules.BLANK
    assert rules.classify_row(["合计", 10, 20], header) == rules.TOTAL
    assert rules.classify_row(["时间", "成交金额", "观看人数"], header) == rules.REPEATED_HEADER
    assert rules.classify_row(["20:00", 10, 20], header) == rules.DATA
