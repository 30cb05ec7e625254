#include "io/atomic_file.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "core/errors.h"

namespace innosim {

void check_writable(const std::string& final_path) {
  const auto dir = std::filesystem::path(final_path).parent_path();
  const std::string folder = dir.empty() ? "." : dir.string();
  if (!std::filesystem::is_directory(folder))
    throw IoError(final_path, "no such directory " + folder);
  if (::access(folder.c_str(), W_OK) != 0)
    throw IoError(final_path, "cannot write in directory " + folder);
}

AtomicFile::AtomicFile(std::string final_path)
    : final_(std::move(final_path)), temp_(final_ + ".tmp-" + std::to_string(::getpid())) {
  check_writable(final_);
}

AtomicFile::~AtomicFile() {
  if (!committed_) std::remove(temp_.c_str());
}

void AtomicFile::commit() {
  if (std::rename(temp_.c_str(), final_.c_str()) != 0)
    throw IoError(final_, "cannot move the finished file into place");
  committed_ = true;
}

}  // namespace innosim
