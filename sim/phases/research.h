// Research organisations, platforms and technology transfer (BRIEF 3.2-3.3), at year end:
// public R&D and lever money become research capital; technology contracts sell knowledge
// to firms (tech_contract_turnover), with transfer, cooperation and scale-up support;
// innovation vouchers buy services; organisations spin off firms; new R&D institutes and
// platforms open, the more so when awards are on offer.
#pragma once
#include "config/model_config.h"
#include "core/random.h"
#include "phases/phase_context.h"
#include "world.h"

namespace innosim {

// Contracts a year per million CNY of knowledge on offer, at the net cost factor 1.
double transfer_knowledge(const ResearchTable& research);
// Reads public R&D (macro) and the clock; writes research organisations and platforms and the
// network (eco), firms' productivity, knowledge and cash, contract turnover (totals), spin-offs
// (handoffs) and research-lever claims (fiscal).
void research_year_end(Ecosystem& eco, FirmTable& f, FiscalState& fiscal, YearTotals& totals,
                       Handoffs& handoffs, const Macro& macro, Now at, const ModelConfig& m);
// Adds `n` organisations of `kind` with no budget yet (initial population and openings).
void open_orgs(ResearchTable& research, int year, OrgKind kind, int n);
// Opens a platform and ties it to R&D firms it serves.
void open_platform(ResearchTable& research, CollaborationGraph& network, const FirmTable& f,
                   const ModelConfig& m, Stream& s);

}  // namespace innosim
