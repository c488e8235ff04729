"""Group robots against a local HTTP server: signatures, failure, retry from the persistent queue."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import urllib.parse
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from desktop_app.domain.errors import ValidationError
from desktop_app.services import interval_report, lifecycle, metrics_entry, webhooks
from desktop_app.services.workspace_service import open_workspace
from desktop_app.storage import live as live_repo
from tests.conftest import T0


class Robot:
    """A fake group-robot endpoint: records requests, answers with scripted replies."""

    def __init__(self):
        self.requests: list[tuple[str, dict]] = []
        self.replies: list[tuple[int, dict]] = []
        robot = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                robot.requests.append((self.path, json.loads(body.decode("utf-8"))))
                status, reply = robot.replies.pop(0) if robot.replies else (200, {"errcode": 0, "code": 0})
                data = json.dumps(reply).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def robot():
    r = Robot()
    yield r
    r.close()


@pytest.fixture
def live(ctx, planned, clock):
    lifecycle.start_preparing(ctx, planned.id)
    lifecycle.go_live(ctx, planned.id, override_reason="测试")
    for minute in (5, 15):
        clock.set(T0 + timedelta(minutes=minute))
        metrics_entry.record_snapshot(ctx, planned.id, {"gmv": str(minute * 100), "orders": str(minute)})
    clock.set(T0 + timedelta(minutes=15, seconds=5))
    return planned


def _publish(ctx, sid):
    report, event, _ = interval_report.publish_report(ctx, sid, 15, at=T0 + timedelta(minutes=15))
    return report


def test_each_robot_gets_its_signature(ctx, live, robot, clock):
    webhooks.save_target(ctx, kind="dingtalk", url=robot.url + "/robot/send?access_token=abc", secret="SECdd")
    webhooks.save_target(ctx, kind="feishu", url=robot.url + "/open-apis/bot/v2/hook/xyz", secret="SECff")
    webhooks.save_target(ctx, kind="wecom", url=robot.url + "/cgi-bin/webhook/send?key=k1")
    report = _publish(ctx, live.id)
    results = webhooks.deliver_due(ctx)
    assert [r.ok for r in results] == [True, True, True]
    by_path = {urllib.parse.urlsplit(p).path: (urllib.parse.parse_qs(urllib.parse.urlsplit(p).query), b)
               for p, b in robot.requests}
    q, body = by_path["/robot/send"]
    ts = q["timestamp"][0]
    assert int(ts) == int(clock.now().timestamp() * 1000) and q["access_token"] == ["abc"]
    expected = base64.b64encode(hmac.new(b"SECdd", f"{ts}\nSECdd".encode(), hashlib.sha256).digest()).decode()
    assert q["sign"] == [expected]
    assert body == {"msgtype": "text", "text": {"content": report.text}}
    _, body = by_path["/open-apis/bot/v2/hook/xyz"]
    expected = base64.b64encode(hmac.new(f"{body['timestamp']}\nSECff".encode(), b"", hashlib.sha256).digest())
    assert body["sign"] == expected.decode() and body["content"]["text"] == report.text
    q, body = by_path["/cgi-bin/webhook/send"]
    assert q == {"key": ["k1"]} and body["text"]["content"].startswith("【小美·测试场】")
    assert {r.status for r in live_repo.outbox(ctx.ws)} == {"sent"}


def test_failure_is_kept_and_retried_from_the_queue_after_backoff(ctx, live, robot, clock, tmp_path):
    webhooks.save_target(ctx, kind="wecom", url=robot.url + "/send?key=k")
    robot.replies = [(200, {"errcode": 45009, "errmsg": "api freq out of limit"})]
    _publish(ctx, live.id)
    [first] = webhooks.deliver_due(ctx)
    assert not first.ok and "45009" in first.error
    [row] = live_repo.outbox(ctx.ws)
    assert (row.status, row.attempts) == ("pending", 1) and "freq" in row.last_error
    assert webhooks.deliver_due(ctx) == []  # not due before the backoff
    # The queue survives a restart: a fresh connection (another process) sends it when due.
    clock.advance(seconds=31)
    other = open_workspace(ctx.ws.path, clock=clock)
    try:
        [second] = webhooks.deliver_due(other)
    finally:
        other.ws.close()
    assert second.ok
    assert len(robot.requests) == 2
    [row] = live_repo.outbox(ctx.ws)
    assert (row.status, row.attempts, row.last_error) == ("sent", 2, None)


def test_unreachable_robot_gives_up_after_max_attempts_then_manual_retry(ctx, live, clock):
    webhooks.save_target(ctx, kind="feishu", url="http://127.0.0.1:9/hook")  # discard port: refused
    _publish(ctx, live.id)
    for _ in range(webhooks.MAX_ATTEMPTS):
        [r] = webhooks.deliver_due(ctx)
        assert not r.ok
        clock.advance(hours=1)
    [row] = live_repo.outbox(ctx.ws)
    assert row.status == "failed" and row.attempts == webhooks.MAX_ATTEMPTS
    assert webhooks.pending_summary(ctx)[1] == 1
    assert webhooks.retry_failed(ctx) == 1
    assert live_repo.outbox(ctx.ws)[0].status == "pending"


def test_bad_robot_settings_are_refused(ctx):
    with pytest.raises(ValidationError):
        webhooks.save_target(ctx, kind="wecom", url="ftp://x")
    with pytest.raises(ValidationError):
        webhooks.save_target(ctx, kind="slack", url="https://x")
    assert webhooks.list_targets(ctx) == []


def test_long_text_is_trimmed_to_wecom_limit():
    t = live_repo.WebhookTarget("id", "wecom", "", "http://x/", None, True)
    req = webhooks.build_request(t, "战" * 3000, T0)
    assert len(json.loads(req.body)["text"]["content"].encode()) <= webhooks.MAX_TEXT_BYTES
