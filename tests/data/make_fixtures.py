"""Write the messy platform-export fixtures under tests/data/ingest/ (outputs are committed).

Run: .venv/bin/python tests/data/make_fixtures.py
Each file reproduces quirks real exports have; the tests say which one they check.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "ingest"


def write_text(name: str, text: str, encoding: str) -> None:
    (OUT / name).write_bytes(text.encode(encoding))


def douyin_sessions_bom() -> None:
    """UTF-8 with BOM, title + date-range rows, 万, ¥ and thousands separators, %, 1小时2分, "-", total,
    blank and repeated header rows, a buyer-nickname column (personal data)."""
    header = "抖音号,直播标题,开播时间,下播时间,直播时长,成交金额(元),成交订单数,累计观看人数,最高在线人数,人均观看时长,商品点击率,买家昵称"
    rows = [
        "抖音电商罗盘 · 直播列表",
        "统计时间：2026-11-20 至 2026-11-25",
        "",
        header,
        'dy_xm,双十一返场,2026-11-20 20:00:00,2026-11-20 23:00:00,3小时,"¥12,345.60",120,1.2万,860,1分30秒,12.3%,张三',
        "dy_xm,周末福利场,2026/11/21 20:05,2026/11/21 22:00,1小时55分,￥8000,80,9800,-,85,8.1%,李四",
        "",
        header,
        'dy_xm,新品首发,2026年11月22日 20:00,2026年11月22日 22:30,02:30:00,1.5万元,150,"23,456",--,2分,10.0%,王五',
        'dy_xm,,bad-date,,,100,1,1,1,1,1%,赵六',
        '合计,,,,,"¥35,345.60",350,,,,,',
    ]
    write_text("douyin_sessions_utf8bom.csv", "\r\n".join(rows) + "\r\n", "utf-8-sig")


def kuaishou_sessions_gbk() -> None:
    """GBK, semicolon-delimited, Chinese dates, w suffix, 元 suffix, "--", an account column naming a new anchor."""
    rows = [
        "快手号;直播开始时间;直播结束时间;支付金额;支付订单数;观看人数;涨粉数;花费",
        "ks_dalong;2026年11月20日 19:30;2026年11月20日 21:30;3.2w;210;5.6w;320;1200元",
        "ks_dalong;2026年11月21日 19:30;2026年11月21日 22:00;2,100元;30;--;15;--",
    ]
    write_text("kuaishou_sessions_gbk.csv", "\r\n".join(rows) + "\r\n", "gbk")


def tiktok_utf16() -> None:
    """Excel "Unicode text": UTF-16 LE with BOM, tab-separated; Rp with dot thousands, bare percents,
    1h 2m 3s durations, US dates with AM/PM, k suffix."""
    rows = [
        "Creator\tLIVE name\tLaunched time\tDuration\tGross revenue\tSKU orders\tViewers\tCTR\tNew followers",
        "toko_ayu\tFlash sale\t11/20/2026 8:00 PM\t1h 2m 3s\tRp1.234.567\t45\t3.4k\t12.5\t88",
        "toko_ayu\tWeekend live\t11/21/2026 7:30 PM\t45m\tRp987.000\t30\t2.1k\t9.75\t40",
        "toko_ayu\tLate live\t11/22/2026 10:15 PM\t2h\tRp12.500.000\t120\t10k\t15\t150",
    ]
    (OUT / "tiktok_live_unicode.txt").write_bytes(b"\xff\xfe" + ("\r\n".join(rows) + "\r\n").encode("utf-16-le"))


def minutes_csv() -> None:
    """A scraper's minute file: time-only cells, the date in a title line, comma decimals, tab delimiter."""
    rows = ["直播间实时数据 2026-11-26", "时间\t实时在线人数\t成交金额\t累计观看人数\t新增粉丝"]
    gmv = 0.0
    for i in range(10):
        gmv += 123.45 * (i + 1)
        amount = f"{gmv:,.2f}".replace(",", " ").replace(".", ",")
        rows.append(f"20:{i:02d}\t{800 + i * 10}\t{amount}\t{1000 + i * 150}\t{i * 3}")
    write_text("minutes_tab_comma_decimal.csv", "\n".join(rows) + "\n", "utf-8")


def qianchuan_ads() -> None:
    """An ad-spend report: one row per broadcast, k suffix, ROI as bare number, plain header."""
    rows = [
        "抖音号,开播时间,消耗,展示次数,整体支付ROI,支付ROI,成交金额",
        "dy_xm,2026-11-20 20:10,2.5k,120000,4.94,3.2,8000",
        "dy_xm,2026-11-21 20:00,1800,98000,4.1,2.9,5220",
    ]
    write_text("qianchuan_ads.csv", "\n".join(rows) + "\n", "utf-8")


