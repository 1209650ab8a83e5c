#!/usr/bin/env python3
"""Generates the old-Excel .xls and OpenDocument .ods fixtures in
tests/fixtures/imports/ (read by the worker, src/io/sheets.rs), shaped like a
赤兔/千牛 export: a merged title row, the header, agents, a 汇总 row, percent
cells (0.00%), a time cell (00:00:27), a date cell, a 延迟统计 placeholder;
a second sheet 说明 with a date-time, a [h]:mm:ss duration, a boolean and an
error; plus a password-protected .xls and damaged ones.

Needs the PyPI packages xlwt (BIFF8 writer) and odfpy (ODF writer):
    pip install xlwt==1.3.0 odfpy==1.4.1
(installed by this script when missing). Deterministic; rerun to regenerate.
Expected cell texts live in tests/import_sheets.rs, worked out by hand."""
import datetime
import importlib
import io
import os
import subprocess
import sys
import zipfile

for mod, pkg in (("xlwt", "xlwt==1.3.0"), ("odf", "odfpy==1.4.1")):
    try:
        importlib.import_module(mod)
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", pkg])

import xlwt  # noqa: E402
from odf.opendocument import OpenDocumentSpreadsheet  # noqa: E402
from odf.table import Table, TableRow, TableCell  # noqa: E402
from odf.text import P  # noqa: E402

D = "tests/fixtures/imports"
os.makedirs(D, exist_ok=True)

TITLE = "赤兔名品 · 客服绩效报表（2026-11-01 ~ 2026-11-30）"
HEADER = ["客服昵称", "分组", "询单人数", "询单->最终付款成功率", "客服销售额",
          "平均响应时间", "首次响应时间(秒)", "统计日期", "客服满意率"]
DAY = datetime.date(2026, 11, 30)
# (name, group, asked, conversion, sales, avg response seconds, first response, satisfaction)
AGENTS = [
    ("小雨", "售前", 1404, 0.3226, 113919.41, 27, 30.1, 0.9683),
    ("阿杰", "售前", 1289, 0.3002, 46460.71, 65, 39.5, "延迟统计"),
    ("南风", "售后", 87, 0.3218, 5138.01, 41.5, 41.3, "#N/A"),
]
TOTAL = ("汇总", "", 2780, 0.3126, 165518.13)
EXPORTED = datetime.datetime(2026, 12, 1, 9, 30, 15)
ONLINE = 30 * 3600 + 5 * 60  # 30:05:00 of total online time


def xls_bytes(workbook_class=xlwt.Workbook):
    wb = workbook_class(encoding="utf-8")
    pct = xlwt.easyxf(num_format_str="0.00%")
    money = xlwt.easyxf(num_format_str="#,##0.00")
    clock = xlwt.easyxf(num_format_str="hh:mm:ss")
    day = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    stamp = xlwt.easyxf(num_format_str="yyyy-mm-dd hh:mm:ss")
    hours = xlwt.easyxf(num_format_str="[h]:mm:ss")
    ws = wb.add_sheet("客服绩效")
    ws.write_merge(0, 0, 0, len(HEADER) - 1, TITLE)
    for c, h in enumerate(HEADER):
        ws.write(1, c, h)
    for r, (name, group, asked, conv, sales, avg, first, sat) in enumerate(AGENTS, 2):
        ws.write(r, 0, name)
        ws.write(r, 1, group)
        ws.write(r, 2, asked)
        ws.write(r, 3, conv, pct)
        ws.write(r, 4, sales, money)
        ws.write(r, 5, avg / 86400, clock)
        ws.write(r, 6, first)
        ws.write(r, 7, DAY, day)
        if sat == "#N/A":
            ws.row(r).set_cell_error(8, 0x2A)  # #N/A (numeric: xlwt misspells the names)
        elif isinstance(sat, str):
            ws.write(r, 8, sat)
        else:
            ws.write(r, 8, sat, pct)
    r = 2 + len(AGENTS)
    ws.write(r, 0, TOTAL[0])
    ws.write(r, 2, TOTAL[2])
    ws.write(r, 3, TOTAL[3], pct)
    ws.write(r, 4, TOTAL[4], money)
    notes = wb.add_sheet("说明")
    notes.write(0, 0, "导出时间")
    notes.write(0, 1, EXPORTED, stamp)
    notes.write(1, 0, "在线总时长")
    notes.write(1, 1, ONLINE / 86400, hours)
    notes.write(2, 0, "已审核")
    notes.write(2, 1, True)
    notes.write(3, 0, "平均值")
    notes.row(3).set_cell_error(1, 0x07)  # #DIV/0!
    # A cell far right, after blanks: the row keeps its column positions.
    notes.write(5, 3, "备注")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


