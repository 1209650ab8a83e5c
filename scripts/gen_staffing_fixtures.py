#!/usr/bin/env python3
"""Writes tests/fixtures/staffing/fenshi.xlsx: a 赤兔-style 分时接待 export
(a notes sheet first, then the hours sheet with a title row, a header,
hours as "00:00-01:00" text, numeric counts and a 合计 row).

Needs openpyxl (pip install openpyxl). Run: python3 scripts/gen_staffing_fixtures.py
Inquiries per hour h are 10·h + 5 (so 20:00 has 205; the day 2,880).
"""
import os
from openpyxl import Workbook

D = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "staffing")
os.makedirs(D, exist_ok=True)
wb = Workbook()
notes = wb.active
notes.title = "说明"
notes.append(["赤兔 分时接待 导出"])
sheet = wb.create_sheet("分时接待")
sheet.append(["分时接待数据 2026-11-11"])
sheet.append(["时段", "接待人数", "咨询人数", "平均响应时间(秒)"])
for h in range(24):
    sheet.append([f"{h:02d}:00-{h + 1:02d}:00", 9 * h + 4, 10 * h + 5, 28.5])
sheet.append(["合计", sum(9 * h + 4 for h in range(24)), sum(10 * h + 5 for h in range(24)), 28.5])
path = os.path.join(D, "fenshi.xlsx")
wb.save(path)
print("wrote", path)
