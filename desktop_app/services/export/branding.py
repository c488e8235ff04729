"""The agency's logo and header text on every exported file (workspace settings)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.domain.errors import ValidationError
from desktop_app.services.context import Context
from desktop_app.services.workspace_service import get_settings, update_settings

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_LOGO_BYTES = 2 * 1024 * 1024


def branding(ctx: Context) -> tuple[str | None, str]:
    s = get_settings(ctx)
    return s.get("export_logo") or None, str(s.get("export_header_text") or "")


def set_branding(ctx: Context, *, logo: Path | str | None, header_text: str) -> None:
    """Store the logo path (a PNG, checked now) and the header text; ``logo=None`` removes the logo.
    A rejected logo changes nothing."""
    if logo is not None:
        path = Path(logo)
        try:
            head = path.open("rb").read(24)
            size = path.stat().st_size
        except OSError as exc:
            raise ValidationError("error.export.logo_unreadable", field="logo", path=str(path)) from exc
        if head[:8] != PNG_SIGNATURE or len(head) < 24 or head[12:16] != b"IHDR":
            raise ValidationError("error.export.logo_not_png", field="logo", path=str(path))
        if size > MAX_LOGO_BYTES:
            raise ValidationError("error.export.logo_too_big", field="logo", path=str(path), max_kb=MAX_LOGO_BYTES // 1024)
        logo = str(path.resolve())
    update_settings(ctx, export_logo=logo, export_header_text=header_text.strip()[:80])
