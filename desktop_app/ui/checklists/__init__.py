"""Checklist UI: the Pre / Live / Post session areas, the template editor page, reminders."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.enums import Phase

# Literal translate() calls so pyside6-lupdate collects the titles.
TITLES = {
    Phase.PRE: lambda: QCoreApplication.translate("ChecklistsInstall", "Pre checklist"),
    Phase.LIVE: lambda: QCoreApplication.translate("ChecklistsInstall", "Live checklist"),
    Phase.POST: lambda: QCoreApplication.translate("ChecklistsInstall", "Post checklist"),
}


def templates_title() -> str:
    return QCoreApplication.translate("ChecklistsInstall", "Checklist templates")


def compliance_title() -> str:
    return QCoreApplication.translate("ChecklistsInstall", "Checklist compliance")


def _area(state, phase):
    from desktop_app.ui.checklists.area import ChecklistArea  # on first use: start-up stays cheap

    return ChecklistArea(state, phase)


def _editor(state, window):
    from desktop_app.ui.checklists.editor import TemplateEditorPage

    return TemplateEditorPage(state, window)


def _compliance(state, window):
    from desktop_app.ui.checklists.compliance import CompliancePage

    return CompliancePage(state, window)


def _reminders(window) -> None:
    from desktop_app.ui.checklists.reminders import install_reminders

    install_reminders(window)


def install(ext) -> None:
    for phase, title in TITLES.items():
        ext.add_session_area(f"checklists.{phase}", str(phase), title,
                             lambda state, p=phase: _area(state, p), order=20)
    ext.add_page("checklists.templates", templates_title, _editor, order=60)
    ext.add_page("checklists.compliance", compliance_title, _compliance, order=61)
    ext.add_startup_hook(_reminders)
