"""Roster and session dialogs. Validation lives in the services; errors show inline, naming the field."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app import messages
from desktop_app.domain.enums import Direction, PersonRole, Platform
from desktop_app.domain.errors import LiveOpsError
from desktop_app.domain.models import Target
from desktop_app.domain.money import CURRENCIES, to_minor
from desktop_app.messages import msg
from desktop_app.services import lifecycle, roster
from desktop_app.services.workspace_service import workspace_info
from desktop_app.storage import checklists as checklist_repo
from desktop_app.storage import roster as roster_repo
from desktop_app.ui import format as fmt
from desktop_app.ui.state import AppState

TIMEZONES = ["Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Jakarta", "Asia/Bangkok",
             "Asia/Kuala_Lumpur", "Asia/Manila", "Asia/Ho_Chi_Minh", "Asia/Tokyo", "Europe/London",
             "Europe/Berlin", "America/Los_Angeles", "America/New_York", "UTC"]


class FormDialog(QDialog):
    """A form with an inline error line; ``accept_with`` runs the service call and shows its message."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.changes = None

    def _on_ok(self) -> None:
        try:
            self.changes = self.submit()
        except LiveOpsError as exc:
            self.show_error(exc.text())
            return
        self.state.emit_changes(self.changes)
        self.accept()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def submit(self):  # pragma: no cover - overridden
        raise NotImplementedError


def _platform_combo() -> QComboBox:
    combo = QComboBox()
    for p in Platform:
        combo.addItem(msg(f"platform.{p.value}"), p.value)
    return combo


def _tz_combo(current: str = "Asia/Shanghai") -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(TIMEZONES)
    combo.setCurrentText(current)
    return combo


class PersonDialog(FormDialog):
    def __init__(self, state: AppState, parent=None, person=None) -> None:
        super().__init__(state, parent)
        self.person = person
        self.setWindowTitle(self.tr("Person"))
        self.name = QLineEdit(person.name if person else "")
        self.role = QComboBox()
        for r in PersonRole:
            self.role.addItem(msg(f"role.{r.value}"), r.value)
        if person:
            self.role.setCurrentIndex(self.role.findData(person.role.value))
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Role"), self.role)

    def submit(self):
        ctx = self.state.ctx
        if self.person:
            return roster.update_person(ctx, self.person.id, name=self.name.text(), role=self.role.currentData())
        return roster.create_person(ctx, self.name.text(), self.role.currentData())[1]


class ClientDialog(FormDialog):
    def __init__(self, state: AppState, parent=None, client=None) -> None:
        super().__init__(state, parent)
        self.client = client
        self.setWindowTitle(self.tr("Client"))
        self.name = QLineEdit(client.name if client else "")
        self.form.addRow(self.tr("Name"), self.name)

    def submit(self):
        if self.client:
            return roster.update_client(self.state.ctx, self.client.id, name=self.name.text())
        return roster.create_client(self.state.ctx, self.name.text())[1]


class AnchorDialog(FormDialog):
    def __init__(self, state: AppState, parent=None, anchor=None) -> None:
        super().__init__(state, parent)
        self.anchor = anchor
        ws = state.ctx.ws
        self.setWindowTitle(self.tr("Anchor"))
        self.name = QLineEdit(anchor.name if anchor else "")
        self.platform = _platform_combo()
        self.account = QLineEdit(anchor.account_id or "" if anchor else "")
        self.client = QComboBox()
        self.client.addItem(self.tr("(none)"), None)
        for c in roster_repo.list_clients(ws):
            self.client.addItem(c.name, c.id)
        self.specialist = QComboBox()
        self.specialist.addItem(self.tr("(choose)"), None)
        for p in roster_repo.list_people(ws):
            if p.role == PersonRole.SPECIALIST:
                self.specialist.addItem(p.name, p.id)
        self.timezone = _tz_combo(anchor.timezone if anchor else "Asia/Shanghai")
        if anchor:
            self.platform.setCurrentIndex(self.platform.findData(anchor.platform.value))
            self.client.setCurrentIndex(max(0, self.client.findData(anchor.client_id)))
            current = roster.specialist_of(state.ctx, anchor.id)
            self.specialist.setCurrentIndex(max(0, self.specialist.findData(current)))
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Platform"), self.platform)
        self.form.addRow(self.tr("Platform account ID"), self.account)
        self.form.addRow(self.tr("Client"), self.client)
        self.form.addRow(self.tr("Specialist"), self.specialist)
        self.form.addRow(self.tr("Time zone"), self.timezone)

    def submit(self):
        ctx = self.state.ctx
        if self.anchor is None:
            return roster.create_anchor(
                ctx, self.name.text(), self.platform.currentData(), specialist_id=self.specialist.currentData(),
                account_id=self.account.text(), client_id=self.client.currentData(),
                timezone=self.timezone.currentText().strip())[1]
        with ctx.ws.write():
            changes = roster.update_anchor(
                ctx, self.anchor.id, name=self.name.text(), platform=self.platform.currentData(),
                account_id=self.account.text(), client_id=self.client.currentData() or "",
                timezone=self.timezone.currentText().strip())
            if self.specialist.currentData():
                changes = changes | roster.assign_specialist(ctx, self.anchor.id, self.specialist.currentData())
            else:
                roster.assign_specialist(ctx, self.anchor.id, None)
        return changes


