"""Write the "whole class of quirk" fixtures under tests/data/ingest/ (outputs are committed).

Run: .venv/bin/python tests/data/make_quirk_fixtures.py
Each file gathers one family of quirks real platform exports have; tests/test_ingest_quirks.py
says which behaviour each checks.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "ingest"
NBSP, IDEO = "\u00a0", "\u3000"


def sessions_messy_csv() -> None:
    """A broadcast list: title and notes ABOVE the header (the header is on line 4), bracketed and
    bare units in headers, full-width digits/commas/colons, NBSP/ideographic/trailing spaces,
    every "not collected" spelling, accounting negatives in the refund column, and dates as
    2026/1/5 9:03, 2026年1月4日 19:00:00 and a text Excel serial."""
    lines = [
        "抖音电商罗盘 · 直播场次数据",
        "统计时间：２０２６-０１-０１ 至 ２０２６-０１-０６",
        "说明：金额单位为元；“—”“暂无”表示未统计",
        f"抖音号 ,直播标题,开播时间{IDEO},下播时间,成交金额(元),观看人数(人),商品点击率%,"
        f"人均观看时长（秒）,成交订单数{NBSP},退款金额（元）",
        "dy_xm,元旦专场,2026/1/1 9:03,2026/1/1 12:03,\"１２，３４５.６\",\"1,234\",12.5%,９０,８８,\"(1,234.00)\"",
        f"dy_xm,开年福利,2026年1月2日 19:00:00,2026年1月2日 22:30:00,\"{NBSP}8,000.50{NBSP}\",N/A,—,暂无,20,1234.50-",
        "dy_xm,周末场,46025.8125,46025.9375,——,/,NaN,１分３０秒,--,\"¥(12.00)\"",
        "dy_xm,返场 ,2026-01-05T20:00:00 ,2026-01-05 23:00:00,3000 ,500 ,８％,６０ ,30 ,0",
        "dy_xm,坏行,2026/1/6 20:00,2026/1/6 21:00,-500,100,1%,60,3,0",
        "合计,,,,\"２３，３４６.１\",1734,,,141,",
    ]
    (OUT / "quirk_sessions_messy.csv").write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))


def minutes_no_year_csv() -> None:
    """Minute rows whose time has no year (01-05 09:03); the title names the date range. The range
    crosses New Year, so 12-31 belongs to 2025 and 01-01 to 2026."""
    rows = ["直播分钟数据（统计时间：2025-12-31 至 2026-01-01）",
            "时间,实时在线人数,成交金额（元）,累计观看人数(人)",
            "12-31 23:58,800,\"1,000.00\",1000",
            "12-31 23:59,820,\"1,100.00\",1100",
            "01-01 00:00,850,\"1,250.50\",1200",
            "1月1日 00:01,870,１３００,1300",
            "01-01 00:02,N/A,1400,1400"]
    (OUT / "quirk_minutes_no_year.csv").write_text("\n".join(rows) + "\n", encoding="gb18030")


def minutes_no_year_untitled_csv() -> None:
    """The same without any date in the title or file name: the year cannot be known."""
    rows = ["时间,实时在线人数,成交金额", "01-05 20:00,800,100", "01-05 20:01,810,200"]
    (OUT / "quirk_minutes_untitled.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def summary_first_xlsx() -> None:
    """A workbook opening with a summary sheet (totals, no time column); the minute data is on the
    second sheet under title rows, with numbers stored as text, times as text Excel serials and
    as 2026/1/5 9:03 text, a hidden helper column that duplicates 成交金额 (in fen), and NBSP
    padding in headers and values."""
    import openpyxl

    wb = openpyxl.Workbook()
    summary = wb.active
    summary.title = "数据概览"
    summary.append(["直播数据概览"])
    summary.append(["成交金额(元)", "累计观看人数", "成交订单数"])
    summary.append([12345.6, 5000, 120])
    data = wb.create_sheet("分钟明细")
    data.append(["快手生意通 · 分钟明细  2026-01-05"])
    data.append([None])
    data.append(["时间", f"成交金额{NBSP}", "成交金额(元)", "实时在线人数", "累计观看人数 ", "商品点击率"])
    data.column_dimensions["B"].hidden = True  # the helper column: 成交金额 in fen
    serial = 46027.0  # 2026-01-05 00:00 in the 1900 date system
    for i in range(5):
        minute = 20 * 60 + i  # 20:00 + i
        t = f"{serial + minute / 1440:.6f}" if i % 2 == 0 else f"2026/1/5 20:0{i}"
        data.append([t, str(100000 * (i + 1)), f"{NBSP}{1000 * (i + 1):,}.00{NBSP}", str(800 + i),
                     f"{1000 + 10 * i}", f"{5 + i}%"])
    wb.save(OUT / "quirk_summary_first.xlsx")


RATE_HEADER = ["直播标题", "开播时间", "成交金额", "商品点击率", "退款率", "成交转化率"]


def rates_mixed_csv() -> None:
    """Rate columns decided per column: 商品点击率 writes "12.3%" but also bare 0.5 and 0 (percent
    points, like the rest of its column); 退款率 is bare and never above 1 (fractions); 成交转化率
    is bare and goes above 1 (percent points)."""
    rows = [",".join(RATE_HEADER),
            "早场,2026-01-03 09:00,1000,12.3%,0.02,1.5",
            "午场,2026-01-03 13:00,2000,0.5,0.5,0.8",
            "晚场,2026-01-03 20:00,3000,0,0.1,2",
            "夜场,2026-01-03 23:00,4000,5.1%,--,3"]
    (OUT / "quirk_rates_mixed.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def rates_mixed_xlsx() -> None:
    """The same in a workbook, where a cell is text, a plain number or a %-formatted number:
    商品点击率 has text "12.3%" with plain number cells 0.5 and 0 (percent points); 成交转化率 has
    %-formatted numbers (the rate itself) and one bare text 0.5 (percent points); 退款率(%) says %
    in its header over bare numbers; 曝光进入率 mixes 3 %-formatted number cells with 1 plain one."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "场次"
    ws.append(["直播标题", "开播时间", "成交金额", "商品点击率", "成交转化率", "退款率(%)", "曝光进入率"])
    data = [("早场", "2026-01-03 09:00", 1000, "12.3%", 0.123, 1.5, 0.2),
            ("午场", "2026-01-03 13:00", 2000, 0.5, 0.05, 0.2, 0.3),
            ("晚场", "2026-01-03 20:00", 3000, 0, "0.5", 2, 0.25),
            ("夜场", "2026-01-03 23:00", 4000, "5.1%", 0.5, "--", 0.4)]
    for r, row in enumerate(data, start=2):
        ws.append(list(row))
        for col in ("E", "G"):
            if type(ws[f"{col}{r}"].value) is float and not (col == "G" and r == 5):
                ws[f"{col}{r}"].number_format = "0.0%"
    wb.save(OUT / "quirk_rates_mixed.xlsx")


