"""战报 card: its numbers are the Summary sheet's numbers, under the same client rules."""

from __future__ import annotations

import openpyxl
import pytest
from export_helpers import approve, closed_sessions, open_demo

from desktop_app.services.export import ExportOptions
from desktop_app.services.export.card import card_data, format_value
from desktop_app.services.export.session import export_session


@pytest.fixture
def demo(demo_copy, clock):
    ctx = open_demo(demo_copy, clock)
    yield ctx
    ctx.ws.close()


def test_card_numbers_are_identical_to_the_summary_sheet(demo, tmp_path):
    sid = closed_sessions(demo)[0]
    approve(demo, sid)
    out = tmp_path / "s.xlsx"
    export_session(demo, sid, out, ExportOptions())
    sheet = {r[1].value: r for r in openpyxl.load_workbook(out)["概览"].iter_rows() if len(r) > 3 and r[1].value}
    card = card_data(demo, sid)
    assert [k.key for k in card.kpis] == ["gmv", "orders", "peak_online_viewers", "uv", "gmv_per_buyer",
                                          "view_to_order_rate"]
    for k in card.kpis:
        assert k.value == sheet[k.key][3].value
        assert k.text == format_value(sheet[k.key][3].value, sheet[k.key][3].number_format, "CNY")
    gmv = card.kpis[0]
    assert gmv.text.startswith("¥") and gmv.text.count(".") == 1 and "," in gmv.text
    assert gmv.target_text.startswith("¥") and gmv.achieved == sheet["gmv"][6].value
    assert card.gmv and card.online and not card.draft


def test_card_of_an_unsigned_review_is_refused_unless_confirmed_and_then_says_draft(demo):
    sid = closed_sessions(demo)[0]
    approve(demo, sid, "submitted")
    with pytest.raises(Exception) as e:
        card_data(demo, sid)
    assert e.value.key == "error.export.unsigned"
    assert card_data(demo, sid, ExportOptions(allow_draft=True)).draft


def test_format_value_follows_the_excel_formats():
    assert format_value(1234.5, '"¥"#,##0.00;-"¥"#,##0.00', "CNY") == "¥1,234.50"
    assert format_value(1234567.0, '"Rp"#,##0;-"Rp"#,##0', "IDR") == "Rp1,234,567"
    assert format_value(0.01234, "0.00%", "CNY") == "1.23%"
    assert format_value(4 / 24, "[h]:mm:ss", "CNY") == "4:00:00"
    assert format_value(None, "#,##0", "CNY") == "—"
