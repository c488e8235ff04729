"""Find bundled resources from a source checkout and from a PyInstaller bundle.

Qt-free: the CLI and services use it too. User-data locations that need Qt
(QStandardPaths) live in ui/; here we only fall back to plain per-OS folders.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def project_root() -> Path:
    """Folder holding resources/ and db/: the bundle dir when frozen, else the repo root."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return project_root().joinpath("resources", *parts)


def migrations_dir() -> Path:
    return project_root() / "db" / "migrations"


def seeds_dir() -> Path:
    return project_root() / "db" / "seeds"


def user_data_dir(platform: str | None = None) -> Path:
    """Per-user data folder (demo workspace, logs, self-test reports), without Qt.

    The same folder as QStandardPaths.AppDataLocation with our organization/application names,
    so the CLI and the GUI agree: %APPDATA%\\LiveOps\\liveops-desk on Windows (roaming profile),
    ~/Library/Application Support/LiveOps/liveops-desk on macOS, $XDG_DATA_HOME/LiveOps/liveops-desk
    (~/.local/share/…) elsewhere. LIVEOPS_DATA_DIR overrides it (tests, portable installs).
    """
    from desktop_app import APP_ID, ORG_NAME

    override = os.environ.get("LIVEOPS_DATA_DIR")
    if override:
        return Path(override)
    platform = platform or sys.platform
    if platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / ORG_NAME / APP_ID


def log_dir() -> Path:
    return user_data_dir() / "logs"
