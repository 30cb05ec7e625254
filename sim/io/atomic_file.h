// A file that appears at its final path only when complete: it is written under a
// temporary name in the same folder and renamed (atomic on POSIX) by commit(). If the
// writer throws or the program is killed before commit(), nothing is at the final path;
// the destructor, and a SIGINT or SIGTERM, remove the temporary file.
//
// The temporary file is created exclusively under an unpredictable name (mkstemp: O_CREAT |
// O_EXCL, so a symlink planted at the name is never followed) and written only through the
// descriptor mkstemp returned, never reopened by name. commit() refuses to move anything but
// that very file (same device and inode, still a regular file, not a link). Every failure
// names the user's path and the system's reason ("No space left on device").
#pragma once
#include <sys/types.h>

#include <cstddef>
#include <string>
#include <vector>

namespace innosim {

// Throws IoError unless `final_path` could be written: its folder exists and is writable, its
// name is usable, and nothing is there but a regular file (not a directory, a device, a fifo
// or a socket). Called before a long run, so that a mistyped --out costs nothing.
void check_writable(const std::string& final_path);

// Throws IoError if `final_path` is one of `inputs` (the run's own config files, compared
// as files, not as strings).
void check_not_input(const std::string& final_path, const std::vector<std::string>& inputs);

class AtomicFile {
 public:
  explicit AtomicFile(std::string final_path);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();
  const std::string& temp_path() const { return temp_; }
  const std::string& final_path() const { return final_; }
  // Appends `size` bytes; throws IoError on a short or failed write.
  void write(const void* data, std::size_t size);
  // Flushes the data to disk, closes, renames into place and flushes the folder.
  void commit();

 private:
  std::string final_;
  std::string temp_;
  int fd_ = -1;
  dev_t dev_ = 0;
  ino_t ino_ = 0;
  bool committed_ = false;
};

}  // namespace innosim
