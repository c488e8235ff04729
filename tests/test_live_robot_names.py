"""With several group robots, a failure says which robot failed (CLI and the robots dialog)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop_app.cli import main
from desktop_app.services import interval_report, lifecycle, metrics_entry, webhooks
from tests.test_live_webhooks import Robot


@pytest.fixture
def robot():
    r = Robot()
    yield r
    r.close()


def _two_robots_failing(ctx, clock, robot):
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="机器人场")
    clock.advance(minutes=16)
    metrics_entry.record_snapshot(ctx, s.id, {"gmv": "100"})
    webhooks.save_target(ctx, kind="dingtalk", url=robot.url + "/robot/send?access_token=a", secret="S1")
    webhooks.save_target(ctx, kind="feishu", url=robot.url + "/open-apis/bot/v2/hook/b")
    robot.replies = [(500, {}), (200, {"code": 19001, "msg": "param invalid"})]
    interval_report.publish_report(ctx, s.id, 15, at=s.on_air_utc + timedelta(minutes=15))
    return s


def test_cli_names_the_robot_of_each_failure(ctx, clock, robot, capsys):
    _two_robots_failing(ctx, clock, robot)
    code = main(["webhook", str(ctx.ws.path), "send"])
    err = capsys.readouterr().err
    assert code == 1
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 2
    assert any("钉钉" in line and "HTTP 500" in line for line in lines)
    assert any("飞书" in line and "19001" in line for line in lines)


def test_robot_dialog_queue_names_each_row_s_robot(qtbot, ctx, clock, robot):
    from desktop_app.ui.live.robots import RobotDialog

    _two_robots_failing(ctx, clock, robot)
    webhooks.deliver_due(ctx)
    dialog = RobotDialog(ctx, "Asia/Shanghai")
    qtbot.addWidget(dialog)
    q = dialog.queue
    rows = [" | ".join(q.item(r, c).text() for c in range(q.columnCount()) if q.item(r, c)) for r in range(q.rowCount())]
    assert any("钉钉" in row and "HTTP 500" in row for row in rows), rows
    assert any("飞书" in row and "19001" in row for row in rows), rows
