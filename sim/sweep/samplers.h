// Experimental designs on the unit hypercube [0, 1]^k: each point is a vector of k values in
// [0, 1], mapped to a factor's range (uniform or log-uniform) by the sweep design. Every
// sampler is deterministic: the same arguments give the same points, on any machine.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace innosim::sweep {

using Point = std::vector<double>;
using Points = std::vector<Point>;

// Every combination of `levels[i]` evenly spaced values of factor i, ends included (one level
// is the middle, 0.5); the last factor varies fastest.
Points full_grid(const std::vector<int>& levels);

// n points, one in each of n equal strata of every factor (McKay, Beckman & Conover 1979),
// jittered within the stratum; the draws are keyed by `seed`.
Points latin_hypercube(std::size_t n, std::size_t k, std::uint64_t seed);

// n points of the k-dimensional Sobol' sequence (Boost.Random's sobol, Joe-Kuo direction
// numbers), leaving out the all-zero first point and then `skip` more.
Points sobol_sequence(std::size_t n, std::size_t k, std::size_t skip = 0);

// Saltelli's (2010) scheme for first-order and total Sobol' indices: n base rows from a
// 2k-dimensional Sobol' sequence give matrices A (its first k columns) and B (the last k).
// Each base row j yields k + 2 points in the order A_j, B_j, AB_j^1 .. AB_j^k, where AB^i is A
// with its column i taken from B: n (k + 2) points in all.
Points saltelli(std::size_t n, std::size_t k);

// Morris' (1991) elementary-effects design: r trajectories of k + 1 points on a grid of
// `levels` (even) values per factor. Along a trajectory the factors move one at a time, in a
// random order, by the step delta = levels / (2 (levels - 1)), up or down at random.
Points morris(std::size_t r, std::size_t k, int levels, std::uint64_t seed);
double morris_delta(int levels);

}  // namespace innosim::sweep