def products_csv() -> None:
    rows = [
        "商品ID,商品名称,商品曝光人数,商品点击人数,成交订单数,成交金额,收货人手机号",
        "sku-1,玻尿酸面膜,12000,1500,300,\"8,970.00\",138****0000",
        "sku-2,防晒霜,8000,900,120,\"11,880.00\",139****1111",
        "合计,,20000,2400,420,\"20,850.00\",",
    ]
    write_text("douyin_products.csv", "\n".join(rows) + "\n", "utf-8")


def binary_and_junk() -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    (OUT / "binary_renamed.csv").write_bytes(png)
    write_text("no_header.csv", "hello world\nthis is not a platform export\n1,2,3\n4,5,6\n", "utf-8")
    write_text("header_only.csv", "时间,成交金额,观看人数\n,,\n", "utf-8")


def compass_minutes_xlsx() -> Path:
    """Title and date-range rows above a two-level merged header, Excel date cells with float noise,
    %-formatted cells, time-formatted durations, a repeated header row, blank and total rows."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "分钟趋势"
    ws.append(["抖音电商罗盘 实时大屏 分钟趋势"])
    ws.append(["统计时间：2026-11-26 20:00 ~ 2026-11-26 20:09"])
    ws.append(["时间", "流量", None, "交易", None, "互动"])
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:C3")
    ws.merge_cells("D3:E3")
    ws.append([None, "实时在线人数", "进入直播间人数", "成交金额", "商品点击率", "人均观看时长"])
    start = datetime(2026, 11, 26, 20, 0)
    serial0 = (start - datetime(1899, 12, 30)).total_seconds() / 86400
    for i in range(10):
        if i == 5:
            ws.append([None, "实时在线人数", "进入直播间人数", "成交金额", "商品点击率", "人均观看时长"])
            ws.append([])
        # A serial a hair below the minute (float noise): truncation would give 20:0x:59.
        serial = serial0 + i / 1440 - 0.4 / 86400
        ws.append([serial, 800 + i * 5, 100 + i * 40, 1000 * (i + 1) + 0.5, 0.05 + i / 1000, time(0, 1, 30 + i)])
        r = ws.max_row
        ws.cell(r, 1).number_format = "yyyy-mm-dd hh:mm:ss"
        ws.cell(r, 5).number_format = "0.00%"
        ws.cell(r, 6).number_format = "h:mm:ss"
    ws.append(["合计", None, 2200, 55005, None, None])
    path = OUT / "compass_minutes.xlsx"
    wb.save(path)
    return path


def truncated_xlsx(source: Path) -> None:
    data = source.read_bytes()
    (OUT / "truncated.xlsx").write_bytes(data[: len(data) // 2])


def zip_bomb_xlsx(source: Path) -> None:
    """A valid workbook whose sheet XML unpacks to ~64 MiB of identical rows (ratio ≫ any real export)."""
    with zipfile.ZipFile(source) as src:
        members = {i.filename: src.read(i.filename) for i in src.infolist()}
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    body = io.BytesIO()
    body.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
               b'spreadsheetml/2006/main"><sheetData>')
    body.write(row * (64 * 1024 * 1024 // len(row)))
    body.write(b"</sheetData></worksheet>")
    members["xl/worksheets/sheet1.xml"] = body.getvalue()
    with zipfile.ZipFile(OUT / "zip_bomb.xlsx", "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for name, data in members.items():
            dst.writestr(name, data)


# -- layouts of real platform exports (synthetic values; headers, title rows, units and date forms
# follow what each console writes) ------------------------------------------------------------
def tiktok_live_list() -> None:
    """TikTok Shop LIVE list (English): title + date-range rows, US dates with AM/PM, $ and K, "1h 5min"
    durations, %-text rates, columns no preset names (CTOR, Est. commission) left unmapped."""
    header = ("Creator name,Creator ID,LIVE name,Launched time,Duration,GMV ($),Items sold,SKU orders,Views,"
              "Viewers,Peak viewers,Avg. watch duration,Product impressions,Product clicks,Product CTR,CTOR,"
              "Watch GPM,New followers,Est. commission")
    rows = [
        "LIVE list",
        "Date range: 11/01/2026 - 11/25/2026",
        header,
        'Mia Home,mia.home,Black Friday warm-up,11/20/2026 8:00 PM,2h 30min,"$12,345.60",1.2K,980,"45,678",'
        '"23,456","1,204",1min 25s,"88,000","6,160",7.0%,15.91%,$270.27,812,$987.65',
        'Mia Home,mia.home,Cyber deals,11/22/2026 7:30 PM,1h 5min,"$3,210.00",300,280,"12,000","8,100",'
        '--,58s,"20,000","1,500",7.5%,18.7%,$267.50,240,$256.80',
        "Total,,,,,\"$15,555.60\",1.5K,1260,,,,,,,,,,,",
    ]
    write_text("tiktok_live_list.csv", "\n".join(rows) + "\n", "utf-8")


def taobao_console_sessions() -> None:
    """淘宝直播中控台 场次数据: GB18030, title with a date range, 时长 in minutes, 秒, "--", 1,234.5."""
    header = ("淘宝直播账号,直播标题,开播时间,直播时长(分钟),观看次数,场观,最高在线人数,新增粉丝数,"
              "引导成交金额(元),引导成交笔数,引导成交人数,商品点击次数,人均观看时长(秒),成交金额环比")
    rows = [
        "淘宝直播中控台-直播数据 2026-11-01~2026-11-25",
        header,
        "tb_xiaomei,宠粉福利夜,2026/11/22 19:00:00,120,\"56,789\",\"21,000\",\"1,888\",530,\"98,765.40\",870,"
        "760,\"12,340\",95,12.5%",
        "tb_xiaomei,上新专场,2026/11/24 19:30:00,95,\"31,000\",\"14,200\",--,310,\"45,000.00\",400,380,\"8,800\","
        "80,-3.2%",
    ]
    write_text("taobao_console_sessions_gb18030.csv", "\r\n".join(rows) + "\r\n", "gb18030")


def generic_similar_headers() -> None:
    """Headers no preset spells exactly (renamed between console versions, flattened group headers)
    next to derived columns that must NOT be read as the metric (环比, 人均)."""
    header = ("主播昵称,场次开始时间,本场直播支付成交金额(元),直播间累计看播人数,新增粉丝人数,展现数据-总花费,"
              "订单数(笔),最高在线人数(人),成交金额环比,人均成交金额")
    rows = [
        header,
        "小美,2026-11-21 20:00,\"66,000.00\",\"30,100\",420,\"5,000.00\",610,\"1,350\",8%,2.19",
        "小美,2026-11-23 20:00,\"71,500.50\",\"33,000\",455,\"5,500.00\",655,\"1,420\",8.3%,2.17",
    ]
    write_text("generic_similar_headers.csv", "\n".join(rows) + "\n", "utf-8")


def kuaishou_minutes_xlsx() -> None:
    """快手生意通 分钟级: title rows naming the broadcast start, Excel time-only cells (the date comes
    from the title), 直播间-prefixed headers, a blank and a 合计 row."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "直播间分钟数据"
    ws.append(["快手生意通 · 直播间实时数据（分钟级）"])
    ws.append(["直播开始时间：2026-11-24 19:30:05", None, "快手号：ks_xiaomei"])
    ws.append(["时间", "直播间实时在线人数", "进入直播间人数", "离开直播间人数", "支付金额(元)", "支付订单数",
               "新增粉丝数"])
    for i in range(6):
        ws.append([time(19, 31 + i), 500 + 20 * i, 60 + i, 40 + i, 1000.5 * (i + 1), 10 + i, 3 + i])
    ws.append([None] * 7)
    ws.append(["合计", None, 381, 255, 21010.5, 75, 33])
    wb.save(OUT / "kuaishou_minutes.xlsx")


