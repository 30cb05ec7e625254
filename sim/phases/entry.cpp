#include "phases/entry.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "phases/employment.h"
#include "phases/incubation.h"
#include "phases/phase_context.h"
#include "phases/rd_participation.h"
#include "policy/levers/attraction.h"

namespace innosim {
namespace {

std::size_t draw_sector(const std::vector<Sector>& sectors, double u) {
  double cumulative = 0;
  for (std::size_t k = 0; k < sectors.size(); ++k) {
    cumulative += sectors[k].share;
    if (u < cumulative) return k;
  }
  return sectors.size() - 1;
}

// One entry phase's state and inputs.
struct Ctx {
  EntryState w;
  const Macro& macro;
  Now at;
  const ModelConfig& m;
  CarrierVacancies vacancies;  // where startups find a place this step
};

// The traits of the entrant at `row` (its id given), keyed by `key`.
void draw_entrant(const Ctx& c, std::size_t row, Stream& s, std::uint64_t key) {
  FirmTable& f = c.w.firms;
  f.stream_key[row] = key;
  draw_firm_traits(f, row, s, c.m, c.macro.latent_scale, c.macro.high_tech_exponent);
  f.productivity[row] = static_cast<float>(c.macro.sector_productivity[f.sector[row]] +
                                           c.m.firm.productivity_sigma * s.normal());
}

std::size_t add_entrant(Ctx& c, Stream& s, std::uint64_t key) {
  const std::size_t row = c.w.firms.add(c.w.next_firm_id++);
  draw_entrant(c, row, s, key);
  return row;
}

// The kinds of entrant. Each kind's count and each entrant's traits are drawn from streams
// of their own (the k-th entrant of a kind in a step), so a lever that changes one kind's
// count moves no draw of another kind, whatever ids the entrants then get.
enum EntrantKind : std::uint16_t {
  kStartup = 1,
  kFounder,
  kSpinoffFirm,
  kFlyingGraduate,
  kHnteRelocation,
  kTechSmeRelocation,
  kOtherRelocation
};

// The stream key of the k-th entrant of `kind` in this step: the step above every base-year
// id, the kind, then the index (up to 2^28 entrants of a kind in a step).
constexpr int kStepShift = 32, kKindShift = 28;
std::uint64_t entrant_key(Now at, EntrantKind kind, std::uint64_t k) {
  return (static_cast<std::uint64_t>(at.clock.step + 1) << kStepShift) |
         (static_cast<std::uint64_t>(kind) << kKindShift) | k;
}

Stream entrant_stream(Now at, EntrantKind kind, std::uint64_t k) {
  return agent_stream(at, entrant_key(at, kind, k), Purpose::kEntry);
}

// The k-th startup of `kind` at `row`, up to its application to a carrier (the draws it
// takes for that are returned). `always_rd`: founded to exploit research, so it does R&D from
// the start.
AdmissionDraws draw_startup(const Ctx& c, std::size_t row, bool always_rd, EntrantKind kind,
                            std::uint64_t k) {
  FirmTable& f = c.w.firms;
  const ModelConfig& m = c.m;
  Stream s = entrant_stream(c.at, kind, k);
  draw_entrant(c, row, s, entrant_key(c.at, kind, k));
  f.revenue[row] =
      s.lognormal(std::log(m.firm.entrant_revenue_xmin_ratio * c.macro.smallest_revenue),
                  m.firm.entrant_revenue_sigma);
  f.birth_step[row] = c.at.clock.step;
  f.cash[row] =
      static_cast<float>(m.firm.entrant_cash_share * m.firm.cash_cap_ratio * f.revenue[row]);
  const double u_rd = s.uniform();
  const bool active = always_rd || u_rd < rd_participation(m.rd, f.revenue[row]);
  f.set(row, kRdActive, active);
  f.intensity[row] = active ? f.latent_intensity[row] : 0.0f;
  fund_rd_margin(f, row);
  return admission_draws(s);
}

std::size_t startup(Ctx& c, bool always_rd, EntrantKind kind, std::uint64_t k) {
  const std::size_t row = c.w.firms.add(c.w.next_firm_id++);
  admit_startup(c.w.firms, c.w.eco.carriers, c.vacancies, c.at, c.m, row,
                draw_startup(c, row, always_rd, kind, k));
  return row;
}

// The step's startups: each one's traits from its own stream, in parallel into rows added
// at once (ids in order, as one by one), then their applications to carriers in order, since
// each place taken is one the next cannot have.
void startups(Ctx& c, std::uint64_t n) {
  FirmTable& f = c.w.firms;
  const std::size_t first = f.size();
  f.add_rows(c.w.next_firm_id, n);
  c.w.next_firm_id += n;
  std::vector<AdmissionDraws> draws(n);
  for_each_index(n,
                 [&](std::size_t k) { draws[k] = draw_startup(c, first + k, false, kStartup, k); });
  for (std::size_t k = 0; k < n; ++k)
    admit_startup(f, c.w.eco.carriers, c.vacancies, c.at, c.m, first + k, draws[k]);
}

// Firms founded by R&D talents and spun off by research organisations, decided at the last
// year end: they do R&D from the start and keep ties to where they came from.
void knowledge_startups(Ctx& c) {
  EntryState& w = c.w;
  TalentTable& talent = w.eco.talent;
  std::uint64_t k = 0;
  for (const std::uint64_t talent_id : w.handoffs.founders) {
    const std::size_t row = startup(c, true, kFounder, k++);
    w.firms.set(row, kSpinoff, true);
    const auto it = std::lower_bound(talent.id.begin(), talent.id.end(), talent_id);
    if (it != talent.id.end() && *it == talent_id)
      talent.employer[static_cast<std::size_t>(it - talent.id.begin())] = w.firms.id[row];
  }
  k = 0;
  for (const std::uint32_t org : w.handoffs.spinoff_orgs) {
    const std::size_t row = startup(c, true, kSpinoffFirm, k++);
    w.firms.set(row, kSpinoff, true);
    w.eco.network.add(w.firms.id[row], kOrgKey | org, TieKind::kUniversity);
  }
  w.totals.entries +=
      static_cast<double>(w.handoffs.founders.size() + w.handoffs.spinoff_orgs.size());
  w.handoffs.founders.clear();
  w.handoffs.spinoff_orgs.clear();
}

void relocation(Ctx& c, std::uint64_t n, EntrantKind stream_kind, std::optional<Certified> kind) {
  FirmTable& f = c.w.firms;
  const ModelConfig& m = c.m;
  const int year = c.at.clock.year;
  for (std::uint64_t k = 0; k < n; ++k) {
    Stream s = entrant_stream(c.at, stream_kind, k);
    const std::size_t row = add_entrant(c, s, entrant_key(c.at, stream_kind, k));
    f.revenue[row] =
        s.lognormal(std::log(m.firm.relocation_revenue_median), m.firm.relocation_revenue_sigma);
    f.birth_step[row] =
        c.at.clock.step - static_cast<std::int32_t>((m.firm.relocation_min_age +
                                                     s.exponential(m.firm.relocation_age_mean)) *
                                                    m.time.steps_per_year);
    f.cash[row] =
        static_cast<float>(m.firm.entrant_cash_share * m.firm.cash_cap_ratio * f.revenue[row]);
    f.set(row, kRdActive, s.bernoulli(rd_participation(m.rd, f.revenue[row])));
    f.intensity[row] = f.has(row, kRdActive) ? f.latent_intensity[row] : 0.0f;
    if (kind) give_certified_profile(f, row, s, m, *kind, year);
    fund_rd_margin(f, row);
    if (!kind) continue;
    // Their past, as the three-year rules see it: steady at today's level.
    for (int h = 0; h < kHistoryYears; ++h) {
      f.rd_hist[h][row] = static_cast<float>((f.intensity[row] + f.relabel[row]) * f.revenue[row]);
      f.revenue_hist[h][row] = static_cast<float>(f.revenue[row]);
    }
    if (*kind == Certified::kHnte) {
      f.set(row, kHnte, true);
      f.set(row, kEverHnte, true);  // certified elsewhere: no first-certification award here
      f.hnte_expiry[row] = static_cast<std::uint16_t>(year + m.hnte.validity_years);
    } else {
      f.set(row, kTechSme, true);
    }
    relocation_incentive_claim(c.w.fiscal, f, year, m, row);
  }
  c.w.totals.relocations += static_cast<double>(n);
}

}  // namespace

float matched_high_tech_share(float share, double exponent) {
  if (exponent == 1) return share;  // bit for bit: presets without a share to match
  return static_cast<float>(1.0 - std::pow(1.0 - static_cast<double>(share), exponent));
}

void draw_firm_traits(FirmTable& f, std::size_t row, Stream& s, const ModelConfig& m,
                      std::optional<double> latent_scale, double high_tech_exponent) {
  const std::size_t k = draw_sector(m.region.sectors, s.uniform());
  const Sector& sector = m.region.sectors[k];
  f.sector[row] = static_cast<std::uint8_t>(k);
  f.set(row, kIndustrial, s.bernoulli(sector.industrial_share));
  const bool high_tech = s.bernoulli(sector.high_tech_share);
  f.set(row, kHighTech, high_tech);
  // High-tech firms earn most of their revenue from high-tech products, others little.
  const double u = s.uniform(), split = m.firm.high_tech_revenue_split;
  f.high_tech_revenue_share[row] = matched_high_tech_share(
      static_cast<float>(high_tech ? split + (1.0 - split) * u : split * u), high_tech_exponent);
  // Scaled, then capped. The base year draws raw (no scale yet) and caps once it knows its
  // scale (init/initial_population.cpp), so both cap the scaled draw.
  const double raw = s.lognormal(std::log(sector.rd_intensity_median), m.rd.latent_intensity_sigma);
  f.latent_intensity[row] =
      static_cast<float>(latent_scale ? std::min(m.rd.max_intensity, *latent_scale * raw) : raw);
  // The operating margin before R&D; fund_rd_margin adds the R&D the firm is born doing.
  f.margin[row] = static_cast<float>(m.firm.profit_margin + m.firm.margin_sigma * s.normal());
}

void fund_rd_margin(FirmTable& f, std::size_t row) { f.margin[row] += f.intensity[row]; }

double min_certified_intensity(const ModelConfig& m, double revenue, Certified kind, int year) {
  // The real R&D intensity at which S&T staff reach the required share of employees.
  const double staff_intensity =
      m.hnte.rd_staff_share_min * m.rd.cost_per_rd_worker /
      (revenue_per_employee(m.firm, revenue) * m.rd.st_staff_per_rd_staff);
  // tech_sme: 4% R&D (30 points) + an invention patent (30) + >= 10% S&T staff (4) = 64 >= 60.
  return kind == Certified::kHnte ? std::max(m.hnte.threshold(revenue, year), staff_intensity)
                                  : std::max(m.tech_sme.profile_rd_intensity, staff_intensity);
}

void give_certified_profile(FirmTable& f, std::size_t i, Stream& s, const ModelConfig& m,
                            Certified kind, int year) {
  const double needed = min_certified_intensity(m, f.revenue[i], kind, year);
  f.set(i, kRdActive, true);
  f.intensity[i] = static_cast<float>(std::max<double>(
      f.intensity[i],
      needed * (m.firm.certified_margin_low + m.firm.certified_margin_spread * s.uniform())));
  f.patents[i] = std::max<std::uint32_t>(f.patents[i], 1);
  if (kind == Certified::kHnte)
    f.high_tech_revenue_share[i] = std::max(
        f.high_tech_revenue_share[i],
        static_cast<float>(m.hnte.high_tech_revenue_min + m.firm.certified_high_tech_margin));
}

void entry(EntryState w, const Macro& macro, Now at, const ModelConfig& m) {
  Ctx c{w, macro, at, m, CarrierVacancies(w.eco.carriers)};
  auto count = [&](EntrantKind kind, double mean) {
    return agent_stream(at, kRegionAgent, Purpose::kEntry, kind).poisson(mean);
  };
  const double n =
      (static_cast<double>(w.firms.size()) - w.totals.exits) * step_years(m);  // live firms
  const FirmParams& p = m.firm;
  const AttractionMultipliers& a = m.levers.attraction_multipliers;
  // One stream per count: a lever that changes one mean leaves the other counts as they were.
  const auto births = count(kStartup, p.entry_rate * n);
  const auto hnte = count(kHnteRelocation, p.relocation_rate * n * p.relocation_hnte_share *
                                               attraction_factor(a, at.clock.year, a.hnte));
  const auto sme = count(kTechSmeRelocation, p.relocation_rate * n * p.relocation_tech_sme_share *
                                                 attraction_factor(a, at.clock.year, a.tech_sme));
  const auto other = count(kOtherRelocation, p.relocation_rate * n *
                                                 std::max(0.0, 1.0 - p.relocation_hnte_share -
                                                                   p.relocation_tech_sme_share));
  startups(c, births);
  if (at.clock.substep == 0) {
    knowledge_startups(c);
    // Graduates of flying incubators move home as relocating firms.
    const auto flying = static_cast<std::uint64_t>(w.handoffs.flying_startups);
    relocation(c, flying, kFlyingGraduate, std::nullopt);
    w.totals.entries += static_cast<double>(flying);
    w.handoffs.flying_startups = 0;
  }
  relocation(c, hnte, kHnteRelocation, Certified::kHnte);
  relocation(c, sme, kTechSmeRelocation, Certified::kTechSme);
  relocation(c, other, kOtherRelocation, std::nullopt);
  w.totals.entries += static_cast<double>(births + hnte + sme + other);
}

}  // namespace innosim
