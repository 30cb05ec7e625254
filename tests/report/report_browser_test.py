"""The report rendered in headless Chromium (issue 13 item 4): no script errors, every chart
drawn, ink in each chart's area of a real screenshot.

    report_browser_test.py INNOSIM DATA_DIR SCREENSHOT.png tutorial|small

`tutorial` runs docs/TUTORIAL.md's commands as they are (Yinchuan, 100 replicates, about a
minute on two cores); `small` a shrunk region (the sanitizer build). Skips with
"not run: <why>" where Chromium or Pillow is absent. The screenshot is kept at SCREENSHOT.png,
and its top (the charts) at SCREENSHOT-charts.png: docs/images/ holds the ones this test made.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

innosim, data_dir, screenshot, mode = sys.argv[1:5]
browser = shutil.which("chromium") or shutil.which("chromium-browser")
if not browser:
    print("not run: Chromium is not installed (Debian: chromium; scripts/setup.sh installs it)")
    sys.exit(0)
try:
    from PIL import Image
except ImportError:
    print("not run: Pillow is not installed (Debian: python3-pil)")
    sys.exit(0)
import h5py

SMALL = ["region.firms_total=4000", "region.firms_above_scale=20", "region.hntes=10",
         "region.tech_smes=30", "region.rd_expenditure=1.5e8"]

with tempfile.TemporaryDirectory() as tmp:
    run, page = os.path.join(tmp, "run.h5"), os.path.join(tmp, "report.html")
    # docs/TUTORIAL.md, step 2 and 3.
    cmd = [innosim, "--data-dir", data_dir, "run", "--region", "yinchuan", "--scenario",
           "baseline", "--scenario", "plan", "--scenario", "plan_post_subsidy_30", "--seed", "7",
           "--quiet", "--out", run]
    if mode == "small":
        cmd += ["--replicates", "4"]
        for s in SMALL:
            cmd += ["--set", s]
    subprocess.run(cmd, check=True)
    subprocess.run([innosim, "--data-dir", data_dir, "report", run, "--out", page, "--quiet"],
                   check=True)
    with h5py.File(run, "r") as f:
        targets = [x.decode() for x in f["summary/targets/indicator"][:]]
    expected = len(set(targets) | {"rd_intensity", "hntes", "tech_smes", "fiscal_cost_total"})

    def chromium(*args):
        return subprocess.run(
            [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             f"--user-data-dir={tmp}/profile", "--enable-logging=stderr", "--v=0",
             "--window-size=1300,4400", *args, "file://" + page],
            capture_output=True, text=True, timeout=120)

    dom = chromium("--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    console_errors = [l for l in dom.stderr.splitlines() if "CONSOLE" in l and "rror" in l]
    assert not console_errors, console_errors
    body = re.search(r"<body([^>]*)>", dom.stdout)
    assert body, dom.stdout[:2000]
    attrs = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', body.group(1)))
    print("page:", {k: v for k, v in attrs.items() if k != "chart-boxes"})
    assert attrs.get("script-errors") == "0", attrs
    assert attrs.get("charts-expected") == str(expected), (attrs, expected)
    assert attrs.get("charts-drawn") == str(expected), attrs
    assert attrs.get("charts-inked") == str(expected), attrs
    boxes = json.loads(attrs["chart-boxes"].replace("&quot;", '"'))
    assert len(boxes) == expected

    shot = chromium(f"--screenshot={screenshot}")
    assert shot.returncode == 0 and os.path.exists(screenshot), shot.stderr[-2000:]
    image = Image.open(screenshot).convert("L")
    for k, (x, y, w, h) in enumerate(boxes):
        area = image.crop((int(x), int(y), int(x + w), int(y + h)))
        inked = sum(1 for p in area.getdata() if p < 200) / (area.width * area.height)
        print(f"chart {k}: {100 * inked:.1f}% of its pixels drawn")
        assert inked > 0.01, f"chart {k} at {x, y} looks blank ({inked:.3%} ink)"
    # A finished sweep's report: the sensitivity bars of 4 outcomes.
    design = os.path.join(tmp, "design.toml")
    with open(design, "w") as d:
        d.write('[sweep]\nregion = "yinchuan"\nscenarios = ["plan"]\nset = [' +
                ", ".join(f'"{x}"' for x in SMALL + ["time.end_year=2022"]) +
                ']\nsampler = "saltelli"\npoints = 4\nreplicates = 1\nseed = 3\n'
                'resamples = 50\n[[sweep.factors]]\nkey = "levers.rd_post_subsidy.rate"\n'
                'min = 0.0\nmax = 0.4\n[[sweep.factors]]\nkey = "levers.talent_allowance.amount"\n'
                'min = 0.0\nmax = 4e5\n')
    sweep = os.path.join(tmp, "sweep.h5")
    subprocess.run([innosim, "--data-dir", data_dir, "sweep", design, "--quiet", "--out", sweep],
                   check=True)
    subprocess.run([innosim, "report", sweep, "--out", page, "--quiet"], check=True)
    sweep_dom = chromium("--dump-dom")
    sweep_attrs = dict(re.findall(r'data-([a-z-]+)="([^"]*)"',
                                  re.search(r"<body([^>]*)>", sweep_dom.stdout).group(1)))
    assert sweep_attrs.get("script-errors") == "0", sweep_attrs
    assert sweep_attrs.get("charts-drawn") == sweep_attrs.get("charts-inked") == "4", sweep_attrs
    assert "Sobol" in sweep_dom.stdout

    top = max(y + h for x, y, w, h in boxes) + 10
    Image.open(screenshot).crop((0, 0, 1300, int(top))).save(screenshot[:-4] + "-charts.png")
    print(f"the report draws its {expected} charts without a script error; screenshot {screenshot}")
