// The lever keys of the configuration (BRIEF 4): the settings every lever shares, and each
// settings type's own parameters, with ranges, units and meanings; the levers themselves come
// from the registry (policy/lever_registry.h). Defaults and seed sources are in
// configs/model.toml.
#include <algorithm>
#include <cmath>

#include "config/binder.h"
#include "config/model_config.h"

namespace innosim {
namespace {

void describe_lever_common(Binder& b, const std::string& p, LeverCommon& l) {
  b.text(p + ".source", l.source,
         "the seed document (and quote) the lever and its defaults come from");
  b.boolean(p + ".enabled", l.enabled, "whether the lever acts at all; off means zero cost");
  b.integer(p + ".start_year", l.start_year, kYear, "year", "first year the lever pays");
  b.integer(p + ".end_year", l.end_year, kYear, "year", "last year the lever pays");
  b.real(p + ".budget", l.budget, kMoneyLimit, "CNY/yr", "yearly budget (inf = unlimited)");
  b.choice(p + ".rationing", l.rationing,
           {{"pro_rata", Rationing::kProRata},
            {"first_come", Rationing::kFirstCome},
            {"ranked", Rationing::kRanked}},
           "how claims are cut when they exceed the budget");
  for (int i = 0; i < kGovLevels; ++i)
    b.real(p + ".cost_share." + kGovLevelNames[i], l.cost_share[i], kShare, "share",
           std::string("share of the cost paid by the ") + kGovLevelNames[i] + " government");
  if (!b.binding()) return;
  if (l.start_year > l.end_year) b.fail(p + ".end_year", "expected end_year >= start_year");
  double sum = 0;
  for (double s : l.cost_share) sum += s;
  if (std::fabs(sum - 1.0) > 1e-9)
    b.fail(p + ".cost_share.national",
           "expected the cost shares of the four levels to sum to 1, got " + std::to_string(sum));
}

// One overload per settings type of the registry; `p` is the lever's key prefix.
void describe(Binder& b, const std::string& p, StatusAward& a) {
  describe_lever_common(b, p, a.common);
  b.real(p + ".amount", a.amount, kMoney, "CNY/firm",
         "the most the award pays a firm, all installments together (the documents' 最高)");
  b.integer(p + ".installments", a.installments, {1, 10}, "yr",
            "yearly installments it is paid in, each at most amount / installments");
  b.real(p + ".project_share", a.project_share, {0, 10}, "share",
         "each installment supports a project of this share of the firm's R&D in the year it "
         "gained the status (the typical award, below the maximum)");
}

void describe(Binder& b, const std::string& p, InvestmentShare& s) {
  describe_lever_common(b, p, s.common);
  b.real(p + ".rate", s.rate, kShare, "share",
         "share of the supported project's cost paid (a technology purchase, a pilot or scale-up "
         "investment, a cooperation project's value)");
  b.real(p + ".cap", s.cap, kMoneyLimit, "CNY/project", "most one project receives");
}

void describe(Binder& b, const std::string& p, RdPostSubsidy& l) {
  describe_lever_common(b, p, l.common);
  b.real(p + ".rate", l.rate, {0, 1}, "share", "share of the R&D base paid back");
  b.choice(p + ".base", l.base, {{"total", RdBase::kTotal}, {"incremental", RdBase::kIncremental}},
           "R&D base: the year's R&D, or its increase over the previous year");
  b.choice(p + ".eligible", l.eligible,
           {{"hnte", Eligible::kHnte},
            {"above_scale", Eligible::kAboveScale},
            {"tech_sme", Eligible::kTechSme},
            {"rd_active", Eligible::kRdActive}},
           "which firms may claim");
  b.real(p + ".cap_per_firm", l.cap_per_firm, kMoneyLimit, "CNY/yr",
         "most one firm receives a year (inf = none)");
}

void describe(Binder& b, const std::string& p, AboveScaleFirstAward& a) {
  describe_lever_common(b, p, a.common);
  b.real(p + ".rate", a.rate, kShare, "share", "share of the previous year's R&D awarded");
  b.real(p + ".cap", a.cap, kMoneyLimit, "CNY/firm", "most one firm receives");
}

void describe(Binder& b, const std::string& p, SmeProjectGrant& g) {
  describe_lever_common(b, p, g.common);
  b.real(p + ".amount_cap", g.amount_cap, kMoneyLimit, "CNY/project", "most one project receives");
  b.real(p + ".project_share", g.project_share, kShare, "share",
         "share of the project's cost the grant covers");
  b.real(p + ".project_rd_share", g.project_rd_share, {0, 5}, "share",
         "project cost over the firm's yearly R&D");
  b.real(p + ".apply_prob", g.apply_prob, kShare, "1/yr",
         "probability an eligible tech SME applies in a year");
  b.real(p + ".additionality", g.additionality, {0, 2}, "CNY/CNY",
         "extra R&D per yuan of grant (1 = fully additional, 0 = full crowding out)");
}

void describe(Binder& b, const std::string& p, AttractionMultipliers& a) {
  describe_lever_common(b, p, a.common);
  b.real(p + ".hnte", a.hnte, {1, 20}, "x", "credit multiplier for bringing in an hnte firm");
  b.real(p + ".tech_sme", a.tech_sme, {1, 20}, "x", "credit multiplier for bringing in a tech SME");
  b.real(p + ".response", a.response, {0, 5}, "1",
         "rise in relocations of a type per unit of credit multiplier above 1");
  b.real(p + ".incentive_per_firm", a.incentive_per_firm, kMoney, "CNY/firm",
         "cash incentive paid per certified firm relocating in");
}

void describe(Binder& b, const std::string& p, FiscalRdGrowth& l) {
  describe_lever_common(b, p, l.common);
  b.real(p + ".rate", l.rate, {0, 1}, "1/yr", "guaranteed yearly growth of public R&D (刚性增长)");
}

void describe(Binder& b, const std::string& p, ConsortiumSupport& l) {
  describe_lever_common(b, p, l.common);
  b.real(p + ".rate", l.rate, kShare, "share", "share of the consortium project's R&D paid");
  b.real(p + ".cap", l.cap, kMoneyLimit, "CNY/yr", "most one consortium receives a year");
  b.real(p + ".additionality", l.additionality, {0, 2}, "CNY/CNY",
         "extra R&D of the leader per yuan received");
}

void describe(Binder& b, const std::string& p, CarrierAwards& c) {
  describe_lever_common(b, p, c.common);
  for (int k = 0; k < kCarrierKinds; ++k) {
    std::vector<double> amounts(c.award[k].begin(), c.award[k].end());
    b.real_list(p + "." + kCarrierKindNames[k], amounts, kMoney, "CNY",
                std::string("one-off award to a ") + kCarrierKindNames[k] +
                    " newly certified at [municipal, provincial, national] level");
    if (!b.binding()) continue;
    if (amounts.size() != 3)
      b.fail(p + "." + kCarrierKindNames[k], "expected 3 amounts: municipal, provincial, national");
    std::copy(amounts.begin(), amounts.end(), c.award[k].begin());
  }
  b.real(p + ".construction_subsidy", c.construction_subsidy, kShare, "share",
         "share of a new carrier's construction cost paid");
  b.real(p + ".star_award", c.star_award, kMoney, "CNY/yr",
         "yearly reward of a star-rated carrier (星级评定)");
  b.real(p + ".star_share", c.star_share, kShare, "share",
         "share of carriers, best occupancy first, rated stars each year");
}

void describe(Binder& b, const std::string& p, OneOffAward& a) {
  describe_lever_common(b, p, a.common);
  b.real(p + ".amount", a.amount, kMoney, "CNY", "one-off support on first registration");
}

void describe(Binder& b, const std::string& p, TalentAllowance& t) {
  describe_lever_common(b, p, t.common);
  b.real(p + ".amount", t.amount, kMoney, "CNY/yr", "living allowance per eligible talent a year");
  b.integer(p + ".years", t.years, {1, 10}, "yr", "years an allowance is paid at most");
  b.real(p + ".eligible_share", t.eligible_share, kShare, "share",
         "share of R&D talents, most skilled first, who qualify");
}

void describe(Binder& b, const std::string& p, LeadingTalentFunding& f) {
  describe_lever_common(b, p, f.common);
  b.real(p + ".talent_amount", f.talent_amount, kMoney, "CNY",
         "funding per recognised leading talent");
  b.real(p + ".team_amount", f.team_amount, kMoney, "CNY",
         "funding per recognised innovation team");
  b.real_list(p + ".schedule", f.schedule, kShare, "share",
              "shares of the funding paid in successive years");
  if (b.binding()) {
    double sum = 0;
    for (double x : f.schedule) sum += x;
    if (f.schedule.empty() || std::fabs(sum - 1.0) > 1e-9)
      b.fail(p + ".schedule", "expected shares summing to 1");
  }
}

void describe(Binder& b, const std::string& p, InnovationVoucher& v) {
  describe_lever_common(b, p, v.common);
  b.real(p + ".amount", v.amount, kMoney, "CNY", "value of a voucher");
  b.real(p + ".apply_prob", v.apply_prob, kShare, "1/yr",
         "yearly probability an eligible SME uses one");
}

void describe(Binder& b, const std::string& p, PlatformAwards& a) {
  describe_lever_common(b, p, a.common);
  b.real(p + ".national", a.national, kMoney, "CNY/yr", "yearly funding of a national platform");
  b.real(p + ".regional", a.regional, kMoney, "CNY/yr", "yearly funding of a provincial platform");
}

void describe(Binder& b, const std::string& p, FlyingIncubator& fi) {
  describe_lever_common(b, p, fi.common);
  b.real(p + ".amount", fi.amount, kMoney, "CNY/yr", "yearly support per flying incubator");
  b.integer(p + ".count", fi.count, {0, 1000}, "incubators",
            "flying incubators the region runs in the east hub");
  b.real(p + ".graduates_per_year", fi.graduates_per_year, kFirmsPerYear, "firms/yr",
         "startups each sends home a year");
  b.real(p + ".talents_per_year", fi.talents_per_year, kPersonsPerYear, "persons/yr",
         "R&D talents each brings from the hub a year");
}

void describe(Binder& b, const std::string& p, FlyingRdCenter& fr) {
  describe_lever_common(b, p, fr.common);
  b.real(p + ".rate", fr.rate, kShare, "share", "share of the centre's R&D paid");
  b.real(p + ".cap", fr.cap, kMoneyLimit, "CNY/yr", "most one centre receives a year");
  b.real(p + ".adopt_prob", fr.adopt_prob, kShare, "1/yr",
         "yearly probability an hnte firm opens a centre in the hub");
  b.real(p + ".rd_share", fr.rd_share, kShare, "share",
         "share of the firm's R&D done in the centre");
}

void describe(Binder& b, const std::string& p, GuidanceFund& g) {
  describe_lever_common(b, p, g.common);
  b.real(p + ".size", g.size, kMoney, "CNY", "government money committed over the fund's life");
  b.integer(p + ".years", g.years, {1, 30}, "yr",
            "investment period over which the size is deployed evenly");
  b.real(p + ".leverage", g.leverage, {0, 20}, "CNY/CNY",
         "private venture money co-invested per government yuan");
  b.choice(p + ".stage", g.stage,
           {{"seed", Stage::kSeed}, {"early", Stage::kEarly}, {"growth", Stage::kGrowth}},
           "stage focus: how young the firms it invests in are");
}

void describe(Binder& b, const std::string& p, TechLoan& tl) {
  describe_lever_common(b, p, tl.common);
  b.real(p + ".volume", tl.volume, kMoney, "CNY/yr",
         "new tech loans banks make a year against the risk pool");
  b.real(p + ".coverage", tl.coverage, kShare, "share",
         "share of a defaulted balance the risk pool repays");
  b.real(p + ".cap_per_firm", tl.cap_per_firm, kMoneyLimit, "CNY", "largest loan to one firm");
}

}  // namespace

// Every lever of the registry, in its order, through its settings type's overload.
void describe_levers(Binder& b, Levers& l) {
#define INNOSIM_DESCRIBE_LEVER(Id, key, ...) describe(b, "levers." #key, l.key);
  INNOSIM_LEVERS(INNOSIM_DESCRIBE_LEVER)
#undef INNOSIM_DESCRIBE_LEVER
}

}  // namespace innosim
