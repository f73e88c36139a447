"""``--format xlsx``: a workbook an analyst can open as it is (imported only on that path).

The same fixed columns as CSV; whole dates as Excel dates (partial ones stay text), the header
row frozen and filters on, one sheet per table (movers: improved, declined, unchanged).
Written with XlsxWriter, a well-kept writer with no dependencies.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: Movers' rows split into one sheet per list.
_SPLIT = {"movers": ("change", {"up": "improved", "down": "declined", "same": "unchanged"})}


def write_xlsx(path: Path, view: str, records: list[dict[str, Any]]) -> None:
    """Write the records as a workbook at ``path`` (replacing it)."""
    import xlsxwriter

    from ofstedcli.render import table_rows

    sheets: dict[str, list[dict[str, Any]]] = {}
    if view in _SPLIT:
        key, names = _SPLIT[view]
        for name in names.values():
            sheets[name] = []
        for record in records:
            sheets[names.get(record.get(key) or "", "other")].append(record)
    else:
        sheets[view or "data"] = records
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_urls": False})
    try:
        bold = book.add_format({"bold": True})
        date = book.add_format({"num_format": "yyyy-mm-dd"})
        for name, chunk in sheets.items():
            columns, rows = table_rows(view, chunk)
            sheet = book.add_worksheet(name[:31])
            sheet.write_row(0, 0, columns, bold)
            widths = [len(c) for c in columns]
            for r, row in enumerate(rows, start=1):
                for c, value in enumerate(row):
                    shown = _cell(value)
                    if isinstance(shown, dt.datetime):
                        sheet.write_datetime(r, c, shown, date)
                        widths[c] = max(widths[c], 10)
                    elif shown is not None:
                        sheet.write(r, c, shown)
                        widths[c] = max(widths[c], min(len(str(shown)), 60))
            for c, width in enumerate(widths):
                sheet.set_column(c, c, width + 2)
            sheet.freeze_panes(1, 0)
            sheet.autofilter(0, 0, max(len(rows), 1), max(len(columns) - 1, 0))
    finally:
        book.close()


def _cell(value: Any) -> Any:
    """A cell's value: whole ISO dates as datetimes, text cleaned of control characters."""
    from ofstedcli.render import CSV_CONTROLS

    if isinstance(value, str):
        if _DATE.fullmatch(value):
            try:
                return dt.datetime.fromisoformat(value)
            except ValueError:
                return value
        return value.translate(CSV_CONTROLS)
    return value
