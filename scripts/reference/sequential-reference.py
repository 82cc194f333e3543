#!/usr/bin/env python3
"""Reference values for the always-valid (sequential) intervals, computed independently with SciPy.

Run: python3 scripts/reference/sequential-reference.py  (writes test/fixtures/stats/sequential.json)
The TypeScript core uses the closed form of the normal-mixture boundary. Here the boundary is found
from its definition instead: the mixture martingale  M(u) = E_{λ~N(0,ρ²)} exp(λu − λ²n/2)  is
integrated numerically and the half-width is the u where M(u) = 1/α (brentq); the always-valid
p-value is 1/M(u) at the observed u. Two routes to one number.
"""
import json
import math
from pathlib import Path

from scipy import integrate, optimize, stats

OUT = Path(__file__).resolve().parents[2] / "test" / "fixtures" / "stats" / "sequential.json"


def log_mixture(u, n, rho2):
    # log E over λ ~ N(0, ρ²) of exp(λu − λ²n/2), by quadrature around the integrand's peak, in log
    # space (the integrand's log is taken out at the peak so large u cannot overflow).
    sd = math.sqrt(rho2)
    log_f = lambda lam: lam * u - lam * lam * n / 2 + stats.norm.logpdf(lam, 0, sd)
    peak = u / (n + 1 / rho2)
    spread = 1 / math.sqrt(n + 1 / rho2)
    top = log_f(peak)
    value, _ = integrate.quad(lambda lam: math.exp(log_f(lam) - top), peak - 40 * spread, peak + 40 * spread,
                              points=[peak], limit=400, epsabs=0, epsrel=1e-13)
    return top + math.log(value)


def sequential(n1, c1, n2, c2, alpha, planned_total):
    p1, p2 = c1 / n1, c2 / n2
    n = n1 + n2
    variance = p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2
    sigma = math.sqrt(n * variance)  # per-visitor standard deviation of the difference
    l = -2 * math.log(alpha)
    rho2 = (l + math.log(l + 1)) / planned_total
    # Half-width in units of the normalised sum S/σ: solve M(u) = 1/α.
    u = optimize.brentq(lambda x: log_mixture(x, n, rho2) + math.log(alpha), 0, 100 * math.sqrt(n), xtol=1e-14, rtol=1e-14)
    half = sigma * u / n
    diff = p2 - p1
    observed = abs(diff) * n / sigma
    p_value = min(1.0, math.exp(-log_mixture(observed, n, rho2)))
    return {"control": [n1, c1], "variant": [n2, c2], "alpha": alpha, "plannedTotal": planned_total,
            "difference": diff, "low": diff - half, "high": diff + half, "pValue": p_value}


def main():
    cases = [
        (1000, 100, 1000, 120, 0.05, 20000),
        (5000, 250, 5000, 300, 0.05, 20000),
        (12000, 552, 12000, 674, 0.05, 2 * 9100),
        (24000, 1080, 24000, 1320, 0.05, 2 * 9100),
        (3000, 90, 3100, 93, 0.1, 12000),
        (200, 10, 180, 25, 0.05, 1000),
        (100000, 5000, 100000, 5100, 0.01, 400000),
        (800, 400, 820, 420, 0.05, 1600),
    ]
    reference = {"sequential": [sequential(*case) for case in cases]}
    OUT.write_text(json.dumps(reference, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
