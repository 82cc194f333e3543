#!/usr/bin/env python3
"""Reference values for the experiment statistics, computed independently with SciPy and NumPy.

Run: python3 scripts/reference/stats-reference.py  (writes test/fixtures/stats/reference.json)
The TypeScript core never sees this code; the tests compare the core against these numbers.
"""
import json
import math
from pathlib import Path

import numpy as np
from scipy import integrate, special, stats

OUT = Path(__file__).resolve().parents[2] / "test" / "fixtures" / "stats" / "reference.json"


def sample_size(baseline, mde, absolute=False, alpha=0.05, power=0.8):
    p1 = baseline
    p2 = baseline + mde if absolute else baseline * (1 + mde)
    pbar = (p1 + p2) / 2
    za = stats.norm.isf(alpha / 2)
    zb = stats.norm.ppf(power)
    root = za * np.sqrt(2 * pbar * (1 - pbar)) + zb * np.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return {"baseline": baseline, "mde": mde, "absolute": absolute, "alpha": alpha, "power": power,
            "perVariant": int(math.ceil(root**2 / (p2 - p1) ** 2)), "p2": p2}


def z_test(n1, c1, n2, c2, alpha=0.05):
    # The pooled z-test equals Pearson's chi-square on the 2x2 table without continuity correction.
    table = np.array([[c1, n1 - c1], [c2, n2 - c2]])
    if min(table.sum(axis=0)) == 0:
        p_value = 1.0
    else:
        p_value = float(stats.chi2_contingency(table, correction=False).pvalue)
    p1, p2 = c1 / n1, c2 / n2
    z = stats.norm.isf(alpha / 2)
    se_diff = math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    out = {"control": [n1, c1], "variant": [n2, c2], "alpha": alpha, "pValue": p_value,
           "diffLow": p2 - p1 - z * se_diff, "diffHigh": p2 - p1 + z * se_diff,
           "lift": None, "liftLow": None, "liftHigh": None}
    if c1 > 0:
        out["lift"] = p2 / p1 - 1
    if c1 > 0 and c2 > 0:
        se = math.sqrt((1 - p1) / c1 + (1 - p2) / c2)
        centre = math.log(p2 / p1)
        out["liftLow"] = math.expm1(centre - z * se)
        out["liftHigh"] = math.expm1(centre + z * se)
    return out


def welch(control, variant, alpha=0.05):
    (m1, s1, n1), (m2, s2, n2) = control, variant
    res = stats.ttest_ind_from_stats(m2, s2, n2, m1, s1, n1, equal_var=False)
    v1, v2 = s1**2 / n1, s2**2 / n2
    df = (v1 + v2) ** 2 / (v1**2 / (n1 - 1) + v2**2 / (n2 - 1))
    margin = stats.t.isf(alpha / 2, df) * math.sqrt(v1 + v2)
    diff = m2 - m1
    return {"control": list(control), "variant": list(variant), "alpha": alpha, "pValue": float(res.pvalue),
            "df": df, "diff": diff, "ciLow": diff - margin, "ciHigh": diff + margin}


def srm(visitors, weights=None):
    total = sum(visitors)
    w = weights or [1] * len(visitors)
    expected = [total * x / sum(w) for x in w]
    res = stats.chisquare(visitors, expected)
    return {"visitors": visitors, "weights": weights, "pValue": float(res.pvalue), "chiSquare": float(res.statistic)}


def holm(pvalues):
    m = len(pvalues)
    order = sorted(range(m), key=lambda i: (pvalues[i], i))
    adjusted = [0.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * pvalues[i]))
        adjusted[i] = running
    return {"pValues": pvalues, "adjusted": adjusted}


def prob_beat(n1, c1, n2, c2):
    a1, b1, a2, b2 = 1 + c1, 1 + n1 - c1, 1 + c2, 1 + n2 - c2
    if a2 <= 200_000:
        # Evan Miller's closed form, every term from scipy's betaln, summed in log space.
        i = np.arange(a2, dtype=float)
        logs = special.betaln(a1 + i, b1 + b2) - np.log(b2 + i) - special.betaln(1 + i, b2) - special.betaln(a1, b1)
        value = float(np.exp(special.logsumexp(logs)))
        method = "closed form"
    else:
        A, B = stats.beta(a1, b1), stats.beta(a2, b2)
        lo = min(A.ppf(1e-15), B.ppf(1e-15))
        hi = max(A.isf(1e-15), B.isf(1e-15))
        value, _ = integrate.quad(lambda x: B.pdf(x) * A.cdf(x), lo, hi, points=[A.mean(), B.mean()], limit=500, epsabs=1e-12)
        method = "quadrature"
    return {"control": [n1, c1], "variant": [n2, c2], "probability": min(1.0, value), "method": method}


