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
w("book.xlsx", b"PK\x03\x04" + b"\x00" * 64)
w("header_only.csv", "客服昵称,询单人数,询单转化率\r\n".encode("utf-8"))
w("no_agent.csv", "日期,询单人数\r\n2026-11-01,100\r\n".encode("utf-8"))
w("all_invalid.csv", "客服昵称,询单人数,询单转化率\r\n小雨,很多,高\r\n阿杰,不少,低\r\n".encode("utf-8"))
w("ragged.csv", "客服昵称,询单人数\r\n小雨,100,多余,更多\r\n阿杰\r\n".encode("utf-8"))
w("odd_numbers.csv", "客服昵称,客服销售额,询单人数,退款率\r\n小雨,1e308,NaN,-0\r\n阿杰,-0,12,inf%\r\n".encode("utf-8"))
w("unbalanced_quotes.csv", "客服昵称,备注,询单人数\r\n小雨,\"没有结尾,100\r\n阿杰,ok,90\r\n".encode("utf-8"))
