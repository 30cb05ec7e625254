#include "init/initial_ecosystem.h"

#include <algorithm>
#include <cmath>

#include "phases/incubation.h"
#include "phases/phase_context.h"
#include "phases/research.h"

namespace innosim {
namespace {

void initial_carriers(World& w, const ModelConfig& m, Stream& s) {
  const RegionEcosystem& e = m.region.ecosystem;
  const std::array<const std::vector<double>*, kCarrierKinds> counts = {
      &e.maker_spaces, &e.incubators, &e.accelerators};
  for (int k = 0; k < kCarrierKinds; ++k)
    for (int level = 0; level < kCarrierLevels; ++level)
      for (long n = 0; n < std::lround((*counts[k])[level]); ++n) {
        const auto kind = static_cast<CarrierKind>(k);
        const auto lv = static_cast<CarrierLevel>(level);
        w.eco.carriers.add(kind, lv, carrier_capacity(m.carriers, kind, lv),
                           draw_carrier_quality(m.carriers, s.uniform()),
                           w.clock.year - static_cast<int>(m.carriers.initial_age));
      }
  // Tenants: the youngest firms, in row order, until each carrier is partly full.
  FirmTable& f = w.firms;
  std::size_t next = 0;
  for (auto& c : w.eco.carriers.rows) {
    const double max_age =
        c.kind == kAccelerator ? m.carriers.accelerator_max_age : m.carriers.term_years[c.kind];
    const auto want = static_cast<int>(std::round(m.carriers.initial_occupancy * c.capacity));
    for (; next < f.size() && c.tenants < want; ++next) {
      if (age_years(w.clock, f, m, next) > max_age) continue;
      f.carrier[next] = c.id;
      f.tenancy_end[next] = w.clock.step + 1 +
                            static_cast<std::int32_t>(s.uniform() * m.carriers.term_years[c.kind] *
                                                      m.time.steps_per_year);
      ++c.tenants;
    }
  }
}

void initial_research(World& w, const ModelConfig& m, Stream& s) {
  const RegionEcosystem& e = m.region.ecosystem;
  ResearchTable& research = w.eco.research;
  const int year = w.clock.year;
  open_orgs(research, year, kUniversity, static_cast<int>(std::lround(e.universities)));
  open_orgs(research, year, kResearchInstitute,
            static_cast<int>(std::lround(e.research_institutes)));
  open_orgs(research, year, kNewRdInstitute, static_cast<int>(std::lround(e.new_rd_institutes)));
  double weights = 0;
  for (const auto& o : w.eco.research.orgs) weights += m.research.budget_weight[o.kind];
  for (auto& o : w.eco.research.orgs) {
    o.budget = weights > 0 ? w.macro.public_rd * m.research.budget_weight[o.kind] / weights : 0.0;
    o.knowledge = steady_state_stock(o.budget, m);
  }
  for (long k = 0; k < std::lround(e.platforms); ++k)
    open_platform(research, w.eco.network, w.firms, m, s);
  // Technology transfer calibrated so that expected turnover is the preset's, a share
  // research.firm_seller_share of it sold by firms out of their R&D capital.
  const double mean_value = m.research.contract_median *
                            std::exp(m.research.contract_sigma * m.research.contract_sigma / 2);
  const double knowledge = transfer_knowledge(research);
  double firm_knowledge = 0;
  for (std::size_t i = 0; i < w.firms.size(); ++i) firm_knowledge += w.firms.knowledge[i];
  firm_knowledge /= 1e6;
  const double by_firms = m.research.firm_seller_share * e.tech_contract_turnover;
  w.eco.transfer_scale =
      knowledge > 0 ? (e.tech_contract_turnover - by_firms) / (mean_value * knowledge) : 0.0;
  w.eco.firm_transfer_scale = firm_knowledge > 0 ? by_firms / (mean_value * firm_knowledge) : 0.0;
  w.totals.tech_contract_turnover = e.tech_contract_turnover;
}

void initial_talent(World& w, const ModelConfig& m, Stream& s) {
  const RegionEcosystem& e = m.region.ecosystem;
  for (long k = 0; k < std::lround(e.rd_personnel); ++k)
    w.eco.talent.add(w.eco.next_talent_id++, kRdTalent, static_cast<float>(s.uniform()),
                     kNoEmployer);
  for (long k = 0; k < std::lround(e.leading_talents); ++k)
    w.eco.talent.add(w.eco.next_talent_id++, kLeadingTalent, static_cast<float>(s.uniform()),
                     kNoEmployer);
  w.eco.talent_pool = std::max(0.0, e.talent_total - static_cast<double>(w.eco.talent.size()));
  for (const auto& link : e.links)
    if (link.to == "east") w.eco.east_inflow_rate = link.inflow_rate, w.eco.east_link = true;
}

}  // namespace

void initial_ecosystem(World& w, const ModelConfig& m) {
  Stream s(w.key.seed, w.key.stream(), kRegionAgent, kInitStep, Purpose::kInit);
  initial_carriers(w, m, s);
  initial_research(w, m, s);
  initial_talent(w, m, s);
}

}  // namespace innosim
