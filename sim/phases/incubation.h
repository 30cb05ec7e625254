// Incubation (BRIEF 3.3 step 2): startups apply to carriers with free capacity and become
// tenants; tenants graduate after the carrier's term (incubator graduates may move on to an
// accelerator); at year end carriers open in response to excess demand and support, climb
// levels through certification, are star-rated, and close.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "config/model_config.h"
#include "core/random.h"
#include "phases/phase_context.h"
#include "world.h"

namespace innosim {

// Capacity of a carrier of this kind at this level.
double carrier_capacity(const CarrierParams& p, CarrierKind kind, CarrierLevel level);
// A new carrier's service quality from uniform `u`: quality_mean x [1 - spread, 1 + spread],
// within [quality_min, 1] (openings and the base year alike).
double draw_carrier_quality(const CarrierParams& p, double u);
// The carriers with a free place, by kind, as bit masks over carrier rows: the search for a
// place from a random start skips full carriers 64 at a time instead of one by one (China has
// tens of thousands of carriers, nearly all full), with the result of the one-by-one search.
// Built at the start of a phase that places firms and kept current by each placement and
// departure in it; carriers are neither added nor removed meanwhile.
class CarrierVacancies {
 public:
  explicit CarrierVacancies(const CarrierTable& carriers);
  // The first carrier of `kind` with a free place at or after row u x rows, cyclically;
  // nullptr if all are full.
  Carrier* find(CarrierTable& carriers, CarrierKind kind, double u) const;
  // After `c`'s tenants changed.
  void refresh(const CarrierTable& carriers, const Carrier& c);

 private:
  std::array<std::vector<std::uint64_t>, kCarrierKinds> free_;
};

// A startup's draws for its application to a carrier, in the order they are taken.
struct AdmissionDraws {
  double apply, kind, start, accept;
};
AdmissionDraws admission_draws(Stream& s);

// A startup at `row` applies (with the configured probability) to a maker space or incubator.
void admit_startup(FirmTable& f, CarrierTable& carriers, CarrierVacancies& vacancies, Now at,
                   const ModelConfig& m, std::size_t row, const AdmissionDraws& d);
// Each step: graduations, moves to accelerators, and tenants that exited leave.
// Reads the clock; writes tenancy (firms and carriers).
void incubation(FirmTable& f, CarrierTable& carriers, Now at, const ModelConfig& m);
// Year end: quality from awards, star ratings, upgrades, openings, closures, award claims.
// Reads the clock and the hub link; writes carriers, tenancy (firms), carrier-award and
// flying-incubator claims (fiscal) and the flying graduates (handoffs).
void carriers_year_end(CarrierTable& carriers, FirmTable& f, FiscalState& fiscal,
                       Handoffs& handoffs, bool east_link, Now at, const ModelConfig& m);

}  // namespace innosim