def to_qdatetime(dt: datetime, tz: str) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(dt.timestamp()), QTimeZone(tz.encode()))


def set_zoned(edit: QDateTimeEdit, dt: datetime, tz: str) -> None:
    """Show ``dt`` in the session's zone ``tz``. A QDateTimeEdit converts what it is given to its own
    zone (the computer's by default), so a Berlin laptop would show a Shanghai session's 20:00 as 13:00."""
    zone = QTimeZone(tz.encode())
    if zone.isValid():
        edit.setTimeZone(zone)
    edit.setDateTime(to_qdatetime(dt, tz))


def rezone(edit: QDateTimeEdit, tz: str) -> None:
    """Keep the wall-clock time typed and read it in zone ``tz`` (the person changed the zone, not the time)."""
    zone = QTimeZone(tz.encode())
    if not zone.isValid():
        return
    shown = edit.dateTime()
    day, clock = shown.date(), shown.time()
    edit.setTimeZone(zone)
    edit.setDateTime(QDateTime(day, clock, zone))


def from_qdatetime(q: QDateTime) -> datetime:
    return datetime.fromtimestamp(q.toSecsSinceEpoch(), tz=UTC)


class PlanSessionDialog(FormDialog):
    """Plan a session: the anchor gives default specialist, client, platform and time zone."""

    def __init__(self, state: AppState, parent=None, start_now: bool = False) -> None:
        super().__init__(state, parent)
        self.start_now = start_now
        ws = state.ctx.ws
        self.setWindowTitle(self.tr("Start a session now") if start_now else self.tr("Plan a session"))
        self.anchor = QComboBox()
        self.anchor.setObjectName("anchor")
        self.anchor.addItem(self.tr("(choose an anchor)"), None)
        for a in roster_repo.list_anchors(ws):
            self.anchor.addItem(f"{a.name} · {msg('platform.' + a.platform.value)}", a.id)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title")
        self.timezone = _tz_combo()
        self.currency = QComboBox()
        self.currency.addItems(sorted(CURRENCIES))
        self.currency.setCurrentText(ws.query_one("SELECT default_currency FROM workspace")[0])
        now = state.ctx.now()
        start = (now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
        zone = workspace_info(state.ctx).default_timezone
        self.timezone.setCurrentText(zone)
        self.start = QDateTimeEdit()
        self.start.setObjectName("start")
        self.end = QDateTimeEdit()
        self.end.setObjectName("end")
        for e, at in ((self.start, start), (self.end, start + timedelta(hours=3))):
            e.setDisplayFormat(fmt.qt_pattern())  # the chosen language's date style
            e.setCalendarPopup(True)
            set_zoned(e, at, zone)
        self.template = QComboBox()
        english = messages.current_language() != "zh_CN"
        for r in checklist_repo.latest_templates(ws):
            name = r["name_en"] if english and r["name_en"] else r["name"]
            self.template.addItem(f"{name} v{r['version']}", r["id"])
        self.gmv = QDoubleSpinBox()
        self.gmv.setObjectName("target_gmv")
        self.gmv.setRange(0, 1e10)
        self.gmv.setDecimals(2)
        self.gmv.setGroupSeparatorShown(True)
        self.peak = QSpinBox()
        self.peak.setObjectName("target_peak")
        self.peak.setRange(0, 10_000_000)
        self.orders = QSpinBox()
        self.orders.setObjectName("target_orders")
        self.orders.setRange(0, 10_000_000)
        self.refund = QDoubleSpinBox()
        self.refund.setObjectName("target_refund")
        self.refund.setRange(0, 100)
        self.refund.setSuffix(" %")
        self.anchor.currentIndexChanged.connect(self._anchor_changed)
        self.timezone.currentTextChanged.connect(self._zone_changed)
        self.form.addRow(self.tr("Anchor"), self.anchor)
        self.form.addRow(self.tr("Title"), self.title_edit)
        if not start_now:
            self.form.addRow(self.tr("Planned start"), self.start)
            self.form.addRow(self.tr("Planned end"), self.end)
            self.form.addRow(self.tr("Checklist template"), self.template)
        self.form.addRow(self.tr("Time zone"), self.timezone)
        self.form.addRow(self.tr("Currency"), self.currency)
        self.form.addRow(self.tr("Target GMV (major units, at least)"), self.gmv)
        self.form.addRow(self.tr("Target peak online (at least)"), self.peak)
        self.form.addRow(self.tr("Target orders (at least)"), self.orders)
        self.form.addRow(self.tr("Refund rate (at most, 0 = none)"), self.refund)
        self.session = None

    def _anchor_changed(self) -> None:
        anchor_id = self.anchor.currentData()
        a = roster_repo.get_anchor(self.state.ctx.ws, anchor_id) if anchor_id else None
        if a is None:
            return
        self.timezone.setCurrentText(a.timezone)
        if not self.title_edit.text().strip():
            start = from_qdatetime(self.start.dateTime())
            self.title_edit.setText(self.tr("{date} {anchor} session").format(
                date=fmt.local_time(start, a.timezone, "%m-%d"), anchor=a.name))

    def _zone_changed(self, tz: str) -> None:
        for e in (self.start, self.end):
            rezone(e, tz.strip())

    def targets(self) -> list[Target]:
        currency = self.currency.currentText()
        out = []
        if self.gmv.value() > 0:
            out.append(Target("gmv", to_minor(self.gmv.value(), currency), Direction.MIN))
        if self.peak.value() > 0:
            out.append(Target("peak_online_viewers", self.peak.value(), Direction.MIN))
        if self.orders.value() > 0:
            out.append(Target("orders", self.orders.value(), Direction.MIN))
        if self.refund.value() > 0:
            out.append(Target("refund_rate", self.refund.value() / 100, Direction.MAX))
        return out

    def submit(self):
        ctx = self.state.ctx
        common = dict(anchor_id=self.anchor.currentData(), title=self.title_edit.text(),
                      timezone=self.timezone.currentText().strip(), currency=self.currency.currentText())
        if self.start_now:
            self.session, changes = lifecycle.start_now(ctx, **common)
            if self.targets():
                changes = changes | lifecycle.set_targets(ctx, self.session.id, self.targets())
            return changes
        self.session, changes = lifecycle.plan_session(
            ctx, scheduled_start=from_qdatetime(self.start.dateTime()),
            scheduled_end=from_qdatetime(self.end.dateTime()), targets=self.targets(),
            template_id=self.template.currentData(), **common)
        return changes


class PersonPicker(QDialog):
    """Who is using the workspace: no passwords, but every entry records its author."""

    def __init__(self, people, current: str | None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is working?"))
        self.combo = QComboBox()
        for p in people:
            self.combo.addItem(f"{p.name} · {msg('role.' + p.role.value)}", p.id)
        if current:
            self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Choose yourself from the roster; your entries carry your name.")))
        layout.addWidget(self.combo)
        layout.addWidget(buttons)

    def person_id(self) -> str | None:
        return self.combo.currentData()


class ReasonDialog(FormDialog):
    """Ask for a reason (cancel, reopen, gate override) and run ``action(reason)``."""

    def __init__(self, state: AppState, title: str, prompt: str, action, parent=None) -> None:
        super().__init__(state, parent)
        self.setWindowTitle(title)
        self.action = action
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.form.addRow(QLabel(prompt))
        self.form.addRow(self.tr("Reason"), self.reason)

    def submit(self):
        return self.action(self.reason.text())
