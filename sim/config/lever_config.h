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
  bool enabled{};
  int start_year{};
  int end_year{};
  double budget{};
  Rationing rationing{};
  std::array<double, kGovLevels> cost_share{};
  std::string source;  // the seed document and quote the defaults come from
  bool active(int year) const { return enabled && year >= start_year && year <= end_year; }
};

struct RdPostSubsidy {
  LeverCommon common;
  double rate{};
  RdBase base{};
  Eligible eligible{};
  double cap_per_firm{};
};

// A lump sum on first reaching a status, paid in equal yearly installments.
struct StatusAward {
  LeverCommon common;
  double amount{};  // the most it pays, all installments together
  int installments{};
  double project_share{};  // each installment supports a project of this share of yearly R&D
};

struct AboveScaleFirstAward {
  LeverCommon common;
  double rate{};
  double cap{};
};

struct SmeProjectGrant {
  LeverCommon common;
  double amount_cap{};
  double project_share{};
  double project_rd_share{};
  double apply_prob{};
  double additionality{};
};

struct AttractionMultipliers {
  LeverCommon common;
  double hnte{};
  double tech_sme{};
  double response{};
  double incentive_per_firm{};
};

struct FiscalRdGrowth {
  LeverCommon common;
  double rate{};
};

// 创新联合体 project support: a share of the consortium project's R&D, paid to the chain leader.
struct ConsortiumSupport {
  LeverCommon common;
  double rate{};
  double cap{};
  double additionality{};
};

// Awards to incubation carriers on reaching a level, construction subsidies and star ratings.
struct CarrierAwards {
  LeverCommon common;
  // One-off award on certification at [municipal, provincial, national] level, by kind.
  std::array<std::array<double, 3>, 3> award{};
  double construction_subsidy{};
  double star_award{};
  double star_share{};
};

struct OneOffAward {
  LeverCommon common;
  double amount{};
};

struct TalentAllowance {
  LeverCommon common;
  double amount{};
  int years{};
  double eligible_share{};
};

struct LeadingTalentFunding {
  LeverCommon common;
  double talent_amount{};
  double team_amount{};
  std::vector<double> schedule{};
};

// A share of a project's investment, capped: tech transfer, pilot and scale-up, cooperation.
struct InvestmentShare {
  LeverCommon common;
  double rate{};
  double cap{};
};

struct InnovationVoucher {
  LeverCommon common;
  double amount{};
  double apply_prob{};
};

struct PlatformAwards {
  LeverCommon common;
  double national{};
  double regional{};
};

struct FlyingIncubator {
  LeverCommon common;
  double amount{};
  int count{};
  double graduates_per_year{};
  double talents_per_year{};
};

struct FlyingRdCenter {
  LeverCommon common;
  double rate{};
  double cap{};
  double adopt_prob{};
  double rd_share{};
};

enum class Stage { kSeed, kEarly, kGrowth };

struct GuidanceFund {
  LeverCommon common;
  double size{};
  int years{};
  double leverage{};
  Stage stage{};
};

struct TechLoan {
  LeverCommon common;
  double volume{};
  double coverage{};
  double cap_per_firm{};
};

// Every lever's settings, one member per registry entry, named by its key.
struct Levers {
#define INNOSIM_LEVER_MEMBER(Id, key, Settings, ...) Settings key;
  INNOSIM_LEVERS(INNOSIM_LEVER_MEMBER)
#undef INNOSIM_LEVER_MEMBER
};

}  // namespace innosim
