"""Keyboard-only metric snapshot form: last values as hints, only typed fields saved."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop_app.domain.enums import SessionStatus
from desktop_app.domain.errors import LiveOpsError, ValidationError
from desktop_app.domain.timeutil import parse_user_datetime
from desktop_app.messages import msg
from desktop_app.services import metrics_entry
from desktop_app.storage import samples as sample_repo
from desktop_app.ui import format as fmt

FORM_KEYS = ("online_viewers", "gmv", "orders", "buyers", "uv", "pv", "new_followers", "likes", "comments",
             "product_clicks", "ad_spend", "ad_attributed_gmv", "entries", "exits")
ERROR_STYLE = "border: 1px solid #c92a2a;"
FUTURE_SLACK = timedelta(minutes=1)


class MetricForm(QWidget):
    saved = Signal(object)  # Changes

    def __init__(self, console, parent=None) -> None:
        super().__init__(parent)
        self.console = console
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.fields: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setVerticalSpacing(2)
        # Inputs grow with the panel and labels never wrap or clip (they were squeezed side by side).
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for key in FORM_KEYS:
            edit = QLineEdit()
            edit.setObjectName(f"metric_{key}")
            edit.returnPressed.connect(self.save)
            edit.textEdited.connect(lambda _t, e=edit: e.setStyleSheet(""))
            self.fields[key] = edit
            self.labels[key] = QLabel()
            form.addRow(self.labels[key], edit)
        self.ts = QLineEdit()
        self.ts.setObjectName("metric_ts")
        self.ts.returnPressed.connect(self.save)
        self.ts_label = QLabel()
        form.addRow(self.ts_label, self.ts)
        self.error = QLabel()
        self.error.setObjectName("metricError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c92a2a")
        self.warning = QLabel()
        self.warning.setObjectName("metricWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #e67700")
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveMetrics")
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.warning)
        layout.addWidget(self.save_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Metric snapshot (Enter saves; money in major units, 万/w ok)"))
        for key, label in self.labels.items():
            label.setText(msg(f"metric.{key}"))
        self.update_time_label()
        self.ts.setPlaceholderText(self.tr("e.g. 20:35"))
        self.ts.setToolTip(self.tr("e.g. 20:35 or 2026-11-26 20:35:00"))
        self.save_button.setText(self.tr("Save snapshot"))
        self._fit_fields()

    def update_time_label(self) -> None:
        """After the broadcast an empty time means its end (the final reading), not now."""
        s = getattr(self.console, "session", None)
        if s is not None and s.status == SessionStatus.POST:
            self.ts_label.setText(self.tr("Time (empty = end of broadcast)"))
        else:
            self.ts_label.setText(self.tr("Time (empty = now)"))

    def _fit_fields(self) -> None:
        """Every input wide enough for a big amount with its symbol, the time field for its example."""
        fm = self.ts.fontMetrics()
        pad = 16  # frame and text margins of a line edit
        value = fm.horizontalAdvance("¥99,999,999.99") + pad
        for edit in self.fields.values():
            edit.setMinimumWidth(value)
        self.ts.setMinimumWidth(max(value, fm.horizontalAdvance(self.ts.placeholderText()) + pad))

    def focus_first(self) -> None:
        self.fields[FORM_KEYS[0]].setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.fields[FORM_KEYS[0]].selectAll()

    def refresh_hints(self) -> None:
        sid, session = self.console.session_id, self.console.session
        if not sid or session is None:
            for edit in self.fields.values():
                edit.setPlaceholderText("")
            return
        last = sample_repo.latest_values(self.console.ctx.ws, sid)
        for key, edit in self.fields.items():
            value = last.get(key, (None, None))[1]
            edit.setPlaceholderText(fmt.metric_value(key, value, session.currency) if value is not None else "")

    def _typed(self) -> dict[str, str]:
        return {k: e.text() for k, e in self.fields.items() if e.text().strip()}

    def _parse_ts(self):
        text = self.ts.text().strip()
        if not text:
            return None
        session = self.console.session
        zone = session.timezone if session else "UTC"
        if len(text) <= 8 and ":" in text and session is not None:  # a bare clock time: the latest such time
            now = self.console.local_now()
            ts = parse_user_datetime(f"{now.date().isoformat()} {text}", zone, field="ts")
            # Typed after midnight, "23:50" is last evening's, not tonight's (a future reading).
            return ts - timedelta(days=1) if ts > self.console.ctx.now() + FUTURE_SLACK else ts
        return parse_user_datetime(text, zone, field="ts")

    def save(self) -> bool:
        self.error.clear()
        self.warning.clear()
        for e in (*self.fields.values(), self.ts):
            e.setStyleSheet("")
        values = self._typed()
        if not values:
            self.error.setText(msg("error.metric.nothing"))
            return False
        try:
            result = metrics_entry.record_snapshot(self.console.ctx, self.console.session_id, values,
                                                   ts=self._parse_ts())
        except LiveOpsError as exc:
            self._show_error(exc)
            return False
        for e in (*self.fields.values(), self.ts):
            e.clear()
        self.warning.setText("\n".join(msg(w.key, **w.params) for w in result.warnings))
        self.refresh_hints()
        self.saved.emit(result.changes)
        return True

    def _show_error(self, exc: LiveOpsError) -> None:
        self.error.setText(exc.text())
        field = exc.field if isinstance(exc, ValidationError) else None
        target = self.ts if field == "ts" else self.fields.get(field or "")
        if target is not None:
            target.setStyleSheet(ERROR_STYLE)
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            target.selectAll()
