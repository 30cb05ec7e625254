#include "config/scaled_region.h"

#include <fmt/format.h>

#include <cmath>
#include <utility>

namespace innosim {

std::vector<std::string> scaled_region_sets(const ModelConfig& m, double firms) {
  const double k = firms / m.region.firms_total;
  const RegionConfig& r = m.region;
  const RegionEcosystem& e = r.ecosystem;
  std::vector<std::string> sets;
  for (const auto& [key, value] : std::vector<std::pair<const char*, double>>{
           {"firms_total", firms},
           {"population", r.population * k},
           {"gdp", r.gdp * k},
           {"firms_above_scale", r.firms_above_scale * k},
           {"hntes", r.hntes * k},
           {"tech_smes", r.tech_smes * k},
           {"rd_expenditure", r.rd_expenditure * k},
           {"invention_patents", r.invention_patents * k},
           {"talent_total", e.talent_total * k},
           {"rd_personnel", e.rd_personnel * k},
           {"leading_talents", e.leading_talents * k},
           {"graduates", e.graduates * k},
           {"tech_contract_turnover", e.tech_contract_turnover * k},
           {"vc_private", e.vc_private * k}})
    sets.push_back(fmt::format("region.{}={:.17g}", key, std::round(value)));
  return sets;
}

}  // namespace innosim
