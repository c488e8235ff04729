<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EventEditDialog</name>
    <message>
        <source>Edit event</source>
        <translation>编辑事件</translation>
    </message>
    <message>
        <source>Internal (never in client exports)</source>
        <translation>内部（不进入客户导出）</translation>
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
        <source>Edits and deletions are kept in the audit trail.</source>
        <translation>修改和删除都会保留在审计记录中。</translation>
    </message>
</context>
<context>
    <name>EventHistoryDialog</name>
    <message>
        <source>Edit history</source>
        <translation>修改记录</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <source>Int.</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Quick entry: g 福袋… / p 过款… / t 投流… / i 事故… / c 违规… / m 里程碑… / ! internal — Enter</source>
        <translation>快速记录：g 福袋… / p 过款… / t 投流… / i 事故… / c 违规… / m 里程碑… / ! 内部 — 回车保存</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Press a hotkey, then type a note here (Enter saves, Esc skips)</source>
        <translation>按热键记录后在此输入备注（回车保存，Esc 跳过）</translation>
    </message>
    <message>
        <source>Filter text</source>
        <translation>筛选内容</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Edit history…</source>
        <translation>修改记录…</translation>
    </message>
    <message>
        <source>✎ (edited)</source>
        <translation>✎（已修改）</translation>
    </message>
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
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Client-visible</source>
        <translation>客户可见</translation>
    </message>
    <message>
        <source>Internal only</source>
        <translation>仅内部</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Note: press a hotkey first</source>
        <translation>备注：请先按热键</translation>
    </message>
    <message>
        <source>Note for %1 at %2 (saved already; the note is optional)</source>
        <translation>%2 的%1备注（事件已保存，备注可选）</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>删除事件</translation>
    </message>
    <message>
        <source>Delete this event? It stays in the audit trail.</source>
        <translation>删除此事件？审计记录会保留。</translation>
    </message>
</context>
<context>
    <name>HotkeyDialog</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>System-wide hotkeys (also while another program has focus)</source>
        <translation>全局热键（其他程序在前台时也有效）</translation>
    </message>
    <message>
        <source>Uses pynput. On macOS the app needs the accessibility permission.</source>
        <translation>使用 pynput。macOS 需要授予辅助功能权限。</translation>
    </message>
    <message>
        <source>System-wide hotkeys need the optional package pynput (pip install pynput). In-app hotkeys work without it.</source>
        <translation>全局热键需要可选组件 pynput（pip install pynput）。不装也能使用应用内热键。</translation>
    </message>
    <message>
        <source>Event hotkeys</source>
        <translation>事件热键</translation>
    </message>
    <message>
        <source>%1 is already used by %2; choose another key.</source>
        <translation>%1 已被“%2”占用，请换一个键。</translation>
    </message>
    <message>
        <source>another command of the window</source>
        <translation>窗口里的另一个命令</translation>
    </message>
    <message>
        <source>Follow live</source>
        <translation>跟随实时</translation>
    </message>
    <message>
        <source>Chart zoom</source>
        <translation>图表缩放</translation>
    </message>
    <message>
        <source>Report now</source>
        <translation>立即战报</translation>
    </message>
    <message>
        <source>Mini window</source>
        <translation>迷你窗口</translation>
    </message>
    <message>
        <source>Metric entry</source>
        <translation>指标录入</translation>
    </message>
    <message>
        <source>Quick entry</source>
        <translation>快速记录</translation>
    </message>
    <message>
        <source>Cancel note</source>
        <translation>取消备注</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>切换焦点</translation>
    </message>
</context>
<context>
    <name>LiveCharts</name>
    <message>
        <source>Keep the newest minutes in view as readings arrive (End)</source>
        <translation>随读数到来始终显示最新几分钟（End）</translation>
    </message>
    <message>
        <source>Only a session on air can be followed live; this one is not on air.</source>
        <translation>只有直播中的场次可以跟随实时；本场不在直播中。</translation>
    </message>
    <message>
        <source>Online viewers</source>
        <translation>实时在线人数</translation>
    </message>
    <message>
        <source>Cumulative GMV (target, pace)</source>
        <translation>累计 GMV（目标线、进度线）</translation>
    </message>
    <message>
        <source>Orders / min · conversion % (right)</source>
        <translation>每分钟订单 · 看播成交转化率 %（右轴）</translation>
    </message>
    <message>
        <source>Ad spend · overall ROI (right)</source>
        <translation>投放消耗 · 整体ROI（右轴）</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Follow live (End)</source>
        <translation>跟随实时 (End)</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>对比场次：</translation>
    </message>
    <message>
        <source>%1 · online %2 · GMV %3 · orders/min %4 · conversion %5 · spend %6 · ROI %7</source>
        <translation>%1 · 在线 %2 · GMV %3 · 每分钟订单 %4 · 转化率 %5 · 消耗 %6 · ROI %7</translation>
    </message>
