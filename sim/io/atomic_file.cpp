#include "io/atomic_file.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "core/errors.h"

namespace innosim {

AtomicFile::AtomicFile(std::string final_path)
    : final_(std::move(final_path)), temp_(final_ + ".tmp-" + std::to_string(::getpid())) {
  const auto dir = std::filesystem::path(final_).parent_path();
  if (!dir.empty() && !std::filesystem::is_directory(dir)) throw IoError(final_, "no such directory " + dir.string());
}

AtomicFile::~AtomicFile() {
  if (!committed_) std::remove(temp_.c_str());
}

void AtomicFile::commit() {
  if (std::rename(temp_.c_str(), final_.c_str()) != 0) throw IoError(final_, "cannot move the finished file into place");
  committed_ = true;
}

}  // namespace innosim
