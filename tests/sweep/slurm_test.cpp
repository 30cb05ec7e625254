// The documented Slurm recipe (docs/CLUSTERS.md), run for real: a single-node cluster is
// started in a private folder (tests/cluster/slurm_cluster.sh), the job-array script
// scripts/slurm_sweep_array.sh is submitted with sbatch --array, the shards are merged, and the
// file equals the one-process sweep's. Not run, with the reason printed, where a cluster
// cannot start (no slurm-wlm or munge, not root).
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "io/h5.h"
#include "test_support.h"

using namespace innosim;
namespace fs = std::filesystem;

namespace {

struct Shell {
  int status = -1;
  std::string output;
};

Shell shell(const std::string& cmd) {
  Shell r;
  FILE* p = ::popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return r;
  char buf[4096];
  while (std::fgets(buf, sizeof buf, p)) r.output += buf;
  const int raw = ::pclose(p);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

std::string q(const std::string& s) { return "'" + s + "'"; }

}  // namespace

TEST_CASE("a sweep submitted as a Slurm job array and merged equals one process",
          "[sweep][app][slurm]") {
  test::TempDir dir;
  const std::string fixture = test::data_dir() + "/tests/cluster/slurm_cluster.sh";
  const Shell up = shell(q(fixture) + " start " + q(dir.path("cluster")));
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
  const Shell job =
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
    REQUIRE(a.size() == b.size());
    CHECK(std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
  }
  const auto first = [&](const std::string& f) {
    return h5::File::open_read(f).open_group("sensitivity").open_dataset("first").read_doubles();
  };
  const auto a = first(dir.path("one.h5")), b = first(dir.path("merged.h5"));
  CHECK(std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}
