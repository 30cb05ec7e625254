// The collaboration network's yearly dynamics (BRIEF 3.2, 4): new firms form supply-chain
// ties within their sector; chain leaders form innovation consortia with SMEs of their
// sector and a university, more often when consortium_support pays part of the project;
// running consortia claim their support; then the graph is rebuilt over the compacted firm
// table. Runs after the year's exits have left the table.
#pragma once
#include "config/model_config.h"
#include "phases/phase_context.h"
#include "world.h"

namespace innosim {

// Reads the research organisations and the new firm ids; writes the network and consortia
// (eco), firms' flying R&D centres, and consortium and centre claims (fiscal).
void collaboration_year_end(Ecosystem& eco, FirmTable& f, FiscalState& fiscal,
                            std::uint64_t next_firm_id, Now at, const ModelConfig& m);
// Knowledge reaching firm row `i` from its graph neighbours this step (0 with no ties), in
// R&D-flow equivalents, millions of CNY.
double network_spillover(const FirmTable& f, const Ecosystem& eco, const ModelConfig& m,
                         std::size_t i);

}  // namespace innosim
