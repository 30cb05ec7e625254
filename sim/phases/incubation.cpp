#include "phases/incubation.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "phases/phase_context.h"
#include "policy/levers/incubation.h"
#include "policy/levers/networks.h"

namespace innosim {
namespace {

double occupancy(const Carrier& c) { return c.capacity > 0 ? c.tenants / c.capacity : 0.0; }

bool has_place(const Carrier& c) { return !c.closed && !c.flying && c.tenants < c.capacity; }

void leave(FirmTable& f, CarrierTable& carriers, std::size_t row,
           CarrierVacancies* vacancies = nullptr) {
  if (Carrier* c = carriers.find(f.carrier[row])) {
    --c->tenants;
    if (vacancies) vacancies->refresh(carriers, *c);
  }
  f.carrier[row] = 0;
}

void enter(FirmTable& f, CarrierTable& carriers, CarrierVacancies& vacancies, Now at,
           const ModelConfig& m, std::size_t row, Carrier& c) {
  f.carrier[row] = c.id;
  f.tenancy_end[row] =
      at.clock.step +
      static_cast<std::int32_t>(std::lround(m.carriers.term_years[c.kind] * m.time.steps_per_year));
  ++c.tenants;
  vacancies.refresh(carriers, c);
}

constexpr std::size_t kWordBits = 64;  // carriers per mask word

}  // namespace

CarrierVacancies::CarrierVacancies(const CarrierTable& carriers) {
  for (auto& bits : free_) bits.assign((carriers.rows.size() + kWordBits - 1) / kWordBits, 0);
  for (const Carrier& c : carriers.rows) refresh(carriers, c);
}

void CarrierVacancies::refresh(const CarrierTable& carriers, const Carrier& c) {
  const auto row = static_cast<std::size_t>(&c - carriers.rows.data());
  const std::uint64_t bit = std::uint64_t{1} << (row % kWordBits);
  std::uint64_t& word = free_[c.kind][row / kWordBits];
  word = has_place(c) ? word | bit : word & ~bit;
}

Carrier* CarrierVacancies::find(CarrierTable& carriers, CarrierKind kind, double u) const {
  const std::size_t n = carriers.rows.size();
  if (n == 0) return nullptr;
  const auto start = static_cast<std::size_t>(u * static_cast<double>(n)) % n;
  const auto& bits = free_[kind];
  // The first set bit at or after `from` and before `to`, or `to`.
  const auto first = [&](std::size_t from, std::size_t to) {
    for (std::size_t w = from / kWordBits; w * kWordBits < to; ++w) {
      std::uint64_t word = bits[w];
      if (w == from / kWordBits) word &= ~std::uint64_t{0} << (from % kWordBits);
      if (word)
        return std::min(to, w * kWordBits + static_cast<std::size_t>(std::countr_zero(word)));
    }
    return to;
  };
  if (const std::size_t row = first(start, n); row < n) return &carriers.rows[row];
  const std::size_t row = first(0, start);
  return row < start ? &carriers.rows[row] : nullptr;
}

double draw_carrier_quality(const CarrierParams& p, double u) {
  const double factor = 1.0 - p.quality_spread + 2 * p.quality_spread * u;
  return std::clamp(p.quality_mean * factor, p.quality_min, 1.0);
}

double carrier_capacity(const CarrierParams& p, CarrierKind kind, CarrierLevel level) {
  return std::round(p.capacity[kind] * (1.0 + p.capacity_per_level * static_cast<int>(level)));
}

AdmissionDraws admission_draws(Stream& s) {
  // Draws in a fixed order whatever happens, so carriers change outcomes, not alignments.
  AdmissionDraws d{};
  d.apply = s.uniform();
  d.kind = s.uniform();
  d.start = s.uniform();
  d.accept = s.uniform();
  return d;
}

void admit_startup(FirmTable& f, CarrierTable& carriers, CarrierVacancies& vacancies, Now at,
                   const ModelConfig& m, std::size_t row, const AdmissionDraws& d) {
  if (d.apply >= m.carriers.apply_prob) return;
  const CarrierKind kind = d.kind < m.carriers.maker_space_share ? kMakerSpace : kIncubator;
  Carrier* c = vacancies.find(carriers, kind, d.start);
  if (!c) c = vacancies.find(carriers, kind == kMakerSpace ? kIncubator : kMakerSpace, d.start);
  if (!c) {  // excess demand, noted where the startup first looked
    for (auto& other : carriers.rows)
      if (other.kind == kind && !other.flying) {
        ++other.rejected;
        break;
      }
    return;
  }
  if (d.accept >= c->quality)
    return;  // a carrier's quality is also how many applicants it can serve well
  enter(f, carriers, vacancies, at, m, row, *c);
}

void incubation(FirmTable& f, CarrierTable& carriers, Now at, const ModelConfig& m) {
  CarrierVacancies vacancies(carriers);
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f.carrier[i] == 0) continue;
    if (f.has(i, kDead)) {
      leave(f, carriers, i, &vacancies);
      continue;
    }
    if (f.tenancy_end[i] > at.clock.step) continue;
    const Carrier* from = carriers.find(f.carrier[i]);
    const bool incubated = from && from->kind != kAccelerator;
    leave(f, carriers, i, &vacancies);
    if (!incubated || age_years(at.clock, f, m, i) > m.carriers.accelerator_max_age) continue;
    Stream s = firm_stream(at, f, i, Purpose::kCarrier);
    if (Carrier* acc = vacancies.find(carriers, kAccelerator, s.uniform());
        acc && s.uniform() < acc->quality)
      enter(f, carriers, vacancies, at, m, i, *acc);
  }
}