def main():
    reference = {
        "normal": [{"z": z, "cdf": float(stats.norm.cdf(z)), "sf": float(stats.norm.sf(z))}
                   for z in [-37.5, -20, -8.2, -3, -1.96, -0.5, 0, 0.3, 1, 2.5, 5, 9, 15, 30]],
        "normalQuantile": [{"p": p, "z": float(stats.norm.ppf(p))}
                           for p in [1e-300, 1e-50, 1e-12, 1e-6, 0.001, 0.02425, 0.025, 0.1, 0.5, 0.8, 0.975, 0.97575, 0.999, 1 - 1e-9]],
        "incompleteBeta": [{"a": a, "b": b, "x": x, "value": float(special.betainc(a, b, x))}
                           for a, b, x in [(0.5, 0.5, 0.3), (2, 3, 0.4), (10, 0.5, 0.9), (50, 40, 0.6), (0.5, 200, 0.001),
                                           (1e4, 2e4, 0.333), (3.7, 1.2, 0.999), (1e6, 1e7, 0.0909)]],
        "incompleteGamma": [{"a": a, "x": x, "q": float(special.gammaincc(a, x)), "p": float(special.gammainc(a, x))}
                            for a, x in [(0.5, 0.01), (0.5, 2), (1, 3), (2.5, 1), (10, 30), (100, 90), (0.5, 400), (1000, 1200)]],
        "studentQuantile": [{"p": p, "df": df, "t": float(stats.t.ppf(p, df))}
                            for p, df in [(0.975, 1), (0.975, 2.5), (0.975, 10), (0.995, 30.7), (0.9, 1000), (0.975, 1e6), (0.025, 5)]],
        "chiSquare": [{"x": x, "df": df, "sf": float(stats.chi2.sf(x, df))}
                      for x, df in [(0.1, 1), (3.84, 1), (10, 2), (50, 3), (200, 1), (1500, 4)]],
        "sampleSize": [sample_size(*args) for args in [
            (0.1, 0.1), (0.05, 0.2), (0.03, 0.05), (0.5, 0.02), (0.9, 0.05), (0.001, 0.5), (0.2, 0.01, True),
            (0.2, -0.01, True), (0.1, 0.1, False, 0.01, 0.9), (0.1, -0.2), (0.95, 0.04, True), (0.0005, 1.0, False, 0.1, 0.5),
        ]],
        "zTest": [z_test(*args) for args in [
            (1000, 100, 1000, 120), (10000, 500, 10000, 560), (200, 10, 180, 25), (5000, 5, 5000, 0),
            (100, 99, 120, 120), (1_000_000, 50_000, 1_000_000, 52_000), (1_000_000, 10_000, 1_000_000, 14_000),
            (50, 5, 5000, 500), (10000, 2000, 9000, 1500, 0.01), (300, 0, 300, 0), (400, 1, 350, 2),
        ]],
        "welch": [welch(*args) for args in [
            ((10, 2, 30), (11, 3, 25)), ((100, 15, 1000), (101, 15, 1000)), ((5, 1, 5), (9, 4, 4)),
            ((50, 10, 200000), (50.2, 12, 180000)), ((0.3, 0.1, 3), (0.1, 0.02, 40), 0.01), ((20, 5, 12), (35, 1, 12)), ((100, 5, 50), (110, 5, 50)), ((100, 5, 400), (103, 9, 30)),
        ]],
        "srm": [srm(*args) for args in [
            ([5000, 5000],), ([5000, 5200],), ([10000, 10321, 9800],), ([100_000, 101_500],), ([900, 100], [9, 1]),
            ([8000, 2100], [0.8, 0.2]), ([1_000_000, 990_000],), ([50, 60, 40, 55],),
        ]],
        "holm": [holm(p) for p in [[0.01, 0.04, 0.03], [0.2], [0.001, 0.001, 0.5, 0.04], [0.5, 0.6, 0.9], [1e-10, 0.02, 0.03, 0.04, 0.05]]],
        "probBeat": [prob_beat(*args) for args in [
            (1000, 100, 1000, 120), (1000, 120, 1000, 100), (100, 0, 100, 0), (50, 3, 60, 9), (10, 10, 10, 9),
            (20000, 400, 20000, 460), (5000, 2500, 5000, 2450), (3, 1, 2, 2),
            (1_000_000, 100_000, 1_000_000, 100_800), (2_000_000, 600_000, 1_500_000, 451_000),
            (400_000, 200_000, 4_000_000, 2_001_000),
        ]],
    }
    OUT.write_text(json.dumps(reference, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
