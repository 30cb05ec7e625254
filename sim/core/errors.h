// Typed errors. Each carries where it happened, so the message a user sees names the
// file, the key and what was expected (configuration) or the path (I/O).
#pragma once
#include <stdexcept>
#include <string>

namespace innosim {

// A configuration file or override is wrong: unknown key, wrong type, out of range.
class ConfigError : public std::runtime_error {
 public:
  ConfigError(std::string file, int line, std::string key, const std::string& what)
      : std::runtime_error(format(file, line, key, what)),
        file_(std::move(file)),
        line_(line),
        key_(std::move(key)) {}
  const std::string& file() const { return file_; }
  int line() const { return line_; }
  const std::string& key() const { return key_; }

 private:
  static std::string format(const std::string& file, int line, const std::string& key,
                            const std::string& what) {
    // Built by append: GCC 12 warns falsely (-Wrestrict) on chained operator+ here.
    std::string out = file;
    if (line > 0) out.append(":").append(std::to_string(line));
    out.append(": ");
    if (!key.empty()) out.append(key).append(": ");
    return out.append(what);
  }
  std::string file_;
  int line_;
  std::string key_;
};

// The model reached a state its equations do not allow (e.g. a preset whose firms'
// value added exceeds the region's GDP).
class ModelError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reading or writing an output file failed.
class IoError : public std::runtime_error {
 public:
  IoError(const std::string& path, const std::string& what)
      : std::runtime_error(path + ": " + what) {}
};

}  // namespace innosim
