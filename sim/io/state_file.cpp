#include "io/state_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <mutex>
#include <string_view>
#include <type_traits>

#include "core/errors.h"
#include "core/version.h"
#include "io/panel_group.h"
#include "policy/lever.h"

namespace innosim {
namespace {

constexpr const char* kFiletype = "innosim-state";

// How a value is stored: enums as their underlying integer, bool as a byte, int as int32.
template <class T>
auto stored_type() {
  if constexpr (std::is_enum_v<T>)
    return std::make_unsigned_t<std::underlying_type_t<T>>{};
  else if constexpr (std::is_same_v<T, bool>)
    return std::uint8_t{};
  else if constexpr (std::is_same_v<T, int>)
    return std::int32_t{};
  else
    return T{};
}
template <class T>
using stored_t = decltype(stored_type<T>());

// One past the largest value of each enum a state stores: a damaged file's out-of-range
// value is refused, never used as an index.
constexpr std::uint64_t enum_end(CarrierKind) { return kCarrierKinds; }
constexpr std::uint64_t enum_end(CarrierLevel) { return kCarrierLevels; }
constexpr std::uint64_t enum_end(OrgKind) { return 3; }
constexpr std::uint64_t enum_end(TalentType) { return 2; }
constexpr std::uint64_t enum_end(Recipient) { return 5; }
constexpr std::uint64_t enum_end(TieKind) { return 4; }

class Writer {
 public:
  explicit Writer(h5::Group g) : g_(std::move(g)) {}
  Writer sub(const std::string& name) { return Writer(g_.create_group(name)); }

  template <class T>
  void column(const char* name, const std::vector<T>& v) {
    if constexpr (std::is_same_v<stored_t<T>, T>) {
      g_.create_array(name, v);
    } else {
      std::vector<stored_t<T>> c(v.size());
      for (std::size_t i = 0; i < v.size(); ++i) c[i] = static_cast<stored_t<T>>(v[i]);
      g_.create_array(name, c);
    }
  }
  template <class T, std::size_t N>
  void fixed(const char* name, const std::array<T, N>& v) {
    column(name, std::vector<T>(v.begin(), v.end()));
  }
  template <class T>
  void value(const char* name, const T& v) {
    g_.create_array(name, std::vector<stored_t<T>>{static_cast<stored_t<T>>(v)});
  }
  // A vector of structs as one column per member.
  template <class Row, class... M>
  void rows(const char* name, const std::vector<Row>& v, std::pair<const char*, M Row::*>... cols) {
    Writer w = sub(name);
    (w.member_column(v, cols), ...);
  }
  // The vector member `list` of every row, concatenated, with each row's count.
  template <class Row, class T>
  void ragged(const char* name, const std::vector<Row>& v, std::vector<T> Row::*list) {
    Writer w = sub(name);
    std::vector<std::uint64_t> counts;
    std::vector<T> all;
    for (const Row& row : v) {
      counts.push_back((row.*list).size());
      all.insert(all.end(), (row.*list).begin(), (row.*list).end());
    }
    w.column("counts", counts);
    w.column("values", all);
  }

 private:
  template <class Row, class M>
  void member_column(const std::vector<Row>& v, std::pair<const char*, M Row::*> col) {
    std::vector<M> c;
    c.reserve(v.size());
    for (const Row& row : v) c.push_back(row.*col.second);
    column(col.first, c);
  }
  h5::Group g_;
};

class Reader {
 public:
  Reader(h5::Group g, const std::string& path) : g_(std::move(g)), path_(path) {}
  Reader sub(const std::string& name) const { return Reader(g_.open_group(name), path_); }
  [[noreturn]] void damaged(const std::string& what) const {
    throw IoError(path_, g_.path() + ": " + what + ": the state file is damaged; refused");
  }

