// "At most every N seconds" for checkpoints: due() is true once `seconds` of wall time have
// passed since construction or the last restart(). Checkpoints restart it after writing, so
// the interval runs from the end of the last write.
#pragma once
#include <chrono>

namespace innosim {

class WallInterval {
 public:
  explicit WallInterval(double seconds) : seconds_(seconds), last_(Clock::now()) {}
  bool due() const {
    return std::chrono::duration<double>(Clock::now() - last_).count() >= seconds_;
  }
  void restart() { last_ = Clock::now(); }

 private:
  using Clock = std::chrono::steady_clock;
  double seconds_;
  Clock::time_point last_;
};

}  // namespace innosim
