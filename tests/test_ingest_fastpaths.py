"""The import's shortcuts for the usual cell shapes give exactly what the general parsers give."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import parsing as p
from desktop_app.services.ingest.columns import _money

digits = st.text(alphabet="0123456789", min_size=1, max_size=12)
plain_decimals = st.one_of(digits, st.builds(lambda a, b: f"{a}.{b}", digits, digits))


@given(plain_decimals)
def test_money_text_shortcut_equals_the_parser(text):
    convert = _money("gmv", p.DOT, Decimal(1))
    assert convert(text) == p.parse_number(text, locale=p.DOT)


def test_money_shortcut_leaves_other_notations_to_the_parser():
    dot, comma = _money("gmv", p.DOT, Decimal(1)), _money("gmv", p.COMMA, Decimal(1))
    assert dot("1,234.50") == Decimal("1234.50") and dot(" 12.5 ") == Decimal("12.5")
    assert comma("1.234") == Decimal(1234)  # a column decided as dotted thousands is not a decimal
    assert _money("gmv", p.DOT, Decimal(10000))("1.5") == Decimal(15000)  # a 万 column multiplies


def _counts(ev: p.LocaleEvidence) -> tuple:
    return ev.dotted, ev.dot_groups, ev.comma_decimal, ev.dot_decimal


@given(st.lists(plain_decimals, max_size=20))
def test_locale_evidence_shortcut_counts_like_the_normalising_pass(values):
    fast, general = p.LocaleEvidence(), p.LocaleEvidence()
    for v in values:
        fast.add(v)
        general.add(f" +{v} ")  # sign and spaces: the shortcut does not apply, same number
    assert _counts(fast) == _counts(general)
    assert fast.decide() == general.decide()


def test_year_first_dates_leave_day_month_order_to_the_other_rows():
    ev = p.DateOrderEvidence()
    for v in ("2026-01-05 12:00:00", "2026/01/13", "2026年1月5日 12:00", "2026-01-05T20:00:00"):
        ev.add(v)
    assert ev.order is None
    ev.add("13/04/2026 20:00")
    assert ev.order == p.DAY_FIRST
    mixed = p.DateOrderEvidence()
    mixed.add("2026-01-05 ~ 04/13/2026")  # a second date in the cell is still read
    assert mixed.order == p.MONTH_FIRST
