<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FollowWidget</name>
    <message>
        <source>Read rows into this session as the file grows</source>
        <translation>文件增长时把新行读入本场</translation>
    </message>
    <message>
        <source>Select a session on air to follow a CSV into it.</source>
        <translation>请选择一个直播中的场次，再跟随 CSV。</translation>
    </message>
    <message>
        <source>Only a session on air can follow a growing CSV; this one is not on air.</source>
        <translation>只有直播中的场次可以跟随增长中的 CSV；本场不在直播中。</translation>
    </message>
    <message>
        <source>Follow a CSV…</source>
        <translation>跟随 CSV 文件…</translation>
    </message>
    <message>
        <source>Stop following</source>
        <translation>停止跟随</translation>
    </message>
    <message>
        <source>Not following a file</source>
        <translation>未跟随任何文件</translation>
    </message>
    <message>
        <source>Following</source>
        <translation>跟随中</translation>
    </message>
    <message>
        <source>Waiting for the file</source>
        <translation>等待文件</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>出错</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Follow a CSV</source>
        <translation>跟随 CSV 文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import platform data</source>
        <translation>导入平台数据</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>From the file&apos;s account column</source>
        <translation>按文件中的账号列</translation>
    </message>
    <message>
        <source>Match by start time</source>
        <translation>按开播时间匹配</translation>
    </message>
    <message>
        <source>Strict: reject the whole file on any bad row</source>
        <translation>严格模式：有任何错误行则整个文件不导入</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Anchor</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Settled as of</source>
        <translation>结算日期</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>读法</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Save rejected rows as CSV…</source>
        <translation>将拒绝的行另存为 CSV…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Detected header and mapping</source>
        <translation>识别到的表头与映射</translation>
    </message>
    <message>
        <source>Preview of parsed values</source>
        <translation>解析结果预览</translation>
    </message>
    <message>
        <source>Platform export</source>
        <translation>平台导出文件</translation>
    </message>
    <message>
        <source>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.et *.numbers);;All files (*)</source>
        <translation>表格 (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.et *.numbers);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>minute time series</source>
        <translation>分钟时间序列</translation>
    </message>
    <message>
        <source>one row per broadcast</source>
        <translation>每场一行</translation>
    </message>
    <message>
        <source>per-product data</source>
        <translation>商品数据</translation>
    </message>
    <message>
        <source>{file}: {fmt}, header on row {row}, {kind}, preset {preset}</source>
        <translation>{file}：{fmt}，表头在第 {row} 行，{kind}，预设 {preset}</translation>
    </message>
    <message>
        <source>personal data: not imported</source>
        <translation>个人信息：不导入</translation>
    </message>
    <message>
        <source>(hidden in the file)</source>
        <translation>（文件中的隐藏列）</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>blank: skipped</source>
        <translation>空行：跳过</translation>
    </message>
    <message>
        <source>total: skipped</source>
        <translation>合计行：跳过</translation>
    </message>
    <message>
        <source>repeated header: skipped</source>
        <translation>重复表头：跳过</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>(row hidden in the sheet)</source>
        <translation>（工作表中隐藏的行）</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Checked, nothing written</source>
        <translation>已检查，未写入</translation>
    </message>
    <message>
        <source>Nothing new to import</source>
        <translation>没有新数据</translation>
    </message>
    <message>
        <source>{state}: {accepted} accepted, {rejected} rejected, {skipped} skipped</source>
        <translation>{state}：接受 {accepted} 行，拒绝 {rejected} 行，跳过 {skipped} 行</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>保存拒绝的行</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>Ingest</name>
    <message>
        <source>Import platform data…</source>
        <translation>导入平台数据…</translation>
    </message>
    <message>
        <source>Follow CSV</source>
        <translation>跟随 CSV</translation>
    </message>
</context>
</TS>
