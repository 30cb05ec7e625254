"""The run file as the ecosystem opens it (issue 13 item 5-6): xarray, ncdump, R's ncdf4, and
analysis/innosim.py with its example. One check per call:

    readers_test.py INNOSIM DATA_DIR xarray|ncdump|r|module

A check whose tool is not installed prints "not run: <why>" (ctest reports it skipped).
"""
import os
import shutil
import subprocess
import sys
import tempfile

innosim, data_dir, check = sys.argv[1], sys.argv[2], sys.argv[3]
SMALL = ["region.firms_total=4000", "region.firms_above_scale=20", "region.hntes=10",
         "region.tech_smes=30", "region.rd_expenditure=1.5e8", "time.end_year=2023"]


def not_run(why):
    print(f"not run: {why}")
    sys.exit(0)


def make_run(folder, panel=False):
    out = os.path.join(folder, "run.h5")
    cmd = [innosim, "--data-dir", data_dir, "run", "--quiet", "--replicates", "3",
           "--scenario", "baseline", "--scenario", "plan", "--out", out]
    for s in SMALL:
        cmd += ["--set", s]
    if panel:
        cmd += ["--panel"]
    subprocess.run(cmd, check=True)
    return out


with tempfile.TemporaryDirectory() as tmp:
    if check == "xarray":
        try:
            import xarray as xr
            import h5netcdf  # noqa: F401
        except ImportError as e:
            not_run(f"{e.name} is not installed (Debian: python3-xarray python3-h5netcdf)")
        f = make_run(tmp, panel=True)
        ds = xr.open_dataset(f, engine="h5netcdf")  # as it is: no phony_dims, no fixes
        assert ds.trajectories.dims == ("scenario", "replicate", "time", "indicator"), ds
        assert list(ds.scenario.values) == ["baseline", "plan"], ds.scenario.values
        assert list(ds.time.values) == [2021, 2022, 2023]
        assert "rd_intensity" in list(ds.indicator.values)
        assert ds.fiscal.dims == ("scenario", "replicate", "time", "lever", "level")
        x = ds.trajectories.sel(scenario="plan", indicator="hntes", time=2023)
        assert x.shape == (3,) and bool((x > 0).all())
        for group, var, dims in [
                ("summary", "quantiles", ("scenario", "time", "indicator", "quantile")),
                ("summary", "cumulative_cost", ("scenario", "cost_lever", "payer", "quantile")),
                ("summary/targets", "probability", ("scenario", "target")),
                ("panel/plan", "revenue", ("row",))]:
            g = xr.open_dataset(f, engine="h5netcdf", group=group)
            assert g[var].dims == dims, (group, var, g[var].dims)
        print("xarray opens the file as it is: every array labelled")
    elif check == "ncdump":
        if not shutil.which("ncdump"):
            not_run("ncdump is not installed (Debian: netcdf-bin)")
        f = make_run(tmp)
        r = subprocess.run(["ncdump", "-h", f], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        for text in ["double trajectories(scenario, replicate, time, indicator)",
                     "double probability(scenario, target)", "group: summary"]:
            assert text in r.stdout, (text, r.stdout[:2000])
        print("ncdump -h reads the file")
    elif check == "r":
        if not shutil.which("Rscript"):
            not_run("R is not installed (Debian: r-cran-ncdf4)")
        if subprocess.run(["Rscript", "-e", "library(ncdf4)"], capture_output=True).returncode:
            not_run("R's ncdf4 is not installed (Debian: r-cran-ncdf4)")
        f = make_run(tmp)
        # As many indicators as the program lists (R's order: the last dimension first).
        listed = subprocess.run([innosim, "--data-dir", data_dir, "list", "indicators"], capture_output=True, text=True)
        assert listed.returncode == 0, listed.stderr
        indicators = sum(1 for line in listed.stdout.splitlines() if line and not line[0].isspace())
        script = f"""
library(ncdf4)
f <- nc_open("{f}")
x <- ncvar_get(f, "trajectories")
stopifnot(all(dim(x) == c({indicators}, 3, 3, 2)))
stopifnot(identical(as.vector(f$dim$scenario$vals), c("baseline", "plan")))
stopifnot(all(f$dim$time$vals == c(2021, 2022, 2023)))
p <- ncvar_get(f, "summary/targets/probability")
stopifnot(all(p >= 0 & p <= 1, na.rm = TRUE))
cat("R ncdf4 reads the file\\n")
"""
        r = subprocess.run(["Rscript", "-e", script], capture_output=True, text=True)
        assert r.returncode == 0, r.stdout + r.stderr
        print(r.stdout.strip())
    elif check == "module":
        try:
            import matplotlib  # noqa: F401
            import pandas  # noqa: F401
            import xarray  # noqa: F401
        except ImportError as e:
            not_run(f"{e.name} is not installed (Debian: python3-xarray python3-pandas "
                    "python3-matplotlib)")
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        sys.path.insert(0, os.path.join(root, "analysis"))
        import innosim as inno
        f = make_run(tmp, panel=True)
        ds = inno.open_run(f)
        assert ds.quantiles.dims == ("scenario", "time", "indicator", "quantile")
        assert list(ds["quantile"].values) == ["q05", "q25", "q50", "q75", "q95"]
        assert ds.target_probability.dims == ("scenario", "target")
        assert ds.attrs["filetype"] == "innosim-run"
        rd = inno.indicator(ds, "rd_intensity")
        assert rd.attrs["units"] == "%" and rd.dims == ("scenario", "replicate", "time")
        t = inno.targets(ds)
        assert len(t) == ds.sizes["target"] and "p_plan" in t.columns
        panel = inno.open_panel(f, "plan")
        assert {"firm_id", "year", "revenue", "sector"} <= set(panel.columns)
        assert not panel.duplicated(["replicate", "firm_id", "year"]).any()
        assert panel["sector"].dtype.name == "category"
        png = os.path.join(tmp, "fan.png")
        subprocess.run([sys.executable, os.path.join(root, "analysis", "fan_chart_example.py"), f,
                        "--out", png], check=True, capture_output=True)
        assert os.path.getsize(png) > 10000
        print("analysis/innosim.py opens the file, the panel and draws the fan chart")
    else:
        sys.exit(f"unknown check {check}")
