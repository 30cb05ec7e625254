"""Example: the fan chart of R&D intensity and hntes from a run file.

    innosim run --scenario baseline --scenario plan --scenario plan_post_subsidy_30 --out plan.h5
    python3 analysis/fan_chart_example.py plan.h5 --out fan.png
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import innosim  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file")
    p.add_argument("--out", default="fan.png")
    p.add_argument("--indicator", action="append", help="default: rd_intensity and hntes")
    a = p.parse_args()
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = a.indicator or ["rd_intensity", "hntes"]
    ds = innosim.open_run(a.file)
    fig, axes = plt.subplots(1, len(names), figsize=(6 * len(names), 4), squeeze=False)
    for ax, name in zip(axes[0], names):
        innosim.fan_chart(ds, name, ax=ax)
    fig.tight_layout()
    fig.savefig(a.out, dpi=100)
    print(innosim.targets(ds).to_string(index=False))
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
