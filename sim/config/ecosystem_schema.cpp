// The ecosystem keys of the configuration: carriers, talent, research organisations, money,
// networks (model parameters, defaults in configs/model.toml) and the region's base-year
// ecosystem stocks and links (configs/regions/*.toml).
#include <string>

#include "config/binder.h"
#include "config/model_config.h"

namespace innosim {
namespace {

void three(Binder& b, const std::string& key, std::vector<double>& v, Range r,
           const std::string& unit, const std::string& doc) {
  b.real_list(key, v, r, unit, doc);
  if (b.binding() && v.size() != 3) b.fail(key, "expected 3 values");
}

void describe_carriers(Binder& b, CarrierParams& c) {
  const std::string by_kind = " [maker_space, incubator, accelerator]";
  three(b, "carriers.capacity", c.capacity, {1, 1e5}, "tenants",
        "tenants a municipal carrier holds," + by_kind);
  b.real("carriers.capacity_per_level", c.capacity_per_level, {0, 10}, "share",
         "extra capacity per level above municipal");
  three(b, "carriers.term_years", c.term_years, {0.25, 20}, "yr",
        "years from admission to graduation," + by_kind);
  three(b, "carriers.construction_cost", c.construction_cost, kMoney, "CNY",
        "cost of opening a carrier," + by_kind);
  b.real("carriers.apply_prob", c.apply_prob, kShare, "share",
         "share of startups that apply to a carrier");
  b.real("carriers.accelerator_max_age", c.accelerator_max_age, kNonNeg, "yr",
         "oldest firm an accelerator admits");
  b.real("carriers.quality_mean", c.quality_mean, {0.01, 1}, "1",
         "mean service quality: acceptance probability and benefit scale");
  b.real("carriers.hazard_reduction", c.hazard_reduction, kShare, "share",
         "fall of a tenant's exit hazard at quality 1");
  b.real("carriers.growth_bonus", c.growth_bonus, {0, 1}, "log points/yr",
         "extra revenue growth of a tenant at quality 1");
  b.real("carriers.open_rate", c.open_rate, {0, 5}, "1/yr",
         "openings a year per carrier of the kind");
  b.real("carriers.demand_response", c.demand_response, kNonNeg, "1",
         "rise of openings per unit of rejected demand over capacity");
  b.real("carriers.award_response", c.award_response, kNonNeg, "1",
         "rise of openings and upgrades per unit of expected support over construction cost");
  b.real("carriers.close_rate", c.close_rate, kShare, "1/yr", "closures a year per carrier");
  b.real("carriers.low_occupancy", c.low_occupancy, kShare, "share",
         "occupancy below which the closure rate triples");
  b.real("carriers.upgrade_prob", c.upgrade_prob, kShare, "1/yr",
         "yearly probability an eligible carrier is certified a level up");
  b.real("carriers.upgrade_occupancy", c.upgrade_occupancy, kShare, "share",
         "occupancy needed to apply for the next level");
  b.real("carriers.upgrade_min_age", c.upgrade_min_age, kNonNeg, "yr",
         "age needed to apply for the next level");
  b.real("carriers.quality_per_million", c.quality_per_million, kNonNeg, "1/(1e6 CNY)",
         "quality gained per million CNY of awards");
  b.real("carriers.maker_space_share", c.maker_space_share, kShare, "share",
         "a startup applying to a carrier tries a maker space with this probability, else an "
         "incubator");
  b.real("carriers.empty_close_multiplier", c.empty_close_multiplier, {1, 100}, "x",
         "closure rate of a carrier below carriers.low_occupancy over the base rate");
  b.real("carriers.quality_spread", c.quality_spread, kShare, "share",
         "a new carrier's quality is uniform on quality_mean x [1 - spread, 1 + spread]");
  b.real("carriers.quality_min", c.quality_min, kShare, "1",
         "lowest service quality a carrier has");
  b.real("carriers.initial_occupancy", c.initial_occupancy, kShare, "share",
         "share of its capacity a base-year carrier has filled");
  b.real("carriers.initial_age", c.initial_age, {0, 50}, "yr", "age of the base year's carriers");
}

void describe_talent(Binder& b, TalentParams& t) {
  b.real("talent.wage", t.wage, {1e3, 1e8}, "CNY/yr",
         "pay of an R&D worker, against which allowances are measured");
  b.real("talent.retirement_rate", t.retirement_rate, kShare, "1/yr",
         "retirements a year per talent");
  b.real("talent.outflow_rate", t.outflow_rate, kShare, "1/yr",
         "departures a year per talent at no wage gap");
  b.real("talent.wage_gap", t.wage_gap, {-3, 3}, "log points",
         "gap of wages and amenities to the east hub");
  b.real("talent.gap_effect", t.gap_effect, kNonNeg, "1",
         "outflow rises exp(gap_effect x wage_gap)");
  b.real("talent.inflow_rate", t.inflow_rate, {0, 1}, "1/yr",
         "inflows a year per talent in the region");
  b.real("talent.allowance_response", t.allowance_response, kNonNeg, "1",
         "rise of inflows (and fall of recipients' outflow) per unit of allowance over wage");
  b.real("talent.graduate_rd_share", t.graduate_rd_share, kShare, "share",
         "share of graduates who would take R&D jobs");
  b.real("talent.graduate_retention", t.graduate_retention, kShare, "share",
         "share of graduates who stay in the region");
  b.real("talent.leading_response", t.leading_response, kNonNeg, "1/(1e6 CNY)",
         "rise of leading-talent inflow per million CNY of funding offered");
  b.real("talent.team_share", t.team_share, kShare, "share",
         "share of incoming leading talents who bring a team");
  b.real("talent.team_size", t.team_size, {0, 100}, "persons", "R&D talents a team brings");
  b.real("talent.leading_effect", t.leading_effect, kNonNeg, "1",
         "rise of a firm's innovation rate per leading talent it employs");
  b.real("talent.entrepreneurship_rate", t.entrepreneurship_rate, kShare, "1/yr",
         "startups a year per R&D talent without an employer");
  b.real("talent.carrier_effect", t.carrier_effect, kNonNeg, "1",
         "rise of entrepreneurship per free carrier place per 100 talents");
  b.real("talent.vc_effect", t.vc_effect, kNonNeg, "1",
         "rise of entrepreneurship per million CNY of venture money a year per 100 talents");
  b.real("talent.rd_fte_per_person", t.rd_fte_per_person, {0.1, 1}, "FTE/person",
         "full-time equivalents an R&D person works");
  b.real("talent.graduate_skill_max", t.graduate_skill_max, kShare, "1",
         "graduates' skill is uniform on [0, max] (other R&D talents' on [0, 1])");
  b.real(
      "talent.staff_slack", t.staff_slack, {0, 10}, "persons",
      "R&D staff a firm may be short before its R&D is capped (tiny R&D needs no dedicated hire)");
  b.real("talent.demand_response", t.demand_response, {0, 5}, "1",
         "elasticity of talent inflow (and inverse of outflow) to the market's tightness, persons "
         "wanted per R&D talent, relative to the base year");
}

void describe_research(Binder& b, ResearchParams& r) {
  three(b, "research.budget_weight", r.budget_weight, kNonNeg, "1",
        "weights splitting public R&D across [university, research_institute, new_rd_institute]");
  b.real("research.contract_median", r.contract_median, {1e3, 1e10}, "CNY",
         "median value of a technology contract");
  b.real("research.contract_sigma", r.contract_sigma, {0, 5}, "log points",
         "dispersion of contract values");
  b.real("research.transfer_price_elasticity", r.transfer_price_elasticity, {-5, 0}, "1",
         "elasticity of contract numbers with respect to the buyer's net cost");
  b.real("research.transfer_gain", r.transfer_gain, {0, 1}, "log points",
         "productivity a buyer gains from a contract as large as its own yearly R&D (scaled by "
         "value / (value + own R&D))");
  b.real("research.firm_seller_share", r.firm_seller_share, kShare, "share",
         "share of the base year's technology-contract turnover sold by firms (the rest by "
         "research organisations and platforms)");
  b.real("research.spinoff_rate", r.spinoff_rate, kNonNeg, "1/yr/(1e8 CNY)",
         "spin-offs a year per 100M CNY of research budget");
  b.real("research.new_institute_rate", r.new_institute_rate, {0, 5}, "1/yr",
         "new R&D institutes a year per existing one");
  b.real("research.award_response", r.award_response, kNonNeg, "1/(1e6 CNY)",
         "rise of institute openings per million CNY of award");
  b.real("research.platform_rate", r.platform_rate, {0, 5}, "1/yr",
         "new platforms a year per existing platform");
  b.real("research.platform_response", r.platform_response, kNonNeg, "1/(1e6 CNY)",
         "rise of platform openings per million CNY of yearly award");
  b.real("research.platform_national_share", r.platform_national_share, kShare, "share",
         "share of platforms at national level");
  b.real("research.platform_budget", r.platform_budget, kMoney, "CNY/yr",
         "research a platform does without awards");
  b.real("research.scaleup_prob", r.scaleup_prob, kShare, "1/yr",
         "probability a firm that innovated scales up at no support");
  b.real("research.scaleup_investment", r.scaleup_investment, {0, 5}, "share of revenue",
         "investment of a scale-up");
  b.real("research.scaleup_gain", r.scaleup_gain, {0, 1}, "log points",
         "productivity gained by a scale-up");
  b.real("research.voucher_gain", r.voucher_gain, {0, 5}, "CNY/CNY",
         "R&D capital a firm gains per yuan of voucher services");
  b.real("research.min_net_cost", r.min_net_cost, kShare, "share",
         "least share of a technology contract's price its buyer pays, whatever the support");
}

void describe_finance(Binder& b, FinanceParams& f) {
  three(b, "finance.stage_max_age", f.stage_max_age, kNonNeg, "yr",
        "oldest firm a fund invests in, by stage [seed, early, growth]");
  b.real("finance.deal_revenue_multiple", f.deal_revenue_multiple, {0, 100}, "1",
         "venture deal size over the firm's revenue");
  b.real("finance.min_deal", f.min_deal, kMoney, "CNY", "smallest venture deal");
  b.real("finance.max_deal", f.max_deal, kMoney, "CNY", "largest venture deal");
  b.real("finance.hazard_reduction", f.hazard_reduction, kShare, "share",
         "fall of a venture-backed firm's exit hazard");
  b.real("finance.hold_years", f.hold_years, kNonNeg, "yr",
         "years past the stage's age limit at which funds exit a firm that has not listed");
  b.real("finance.score_noise", f.score_noise, {0, 10}, "1",
         "dispersion of the funds' screening error");
  b.real("finance.loan_revenue_share", f.loan_revenue_share, {0, 5}, "share",
         "tech loan size over revenue");
  b.integer("finance.loan_term_years", f.loan_term_years, {1, 30}, "yr",
            "years over which a loan is repaid");
  b.real("finance.interest_rate", f.interest_rate, {0, 1}, "1/yr", "interest on tech loans");
  b.real("finance.score_growth_weight", f.score_growth_weight, {0, 100}, "1/log point",
         "weight of last year's log revenue growth in the funds' screening score (log1p patents "
         "weighs 1)");
  b.real("finance.score_signal_weight", f.score_signal_weight, {0, 100}, "1",
         "weight of each of tenancy, tech SME status and a recent innovation in that score");
  b.real("finance.min_principal", f.min_principal, kMoney, "CNY/yr",
         "least principal a tech loan repays a year (then the rest of the term's share)");
  if (b.binding() && f.min_deal > f.max_deal)
    b.fail("finance.max_deal", "expected max_deal >= min_deal");
}

void describe_network(Binder& b, NetworkParams& n) {
  b.integer("network.supply_ties", n.supply_ties, {0, 100}, "ties",
            "supply-chain ties a firm forms within its sector");
  b.real("network.leader_min_revenue", n.leader_min_revenue, kMoney, "CNY/yr",
         "revenue of a chain leader");
  b.real("network.consortium_prob", n.consortium_prob, kShare, "1/yr",
         "probability a leader forms a consortium without support");
  b.real("network.consortium_response", n.consortium_response, kNonNeg, "1",
         "rise of that probability per unit of support rate");
  b.integer("network.consortium_members", n.consortium_members, {1, 100}, "firms",
            "SMEs in a consortium");
  b.integer("network.consortium_years", n.consortium_years, {1, 20}, "yr",
            "length of a consortium project");
  b.real("network.project_rd_share", n.project_rd_share, {0, 5}, "share",
         "consortium project R&D over the leader's R&D");
  b.integer("network.platform_ties", n.platform_ties, {0, 1000}, "ties", "firms a platform serves");
}

void describe_region_ecosystem(Binder& b, RegionEcosystem& e) {
  b.real("region.talent_total", e.talent_total, kTalents, "persons",
         "talent stock (人才总量) at the base year");
  b.real("region.rd_personnel", e.rd_personnel, kTalents, "persons",
         "R&D personnel (headcount) at the base year");
  b.real("region.leading_talents", e.leading_talents, kTalents, "persons",
         "leading S&T talents at the base year");
  b.real("region.graduates", e.graduates, kPersonsPerYear, "persons/yr",
         "university graduates a year");
  b.real("region.universities", e.universities, kOrganisations, "organisations",
         "universities and colleges");
  b.real("region.research_institutes", e.research_institutes, kOrganisations, "organisations",
         "public research institutes");
  b.real("region.new_rd_institutes", e.new_rd_institutes, kOrganisations, "organisations",
         "new R&D institutes (新型研发机构)");
  b.real("region.platforms", e.platforms, kOrganisations, "platforms",
         "key labs and engineering/technology centres");
  b.real("region.tech_contract_turnover", e.tech_contract_turnover, kMoney, "CNY",
         "technology-contract turnover at the base year");
  b.real("region.vc_private", e.vc_private, kMoney, "CNY/yr",
         "private venture investment a year without a guidance fund");
  const std::string levels = " by level [municipal, provincial, national]";
  three(b, "region.maker_spaces", e.maker_spaces, kOrganisations, "carriers",
        "maker spaces" + levels);
  three(b, "region.incubators", e.incubators, kOrganisations, "carriers", "incubators" + levels);
  three(b, "region.accelerators", e.accelerators, kOrganisations, "carriers",
        "accelerators" + levels);
  b.table_array("region.links",
                "edges of the region graph: to (a preset or \"east\"), outflow_share, inflow_rate",
                [&](const toml::table& t, const std::string& where) {
                  b.entry_keys(t, where, {"to", "outflow_share", "inflow_rate"});
                  e.links.push_back({b.entry_text(t, where, "to"),
                                     b.entry_number(t, where, "outflow_share", kShare),
                                     b.entry_number(t, where, "inflow_rate", kShare)});
                });
  if (!b.binding()) return;
  double share = 0;
  for (const auto& l : e.links) share += l.outflow_share;
  if (share > 1 + 1e-9) b.fail("region.links", "expected outflow shares summing to at most 1");
  if (e.rd_personnel + e.leading_talents > e.talent_total)
    b.fail("region.talent_total", "expected at least rd_personnel plus leading_talents");
}

}  // namespace

void describe_ecosystem(Binder& b, ModelConfig& c) {
  describe_carriers(b, c.carriers);
  describe_talent(b, c.talent);
  describe_research(b, c.research);
  describe_finance(b, c.finance);
  describe_network(b, c.network);
  describe_region_ecosystem(b, c.region.ecosystem);
}

}  // namespace innosim
