// A progress bar on standard error, shown only when it is a terminal.
#pragma once
#include <unistd.h>

#include <cstdio>
#include <string>

namespace innosim {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label, bool enabled = ::isatty(STDERR_FILENO) != 0)
      : label_(std::move(label)), enabled_(enabled) {}
  void update(std::size_t done, std::size_t total) {
    if (!enabled_ || total == 0) return;
    const int width = 40;
    const int filled = static_cast<int>(width * done / total);
    std::fprintf(stderr, "\r%s [%s%s] %zu/%zu", label_.c_str(), std::string(filled, '#').c_str(),
                 std::string(width - filled, ' ').c_str(), done, total);
    if (done == total) std::fprintf(stderr, "\n");
    std::fflush(stderr);
  }

 private:
  std::string label_;
  bool enabled_;
};

}  // namespace innosim
