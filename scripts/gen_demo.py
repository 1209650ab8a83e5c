#!/usr/bin/env python3
"""Generates src/io/demo_team.tsv: 30 fictional agents (20 售前, 10 售后) with
realistic monthly values. Deterministic (fixed seed); rerun only to change the demo.
Sales follow the identity 客服销售额 = 询单人数 × 询单转化率 × 客单价 × (1 − 退款率)."""
import random
rng = random.Random(20261101)
names = "小雨 阿杰 晓晨 木子 小桃 七七 安然 一诺 小鹿 念念 悠悠 青青 阿宁 子墨 小林 若溪 星辰 糖糖 可可 小满 南风 知夏 暖暖 阿福 米粒 橙子 小北 阿乐 思思 月月".split()
hdr = ["客服昵称","分组","咨询人数","接待人数","询单人数","询单->最终付款人数","询单转化率","客单价","客服销售额","退款率","首次响应时间","平均响应时间","慢响应人数","回复率","答问比","客户满意度","中差评数","出勤天数","质检得分"]
rows = ["\t".join(hdr)]
for i, n in enumerate(names):
    pre = i < 20
    inq = rng.randint(650, 1500) if pre else rng.randint(60, 220)
    conv = rng.uniform(0.30, 0.55) if pre else rng.uniform(0.18, 0.38)
    paid = round(inq * conv)
    conv = paid / inq
    aov = round(rng.uniform(120, 260), 2)
    refund = round(rng.uniform(0.01, 0.06) if pre else rng.uniform(0.03, 0.09), 4)
    sales = round(inq * conv * aov * (1 - refund), 2)
    served = inq + rng.randint(150, 600) if pre else rng.randint(700, 1400)
    consult = served + rng.randint(5, 40)
    first = round(rng.uniform(8, 42), 1)
    avg = round(first + rng.uniform(10, 30), 1)
    slow = rng.randint(0, 25)
    reply = round(rng.uniform(0.95, 1.0), 4)
    ratio = round(rng.uniform(0.8, 1.6), 2)
    sat = round(rng.uniform(0.86, 0.99), 4)
    bad = rng.randint(0, 5)
    days = rng.choice([26, 26, 25, 24, 26, 22, 26, 25, 18])
    qa = round(rng.uniform(74, 98), 1)
    rows.append("\t".join([n, "售前" if pre else "售后", str(consult), str(served), str(inq), str(paid),
        f"{conv*100:.2f}%", f"{aov:.2f}", f"{sales:.2f}", f"{refund*100:.2f}%", f"{first}", f"{avg}",
        str(slow), f"{reply*100:.2f}%", f"{ratio}", f"{sat*100:.2f}%", str(bad), str(days), f"{qa}"]))
open("src/io/demo_team.tsv", "w", encoding="utf-8").write("\n".join(rows) + "\n")