  // State numbers are finite (the model never stores NaN or infinity in its agents);
  // `any_number` admits them, for recorded results.
  template <class T>
  void column(const char* name, std::vector<T>& v, bool any_number = false) const {
    const auto c = g_.open_dataset(name).template read_array<stored_t<T>>();
    v.resize(c.size());
    for (std::size_t i = 0; i < c.size(); ++i) {
      if constexpr (std::is_enum_v<T>)
        if (c[i] >= enum_end(T{})) damaged(fmt::format("{} has an unknown value {}", name, c[i]));
      if constexpr (std::is_floating_point_v<T>)
        if (!any_number && !std::isfinite(c[i])) damaged(fmt::format("{} is not finite", name));
      v[i] = static_cast<T>(c[i]);
    }
  }
  template <class T, std::size_t N>
  void fixed(const char* name, std::array<T, N>& v) const {
    std::vector<T> c;
    column(name, c, std::string_view(name) == "indicators");
    if (c.size() != N) damaged(fmt::format("{} has {} values, not {}", name, c.size(), N));
    std::copy(c.begin(), c.end(), v.begin());
  }
  template <class T>
  void value(const char* name, T& v) const {
    std::array<stored_t<T>, 1> c{};
    fixed(name, c);
    if constexpr (std::is_enum_v<T>)
      if (c[0] >= enum_end(T{})) damaged(fmt::format("{} has an unknown value", name));
    v = static_cast<T>(c[0]);
  }
  template <class Row, class... M>
  void rows(const char* name, std::vector<Row>& v, std::pair<const char*, M Row::*>... cols) const {
    const Reader r = sub(name);
    bool first = true;
    (r.member_column(v, cols, first), ...);
  }
  template <class Row, class T>
  void ragged(const char* name, std::vector<Row>& v, std::vector<T> Row::*list) const {
    const Reader r = sub(name);
    std::vector<std::uint64_t> counts;
    std::vector<T> all;
    r.column("counts", counts);
    r.column("values", all);
    if (counts.size() != v.size()) damaged(fmt::format("{} has {} rows", name, counts.size()));
    std::size_t at = 0;
    for (std::size_t k = 0; k < v.size(); ++k) {
      if (counts[k] > all.size() - at) damaged(fmt::format("{} counts more than it holds", name));
      (v[k].*list).assign(all.begin() + at, all.begin() + at + counts[k]);
      at += counts[k];
    }
    if (at != all.size()) damaged(fmt::format("{} holds more than it counts", name));
  }

