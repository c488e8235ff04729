"""Export one session to .xlsx: build the report, write it safely, record it, tick the checklist."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.errors import LiveOpsError
from desktop_app.services import checklists
from desktop_app.services.context import Changes, Context
from desktop_app.services.export.files import atomic_target
from desktop_app.services.export.options import ExportOptions
from desktop_app.services.export.report import build_report
from desktop_app.storage import exports as repo
from desktop_app.storage import summaries


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str
    export_id: str
    draft: bool
    variant: str
    client_id: str | None
    changes: Changes


def _checker(cancelled: Callable[[], bool] | None) -> Callable[[], None]:
    def check() -> None:
        if cancelled is not None and cancelled():
            raise LiveOpsError("error.export.cancelled")

    return check


def export_session(ctx: Context, session_id: str, out: Path | str, options: ExportOptions, *,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> ExportResult:
    """Write the session report to ``out``; nothing is recorded unless the file is in place."""
    from desktop_app.services.export.xlsx import write_report  # openpyxl loads here, at the first export

    out = Path(out)
    check = _checker(cancelled)
    report = build_report(ctx, session_id, options, progress=progress, cancelled=cancelled)
    with atomic_target(out) as target:
        write_report(report, target.fh, now=ctx.now().astimezone(), check=check)
        sha = target.finish()
        check()
        with ctx.ws.write():
            export_id = repo.record_export(
                ctx.ws, at=ctx.now(), by=ctx.actor_id, session_ids=[session_id], variant=report.options.variant,
                client_id=report.client_id, file_name=out.name, sha256=sha, draft=report.draft)
            changes = Changes()
            if report.options.client:
                changes = checklists.tick_by_app(ctx, session_id, "client_export", at=ctx.now())
                summaries.refresh(ctx.ws, session_id, ctx.now())
            target.commit()  # a locked target raises here and the record above rolls back
    if progress:
        progress(4, 4)
    return ExportResult(out, sha, export_id, report.draft, report.options.variant, report.client_id,
                        changes | Changes(sessions=frozenset({session_id})))
