#!/usr/bin/env python3
"""Fixtures for the across-months tests (#18), with the expected numbers
worked out here, independently of the Rust code (printed with --expect).

- 3m-2026-08/10/11.tsv: four agents over three held months with a gap
  (2026-09 missing); 晓晨 leaves after October, 新人 joins in October,
  Amy is spelled AMY in November, 新人 has no 首次响应时间 in November.
- 6m-2026-0X.tsv: ten agents over six months with a 总分 column and hire
  dates (seeded), for the talent view.
- demo3/…: the demo team over three months (2026-09..11) for the e2e test.
"""
import math, random, sys, os

OUT = "tests/fixtures/months"
os.makedirs(OUT, exist_ok=True)
HDR = ["客服昵称", "询单人数", "询单转化率", "客单价", "退款率", "客服销售额", "首次响应时间"]
M3 = {
    "2026-08": [("小雨", 1000, .40, 200, .05, 30), ("Amy", 800, .50, 150, .04, 25), ("晓晨", 600, .30, 180, .02, 40)],
    "2026-10": [("小雨", 1100, .35, 210, .06, 38), ("Amy", 820, .52, 155, .03, 24), ("晓晨", 550, .28, 185, .025, 41),
                ("新人", 300, .20, 150, .05, 50)],
    "2026-11": [("小雨", 1050, .38, 205, .05, 33), ("AMY", 900, .45, 160, .03, 28), ("新人", 400, .30, 160, .04, None)],
}

def sales(i, c, a, r):
    return i * c * a * (1 - r)

def write(path, hdr, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\t".join(hdr) + "\n")
        for r in rows:
            f.write("\t".join("" if v is None else str(v) for v in r) + "\n")

for m, rows in M3.items():
    out = []
    for n, i, c, a, r, fr in rows:
        out.append([n, i, f"{c*100:g}%", a, f"{r*100:g}%", f"{sales(i, c, a, r):.2f}", fr])
    write(f"{OUT}/3m-{m}.tsv", HDR, out)

# Six months for the talent view.
rng = random.Random(18)
names = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
hires = ["2025-01-10", "2025-03-01", "2025-06-15", "2025-09-01", "2025-12-01", "2026-01-20",
         "2026-02-01", "2026-03-01", "2026-04-16", "2026-05-01"]
base = [92, 88, 70, 85, 60, 78, 75, 90, 65, 80]
M6 = {}
for k, m in enumerate(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]):
    rows = []
    for j, n in enumerate(names):
        if hires[j][:7] > m:
            continue
        rows.append([n, hires[j], round(base[j] + rng.uniform(-6, 6), 1)])
    M6[m] = rows
    write(f"{OUT}/6m-{m}.tsv", ["客服昵称", "入职日期", "总分"], rows)

# The demo team over three months for the e2e test: November is the embedded
# demo (src/io/demo_team.tsv) plus a hire-date column; October and September
# step back from it with seeded changes of a few percent. 小雨 converted 10
# points better and answered 8 s faster in October, so November shows her
# falling; 阿乐 joined in November (absent before); hire dates spread over
# 2025-03..2026-08 (阿乐 2026-11), so some agents are in probation.
def gen_demo_months():
    lines = open("src/io/demo_team.tsv", encoding="utf-8").read().splitlines()
    hdr = lines[0].split("\t")
    rows = [l.split("\t") for l in lines[1:]]
    drng = random.Random(1811)
    hires = {}
    for r in rows:
        y, m = drng.choice([(2025, 3), (2025, 6), (2025, 9), (2025, 12), (2026, 2), (2026, 5), (2026, 8)])
        hires[r[0]] = f"{y}-{m:02d}-{drng.randint(1, 28):02d}"
    hires["阿乐"] = "2026-11-02"
    ix = {h: i for i, h in enumerate(hdr)}
    def num(v):
        return float(v.rstrip("%")) / 100 if v.endswith("%") else float(v)
    def step_back(rows, k):
        out = []
        for r in rows:
            name = r[0]
            if k == 1 and name == "阿乐":
                continue
            inq = max(20, round(num(r[ix["询单人数"]]) * drng.uniform(0.9, 1.08)))
            conv = min(0.8, num(r[ix["询单转化率"]]) * drng.uniform(0.94, 1.06))
            aov = round(num(r[ix["客单价"]]) * drng.uniform(0.95, 1.05), 2)
            refund = round(min(0.2, num(r[ix["退款率"]]) * drng.uniform(0.85, 1.15)), 4)
            first = round(num(r[ix["首次响应时间"]]) * drng.uniform(0.93, 1.07), 1)
            if name == "小雨" and k == 1:
                conv, first = conv + 0.10, max(5.0, first - 8)
            paid = round(inq * conv)
            conv = paid / inq
            sales = round(inq * conv * aov * (1 - refund), 2)
            n = list(r)
            n[ix["询单人数"]] = str(inq)
            n[ix["询单->最终付款人数"]] = str(paid)
            n[ix["询单转化率"]] = f"{conv*100:.2f}%"
            n[ix["客单价"]] = f"{aov:.2f}"
            n[ix["退款率"]] = f"{refund*100:.2f}%"
            n[ix["客服销售额"]] = f"{sales:.2f}"
            n[ix["首次响应时间"]] = f"{first}"
            n[ix["质检得分"]] = f"{min(100, num(r[ix['质检得分']]) + drng.uniform(-4, 4)):.1f}"
            out.append(n)
        return out
    nov = rows
    octo = step_back(nov, 1)
    sept = step_back(octo, 2)
    for label, rs in [("2026-09", sept), ("2026-10", octo), ("2026-11", nov)]:
        write(f"{OUT}/demo-{label}.tsv", hdr + ["入职日期"], [r + [hires[r[0]]] for r in rs])

