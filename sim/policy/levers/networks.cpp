#include "policy/levers/networks.h"

#include <algorithm>

#include "phases/phase_context.h"
#include "policy/claims.h"

namespace innosim {

double consortium_expected_rate(const FiscalState& fiscal, int year, const ModelConfig& m) {
  const ConsortiumSupport& lever = m.levers.consortium_support;
  return fiscal.expected(kLeverConsortiumSupport, lever.common, year, lever.rate);
}

void consortium_claims(FiscalState& fiscal, const FirmTable& f,
                       const std::vector<Consortium>& consortia, int year, const ModelConfig& m) {
  const ConsortiumSupport& lever = m.levers.consortium_support;
  if (!lever.common.active(year)) return;
  for (const auto& c : consortia) {
    const double project = m.network.project_rd_share * f.rd_year[f.find(c.leader)];
    fiscal.file(kLeverConsortiumSupport,
                {c.leader, std::min(lever.rate * project, lever.cap), project, year + 1});
  }
}

void network_lever_paid(FirmTable& f, const ModelConfig& m, Lever lever, std::uint64_t firm_id,
                        double amount) {
  if (lever == kLeverConsortiumSupport)
    f.grant_rd[static_cast<std::size_t>(f.find(firm_id))] +=
        static_cast<float>(m.levers.consortium_support.additionality * amount);
}

int flying_incubators_year_end(CarrierTable& carriers, FiscalState& fiscal, bool east_link, Now at,
                               const ModelConfig& m) {
  const FlyingIncubator& fly = m.levers.flying_incubator;
  const int year = at.clock.year;
  auto& rows = carriers.rows;
  const int wanted = fly.common.active(year) && east_link ? fly.count : 0;
  int have = 0;
  for (auto& c : rows) {
    if (!c.flying) continue;
    if (have++ >= wanted) c.closed = true;
  }
  rows.erase(std::remove_if(rows.begin(), rows.end(), [](const Carrier& c) { return c.closed; }),
             rows.end());
  for (; have < wanted; ++have)
    carriers.add(kIncubator, kMunicipal, 0.0, m.carriers.quality_mean, year).flying = true;
  int startups = 0;
  for (const auto& c : rows) {
    if (!c.flying) continue;
    fiscal.file(kLeverFlyingIncubator, {c.id, fly.amount, 1.0, year + 1, Recipient::kCarrier});
    startups +=
        static_cast<int>(agent_stream(at, c.id, Purpose::kCarrier).poisson(fly.graduates_per_year));
  }
  return startups;
}

std::uint64_t flying_incubator_talents(bool east_link, int year, const ModelConfig& m, Stream& s) {
  const FlyingIncubator& fly = m.levers.flying_incubator;
  return fly.common.active(year) && east_link ? s.poisson(fly.count * fly.talents_per_year) : 0;
}

void flying_rd_centers_year_end(FirmTable& f, FiscalState& fiscal, bool east_link, Now at,
                                const ModelConfig& m) {
  const FlyingRdCenter& lever = m.levers.flying_rd_center;
  const int year = at.clock.year;
  const bool on = lever.common.active(year) && east_link;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!on) {
      f.set(i, kFlyingRdCenter, false);
      continue;
    }
    if (!f.has(i, kHnte)) continue;
    if (!f.has(i, kFlyingRdCenter)) {
      if (firm_stream(at, f, i, Purpose::kFlyingRdCenter).uniform() < lever.adopt_prob)
        f.set(i, kFlyingRdCenter, true);
      continue;
    }
    const double centre_rd = lever.rd_share * f.rd_year[i];
    fiscal.file(kLeverFlyingRdCenter,
                {f.id[i], std::min(lever.rate * centre_rd, lever.cap), centre_rd, year + 1});
  }
}

double hub_rd_share(const ModelConfig& m, const FirmTable& f, std::size_t i) {
  return f.has(i, kFlyingRdCenter) ? m.levers.flying_rd_center.rd_share : 0.0;
}

}  // namespace innosim
