#include "core/random.h"

#include <boost/math/special_functions/erf.hpp>

namespace innosim {

double normal_quantile(double u) { return -std::sqrt(2.0) * boost::math::erfc_inv(2.0 * u); }

}  // namespace innosim
