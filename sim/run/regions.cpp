#include "run/regions.h"

#include "core/errors.h"
#include "init/initial_population.h"
#include "phases/phase_context.h"
#include "step.h"

namespace innosim {
namespace {

RegionGraph build_graph(const std::vector<const ModelConfig*>& configs) {
  std::vector<std::string> names;
  std::vector<std::vector<RegionLink>> links;
  for (const ModelConfig* m : configs) {
    names.push_back(m->region.name);
    links.push_back(m->region.ecosystem.links);
  }
  return RegionGraph(names, links);
}

// Emigrants of each region choose a destination by the outflow shares of its edges.
void migrate(Economy& e) {
  for (std::size_t r = 0; r < e.regions.size(); ++r) {
    World& from = e.regions[r];
    const auto targets = e.graph.migration_targets(r);
    if (targets.empty()) continue;
    for (const Migrant& g : from.handoffs.emigrants) {
      Stream s(from.key.seed, from.key.stream(), g.talent_id,
               static_cast<std::uint32_t>(from.clock.step), Purpose::kMigration);
      double u = s.uniform(), cumulative = 0;
      for (const auto& [to, share] : targets) {
        cumulative += share;
        if (u < cumulative) {
          e.regions[to].handoffs.arrivals.push_back(g);
          break;
        }
      }
    }
  }
}

}  // namespace

std::uint64_t region_salt(const std::string& name) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (const unsigned char c : name) h = (h ^ c) * 1099511628211ull;
  return h << 32;
}

Economy economy_shell(const std::vector<const ModelConfig*>& configs) {
  if (configs.empty()) throw ModelError("no region to run");
  for (const ModelConfig* m : configs)
    if (m->region.base_year != configs[0]->region.base_year ||
        m->time.end_year != configs[0]->time.end_year ||
        m->time.steps_per_year != configs[0]->time.steps_per_year)
      throw ModelError("region '" + m->region.name +
                       "' has another base year, end year or step than '" +
                       configs[0]->region.name + "'; the regions of a run share one clock");
  return Economy{configs, {}, build_graph(configs)};
}

Economy initial_economy(const std::vector<const ModelConfig*>& configs, std::uint64_t seed,
                        std::uint64_t replicate) {
  Economy e = economy_shell(configs);
  for (const ModelConfig* m : configs)
    e.regions.push_back(
        initial_population(*m, RunKey{seed, replicate, region_salt(m->region.name)}));
  return e;
}

void step_economy(Economy& e) {
  for (std::size_t r = 0; r < e.regions.size(); ++r) step(e.regions[r], *e.configs[r]);
  if (year_end(e.regions[0], *e.configs[0])) migrate(e);
}

}  // namespace innosim
