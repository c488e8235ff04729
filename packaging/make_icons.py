"""Render resources/icons/app.svg into the program icons the platforms want at build time.

- app.ico (Windows .exe): PNG-compressed entries at 16–256 px, so Explorer, the taskbar and
  high-DPI displays each pick a crisp size;
- app.icns (macOS .app): ic04…ic10 PNG entries (16 px up to 512@2x = 1024 px).

Run `python packaging/make_icons.py` after changing app.svg and commit the results (build.spec
picks the right one per platform). Both formats are written by hand: Qt's ico/icns writers
store a single size only.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
              (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512))


def render_png(svg: Path, size: int) -> bytes:
    renderer = QSvgRenderer(str(svg))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = size / 24  # the 24-unit artwork has no padding of its own
    renderer.render(painter, QRectF(margin, margin, size - 2 * margin, size - 2 * margin))
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for s in sizes:
        blob = pngs[s]
        dim = 0 if s >= 256 else s  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def icns_bytes(render) -> bytes:
    body = b""
    for kind, size in ICNS_TYPES:
        blob = render(size)
        body += kind + struct.pack(">I", len(blob) + 8) + blob
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1] + ["-platform", "offscreen"])
    svg = ICONS / "app.svg"
    cache: dict[int, bytes] = {}

    def render(size: int) -> bytes:
        if size not in cache:
            cache[size] = render_png(svg, size)
        return cache[size]

    (ICONS / "app.ico").write_bytes(ico_bytes({s: render(s) for s in ICO_SIZES}))
    (ICONS / "app.icns").write_bytes(icns_bytes(render))
    (ICONS / "app.png").write_bytes(render(256))  # Linux desktop entry / window icon fallback
    del app
    print(f"wrote {ICONS / 'app.ico'}, {ICONS / 'app.icns'}, {ICONS / 'app.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
