// A file that appears at its final path only when complete: it is written under a
// temporary name in the same folder and renamed (atomic on POSIX) by commit(). If the
// writer throws or the program is killed before commit(), nothing is at the final path;
// the destructor removes the temporary file when it can.
#pragma once
#include <string>

namespace innosim {

// Throws IoError unless `final_path` could be written: its folder exists and is writable.
// Called before a long run, so that a mistyped --out costs nothing.
void check_writable(const std::string& final_path);

class AtomicFile {
 public:
  explicit AtomicFile(std::string final_path);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();
  const std::string& temp_path() const { return temp_; }
  const std::string& final_path() const { return final_; }
  void commit();

 private:
  std::string final_;
  std::string temp_;
  bool committed_ = false;
};

}  // namespace innosim
