// The policy levers of BRIEF 4: the settings every lever shares (LeverCommon) and each
// lever's own parameters. Meanings, units and ranges are declared in lever_schema.cpp,
// defaults with their seed sources in configs/model.toml.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "policy/lever_registry.h"

namespace innosim {

// How a lever's claims are cut when they exceed its budget.
enum class Rationing { kProRata, kFirstCome, kRanked };
// Which firms may claim the R&D post-subsidy, and on what base.
enum class Eligible { kHnte, kAboveScale, kTechSme, kRdActive };
enum class RdBase { kTotal, kIncremental };

enum class GovLevel : int { kNational = 0, kProvince = 1, kCity = 2, kDistrict = 3 };
inline constexpr int kGovLevels = 4;
inline constexpr std::array<const char*, kGovLevels> kGovLevelNames = {"national", "province",
                                                                       "city", "district"};

struct LeverCommon {
  bool enabled = false;
  int start_year = 0;
  int end_year = 9999;
  double budget = 0;  // CNY a year; infinity = no budget limit
  Rationing rationing = Rationing::kProRata;
  std::array<double, kGovLevels> cost_share{};
  std::string source;  // the seed document and quote the defaults come from
  bool active(int year) const { return enabled && year >= start_year && year <= end_year; }
};

struct RdPostSubsidy {
  LeverCommon common;
  double rate = 0.2;
  RdBase base = RdBase::kTotal;
  Eligible eligible = Eligible::kHnte;
  double cap_per_firm = 0;
};

// A lump sum on first reaching a status, paid in equal yearly installments.
struct StatusAward {
  LeverCommon common;
  double amount = 0;     // CNY per firm, all installments together
  int installments = 1;  // years
};

struct AboveScaleFirstAward {
  LeverCommon common;
  double rate = 0.2;  // of the previous year's R&D
  double cap = 2e6;   // CNY per firm
};

struct SmeProjectGrant {
  LeverCommon common;
  double amount_cap = 3e5;
  double project_share = 0.3;
  double project_rd_share = 0.5;
  double apply_prob = 0.3;
  double additionality = 0.5;
};

struct AttractionMultipliers {
  LeverCommon common;
  double hnte = 1;
  double tech_sme = 1;
  double response = 0.2;
  double incentive_per_firm = 0;
};

struct FiscalRdGrowth {
  LeverCommon common;
  double rate = 0.1;
};

// 创新联合体 project support: a share of the consortium project's R&D, paid to the chain leader.
struct ConsortiumSupport {
  LeverCommon common;
  double rate = 0.3;           // share of project R&D
  double cap = 5e6;            // CNY per consortium and year
  double additionality = 0.5;  // extra R&D per yuan received
};

// Awards to incubation carriers on reaching a level, construction subsidies and star ratings.
struct CarrierAwards {
  LeverCommon common;
  // One-off award on certification at [municipal, provincial, national] level, by kind.
  std::array<std::array<double, 3>, 3> award{};  // [kind][level], CNY
  double construction_subsidy = 0;               // share of a new carrier's construction cost
  double star_award = 0;                         // CNY a year to each star-rated carrier
  double star_share = 0.2;                       // share of carriers rated as stars each year
};

struct OneOffAward {
  LeverCommon common;
  double amount = 1e6;  // CNY per recipient
};

struct TalentAllowance {
  LeverCommon common;
  double amount = 2e5;  // CNY a year per talent
  int years = 3;
  double eligible_share = 0.2;  // share of R&D talents (by skill) who qualify as 高精尖缺
};

struct LeadingTalentFunding {
  LeverCommon common;
  double talent_amount = 3e5;                   // CNY per leading talent
  double team_amount = 5e5;                     // CNY per innovation team
  std::vector<double> schedule{0.4, 0.3, 0.3};  // shares paid in successive years
};

// A share of a project's investment, capped: tech transfer, pilot and scale-up, cooperation.
struct InvestmentShare {
  LeverCommon common;
  double rate = 0.3;
  double cap = 3e6;  // CNY per project
};

struct InnovationVoucher {
  LeverCommon common;
  double amount = 1e5;      // CNY per voucher
  double apply_prob = 0.2;  // yearly probability an eligible SME uses one
};

struct PlatformAwards {
  LeverCommon common;
  double national = 1e7;  // CNY a year per national platform
  double regional = 1e6;  // CNY a year per provincial (regional) platform
};

struct FlyingIncubator {
  LeverCommon common;
  double amount = 5e5;            // CNY a year per flying incubator
  int count = 1;                  // flying incubators the region runs in the east hub
  double graduates_per_year = 3;  // startups a flying incubator sends home each year
  double talents_per_year = 5;    // R&D talents each brings from the east hub a year
};

struct FlyingRdCenter {
  LeverCommon common;
  double rate = 0.15;        // share of the centre's R&D
  double cap = 1e6;          // CNY per centre and year
  double adopt_prob = 0.05;  // yearly probability an eligible firm opens one when the lever is on
  double rd_share = 0.2;     // share of the firm's R&D done in the centre
};

enum class Stage { kSeed, kEarly, kGrowth };

struct GuidanceFund {
  LeverCommon common;
  double size = 2e9;    // CNY, government money over the fund's life
  int years = 5;        // investment period
  double leverage = 3;  // private CNY per government CNY
  Stage stage = Stage::kEarly;
};

struct TechLoan {
  LeverCommon common;
  double volume = 1e8;        // new loans a year, CNY
  double coverage = 0.5;      // share of a defaulted balance the risk pool repays the bank
  double cap_per_firm = 5e6;  // CNY
};

// Every lever's settings, one member per registry entry, named by its key.
struct Levers {
#define INNOSIM_LEVER_MEMBER(Id, key, Settings, ...) Settings key;
  INNOSIM_LEVERS(INNOSIM_LEVER_MEMBER)
#undef INNOSIM_LEVER_MEMBER
};

}  // namespace innosim