def buyin_sessions_xlsx() -> None:
    """巨量百应 直播数据: a merged group row over a two-level header, Excel datetime cells, %-formatted
    rate cells, money as numbers, 1分25秒 text durations."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "直播数据"
    ws.append(["巨量百应-直播数据  统计时间：2026-11-20 ~ 2026-11-25"])
    ws.append(["基础信息", None, None, None, "流量", None, None, "交易", None, None, None])
    ws.merge_cells("A2:D2")
    ws.merge_cells("E2:G2")
    ws.merge_cells("H2:K2")
    ws.append(["达人昵称", "直播标题", "直播开始时间", "直播结束时间", "累计观看人数", "最高在线人数", "人均观看时长",
               "直播间成交金额", "成交订单数", "千次观看成交金额", "成交转化率"])
    ws.append(["小美", "年货节预热", datetime(2026, 11, 20, 20, 0, 0), datetime(2026, 11, 20, 23, 0, 0), 12000, 860,
               "1分25秒", 123456.7, 1200, 10288.06, 0.045])
    ws.append(["小美", "返场", datetime(2026, 11, 23, 19, 59, 59, 600000), datetime(2026, 11, 23, 22, 0, 0), 8000,
               640, "58秒", 45000.0, 500, 5625.0, 0.0321])
    for r in (4, 5):
        ws.cell(r, 11).number_format = "0.00%"
        ws.cell(r, 8).number_format = "#,##0.00"
    wb.save(OUT / "buyin_sessions.xlsx")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    douyin_sessions_bom()
    kuaishou_sessions_gbk()
    tiktok_utf16()
    minutes_csv()
    qianchuan_ads()
    products_csv()
    binary_and_junk()
    xlsx = compass_minutes_xlsx()
    truncated_xlsx(xlsx)
    zip_bomb_xlsx(xlsx)
    platform_layouts()


def platform_layouts() -> None:
    tiktok_live_list()
    taobao_console_sessions()
    generic_similar_headers()
    kuaishou_minutes_xlsx()
    buyin_sessions_xlsx()


if __name__ == "__main__":
    main()
