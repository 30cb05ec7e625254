"""Read innosim's HDF5 files from Python (numpy, h5py, xarray, pandas, matplotlib).

    import innosim                      # with analysis/ on sys.path
    ds = innosim.open_run("innosim-yinchuan.h5")
    ds.trajectories.sel(indicator="rd_intensity", time=2025).median("replicate")
    panel = innosim.open_panel("panel.h5", "plan")       # one row per firm and year
    innosim.fan_chart(ds, "rd_intensity").figure.savefig("rd.png")

The file follows netCDF-4's rules (docs/OUTPUT.md), so `xr.open_dataset(path,
engine="h5netcdf")` alone gives the root's labelled arrays. netCDF does not pass a parent's
coordinates to its groups; open_run reads /summary and /summary/targets too and labels them
with the root's axes, so everything is in one Dataset.
"""
import h5py
import numpy as np
import pandas as pd
import xarray as xr

QUANTILES = {"q05": 0.05, "q25": 0.25, "q50": 0.50, "q75": 0.75, "q95": 0.95}


def _decode(v):
    if isinstance(v, bytes):
        return v.decode()
    if isinstance(v, np.ndarray) and v.dtype.kind in "SO":
        return [x.decode() if isinstance(x, bytes) else x for x in v.tolist()]
    return v


def open_run(path):
    """The run file as one xarray.Dataset: /trajectories, /fiscal, the /summary arrays and the
    targets (their fields as variables along `target`), with the root's attributes decoded."""
    root = xr.open_dataset(path, engine="h5netcdf").load()
    parts = [root]
    for group in ("summary", "summary/targets"):
        g = xr.open_dataset(path, engine="h5netcdf", group=group).load()
        coords = {d: root[d] for d in g.dims if d in root.coords}
        g = g.assign_coords(coords)
        if group == "summary/targets":
            g = g.rename({k: f"target_{k}" for k in g.data_vars if k not in ("probability", "probability_se")})
            g = g.rename({"probability": "target_probability", "probability_se": "target_probability_se"})
        parts.append(g)
        root.attrs.update({f"{group}:{k}": v for k, v in g.attrs.items()})
    ds = xr.merge(parts, combine_attrs="override")
    ds.attrs = {k: _decode(v) for k, v in root.attrs.items()}
    ds["indicator_units"] = ds.indicator_units.astype(str)
    return ds


def indicator(ds, name):
    """One indicator's trajectories [scenario, replicate, time], with its unit."""
    da = ds.trajectories.sel(indicator=name).drop_vars("indicator")
    da.attrs["units"] = str(ds.indicator_units.sel(indicator=name).values)
    da.name = name
    return da


def targets(ds):
    """The targets as a DataFrame, one row each, with the probability of every scenario."""
    df = pd.DataFrame({k.removeprefix("target_"): _decode(ds[k].values)
                       for k in ("target_indicator", "target_year", "target_value",
                                 "target_comparison", "target_source")})
    for s in ds.scenario.values:
        df[f"p_{s}"] = ds.target_probability.sel(scenario=s).values
    return df


def open_panel(path, scenario):
    """The firm panel of one scenario (`innosim run --panel`) as a pandas DataFrame: one row
    per firm and year, columns as docs/OUTPUT.md lists them; `sector` as its name."""
    with h5py.File(path, "r") as f:
        g = f["panel"][scenario]
        df = pd.DataFrame({k: g[k][:] for k in g if k != "row"})
        configs = [_decode(c) for c in f.attrs["config"]]
        names = [_decode(s) for s in f["scenario"][:]]
    import tomllib
    sectors = [s["name"] for s in tomllib.loads(configs[names.index(scenario)])["region"]["sectors"]]
    df["sector"] = pd.Categorical.from_codes(df["sector"], sectors)
    return df


def fan_chart(ds, name, ax=None, scenarios=None, with_targets=True):
    """Median, 50% and 90% bands over replicates of one indicator, one colour per scenario,
    and its targets as markers. Returns the matplotlib Axes."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if ax is None:
        ax = plt.figure(figsize=(7, 4)).add_subplot()
    da = indicator(ds, name)
    years = ds.time.values
    for k, s in enumerate(scenarios or list(ds.scenario.values)):
        q = da.sel(scenario=s).quantile([0.05, 0.25, 0.5, 0.75, 0.95], dim="replicate").values
        colour = f"C{k}"
        ax.fill_between(years, q[0], q[4], color=colour, alpha=0.15, linewidth=0)
        ax.fill_between(years, q[1], q[3], color=colour, alpha=0.3, linewidth=0)
        ax.plot(years, q[2], color=colour, label=str(s))
    if with_targets:
        t = targets(ds)
        for _, row in t[(t.indicator == name) & (t.comparison != "growth>=")].iterrows():
            ax.plot([row.year], [row.value], marker="*", markersize=12, color="black",
                    linestyle="none", label=f"target {row.comparison} {row.value:g}")
    from matplotlib.ticker import MaxNLocator
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(name)
    ax.set_xlabel("year")
    ax.set_ylabel(da.attrs["units"])
    ax.legend(fontsize="small")
    return ax
