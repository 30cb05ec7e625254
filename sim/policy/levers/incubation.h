// Incubation lever (docs/ODD.md 7.10): carrier_awards pays carriers a one-off award on
// certification at each level (by kind), a share of a new carrier's construction cost, and a
// yearly award to star-rated carriers (the best occupied, a fixed share).
#pragma once
#include "agents/carrier_table.h"
#include "config/model_config.h"

namespace innosim {

struct FiscalState;

// Star ratings of the year: claims of the best-occupied carriers.
void star_rating_claims(FiscalState& fiscal, const CarrierTable& carriers, int year,
                        const ModelConfig& m);
// The award for certification of a carrier of `kind` at `level` this year (0 when off) and
// what a carrier expects of it (the share of claims the lever last paid).
double carrier_award(int year, const ModelConfig& m, CarrierKind kind, CarrierLevel level);
double expected_carrier_payment(const FiscalState& fiscal, int year, const ModelConfig& m,
                                double amount);
void carrier_award_claim(FiscalState& fiscal, int year, const Carrier& c, double amount,
                         double merit);
// Support a carrier of `kind` opening this year expects: the construction subsidy and the
// provincial award, at the lever's last payout share.
double carrier_opening_support(const FiscalState& fiscal, int year, const ModelConfig& m,
                               CarrierKind kind);
// The construction subsidy claim of a carrier that just opened.
void construction_subsidy_claim(FiscalState& fiscal, int year, const ModelConfig& m,
                                const Carrier& c);

}  // namespace innosim
