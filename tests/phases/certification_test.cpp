// Certification rules on hand-built firms at, just below and just above each threshold
// (国科发火〔2016〕32号 for hnte, 国科发政〔2017〕115号 for tech_sme).
#include <catch2/catch.hpp>

#include "phases/certification.h"

using namespace innosim;

namespace {
CertificationInputs hnte_candidate(double revenue, double rd_share) {
  CertificationInputs x;
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
  const HnteRules r;
  CHECK(hnte_eligible(hnte_candidate(4e7, 0.05), r));
  CHECK_FALSE(hnte_eligible(hnte_candidate(4e7, 0.0499), r));
  CHECK(hnte_eligible(hnte_candidate(5e7, 0.05), r));       // 50M is still the small band (<=)
  CHECK_FALSE(hnte_eligible(hnte_candidate(5e7, 0.045), r));
  CHECK(hnte_eligible(hnte_candidate(5.0001e7, 0.04), r));  // medium band
  CHECK_FALSE(hnte_eligible(hnte_candidate(1e8, 0.0399), r));
  CHECK(hnte_eligible(hnte_candidate(2.0001e8, 0.03), r));  // large band
  CHECK_FALSE(hnte_eligible(hnte_candidate(3e8, 0.0299), r));
}

TEST_CASE("hnte: staff - high-tech revenue - IP and age are each required", "[certification]") {
  const HnteRules r;
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
  const TechSmeRules r;
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
  x.rd_intensity = 0.06;    // 50 points, but no S&T staff points: excluded whatever the score
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
