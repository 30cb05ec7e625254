#include "run/parameter_draws.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include <Eigen/Dense>
#include <filesystem>

#include "core/errors.h"
#include "core/random.h"

namespace innosim {

std::vector<std::string> ParameterDraws::sets(int replicate) const {
  std::vector<std::string> out;
  const std::size_t k = keys.size();
  for (std::size_t i = 0; i < k; ++i)
    out.push_back(
        fmt::format("{}={}", keys[i], values[static_cast<std::size_t>(replicate) * k + i]));
  return out;
}

ParameterDraws draw_parameters(const LoadedConfig& config, const std::string& data_dir,
                               std::uint64_t seed, int replicates) {
  const std::vector<Estimate>& es = config.model.calibration.estimates;
  if (es.empty())
    throw ConfigError("--parameter-uncertainty", 0, "calibration.estimates",
                      "region '" + config.model.region.name +
                          "' includes no fit with estimates to draw from; a fit file written by "
                          "innosim calibrate holds them ([[calibration.estimates]])");
  const auto k = static_cast<Eigen::Index>(es.size());
  ParameterDraws d;
  const toml::table resolved = toml::parse(config.resolved_toml);
  Eigen::MatrixXd cov(k, k);
  Eigen::VectorXd centre(k);
  for (Eigen::Index i = 0; i < k; ++i) {
    const Estimate& e = es[static_cast<std::size_t>(i)];
    d.keys.push_back(e.key);
    centre[i] = *resolved.at_path(e.key).value<double>();  // a float key (the schema checked)
    d.centre.push_back(centre[i]);
    for (Eigen::Index j = 0; j < k; ++j) cov(i, j) = e.covariance[static_cast<std::size_t>(j)];
    if (centre[i] < e.lower || centre[i] > e.upper)
      throw ConfigError("--parameter-uncertainty", 0, e.key,
                        fmt::format("is {} here, outside the fit's bounds [{}, {}]: the draws "
                                    "are centred on the fitted value, so leave it as the fit "
                                    "set it",
                                    centre[i], e.lower, e.upper));
  }
  // The fit file, named relative to the data folder so that the output does not depend on
  // where the checkout is.
  const auto fit = config.origin_file.find("calibration.estimates");
  if (fit != config.origin_file.end()) {
    std::error_code ec;
    const auto rel = std::filesystem::relative(fit->second, data_dir, ec);
    d.fit_file = ec || rel.empty() || *rel.begin() == ".." ? fit->second : rel.string();
  }
  // A square root of the covariance that also serves a singular one (LDLT with pivoting).
  const Eigen::LDLT<Eigen::MatrixXd> ldlt(cov);
  const Eigen::MatrixXd root = ldlt.transpositionsP().transpose() *
                               Eigen::MatrixXd(ldlt.matrixL()) *
                               ldlt.vectorD().cwiseMax(0.0).cwiseSqrt().asDiagonal();
  d.values.reserve(static_cast<std::size_t>(replicates * k));
  for (int r = 0; r < replicates; ++r) {
    Stream s(seed, static_cast<std::uint64_t>(r), kRegionAgent, kInitStep, Purpose::kParameters);
    for (int attempt = 0;; ++attempt) {
      if (attempt == kMaxParameterAttempts)
        throw ConfigError(d.fit_file, 0, "calibration.estimates",
                          fmt::format("the fit's distribution put none of {} draws inside the "
                                      "bounds; its estimates or covariance are not usable",
                                      kMaxParameterAttempts));
      Eigen::VectorXd z(k);
      for (Eigen::Index i = 0; i < k; ++i) z[i] = s.normal();
      const Eigen::VectorXd theta = centre + root * z;
      bool inside = true;
      for (Eigen::Index i = 0; i < k; ++i)
        inside &= theta[i] >= es[static_cast<std::size_t>(i)].lower &&
                  theta[i] <= es[static_cast<std::size_t>(i)].upper;
      if (inside) {
        d.values.insert(d.values.end(), theta.data(), theta.data() + k);
        break;
      }
      ++d.rejected;
    }
  }
  return d;
}

std::string uncertainty_statement(const ParameterDraws* d) {
  if (!d) return "Monte Carlo noise only: every replicate runs the same parameter values";
  return fmt::format(
      "parameter uncertainty and Monte Carlo noise: each replicate draws {} from the fit in {} "
      "(normal with the fit's sandwich covariance, centred on its estimates, truncated to the "
      "bounds searched)",
      fmt::join(d->keys, ", "), d->fit_file.empty() ? "the configuration" : d->fit_file);
}

}  // namespace innosim
