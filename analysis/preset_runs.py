"""What the preset-by-preset analysis scripts share (lever_audit.py, bunching_table.py,
hnte_criteria_table.py): their command-line options, the presets they run, one `innosim run`
of a preset's scenario, and the hnte rules' R&D lines."""
import glob
import os
import subprocess
import tomllib

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def add_arguments(parser, replicates):
    parser.add_argument("--region", action="append",
                        help="a preset (repeatable); default: every preset with the file, but china")
    parser.add_argument("--replicates", type=int, default=replicates)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--innosim", default=os.path.join(ROOT, "build", "sim", "innosim"))
    parser.add_argument("--workdir", default="/tmp")


def hnte_rules():
    """The [hnte] table of configs/model.toml (a preset that overrides it is not read)."""
    with open(os.path.join(ROOT, "configs", "model.toml"), "rb") as f:
        return tomllib.load(f)["hnte"]


def hnte_line(revenue, year, h):
    """The R&D share the hnte rules `h` ask in `year`'s round of a firm with this revenue
    (CNY; arrays broadcast): the small band's line was 6% before hnte.rules_year."""
    small = np.where(np.asarray(year) < h["rules_year"], h["rd_share_small_before"],
                     h["rd_share_small"])
    return np.where(np.asarray(revenue) <= h["band_small_max"], small,
                    np.where(np.asarray(revenue) <= h["band_medium_max"], h["rd_share_medium"],
                             h["rd_share_large"]))


def presets(a, scenario_file):
    """The --region presets, or every preset with scenarios/<preset>/<scenario_file> but china
    (its ten-year run takes half an hour a scenario)."""
    return a.region or sorted(
        os.path.basename(os.path.dirname(f))
        for f in glob.glob(os.path.join(ROOT, "scenarios", "*", scenario_file))
        if os.path.basename(os.path.dirname(f)) != "china")


def run(a, region, scenario, sets, out, extra=()):
    """innosim run of one scenario of a preset with the options' replicates, seed and threads,
    each of `sets` as a --set, writing `out`."""
    cmd = [a.innosim, "--data-dir", ROOT, "run", "--region", region, "--scenario", scenario,
           "--replicates", str(a.replicates), "--seed", str(a.seed), "--threads", str(a.threads),
           "--quiet", "--out", out, *extra]
    for s in sets:
        cmd += ["--set", s]
    subprocess.run(cmd, check=True)
