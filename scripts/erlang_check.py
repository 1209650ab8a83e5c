#!/usr/bin/env python3
"""Independent Erlang C oracle for tests/staffing.rs.

Computes the probability of waiting with the textbook closed form
    P_w = (A^N/N! * N/(N-A)) / (sum_{k<N} A^k/k! + A^N/N! * N/(N-A))
in exact rational arithmetic (Python Fractions: big integers, so no
factorial overflow and no rounding), then the service level
SL(t) = 1 - P_w * exp(-(N-A) t / AHT) and ASA = P_w * AHT / (N-A) with
mpmath at 40 digits. The program under test uses the Erlang B recursion in
f64 instead, so the two share no code and no method.

Also prints Student-t quantiles from mpmath (the inverse of the regularised
incomplete beta function) for the confidence-interval tests.

Run: python3 scripts/erlang_check.py
"""
from fractions import Fraction as F
from math import factorial
import mpmath as mp

mp.mp.dps = 40


def p_wait(a: F, n: int) -> F:
    top = a**n / factorial(n) * F(n) / (F(n) - a)
    bottom = sum(a**k / factorial(k) for k in range(n)) + top
    return top / bottom


def report(label, a, n, aht, t=None):
    pw = p_wait(a, n)
    pwf = mp.mpf(pw.numerator) / pw.denominator
    af = mp.mpf(a.numerator) / a.denominator
    asa = pwf * aht / (n - af)
    line = f"{label}: A={float(a)} N={n} P_w={mp.nstr(pwf, 15)} ASA={mp.nstr(asa, 15)} occ={mp.nstr(af / n, 15)}"
    if t is not None:
        sl = 1 - pwf * mp.e ** (-(n - af) * t / aht)
        line += f" SL({t})={mp.nstr(sl, 15)}"
    print(line)
    return pwf


def first_n(a, aht, share, t, cap=1.0):
    n = int(a) + 1
    af = mp.mpf(a.numerator) / a.denominator
    while True:
        pw = p_wait(a, n)
        pwf = mp.mpf(pw.numerator) / pw.denominator
        sl = 1 - pwf * mp.e ** (-(n - af) * t / aht)
        if sl >= share and af / n <= cap:
            return n, sl
        n += 1


# Westbay Engineers / Mitan, "The Erlang-C Formula" (mitan.co.uk/erlang/elgcmath.htm):
# 360 calls per half hour, 4-minute calls, 55 agents, 15 s target.
a = F(360 * 240, 1800)
report("mitan", a, 55, 240, 15)
print("mitan first N for 80% in 15 s:", first_n(a, 240, 0.8, 15))
# Call Centre Helper's worked example: 100 calls in 30 minutes, AHT 180 s, 80 % in 20 s.
a = F(100 * 180, 1800)
for n in range(11, 16):
    report("cch", a, n, 180, 20)
print("cch first N for 80% in 20 s:", first_n(a, 180, 0.8, 20))
# Large traffic: 4,320 chats an hour at 250 s effective handle time = 300 Erlangs.
a = F(4320 * 250, 3600)
for n in (301, 310, 320):
    report("large", a, n, 250, 20)
print("large first N for 80% in 20 s:", first_n(a, 250, 0.8, 20))
# 1,000 Erlangs.
a = F(1000)
report("huge", a, 1030, 100, 10)
print("huge first N for 90% in 10 s:", first_n(a, 100, 0.9, 10))
# Chat: 270 inquiries/h, AHT 360 s, 3 concurrent chats (factor 2.5) -> 144 s effective.
a = F(270 * 144, 3600)
print("chat A =", float(a))
print("chat first N for 80% in 30 s:", first_n(a, 144, 0.8, 30))
print("chat first N for 80% in 30 s with cap 0.8:", first_n(a, 144, 0.8, 30, 0.8))

# Student-t two-sided quantiles t_{1-alpha/2, df}.
def t_quantile(p, df):
    # solve CDF(x) = p for x > 0: CDF = 1 - I_{df/(df+x^2)}(df/2, 1/2)/2
    f = lambda x: 1 - mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + x * x), regularized=True) / 2 - p
    return mp.findroot(f, 2)

for p, df in ((0.975, 1), (0.975, 3), (0.975, 5), (0.95, 9), (0.995, 4), (0.975, 29), (0.975, 200)):
    print(f"t({p}, {df}) = {mp.nstr(t_quantile(p, df), 12)}")

# Bigger chat hour (×3 what-if): 810 inquiries/h at 144 s -> 32.4 Erlangs.
a = F(810 * 144, 3600)
print("chat x3 A =", float(a), "first N for 80% in 30 s:", first_n(a, 144, 0.8, 30))
# Erlang B, A = 5, N = 10 (published tables: 1.84 %).
def erlang_b_exact(a, n):
    top = a**n / factorial(n)
    return top / sum(a**k / factorial(k) for k in range(n + 1))
print("erlang B(5,10) =", float(erlang_b_exact(F(5), 10)))
print("erlang B(300,310) =", float(erlang_b_exact(F(300), 310)))
# Occupancy-capped: A = 10.8 at cap 0.7 -> 16 agents; its SL and P_w.
report("chat cap", F(108, 10), 16, 144, 30)

# QA noise fixture: two agents at 88 and 84, 6 chats each, sd 8, 95 %.
h = t_quantile(0.975, 5) * 8 / mp.sqrt(6)
print("half(sd 8, n 6, 95%) =", mp.nstr(h, 12))
n = 2
while not (16 * t_quantile(0.975, n - 1) / mp.sqrt(n) < 4):
    n += 1
print("samples to separate 88 vs 84 (sd 8):", n, mp.nstr(t_quantile(0.975, n - 1), 10))
print("t(0.975, 62) =", mp.nstr(t_quantile(0.975, 62), 10), "t(0.975, 63) =", mp.nstr(t_quantile(0.975, 63), 10))
