// Configuration errors name the file, the key (and line), and what was expected.
#include <catch2/catch.hpp>
#include <sstream>

#include "config/closest_key.h"
#include "core/errors.h"
#include "test_support.h"

using namespace innosim;
using Catch::Matchers::Contains;

namespace {

ConfigError load_error(const std::string& scenario_text, std::vector<std::string> sets = {}) {
  test::TempDir dir;
  const std::string file = dir.file("bad.toml", scenario_text);
  try {
    test::load(std::move(sets), {file});
  } catch (const ConfigError& e) {
    return e;
  }
  FAIL("expected a ConfigError");
  throw;
}

}  // namespace

TEST_CASE("the default preset and its scenarios load and validate", "[config]") {
  const LoadedConfig c = load_config({test::data_dir(), "", {}, {}});
  CHECK(c.model.region.name == "yinchuan");
  CHECK(c.model.tax.hnte_rate == 0.15);
  CHECK_FALSE(c.model.levers.rd_post_subsidy.common.enabled);
  CHECK_FALSE(c.model.region.targets.empty());
  for (const auto& s : list_scenarios(test::data_dir()))
    CHECK_NOTHROW(load_for_check(test::data_dir(), test::data_dir() + "/" + s));
}

TEST_CASE("layers apply in order: model <- preset <- scenario <- --set", "[config]") {
  const std::string plan = scenario_file(test::data_dir(), "yinchuan", "plan");
  const LoadedConfig c = test::load({"levers.rd_post_subsidy.rate=0.3"}, {plan});
  CHECK(c.model.levers.rd_post_subsidy.common.enabled);  // from the scenario
  CHECK(c.model.levers.rd_post_subsidy.rate == 0.3);     // --set beats the scenario
  CHECK(c.model.levers.rd_post_subsidy.eligible ==
        Eligible::kAboveScale);        // scenario beats the model default
  CHECK(c.model.region.hntes == 170);  // from the preset
}

TEST_CASE("a misspelt key names file - line - key and the closest valid key", "[config]") {
  const ConfigError e = load_error("[levers.rd_post_subsidy]\nenabled = true\nrat = 0.3\n");
  CHECK(e.key() == "levers.rd_post_subsidy.rat");
  CHECK(e.line() == 3);
  CHECK_THAT(e.what(), Contains("bad.toml:3") && Contains("unknown key") &&
                           Contains("did you mean 'levers.rd_post_subsidy.rate'"));
}

TEST_CASE("a value of the wrong type names file - key and the expected type", "[config]") {
  const ConfigError e = load_error("[firm]\nentry_rate = \"high\"\n");
  CHECK(e.key() == "firm.entry_rate");
  CHECK_THAT(e.what(),
             Contains("bad.toml:2") && Contains("expected a number") && Contains("got a string"));
}

TEST_CASE("an out-of-range value names file - key and the allowed range", "[config]") {
  const ConfigError e = load_error("[tax]\ncorporate_rate = 1.5\n");
  CHECK(e.key() == "tax.corporate_rate");
  CHECK_THAT(e.what(), Contains("bad.toml:2") && Contains("[0, 1]") && Contains("1.5"));
}

TEST_CASE("a choice outside its options lists them", "[config]") {
  const ConfigError e = load_error("[levers.rd_post_subsidy]\nrationing = \"lottery\"\n");
  CHECK_THAT(e.what(), Contains("pro_rata|first_come|ranked") && Contains("lottery"));
}

TEST_CASE("cross-field checks name the offending key", "[config]") {
  const ConfigError shares = load_error(
      "[levers.rd_post_subsidy]\ncost_share = { national = 0.5, province = 0.0, city = 0.2, "
      "district = 0.0 }\n");
  CHECK_THAT(shares.what(), Contains("levers.rd_post_subsidy.cost_share") && Contains("sum to 1"));
  const ConfigError schedule = load_error("[tax]\nsuper_deduction_rate = [0.5]\n");
  CHECK_THAT(schedule.what(), Contains("tax.super_deduction_rate") && Contains("expected 4 rates"));
}

TEST_CASE("a TOML syntax error names file and line", "[config]") {
  const ConfigError e = load_error("[firm]\nentry_rate = = 0.1\n");
  CHECK(e.line() == 2);
  CHECK_THAT(e.what(), Contains("bad.toml:2") && Contains("TOML syntax error"));
}

TEST_CASE("set overrides are validated like files", "[config]") {
  CHECK_THROWS_WITH(test::load({"firm.entry_rte=0.2"}),
                    Contains("--set") && Contains("did you mean 'firm.entry_rate'"));
  CHECK_THROWS_WITH(test::load({"firm.entry_rate=-1"}),
                    Contains("--set") && Contains("firm.entry_rate"));
  CHECK_THROWS_WITH(test::load({"novalue"}), Contains("expected key=value"));
  // Bare words are strings.
  CHECK(test::load({"levers.rd_post_subsidy.rationing=ranked"})
            .model.levers.rd_post_subsidy.common.rationing == Rationing::kRanked);
}

