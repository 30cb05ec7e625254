// The HDF5 layer: what is written reads back with the same shape, values and attributes;
// the run schema carries its dimension scales and provenance.
#include "io/h5.h"

#include <hdf5.h>
#include <hdf5_hl.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>

#include "core/errors.h"
#include "io/output_file.h"
#include "observe/indicator_catalog.h"
#include "policy/fiscal_ledger.h"
#include "test_support.h"

using namespace innosim;

TEST_CASE("datasets - strings and attributes round-trip", "[io]") {
  test::TempDir dir;
  const std::string path = dir.path("rt.h5");
  std::vector<double> values(2 * 3 * 4);
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = 0.5 * static_cast<double>(i) - 3.0;
  values[5] = std::nan("");
  {
    h5::File f = h5::File::create_in_memory(path);
    f.set_attribute("seed", std::int64_t{42});
    f.set_attribute("label", std::string("银川 Yinchuan"));
    f.set_attribute("rate", 0.15);
    h5::Group g = f.create_group("group");
    h5::Dataset d = g.create_doubles("cube", {2, 3, 4}, values, {1, 3, 4});
    d.set_attribute("units", std::vector<std::string>{"CNY", "%"});
    g.create_strings("names", {"gdp", "rd_intensity", ""});
    g.create_ints("years", {2021, 2022});
    f.save(path);
  }
  h5::File f = h5::File::open_read(path);
  CHECK(f.int_attribute("seed") == 42);
  CHECK(f.string_attribute("label") == "银川 Yinchuan");
  CHECK(f.double_attribute("rate") == 0.15);
  h5::Group g = f.open_group("group");
  h5::Dataset d = g.open_dataset("cube");
  CHECK(d.dims() == std::vector<std::uint64_t>{2, 3, 4});
  const auto back = d.read_doubles();
  REQUIRE(back.size() == values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (std::isnan(values[i]))
      CHECK(std::isnan(back[i]));
    else
      CHECK(back[i] == values[i]);
  }
  CHECK(d.string_list_attribute("units") == std::vector<std::string>{"CNY", "%"});
  CHECK(g.open_dataset("names").read_strings() ==
        std::vector<std::string>{"gdp", "rd_intensity", ""});
  CHECK(g.open_dataset("years").read_ints() == std::vector<std::int64_t>{2021, 2022});
  CHECK_THROWS_WITH(g.open_dataset("missing"), Catch::Matchers::Contains("rt.h5") &&
                                                   Catch::Matchers::Contains("/group/missing"));
}

