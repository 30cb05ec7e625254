#include "config/config_tree.h"

#include <filesystem>
#include <sstream>

#include "config/closest_key.h"
#include "core/errors.h"

namespace innosim {
namespace {

// Presets are about 10 KB; nothing legitimate comes near this.
constexpr std::uintmax_t kMaxConfigBytes = 1 << 20;

int line_of(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

bool under_open_table(const std::string& key, const std::set<std::string>& open_tables) {
  for (const auto& t : open_tables)
    if (key.size() > t.size() && key.compare(0, t.size(), t) == 0 && key[t.size()] == '.')
      return true;
  return false;
}

// Whether some declared key lies under `prefix` (a table of the schema).
bool declares_under(const std::string& prefix, const std::set<std::string>& known) {
  const std::string p = prefix + ".";
  const auto it = known.lower_bound(p);
  return it != known.end() && it->compare(0, p.size(), p) == 0;
}

// A key as messages show it: long keys are cut, and get no did-you-mean search (it costs
// their length per known key).
constexpr std::size_t kMaxShownKey = 120;
std::string shown(const std::string& key) {
  return key.size() <= kMaxShownKey ? key : key.substr(0, kMaxShownKey) + "...";
}
std::string suggestion(const std::string& key, const std::set<std::string>& known) {
  if (key.size() > kMaxShownKey) return "";
  const std::string hint = closest_key(key, known);
  return hint.empty() ? std::string() : "; did you mean '" + hint + "'?";
}

}  // namespace

toml::table ConfigTree::parse_file(const std::string& path) {
  // A config is a small regular file: a directory or a device is not one, and a file far
  // larger than any preset is refused before the parser meets its nesting.
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
    throw ConfigError(path, 0, "", "not a regular file (a directory or a device): refused");
  if (!ec && std::filesystem::is_regular_file(status) &&
      std::filesystem::file_size(path, ec) > kMaxConfigBytes)
    throw ConfigError(path, 0, "",
                      "larger than " + std::to_string(kMaxConfigBytes) +
                          " bytes: no configuration needs that much; refused");
  try {
    return toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    const auto& src = e.source();
    std::string what(e.description());
    if (src.begin.line == 0) what = "cannot read file (" + what + ")";
    throw ConfigError(path, static_cast<int>(src.begin.line), "", "TOML syntax error: " + what);
  }
}

void ConfigTree::merge_into(toml::table& dst, const toml::table& src, const std::string& prefix,
                            const std::string& file, const std::set<std::string>& known,
                            const std::set<std::string>& open_tables) {
  for (const auto& [k, node] : src) {
    const std::string key =
        prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
    const bool is_leaf_key = known.count(key) > 0 || under_open_table(key, open_tables);
    // A table no declared key lies under is unknown as soon as it is entered, so nesting can
    // go no deeper than the schema.
    if (node.is_table() && !is_leaf_key && !declares_under(key, known) &&
        open_tables.count(key) == 0) {
      throw ConfigError(file, line_of(node), shown(key), "unknown table" + suggestion(key, known));
    }
    if (node.is_table() && !is_leaf_key) {
      auto* sub = dst.get(k.str()) ? dst.get(k.str())->as_table() : nullptr;
      if (!sub) {
        dst.insert_or_assign(k.str(), toml::table{});
        sub = dst.get(k.str())->as_table();
      }
      merge_into(*sub, *node.as_table(), key, file, known, open_tables);
      continue;
    }
    if (!is_leaf_key) {
      throw ConfigError(file, line_of(node), shown(key), "unknown key" + suggestion(key, known));
    }
    dst.insert_or_assign(k.str(), node);
    origins_[key] = Origin{file, line_of(node)};
  }
}

void ConfigTree::merge(const toml::table& overlay, const std::string& file,
                       const std::set<std::string>& known,
                       const std::set<std::string>& open_tables) {
  merge_into(table_, overlay, "", file, known, open_tables);
}

void ConfigTree::set(const std::string& assignment, const std::set<std::string>& known,
                     const std::set<std::string>& open_tables) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0)
    throw ConfigError("--set", 0, assignment, "expected key=value");
  const std::string key = assignment.substr(0, eq);
  const std::string value = assignment.substr(eq + 1);
  toml::table parsed;
  try {
    parsed = toml::parse(key + " = " + value);
  } catch (const toml::parse_error&) {
    try {  // a bare word such as `ranked` is meant as a string
      parsed = toml::parse(key + " = \"" + value + "\"");
    } catch (const toml::parse_error& e) {
      throw ConfigError("--set", 0, key,
                        "cannot parse value '" + value + "': " + std::string(e.description()));
    }
  }
  merge(parsed, "--set", known, open_tables);
}

const toml::node* ConfigTree::find(const std::string& key) const {
  return table_.at_path(key).node();
}

Origin ConfigTree::origin(const std::string& key) const {
  // An element of an array of tables ("region.targets[2]") was set with its array.
  for (std::string k = key; !k.empty();) {
    if (const auto it = origins_.find(k); it != origins_.end()) return it->second;
    const auto cut = k.find_last_of(".[");
    if (cut == std::string::npos) break;
    k.erase(cut);
  }
  return Origin{"<none>", 0};
}

std::string ConfigTree::to_toml() const {
  std::ostringstream out;
  out << toml::toml_formatter(table_);
  return out.str();
}

}  // namespace innosim