</context>
<context>
    <name>LiveConsole</name>
    <message>
        <source>Live console</source>
        <translation>直播中控台</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Metrics · report</source>
        <translation>指标 · 战报</translation>
    </message>
    <message>
        <source>Hotkeys…</source>
        <translation>热键…</translation>
    </message>
    <message>
        <source>Mini window (Ctrl+M)</source>
        <translation>迷你窗口 (Ctrl+M)</translation>
    </message>
    <message>
        <source>Group robots…</source>
        <translation>群机器人…</translation>
    </message>
    <message>
        <source>Interval report</source>
        <translation>间隔战报</translation>
    </message>
    <message>
        <source>every %1 min</source>
        <translation>每 %1 分钟</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Language of the report for the chat group and the robots</source>
        <translation>发到群里和群机器人的战报语言</translation>
    </message>
    <message>
        <source>Report now and copy (Ctrl+R)</source>
        <translation>立即生成并复制 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Demo feed</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>real time</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>%1× faster</source>
        <translation>%1 倍速</translation>
    </message>
    <message>
        <source>Stop demo</source>
        <translation>停止演示</translation>
    </message>
    <message>
        <source>Start demo</source>
        <translation>开始演示</translation>
    </message>
    <message>
        <source>System-wide hotkeys need the optional package pynput (pip install pynput); in-app hotkeys still work.</source>
        <translation>全局热键需要可选组件 pynput（pip install pynput）；应用内热键仍可使用。</translation>
    </message>
    <message>
        <source>System-wide hotkeys could not start (%1); in-app hotkeys still work.</source>
        <translation>全局热键无法启动（%1）；应用内热键仍可使用。</translation>
    </message>
    <message>
        <source>No session selected.</source>
        <translation>未选择场次。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>This session is not on air or has ended; it takes no new live entries.</source>
        <translation>该场次未在直播或已结束，不能再录入实时内容。</translation>
    </message>
    <message>
        <source>GMV %1 · online %2 · orders %3 · conversion %4</source>
        <translation>GMV %1 · 在线 %2 · 订单 %3 · 转化率 %4</translation>
    </message>
    <message>
        <source>Next check: none open</source>
        <translation>下一项检查：无</translation>
    </message>
    <message>
        <source>Next check %1: %2</source>
        <translation>下一项检查 %1：%2</translation>
    </message>
    <message>
        <source>Interval report stored and copied to the clipboard.</source>
        <translation>战报已保存并复制到剪贴板。</translation>
    </message>
    <message>
        <source>Group robots: %1 waiting, %2 failed</source>
        <translation>群机器人：%1 条待发，%2 条失败</translation>
    </message>
</context>
<context>
    <name>MetricForm</name>
    <message>
        <source>Metric snapshot (Enter saves; money in major units, 万/w ok)</source>
        <translation>指标快照（回车保存；金额按元，可用 万/w）</translation>
    </message>
    <message>
        <source>Time (empty = end of broadcast)</source>
        <translation>时间（留空=下播时间）</translation>
    </message>
    <message>
        <source>Time (empty = now)</source>
        <translation>时间（留空=现在）</translation>
    </message>
    <message>
        <source>e.g. 20:35</source>
        <translation>如 20:35</translation>
    </message>
    <message>
        <source>e.g. 20:35 or 2026-11-26 20:35:00</source>
        <translation>如 20:35 或 2026-11-26 20:35:00</translation>
    </message>
    <message>
        <source>Save snapshot</source>
        <translation>保存快照</translation>
    </message>
</context>
<context>
    <name>MiniWindow</name>
    <message>
        <source>LiveOps mini</source>
        <translation>直播迷你窗</translation>
    </message>
    <message>
        <source>hotkey, then note + Enter</source>
        <translation>按热键后输入备注，回车保存</translation>
    </message>
</context>
<context>
    <name>RobotDialog</name>
    <message>
        <source>Group robots (WeCom / Feishu / DingTalk)</source>
        <translation>群机器人（企业微信 / 飞书 / 钉钉）</translation>
    </message>
    <message>
        <source>Add robot</source>
        <translation>添加机器人</translation>
    </message>
    <message>
        <source>Disable selected</source>
        <translation>停用所选</translation>
    </message>
    <message>
        <source>Retry failed now</source>
        <translation>立即重试失败项</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook 地址</translation>
    </message>
    <message>
        <source>Signing secret (DingTalk/Feishu, optional)</source>
        <translation>加签密钥（钉钉/飞书，可选）</translation>
    </message>
    <message>
        <source>Queue (newest first)</source>
        <translation>发送队列（最新在前）</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>加签</translation>
    </message>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Robot</source>
        <translation>机器人</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
</context>
</TS>
