// Research levers (docs/ODD.md 7.12): tech_transfer_support and university_cooperation_award
// pay a share of a technology contract (capped) and lower its net cost to the buyer;
// pilot_scaleup_support pays a share of a scale-up investment (30%, cap 3M);
// innovation_voucher gives tech SMEs vouchers for testing and R&D services;
// new_rd_institute_award and platform_awards draw new institutes and platforms and fund them.
#pragma once
#include <cstddef>
#include <cstdint>

#include "config/model_config.h"
#include "policy/lever.h"

namespace innosim {

struct FirmTable;
struct ResearchTable;
struct FiscalState;
struct Now;

// The buyer's net-cost factor of a contract under the support levers in force:
// (1 - expected rates)^elasticity, each rate times the share of claims its lever last paid.
double transfer_cost_factor(const FiscalState& fiscal, int year, const ModelConfig& m,
                            bool with_university);
// The support claims of firm `row` on a technology contract worth `value`.
void contract_claims(FiscalState& fiscal, const FirmTable& f, int year, const ModelConfig& m,
                     std::size_t row, double value, bool university);
// The scale-up support rate an innovating firm expects, and its claim on `investment`.
double scaleup_expected_rate(const FiscalState& fiscal, int year, const ModelConfig& m);
void scaleup_claim(FiscalState& fiscal, const FirmTable& f, int year, const ModelConfig& m,
                   std::size_t row, double investment);
// Tech SMEs that use a voucher this year (research phase, year end).
void voucher_claims(FiscalState& fiscal, const FirmTable& f, Now at, const ModelConfig& m);
// The award a new R&D institute expects (million CNY, at the last payout share), and the claim
// of the institute just opened.
double institute_award_offer(const FiscalState& fiscal, int year, const ModelConfig& m);
void institute_award_claim(FiscalState& fiscal, int year, const ModelConfig& m,
                           std::uint32_t org_id);
// The yearly award a provincial platform expects (million CNY), and every platform's claim.
double platform_award_offer(const FiscalState& fiscal, int year, const ModelConfig& m);
void platform_award_claims(FiscalState& fiscal, const ResearchTable& research, int year,
                           const ModelConfig& m);
// What a claim paid to firm `firm_id` does besides the cash: a voucher buys services that add to
// the firm's knowledge. It is support, booked as the lever's cost, not contract turnover.
void research_lever_paid(FirmTable& f, const ModelConfig& m, Lever lever, std::uint64_t firm_id,
                         double amount);

}  // namespace innosim
