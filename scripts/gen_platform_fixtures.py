#!/usr/bin/env python3
"""Generates tests/fixtures/platforms/: exports laid out as the platforms'
own files are (as public importers and screenshots show them): 赤兔 自定义报表
day files (.xlsx, title row, blank row, Sheet0, 汇总 and 均值 rows, percent and
time number formats, 延迟统计), 千牛 服务绩效 (账户名 as 店铺:客服, 客户满意比,
1904 date system), a Tmall CS model sheet, 拼多多 (minutes in the header),
抖店/飞鸽 (hours in the header), 京东 咚咚, 售后 metrics, a 质检 sheet to join,
and bad inputs. Deterministic; rerun to regenerate. Expected values live in
tests/import_platforms.rs, worked out by hand from the numbers below."""
import io
import os
import zipfile

D = "tests/fixtures/platforms"
os.makedirs(D, exist_ok=True)


def w(name, data):
    with open(os.path.join(D, name), "wb") as f:
        f.write(data)


def csv(name, rows, encoding="utf-8-sig"):
    def q(v):
        v = "" if v is None else str(v)
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n') else v
    w(name, ("\r\n".join(",".join(q(v) for v in r) for r in rows) + "\r\n").encode(encoding))


# Cell styles, in cellXfs order: what a real export's styles.xml holds.
STYLES = {
    None: 0,      # General
    "pct": 1,     # built-in 10: 0.00%
    "hms": 2,     # custom 164: [h]:mm:ss (a duration)
    "date": 3,    # built-in 14: a date
    "mmss": 4,    # custom 165: mm:ss
    "clock": 5,   # built-in 21: h:mm:ss
    "cn_date": 6, # custom 166: yyyy"年"m"月"d"日"
}
STYLES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="[h]:mm:ss"/>'
    '<numFmt numFmtId="165" formatCode="mm:ss"/>'
    '<numFmt numFmtId="166" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="7">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="21" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs></styleSheet>')


