// Research organisations, platforms and technology transfer (BRIEF 3.2-3.3), at year end:
// public R&D and lever money become research capital; technology contracts sell knowledge
// to firms (tech_contract_turnover), with transfer, cooperation and scale-up support;
// innovation vouchers buy services; organisations spin off firms; new R&D institutes and
// platforms open, the more so when awards are on offer.
#pragma once
#include "config/model_config.h"
#include "core/random.h"
#include "world.h"

namespace innosim {

// Contracts a year per million CNY of knowledge on offer, at the net cost factor 1.
double transfer_knowledge(const World& w);
// Reads public R&D (macro) and the clock; writes research organisations and platforms, firms'
// productivity, knowledge and cash, the network, contract turnover (totals), spin-offs
// (handoffs) and research-lever claims (fiscal).
void research_year_end(World& w, const ModelConfig& m);
// Adds `n` organisations of `kind` with no budget yet (initial population and openings).
void open_orgs(World& w, OrgKind kind, int n);
void open_platform(World& w, const ModelConfig& m, Stream& s);

}  // namespace innosim
