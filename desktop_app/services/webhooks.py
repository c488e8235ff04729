"""Post interval reports to team group robots: 企业微信 (WeCom), 飞书 (Feishu), 钉钉 (DingTalk).

Reports are queued in ``webhook_outbox`` inside the same transaction that stores the
report event, and sent later by ``deliver_due`` (the app calls it on a worker thread with
its own connection; the CLI may call it too). The HTTP call never runs inside a write
transaction, so logging is never blocked by a slow robot. Failures are kept with their
error and retried with exponential backoff; after MAX_ATTEMPTS the row is marked failed
and waits for a manual retry.

Signatures:
- DingTalk: ``timestamp`` (ms) and ``sign`` = base64(HMAC-SHA256(key=secret, "{timestamp}\\n{secret}"))
  as query parameters.
- Feishu: ``timestamp`` (s) and ``sign`` = base64(HMAC-SHA256(key="{timestamp}\\n{secret}", b"")) in the body.
- WeCom: none; the key is part of the URL.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop_app.domain.errors import ValidationError
from desktop_app.services.context import Changes, Context
from desktop_app.storage import live as repo
from desktop_app.storage.live import OutboxRow, WebhookTarget
from desktop_app.storage.rows import new_id

KINDS = ("wecom", "feishu", "dingtalk")
MAX_ATTEMPTS = 8
MAX_TEXT_BYTES = 2000  # WeCom's text limit is 2048 bytes; the others allow more
TIMEOUT_S = 10.0
LEASE = timedelta(minutes=2)


@dataclass(frozen=True)
class Request:
    url: str
    body: bytes
    headers: dict[str, str]


@dataclass(frozen=True)
class Delivery:
    row_id: str
    ok: bool
    error: str | None = None


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min ... capped at 30 min."""
    return timedelta(seconds=min(30 * 2 ** max(0, attempts - 1), 1800))


def _hmac_b64(key: bytes, message: bytes) -> str:
    return base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode()


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    return _hmac_b64(secret.encode(), f"{timestamp_ms}\n{secret}".encode())


def feishu_sign(secret: str, timestamp_s: int) -> str:
    return _hmac_b64(f"{timestamp_s}\n{secret}".encode(), b"")


def _trim(text: str) -> str:
    data = text.encode()
    if len(data) <= MAX_TEXT_BYTES:
        return text
    return data[:MAX_TEXT_BYTES - 3].decode(errors="ignore") + "…"


def build_request(target: WebhookTarget, text: str, now: datetime) -> Request:
    text = _trim(text)
    headers = {"Content-Type": "application/json; charset=utf-8"}
    if target.kind == "dingtalk":
        url = target.url
        if target.secret:
            ts = int(now.timestamp() * 1000)
            sep = "&" if urllib.parse.urlsplit(url).query else "?"
            url += sep + urllib.parse.urlencode({"timestamp": ts, "sign": dingtalk_sign(target.secret, ts)})
        body = {"msgtype": "text", "text": {"content": text}}
        return Request(url, json.dumps(body, ensure_ascii=False).encode(), headers)
    if target.kind == "feishu":
        body = {"msg_type": "text", "content": {"text": text}}
        if target.secret:
            ts = int(now.timestamp())
            body = {"timestamp": str(ts), "sign": feishu_sign(target.secret, ts), **body}
        return Request(target.url, json.dumps(body, ensure_ascii=False).encode(), headers)
    body = {"msgtype": "text", "text": {"content": text}}
    return Request(target.url, json.dumps(body, ensure_ascii=False).encode(), headers)


def check_response(status: int, body: bytes) -> str | None:
    """None when the robot accepted the message, else a short error text."""
    if status != 200:
        return f"HTTP {status}"
    try:
        data = json.loads(body.decode("utf-8") or "{}")
    except (ValueError, UnicodeDecodeError):
        return "invalid response"
    code = data.get("errcode", data.get("code", data.get("StatusCode", 0)))
    if code not in (0, "0", None):
        return f"{code} {data.get('errmsg') or data.get('msg') or data.get('StatusMessage') or ''}".strip()
    return None


