#!/usr/bin/env python3
"""Reference values for the experiment statistics, computed independently with SciPy and NumPy.

Run: python3 scripts/reference/stats-reference.py  (writes test/fixtures/stats/reference.json)
The TypeScript core never sees this code; the tests compare the core against these numbers.
Written with SciPy 1.17 and NumPy 2.4. Revenue is tested on visitor-level values drawn here from
fixed seeds: SciPy's ttest_ind runs on the raw values, and only their sums (n, S = sum x,
Q = sum x^2) go into the table, so the core's path from sums to Welch's test is checked against
SciPy's path from rows.
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


def revenue(seed, control, variant, alpha=0.05):
    """Visitor-level revenue for two arms: each visitor buys with probability p, an order's value is
    lognormal(mu, sigma). Welch's test on the raw values, by SciPy, for revenue per visitor and for
    average order value (the buyers' values only)."""
    rng = np.random.default_rng(seed)

    def draw(n, p, mu, sigma):
        buys = rng.random(n) < p
        return np.where(buys, rng.lognormal(mu, sigma, n), 0.0), buys

    (n1, p1, mu1, s1), (n2, p2, mu2, s2) = control, variant
    x1, b1 = draw(n1, p1, mu1, s1)
    x2, b2 = draw(n2, p2, mu2, s2)

    def sums(x, b):
        return {"visitors": int(len(x)), "conversions": int(b.sum()), "revenue": math.fsum(x), "revenueSquares": math.fsum(x * x)}

    def compare(a, b):
        res = stats.ttest_ind(b, a, equal_var=False)
        ci = res.confidence_interval(confidence_level=1 - alpha)
        m1, m2 = float(np.mean(a)), float(np.mean(b))
        se1, se2 = float(np.std(a, ddof=1)) / math.sqrt(len(a)), float(np.std(b, ddof=1)) / math.sqrt(len(b))
        z = stats.norm.isf(alpha / 2)
        margin = z * math.hypot(se1 / m1, se2 / m2)
        centre = math.log(m2 / m1)
        return {"pValue": float(res.pvalue), "df": float(res.df), "diff": m2 - m1, "diffLow": float(ci.low), "diffHigh": float(ci.high),
                "lift": m2 / m1 - 1, "liftLow": math.expm1(centre - margin), "liftHigh": math.expm1(centre + margin),
                "probabilityToBeatControl": float(stats.norm.cdf((m2 - m1) / math.hypot(se1, se2)))}

    return {"seed": seed, "alpha": alpha, "control": sums(x1, b1), "variant": sums(x2, b2),
            "perVisitor": compare(x1, x2), "aov": compare(x1[b1], x2[b2])}


def multi_arm(baseline, mde, arms, alpha=0.05, power=0.8):
    """Sized for Holm: its first step tests the smallest p-value at alpha/(arms - 1), Bonferroni's level,
    and Holm rejects at least what Bonferroni does, so each comparison's power is at least planned."""
    per_arm = sample_size(baseline, mde, False, alpha / (arms - 1), power)["perVariant"]
    two = sample_size(baseline, mde, False, alpha, power)["perVariant"]
    return {"baseline": baseline, "mde": mde, "arms": arms, "alpha": alpha, "power": power, "alphaPerComparison": alpha / (arms - 1),
            "perArm": per_arm, "total": per_arm * arms, "twoArmTotal": two * 2, "extraVisitors": per_arm * arms - two * 2}


def detectable(baseline, weekly_traffic, weeks, alpha=0.05, power=0.8):
    """The smallest relative lift the sample-size formula detects with the visitors of `weeks` weeks,
    split evenly between two arms: the root of n(p2) = floor(traffic * weeks / 2), by brentq."""
    from scipy.optimize import brentq
    n = math.floor(weekly_traffic * weeks / 2)
    p1 = baseline
    za, zb = stats.norm.isf(alpha / 2), stats.norm.ppf(power)

    def needed(p2):
        pbar = (p1 + p2) / 2
        root = za * math.sqrt(2 * pbar * (1 - pbar)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
        return root**2 / (p2 - p1) ** 2 - n

    hi = 1 - 1e-12
    lift = None
    if n >= 1 and needed(hi) < 0:
        lift = brentq(needed, p1 + 1e-12 * max(p1, 1e-3), hi, xtol=1e-15, rtol=1e-14, maxiter=500) / p1 - 1
    return {"baseline": baseline, "weeklyTraffic": weekly_traffic, "weeks": weeks, "alpha": alpha, "power": power, "perArm": n, "lift": lift}


def brand_fit(strata, threshold=80, alpha=0.05):
    """Mantel-Haenszel odds ratio of converting, on-brand (fit >= threshold) against off-brand arms,
    within each experiment, with the Robins-Breslow-Greenland interval and the Cochran-Mantel-Haenszel
    test without continuity correction. Each stratum: [[visitors, conversions, fit], ...]."""
    tables = []
    for arms in strata:
        on = [a for a in arms if a[2] >= threshold]
        off = [a for a in arms if a[2] < threshold]
        if not on or not off:
            continue
        a = sum(x[1] for x in on); b = sum(x[0] - x[1] for x in on)
        c = sum(x[1] for x in off); d = sum(x[0] - x[1] for x in off)
        tables.append((a, b, c, d))
    R = [a * d / (a + b + c + d) for a, b, c, d in tables]
    S = [b * c / (a + b + c + d) for a, b, c, d in tables]
    P = [(a + d) / (a + b + c + d) for a, b, c, d in tables]
    Q = [(b + c) / (a + b + c + d) for a, b, c, d in tables]
    sr, ss = sum(R), sum(S)
    oratio = sr / ss
    var = (sum(p * r for p, r in zip(P, R)) / (2 * sr**2) + sum(p * s_ + q * r for p, q, r, s_ in zip(P, Q, R, S)) / (2 * sr * ss)
           + sum(q * s_ for q, s_ in zip(Q, S)) / (2 * ss**2))
    z = stats.norm.isf(alpha / 2)
    dev = sum(a - (a + b) * (a + c) / (a + b + c + d) for a, b, c, d in tables)
    v = sum((a + b) * (c + d) * (a + c) * (b + d) / ((a + b + c + d) ** 2 * (a + b + c + d - 1)) for a, b, c, d in tables)
    chi = dev**2 / v
    out = {"strata": strata, "threshold": threshold, "alpha": alpha, "oddsRatio": oratio,
           "low": math.exp(math.log(oratio) - z * math.sqrt(var)), "high": math.exp(math.log(oratio) + z * math.sqrt(var)),
           "chiSquare": chi, "pValue": float(stats.chi2.sf(chi, 1))}
    if len(tables) == 1:
        # One stratum: the MH odds ratio is the table's own sample odds ratio, as SciPy computes it.
        a, b, c, d = tables[0]
        assert abs(stats.contingency.odds_ratio([[a, b], [c, d]], kind="sample").statistic - oratio) <= 1e-12 * oratio
    return out


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
        "revenue": [revenue(*args) for args in [
            (101, (5000, 0.04, 3.5, 0.8), (5000, 0.045, 3.5, 0.8)),
            (202, (20000, 0.03, 4.0, 1.0), (20000, 0.03, 4.15, 1.0)),
            (303, (800, 0.1, 2.0, 0.5), (750, 0.08, 2.1, 0.6), 0.01),
            (404, (50000, 0.02, 3.0, 1.2), (48000, 0.021, 2.9, 1.2)),
            (505, (3000, 0.3, 1.0, 0.3), (3100, 0.3, 1.05, 0.3)),
        ]],
        "multiArm": [multi_arm(*args) for args in [
            (0.05, 0.1, 2), (0.05, 0.1, 3), (0.05, 0.1, 4), (0.1, 0.2, 3), (0.02, 0.05, 5), (0.3, 0.05, 3, 0.1, 0.9),
        ]],
        "detectability": [detectable(*args) for args in [
            (0.05, 10000, 2), (0.05, 10000, 4), (0.05, 10000, 8), (0.02, 3000, 2), (0.02, 3000, 13), (0.3, 500, 4),
            (0.001, 200, 13), (0.1, 1_000_000, 8), (0.05, 10000, 4, 0.01, 0.9),
        ]],
        "brandFit": [brand_fit(*args) for args in [
            ([[[10000, 400, 60], [10000, 470, 90]]],),
            ([[[10000, 400, 60], [10000, 470, 90], [10000, 455, 85]], [[5000, 150, 72], [5000, 180, 95]], [[8000, 800, 40], [8000, 790, 30]]],),
            ([[[2000, 100, 88], [2000, 90, 50]], [[3000, 60, 81], [3000, 75, 79]]], 80, 0.1),
        ]],
    }
    OUT.write_text(json.dumps(reference, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
