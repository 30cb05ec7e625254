// The documented Slurm recipe (docs/CLUSTERS.md), run for real: a single-node cluster is
// started in a private folder (tests/cluster/slurm_cluster.sh), the job-array script
// scripts/slurm_sweep_array.sh is submitted with sbatch --array, the shards are merged, and the
// file equals the one-process sweep's. Not run, with the reason printed, where a cluster
// cannot start (no slurm-wlm or munge, not root).

#include <catch2/catch.hpp>
#include <filesystem>

#include "io/h5.h"
#include "test_support.h"

using namespace innosim;
namespace fs = std::filesystem;

namespace {

// The commands' errors too: they explain a failure.
test::ShellResult shell(const std::string& cmd) { return test::shell(cmd + " 2>&1"); }

std::string q(const std::string& s) { return "'" + s + "'"; }

}  // namespace

TEST_CASE("a sweep submitted as a Slurm job array and merged equals one process",
          "[sweep][app][slurm]") {
  test::TempDir dir;
  const std::string fixture = test::data_dir() + "/tests/cluster/slurm_cluster.sh";
  const test::ShellResult up = shell(q(fixture) + " start " + q(dir.path("cluster")));
  if (up.status == 3) {
    WARN("not run: a Slurm cluster cannot start here: " << up.output);
    return;
  }
  INFO(up.output);
  REQUIRE(up.status == 0);
  struct Stop {
    std::string cmd;
    ~Stop() { shell(cmd); }
  } stop{q(fixture) + " stop " + q(dir.path("cluster"))};
  const std::string conf = "SLURM_CONF=" + q(dir.path("cluster/slurm.conf"));

  std::string sets;
  for (const auto& s : test::small_region()) sets += (sets.empty() ? "\"" : ", \"") + s + "\"";
  const std::string design =
      dir.file("d.toml",
               "[sweep]\nregion = \"yinchuan\"\nscenarios = [\"plan\"]\nsampler = \"saltelli\"\n"
               "points = 4\nreplicates = 1\nseed = 3\nresamples = 20\nset = [" +
                   sets +
                   ", \"time.end_year=2023\"]\n[[sweep.factors]]\nkey = "
                   "\"levers.rd_post_subsidy.rate\"\nmin = 0.0\nmax = 0.3\n[[sweep.factors]]\n"
                   "key = \"firm.entry_rate\"\nmin = 0.08\nmax = 0.16\n");
  const std::string innosim = std::string(INNOSIM_BINARY) + " --data-dir " + q(test::data_dir());
  REQUIRE(
      shell(innosim + " sweep " + q(design) + " --quiet --out " + q(dir.path("one.h5"))).status ==
      0);

  // The script as documented, with the binary under test; a time limit instead of a hang.
  const test::ShellResult job =
      shell(conf + " timeout 600 sbatch --wait --array=0-1 --output=" + q(dir.path("job-%a.log")) +
            " " + q(test::data_dir() + "/scripts/slurm_sweep_array.sh") + " " + q(design) + " " +
            q(dir.path("shards")) + " " + q(std::string(INNOSIM_BINARY)));
  INFO(job.output
       << shell("cat " + q(dir.path("job-0.log")) + " " + q(dir.path("job-1.log"))).output);
  REQUIRE(job.status == 0);
  REQUIRE(fs::exists(dir.path("shards/shard-0-of-2.h5")));
  REQUIRE(fs::exists(dir.path("shards/shard-1-of-2.h5")));
  REQUIRE(shell(innosim + " merge " + q(dir.path("shards/shard-0-of-2.h5")) + " " +
                q(dir.path("shards/shard-1-of-2.h5")) + " --quiet --out " +
                q(dir.path("merged.h5")))
              .status == 0);
  for (const char* name : {"trajectories", "fiscal"}) {
    const auto a = h5::File::open_read(dir.path("one.h5")).open_dataset(name).read_doubles();
    const auto b = h5::File::open_read(dir.path("merged.h5")).open_dataset(name).read_doubles();
    CHECK(test::same_bits(a, b));
  }
  const auto first = [&](const std::string& f) {
    return h5::File::open_read(f).open_group("sensitivity").open_dataset("first").read_doubles();
  };
  const auto a = first(dir.path("one.h5")), b = first(dir.path("merged.h5"));
  CHECK(test::same_bits(a, b));
}
