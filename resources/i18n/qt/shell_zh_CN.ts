<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnchorDialog</name>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="131" />
        <source>Anchor</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="136" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="140" />
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="150" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="151" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="152" />
        <source>Platform account ID</source>
        <translation>平台账号</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="153" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="154" />
        <source>Specialist</source>
        <translation>运营专家</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="155" />
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../../desktop_app/app.py" line="76" />
        <source>Building demo workspace…</source>
        <translation>正在生成演示工作区…</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="116" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="118" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../../desktop_app/ui/errors.py" line="18" />
        <source>LiveOps Desk</source>
        <translation>直播运营台</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="57" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="58" />
        <source>All sessions</source>
        <translation>全部场次</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="59" />
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="60" />
        <source>Roster</source>
        <translation>名册</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="136" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="136" />
        <source>&amp;Session</source>
        <translation>场次(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="136" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="137" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="137" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="140" />
        <source>New workspace…</source>
        <translation>新建工作区…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="140" />
        <source>Open workspace…</source>
        <translation>打开工作区…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="141" />
        <source>New demo workspace…</source>
        <translation>新建演示工作区…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="141" />
        <source>Switch person…</source>
        <translation>切换人员…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="142" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="142" />
        <source>Plan a session…</source>
        <translation>计划场次…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="142" />
        <source>Start now…</source>
        <translation>立即开播…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="143" />
        <source>Check workspace integrity</source>
        <translation>检查工作区完整性</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="144" />
        <location filename="../../../desktop_app/ui/main_window.py" line="260" />
        <source>About LiveOps Desk</source>
        <translation>关于直播运营台</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="159" />
        <source>Working as: {name}</source>
        <translation>当前用户：{name}</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="159" />
        <source>No person</source>
        <translation>未选择人员</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="186" />
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="186" />
        <location filename="../../../desktop_app/ui/main_window.py" line="192" />
        <source>Workspaces (*.liveops)</source>
        <translation>工作区 (*.liveops)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="191" />
        <source>New demo workspace</source>
        <translation>新建演示工作区</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="197" />
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="198" />
        <source>Workspaces (*.liveops);;All files (*)</source>
        <translation>工作区 (*.liveops);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="212" />
        <location filename="../../../desktop_app/ui/main_window.py" line="237" />
        <source>Checking workspace…</source>
        <translation>正在检查工作区…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="223" />
        <location filename="../../../desktop_app/ui/main_window.py" line="233" />
        <source>Integrity problems found</source>
        <translation>发现完整性问题</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="224" />
        <location filename="../../../desktop_app/ui/main_window.py" line="230" />
        <source>Workspace check</source>
        <translation>工作区检查</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="225" />
        <source>The workspace file has problems:
{details}

Restore a backup or salvage the readable data.</source>
        <translation>工作区文件有问题：
{details}

请从备份恢复，或抢救可读数据。</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="228" />
        <source>Workspace OK</source>
        <translation>工作区正常</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="230" />
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="243" />
        <source>Resume live session?</source>
        <translation>继续未结束的直播？</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="244" />
        <source>“{title}” was live when LiveOps Desk stopped. Every logged event is kept.
Resume it, or end it at the last logged time?</source>
        <translation>“{title}” 在程序退出时仍在直播，已记录的事件全部保留。
继续直播，还是按最后记录时间下播？</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="247" />
        <source>Resume</source>
        <translation>继续直播</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="248" />
        <source>End at last logged time</source>
        <translation>按最后记录时间下播</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="261" />
        <source>{name} {version}
Checklists, live session log, charts, reviews and Excel exports for livestream e-commerce operations.</source>
        <translation>{name} {version}
直播电商运营的检查清单、场次日志、实时图表、复盘与 Excel 导出。</translation>
    </message>
</context>
<context>
    <name>OverviewArea</name>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="51" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="52" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="53" />
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="54" />
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="54" />
        <source>internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="93" />
        <source>No targets set.</source>
        <translation>未设置目标。</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="95" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="102" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="103" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="300" />
        <source>Who is working?</source>
        <translation>谁在使用？</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="309" />
        <source>Choose yourself from the roster; your entries carry your name.</source>
        <translation>请从名册中选择你自己；你的每条记录都会署名。</translation>
    </message>
</context>
<context>
    <name>PlanSessionDialog</name>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="191" />
        <source>Start a session now</source>
        <translation>立即开播</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="191" />
        <source>Plan a session</source>
        <translation>计划场次</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="194" />
        <source>(choose an anchor)</source>
        <translation>（选择主播）</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="232" />
        <source>Anchor</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="233" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="235" />
        <source>Planned start</source>
        <translation>计划开播</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="236" />
        <source>Planned end</source>
        <translation>计划下播</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="237" />
        <source>Checklist template</source>
        <translation>检查清单模板</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="238" />
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="239" />
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="240" />
        <source>Target GMV (major units, at least)</source>
        <translation>目标GMV（元，至少）</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="241" />
        <source>Target peak online (at least)</source>
        <translation>目标最高在线（至少）</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="242" />
        <source>Target orders (at least)</source>
        <translation>目标订单数（至少）</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="243" />
        <source>Refund rate (at most, 0 = none)</source>
        <translation>退款率上限（0 = 不设）</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="254" />
        <source>{date} {anchor} session</source>
        <translation>{date} {anchor} 专场</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="327" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="190" />
        <location filename="../../../desktop_app/ui/pages.py" line="197" />
        <location filename="../../../desktop_app/ui/pages.py" line="199" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="191" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="192" />
        <source>Account ID</source>
        <translation>平台账号</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="193" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="194" />
        <source>Specialist</source>
        <translation>运营专家</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="195" />
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="200" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="229" />
        <source>Anchors</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="229" />
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="229" />
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="231" />
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="232" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="233" />
        <source>Archive</source>
        <translation>归档</translation>
    </message>
</context>
<context>
    <name>SessionColumns</name>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="43" />
        <source>Start</source>
        <translation>开播时间</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="45" />
        <source>Anchor</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="46" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="47" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="48" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="49" />
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="51" />
        <source>Peak online</source>
        <translation>最高在线</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="52" />
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="53" />
        <source>Compliance</source>
        <translation>清单完成率</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="55" />
        <source>Sign-off</source>
        <translation>审核</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="149" />
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="153" />
        <location filename="../../../desktop_app/ui/session_page.py" line="210" />
        <source>Pre-broadcast</source>
        <translation>开播前</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="153" />
        <location filename="../../../desktop_app/ui/session_page.py" line="210" />
        <source>Live</source>
        <translation>直播中</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="154" />
        <location filename="../../../desktop_app/ui/session_page.py" line="211" />
        <source>Post-broadcast</source>
        <translation>下播后</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="178" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="178" />
        <source>Anchor / specialist</source>
        <translation>主播 / 运营</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="179" />
        <source>Planned</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="179" />
        <source>On air</source>
        <translation>实际开播</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="179" />
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="182" />
        <source>Start preparing</source>
        <translation>开始准备</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="182" />
        <source>Go live</source>
        <translation>开播</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="183" />
        <location filename="../../../desktop_app/ui/session_page.py" line="256" />
        <source>End broadcast</source>
        <translation>下播</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="183" />
        <source>Close session</source>
        <translation>结束场次</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="184" />
        <location filename="../../../desktop_app/ui/session_page.py" line="263" />
        <source>Cancel session</source>
        <translation>取消场次</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="184" />
        <location filename="../../../desktop_app/ui/session_page.py" line="267" />
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="220" />
        <source>No session selected</source>
        <translation>未选择场次</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="257" />
        <source>End the broadcast now?</source>
        <translation>现在下播吗？</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="263" />
        <source>Why is the session cancelled?</source>
        <translation>为什么取消这个场次？</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="267" />
        <source>Why reopen this closed session?</source>
        <translation>为什么重新打开已结束的场次？</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="281" />
        <source>Go live anyway?</source>
        <translation>仍要开播？</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="132" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="132" />
        <source>All sessions</source>
        <translation>全部场次</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="133" />
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="167" />
        <source>Nothing overdue.</source>
        <translation>没有逾期事项。</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="172" />
        <source>… and {count} more</source>
        <translation>……另有 {count} 项</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="173" />
        <source>Overdue ({count}):</source>
        <translation>逾期（{count} 项）：</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../../desktop_app/ui/tasks.py" line="70" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../../desktop_app/ui/welcome.py" line="16" />
        <source>Welcome to LiveOps Desk</source>
        <translation>欢迎使用直播运营台</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/welcome.py" line="18" />
        <source>LiveOps Desk keeps each team's sessions in one workspace file.</source>
        <translation>直播运营台把团队的场次保存在一个工作区文件中。</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/welcome.py" line="19" />
        <source>Open the demo workspace</source>
        <translation>打开演示工作区</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/welcome.py" line="20" />
        <source>Create a new workspace…</source>
        <translation>新建工作区…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/welcome.py" line="21" />
        <source>Open a workspace…</source>
        <translation>打开工作区…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/welcome.py" line="42" />
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/welcome.py" line="42" />
        <location filename="../../../desktop_app/ui/welcome.py" line="47" />
        <source>Workspaces (*.liveops)</source>
        <translation>工作区 (*.liveops)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/welcome.py" line="47" />
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../../desktop_app/app.py" line="141" />
        <source>LiveOps Desk hit an unexpected error. Your saved data is safe.
Details were written to:
{path}</source>
        <translation>直播运营台遇到意外错误，已保存的数据不受影响。
详细信息已写入：
{path}</translation>
    </message>
</context>
</TS>