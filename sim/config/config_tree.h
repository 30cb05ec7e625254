// The layered configuration as a TOML tree, with the file and line every leaf came from,
// so that any later validation error can point at the place a user has to fix.
#pragma once
#include <toml++/toml.h>

#include <map>
#include <set>
#include <string>

namespace innosim {

struct Origin {
  std::string file;
  int line = 0;
};

class ConfigTree {
 public:
  // Parses a TOML file; a syntax error becomes a ConfigError naming file and line.
  static toml::table parse_file(const std::string& path);

  // Lays `overlay` over the tree. Every leaf key must be in `known`, or be below a key
  // in `open_tables` (free-form maps); otherwise a ConfigError names the file, line, key
  // and the closest known key.
  void merge(const toml::table& overlay, const std::string& file,
             const std::set<std::string>& known, const std::set<std::string>& open_tables);

  // Applies one `--set key=value` override (value in TOML syntax; bare words are strings).
  void set(const std::string& assignment, const std::set<std::string>& known,
           const std::set<std::string>& open_tables);

  const toml::node* find(const std::string& key) const;
  Origin origin(const std::string& key) const;
  const toml::table& table() const { return table_; }
  std::string to_toml() const;

 private:
  void merge_into(toml::table& dst, const toml::table& src, const std::string& prefix,
                  const std::string& file, const std::set<std::string>& known,
                  const std::set<std::string>& open_tables);
  toml::table table_;
  std::map<std::string, Origin> origins_;
};

}  // namespace innosim
