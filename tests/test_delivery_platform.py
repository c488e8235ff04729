"""Windows and macOS rules checked on Linux: data locations, file names, long paths, locked targets.

Nothing here runs on Windows or macOS; the platform is simulated (sys.platform passed in,
Windows naming rules checked by a validator written from Microsoft's documentation).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop_app import APP_ID, ORG_NAME, paths
from desktop_app.domain.filenames import MAX_STEM, safe_stem
from desktop_app.services import backup
from desktop_app.services.workspace_service import create_workspace
from desktop_app.storage.workspace import BACKUP_STEM, backup_folder

_WIN_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
_WIN_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def valid_on_windows(name: str) -> bool:
    """Naming Files, Paths, and Namespaces (learn.microsoft.com): the rules Explorer enforces."""
    return (bool(name) and not _WIN_FORBIDDEN.search(name) and not name.endswith((".", " "))
            and name.split(".")[0].upper() not in _WIN_DEVICES)


@pytest.mark.parametrize(("platform", "env", "expected"), [
    ("win32", {"APPDATA": r"C:\Users\李运营\AppData\Roaming"}, Path(r"C:\Users\李运营\AppData\Roaming")),
    ("darwin", {}, Path.home() / "Library" / "Application Support"),
    ("linux", {"XDG_DATA_HOME": "/data/xdg"}, Path("/data/xdg")),
])
def test_user_data_folder_follows_each_platforms_convention(monkeypatch, platform, env, expected):
    monkeypatch.delenv("LIVEOPS_DATA_DIR", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert paths.user_data_dir(platform) == expected / ORG_NAME / APP_ID
    assert paths.log_dir().name == "logs"


def test_windows_without_appdata_falls_back_to_the_roaming_profile(monkeypatch):
    monkeypatch.delenv("LIVEOPS_DATA_DIR", raising=False)
    monkeypatch.delenv("APPDATA", raising=False)
    assert paths.user_data_dir("win32") == Path.home() / "AppData" / "Roaming" / ORG_NAME / APP_ID


def test_cli_and_gui_agree_on_the_data_folder(qapp, monkeypatch, tmp_path):
    """The GUI asks QStandardPaths (AppDataLocation); the Qt-free CLI computes the same folder."""
    from PySide6.QtCore import QStandardPaths

    from desktop_app.app import make_application, use_standard_data_dir

    monkeypatch.delenv("LIVEOPS_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    make_application()
    qt = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    assert Path(qt) == paths.user_data_dir()
    use_standard_data_dir()
    assert Path(__import__("os").environ["LIVEOPS_DATA_DIR"]) == paths.user_data_dir("linux")


@pytest.mark.parametrize("title", [
    '福袋/秒杀: "双11" 专场?', "A<B>C|D*E", "CON", "nul.xlsx", "com1", "结尾点和空格. . ", "...",
    "tab\there\nnewline", "直播" * 80, "Ｆｕｌｌｗｉｄｔｈ：全角冒号可用",
])
def test_made_up_names_are_valid_on_windows_and_keep_chinese(tmp_path, title):
    stem = safe_stem(title)
    assert valid_on_windows(stem) and valid_on_windows(f"{stem}.xlsx"), stem
    assert len(stem) <= MAX_STEM
    han = [c for c in title if "\u4e00" <= c <= "\u9fff"]
    assert all(c in stem for c in han[:10]), "Chinese characters are kept"
    (tmp_path / f"{stem}.xlsx").write_bytes(b"x")  # and the name is usable here too


def test_export_suggests_a_windows_valid_name_for_any_title(ctx, planned):
    from desktop_app.services.export.query import export_info

    with ctx.ws.write():
        ctx.ws.conn.execute("UPDATE sessions SET title = ? WHERE id = ?", ('李佳/琦: "双11"*预热?  ', planned.id))
    name = export_info(ctx, planned.id).suggested_name
    assert valid_on_windows(name) and name.endswith(".xlsx")
    assert "李佳" in name and "双11" in name and "预热" in name


def test_backups_of_a_long_chinese_workspace_name_stay_short_and_are_found(tmp_path, clock):
    long_name = "华东区美妆护肤类目达人矩阵直播间运营工作区" * 3  # 63 characters, 189 bytes (ext4 allows 255 per name)
    ctx = create_workspace(tmp_path / f"{long_name}.liveops", long_name, clock=clock)
    info = backup.backup_now(ctx, "manual")
    assert len(info.path.name) <= BACKUP_STEM + len(".20261126T020000Z-99.migration.liveops")
    assert len(info.path.name.encode()) < 255  # also within Linux/macOS's per-name byte limit
    assert len(info.path.parent.name) <= BACKUP_STEM + len("-backups")
    # Beside a 120-character folder the whole path still fits Windows' 260 (without long paths).
    assert len("C:\\" + "x" * 120 + "\\" + info.path.parent.name + "\\" + info.path.name) < 260
    assert [b.path for b in backup.list_for(ctx)] == [info.path]
    assert info.path.parent == backup_folder(ctx.ws.path)
    ctx.ws.close()


def test_backups_already_under_the_full_long_name_keep_being_used(tmp_path, clock):
    long_name = "长" * 80
    ws = tmp_path / f"{long_name}.liveops"
    (tmp_path / f"{long_name}-backups").mkdir()
    assert backup_folder(ws) == tmp_path / f"{long_name}-backups"


def test_program_icons_for_windows_and_macos_hold_every_size(qapp):
    """build.spec gives PyInstaller app.ico (Windows) / app.icns (macOS); each must hold the sizes
    Explorer and Finder pick from, up to 256 px (Windows) and 1024 px (macOS Retina)."""
    import struct

    from PySide6.QtGui import QImageReader

    from desktop_app.paths import resource_path

    ico = resource_path("icons", "app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
    icns = resource_path("icons", "app.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic10" in icns and b"ic07" in icns  # 1024 (512@2x) and 128
    for name in ("app.ico", "app.icns"):
        reader = QImageReader(str(resource_path("icons", name)))
        assert reader.imageCount() >= 9 and not reader.read().isNull()
    spec = (Path(__file__).resolve().parent.parent / "build.spec").read_text(encoding="utf-8")
    assert 'sys.platform == "win32" and (icon_dir / "app.ico")' in spec
    assert 'sys.platform == "darwin" and (icon_dir / "app.icns")' in spec
