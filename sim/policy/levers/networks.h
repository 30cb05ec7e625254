// Network levers (docs/ODD.md 7.15-7.16): consortium_support pays a share of a consortium
// project's R&D to its chain leader (创新联合体); flying_incubator runs incubators in the
// east hub that send startups and R&D talents home (飞地孵化器); flying_rd_center pays hnte
// firms a share of the R&D of a centre they open in the hub (飞地研发中心). The flying
// levers act only along an edge to the hub.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "config/model_config.h"
#include "policy/lever.h"

namespace innosim {

struct CarrierTable;
struct FirmTable;
class Stream;
struct Consortium;
struct FiscalState;
struct Now;

// The support rate a chain leader expects for a consortium project this year.
double consortium_expected_rate(const FiscalState& fiscal, int year, const ModelConfig& m);
// Each running consortium's leader claims its share of the project's R&D.
void consortium_claims(FiscalState& fiscal, const FirmTable& f,
                       const std::vector<Consortium>& consortia, int year, const ModelConfig& m);
// What a claim paid to firm `firm_id` does besides the cash: consortium support is spent on R&D, in
// part.
void network_lever_paid(FirmTable& f, const ModelConfig& m, Lever lever, std::uint64_t firm_id,
                        double amount);

// Opens and closes the region's flying incubators to the number the lever runs, files their
// yearly support, and returns the startups they send home next year (carrier phase, year end).
int flying_incubators_year_end(CarrierTable& carriers, FiscalState& fiscal, bool east_link, Now at,
                               const ModelConfig& m);
// R&D talents the flying incubators bring this year (a draw only while the lever acts).
std::uint64_t flying_incubator_talents(bool east_link, int year, const ModelConfig& m, Stream& s);

// hnte firms open centres in the hub and claim their share of the centre's R&D.
void flying_rd_centers_year_end(FirmTable& f, FiscalState& fiscal, bool east_link, Now at,
                                const ModelConfig& m);
// The share of firm `i`'s R&D done in a hub centre (0 without one).
double hub_rd_share(const ModelConfig& m, const FirmTable& f, std::size_t i);

}  // namespace innosim