def hidden_parts_xlsx() -> None:
    """Hidden helper sheets before the data: "辅助" (hidden) even has a header this app recognises,
    "_lookup" is veryHidden; the visible "场次明细" has an autofilter that hides rows 4 and 6 (data,
    imported all the same). A second workbook has its only data on a hidden sheet."""
    import openpyxl

    wb = openpyxl.Workbook()
    helper = wb.active
    helper.title = "辅助"
    helper.sheet_state = "hidden"
    helper.append(["直播标题", "开播时间", "成交金额"])
    helper.append(["模板", "2025-01-01 00:00", 1])
    lookup = wb.create_sheet("_lookup")
    lookup.sheet_state = "veryHidden"
    lookup.append(["代码", "名称"])
    lookup.append(["dy", "抖音"])
    data = wb.create_sheet("场次明细")
    data.append(["直播标题", "开播时间", "下播时间", "成交金额", "成交订单数"])
    for i, (title, day) in enumerate((("一场", 3), ("二场", 4), ("三场", 5), ("四场", 6), ("五场", 7)), start=1):
        data.append([title, f"2026-01-0{day} 20:00", f"2026-01-0{day} 23:00", 1000 * i, 10 * i])
    data.auto_filter.ref = "A1:E6"
    for row in (4, 6):
        data.row_dimensions[row].hidden = True
    wb.active = 2
    wb.save(OUT / "quirk_hidden_parts.xlsx")

    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "说明"
    cover.append(["本文件由系统导出，数据见隐藏页"])
    only = wb.create_sheet("数据")
    only.sheet_state = "hidden"
    only.append(["直播标题", "开播时间", "下播时间", "成交金额"])
    only.append(["隐藏场", "2026-01-03 20:00", "2026-01-03 22:00", 500])
    wb.save(OUT / "quirk_hidden_only_data.xlsx")


def click_rate_csvs() -> None:
    """A bare 点击率: in a live room's minute file (the product click rate) and in an ad report with
    spend and impressions (the ad's CTR, which has no glossary key)."""
    minutes = ["时间,实时在线人数,点击率,成交金额",
               "2026-01-05 20:00:00,800,5.2%,100",
               "2026-01-05 20:01:00,820,6.1%,200",
               "2026-01-05 20:02:00,830,5.8%,300"]
    (OUT / "quirk_click_rate_minutes.csv").write_text("\n".join(minutes) + "\n", encoding="utf-8")
    ads = ["计划名称,开播时间,消耗,展示次数,点击次数,点击率,成交金额",
           "新品测款,2026-01-03 20:00,500.00,120000,3840,3.2%,1250.00",
           "日常投放,2026-01-04 20:00,800.00,150000,4200,2.8%,2400.00"]
    (OUT / "quirk_click_rate_ads.csv").write_text("\n".join(ads) + "\n", encoding="utf-8")


def other_formats() -> None:
    """Spreadsheets in formats this app does not read, each as its real container."""
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    (OUT / "quirk_old_excel.xls").write_bytes(ole)
    (OUT / "quirk_wps.et").write_bytes(ole)
    for name, members in (
        ("quirk_apple.numbers", {"Index/Document.iwa": b"\x00" * 64, "Metadata/Properties.plist": b"<plist/>"}),
        ("quirk_binary.xlsb", {"[Content_Types].xml": b"<Types/>", "xl/workbook.bin": b"\x83\x01\x00"}),
        ("quirk_open.ods", {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                            "content.xml": b"<office:document-content/>"}),
    ):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            for member, data in members.items():
                zf.writestr(member, data)
        (OUT / name).write_bytes(buf.getvalue())


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    sessions_messy_csv()
    minutes_no_year_csv()
    minutes_no_year_untitled_csv()
    summary_first_xlsx()
    rates_mixed_csv()
    rates_mixed_xlsx()
    hidden_parts_xlsx()
    click_rate_csvs()
    other_formats()


if __name__ == "__main__":
    main()
