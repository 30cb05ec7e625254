// The collaboration network's yearly dynamics (BRIEF 3.2, 4): new firms form supply-chain
// ties within their sector; chain leaders form innovation consortia with SMEs of their
// sector and a university, more often when consortium_support pays part of the project;
// running consortia claim their support; then the graph is rebuilt over the compacted firm
// table. Runs after the year's exits have left the table.
#pragma once
#include "config/model_config.h"
#include "world.h"

namespace innosim {

// Reads the firms and research organisations; writes the network, consortia, flying R&D
// centres and their claims (fiscal).
void collaboration_year_end(World& w, const ModelConfig& m);
// Knowledge reaching firm row `i` from its graph neighbours this step (0 with no ties), in
// R&D-flow equivalents, millions of CNY.
double network_spillover(const World& w, const ModelConfig& m, std::size_t i);

}  // namespace innosim