TEST_CASE("an unknown region lists the known ones", "[config]") {
  CHECK_THROWS_WITH(load_config({test::data_dir(), "atlantis", {}, {}}),
                    Contains("atlantis") && Contains("yinchuan"));
}

TEST_CASE("a target must name a known indicator", "[config]") {
  const ConfigError e = load_error(
      "[[region.targets]]\nindicator = \"happiness\"\nyear = 2025\nvalue = 1\ncomparison = "
      "\">=\"\nsource = \"x\"\n");
  CHECK_THAT(e.what(), Contains("region.targets[0]") && Contains("unknown indicator 'happiness'"));
}

TEST_CASE("closest_key suggests near misses only", "[config]") {
  const std::set<std::string> known = {"firm.entry_rate", "firm.exit_hazard",
                                       "rd.price_elasticity"};
  CHECK(closest_key("firm.entry_rat", known) == "firm.entry_rate");
  CHECK(closest_key("rd.price_elastcity", known) == "rd.price_elasticity");
  CHECK(closest_key("completely.different.thing", known).empty());
}

// Reliability review (issue 17 items 4, 7, 8): hostile configs are refused quickly and clearly.
TEST_CASE("deep nesting is refused at the first unknown table - not after a deep recursion",
          "[config][security]") {
  std::string deep;
  for (int k = 0; k < 17000; ++k) deep += "a.";
  const ConfigError e = load_error("[" + deep + "b]\nx = 1\n");
  CHECK_THAT(e.what(), Contains("unknown table"));
  CHECK(e.key().size() <= 130);  // the key is cut in the message
}

TEST_CASE("NaN inside a list is refused like a NaN scalar", "[config][security]") {
  const ConfigError e = load_error("[carriers]\ncapacity = [nan, nan, nan]\n");
  CHECK(e.key() == "carriers.capacity");
  CHECK_THAT(e.what(), Contains("every element"));
}

TEST_CASE("a very long unknown key gets no did-you-mean search and a cut message",
          "[config][security]") {
  const ConfigError e = load_error("[firm]\n" + std::string(1 << 19, 'k') + " = 1\n");
  CHECK_THAT(e.what(), Contains("unknown"));
  CHECK(std::string(e.what()).size() < 1000);
}

TEST_CASE("a directory or an oversized file is not a configuration", "[config][security]") {
  test::TempDir dir;
  std::filesystem::create_directory(dir.path("d.toml"));
  CHECK_THROWS_WITH(test::load({}, {dir.path("d.toml")}), Contains("not a regular file"));
  const std::string big = dir.file("big.toml", "# " + std::string(2 << 20, 'x') + "\n");
  CHECK_THROWS_WITH(test::load({}, {big}), Contains("larger than"));
}

// Reliability review, issue 17 items 5 and 7: inf and 1e300 stocks passed every [0, inf) key
// (inf or NaN indicators, an lround overflow to zero talents, a signed overflow in the flying
// incubators, memory exhaustion), a year of 4294969319 was narrowed to 2023, and links to
// unknown regions, links to the region itself and duplicate sectors were accepted.
TEST_CASE(
    "stocks are finite and bounded by the largest real region; years are not narrowed; "
    "links and sectors are checked",
    "[config][security]") {
  const auto refused = [](const std::string& text, const std::string& key,
                          const std::string& says) {
    const ConfigError e = load_error(text);
    INFO(e.what());
    CHECK(e.key() == key);
    CHECK_THAT(e.what(), Contains(says));
    CHECK(std::string(e.what()).size() < 300);  // 1e300 is not printed in 301 digits
  };
  refused("[region]\ngdp = inf\n", "region.gdp", "finite");
  refused("[region]\ntalent_total = 1e300\nrd_personnel = 1e300\n", "region.talent_total",
          "[0, 400000000]");
  refused("[region]\ngraduates = 1e12\n", "region.graduates", "finite number in");
  refused("[region]\nuniversities = 1e9\n", "region.universities", "finite number in");
  refused("[region]\nmaker_spaces = [1e9, 0, 0]\n", "region.maker_spaces", "every element");
  refused("[levers.flying_incubator]\ngraduates_per_year = 1e12\n",
          "levers.flying_incubator.graduates_per_year", "finite number in");
  refused("[levers.guidance_fund]\nsize = inf\n", "levers.guidance_fund.size", "finite");
  refused("[tech_sme]\nfirst_year = 4294969319\n", "tech_sme.first_year", "integer in");
  refused("[region]\ngdp = 0\n", "region.gdp", "positive");
  refused("[region]\ntech_smes = 1e7\n", "region.tech_smes", "at most firms_total");
  const ConfigError year = load_error(
      "[[region.targets]]\nindicator = \"hntes\"\nyear = 4294969319\nvalue = 1\nsource = \"x\"\n");
  CHECK_THAT(year.what(), Contains("integer 'year' in [1949, 2200]"));
  const std::string link = "[[region.links]]\nto = \"%\"\noutflow_share = 0.1\ninflow_rate = 0\n";
  auto with = [&](const std::string& to) {
    return std::string(link).replace(link.find('%'), 1, to);
  };
  refused(with("atlantis"), "region.links", "link to 'atlantis'");
  refused(with("yinchuan"), "region.links", "cannot link to itself");
  refused(with("east") + with("east"), "region.links", "two links to 'east'");
  const std::string sector =
      "[[region.sectors]]\nname = \"a\"\nshare = 0.5\nindustrial_share = 0.5\n"
      "high_tech_share = 0.1\nrd_intensity_median = 0.01\ngrowth_drift = 0\n";
  refused(sector + sector, "region.sectors", "two sectors named 'a'");
  // A budget may still be unlimited.
  CHECK_NOTHROW(test::load({"levers.rd_post_subsidy.budget=inf"}));
}

