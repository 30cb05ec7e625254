// Counter-based random streams (Random123 Philox4x64). A stream is a pure function of
// (seed, replicate, agent, step, purpose): no generator state is shared between agents,
// threads or ranks, so results never depend on scheduling, and two scenarios run with the
// same seed see the same draws (common random numbers for paired comparisons).
#pragma once
#include <Random123/philox.h>

#include <cmath>
#include <cstdint>

namespace innosim {

// What a draw is for. Distinct decisions have distinct purposes (or sub-purposes), so that a
// change to one decision's probability or count never moves another decision's draws.
// Adding a purpose never changes the draws of another.
enum class Purpose : std::uint16_t {
  kInit = 1,
  kEntry = 2,
  kGrowth = 3,
  kExit = 4,
  kRdDecision = 5,
  kInnovation = 6,
  kCertification = 7,
  kRationing = 8,
  kInitSelect = 9,
  kPolicy = 10,
  kTalent = 11,
  kResearch = 12,
  kFinance = 13,
  kNetwork = 14,
  kCarrier = 15,
  kMigration = 16,
  kSupplyTie = 17,
  kConsortium = 18,
  kFlyingRdCenter = 19,
  kScaleUp = 20,
  kVoucher = 21,
  kAllowance = 22,
  kContract = 23,
  kSpinoff = 24,
  kOpening = 25,
  kClosure = 26,
  kUpgrade = 27,
  kArrival = 28,
  kFounding = 29,
  kDesign = 30,      // sweep designs: Latin hypercube strata, Morris trajectories
  kBootstrap = 31,   // resampling for the confidence intervals of sensitivity indices
  kParameters = 32,  // a replicate's fitted parameters (innosim run --parameter-uncertainty)
};

// The step every draw of the base year's synthesis is keyed by (sim/init/), distinct from
// every simulated step (0, 1, ...) and from the base year's closing step (-1 = 0xFFFFFFFF).
inline constexpr std::uint32_t kInitStep = 0xFFFFFFFE;

// Agent ids for draws that belong to the region rather than to one firm.
inline constexpr std::uint64_t kRegionAgent = ~std::uint64_t{0};

// The standard normal quantile (Boost.Math), for inversion from one uniform.
double normal_quantile(double u);

class Stream {
 public:
  // `sub` separates draws of one purpose that must not share positions (the kinds of one
  // count, the levers of one rationing round).
  Stream(std::uint64_t seed, std::uint64_t replicate, std::uint64_t agent, std::uint32_t step,
         Purpose purpose, std::uint16_t sub = 0)
      : key_{{seed, replicate}},
        ctr_{{agent,
              (std::uint64_t{step} << 32) | (std::uint64_t{sub} << 16) |
                  static_cast<std::uint16_t>(purpose),
              0, 0}} {}

  // Uniform on the open interval (0, 1): 53 random bits, never exactly 0 or 1.
  double uniform() {
    if (next_ == 4) refill();
    const std::uint64_t bits = out_.v[next_++] >> 11;
    return (static_cast<double>(bits) + 0.5) * 0x1.0p-53;
  }
  double normal() {  // Box-Muller; the second variate is discarded to keep draws position-stable
    const double u1 = uniform(), u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  double laplace(double scale) {
    const double u = uniform() - 0.5;
    return -scale * (u < 0 ? -1.0 : 1.0) * std::log(1.0 - 2.0 * std::fabs(u));
  }
  double exponential(double mean) { return -mean * std::log(uniform()); }
  double pareto(double xmin, double alpha) { return xmin * std::pow(uniform(), -1.0 / alpha); }
  // Pareto truncated at xmax (> xmin), by inversion from one uniform like the untruncated one.
  double pareto(double xmin, double alpha, double xmax) {
    const double tail = std::pow(xmin / xmax, alpha);  // P(X > xmax) before truncation
    return xmin * std::pow(1.0 - uniform() * (1.0 - tail), -1.0 / alpha);
  }
  double lognormal(double mu, double sigma) { return std::exp(mu + sigma * normal()); }
  bool bernoulli(double p) { return uniform() < p; }
  // Poisson by inversion from exactly one uniform, so that a different mean never shifts
  // the draws that follow: sequential search of the CDF for small means, the normal
  // approximation (its quantile, from the same one uniform) above 50.
  std::uint64_t poisson(double mean) {
    const double u = uniform();
    if (mean <= 0) return 0;
    if (mean > 50) {  // accurate to well under 1% at this mean
      const double z = normal_quantile(u);
      const double x = std::round(mean + std::sqrt(mean) * z);
      return x < 0 ? 0 : static_cast<std::uint64_t>(x);
    }
    double p = std::exp(-mean), cdf = p;
    std::uint64_t k = 0;
    while (u > cdf && p > 0) {
      ++k;
      p *= mean / static_cast<double>(k);
      cdf += p;
    }
    return k;
  }

 private:
  void refill() {
    out_ = r123::Philox4x64()(ctr_, key_);
    ++ctr_.v[2];
    next_ = 0;
  }
  r123::Philox4x64::key_type key_;
  r123::Philox4x64::ctr_type ctr_;
  r123::Philox4x64::ctr_type out_{};
  int next_ = 4;
};

}  // namespace innosim
