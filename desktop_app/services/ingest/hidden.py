"""Hidden sheets and hidden rows of an XLSX export: which sheet is read, and what the preview says.

Platform exports carry hidden helper sheets (lookup tables, dictionaries) that must not be taken
for the data when a visible sheet qualifies. Hidden rows are nearly always data a filter hid
(the user filtered the export in Excel before saving it): they are imported like the others, and
the preview and the CLI --json notes say how many and which, so nobody is surprised by the totals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.messages import Message
from desktop_app.services.ingest.reader import TableFile
from desktop_app.services.ingest.xlsx_meta import hidden_rows, sheet_states

if TYPE_CHECKING:
    from desktop_app.services.ingest.importer import Inspection

LISTED = 8  # hidden row numbers named in the note


def hidden_sheets(table: TableFile) -> list[str]:
    if table.fmt != "xlsx" or not table.sheets:
        return []
    states = sheet_states(table.path)
    return [n for n in table.sheets if states.get(n, "visible") != "visible"]


def sheet_order(table: TableFile) -> list[str | None]:
    """The sheets to look for the data in: visible ones first, hidden ones only after them."""
    if not table.sheets:
        return [None]
    hidden = set(hidden_sheets(table))
    return [n for n in table.sheets if n not in hidden] + [n for n in table.sheets if n in hidden]


def add_notes(insp: Inspection) -> None:
    """Say which sheet was read when hidden ones were passed over, and count hidden data rows."""
    t = insp.table
    if t.fmt != "xlsx":
        return
    hidden = hidden_sheets(t)
    if t.sheet in hidden:
        insp.notes.append(Message("ingest.note.hidden_sheet_read", {"sheet": t.sheet}))
    elif hidden:
        insp.notes.append(Message("ingest.note.hidden_sheets_skipped", {
            "sheet": t.sheet, "sheets": "、".join(hidden)}))
    found = hidden_rows(t.path, t.sheet, insp.header_row)
    insp.hidden_rows = found
    if found.count:
        rows = ", ".join(str(r) for r in found.rows[:LISTED]) + ("…" if found.count > LISTED else "")
        key = "ingest.note.hidden_rows" if found.complete else "ingest.note.hidden_rows_partial"
        insp.notes.append(Message(key, {"count": found.count, "rows": rows, "checked": found.checked_to}))
