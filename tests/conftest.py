"""Shared fixtures: headless Qt, a fake clock, fresh workspaces with a small roster."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LIVEOPS_LANG", "zh_CN")

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from desktop_app import messages  # noqa: E402
from desktop_app.domain.clock import FixedClock  # noqa: E402
from desktop_app.domain.enums import PersonRole, Platform  # noqa: E402
from desktop_app.services import roster  # noqa: E402
from desktop_app.services.workspace_service import create_workspace  # noqa: E402

settings.register_profile("ci", deadline=None, max_examples=200)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

T0 = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)  # 10:00 in Asia/Shanghai


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path_factory, monkeypatch):
    data = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("LIVEOPS_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data / "config"))
    messages.set_language("zh_CN")
    before = _qt_language()
    yield
    _restore_qt_language(before)


def _qt_language() -> str | None:
    import sys

    i18n = sys.modules.get("desktop_app.ui.i18n")
    return i18n.applied_language() if i18n is not None else None


def _restore_qt_language(before: str | None) -> None:
    """A test that switched the UI language (Qt translators) must not leave it switched for the
    next one: Qt text stays as it was before the test (a module's own fixture may set it)."""
    import sys

    i18n = sys.modules.get("desktop_app.ui.i18n")
    if i18n is None or i18n.applied_language() == before:
        return
    i18n.reset_language()
    if before is not None:
        i18n.apply_language(before)
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.removePostedEvents(None, QEvent.Type.LanguageChange)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def ctx(tmp_path: Path, clock: FixedClock):
    """A new workspace with a lead, two specialists, a client and an anchor."""
    c = create_workspace(tmp_path / "test.liveops", "测试工作区", clock=clock)
    lead, _ = roster.create_person(c, "周组长", PersonRole.LEAD)
    spec, _ = roster.create_person(c, "李运营", PersonRole.SPECIALIST)
    spec2, _ = roster.create_person(c, "王运营", PersonRole.SPECIALIST)
    client, _ = roster.create_client(c, "花间美妆")
    anchor, _ = roster.create_anchor(c, "小美", Platform.DOUYIN, specialist_id=spec.id,
                                     account_id="dy_xm", client_id=client.id)
    c.actor_id = spec.id
    c.fixture = {"lead": lead, "specialist": spec, "specialist2": spec2, "client": client, "anchor": anchor}
    yield c
    c.ws.close()


@pytest.fixture
def planned(ctx):
    """A session planned for 20:00 Shanghai today (12:00 UTC), 3 h long."""
    from desktop_app.services import lifecycle

    start = T0 + timedelta(hours=10)
    s, _ = lifecycle.plan_session(ctx, anchor_id=ctx.fixture["anchor"].id, title="测试场",
                                  scheduled_start=start, scheduled_end=start + timedelta(hours=3))
    return s


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory) -> Path:
    """A small demo workspace, built once per test run; copy it before writing."""
    from desktop_app.services.demo import build_demo_workspace

    path = tmp_path_factory.mktemp("demo") / "demo.liveops"
    c = build_demo_workspace(path, clock=FixedClock(T0), days=2)
    c.ws.close()
    return path


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    import sqlite3

    target = tmp_path / "demo.liveops"
    src = sqlite3.connect(demo_file)
    dst = sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    return target


@pytest.fixture
def clean_live_settings(qapp):
    """The live console keeps splitter sizes, zoom and hotkeys in QSettings("live"): start and end clean."""
    from PySide6.QtCore import QSettings

    QSettings().remove("live")
    yield
    QSettings().remove("live")


@pytest.fixture
def session(ctx, clock):
    """A session live since one minute ago."""
    from desktop_app.services import lifecycle

    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="直播测试")
    clock.advance(minutes=1)
    return s


@pytest.fixture
def migrations_upto(tmp_path, monkeypatch):
    """``use(n)``: from now on workspaces are created and opened with migrations 0001..n only (an older build)."""
    import shutil
    from contextlib import contextmanager

    from desktop_app.paths import migrations_dir

    @contextmanager
    def use(n: int):
        old = tmp_path / f"migrations-{n:04d}"
        old.mkdir(exist_ok=True)
        for p in migrations_dir().glob("*.sql"):
            if int(p.name[:4]) <= n:
                shutil.copy(p, old / p.name)
        with monkeypatch.context() as m:
            m.setattr("desktop_app.storage.workspace.migrations_dir", lambda: old)
            yield old

    return use
