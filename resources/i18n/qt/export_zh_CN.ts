<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Export</name>
    <message>
        <source>Export these sessions…</source>
        <translation>导出这些场次…</translation>
    </message>
    <message>
        <source>Multi-session report of the sessions listed, with the filters set above</source>
        <translation>按上方筛选条件导出所列场次的多场次报告</translation>
    </message>
    <message>
        <source>Open a session first.</source>
        <translation>请先打开一个场次。</translation>
    </message>
    <message>
        <source>Review not signed off</source>
        <translation>复盘未审核</translation>
    </message>
    <message>
        <source>A lead has not signed off this session&apos;s review. Export the client file anyway? It will be marked 未审核 (draft).</source>
        <translation>本场复盘尚未经组长审核。仍要导出客户版文件吗？文件将标记为“未审核 (draft)”。</translation>
    </message>
    <message>
        <source>Save results card</source>
        <translation>保存战报图片</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Results card</source>
        <translation>战报图片</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>The file is marked 未审核 (draft).</source>
        <translation>文件已标记为“未审核 (draft)”。</translation>
    </message>
    <message>
        <source>Saved {path} and copied the picture to the clipboard.</source>
        <translation>已保存 {path}，图片已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Results card (PNG)…</source>
        <translation>战报图片（PNG）…</translation>
    </message>
    <message>
        <source>Multi-session report…</source>
        <translation>多场次报告…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>ExportArea</name>
    <message>
        <source>Logo and header…</source>
        <translation>标志与页眉…</translation>
    </message>
    <message>
        <source>The logo (PNG) and header text printed on every exported file</source>
        <translation>每个导出文件上印的标志（PNG）和页眉文字</translation>
    </message>
    <message>
        <source>Logo for exported files</source>
        <translation>导出文件的标志</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Keep the current logo?</source>
        <translation>保留当前标志吗？</translation>
    </message>
    <message>
        <source>Header text</source>
        <translation>页眉文字</translation>
    </message>
    <message>
        <source>Text at the top left of every printed page:</source>
        <translation>每个打印页左上角的文字：</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Results card (PNG)…</source>
        <translation>战报图片（PNG）…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n time(s); last at %1</source>
        <translation>
            <numerusform>已导出 %n 次；最近一次 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Not exported yet.</source>
        <translation>尚未导出。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export session to Excel</source>
        <translation>导出场次报告</translation>
    </message>
    <message>
        <source>Client version</source>
        <translation>客户版</translation>
    </message>
    <message>
        <source>Internal version (with internal events and notes)</source>
        <translation>内部版（含内部事件与备注）</translation>
    </message>
    <message>
        <source>Include session-wide totals (lead&apos;s decision)</source>
        <translation>包含全场汇总（组长决定）</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Header language</source>
        <translation>表头语言</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>时间间隔</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>The review is not signed off by a lead: the file will be marked 未审核 (draft).</source>
        <translation>复盘尚未经组长审核：文件将标记为“未审核 (draft)”。</translation>
    </message>
</context>
<context>
    <name>MultiExportDialog</name>
    <message>
        <source>Sessions as filtered in the history view.</source>
        <translation>场次按历史页的筛选条件选取。</translation>
    </message>
    <message>
        <source>Also filtered by: {filters}</source>
        <translation>另按以下条件筛选：{filters}</translation>
    </message>
    <message>
        <source>Multi-session report</source>
        <translation>多场次报告</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Anchor</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Specialist</source>
        <translation>运营</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Header language</source>
        <translation>表头语言</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Internal (for leads)</source>
        <translation>内部版（给组长）</translation>
    </message>
    <message>
        <source>Client (needs a client)</source>
        <translation>客户版（需选择客户）</translation>
    </message>
    <message>
        <source>Also write one CSV file per table</source>
        <translation>同时为每个表格写出 CSV 文件</translation>
    </message>
</context>
<context>
    <name>ReportFormDialog</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Save report as</source>
        <translation>报告另存为</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
</TS>
