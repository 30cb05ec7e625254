// Per-row scratch arrays of the year-end phases, filled in parallel instead of zeroed on one
// thread first: at national scale they are hundreds of MB, and the pages of a new array are
// faulted in by whoever touches them first, so a sequential zeroing is a sequential phase.
#pragma once
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <boost/container/vector.hpp>
#include <cstddef>

namespace innosim {

template <class T>
using Scratch = boost::container::vector<T>;

// n copies of `value`, written by parallel tasks.
template <class T>
Scratch<T> filled_scratch(std::size_t n, T value) {
  Scratch<T> v(n, boost::container::default_init);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 1 << 14),
                    [&](const tbb::blocked_range<std::size_t>& r) {
                      for (std::size_t i = r.begin(); i != r.end(); ++i) v[i] = value;
                    });
  return v;
}

}  // namespace innosim