void carriers_year_end(CarrierTable& carriers, FirmTable& f, FiscalState& fiscal,
                       Handoffs& handoffs, bool east_link, Now at, const ModelConfig& m) {
  const CarrierParams& p = m.carriers;
  const int year = at.clock.year;
  auto& rows = carriers.rows;

  // Award money received improves service.
  for (auto& c : rows)
    c.quality = std::min(1.0, c.quality + c.received * p.quality_per_million / 1e6);

  star_rating_claims(fiscal, carriers, year, m);

  // Certification a level up: carriers that are full enough and old enough apply; the award
  // for the next level makes the effort worth more.
  for (auto& c : rows) {
    const double u = agent_stream(at, c.id, Purpose::kUpgrade).uniform();
    if (c.flying || c.level == kNational || year - c.opened_year < p.upgrade_min_age ||
        occupancy(c) < p.upgrade_occupancy)
      continue;
    const auto next = static_cast<CarrierLevel>(c.level + 1);
    const double award = carrier_award(year, m, c.kind, next);
    const double expected = expected_carrier_payment(fiscal, year, m, award);
    if (u >= p.upgrade_prob * c.quality *
                 (1.0 + p.award_response * expected / p.construction_cost[c.kind]))
      continue;
    c.level = next;
    c.capacity = carrier_capacity(p, c.kind, next);
    carrier_award_claim(fiscal, year, c, award, c.quality);
  }

  // Closures, likelier when a carrier stands empty.
  for (auto& c : rows) {
    const double u = agent_stream(at, c.id, Purpose::kClosure).uniform();
    if (c.flying) continue;
    const double rate =
        p.close_rate *
        (occupancy(c) < p.low_occupancy && year > c.opened_year ? p.empty_close_multiplier : 1.0);
    if (u < rate) c.closed = true;
  }
  for (std::size_t i = 0; i < f.size(); ++i)
    if (const Carrier* c = f.carrier[i] ? carriers.find(f.carrier[i]) : nullptr; c && c->closed)
      leave(f, carriers, i);
  rows.erase(std::remove_if(rows.begin(), rows.end(), [](const Carrier& c) { return c.closed; }),
             rows.end());

  // Openings: excess demand and expected support (construction subsidy, first-level award).
  for (int k = 0; k < kCarrierKinds; ++k) {
    const auto kind = static_cast<CarrierKind>(k);
    double capacity = 0, rejected = 0, n = 0;
    for (const auto& c : rows)
      if (c.kind == kind && !c.flying) capacity += c.capacity, rejected += c.rejected, n += 1;
    const double support = carrier_opening_support(fiscal, year, m, kind);
    const double rate = p.open_rate * std::max(1.0, n) *
                        (1.0 + p.demand_response * rejected / std::max(1.0, capacity)) *
                        (1.0 + p.award_response * support / p.construction_cost[k]);
    Stream s = agent_stream(at, kRegionAgent, Purpose::kOpening, static_cast<std::uint16_t>(k));
    const auto openings = s.poisson(rate);
    for (std::uint64_t o = 0; o < openings; ++o) {
      const double quality = draw_carrier_quality(p, s.uniform());
      Carrier& c =
          carriers.add(kind, kMunicipal, carrier_capacity(p, kind, kMunicipal), quality, year);
      construction_subsidy_claim(fiscal, year, m, c);
    }
  }

  handoffs.flying_startups += flying_incubators_year_end(carriers, fiscal, east_link, at, m);
  for (auto& c : rows) c.rejected = 0;
}

}  // namespace innosim