TEST_CASE("a scenario that extends the plan is the plan with its own changes", "[config]") {
  const auto file = [](const char* name) {
    return scenario_file(test::data_dir(), "yinchuan", name);
  };
  const LoadedConfig plan = test::load({}, {file("plan")});
  const LoadedConfig variant = test::load({}, {file("plan_post_subsidy_30")});
  CHECK(variant.model.scenario.name == "plan_post_subsidy_30");
  CHECK(variant.model.levers.rd_post_subsidy.rate == 0.30);
  CHECK(plan.model.levers.rd_post_subsidy.rate == 0.10);
  // Everything else is the plan's: the resolved trees differ in the name, description and
  // rate lines only.
  const auto lines = [](const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
  };
  const auto a = lines(plan.resolved_toml), b = lines(variant.resolved_toml);
  REQUIRE(a.size() == b.size());
  int differ = 0;
  for (std::size_t k = 0; k < a.size(); ++k) differ += a[k] != b[k];
  CHECK(differ == 3);
  CHECK(variant.origin_file.at("levers.rd_post_subsidy.rate") == file("plan_post_subsidy_30"));
  CHECK(variant.origin_file.at("levers.rd_post_subsidy.start_year") == file("plan"));
}

TEST_CASE("extends: a chain layers root first, a cycle or a missing parent is named", "[config]") {
  test::TempDir dir;
  dir.file("root.toml",
           "[scenario]\nname = \"root\"\n[levers.rd_post_subsidy]\nenabled = true\n"
           "rate = 0.1\nstart_year = 2022\n");
  dir.file("mid.toml",
           "extends = \"root\"\n[scenario]\nname = \"mid\"\n"
           "[levers.rd_post_subsidy]\nrate = 0.2\n");
  const std::string leaf =
      dir.file("leaf.toml", "extends = \"mid.toml\"\n[scenario]\nname = \"leaf\"\n");
  const LoadedConfig c = test::load({}, {leaf});
  CHECK(c.model.scenario.name == "leaf");
  CHECK(c.model.levers.rd_post_subsidy.common.enabled);  // from root
  CHECK(c.model.levers.rd_post_subsidy.rate == 0.2);     // mid beats root
  CHECK(c.model.levers.rd_post_subsidy.common.start_year == 2022);

  dir.file("a.toml", "extends = \"b\"\n");
  dir.file("b.toml", "extends = \"c\"\n");
  dir.file("c.toml", "extends = \"a\"\n");
  try {
    test::load({}, {dir.path("a.toml")});
    FAIL("a cycle was accepted");
  } catch (const ConfigError& e) {
    CHECK_THAT(e.what(), Contains("extends") && Contains("cycle") &&
                             Contains("a.toml -> b.toml -> c.toml -> a.toml"));
  }
  const ConfigError missing = load_error("extends = \"nothere\"\n");
  CHECK_THAT(missing.what(), Contains("bad.toml") && Contains("extends") && Contains("nothere"));
  const ConfigError wrong_type = load_error("extends = 3\n");
  CHECK_THAT(wrong_type.what(), Contains("bad.toml:1") && Contains("extends"));
}

TEST_CASE("a scenario adds targets with [[scenario.targets]]", "[config]") {
  test::TempDir dir;
  const std::string file = dir.file(
      "t.toml",
      "[scenario]\nname = \"t\"\n[[scenario.targets]]\nindicator = \"rd_intensity\"\n"
      "year = 2025\nvalue = 2.0\ncomparison = \">=\"\nsource = \"a planner's own target\"\n");
  const LoadedConfig c = test::load({}, {file});
  REQUIRE(c.model.scenario.targets.size() == 1);
  CHECK(c.model.scenario.targets[0].indicator == "rd_intensity");
  CHECK_FALSE(c.model.region.targets.empty());  // the region's are kept
}