class PasswordWorkbook(xlwt.Workbook):
    """A workbook whose globals carry a FILEPASS record (RC4 encryption
    header) right after BOF, as Excel writes for a password to open. The
    cell records themselves are not encrypted: readers refuse at FILEPASS."""

    def _Workbook__bof_rec(self):
        bof = xlwt.Workbook._Workbook__bof_rec(self)
        body = (b"\x01\x00"            # wEncryptionType: RC4
                + b"\x01\x00\x01\x00"  # vMajor, vMinor
                + bytes(range(16))     # salt
                + bytes(range(16, 32)) # encrypted verifier
                + bytes(range(32, 48)))  # encrypted verifier hash
        return bof + b"\x2f\x00" + len(body).to_bytes(2, "little") + body


def cell(value=None, kind=None, span=None):
    """One ODF table cell: value types as LibreOffice writes them."""
    args = {}
    if span:
        args["numbercolumnsspanned"] = span
    if kind == "percentage":
        c = TableCell(valuetype="percentage", value=value, **args)
        text = f"{value * 100:.2f}%"
    elif kind == "float":
        c = TableCell(valuetype="float", value=value, **args)
        text = str(value)
    elif kind == "time":
        c = TableCell(valuetype="time", timevalue=value, **args)
        text = value
    elif kind == "date":
        c = TableCell(valuetype="date", datevalue=value, **args)
        text = value
    elif kind == "boolean":
        c = TableCell(valuetype="boolean", booleanvalue=value, **args)
        text = value.upper()
    elif value is None:
        return TableCell(**args)
    else:
        c = TableCell(valuetype="string", **args)
        text = value
    c.addElement(P(text=str(text)))
    return c


def ods_bytes():
    doc = OpenDocumentSpreadsheet()
    t = Table(name="客服绩效")
    rows = [[cell(TITLE, span=len(HEADER))], [cell(h) for h in HEADER]]
    for name, group, asked, conv, sales, avg, first, sat in AGENTS:
        secs = f"PT00H{int(avg) // 60:02d}M{avg % 60:05.2f}S".replace(".00S", "S")
        rows.append([
            cell(name), cell(group), cell(asked, "float"), cell(conv, "percentage"),
            cell(sales, "float"), cell(secs, "time"), cell(first, "float"),
            cell(DAY.isoformat(), "date"),
            cell(sat) if isinstance(sat, str) else cell(sat, "percentage"),
        ])
    rows.append([cell(TOTAL[0]), cell(), cell(TOTAL[2], "float"),
                 cell(TOTAL[3], "percentage"), cell(TOTAL[4], "float")])
    for r in rows:
        tr = TableRow()
        for c in r:
            tr.addElement(c)
        t.addElement(tr)
    doc.spreadsheet.addElement(t)
    notes = Table(name="说明")
    for r in [[cell("导出时间"), cell(EXPORTED.isoformat(), "date")],
              [cell("在线总时长"), cell("PT30H05M00S", "time")],
              [cell("已审核"), cell("true", "boolean")]]:
        tr = TableRow()
        for c in r:
            tr.addElement(c)
        notes.addElement(tr)
    doc.spreadsheet.addElement(notes)
    out = io.BytesIO()
    doc.write(out)
    return normalise_zip(out.getvalue())


def normalise_zip(data):
    """Rewrites a zip with fixed timestamps, so reruns give the same bytes;
    the stored `mimetype` entry stays first, as ODF requires."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 12, 1, 0, 0, 0))
            fixed.compress_type = (zipfile.ZIP_STORED if info.filename == "mimetype"
                                   else zipfile.ZIP_DEFLATED)
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def w(name, data):
    with open(os.path.join(D, name), "wb") as f:
        f.write(data)


xls = xls_bytes()
w("chitu.xls", xls)
w("password.xls", xls_bytes(PasswordWorkbook))
w("truncated.xls", xls[: len(xls) * 6 // 10])
# A DIMENSIONS record (0x0200, 14 bytes) whose first row lies after its last:
# calamine's arithmetic on it overflows, so its reader panics (caught
# natively; in the worker, the panic hook answers and the worker restarts).
at = xls.index(b"\x00\x02\x0e\x00")
w("bad_dimensions.xls", xls[: at + 4] + (0x00FF0000).to_bytes(4, "little") + xls[at + 8:])
ods = ods_bytes()
w("chitu.ods", ods)
w("truncated.ods", ods[: len(ods) * 6 // 10])
