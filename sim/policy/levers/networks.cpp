#include "policy/levers/networks.h"

#include <algorithm>

#include "phases/phase_context.h"
#include "policy/claims.h"

namespace innosim {

double consortium_expected_rate(const World& w, const ModelConfig& m) {
  const ConsortiumSupport& lever = m.levers.consortium_support;
  return w.fiscal.expected(kLeverConsortiumSupport, lever.common, w.clock.year, lever.rate);
}

void consortium_claims(World& w, const ModelConfig& m) {
  const ConsortiumSupport& lever = m.levers.consortium_support;
  if (!lever.common.active(w.clock.year)) return;
  const FirmTable& f = w.firms;
  for (const auto& c : w.eco.consortia) {
    const double project = m.network.project_rd_share * f.rd_year[f.find(c.leader)];
    w.fiscal.file(kLeverConsortiumSupport,
                  {c.leader, std::min(lever.rate * project, lever.cap), project, w.clock.year + 1});
  }
}

void network_lever_paid(World& w, const ModelConfig& m, Lever lever, std::uint64_t firm_id,
                        double amount) {
  if (lever == kLeverConsortiumSupport)
    w.firms.grant_rd[static_cast<std::size_t>(w.firms.find(firm_id))] +=
        static_cast<float>(m.levers.consortium_support.additionality * amount);
}

void flying_incubators_year_end(World& w, const ModelConfig& m) {
  const FlyingIncubator& fly = m.levers.flying_incubator;
  auto& rows = w.eco.carriers.rows;
  const int wanted = fly.common.active(w.clock.year) && w.eco.east_link ? fly.count : 0;
  int have = 0;
  for (auto& c : rows) {
    if (!c.flying) continue;
    if (have++ >= wanted) c.closed = true;
  }
  rows.erase(std::remove_if(rows.begin(), rows.end(), [](const Carrier& c) { return c.closed; }),
             rows.end());
  for (; have < wanted; ++have)
    w.eco.carriers.add(kIncubator, kMunicipal, 0.0, m.carriers.quality_mean, w.clock.year).flying =
        true;
  for (const auto& c : rows) {
    if (!c.flying) continue;
    w.fiscal.file(kLeverFlyingIncubator,
                  {c.id, fly.amount, 1.0, w.clock.year + 1, Recipient::kCarrier});
    w.handoffs.flying_startups +=
        static_cast<int>(agent_stream(w, c.id, Purpose::kCarrier).poisson(fly.graduates_per_year));
  }
}

std::uint64_t flying_incubator_talents(const World& w, const ModelConfig& m, Stream& s) {
  const FlyingIncubator& fly = m.levers.flying_incubator;
  return fly.common.active(w.clock.year) && w.eco.east_link
             ? s.poisson(fly.count * fly.talents_per_year)
             : 0;
}

void flying_rd_centers_year_end(World& w, const ModelConfig& m) {
  FirmTable& f = w.firms;
  const FlyingRdCenter& lever = m.levers.flying_rd_center;
  const bool on = lever.common.active(w.clock.year) && w.eco.east_link;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!on) {
      f.set(i, kFlyingRdCenter, false);
      continue;
    }
    if (!f.has(i, kHnte)) continue;
    if (!f.has(i, kFlyingRdCenter)) {
      if (firm_stream(w, i, Purpose::kFlyingRdCenter).uniform() < lever.adopt_prob)
        f.set(i, kFlyingRdCenter, true);
      continue;
    }
    const double centre_rd = lever.rd_share * f.rd_year[i];
    w.fiscal.file(kLeverFlyingRdCenter, {f.id[i], std::min(lever.rate * centre_rd, lever.cap),
                                         centre_rd, w.clock.year + 1});
  }
}

double hub_rd_share(const ModelConfig& m, const FirmTable& f, std::size_t i) {
  return f.has(i, kFlyingRdCenter) ? m.levers.flying_rd_center.rd_share : 0.0;
}

}  // namespace innosim
