<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare sessions</source>
        <translation>场次对比</translation>
    </message>
    <message>
        <source>Curve:</source>
        <translation>曲线：</translation>
    </message>
    <message>
        <source>x axis: minutes since the session went on air</source>
        <translation>横轴：开播后的分钟数</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>清单完成率</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>* provisional (real-time) value, not yet settled</source>
        <translation>* 暂估（实时）数值，尚未结算</translation>
    </message>
    <message>
        <source>minutes since start</source>
        <translation>开播后分钟数</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Start</source>
        <translation>开播时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
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
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>UV</source>
        <translation>观看人数</translation>
    </message>
    <message>
        <source>Peak online</source>
        <translation>最高在线</translation>
    </message>
    <message>
        <source>UV value</source>
        <translation>UV价值</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Refund rate</source>
        <translation>退款率</translation>
    </message>
    <message>
        <source>Ad spend</source>
        <translation>投放消耗</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>清单完成率</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件数</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Title, anchor or client contains…</source>
        <translation>标题、主播或客户包含…</translation>
    </message>
    <message>
        <source>Save filter…</source>
        <translation>保存筛选…</translation>
    </message>
    <message>
        <source>Delete filter</source>
        <translation>删除筛选</translation>
    </message>
    <message>
        <source>Compare selected</source>
        <translation>对比所选</translation>
    </message>
    <message>
        <source>Trends…</source>
        <translation>趋势…</translation>
    </message>
    <message>
        <source>Search events, notes, reviews and checklists (e.g. 福袋, 超卖)</source>
        <translation>搜索事件、备注、复盘和检查项（如 福袋、超卖）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Only in the sessions listed above</source>
        <translation>仅在上方列出的场次中搜索</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>All anchors</source>
        <translation>全部主播</translation>
    </message>
    <message>
        <source>All people</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any sign-off</source>
        <translation>任意审核状态</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>已保存的筛选</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n 个场次</numerusform>
        </translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>保存筛选</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n 条结果</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge a workspace bundle</source>
        <translation>合并工作区数据包</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>For every conflict:</source>
        <translation>所有冲突：</translation>
    </message>
    <message>
        <source>Decide one by one</source>
        <translation>逐条决定</translation>
    </message>
    <message>
        <source>Keep local</source>
        <translation>保留本地</translation>
    </message>
    <message>
        <source>Take the bundle&apos;s</source>
        <translation>采用数据包</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Choose a bundle</source>
        <translation>选择数据包</translation>
    </message>
    <message>
        <source>LiveOps bundles (*.liveops-bundle *.zip);;All files (*)</source>
        <translation>LiveOps 数据包 (*.liveops-bundle *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the bundle…</source>
        <translation>正在读取数据包…</translation>
    </message>
    <message>
        <source>Decide the rows below, then merge. Nothing has been written yet.</source>
        <translation>请先逐行决定，再合并。目前尚未写入任何数据。</translation>
    </message>
    <message>
        <source>Same name</source>
        <translation>同名</translation>
    </message>
    <message>
        <source>Two specialists</source>
        <translation>两位在岗运营</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Same (required: same platform account)</source>
        <translation>同一对象（平台账号相同，必须合并）</translation>
    </message>
    <message>
        <source>Same: map onto the local one</source>
        <translation>同一对象：对应到本地记录</translation>
    </message>
    <message>
        <source>Different: keep both</source>
        <translation>不同：两者都保留</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>正在合并…</translation>
    </message>
    <message>
        <source>Export workspace bundle</source>
        <translation>导出工作区数据包</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>正在写入数据包…</translation>
    </message>
</context>
<context>
    <name>QCoreApplicationTr</name>
    <message>
        <source>Export workspace bundle</source>
        <translation>导出工作区数据包</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>正在写入数据包…</translation>
    </message>
</context>
<context>
    <name>ReviewFeature</name>
    <message>
        <source>Review</source>
        <translation>复盘</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Merge workspace bundle…</source>
        <translation>合并工作区数据包…</translation>
    </message>
    <message>
        <source>Export workspace bundle…</source>
        <translation>导出工作区数据包…</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Submit for sign-off</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Settlement (platform final numbers)</source>
        <translation>结算（平台最终数据）</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Real-time (provisional)</source>
        <translation>实时（暂估）</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>结算值</translation>
    </message>
    <message>
        <source>Enter settled value</source>
        <translation>录入结算值</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至日期</translation>
    </message>
    <message>
        <source>Record settlement</source>
        <translation>录入结算</translation>
    </message>
    <message>
        <source>Client-facing</source>
        <translation>对客户可见</translation>
    </message>
    <message>
        <source>Internal only</source>
        <translation>仅内部</translation>
    </message>
    <message>
        <source>Action items (carried into the anchor&apos;s next session)</source>
        <translation>行动项（自动带入该主播下一场）</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>行动项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>New action item</source>
        <translation>新行动项</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>The review opens once the broadcast has ended.</source>
        <translation>下播后才能填写复盘。</translation>
    </message>
    <message>
        <source>No session selected.</source>
        <translation>未选择场次。</translation>
    </message>
    <message>
        <source>Sign-off: %1</source>
        <translation>审核状态：%1</translation>
    </message>
    <message>
        <source>Returned by the lead: %1</source>
        <translation>组长退回意见：%1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>approved by %1 at %2</source>
        <translation>%1 于 %2 审核通过</translation>
    </message>
    <message>
        <source>submitted by %1 at %2</source>
        <translation>%1 于 %2 提交</translation>
    </message>
    <message>
        <source>a lead must approve again</source>
        <translation>需组长重新审核</translation>
    </message>
    <message>
        <source>Only a person with the lead role approves or returns a review.</source>
        <translation>只有组长角色可以审核通过或退回复盘。</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>编辑中…</translation>
    </message>
    <message>
        <source>Draft saved %1</source>
        <translation>草稿已保存 %1</translation>
    </message>
    <message>
        <source>Return the review</source>
        <translation>退回复盘</translation>
    </message>
    <message>
        <source>What should the specialist change?</source>
        <translation>需要运营修改什么？</translation>
    </message>
</context>
<context>
    <name>TrendsDialog</name>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Weekly trends</source>
        <translation>周趋势</translation>
    </message>
    <message>
        <source>Specialists: compliance and on-time</source>
        <translation>运营：清单完成率与按时率</translation>
    </message>
    <message>
        <source>By:</source>
        <translation>维度：</translation>
    </message>
    <message>
        <source>Which:</source>
        <translation>对象：</translation>
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
        <source>Sessions</source>
        <translation>场次数</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>清单完成率</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时率</translation>
    </message>
    <message>
        <source>Checklist compliance</source>
        <translation>检查清单完成率</translation>
    </message>
    <message>
        <source>major units</source>
        <translation>元（主币种单位）</translation>
    </message>
    <message>
        <source>week starting</source>
        <translation>周（起始日）</translation>
    </message>
</context>
</TS>