 private:
  template <class Row, class M>
  void member_column(std::vector<Row>& v, std::pair<const char*, M Row::*> col, bool& first) const {
    std::vector<M> c;
    column(col.first, c);
    if (first) v.resize(c.size());
    first = false;
    if (c.size() != v.size())
      damaged(fmt::format("{} has {} rows, not {}", col.first, c.size(), v.size()));
    for (std::size_t i = 0; i < v.size(); ++i) v[i].*col.second = c[i];
  }
  h5::Group g_;
  std::string path_;
};

template <class Row, class M>
std::pair<const char*, M Row::*> col(const char* name, M Row::*member) {
  return {name, member};
}

// Every part of a World that outlives a year end, once, for the writer and the reader alike.
// Left out, because the next year's first step resets them before reading: the year's totals
// (YearTotals::reset), the year's exits (`exited`) and the emigrants (offered to the other
// regions at the year end already). The network's graph is rebuilt from its tie list.
template <class A, class W>
void archive(A& a, W& w) {
  a.value("key_seed", w.key.seed);
  a.value("key_replicate", w.key.replicate);
  a.value("key_region_salt", w.key.region_salt);
  a.value("clock_step", w.clock.step);
  a.value("clock_year", w.clock.year);
  a.value("clock_substep", w.clock.substep);
  {
    auto f = a.sub("firms");
    for_each_column_pair(w.firms, w.firms,
                         [&](const char* name, auto& column, auto&) { f.column(name, column); });
  }
  a.value("next_firm_id", w.next_firm_id);

  auto& m = w.macro;
  a.value("value_added_ratio", m.value_added_ratio);
  a.value("gdp_other", m.gdp_other);
  a.value("public_rd", m.public_rd);
  a.value("public_rd_no_lever", m.public_rd_no_lever);
  a.value("public_rd_extra", m.public_rd_extra);
  a.column("sector_productivity", m.sector_productivity);
  a.value("latent_scale", m.latent_scale);
  a.value("high_tech_exponent", m.high_tech_exponent);
  a.value("smallest_revenue", m.smallest_revenue);

  auto& e = w.eco;
  a.rows("carriers", e.carriers.rows, col("id", &Carrier::id), col("kind", &Carrier::kind),
         col("level", &Carrier::level), col("capacity", &Carrier::capacity),
         col("quality", &Carrier::quality), col("tenants", &Carrier::tenants),
         col("opened_year", &Carrier::opened_year), col("rejected", &Carrier::rejected),
         col("received", &Carrier::received), col("closed", &Carrier::closed),
         col("flying", &Carrier::flying));
  a.value("carriers_next_id", e.carriers.next_id);
  {
    auto t = a.sub("talent");
    for_each_column(e.talent, [&](const char* name, auto& column) { t.column(name, column); });
  }
  a.value("next_talent_id", e.next_talent_id);
  a.value("talent_pool", e.talent_pool);
  a.value("east_inflow_rate", e.east_inflow_rate);
  a.value("east_link", e.east_link);
  a.rows("orgs", e.research.orgs, col("id", &ResearchOrg::id), col("kind", &ResearchOrg::kind),
         col("budget", &ResearchOrg::budget), col("knowledge", &ResearchOrg::knowledge),
         col("received", &ResearchOrg::received), col("opened_year", &ResearchOrg::opened_year));
  a.rows("platforms", e.research.platforms, col("id", &Platform::id),
         col("national", &Platform::national), col("host_org", &Platform::host_org),
         col("knowledge", &Platform::knowledge), col("received", &Platform::received));
  a.value("next_org_id", e.research.next_org_id);
  a.value("next_platform_id", e.research.next_platform_id);
  a.rows("ties", e.network.ties, col("a", &Tie::a), col("b", &Tie::b));
  a.column("tie_kinds", e.network.kinds);
  a.value("network_next_id", e.network_next_id);
  a.rows("consortia", e.consortia, col("leader", &Consortium::leader),
         col("university", &Consortium::university), col("end_year", &Consortium::end_year));
  a.ragged("consortium_members", e.consortia, &Consortium::members);
  a.value("transfer_scale", e.transfer_scale);
  a.value("firm_transfer_scale", e.firm_transfer_scale);
  a.value("talent_tightness", e.talent_tightness);
  a.value("base_tightness", e.base_tightness);

  auto claims = a.sub("claims");
  for (int lever = 0; lever < kLeverCount; ++lever)
    claims.rows(kLeverNames[lever], w.fiscal.claims[lever], col("recipient", &Claim::firm_id),
                col("amount", &Claim::amount), col("merit", &Claim::merit),
                col("pay_year", &Claim::pay_year), col("to", &Claim::to));
  a.fixed("payout_ratio", w.fiscal.payout_ratio);
  a.value("guidance_committed", w.fiscal.guidance_committed);

  auto& h = w.handoffs;
  a.column("founders", h.founders);
  a.column("spinoff_orgs", h.spinoff_orgs);
  a.value("flying_startups", h.flying_startups);
  a.rows("arrivals", h.arrivals, col("type", &Migrant::type), col("skill", &Migrant::skill),
         col("talent_id", &Migrant::talent_id));
  a.fixed("indicators", w.indicators);  // the last year's, which may hold NaN (a ratio of 0/0)
}

template <class Ids>
bool increasing(const Ids& ids) {
  return std::adjacent_find(ids.begin(), ids.end(), std::greater_equal<>()) == ids.end();
}

// What a damaged or altered file could make the model index out of range or allocate without
// bound; the rest (ids that match nothing, odd amounts) the phases already tolerate.
void check_world(const Reader& r, const World& w, const ModelConfig& m, int year) {
  const FirmTable& f = w.firms;
  for_each_column_pair(f, f, [&](const char* name, const auto& column, const auto&) {
    if (column.size() != f.size())
      r.damaged(fmt::format("firm column {} has another length", name));
  });
  if (!increasing(f.id) || (f.size() && f.id.back() >= w.next_firm_id) ||
      w.next_firm_id > (std::uint64_t{1} << 32))
    r.damaged("firm ids are not increasing below next_firm_id (at most 2^32)");
  for (const auto s : f.sector)
    if (s >= m.region.sectors.size()) r.damaged("a firm's sector is not one of the preset's");
  if (w.macro.sector_productivity.size() != m.region.sectors.size())
    r.damaged("sector_productivity does not have one value per sector of the preset");
  const TalentTable& t = w.eco.talent;
  for_each_column(t, [&](const char* name, const auto& column) {
    if (column.size() != t.size())
      r.damaged(fmt::format("talent column {} has another length", name));
  });
  for (const auto type : t.type)
    if (type >= enum_end(TalentType{})) r.damaged("a talent has an unknown type");
  if (!increasing(t.id) || (t.size() && t.id.back() >= w.eco.next_talent_id))
    r.damaged("talent ids are not increasing below next_talent_id");
  if (w.eco.network.kinds.size() != w.eco.network.ties.size())
    r.damaged("the network has another number of tie kinds than ties");
  const auto ids = [](const auto& rows) {
    std::vector<std::uint32_t> out;
    for (const auto& row : rows) out.push_back(row.id);
    return out;
  };
  if (!increasing(ids(w.eco.carriers.rows)) || !increasing(ids(w.eco.research.orgs)) ||
      !increasing(ids(w.eco.research.platforms)))
    r.damaged("carrier, organisation or platform ids are not increasing");
  // Each founder or spin-off becomes a firm next year: no more than the talents and orgs
  // could start.
  if (w.handoffs.founders.size() > t.size() ||
      w.handoffs.spinoff_orgs.size() > 1000 * (w.eco.research.orgs.size() + 1) ||
      w.handoffs.flying_startups < 0 || w.handoffs.flying_startups > 1000000)
    r.damaged("more startups handed to next year than the region could found");
  if (w.clock.year != year || w.clock.substep != m.time.steps_per_year - 1 ||
      w.clock.step != (year - m.region.base_year) * m.time.steps_per_year - 1)
    r.damaged(fmt::format("the clock is not at the year end of {}", year));
}

}  // namespace

void write_state_file(const std::string& path, const StateHeader& hd,
                      const std::vector<ReplicateRun>& runs) {
  h5::File f = h5::File::create_in_memory(path);
  f.set_attribute("filetype", std::string(kFiletype));
  f.set_attribute("schema_version", std::int64_t{kStateSchemaVersion});
  f.set_attribute("innosim_version", build_identity());
  f.create_text("identity", hd.identity);
  f.set_attribute("seed", std::to_string(hd.seed));  // a string: all of [0, 2^64)
  f.set_attribute("replicates", std::int64_t{hd.replicates});
  f.set_attribute("scenarios", hd.scenarios);
  f.set_attribute("regions", hd.regions);
  f.set_attribute("base_year", std::int64_t{hd.base_year});
  f.set_attribute("end_year", std::int64_t{hd.end_year});
  f.set_attribute("steps_per_year", std::int64_t{hd.steps_per_year});
  f.set_attribute("year", std::int64_t{hd.year});
  for (std::size_t task = 0; task < runs.size(); ++task) {
    const ReplicateRun& run = runs[task];
    Writer t(f.create_group(fmt::format("task{}", task)));
    t.value("next_year", run.next_year);
    for (std::size_t k = 0; k < run.economy.regions.size(); ++k) {
      Writer g = t.sub(fmt::format("region{}", k));
      archive(g, run.economy.regions[k]);
      g.column("indicators_so_far", run.results[k].indicators);
      g.column("fiscal_so_far", run.results[k].fiscal);
      g.value("firm_steps", run.results[k].firm_steps);
    }
    t.value("record_panel", run.record_panel);
    if (run.record_panel)
      write_panel_group(f.create_group(fmt::format("task{}/panel", task)), run.panel);
  }
  f.save(path);
}

StateFile::StateFile(const std::string& path) : StateFile(h5::File::open_read(path), path) {}

StateFile::StateFile(h5::File file, const std::string& path) : path_(path), file_(std::move(file)) {
  const auto refuse = [&](const std::string& why) { throw IoError(path, why + "; refused"); };
  if (!file_.has_attribute("filetype") || file_.string_attribute("filetype") != kFiletype)
    refuse("not an innosim state file (written by innosim run --checkpoint)");
  if (file_.int_attribute("schema_version") != kStateSchemaVersion)
    refuse(fmt::format("a state file of schema {}, this innosim reads schema {}",
                       file_.int_attribute("schema_version"), kStateSchemaVersion));
  if (file_.string_attribute("innosim_version") != build_identity())
    refuse("saved by innosim " + file_.string_attribute("innosim_version") + ", this is " +
           build_identity() + ": a state continues only on the innosim that saved it");
  StateHeader& h = header_;
  h.identity = file_.open_dataset("identity").read_text();
  const std::string seed = file_.string_attribute("seed");
  const auto [end, error] = std::from_chars(seed.data(), seed.data() + seed.size(), h.seed);
  if (seed.empty() || error != std::errc() || end != seed.data() + seed.size())
    refuse("its seed '" + seed + "' is not an integer in [0, 2^64): the file is damaged");
  h.replicates = static_cast<int>(file_.int_attribute("replicates"));
  h.scenarios = file_.string_list_attribute("scenarios");
  h.regions = file_.string_list_attribute("regions");
  h.base_year = static_cast<int>(file_.int_attribute("base_year"));
  h.end_year = static_cast<int>(file_.int_attribute("end_year"));
  h.steps_per_year = static_cast<int>(file_.int_attribute("steps_per_year"));
  h.year = static_cast<int>(file_.int_attribute("year"));
  if (h.replicates < 1 || h.scenarios.empty() || h.regions.empty() || h.year < h.base_year ||
      h.year > h.end_year || h.steps_per_year < 1)
    refuse("its header is inconsistent: the file is damaged");
}

ReplicateRun StateFile::read(std::size_t task, const std::vector<const ModelConfig*>& configs,
                             int years) const {
  const std::size_t tasks = header_.scenarios.size() * static_cast<std::size_t>(header_.replicates);
  if (task >= tasks) throw IoError(path_, fmt::format("holds no task {}", task));
  if (configs.size() != header_.regions.size())
    throw IoError(path_, fmt::format("holds {} region(s) per task, the run has {}",
                                     header_.regions.size(), configs.size()));
  const int saved_years = header_.end_year - header_.base_year + 1;
  const int next = header_.year - header_.base_year + 1;
  if (years < next) throw IoError(path_, "its state is later than the run's end year");
  // HDF5 is not reentrant; the tasks of a run are read from several threads.
  static std::mutex lock;
  std::lock_guard<std::mutex> guard(lock);
  const Reader t(file_.open_group(fmt::format("task{}", task)), path_);
  ReplicateRun run{economy_shell(configs), {}, false, {}, 0};
  t.value("next_year", run.next_year);
  if (run.next_year != next) t.damaged("next_year is not the year after the state's");
  run.results.resize(configs.size());
  for (std::size_t k = 0; k < configs.size(); ++k) {
    const ModelConfig& m = *configs[k];
    if (m.region.name != header_.regions[k] || m.region.base_year != header_.base_year ||
        m.time.steps_per_year != header_.steps_per_year)
      throw IoError(path_,
                    fmt::format("is a state of region '{}' from {} with {} step(s) a year; "
                                "the run's region {} is '{}' from {} with {}",
                                header_.regions[k], header_.base_year, header_.steps_per_year, k,
                                m.region.name, m.region.base_year, m.time.steps_per_year));
    const Reader g = t.sub(fmt::format("region{}", k));
    World w;
    archive(g, w);
    check_world(g, w, m, header_.year);
    w.eco.network.rebuild(w.firms, w.eco.research);
    run.economy.regions.push_back(std::move(w));
    ReplicateResult& r = run.results[k];
    g.column("indicators_so_far", r.indicators, true);
    g.column("fiscal_so_far", r.fiscal, true);
    g.value("firm_steps", r.firm_steps);
    const std::size_t per_year = kIndicatorCount, per_year_fiscal = kLeverCount * kGovLevels;
    if (r.indicators.size() != saved_years * per_year ||
        r.fiscal.size() != saved_years * per_year_fiscal)
      g.damaged("the results so far do not cover the saved run's years");
    r.indicators.resize(years * per_year, std::nan(""));
    r.fiscal.resize(years * per_year_fiscal, std::nan(""));
    // Years after the state's were not simulated from it.
    std::fill(r.indicators.begin() + next * per_year, r.indicators.end(), std::nan(""));
    std::fill(r.fiscal.begin() + next * per_year_fiscal, r.fiscal.end(), std::nan(""));
  }
  t.value("record_panel", run.record_panel);
  if (run.record_panel &&
      !read_panel_group(file_.open_group(fmt::format("task{}/panel", task)), run.panel))
    t.damaged("the panel's columns have other lengths");
  return run;
}

}  // namespace innosim
