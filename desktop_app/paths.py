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


def user_data_dir() -> Path:
    """Per-user data folder without Qt (CLI, logs before the QApplication exists)."""
    override = os.environ.get("LIVEOPS_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "LiveOps" / "LiveOpsDesk"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "LiveOpsDesk"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "liveops-desk"


def log_dir() -> Path:
    return user_data_dir() / "logs"
