"""Helpers for the export tests: open a demo copy, read every part of an .xlsx back."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from desktop_app.domain.clock import FixedClock
from desktop_app.services.workspace_service import open_workspace

NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
T_EXPORT = None


def open_demo(path: Path, clock: FixedClock, actor: str | None = None):
    ctx = open_workspace(path, clock=clock)
    if actor:
        ctx.actor_id = actor
    return ctx


def closed_sessions(ctx) -> list[str]:
    return [r[0] for r in ctx.ws.query("SELECT id FROM sessions WHERE status = 'closed' ORDER BY on_air_utc")]


def approve(ctx, session_id: str, status: str = "approved") -> None:
    """Put the review in ``status``; "approved" goes through the review service as a lead, so the
    approval hash covers the session as it is now (call it after changing the session)."""
    with ctx.ws.write():
        ctx.ws.conn.execute("UPDATE reviews SET status = ? WHERE session_id = ?",
                            ("submitted" if status == "approved" else status, session_id))
    if status == "approved":
        from desktop_app.services import review

        actor = ctx.actor_id
        ctx.actor_id = ctx.ws.query_one("SELECT id FROM people WHERE role = 'lead'")[0]
        try:
            review.approve(ctx, session_id)
        finally:
            ctx.actor_id = actor


def all_text(path: Path) -> str:
    """Every text node and attribute of every XML part (cells, comments, defined names, doc
    properties, charts, drawings), parsed so character references come back as characters."""
    out: list[str] = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data = z.read(name)
            if not (name.endswith(".xml") or name.endswith(".rels") or name.endswith(".vml")):
                continue
            root = etree.fromstring(data)
            for el in root.iter():
                if isinstance(el.tag, str):
                    out.extend(el.attrib.values())
                if el.text:
                    out.append(el.text)
    return "\n".join(out)


def chart_parts(path: Path) -> list[etree._Element]:
    with zipfile.ZipFile(path) as z:
        return [etree.fromstring(z.read(n)) for n in sorted(z.namelist()) if n.startswith("xl/charts/chart")]


def cell_strings(wb) -> list[str]:
    out = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    out.append(str(c.value))
                if c.comment is not None:
                    out.append(c.comment.text)
    out += [str(dn.value) for dn in wb.defined_names.values()]
    for ws in wb.worksheets:
        out += [str(dn.value) for dn in ws.defined_names.values()]
    p = wb.properties
    out += [str(x) for x in (p.title, p.subject, p.description, p.keywords, p.creator, p.category) if x]
    return out


def sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