def http_post(req: Request) -> tuple[int, bytes]:
    r = urllib.request.Request(req.url, data=req.body, headers=req.headers, method="POST")
    try:
        with urllib.request.urlopen(r, timeout=TIMEOUT_S) as resp:  # noqa: S310 (URL scheme checked on save)
            return resp.status, resp.read(65536)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(65536) if exc.fp else b""


# -- configuration -----------------------------------------------------------------------------

def validate_target(kind: str, url: str, secret: str | None) -> None:
    if kind not in KINDS:
        raise ValidationError("error.webhook.kind", field="kind", value=kind)
    parts = urllib.parse.urlsplit((url or "").strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError("error.webhook.url", field="url", value=url)
    if secret is not None and len(secret) > 200:
        raise ValidationError("error.field.too_long", field="secret", max=200)


def save_target(ctx: Context, *, kind: str, url: str, secret: str | None = None, name: str = "",
                enabled: bool = True, target_id: str | None = None) -> tuple[WebhookTarget, Changes]:
    secret = (secret or "").strip() or None
    validate_target(kind, url, secret)
    target = WebhookTarget(target_id or new_id(), kind, (name or "").strip(), url.strip(), secret, enabled)
    with ctx.ws.write():
        repo.upsert_target(ctx.ws, target, ctx.now())
    return target, Changes()


def list_targets(ctx: Context, *, enabled_only: bool = False) -> list[WebhookTarget]:
    return repo.list_targets(ctx.ws, enabled_only=enabled_only)


def outbox(ctx: Context, limit: int = 200) -> list[OutboxRow]:
    return repo.outbox(ctx.ws, limit=limit)


def remove_target(ctx: Context, target_id: str) -> Changes:
    with ctx.ws.write():
        repo.disable_target(ctx.ws, target_id, ctx.now())
    return Changes()


def enqueue_report(ctx: Context, session_id: str | None, event_id: str | None, text: str) -> int:
    """Queue ``text`` for every enabled target. Call inside the caller's write transaction."""
    targets = repo.list_targets(ctx.ws, enabled_only=True)
    for t in targets:
        repo.enqueue(ctx.ws, new_id(), t.id, session_id, event_id, text, ctx.now())
    return len(targets)


def retry_failed(ctx: Context, row_ids: list[str] | None = None) -> int:
    with ctx.ws.write():
        return repo.retry(ctx.ws, ctx.now(), row_ids)


def pending_summary(ctx: Context) -> tuple[int, int, str | None]:
    """(pending, failed, last error) for the status line."""
    rows = repo.outbox(ctx.ws, statuses=("pending", "failed"))
    pending = sum(1 for r in rows if r.status == "pending")
    failed = sum(1 for r in rows if r.status == "failed")
    last = next((r.last_error for r in rows if r.last_error), None)
    return pending, failed, last


# -- delivery ----------------------------------------------------------------------------------

def deliver_due(ctx: Context, *, post: Callable[[Request], tuple[int, bytes]] = http_post,
                limit: int = 20) -> list[Delivery]:
    """Send every due row once. Each row: claim (short write), POST (no transaction), record (short write)."""
    out = []
    for row in repo.due_rows(ctx.ws, ctx.now(), limit):
        now = ctx.now()
        with ctx.ws.write():
            if not repo.claim(ctx.ws, row.id, now, now + LEASE):
                continue
        out.append(_send(ctx, row, post))
    return out


def _send(ctx: Context, row: OutboxRow, post: Callable[[Request], tuple[int, bytes]]) -> Delivery:
    target = repo.get_target(ctx.ws, row.target_id)
    error: str | None
    if target is None or not target.enabled:
        error = "target removed"
    else:
        try:
            status, body = post(build_request(target, row.text, ctx.now()))
            error = check_response(status, body)
        except (OSError, ValueError) as exc:  # URLError, timeouts, refused connections
            error = str(getattr(exc, "reason", exc)) or type(exc).__name__
    now = ctx.now()
    with ctx.ws.write():
        if error is None:
            repo.mark_sent(ctx.ws, row.id, now)
        else:
            attempts = row.attempts + 1
            repo.mark_failed(ctx.ws, row.id, error, now + backoff(attempts), attempts >= MAX_ATTEMPTS)
    return Delivery(row.id, error is None, error)
