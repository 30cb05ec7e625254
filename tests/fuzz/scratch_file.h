// One scratch file per fuzzing process, rewritten with each input, for the readers that take
// a path as the program's users give one.
#pragma once
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <string>

namespace innosim::fuzz {

// `suffix` is the file's extension, dot included; the name is unpredictable (mkstemps).
inline const std::string& write_scratch(const std::uint8_t* data, std::size_t size,
                                        const char* suffix) {
  static const std::string path = [suffix] {
    std::string name = std::string("/tmp/innosim-fuzz-XXXXXX") + suffix;
    const int fd = ::mkstemps(name.data(), static_cast<int>(std::string(suffix).size()));
    if (fd >= 0) ::close(fd);
    return name;
  }();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

}  // namespace innosim::fuzz
