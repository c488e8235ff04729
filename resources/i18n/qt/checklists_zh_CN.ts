<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AdhocDialog</name>
    <message>
        <source>Add an item to this session</source>
        <translation>为本场次添加检查项</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必做</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>once</source>
        <translation>一次</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Due when the broadcast ends.</source>
        <translation>下播时到期。</translation>
    </message>
    <message>
        <source>Due (%1)</source>
        <translation>到期（%1）</translation>
    </message>
    <message>
        <source>Repeat every</source>
        <translation>每隔</translation>
    </message>
</context>
<context>
    <name>ChecklistArea</name>
    <message>
        <source>No session selected.</source>
        <translation>未选择场次。</translation>
    </message>
    <message>
        <source>This phase: %1 on time · %2 late · %3 skipped · %4 missed · %5 open · %6 overdue</source>
        <translation>本阶段：按时 %1 · 迟到 %2 · 跳过 %3 · 错过 %4 · 未完成 %5 · 逾期 %6</translation>
    </message>
    <message>
        <source>Session compliance: %1</source>
        <translation>场次合规率：%1</translation>
    </message>
    <message>
        <source>(no pre items: started now or imported)</source>
        <translation>（无开播前检查项：直接开播或导入的场次）</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>已逾期 %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1 后</translation>
    </message>
    <message>
        <source>[ad hoc] </source>
        <translation>［临时］</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
    <message>
        <source>(by the app)</source>
        <translation>（由程序自动勾选）</translation>
    </message>
    <message>
        <source>Tick…</source>
        <translation>勾选…</translation>
    </message>
    <message>
        <source>Skip…</source>
        <translation>跳过…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>添加检查项…</translation>
    </message>
    <message>
        <source>Show done</source>
        <translation>显示已完成</translation>
    </message>
</context>
<context>
    <name>ChecklistsInstall</name>
    <message>
        <source>Pre checklist</source>
        <translation>开播前清单</translation>
    </message>
    <message>
        <source>Live checklist</source>
        <translation>直播中清单</translation>
    </message>
    <message>
        <source>Post checklist</source>
        <translation>下播后清单</translation>
    </message>
    <message>
        <source>Checklist templates</source>
        <translation>检查清单模板</translation>
    </message>
</context>
<context>
    <name>FileEditor</name>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>No file</source>
        <translation>无文件</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Checklist item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必做</translation>
    </message>
    <message>
        <source>Client-visible</source>
        <translation>客户可见</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <source>Remove field</source>
        <translation>删除字段</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Text (Chinese)</source>
        <translation>内容（中文）</translation>
    </message>
    <message>
        <source>Text (English)</source>
        <translation>内容（英文）</translation>
    </message>
    <message>
        <source>Due / trigger</source>
        <translation>到期 / 触发</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Offsets: pre items minutes before the planned start (−1440 = a day before), post items minutes after the actual end. Field types: int, number, money, text, bool, enum (choices separated by |), file.</source>
        <translation>偏移：开播前检查项为计划开播前的分钟数（−1440 = 提前一天），下播后检查项为实际下播后的分钟数。字段类型：int、number、money、text、bool、enum（选项用 | 分隔）、file。</translation>
    </message>
    <message>
        <source>Values recorded when ticking</source>
        <translation>勾选时记录的数值</translation>
    </message>
    <message>
        <source>subtype</source>
        <translation>子类型</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>偏移</translation>
    </message>
    <message>
        <source>Every N minutes while live</source>
        <translation>直播中每 N 分钟</translation>
    </message>
    <message>
        <source>On an event</source>
        <translation>发生事件时</translation>
    </message>
</context>
<context>
    <name>NextDueWidget</name>
    <message>
        <source>now, %1 left</source>
        <translation>现在，还剩 %1</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>已逾期 %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1 后</translation>
    </message>
    <message>
        <source>Next checklist items</source>
        <translation>接下来的检查项</translation>
    </message>
    <message>
        <source>Nothing due.</source>
        <translation>暂无到期项。</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Checklist items due</source>
        <translation>检查项到期</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>打开场次</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderCenter</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Checklist items due</source>
        <translation>检查项到期</translation>
    </message>
</context>
<context>
    <name>SkipDialog</name>
    <message>
        <source>Skip checklist item</source>
        <translation>跳过检查项</translation>
    </message>
</context>
<context>
    <name>TemplateEditorPage</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Due / trigger</source>
        <translation>到期 / 触发</translation>
    </message>
    <message>
        <source>Req.</source>
        <translation>必做</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Discard the unsaved changes to this template?</source>
        <translation>放弃对此模板的未保存修改吗？</translation>
    </message>
    <message>
        <source>%1 items in use, %2 retired</source>
        <translation>使用中 %1 项，已停用 %2 项</translation>
    </message>
    <message>
        <source>unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>Export template</source>
        <translation>导出模板</translation>
    </message>
    <message>
        <source>Checklist template (*.json)</source>
        <translation>检查清单模板 (*.json)</translation>
    </message>
    <message>
        <source>Import template</source>
        <translation>导入模板</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>添加检查项…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Retire / restore</source>
        <translation>停用 / 恢复</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>另存为新版本</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <source>Import JSON…</source>
        <translation>导入 JSON…</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
</context>
<context>
    <name>TickDialog</name>
    <message>
        <source>Tick checklist item</source>
        <translation>勾选检查项</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>area</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>已记录</translation>
    </message>
</context>
</TS>
