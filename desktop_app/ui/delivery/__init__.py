"""Delivery features in the app: backups and restore, integrity problems, salvage, theme and icons.

Plugged into the shell through ``install(ext)``: File → Back up now / Restore from backup,
Tools → Salvage workspace, a daily automatic backup while the app runs, and the look
(focus ring stylesheet, light/dark following the system, SVG icons on the shell's actions).
"""

from __future__ import annotations

from desktop_app.ui.extensions import Extensions


def install(ext: Extensions) -> None:
    from desktop_app.ui.delivery import actions

    ext.add_action("backup_now", "file", actions.backup_now_action, order=60)
    ext.add_action("restore_backup", "file", actions.restore_action, order=61)
    ext.add_action("salvage", "tools", actions.salvage_action, order=60)
    ext.add_startup_hook(actions.on_window_ready)
