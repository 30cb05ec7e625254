// One step of the model: the phases in order, nothing else (BRIEF 3.3).
#pragma once
#include <array>

#include "config/model_config.h"
#include "world.h"

namespace innosim {

// The phases of a step, in order (docs/ODD.md 5), for the per-phase time split of
// `innosim bench`.
enum Phase : int {
  kPhaseSectorMeans,
  kPhaseEntry,
  kPhaseGrowth,
  kPhaseInnovation,
  kPhaseExit,
  kPhaseIncubation,
  kPhaseCertification,
  kPhasePolicy,
  kPhaseAccounts,
  kPhaseCarriers,
  kPhaseResearch,
  kPhaseFinance,
  kPhaseDefaults,
  kPhaseTalentFlows,
  kPhaseStatistics,
  kPhaseRdDecision,
  kPhaseTalentMatching,
  kPhaseCompaction,
  kPhaseNetwork,
  kPhaseCount
};
inline constexpr std::array<const char*, kPhaseCount> kPhaseNames = {
    "sector means", "entry",           "growth",     "innovation",     "exit",
    "incubation",   "certification",   "policy",     "accounts",       "carriers",
    "research",     "finance",         "defaults",   "talent flows",   "statistics",
    "R&D decision", "talent matching", "compaction", "network rebuild"};

// Wall seconds spent in each phase, summed over the steps that were given it.
struct PhaseTimes {
  std::array<double, kPhaseCount> seconds{};
};

// With `times`, also adds each phase's wall time to it (a measurement, not model state).
void step(World& w, const ModelConfig& m, PhaseTimes* times = nullptr);

}  // namespace innosim