def xlsx(name, sheets, date1904=False):
    """sheets: [(name, rows)]; a cell is None, str, int/float, bool, or
    (style, number) with a style of STYLES."""
    strings = []

    def sst(t):
        if t not in strings:
            strings.append(t)
        return strings.index(t)

    def col(i):
        s = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            s = chr(65 + r) + s
        return s

    def esc(t):
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    parts = {}
    for n, (sheet_name, rows) in enumerate(sheets, 1):
        body = []
        for r, row in enumerate(rows, 1):
            cells = []
            for c, v in enumerate(row):
                ref = f"{col(c)}{r}"
                if v is None:
                    continue
                if isinstance(v, bool):
                    cells.append(f'<c r="{ref}" t="b"><v>{int(v)}</v></c>')
                elif isinstance(v, (int, float)):
                    cells.append(f'<c r="{ref}"><v>{v!r}</v></c>')
                elif isinstance(v, tuple):
                    cells.append(f'<c r="{ref}" s="{STYLES[v[0]]}"><v>{v[1]!r}</v></c>')
                else:
                    cells.append(f'<c r="{ref}" t="s"><v>{sst(v)}</v></c>')
            body.append(f'<row r="{r}">' + "".join(cells) + "</row>")
        parts[f"xl/worksheets/sheet{n}.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + "".join(body) + "</sheetData></worksheet>")
    pr = '<workbookPr date1904="1"/>' if date1904 else '<workbookPr/>'
    parts["xl/workbook.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' + pr + '<sheets>'
        + "".join(f'<sheet name="{esc(sn)}" sheetId="{i}" r:id="rId{i}"/>' for i, (sn, _) in enumerate(sheets, 1))
        + "</sheets></workbook>")
    parts["xl/_rels/workbook.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))
        + f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        + "</Relationships>")
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f'<si><t xml:space="preserve">{esc(t)}</t></si>' for t in strings) + "</sst>")
    parts["xl/styles.xml"] = STYLES_XML
    parts["[Content_Types].xml"] = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for pname in ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                      "xl/sharedStrings.xml", "xl/styles.xml"] + [k for k in parts if k.startswith("xl/worksheets/")]:
            info = zipfile.ZipInfo(pname, date_time=(2026, 10, 2, 8, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[pname])
    w(name, buf.getvalue())


def sec(s):
    """Seconds as Excel stores a time: a fraction of a day."""
    return s / 86400


# ---------------------------------------------------------------- 赤兔 day files
# 自定义报表_客服数据_下单优先判定_<day>至<day>.xlsx, sheet Sheet0: a title row,
# a blank row, the header, one row per agent, then 汇总 and 均值.
CHITU_HEADER = ["客服昵称", "聊天人数(原咨询人数)", "接待人数", "询单人数", "询单->最终付款人数",
                "询单->最终付款转化率", "销售额", "首次响应(秒)", "平均响应(秒)", "平均接待时长",
                "客户满意率", "回复率", "答问比", "最大同时聊天数", "上班天数"]
# Per day: agent -> (聊天, 接待, 询单, 付款, 销售额, 首响, 平响, 接待时长 s, 满意率 or None, 回复率, 答问比, 最大同时)
CHITU_DAYS = {
    "2026-10-01": {
        "小雨": (60, 50, 40, 20, 5000.0, 20, 30, 300, 0.9, 0.98, 1.2, 5),
        "阿杰": (45, 40, 30, 9, 1800.0, 40, 50, 420, 0.8, 0.95, 1.0, 4),
        "南风": (20, 10, 10, 3, 600.0, 30, 40, 360, None, 1.0, 1.5, 3),
    },
    "2026-10-02": {
        # 南风 is absent on the 2nd.
        "小雨": (70, 60, 50, 30, 7500.0, 26, 36, 240, 0.95, 1.0, 1.3, 6),
        "阿杰": (30, 20, 20, 8, 1600.0, 34, 44, 480, 0.7, 0.9, 0.9, 3),
    },
    "2026-10-03": {
        "小雨": (50, 40, 30, 12, 3000.0, 30, 40, 330, 1.0, 0.97, 1.1, 4),
        "阿杰": (45, 40, 25, 10, 2000.0, 28, 38, 390, 0.9, 0.92, 1.0, 5),
        "南风": (35, 30, 20, 9, 2700.0, 22, 32, 300, 0.9, 0.99, 1.4, 4),
    },
}


def chitu_day(day, agents, shop_prefix=False):
    rows = [[f"客服绩效报表 统计时间：{day}至{day}"], []]
    rows.append(CHITU_HEADER)
    tot = [0] * 12
    for name, v in agents.items():
        chat, served, inq, paid, sales, first, avg, length, sat, reply, ratio, conc = v
        sat_cell = ("pct", sat) if sat is not None else "延迟统计"
        rows.append([("店铺:" if shop_prefix else "") + name, chat, served, inq, paid, ("pct", round(paid / inq, 4)),
                     sales, first, avg, ("hms", sec(length)), sat_cell, ("pct", reply), ratio, conc, 1])
        for i, x in enumerate(v):
            tot[i] += x or 0
    rows.append(["汇总", tot[0], tot[1], tot[2], tot[3], None, tot[4]])
    rows.append(["均值", None, None, None, None, None, round(tot[4] / len(agents), 2)])
    xlsx(f"自定义报表_客服数据_下单优先判定_{day}至{day}.xlsx", [("Sheet0", rows)])


for day, agents in CHITU_DAYS.items():
    chitu_day(day, agents)
# The same day exported again (to be detected, not double-counted).
xlsx("自定义报表_客服数据_下单优先判定_2026-10-01至2026-10-01(1).xlsx",
     [("Sheet0", [[f"客服绩效报表 统计时间：2026-10-01至2026-10-01"], [], CHITU_HEADER,
                  ["小雨", 60, 50, 40, 20, ("pct", 0.5), 5000.0, 20, 30, ("hms", sec(300)), ("pct", 0.9), ("pct", 0.98), 1.2, 5, 1]])])
# A day of another month, to drop together with October's.
xlsx("自定义报表_客服数据_下单优先判定_2026-11-01至2026-11-01.xlsx",
     [("Sheet0", [CHITU_HEADER, ["小雨", 10, 10, 10, 5, ("pct", 0.5), 500.0, 20, 30, ("hms", sec(300)), ("pct", 0.9), ("pct", 0.98), 1.2, 5, 1]])])

# ---------------------------------------------------------------- 千牛 服务绩效
# 账户名 as 店铺:客服; 客户满意比 with 暂无; a 日期 column in a 1904 workbook
# (serial 44834 in the 1904 system is 2026-10-01).
xlsx("千牛_服务绩效_202610.xlsx", [("服务绩效", [
    ["账户名", "日期", "销售额", "完成退款金额", "E客服评价发送率", "客户满意比", "旺旺回复率",
     "客服答问比", "上班天数", "首次响应时长（秒）", "平均响应时长（秒）"],
    ["花间小铺:小雨", ("date", 44834), 123456.78, 2345.6, ("pct", 0.8123), ("pct", 0.9512), ("pct", 0.9987), 1.35, 22, 18.5, 27.25],
    ["花间小铺:阿杰", ("date", 44834), 98765.4, 0, ("pct", 0.75), "暂无", ("pct", 0.9901), 1.02, 20, 24, 33],
    ["花间小铺:南风", ("date", 44834), 45678.9, 678.9, ("pct", 0.6), ("pct", 0.88), ("pct", 1), 1.5, 21, 30, 41.5],
])], date1904=True)

# ---------------------------------------------------------------- Tmall CS model (CSV, GBK as Excel saves it)
csv("天猫客服绩效模型_2026-10.csv", [
    ["旺旺昵称", "旺旺分组", "有效接待人数", "当日询单人数", "净销售额", "询单流失人数", "淘宝答问比", "询单最终付款转化率"],
    ["小雨", "售前", 1520, 980, "￥352,108.50", 310, 1.28, "46.21%"],
    ["阿杰", "售前", 1204, 760, "￥188,020.00", 402, 0.97, "38.50%"],
    ["南风", "售后", 433, 120, "￥12,345.67", 80, 1.52, "33.33%"],
    ["合计", "", 3157, 1860, "￥552,474.17", 792, "", ""],
], encoding="gbk")

# ---------------------------------------------------------------- 拼多多 (.xlsx)
xlsx("拼多多_客服绩效.xlsx", [("客服绩效", [
    ["客服绩效数据 2026-10-01至2026-10-31"],
    ["客服账号", "3分钟人工回复率(8-23点)", "30秒应答率(8-23点)", "平均人工响应时长(分钟)", "最终成团人数", "去退销售额（元）", "客服服务分"],
    ["pdd12345_小雨", ("pct", 0.9876), ("pct", 0.9123), 0.45, 812, 65432.1, 4.85],
    ["pdd12345_阿杰", ("pct", 0.95), ("pct", 0.88), 1.2, 640, 51234.5, "--"],
    ["pdd12345_南风", ("pct", 0.9), ("pct", 0.85), "1分30秒", 301, 20000, 4.6],
])])

# ---------------------------------------------------------------- 抖店/飞鸽 (CSV)
csv("飞鸽_客服数据_2026-10.csv", [
    ["账号名称", "人工已接待人数", "首次响应时长（秒）", "平均响应时长（秒）", "满意率", "不满意率",
     "客服销售额（元）", "下单人数", "支付人数", "PC在线时长（时）"],
    ["小雨", 1888, 12.3, 25.6, "92.50%", "1.20%", "88,888.80", 300, 280, 7.5],
    ["阿杰", 1500, 15, 30, "90.00%", "2.00%", "66,000.00", 250, 230, 8.25],
    ["南风", 900, "-", "32.5", "暂无", "暂无", "12,000.00", 80, 70, 6],
])

# ---------------------------------------------------------------- 京东 咚咚 (CSV)
csv("京东咚咚_客服工作量.csv", [
    ["客服", "UID", "技能组", "接待量", "首次平均响应时间", "30s应答率", "促成下单商品金额", "好评量", "差评量"],
    ["jd_小雨", "10001", "售前组", 1320, "12.5", "95.10%", "1.2万", 88, 1],
    ["jd_阿杰", "10002", "售前组", 990, "20", "90.00%", "8,500", 60, 3],
    ["jd_南风", "10003", "售后组", 410, "15", "99.00%", "0", 30, 0],
])

# ---------------------------------------------------------------- 售后 (CSV)
csv("售后考核_2026-10.csv", [
    ["客服昵称", "退款时长", "纠纷退款率", "平台介入率", "品质退款率", "售后处理时长", "挂起总时长"],
    ["南风", "8分48秒", "0.50%", "0.10%", "1.20%", "00:12:30", "1小时2分"],
    ["小夏", "1小时5分", "0.80%", "0.00%", "0.90%", "00:08:00", "45分钟"],
])

# ---------------------------------------------------------------- a 质检 sheet to join
csv("质检评分_2026-10.csv", [
    ["客服", "质检得分", "红线次数"],
    ["花间小铺:小雨", 96.5, 0],
    ["阿杰 ", 88, 1],
    ["小夏", 90, 0],   # not in the month's data
])
csv("质检评分_重复.csv", [
    ["客服", "质检得分"],
    ["小雨", 96.5],
    ["小雨", 90],
])
csv("质检评分_无客服列.csv", [
    ["工号", "质检得分"],
    ["001", 96.5],
])

# ---------------------------------------------------------------- bad: a (秒) column holding clock times
csv("首响_时钟.csv", [
    ["客服昵称", "首次响应(秒)"],
    ["小雨", "08:48"],
    ["阿杰", "00:35"],
])
# A header row that cannot be found: notes only.
csv("只有说明.csv", [
    ["本表为示例"],
    ["数据请见附件"],
])
