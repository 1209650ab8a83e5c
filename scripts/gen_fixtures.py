#!/usr/bin/env python3
"""Generates tests/fixtures/imports/: exports as 赤兔/千牛/生意参谋 and Excel/WPS
write them, in every encoding the importer detects, plus bad inputs.
Deterministic; rerun to regenerate. Expected outcomes live in tests/import_files.rs."""
import os
D = "tests/fixtures/imports"
os.makedirs(D, exist_ok=True)

def w(name, data):
    with open(os.path.join(D, name), "wb") as f:
        f.write(data)

# 赤兔-style CSV, UTF-8 with quoted cells, a multi-line note and a summary row.
chitu = ("客服昵称,分组,询单人数,询单->最终付款成功率,客单价,客服销售额,首次响应时间,备注\r\n"
         "小雨,售前,1404,32.26%,254.79,\"113,919.41\",30.1,\"早班\n兼职\"\r\n"
         "阿杰,售前,1289,30.02%,123.69,\"46,460.71\",39.5,\r\n"
         "南风,售后,87,32.18%,192.53,\"5,138.01\",41.3,\r\n"
         "合计,,2780,31.26%,,\"165,518.13\",,\r\n")
w("chitu_utf8.csv", chitu.encode("utf-8"))
w("chitu_utf8_bom.csv", b"\xef\xbb\xbf" + chitu.encode("utf-8"))

# 千牛-style CSV as Excel on Chinese Windows saves it: GBK, units in the cells.
qianniu = ("客服(子账号),组别,询单人数,询单->最终付款人数,询单转化率,客单价(元),首次响应(秒),平均响应时间,客服满意率,出勤天数\r\n"
           "店铺:小雨,售前,1404,453,46.21%,\"￥1,234.50\",32秒,1分20秒,96.83%,26\r\n"
           "店铺:阿杰,售前,1289,387,30.02%,￥123.69,28秒,00:01:05,89.21%,22\r\n"
           "店铺:南风,售后,87,28,—,192.53,-,#N/A,97.00%,25\r\n"
           "平均,,926.67,289.33,,,,,,\r\n")
w("qianniu_gbk.csv", qianniu.encode("gbk"))

# Excel "Unicode text": UTF-16LE with BOM, tab-separated, percent as points.
unicode_txt = ("客服昵称\t询单转化率\t退款率\t质检得分\r\n"
               "小雨\t46\t1.3\t92.5\r\n"
               "阿杰\t38.5\t2\t88\r\n"
               "总计\t42\t1.6\t90\r\n")
w("excel_unicode.txt", b"\xff\xfe" + unicode_txt.encode("utf-16-le"))

# 生意参谋-style TSV: 万 amounts, durations in several spellings, English headers.
w("shengyi.tsv", ("Agent\tGroup\tSales\tAOV\tFirst response (s)\tConversion rate\n"
                   "Mia\t售前\t1.2万\t¥88\t1m20s\t0.46\n"
                   "Leo\t售前\t8,500\t¥92.5\t45s\t0.385\n"
                   "Total\t\t2.05万\t\t\t\n").encode("utf-8"))

# Bad inputs.
w("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
w("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
w("book.xlsx", b"PK\x03\x04" + b"\x00" * 64)  # a zip signature and nothing else: damaged

w("header_only.csv", "客服昵称,询单人数,询单转化率\r\n".encode("utf-8"))
w("no_agent.csv", "日期,询单人数\r\n2026-11-01,100\r\n".encode("utf-8"))
w("all_invalid.csv", "客服昵称,询单人数,询单转化率\r\n小雨,很多,高\r\n阿杰,不少,低\r\n".encode("utf-8"))
w("ragged.csv", "客服昵称,询单人数\r\n小雨,100,多余,更多\r\n阿杰\r\n".encode("utf-8"))
w("odd_numbers.csv", "客服昵称,客服销售额,询单人数,退款率\r\n小雨,1e308,NaN,-0\r\n阿杰,-0,12,inf%\r\n".encode("utf-8"))
w("unbalanced_quotes.csv", "客服昵称,备注,询单人数\r\n小雨,\"没有结尾,100\r\n阿杰,ok,90\r\n".encode("utf-8"))

# Real .xlsx workbooks, written part by part as Excel/WPS do (zip of
# SpreadsheetML): a notes sheet first, then the data sheet with shared and
# inline strings, numbers as stored (a percent as 0.4621), a cached formula
# result, a boolean, an error, XML entities, and a 合计 row; plus the
# encrypted and damaged kinds.
import zipfile, io

def xlsx(name, sheets, deflate=True):
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
                    cells.append(f'<c r="{ref}" s="1"><v>{v!r}</v></c>')
                elif isinstance(v, tuple) and v[0] == "f":
                    cells.append(f'<c r="{ref}"><f>{esc(v[1])}</f><v>{v[2]!r}</v></c>')
                elif isinstance(v, tuple) and v[0] == "inline":
                    cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{esc(v[1])}</t></is></c>')
                elif isinstance(v, tuple) and v[0] == "e":
                    cells.append(f'<c r="{ref}" t="e"><v>{v[1]}</v></c>')
                else:
                    cells.append(f'<c r="{ref}" t="s"><v>{sst(v)}</v></c>')
            body.append(f'<row r="{r}">' + "".join(cells) + "</row>")
        parts[f"xl/worksheets/sheet{n}.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + "".join(body) + "</sheetData></worksheet>")
    parts["xl/workbook.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        + "".join(f'<sheet name="{esc(sn)}" sheetId="{i}" r:id="rId{i}"/>' for i, (sn, _) in enumerate(sheets, 1))
        + "</sheets></workbook>")
    parts["xl/_rels/workbook.xml.rels"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))
        + "</Relationships>")
    parts["xl/sharedStrings.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f'<si><t xml:space="preserve">{esc(t)}</t></si>' for t in strings) + "</sst>")
    parts["[Content_Types].xml"] = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
    buf = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    with zipfile.ZipFile(buf, "w", method) as z:
        for pname in ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml"] + [k for k in parts if k.startswith("xl/worksheets/")]:
            info = zipfile.ZipInfo(pname, date_time=(2026, 11, 1, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, parts[pname])
    w(name, buf.getvalue())

data_rows = [
    ["客服昵称", "分组", "询单人数", "询单转化率", "客单价", "客服销售额", "首次响应时间", "备注", "在职"],
    ["小雨", "售前", 1404, 0.4621, 254.79, ("f", "C2*D2*E2", 165306.04), 30.1, "A&B <早班>", True],
    ["阿杰", "售前", 1289, 0.3002, 123.69, 47861.15, 39.5, ("inline", "新人"), True],
    ["南风", "售后", 87, ("e", "#N/A"), 192.53, 5138.01, None, None, False],
    ["合计", None, 2780, None, None, 218305.2, None, None, None],
]
xlsx("chitu.xlsx", [("说明", [["赤兔导出 2026-11"], ["数据见下一个工作表"]]), ("客服数据", data_rows)])
xlsx("stored.xlsx", [("Sheet1", data_rows[:3])], deflate=False)
# Excel writes password-protected workbooks as an OLE (CFB) container.
w("password.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)
# A download cut short: the first 60 % of a real workbook.
full = open(os.path.join(D, "chitu.xlsx"), "rb").read()
w("truncated.xlsx", full[: len(full) * 6 // 10])
