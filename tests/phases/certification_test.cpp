// Certification rules on hand-built firms at, just below and just above each threshold
// (国科发火〔2016〕32号 for hnte, 国科发政〔2017〕115号 for tech_sme).
#include "phases/certification.h"

#include <catch2/catch.hpp>
#include <unordered_set>

#include "step.h"
#include "test_support_sim.h"

using namespace innosim;

namespace {
CertificationInputs hnte_candidate(double revenue, double rd_share, int year = 2021) {
  CertificationInputs x;
  x.year = year;
  x.age_years = 2;
  x.revenue = revenue;
  x.employees = 100;
  x.rd_share_3y = rd_share;
  x.rd_intensity = rd_share;
  x.rd_staff_share = 0.12;
  x.high_tech_revenue_share = 0.7;
  x.invention_patents = 1;
  return x;
}
}  // namespace

TEST_CASE("hnte: the R&D threshold depends on the revenue band", "[certification]") {
  const HnteRules& r = test::shipped_model().hnte;
  CHECK(hnte_eligible(hnte_candidate(4e7, 0.05), r));
  CHECK_FALSE(hnte_eligible(hnte_candidate(4e7, 0.0499), r));
  CHECK(hnte_eligible(hnte_candidate(5e7, 0.05), r));  // 50M is still the small band (<=)
  CHECK_FALSE(hnte_eligible(hnte_candidate(5e7, 0.045), r));
  CHECK(hnte_eligible(hnte_candidate(5.0001e7, 0.04), r));  // medium band
  CHECK_FALSE(hnte_eligible(hnte_candidate(1e8, 0.0399), r));
  CHECK(hnte_eligible(hnte_candidate(2.0001e8, 0.03), r));  // large band
  CHECK_FALSE(hnte_eligible(hnte_candidate(3e8, 0.0299), r));
}

TEST_CASE("hnte: rounds before 2016 ask the 2008 rules' 6% of a small firm", "[certification]") {
  const HnteRules& r = test::shipped_model().hnte;
  REQUIRE(r.rules_year == 2016);
  CHECK_FALSE(hnte_eligible(hnte_candidate(4e7, 0.0599, 2015), r));
  CHECK(hnte_eligible(hnte_candidate(4e7, 0.06, 2015), r));
  CHECK(hnte_eligible(hnte_candidate(4e7, 0.05, 2016), r));
  // The medium and large lines did not change.
  CHECK(hnte_eligible(hnte_candidate(1e8, 0.04, 2015), r));
  CHECK(hnte_eligible(hnte_candidate(3e8, 0.03, 2015), r));
  CHECK_FALSE(hnte_eligible(hnte_candidate(3e8, 0.0299, 2015), r));
}

TEST_CASE("hnte: staff - high-tech revenue - IP and age are each required", "[certification]") {
  const HnteRules& r = test::shipped_model().hnte;
  auto x = hnte_candidate(1e8, 0.05);
  REQUIRE(hnte_eligible(x, r));
  auto staff = x;
  staff.rd_staff_share = 0.0999;
  CHECK_FALSE(hnte_eligible(staff, r));
  staff.rd_staff_share = 0.10;
  CHECK(hnte_eligible(staff, r));
  auto ht = x;
  ht.high_tech_revenue_share = 0.599;
  CHECK_FALSE(hnte_eligible(ht, r));
  auto ip = x;
  ip.invention_patents = 0;
  CHECK_FALSE(hnte_eligible(ip, r));
  auto young = x;
  young.age_years = 0.99;
  CHECK_FALSE(hnte_eligible(young, r));
}