TEST_CASE("a run file has the documented schema", "[io]") {
  test::TempDir dir;
  const std::string path = dir.path("run.h5");
  EnsembleResult r;
  r.scenario_names = {"baseline", "plan"};
  r.years = {2021, 2022, 2023};
  r.replicates = 2;
  r.trajectories.assign(2 * 2 * 3 * kIndicatorCount, 1.0);
  r.fiscal.assign(2 * 2 * 3 * kLeverCount * kGovLevels, 0.0);
  Target t{"hntes", 2023, 250, ">=", "T18"};
  const Summary s = summarise(r, {t});
  Provenance p{7, "innosim run --seed 7", {"a = 1", "a = 2"}, "Test", "Monte Carlo noise only", {},
               {}};
  write_output(path, r, s, p);

  h5::File f = h5::File::open_read(path);
  CHECK(f.int_attribute("schema_version") == kSchemaVersion);
  CHECK(f.int_attribute("seed") == 7);
  CHECK(f.string_attribute("filetype") == "innosim-run");
  CHECK(f.has_attribute("innosim_version"));
  CHECK(f.has_attribute("config"));
  h5::Dataset traj = f.open_dataset("trajectories");
  CHECK(traj.dims() == std::vector<std::uint64_t>{2, 2, 3, kIndicatorCount});
  // The axes are dimension scales at the root (netCDF-4 scoping), attached to every dataset.
  for (const char* axis :
       {"scenario", "replicate", "time", "indicator", "lever", "level", "quantile", "target"})
    CHECK(H5DSis_scale(f.open_dataset(axis).id()) > 0);
  for (unsigned dim = 0; dim < 4; ++dim) CHECK(H5DSget_num_scales(traj.id(), dim) == 1);
  CHECK(f.open_dataset("time").read_ints() == std::vector<std::int64_t>{2021, 2022, 2023});
  // The labels innosim reads back are fixed-length attributes (the axes' are variable-length).
  CHECK(f.string_list_attribute("scenario_names") == r.scenario_names);
  const auto names = f.string_list_attribute("indicator_names");
  REQUIRE(names.size() == kIndicatorCount);
  CHECK(names[kRdIntensity] == "rd_intensity");
  CHECK(f.string_list_attribute("indicator_units").size() == kIndicatorCount);
  CHECK_THROWS_AS(f.open_dataset("scenario").read_strings(), IoError);  // refused, not read
  h5::Group summary = f.open_group("summary");
  CHECK(summary.string_attribute("reference") == "baseline");
  CHECK(summary.open_dataset("quantiles").dims() ==
        std::vector<std::uint64_t>{2, 3, kIndicatorCount, 5});
  CHECK(summary.open_dataset("effects").dims() ==
        std::vector<std::uint64_t>{2, 3, kIndicatorCount, 5});
  const h5::Group targets = summary.open_group("targets");
  const h5::Dataset prob = targets.open_dataset("probability");
  CHECK(prob.read_doubles() == std::vector<double>{0.0, 0.0});  // hntes of 1 never reaches 250
  CHECK(targets.open_dataset("probability_se").read_doubles() == std::vector<double>{0.0, 0.0});
  CHECK(H5DSget_num_scales(prob.id(), 1) == 1);  // the target axis is labelled
  CHECK(H5DSget_num_scales(targets.open_dataset("indicator").id(), 0) == 1);
  const std::vector<double> cum = summary.open_dataset("cumulative_cost").read_doubles();
  CHECK(summary.open_dataset("cumulative_cost").dims() ==
        std::vector<std::uint64_t>{2, kLeverCount + 1, kGovLevels + 1, 5});
  CHECK(std::all_of(cum.begin(), cum.end(), [](double v) { return v == 0; }));  // no outlay
  CHECK(summary.open_dataset("cost_effectiveness").dims() ==
        std::vector<std::uint64_t>{2, kCostMeasures.size(), 5});
  CHECK(f.open_dataset("fiscal").dims() ==
        std::vector<std::uint64_t>{2, 2, 3, kLeverCount, kGovLevels});
}

