"""The 战报 card: a PNG for chat groups, painted offscreen with QPainter on a QImage.

Every number on it comes from services.export.card.card_data, i.e. from the same KPI rows
as the Summary sheet, with the same client rules; this module only draws.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath, QPen

from desktop_app.services.export.card import CardData
from desktop_app.services.export.files import atomic_target

WIDTH, HEIGHT = 1080, 1440
BLUE, RED, GREEN, GREY, INK = "#305496", "#c00000", "#2e7d32", "#6b6b6b", "#1f1f1f"


def _font(size: int, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(size)
    f.setBold(bold)
    return f


def render_card(data: CardData) -> QImage:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        _header(p, data)
        _tiles(p, data)
        _chart(p, data, QRectF(60, 900, WIDTH - 120, 420))
        _footer(p, data)
    finally:
        p.end()
    return image


def _header(p: QPainter, d: CardData) -> None:
    p.fillRect(QRectF(0, 0, WIDTH, 230), QColor(BLUE))
    p.setPen(QColor("#ffffff"))
    p.setFont(_font(34, True))
    p.drawText(QRectF(60, 36, WIDTH - 120, 50), Qt.AlignmentFlag.AlignLeft, f"{d.labels['title']} · {d.client}")
    p.setFont(_font(44, True))
    p.drawText(QRectF(60, 92, WIDTH - 120, 64), Qt.AlignmentFlag.AlignLeft, d.title)
    p.setFont(_font(28))
    p.drawText(QRectF(60, 166, WIDTH - 120, 40), Qt.AlignmentFlag.AlignLeft,
               f"{d.anchor} · {d.platform} · {d.date}")
    if d.draft:
        p.setPen(QColor(RED))
        p.setBrush(QColor("#ffffff"))
        box = QRectF(WIDTH - 330, 36, 270, 56)
        p.drawRoundedRect(box, 8, 8)
        p.setFont(_font(28, True))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, d.draft_text)


def _tiles(p: QPainter, d: CardData) -> None:
    cols, w, h, top = 2, (WIDTH - 150) / 2, 190, 270
    for n, k in enumerate(d.kpis[:6]):
        x = 60 + (n % cols) * (w + 30)
        y = top + (n // cols) * (h + 20)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#f3f6fb"))
        p.drawRoundedRect(QRectF(x, y, w, h), 14, 14)
        p.setPen(QColor(GREY))
        p.setFont(_font(26))
        p.drawText(QRectF(x + 24, y + 16, w - 48, 36), Qt.AlignmentFlag.AlignLeft, k.label)
        p.setPen(QColor(INK))
        p.setFont(_font(52, True))
        p.drawText(QRectF(x + 24, y + 56, w - 48, 70), Qt.AlignmentFlag.AlignLeft, k.text)
        if k.target_text:
            p.setFont(_font(24))
            p.setPen(QColor(GREEN if k.met else RED))
            achieved = f" · {d.labels['achieved']} {k.achieved * 100:.1f}%" if k.achieved is not None else ""
            p.drawText(QRectF(x + 24, y + 136, w - 48, 34), Qt.AlignmentFlag.AlignLeft,
                       f"{d.labels['target']} {k.target_text}{achieved}")
    if d.labels.get("no_totals"):
        p.setPen(QColor(GREY))
        p.setFont(_font(26))
        p.drawText(QRectF(60, 860, WIDTH - 120, 36), Qt.AlignmentFlag.AlignLeft, d.labels["no_totals"])


def _path(points, rect: QRectF, t0: float, t1: float, vmax: float) -> QPainterPath:
    path = QPainterPath()
    for n, (t, v) in enumerate(points):
        x = rect.left() + (t.timestamp() - t0) / max(t1 - t0, 1) * rect.width()
        y = rect.bottom() - v / vmax * rect.height()
        if n == 0:
            path.moveTo(QPointF(x, y))
        else:
            path.lineTo(QPointF(x, y))
    return path


def _chart(p: QPainter, d: CardData, rect: QRectF) -> None:
    if not d.online and not d.gmv:
        return
    plot = rect.adjusted(0, 50, 0, -40)
    p.setBrush(Qt.BrushStyle.NoBrush)  # the tiles left a fill brush set: curves must not be filled
    p.setPen(QPen(QColor("#d0d7e5"), 1))
    for i in range(5):
        y = plot.top() + plot.height() * i / 4
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
    times = [t for t, _ in d.online + d.gmv]
    t0, t1 = min(times).timestamp(), max(times).timestamp()
    if d.online:
        vmax = max(v for _, v in d.online) or 1
        p.setPen(QPen(QColor("#8faadc"), 3))
        p.drawPath(_path(d.online, plot, t0, t1, vmax * 1.1))
    if d.gmv:
        gmax = max([v for _, v in d.gmv] + [d.gmv_target or 0]) or 1
        p.setPen(QPen(QColor(BLUE), 5))
        p.drawPath(_path(d.gmv, plot, t0, t1, gmax * 1.1))
        if d.gmv_target:
            y = plot.bottom() - d.gmv_target / (gmax * 1.1) * plot.height()
            p.setPen(QPen(QColor(RED), 3, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
    p.setFont(_font(24))
    p.setPen(QColor(BLUE))
    p.drawText(QRectF(rect.left(), rect.top(), rect.width() / 2, 36), Qt.AlignmentFlag.AlignLeft,
               "━ " + d.labels["gmv"])
    p.setPen(QColor("#8faadc"))
    p.drawText(QRectF(rect.left() + rect.width() / 2, rect.top(), rect.width() / 2, 36),
               Qt.AlignmentFlag.AlignRight, "━ " + d.labels["online"])
    p.setPen(QColor(GREY))
    first, last = min(times), max(times)
    p.drawText(QRectF(plot.left(), plot.bottom() + 6, 200, 30), Qt.AlignmentFlag.AlignLeft, f"{first:%H:%M}")
    p.drawText(QRectF(plot.right() - 200, plot.bottom() + 6, 200, 30), Qt.AlignmentFlag.AlignRight, f"{last:%H:%M}")


def _footer(p: QPainter, d: CardData) -> None:
    p.setPen(QColor(GREY))
    p.setFont(_font(22))
    basis = d.kpis[0].basis if d.kpis else ""
    p.drawText(QRectF(60, HEIGHT - 80, WIDTH - 120, 40), Qt.AlignmentFlag.AlignLeft, f"{d.agency} · {basis}")


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(data)


def save_png(image: QImage, path: Path) -> None:
    """Temp file in the target folder, then rename: a locked or read-only target keeps its old file."""
    with atomic_target(path) as target:
        target.fh.write(png_bytes(image))
        target.commit()


def copy_to_clipboard(image: QImage) -> None:
    QGuiApplication.clipboard().setImage(image)