TEST_CASE("tech_sme: score bands - size limits and direct qualification", "[certification]") {
  const TechSmeRules& r = test::shipped_model().tech_sme;
  CertificationInputs x;
  x.employees = 50;
  x.revenue = 1e7;
  x.rd_staff_share = 0.10;  // 4 points
  x.rd_intensity = 0.04;    // 30 points
  x.invention_patents = 1;  // 30 points
  CHECK(tech_sme_score(x).points == 64);
  CHECK(tech_sme_eligible(x, r));
  x.rd_intensity = 0.0399;  // 20 points: 54 < 60
  CHECK(tech_sme_score(x).points == 54);
  CHECK_FALSE(tech_sme_eligible(x, r));
  x.rd_intensity = 0.06;  // 50 points, but no S&T staff points: excluded whatever the score
  x.rd_staff_share = 0.0999;
  CHECK(tech_sme_score(x).points == 80);
  CHECK_FALSE(tech_sme_eligible(x, r));
  x.rd_staff_share = 0.30;
  CHECK(tech_sme_eligible(x, r));
  auto big = x;
  big.employees = 501;
  CHECK_FALSE(tech_sme_eligible(big, r));
  big.employees = 500;
  big.revenue = 2.0001e8;
  CHECK_FALSE(tech_sme_eligible(big, r));
  CertificationInputs hnte;  // a valid hnte certificate qualifies directly, score aside
  hnte.employees = 100;
  hnte.revenue = 5e7;
  hnte.hnte = true;
  CHECK(tech_sme_eligible(hnte, r));
}

TEST_CASE("specialized_sme: each criterion at its threshold", "[certification]") {
  const SpecializedSmeRules& r = test::shipped_model().specialized_sme;
  CertificationInputs x;
  x.employees = 1000;
  x.age_years = 2;
  x.revenue = 1e7;
  x.rd_intensity = 0.03;
  x.revenue_growth = 0.05;
  x.invention_patents = 1;
  CHECK(specialized_sme_eligible(x, r));
  auto big = x;
  big.employees = 1001;
  CHECK_FALSE(specialized_sme_eligible(big, r));
  auto young = x;
  young.age_years = 1.99;
  CHECK_FALSE(specialized_sme_eligible(young, r));
  auto small = x;
  small.revenue = 9.99e6;
  CHECK_FALSE(specialized_sme_eligible(small, r));
  auto low_rd = x;
  low_rd.rd_intensity = 0.0299;
  CHECK_FALSE(specialized_sme_eligible(low_rd, r));
  auto slow = x;
  slow.revenue_growth = 0.0499;
  CHECK_FALSE(specialized_sme_eligible(slow, r));
  auto no_ip = x;
  no_ip.invention_patents = 0;
  CHECK_FALSE(specialized_sme_eligible(no_ip, r));
}

TEST_CASE("gazelle: young - big enough three years ago - growing 20% a year", "[certification]") {
  const GazelleRules& r = test::shipped_model().gazelle;
  CertificationInputs x;
  x.age_years = 10;
  x.revenue_3y_ago = 5e6;
  x.revenue_growth_3y = 0.2;
  CHECK(gazelle(x, r));
  auto old = x;
  old.age_years = 10.01;
  CHECK_FALSE(gazelle(old, r));
  auto tiny = x;
  tiny.revenue_3y_ago = 4.99e6;
  CHECK_FALSE(gazelle(tiny, r));
  auto slow = x;
  slow.revenue_growth_3y = 0.199;
  CHECK_FALSE(gazelle(slow, r));
}

TEST_CASE("listing needs revenue and a profit; demonstration needs an hnte certificate and more",
          "[certification]") {
  const ListingRules& l = test::shipped_model().listing;
  CertificationInputs x;
  x.revenue = 3e8;
  x.profit = 1;
  CHECK(listing_eligible(x, l));
  x.profit = -1;
  CHECK_FALSE(listing_eligible(x, l));
  x.profit = 1;
  x.revenue = 2.99e8;
  CHECK_FALSE(listing_eligible(x, l));

  const DemoRules& d = test::shipped_model().demo_enterprise;
  CertificationInputs y;
  y.hnte = true;
  y.revenue = 5e7;
  y.rd_intensity = 0.03;
  y.invention_patents = 5;
  CHECK(demo_eligible(y, d));
  auto no_cert = y;
  no_cert.hnte = false;
  CHECK_FALSE(demo_eligible(no_cert, d));
  auto few = y;
  few.invention_patents = 4;
  CHECK_FALSE(demo_eligible(few, d));
  auto low = y;
  low.rd_intensity = 0.0299;
  CHECK_FALSE(demo_eligible(low, d));
  auto small = y;
  small.revenue = 4.99e7;
  CHECK_FALSE(demo_eligible(small, d));
}