gen_demo_months()

if "--expect" not in sys.argv:
    sys.exit(0)

def L(a, b):
    return a if a == b else (a - b) / (math.log(a) - math.log(b))

def lmdi(f0, f1):
    e0 = [f0[0], f0[1], f0[2], 1 - f0[3]]
    e1 = [f1[0], f1[1], f1[2], 1 - f1[3]]
    s0 = math.prod(e0); s1 = math.prod(e1)
    l = L(s1, s0)
    return s0, s1, [l * math.log(b / a) for a, b in zip(e0, e1)]

def f(m, n):
    r = next(x for x in M3[m] if x[0] == n)
    return r[1:5]

for n in ["小雨", "Amy"]:
    s0, s1, p = lmdi(f("2026-08", n), f("2026-10", n))
    print(n, "S0", repr(s0), "S1", repr(s1), "parts", [repr(x) for x in p], "sum-delta", sum(p) - (s1 - s0))
# team 08 -> 10 over the agents in both months
def team(m, names):
    I = sum(f(m, n)[0] for n in names)
    IC = sum(f(m, n)[0] * f(m, n)[1] for n in names)
    ICA = sum(f(m, n)[0] * f(m, n)[1] * f(m, n)[2] for n in names)
    S = sum(sales(*f(m, n)) for n in names)
    return [I, IC / I, ICA / IC, 1 - S / ICA]
stay = ["小雨", "Amy", "晓晨"]
s0, s1, p = lmdi(team("2026-08", stay), team("2026-10", stay))
print("team", repr(s0), repr(s1), [repr(x) for x in p])

# Rotation on 2026-11 (AMY confirmed as Amy): gaps per candidate
def mean(xs): return sum(xs) / len(xs)
def col(m, k):
    return [r[k] for r in M3[m] if r[k] is not None]
names_k = {"询单人数": 1, "客单价": 3, "退款率": 4, "首次响应时间": 5}
for nm, k in names_k.items():
    now = mean(col("2026-11", k))
    before = mean([mean(col("2026-10", k)), mean(col("2026-08", k))])
    up = nm in ("询单人数", "客单价")
    gap = (before - now) / abs(before) if up else (now - before) / abs(before)
    print("history", nm, now, before, gap)
sales11 = [sales(*r[1:5]) for r in M3["2026-11"]]
s10 = [sales(*r[1:5]) for r in M3["2026-10"]]
s08 = [sales(*r[1:5]) for r in M3["2026-08"]]
b = mean([mean(s10), mean(s08)])
print("history 客服销售额", mean(sales11), b, (b - mean(sales11)) / b, "target 300000:", (300000 - sum(sales11)) / 300000, sum(sales11))

# Talent: top fifth / bottom tenth by 总分, probation < 3 months at each month end.
def days_in(y, m):
    return [31, 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
def tenure(h, m):
    hy, hm, hd = map(int, h.split("-")); y, mo = map(int, m.split("-"))
    return (y * 12 + mo) - (hy * 12 + hm) + 1 - (hd - 1) / days_in(hy, hm)
def cut(m, share, top):
    v = [(r[2], i, r[0]) for i, r in enumerate(M6[m]) if tenure(r[1], m) >= 3]
    v.sort(key=lambda x: (-x[0], x[1]) if top else (x[0], x[1]))
    c = min(max(1, math.floor(len(v) * share + 0.5)), len(v))
    last = v[c - 1][0]
    return [x[2] for j, x in enumerate(v) if j < c or x[0] == last]
months6 = list(M6)
tops = {m: cut(m, .2, True) for m in months6}
bots = {m: cut(m, .1, False) for m in months6}
print("tops", tops)
print("bottoms", bots)
for n, h in zip(names, hires):
    print("tenure", n, tenure(h, "2026-06"))
