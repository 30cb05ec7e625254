// Entry (BRIEF 3.3 step 1): startups at a rate proportional to the population, and
// established firms relocating into the region, more of them certified when the
// investment-attraction multipliers credit their arrival (levers.attraction_multipliers).
#pragma once
#include <optional>

#include "config/model_config.h"
#include "core/random.h"
#include "phases/phase_context.h"
#include "world.h"

namespace innosim {

// What entry changes: new firms and the next firm id; their talents' employers, ties and
// carriers' tenants (eco); the handoffs it consumes (founders, spin-offs, flying graduates);
// the year's entries and relocations (totals); attraction claims (fiscal).
struct EntryState {
  FirmTable& firms;
  std::uint64_t& next_firm_id;
  Ecosystem& eco;
  Handoffs& handoffs;
  YearTotals& totals;
  FiscalState& fiscal;
};

// Reads the clock and the sector means (macro), and the year's exits so far (totals).
void entry(EntryState s, const Macro& macro, Now at, const ModelConfig& m);

// Draws the traits every new firm needs (sector, industrial and high-tech flags, high-tech
// revenue share, latent R&D intensity); shared by entry and the initial population.
// `latent_scale` multiplies the latent intensity drawn (Macro::latent_scale), which is then
// capped at rd.max_intensity; without it (the base year, before its scale is known) the raw
// draw is kept uncapped.
void draw_firm_traits(FirmTable& f, std::size_t row, Stream& s, const ModelConfig& m,
                      std::optional<double> latent_scale, double high_tech_exponent = 1);

// A high-tech revenue share through the base year's match: 1 - (1 - share)^exponent (the same
// share where the exponent is 1).
float matched_high_tech_share(float share, double exponent);

// A firm's operating margin before R&D covers the R&D it is born doing, so that at birth its
// profit margin after R&D is `firm.profit_margin` plus its own noise (margins correlate with
// R&D intensity).
void fund_rd_margin(FirmTable& f, std::size_t row);

enum class Certified { kHnte, kTechSme };
// The lowest real R&D intensity at which a firm of this revenue meets the criteria: the hnte
// band threshold of `year`'s rules (or the tech_sme score) and the S&T staff share.
double min_certified_intensity(const ModelConfig& m, double revenue, Certified kind, int year);
// Gives firm `i` a profile that meets the hnte or tech_sme criteria with a small margin:
// an R&D intensity above `year`'s thresholds, an invention patent and (hnte) high-tech revenue.
void give_certified_profile(FirmTable& f, std::size_t i, Stream& s, const ModelConfig& m,
                            Certified kind, int year);

}  // namespace innosim
