"""A template family's version history: who saved each version and when, what changed from the
version before (items added, removed, retired, restored, edited), and which sessions use it.
Sessions keep the snapshot of the version they were planned with, so this is read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.checklists import item_text
from desktop_app.domain.timeutil import from_iso
from desktop_app.messages import msg
from desktop_app.services import checklist_templates as templates
from desktop_app.ui import format as fmt
from desktop_app.ui.i18n import Retranslating
from desktop_app.ui.models import Column, RowsModel
from desktop_app.ui.state import AppState


class VersionHistoryDialog(Retranslating, QDialog):
    def __init__(self, state: AppState, family_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateHistory")
        self.state = state
        self.family_id = family_id
        self.entries: list[templates.VersionEntry] = []
        self.model = RowsModel([
            Column(lambda: self.tr("Version"), lambda e: e.info.version, lambda v: f"v{v}", align_right=True),
            Column(lambda: self.tr("Saved"), lambda e: e.info.created_at, self._when),
            Column(lambda: self.tr("By"), lambda e: e.created_by or self.tr("built-in")),
            Column(lambda: self.tr("Items"), lambda e: e.info.item_count, align_right=True),
            Column(lambda: self.tr("Changes from the version before"), lambda e: e.diff, self.summary),
            Column(lambda: self.tr("Sessions"), lambda e: len(e.sessions), align_right=True),
        ], self)
        self.table = QTableView()
        self.table.setObjectName("versionTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_details())
        self.details = QTextBrowser()
        self.details.setObjectName("versionDetails")
        self.details.setOpenLinks(False)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("versionNote")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setSizes([220, 320])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.resize(900, 620)
        self.retranslate()

    # -- data ---------------------------------------------------------------------------
    def load(self) -> None:
        # Read once here, not per painted cell: a repaint must not need the workspace (it may be closed).
        self._zone = self._tz()
        self.entries = templates.version_history(self.state.ctx, self.family_id)
        self.model.set_rows(self.entries)
        header = self.table.horizontalHeader()
        for c in (0, 1, 2, 3, 5):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        if self.entries:
            name = self.entries[0].info.name
            self.setWindowTitle(self.tr("Version history: %1").replace("%1", name))
            self.table.selectRow(0)

    def _when(self, iso: str | None) -> str:
        dt = from_iso(iso) if iso else None
        return fmt.local_time(dt, self._zone, "%Y-%m-%d %H:%M") if dt else "—"

    def _tz(self) -> str:
        r = self.state.ctx.ws.query_one("SELECT default_timezone FROM workspace")
        return r[0] if r else "Asia/Shanghai"

    def summary(self, diff: templates.VersionDiff | None) -> str:
        if diff is None:
            return self.tr("first version")
        if diff.empty:
            return self.tr("no item changes")
        parts = []
        for count, text in ((len(diff.added), self.tr("%1 added")), (len(diff.removed), self.tr("%1 removed")),
                            (len(diff.changed), self.tr("%1 edited")), (len(diff.retired), self.tr("%1 retired")),
                            (len(diff.restored), self.tr("%1 restored"))):
            if count:
                parts.append(text.replace("%1", str(count)))
        if diff.reordered:
            parts.append(self.tr("order changed"))
        return " · ".join(parts)

    def selected(self) -> templates.VersionEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def aspect(self, name: str) -> str:
        return {"text": self.tr("text"), "phase": self.tr("phase"), "trigger": self.tr("due / trigger"),
                "required": self.tr("required"), "owner": self.tr("owner"),
                "client_visible": self.tr("client-visible"), "fields": self.tr("value fields"),
                "ticked_by": self.tr("ticked by the app")}.get(name, name)

    def show_details(self) -> None:
        entry = self.selected()
        if entry is None:
            self.details.clear()
            return
        items = {i.key: i for i in templates.get_template(self.state.ctx, entry.info.id).items}
        older = self._previous_items(entry)
        html = [f"<h3>v{entry.info.version} — {_esc(self.summary(entry.diff))}</h3>"]
        d = entry.diff
        if d is not None:
            sections = [(self.tr("Added"), d.added, items), (self.tr("Removed"), d.removed, older),
                        (self.tr("Retired"), d.retired, items), (self.tr("Restored"), d.restored, items)]
            for title, keys, source in sections:
                if keys:
                    html.append(f"<p><b>{_esc(title)}</b></p><ul>")
                    html += [f"<li><code>{_esc(k)}</code> {_esc(_text(source.get(k)))}</li>" for k in keys]
                    html.append("</ul>")
            if d.changed:
                edited = self.tr("Edited")
                html.append(f"<p><b>{_esc(edited)}</b></p><ul>")
                for key, aspects in d.changed:
                    what = ", ".join(self.aspect(a) for a in aspects)
                    html.append(f"<li><code>{_esc(key)}</code> {_esc(_text(items.get(key)))}"
                                f" <i>({_esc(what)})</i></li>")
                html.append("</ul>")
        heading, none = self.tr("Sessions planned with this version"), self.tr("None yet.")
        html.append(f"<p><b>{_esc(heading)}</b></p>")
        if not entry.sessions:
            html.append(f"<p>{_esc(none)}</p>")
        else:
            html.append("<ul>")
            for s in entry.sessions:
                start = from_iso(s.start) if s.start else None
                when = fmt.local_time(start, s.timezone, "%Y-%m-%d %H:%M") if start else "—"
                html.append(f"<li>{_esc(when)} {_esc(s.title)} · {_esc(msg('status.' + s.status))}</li>")
            html.append("</ul>")
        self.details.setHtml("".join(html))

    def _previous_items(self, entry: templates.VersionEntry) -> dict:
        i = self.entries.index(entry)
        if i + 1 >= len(self.entries):
            return {}
        return {x.key: x for x in templates.get_template(self.state.ctx, self.entries[i + 1].info.id).items}

    # -- language -----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Version history"))
        self.note.setText(self.tr("Each save makes a new version. A session keeps the items of the version it "
                                  "was planned with; editing a template never changes earlier sessions."))
        self.model.retranslate()
        self.load()


def _text(item) -> str:
    return item_text(item) if item is not None else ""


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