TEST_CASE("certification rounds in a simulated region respect the rules and the demo quota",
          "[certification]") {
  // After a simulated year, every firm holding a status that is granted on the year's facts
  // meets its rule, and no more firms become demonstration enterprises than the quota.
  auto c =
      test::scaled(8000, {"demo_enterprise.min_patents=1", "demo_enterprise.quota_per_year=3"});
  int demo_before = 0;
  World w = test::simulate(c.model, {51, 0}, 1, [&](const World& at) {
    for (std::size_t i = 0; i < at.firms.size(); ++i) demo_before += at.firms.has(i, kDemo);
  });
  CHECK(demo_before <= 3);
  for (int year = 0; year < 3; ++year) {
    int demo = 0;
    for (int s = 0; s < c.model.time.steps_per_year; ++s) step(w, c.model);
    const RulePrices prices = rule_prices(w.clock, c.model);
    for (std::size_t i = 0; i < w.firms.size(); ++i) {
      const CertificationInputs x = certification_inputs(w.clock, w.firms, c.model, prices, i);
      demo += w.firms.has(i, kDemo);
      if (w.firms.has(i, kGazelle)) CHECK(gazelle(x, c.model.gazelle));
      if (w.firms.has(i, kAboveScale)) CHECK(x.revenue >= kAboveScaleRevenue);
      if (w.firms.has(i, kTechSme)) CHECK(tech_sme_eligible(x, c.model.tech_sme));
    }
    CHECK(demo <= demo_before + 3 * (year + 1));
  }
}

TEST_CASE("hnte: a holder that still qualifies at expiry renews at renew_prob", "[certification]") {
  // The first round after the base year: the certificates expiring in it renew for every
  // holder that still qualifies at renew_prob = 1, for none at 0, and first certifications
  // follow apply_prob whatever the renewal probability. The round's indicators count the
  // same firms (no relocations, so every holder after the round was one before or is new).
  for (const char* renew : {"0", "1"}) {
    auto c = test::scaled(40000, {std::string("hnte.renew_prob=") + renew, "hnte.apply_prob=1",
                                  "firm.relocation_rate=0"});
    World w = initial_population(c.model, {52, 0});
    const int year = c.model.region.base_year + 1;
    std::unordered_set<std::uint64_t> expiring, holders;
    for (std::size_t i = 0; i < w.firms.size(); ++i) {
      if (!w.firms.has(i, kHnte)) continue;
      holders.insert(w.firms.id[i]);
      if (w.firms.hnte_expiry[i] == year) expiring.insert(w.firms.id[i]);
    }
    REQUIRE(expiring.size() > 10);
    for (int s = 0; s < c.model.time.steps_per_year; ++s) step(w, c.model);
    const RulePrices prices = rule_prices(w.clock, c.model);
    int renewed = 0, lapsed = 0, lapsed_eligible = 0, first = 0;
    for (std::size_t i = 0; i < w.firms.size(); ++i) {
      const std::uint64_t id = w.firms.id[i];
      const bool eligible =
          hnte_eligible(certification_inputs(w.clock, w.firms, c.model, prices, i), c.model.hnte);
      const bool hnte = w.firms.has(i, kHnte);
      if (expiring.count(id)) {
        renewed += hnte;
        lapsed += !hnte;
        lapsed_eligible += eligible && !hnte;
        if (hnte) CHECK(w.firms.hnte_expiry[i] == year + c.model.hnte.validity_years);
      } else if (!holders.count(id) && hnte) {
        ++first;
      }
    }
    INFO("renew_prob " << renew << ": " << expiring.size() << " expiring, " << renewed
                       << " renewed, " << lapsed_eligible << " eligible lapsed, " << first
                       << " first certifications");
    CHECK(w.indicators[kHnteCertified] == renewed + first);
    CHECK(w.indicators[kHnteFirstCertified] == first);
    CHECK(w.indicators[kHnteLapsed] == lapsed);
    if (std::string(renew) == "0") {
      CHECK(renewed == 0);
      CHECK(lapsed_eligible > 0);
    } else {
      CHECK(renewed > 0);
      CHECK(lapsed_eligible == 0);
    }
    CHECK(first > 0);
  }
}