// Reliability review, issue 17 item 3: corruption read as numbers, and libhdf5's
// variable-length string reader crashed or hung on damaged heaps.
TEST_CASE("a corrupted chunk fails to read and variable-length strings are refused, not read",
          "[io][security]") {
  test::TempDir dir;
  const std::string path = dir.path("c.h5");
  std::vector<double> values(4096);
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = std::sin(static_cast<double>(i));
  {
    h5::File f = h5::File::create_in_memory(path);
    f.create_doubles("x", {values.size()}, values);
    f.save(path);
  }
  haddr_t offset = 0;
  hsize_t size = 0;
  {
    h5::File f = h5::File::open_read(path);
    const h5::Dataset d = f.open_dataset("x");
    CHECK(d.read_doubles() == values);
    const hsize_t origin[1] = {0};
    unsigned mask = 0;
    REQUIRE(H5Dget_chunk_info_by_coord(d.id(), origin, &mask, &offset, &size) >= 0);
  }
  {
    std::fstream io(path, std::ios::in | std::ios::out | std::ios::binary);
    io.seekg(static_cast<std::streamoff>(offset + size / 2));
    const char c = static_cast<char>(io.get() ^ 0x5a);
    io.seekp(static_cast<std::streamoff>(offset + size / 2));
    io.put(c);
  }
  {
    h5::File f = h5::File::open_read(path);
    CHECK_THROWS_AS(f.open_dataset("x").read_doubles(), IoError);
  }

  // A variable-length string dataset and attribute, written with the raw API.
  const std::string vlen = dir.path("v.h5");
  {
    const hid_t file = H5Fcreate(vlen.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, H5T_VARIABLE);
    const hsize_t n = 1;
    const hid_t space = H5Screate_simple(1, &n, nullptr);
    const char* text[] = {"baseline"};
    const hid_t d = H5Dcreate2(file, "labels", type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    H5Dwrite(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, text);
    const hid_t a = H5Acreate2(file, "filetype", type, space, H5P_DEFAULT, H5P_DEFAULT);
    H5Awrite(a, type, text);
    H5Aclose(a);
    H5Dclose(d);
    H5Sclose(space);
    H5Tclose(type);
    H5Fclose(file);
  }
  h5::File f = h5::File::open_read(vlen);
  CHECK_THROWS_WITH(f.open_dataset("labels").read_strings(),
                    Catch::Matchers::Contains("expected fixed-length strings"));
  CHECK_THROWS_WITH(f.string_attribute("filetype"),
                    Catch::Matchers::Contains("expected fixed-length strings"));
}

TEST_CASE("a chunk marked as stored uncompressed but shorter than it holds is refused, not read",
          "[io][security]") {
  // The sweep-file fuzzer's finding: a damaged filter mask skipped deflate on a 350-byte
  // chunk, and libhdf5 copied it as a whole 2,144-byte one, past its own buffer.
  test::TempDir dir;
  const std::string path = dir.path("short.h5");
  {
    h5::File f = h5::File::create_in_memory(path);
    f.create_doubles("x", {64}, std::vector<double>(64, 1.0));
    f.create_doubles("ok", {64}, std::vector<double>(64, 2.0));
    f.save(path);
  }
  {
    const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    const hid_t d = H5Dopen2(file, "x", H5P_DEFAULT);
    const hsize_t origin[1] = {0};
    const char bytes[16] = {};
    // Every filter marked as skipped (bits 0-2), 16 bytes for 64 doubles.
    REQUIRE(H5Dwrite_chunk(d, H5P_DEFAULT, 0x7, origin, sizeof bytes, bytes) >= 0);
    H5Dclose(d);
    H5Fclose(file);
  }
  const h5::File f = h5::File::open_read(path);
  CHECK_THROWS_WITH(f.open_dataset("x").read_doubles(), Catch::Contains("damaged") &&
                                                            Catch::Contains("chunk 0") &&
                                                            Catch::Contains("16 bytes"));
  CHECK(f.open_dataset("ok").read_doubles() == std::vector<double>(64, 2.0));
}

TEST_CASE("attributes and links stay in their object headers: no fractal heap in a file",
          "[io][security]") {
  // libhdf5 overruns its buffers on a damaged dense store (fuzzing found it in H5HF__huge_op),
  // so every file innosim writes keeps attributes and links compact, and long texts are
  // datasets. HDF5 defaults go dense past 8 attributes or 8 links.
  test::TempDir dir;
  const std::string path = dir.path("compact.h5");
  const std::string text(200'000, 'x');  // beyond an attribute's 64 KiB
  {
    h5::File f = h5::File::create_in_memory(path);
    for (int k = 0; k < 40; ++k) f.set_attribute("a" + std::to_string(k), std::int64_t{k});
    h5::Group g = f.create_group("many");
    for (int k = 0; k < 40; ++k) {
      g.create_group("g" + std::to_string(k)).set_attribute("n", std::int64_t{k});
      g.create_ints("d" + std::to_string(k), {k}).set_attribute("units", std::string("1"));
    }
    f.create_text("identity", text);
    f.save(path);
  }
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // The signatures of a fractal heap header and of a version-2 B-tree header.
  CHECK(bytes.find("FRHP") == std::string::npos);
  CHECK(bytes.find("BTHD") == std::string::npos);
  h5::File f = h5::File::open_read(path);
  CHECK(f.int_attribute("a39") == 39);
  CHECK(f.open_group("many").open_group("g39").int_attribute("n") == 39);
  CHECK(f.open_dataset("identity").read_text() == text);
}
