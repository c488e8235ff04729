"""Excel exports (issue 7): session report, multi-session report, CSV, 战报 card numbers.

Importing this package is cheap: openpyxl is imported by the writer modules at the
first export, not at application start-up.
"""

from desktop_app.services.export.options import DEFAULT_INTERVAL_S, INTERVALS_S, SHEETS, ExportOptions

__all__ = ["DEFAULT_INTERVAL_S", "INTERVALS_S", "SHEETS", "ExportOptions"]
