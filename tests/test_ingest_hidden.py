"""Hidden sheets and hidden rows of XLSX exports (fixtures: tests/data/make_quirk_fixtures.py).

A hidden helper sheet is never taken for the data while a visible sheet qualifies; rows a filter
hid are imported, and the preview / CLI --json notes say how many and which.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.cli import main as cli_main
from desktop_app.messages import msg
from desktop_app.services.ingest import importer
from desktop_app.services.ingest.xlsx_meta import hidden_rows, sheet_states

DATA = Path(__file__).parent / "data" / "ingest"


@pytest.fixture
def later(ctx, clock):
    clock.set(datetime(2026, 1, 8, 4, 0, tzinfo=UTC))
    return ctx


def titles(ctx) -> set[str]:
    return {r[0] for r in ctx.ws.query("SELECT title FROM sessions")}


def test_a_hidden_helper_sheet_is_passed_over_for_the_visible_data_sheet_and_the_note_says_so(later):
    assert sheet_states(DATA / "quirk_hidden_parts.xlsx") == {"辅助": "hidden", "_lookup": "veryHidden",
                                                               "场次明细": "visible"}
    insp = importer.inspect(later, DATA / "quirk_hidden_parts.xlsx", anchor_id=later.fixture["anchor"].id)
    assert insp.table.sheet == "场次明细"  # although the hidden 辅助 comes first and has a usable header
    keys = [n.key for n in insp.all_notes()]
    assert keys == ["ingest.note.hidden_sheets_skipped", "ingest.note.hidden_rows"]
    assert insp.notes[0].text("en") == msg("ingest.note.hidden_sheets_skipped", lang="en", sheets="辅助、_lookup",
                                           sheet="场次明细")
    result = importer.run(later, insp, anchor_id=later.fixture["anchor"].id)
    # Rows 4 and 6 are hidden by the sheet's filter: data all the same, imported and counted in the note.
    assert result.counts == {"accepted": 5, "rejected": 0, "skipped": 0}
    assert titles(later) == {"一场", "二场", "三场", "四场", "五场"}
    assert insp.hidden_rows.count == 2 and insp.hidden_rows.rows == (4, 6) and insp.hidden_rows.complete
    assert "2" in insp.notes[1].text("zh_CN") and "4, 6" in insp.notes[1].text("zh_CN")


def test_a_workbook_whose_only_data_is_on_a_hidden_sheet_reads_it_and_says_so(later):
    insp = importer.inspect(later, DATA / "quirk_hidden_only_data.xlsx", anchor_id=later.fixture["anchor"].id)
    assert insp.table.sheet == "数据"
    assert [n.key for n in insp.all_notes()] == ["ingest.note.hidden_sheet_read"]
    result = importer.run(later, insp, anchor_id=later.fixture["anchor"].id)
    assert result.committed and titles(later) == {"隐藏场"}


def test_a_visible_file_without_hidden_parts_gets_no_hidden_notes(later):
    insp = importer.inspect(later, DATA / "quirk_rates_mixed.xlsx", anchor_id=later.fixture["anchor"].id)
    insp.table.close()
    assert not [n for n in insp.all_notes() if "hidden" in n.key] and insp.hidden_rows.count == 0


def big_sheet(path: Path) -> Path:
    """3,000 sessions under a title row; rows 1 (the title), 10 and 2900 hidden, and an empty hidden row."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["标题行"])
    ws.append(["直播标题", "开播时间", "成交金额"])
    for i in range(3000):
        ws.append([f"场{i}", "2026-01-03 20:00", i])
    for row in (1, 10, 2900):
        ws.row_dimensions[row].hidden = True
    ws.row_dimensions[3005].hidden = True  # an empty hidden row: nothing to import, not counted
    wb.save(path)
    return path


def test_hidden_rows_are_found_across_read_boundaries_and_only_below_the_header(tmp_path):
    path = big_sheet(tmp_path / "big.xlsx")
    whole = hidden_rows(path, None, after_row=2)
    assert (whole.count, whole.rows, whole.complete) == (2, (10, 2900), True)
    assert hidden_rows(path, None, after_row=2, chunk=7) == whole  # tags cut between reads
    part = hidden_rows(path, None, after_row=2, budget=20_000, chunk=4096)
    assert part.count == 1 and part.rows == (10,) and not part.complete and 10 < part.checked_to < 2900


def test_a_large_sheet_says_only_its_first_rows_were_checked(later, tmp_path, monkeypatch):
    from desktop_app.services.ingest import xlsx_meta

    monkeypatch.setattr(xlsx_meta, "SCAN_BYTES", 20_000)  # stands for the 8 MB of a real large sheet
    insp = importer.inspect(later, big_sheet(tmp_path / "big.xlsx"), anchor_id=later.fixture["anchor"].id)
    insp.table.close()
    assert [n.key for n in insp.notes] == ["ingest.note.hidden_rows_partial"]
    checked = insp.hidden_rows.checked_to
    assert insp.notes[0].text("en") == msg("ingest.note.hidden_rows_partial", lang="en", count=1, rows="10",
                                           checked=checked)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_cli_json_names_the_sheet_and_carries_the_hidden_notes(later, tmp_path, capsys, lang):
    later.ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "w.liveops"
    shutil.copy(later.ws.path, copy)
    assert cli_main(["import", str(copy), str(DATA / "quirk_hidden_parts.xlsx"), "--json", "--as", "李运营",
                     "--anchor", "小美", "--lang", lang]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["sheet"] == "场次明细" and out["counts"]["accepted"] == 5 and out["committed"]
    assert out["notes"] == [msg("ingest.note.hidden_sheets_skipped", lang=lang, sheets="辅助、_lookup", sheet="场次明细"),
                            msg("ingest.note.hidden_rows", lang=lang, count=2, rows="4, 6", checked=6)]


def test_the_import_dialog_marks_hidden_rows_in_the_preview_and_lists_the_notes(qtbot, later):
    from desktop_app.ui.ingest.dialog import ImportDialog
    from desktop_app.ui.state import AppState

    state = AppState(later, poll=False)
    dlg = ImportDialog(state)
    qtbot.addWidget(dlg)
    dlg.load(str(DATA / "quirk_hidden_parts.xlsx"))
    qtbot.waitUntil(lambda: dlg.insp is not None, timeout=10000)
    labels = [dlg.preview_table.item(r, 0).text() for r in range(dlg.preview_table.rowCount())]
    assert [("(row hidden in the sheet)" in t) for t in labels] == [False, False, True, False, True]  # rows 4, 6
    for note in dlg.insp.all_notes():
        assert note.text() in dlg.info.text()
    state.stop()
