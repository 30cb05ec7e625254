// A progress bar on standard error, shown only when it is a terminal: tasks done, the rate and
// the time left at that rate.
#pragma once
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>

namespace innosim {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label, bool enabled = ::isatty(STDERR_FILENO) != 0)
      : label_(std::move(label)), enabled_(enabled) {}
  // The rate counts only the tasks done since the first update (a resumed sweep starts with
  // some already done).
  void update(std::size_t done, std::size_t total) {
    if (!enabled_ || total == 0) return;
    if (first_ == kUnset) first_ = done > 0 ? done - 1 : 0;
    const int width = 30;
    const int filled = static_cast<int>(width * done / total);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(done - first_) / seconds : 0.0;
    const double left = rate > 0 ? static_cast<double>(total - done) / rate : 0.0;
    std::fprintf(stderr, "\r%s [%s%s] %zu/%zu  %.3g/s  %s left   ", label_.c_str(),
                 std::string(filled, '#').c_str(), std::string(width - filled, ' ').c_str(), done,
                 total, rate, duration(left).c_str());
    if (done == total) std::fprintf(stderr, "\n");
    std::fflush(stderr);
  }

 private:
  static std::string duration(double s) {
    char buf[32];
    if (s < 90)
      std::snprintf(buf, sizeof buf, "%.0f s", s);
    else if (s < 5400)
      std::snprintf(buf, sizeof buf, "%.0f min", s / 60);
    else
      std::snprintf(buf, sizeof buf, "%.1f h", s / 3600);
    return buf;
  }
  static constexpr std::size_t kUnset = ~std::size_t{0};
  std::string label_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::size_t first_ = kUnset;
};

}  // namespace innosim
