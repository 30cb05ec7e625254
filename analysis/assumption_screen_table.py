"""The ranking table of a Morris screen (docs/CALIBRATION.md, "Screening"): for each factor,
mu* and sigma of each reported indicator in the last year, relative to the indicator's mean
over the design (so indicators in other units compare), ranked by the largest relative mu*.

    python3 analysis/assumption_screen_table.py innosim-sweep-assumption_morris.h5 [--top 20]
"""
import argparse

import h5py
import numpy as np


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file")
    p.add_argument("--top", type=int, default=20)
    p.add_argument("--indicator", action="append",
                   default=None, help="default: the design's report_indicators")
    a = p.parse_args()
    with h5py.File(a.file, "r") as f:
        names = [x.decode() for x in f["index/indicator"][:]]
        factors = [x.decode() for x in f["index/factor"][:]]
        years = f["index/time"][:]
        mu_star = f["sensitivity/mu_star"][0, -1]  # [indicator, factor], first scenario, last year
        sigma = f["sensitivity/sigma"][0, -1]
        level = np.nanmean(f["trajectories"][:, 0, :, -1, :], axis=(0, 1))  # [indicator]
        design = f["design"].attrs["text"].decode()
    wanted = a.indicator or [x.strip().strip('"') for x in
                             design.split("report_indicators = [")[1].split("]")[0].split(",")]
    cols = [names.index(w) for w in wanted]
    rel_mu = np.abs(mu_star[cols].T / level[cols])  # [factor, indicator]
    rel_sigma = np.abs(sigma[cols].T / level[cols])
    order = np.argsort(-rel_mu.max(axis=1))
    print(f"Morris screen, {len(factors)} factors, year {years[-1]}: mu* and sigma over the "
          "indicator's mean, per unit of each factor's range")
    print("| rank | factor | " + " | ".join(f"{w} μ* (σ)" for w in wanted) + " |")
    print("|---|---|" + "---|" * len(wanted))
    for rank, k in enumerate(order[:a.top], 1):
        cells = " | ".join(f"{rel_mu[k, j]:.3f} ({rel_sigma[k, j]:.3f})" for j in range(len(wanted)))
        print(f"| {rank} | `{factors[k]}` | {cells} |")
    share = rel_mu.max(axis=1)
    print(f"\n{(share > 0.05).sum()} factors move some indicator by more than 5% of its mean; "
          f"{(share > 0.01).sum()} by more than 1%; {(share <= 0.01).sum()} by 1% or less.")


if __name__ == "__main__":
    main()
