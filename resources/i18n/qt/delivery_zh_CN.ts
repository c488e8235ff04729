<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Backups are taken when a session closes, once a day, and before imports, merges and upgrades. Restoring writes a NEW workspace file; the open workspace is never overwritten.</source>
        <translation>每次结束场次、每天一次，以及导入、合并和升级之前都会自动备份。恢复会写入一个新的工作区文件，绝不会覆盖当前打开的工作区。</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>场次数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>&amp;Keep the newest</source>
        <translation>保留最新的(&amp;K)</translation>
    </message>
    <message>
        <source>backups</source>
        <translation>个备份</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Open backup &amp;folder</source>
        <translation>打开备份文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Restore to new file…</source>
        <translation>恢复为新文件(&amp;R)…</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Restore into a new workspace file</source>
        <translation>恢复为新的工作区文件</translation>
    </message>
    <message>
        <source>The backup was restored into {path}.</source>
        <translation>备份已恢复到 {path}。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
</context>
<context>
    <name>DeliveryActions</name>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Salvage readable data…</source>
        <translation>抢救可读数据…</translation>
    </message>
    <message>
        <source>Backup saved: {path}</source>
        <translation>已备份：{path}</translation>
    </message>
    <message>
        <source>Daily backup saved: {path}</source>
        <translation>每日备份已保存：{path}</translation>
    </message>
    <message>
        <source>Daily backup failed: {error}</source>
        <translation>每日备份失败：{error}</translation>
    </message>
    <message>
        <source>LiveOps Desk</source>
        <translation>直播运营台</translation>
    </message>
</context>
<context>
    <name>DeliveryDialogs</name>
    <message>
        <source>Backing up the workspace…</source>
        <translation>正在备份工作区…</translation>
    </message>
    <message>
        <source>LiveOps workspace (*{suffix})</source>
        <translation>直播运营台工作区 (*{suffix})</translation>
    </message>
    <message>
        <source>LiveOps Desk</source>
        <translation>直播运营台</translation>
    </message>
    <message>
        <source>Open it now?</source>
        <translation>现在打开吗？</translation>
    </message>
    <message>
        <source>Salvage into a new workspace file</source>
        <translation>抢救到新的工作区文件</translation>
    </message>
    <message>
        <source>{rows} rows were copied into {path}.</source>
        <translation>已将 {rows} 行数据复制到 {path}。</translation>
    </message>
    <message>
        <source>Tables with unreadable parts (some rows lost): {tables}</source>
        <translation>有无法读取部分的表（部分数据丢失）：{tables}</translation>
    </message>
    <message>
        <source>Salvaging readable data…</source>
        <translation>正在抢救可读数据…</translation>
    </message>
</context>
<context>
    <name>IntegrityDialog</name>
    <message>
        <source>Workspace problems found</source>
        <translation>工作区文件有问题</translation>
    </message>
    <message>
        <source>The integrity check found damage in {path}. Keep working only with care: stop, then either restore a backup ({count} available) or copy every readable row into a new workspace. Both write a new file; this one is left as it is.</source>
        <translation>完整性检查发现 {path} 已损坏。请先停止继续录入，然后从备份恢复（共 {count} 个备份），或把所有可读的数据抢救到一个新的工作区。两种方式都会写入新文件，当前文件保持原样。</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Salvage readable data…</source>
        <translation>抢救可读数据(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
</TS>
