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
        <translation>不重复</translation>
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
        <translation>截止时间（%1）</translation>
    </message>
    <message>
        <source>Repeat every</source>
        <translation>重复间隔</translation>
    </message>
</context>
<context>
    <name>ChecklistArea</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责角色</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录内容</translation>
    </message>
    <message>
        <source>No session selected.</source>
        <translation>未选择场次。</translation>
    </message>
    <message>
        <source>This phase: %1 on time · %2 late · %3 skipped · %4 missed · %5 open · %6 overdue</source>
        <translation>本阶段：按时 %1 · 逾时完成 %2 · 已跳过 %3 · 已错过 %4 · 待办 %5 · 已逾期 %6</translation>
    </message>
    <message>
        <source>Session compliance: %1</source>
        <translation>本场清单完成率：%1</translation>
    </message>
    <message>
        <source>required items %1</source>
        <translation>必做项 %1</translation>
    </message>
    <message>
        <source>(no pre items: started now or imported)</source>
        <translation>（无开播前检查项：直接开播或导入的场次）</translation>
    </message>
    <message>
        <source>[ad hoc] </source>
        <translation>【临时】</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
    <message>
        <source>(by the app)</source>
        <translation>（系统自动勾选）</translation>
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
    <message>
        <source>Checklist compliance</source>
        <translation>清单完成率</translation>
    </message>
</context>
<context>
    <name>CompliancePage</name>
    <message>
        <source>%1 sessions · compliance %2 · required items %3</source>
        <translation>%1 个场次 · 完成率 %2 · 必做项完成率 %3</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>By owner role</source>
        <translation>按负责角色</translation>
    </message>
    <message>
        <source>By specialist (the session&apos;s specialist)</source>
        <translation>按运营专家（场次负责的运营专家）</translation>
    </message>
    <message>
        <source>Owner role</source>
        <translation>负责角色</translation>
    </message>
    <message>
        <source>Specialist</source>
        <translation>运营专家</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>检查次数</translation>
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
        <source>Field id</source>
        <translation>字段标识</translation>
    </message>
    <message>
        <source>Label (Chinese)</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Label (English)</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Metric key</source>
        <translation>指标键</translation>
    </message>
    <message>
        <source>Target of</source>
        <translation>设定目标</translation>
    </message>
    <message>
        <source>Per product</source>
        <translation>按商品</translation>
    </message>
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
        <translation>标识</translation>
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
        <translation>截止时间 / 触发方式</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责角色</translation>
    </message>
    <message>
        <source>Offsets: pre items minutes before the planned start (−1440 = a day before), post items minutes after the actual end. Field types: int, number, money, text, bool, enum (choices separated by |), file.</source>
        <translation>相对时间：开播前检查项填相对计划开播的分钟数（−1440 = 提前一天），下播后检查项填实际下播后的分钟数。字段类型：int 整数、number 数值、money 金额、text 文本、bool 是/否、enum 选项（用 | 分隔）、file 附件。</translation>
    </message>
    <message>
        <source>Values recorded when ticking</source>
        <translation>勾选时记录的内容</translation>
    </message>
    <message>
        <source>subtype</source>
        <translation>子类型</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>相对时间</translation>
    </message>
    <message>
        <source>Every N minutes while live</source>
        <translation>直播中每 N 分钟</translation>
    </message>
    <message>
        <source>On an event</source>
        <translation>事件触发</translation>
    </message>
</context>
<context>
    <name>NextDueWidget</name>
    <message>
        <source>Next checklist items</source>
        <translation>即将到期的检查项</translation>
    </message>
    <message>
        <source>Nothing due.</source>
        <translation>暂无到期项。</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Checklist items due · %1</source>
        <translation>检查项到期 · %1</translation>
    </message>
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
        <translation>知道了</translation>
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
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Checklist items due · %1</source>
        <translation>检查项到期 · %1</translation>
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
    <message>
        <source>Why this item does not apply (shown on the session timeline)</source>
        <translation>不适用的原因（会记入场次时间线）</translation>
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
        <translation>标识</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Due / trigger</source>
        <translation>截止 / 触发</translation>
    </message>
    <message>
        <source>Req.</source>
        <translation>必做</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责角色</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>记录字段</translation>
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
        <translation>保存为新版本</translation>
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
    <message>
        <source>Version history…</source>
        <translation>版本历史…</translation>
    </message>
</context>
<context>
    <name>TickDialog</name>
    <message>
        <source>Tick checklist item</source>
        <translation>勾选检查项</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>per product</source>
        <translation>按商品分别填写</translation>
    </message>
    <message>
        <source>whole session (no products yet)</source>
        <translation>整场一个值（本场尚无商品）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>TriggerText</name>
    <message>
        <source>%1d</source>
        <translation>%1天</translation>
    </message>
    <message>
        <source>%1h</source>
        <translation>%1小时</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
    <message>
        <source>every %1 min</source>
        <translation>每%1分钟</translation>
    </message>
</context>
<context>
    <name>VersionHistoryDialog</name>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>保存人</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>系统预置</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>检查项数</translation>
    </message>
    <message>
        <source>Changes from the version before</source>
        <translation>相对上一版本的改动</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>使用场次</translation>
    </message>
    <message>
        <source>Version history: %1</source>
        <translation>版本历史：%1</translation>
    </message>
    <message>
        <source>first version</source>
        <translation>首个版本</translation>
    </message>
    <message>
        <source>no item changes</source>
        <translation>检查项无改动</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>新增 %1 项</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>删除 %1 项</translation>
    </message>
    <message>
        <source>%1 edited</source>
        <translation>修改 %1 项</translation>
    </message>
    <message>
        <source>%1 retired</source>
        <translation>停用 %1 项</translation>
    </message>
    <message>
        <source>%1 restored</source>
        <translation>恢复 %1 项</translation>
    </message>
    <message>
        <source>order changed</source>
        <translation>顺序有调整</translation>
    </message>
    <message>
        <source>text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>due / trigger</source>
        <translation>截止时间 / 触发方式</translation>
    </message>
    <message>
        <source>required</source>
        <translation>是否必做</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>负责角色</translation>
    </message>
    <message>
        <source>client-visible</source>
        <translation>客户可见</translation>
    </message>
    <message>
        <source>value fields</source>
        <translation>记录字段</translation>
    </message>
    <message>
        <source>ticked by the app</source>
        <translation>自动勾选来源</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Sessions planned with this version</source>
        <translation>按此版本计划的场次</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>暂无。</translation>
    </message>
    <message>
        <source>Version history</source>
        <translation>版本历史</translation>
    </message>
    <message>
        <source>Each save makes a new version. A session keeps the items of the version it was planned with; editing a template never changes earlier sessions.</source>
        <translation>每次保存都会生成一个新版本。场次沿用计划时所用版本的检查项；修改模板不会改变已有场次。</translation>
    </message>
</context>
</TS>
