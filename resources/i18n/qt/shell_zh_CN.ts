<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnchorDialog</name>
    <message>
        <source>Anchor</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Platform account ID</source>
        <translation>平台账号</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Specialist</source>
        <translation>运营专家</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Building demo workspace…</source>
        <translation>正在生成演示工作区…</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>LiveOps Desk</source>
        <translation>直播运营台</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation>全部场次</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>名册</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>场次(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>New workspace…</source>
        <translation>新建工作区…</translation>
    </message>
    <message>
        <source>Open workspace…</source>
        <translation>打开工作区…</translation>
    </message>
    <message>
        <source>New demo workspace…</source>
        <translation>新建演示工作区…</translation>
    </message>
    <message>
        <source>Switch person…</source>
        <translation>切换人员…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Plan a session…</source>
        <translation>计划场次…</translation>
    </message>
    <message>
        <source>Start now…</source>
        <translation>立即开播…</translation>
    </message>
    <message>
        <source>Check workspace integrity</source>
        <translation>检查工作区完整性</translation>
    </message>
    <message>
        <source>About LiveOps Desk</source>
        <translation>关于直播运营台</translation>
    </message>
    <message>
        <source>Working as: {name}</source>
        <translation>当前用户：{name}</translation>
    </message>
    <message>
        <source>No person</source>
        <translation>未选择人员</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <source>Workspaces (*.liveops)</source>
        <translation>工作区 (*.liveops)</translation>
    </message>
    <message>
        <source>New demo workspace</source>
        <translation>新建演示工作区</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>Workspaces (*.liveops);;All files (*)</source>
        <translation>工作区 (*.liveops);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking workspace…</source>
        <translation>正在检查工作区…</translation>
    </message>
    <message>
        <source>Integrity problems found</source>
        <translation>发现完整性问题</translation>
    </message>
    <message>
        <source>Workspace check</source>
        <translation>工作区检查</translation>
    </message>
    <message>
        <source>Workspace OK</source>
        <translation>工作区正常</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>Resume live session?</source>
        <translation>继续未结束的直播？</translation>
    </message>
    <message>
        <source>“{title}” was live when LiveOps Desk stopped. Every logged event is kept.
Resume it, or end it at the last logged time?</source>
        <translation>“{title}” 在程序退出时仍在直播，已记录的事件全部保留。
继续直播，还是按最后记录时间下播？</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续直播</translation>
    </message>
    <message>
        <source>End at last logged time</source>
        <translation>按最后记录时间下播</translation>
    </message>
    <message>
        <source>{name} {version}
Checklists, live session log, charts, reviews and Excel exports for livestream e-commerce operations.</source>
        <translation>{name} {version}
直播电商运营的检查清单、场次日志、实时图表、复盘与 Excel 导出。</translation>
    </message>
    <message>
        <source>LiveOps Desk</source>
        <translation>直播运营台</translation>
    </message>
</context>
<context>
    <name>OverviewArea</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>No targets set.</source>
        <translation>未设置目标。</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标项</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>Who is working?</source>
        <translation>谁在使用？</translation>
    </message>
    <message>
        <source>Choose yourself from the roster; your entries carry your name.</source>
        <translation>请从名册中选择你自己；你的每条记录都会署名。</translation>
    </message>
</context>
<context>
    <name>PlanSessionDialog</name>
    <message>
        <source>Start a session now</source>
        <translation>立即开播</translation>
    </message>
    <message>
        <source>Plan a session</source>
        <translation>计划场次</translation>
    </message>
    <message>
        <source>(choose an anchor)</source>
        <translation>（选择主播）</translation>
    </message>
    <message>
        <source>Anchor</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>计划开播</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>计划下播</translation>
    </message>
    <message>
        <source>Checklist template</source>
        <translation>检查清单模板</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Target GMV (major units, at least)</source>
        <translation>目标GMV（元，至少）</translation>
    </message>
    <message>
        <source>Target peak online (at least)</source>
        <translation>目标最高在线（至少）</translation>
    </message>
    <message>
        <source>Target orders (at least)</source>
        <translation>目标订单数（至少）</translation>
    </message>
    <message>
        <source>Refund rate (at most, 0 = none)</source>
        <translation>退款率上限（0 = 不设）</translation>
    </message>
    <message>
        <source>{date} {anchor} session</source>
        <translation>{date} {anchor} 专场</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>平台账号</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Specialist</source>
        <translation>运营专家</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Anchors</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
</context>
<context>
    <name>SessionColumns</name>
    <message>
        <source>Start</source>
        <translation>开播时间</translation>
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
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <source>Peak online</source>
        <translation>最高在线</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>清单完成率</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>审核</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Pre-broadcast</source>
        <translation>开播前</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>直播中</translation>
    </message>
    <message>
        <source>Post-broadcast</source>
        <translation>下播后</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Anchor / specialist</source>
        <translation>主播 / 运营</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <source>On air</source>
        <translation>实际开播</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Start preparing</source>
        <translation>开始准备</translation>
    </message>
    <message>
        <source>Go live</source>
        <translation>开播</translation>
    </message>
    <message>
        <source>End broadcast</source>
        <translation>下播</translation>
    </message>
    <message>
        <source>Close session</source>
        <translation>结束场次</translation>
    </message>
    <message>
        <source>Cancel session</source>
        <translation>取消场次</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Open a session by double-clicking it on the Today or All sessions page, or plan a new one with Session → Plan a session… (Ctrl+Shift+N).</source>
        <translation>在“今天”或“全部场次”页面双击一个场次即可打开；或通过“场次 → 计划场次…”（Ctrl+Shift+N）新建。</translation>
    </message>
    <message>
        <source>No session open</source>
        <translation>未打开场次</translation>
    </message>
    <message>
        <source>End the broadcast now?</source>
        <translation>现在下播吗？</translation>
    </message>
    <message>
        <source>Why is the session cancelled?</source>
        <translation>为什么取消这个场次？</translation>
    </message>
    <message>
        <source>Why reopen this closed session?</source>
        <translation>为什么重新打开已结束的场次？</translation>
    </message>
    <message>
        <source>Go live anyway?</source>
        <translation>仍要开播？</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation>全部场次</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>Nothing overdue.</source>
        <translation>没有逾期事项。</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……另有 {count} 项</translation>
    </message>
    <message>
        <source>Overdue ({count}):</source>
        <translation>逾期（{count} 项）：</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to LiveOps Desk</source>
        <translation>欢迎使用直播运营台</translation>
    </message>
    <message>
        <source>LiveOps Desk keeps each team&apos;s sessions in one workspace file.</source>
        <translation>直播运营台把团队的场次保存在一个工作区文件中。</translation>
    </message>
    <message>
        <source>Open the demo workspace</source>
        <translation>打开演示工作区</translation>
    </message>
    <message>
        <source>Create a new workspace…</source>
        <translation>新建工作区…</translation>
    </message>
    <message>
        <source>Open a workspace…</source>
        <translation>打开工作区…</translation>
    </message>
    <message>
        <source>Building the demo workspace…</source>
        <translation>正在生成演示工作区…</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <source>Workspaces (*.liveops)</source>
        <translation>工作区 (*.liveops)</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>LiveOps Desk hit an unexpected error. Your saved data is safe.
Details were written to:
{path}</source>
        <translation>直播运营台遇到意外错误，已保存的数据不受影响。
详细信息已写入：
{path}</translation>
    </message>
</context>
</TS>
