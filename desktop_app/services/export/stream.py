"""A write_only sheet for long numeric tables: one precreated styled cell per column and format.

Plain openpyxl ``write_only`` pays, per cell, for a new ``WriteOnlyCell``, a number-format
lookup, a failed value conversion when a cell object is appended (openpyxl first tries to
store the cell *as a value*, and catches the error) and a fresh cell for the next column
after every styled one. For the 345,000 cells of a 6 h timeline at 1 s that is most of
the export. Here a sheet keeps a handful of cells whose style id and column letter are
fixed when they are made, and a row only swaps their values before openpyxl writes them
(its own XML writer, unchanged). The same cell may be reused on the next row because a
write_only sheet serialises each row as soon as it is appended.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _classes() -> tuple[type, type]:
    from openpyxl.cell.cell import Cell
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    class FixedCell(Cell):
        """A styled numeric cell bound to one column; its style id is looked up once."""

        __slots__ = ("_sid", "_letter")

        def __init__(self, ws: Any, column: int, number_format: str) -> None:
            super().__init__(ws, row=1, column=column)
            self.number_format = number_format
            self._sid = super().style_id
            self._letter = get_column_letter(column)

        @property
        def style_id(self) -> int:
            return self._sid

        @property
        def has_style(self) -> bool:
            return True

        @property
        def coordinate(self) -> str:
            return f"{self._letter}{self.row}"

    class StreamSheet(WriteOnlyWorksheet):
        """Rows of cell objects (or None for an empty cell) go to the writer as they are."""

        def _values_to_row(self, values, row_idx):  # openpyxl's hook between append() and the writer
            for col_idx, cell in enumerate(values, 1):
                if cell is None:
                    continue
                if not isinstance(cell, Cell):
                    raise TypeError("a stream sheet takes cells only")
                cell.column = col_idx
                cell.row = row_idx
                yield cell

    return FixedCell, StreamSheet


def stream_sheet(wb: Any, title: str) -> Any:
    sheet = _classes()[1](parent=wb, title=title)
    wb._add_sheet(sheet)
    return sheet


def fixed_cell(ws: Any, column: int, number_format: str) -> Any:
    return _classes()[0](ws, column, number_format)
