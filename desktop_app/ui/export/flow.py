"""The interactive export flows: dialog → confirmation → background task → result.

The worker opens its own Workspace (a sqlite3 connection belongs to one thread) with the
same clock and acting person, and reports progress; Cancel stops it between sheets and
leaves no file behind.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_app.services.context import Context
from desktop_app.services.workspace_service import open_workspace
from desktop_app.ui.tasks import run_task


def _tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


def need_session(parent: QWidget) -> None:
    QMessageBox.information(parent, _tr("Export"), _tr("Open a session first."))


def worker_call(ctx: Context, fn, *args, **kwargs):
    """Run ``fn(worker_ctx, *args, **kwargs)`` on a fresh connection to the same workspace."""
    wctx = open_workspace(ctx.ws.path, clock=ctx.clock)
    wctx.actor_id = ctx.actor_id
    try:
        return fn(wctx, *args, **kwargs)
    finally:
        wctx.ws.close()


def confirm_draft(parent: QWidget) -> bool:
    answer = QMessageBox.question(
        parent, _tr("Review not signed off"),
        _tr("A lead has not signed off this session's review. Export the client file anyway? "
            "It will be marked 未审核 (draft)."))
    return answer == QMessageBox.StandardButton.Yes


def start_session_export(parent: QWidget, state, session_id: str, path: Path, options, *, on_done=None,
                         on_error=None):
    from desktop_app.services.export.session import export_session

    def work(progress, cancelled):
        return worker_call(state.ctx, export_session, session_id, path, options, progress=progress,
                           cancelled=cancelled)

    def done(result) -> None:
        state.emit_changes(result.changes)
        if on_done:
            on_done(result)

    return run_task(parent, work, title=_tr("Exporting…"), on_done=done, on_error=on_error)


def export_session_interactive(parent: QWidget, state, session_id: str) -> None:
    from desktop_app.services.export.query import export_info
    from desktop_app.ui.errors import show_error
    from desktop_app.ui.export.dialog import ExportDialog

    info = export_info(state.ctx, session_id)
    dialog = ExportDialog(info, parent=parent)
    if not dialog.exec():
        return
    options = dialog.options()
    if options.client and not info.signed:
        if not confirm_draft(parent):
            return
        options = replace(options, allow_draft=True)

    def done(result) -> None:
        text = _tr("Saved {path}").format(path=result.path)
        if result.draft:
            text += "\n" + _tr("The file is marked 未审核 (draft).")
        QMessageBox.information(parent, _tr("Export"), text)

    start_session_export(parent, state, session_id, dialog.path(), options, on_done=done,
                         on_error=lambda exc: show_error(parent, exc))


def save_card_interactive(parent: QWidget, state, session_id: str) -> None:
    from desktop_app.domain.errors import LiveOpsError
    from desktop_app.services.export.card import card_data
    from desktop_app.services.export.options import ExportOptions
    from desktop_app.services.export.query import export_info
    from desktop_app.ui.errors import show_error
    from desktop_app.ui.export.card import copy_to_clipboard, render_card, save_png

    info = export_info(state.ctx, session_id)
    options = ExportOptions(client_id=info.clients[0][0] if info.clients else None)
    if not info.signed:
        if not confirm_draft(parent):
            return
        options = replace(options, allow_draft=True)
    path, _ = QFileDialog.getSaveFileName(parent, _tr("Save results card"),
                                          str(Path.home() / info.suggested_name.replace(".xlsx", ".png")),
                                          _tr("PNG images (*.png)"))
    if not path:
        return
    try:
        image = render_card(card_data(state.ctx, session_id, options))
        save_png(image, Path(path))
    except LiveOpsError as exc:
        show_error(parent, exc)
        return
    copy_to_clipboard(image)
    QMessageBox.information(parent, _tr("Results card"),
                            _tr("Saved {path} and copied the picture to the clipboard.").format(path=path))


def export_multi_interactive(parent: QWidget, state, history_filter=None) -> None:
    from desktop_app.ui.errors import show_error
    from desktop_app.ui.export.multi_dialog import MultiExportDialog

    dialog = MultiExportDialog(state, parent, history_filter=history_filter)
    if not dialog.exec():
        return
    from desktop_app.services.export.multi import export_multi

    options, path = dialog.options(), dialog.path()

    def work(progress, cancelled):
        return worker_call(state.ctx, export_multi, path, options, progress=progress, cancelled=cancelled)

    def done(result) -> None:
        QMessageBox.information(parent, _tr("Export"), _tr("Saved {path}").format(path=result.path))

    run_task(parent, work, title=_tr("Exporting…"), on_done=done, on_error=lambda exc: show_error(parent, exc))
