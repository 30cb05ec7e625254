#include "config/binder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/errors.h"

namespace innosim {
namespace {

std::string range_text(Range r) {
  return fmt::format("[{}, {}]{}", r.min, r.max, r.unlimited ? " or inf (no limit)" : "");
}

// Integers are stored as int: the declared range is cut to what an int holds.
Range int_range(Range r) {
  return {std::max(r.min, static_cast<double>(std::numeric_limits<int>::min())),
          std::min(r.max, static_cast<double>(std::numeric_limits<int>::max()))};
}

bool in_range(double v, Range r) {
  if (r.unlimited && v == std::numeric_limits<double>::infinity()) return true;
  return std::isfinite(v) && v >= r.min && v <= r.max;
}

std::string type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a float";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    default:
      return "a date or time";
  }
}

}  // namespace

std::optional<double> as_number(const toml::node& n) {
  if (auto v = n.value_exact<double>()) return *v;
  if (auto v = n.value_exact<int64_t>()) return static_cast<double>(*v);
  return std::nullopt;
}

void Binder::fail(const std::string& key, const std::string& what) const {
  const Origin o = tree_ ? tree_->origin(key) : Origin{};
  throw ConfigError(o.file, o.line, key, what);
}

std::string Binder::entry_text(const toml::table& t, const std::string& where,
                               const char* key) const {
  const auto v = t[key].value_exact<std::string>();
  if (!v || v->empty()) fail(where, std::string("expected a non-empty string '") + key + "'");
  return *v;
}

double Binder::entry_number(const toml::table& t, const std::string& where, const char* key,
                            Range r) const {
  const bool bounded = std::isfinite(r.min) || std::isfinite(r.max);
  const auto v = t[key].value<double>();
  if (!v || !in_range(*v, r))
    fail(where, std::string("expected a finite number '") + key + "'" +
                    (bounded ? " in " + range_text(r) : std::string()));
  return *v;
}

int Binder::entry_integer(const toml::table& t, const std::string& where, const char* key,
                          Range r) const {
  r = int_range(r);
  const auto v = t[key].value_exact<int64_t>();
  if (!v || !in_range(static_cast<double>(*v), r))
    fail(where, std::string("expected an integer '") + key + "' in " + range_text(r));
  return static_cast<int>(*v);
}

void Binder::entry_keys(const toml::table& t, const std::string& where,
                        const std::vector<std::string>& allowed) const {
  for (const auto& [k, v] : t) {
    bool ok = false;
    for (const auto& a : allowed) ok = ok || k.str() == a;
    if (ok) continue;
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    fail(where, "unknown key '" + std::string(k.str()) + "'; expected " + list);
  }
}

const toml::node& Binder::require(const std::string& key) const {
  const toml::node* n = tree_->find(key);
  if (n) return *n;
  // A region key belongs to the preset (the file that names the region); any other key has
  // its default in configs/model.toml.
  if (key.rfind("region.", 0) == 0) {
    const std::string preset = tree_->find("region.name") ? tree_->origin("region.name").file : "";
    throw ConfigError(preset.empty() ? "the region preset" : preset, 0, key,
                      "missing: the preset must set it");
  }
  throw ConfigError("configs/model.toml", 0, key,
                    "missing: no layer sets it (every model parameter needs a default there)");
}

std::set<std::string> Binder::known_keys() const {
  std::set<std::string> keys;
  for (const auto& s : specs_) keys.insert(s.key);
  return keys;
}

void Binder::real(const std::string& key, double& out, Range r, const std::string& unit,
                  const std::string& doc) {
  declare({key, "float", unit, doc, r.min, r.max});
  if (!binding()) return;
  const toml::node& n = require(key);
  const auto v = as_number(n);
  if (!v) fail(key, "expected a number in " + range_text(r) + ", got " + type_name(n));
  if (!in_range(*v, r))
    fail(key, "expected a finite number in " + range_text(r) + ", got " + fmt::format("{}", *v));
  out = *v;
}

void Binder::integer(const std::string& key, int& out, Range r, const std::string& unit,
                     const std::string& doc) {
  r = int_range(r);
  declare({key, "integer", unit, doc, r.min, r.max});
  if (!binding()) return;
  const toml::node& n = require(key);
  const auto v = n.value_exact<int64_t>();
  if (!v) fail(key, "expected an integer in " + range_text(r) + ", got " + type_name(n));
  if (!in_range(static_cast<double>(*v), r))
    fail(key, "expected an integer in " + range_text(r) + ", got " + std::to_string(*v));
  out = static_cast<int>(*v);
}

void Binder::boolean(const std::string& key, bool& out, const std::string& doc) {
  declare({key, "bool", "", doc});
  if (!binding()) return;
  const toml::node& n = require(key);
  const auto v = n.value_exact<bool>();
  if (!v) fail(key, "expected true or false, got " + type_name(n));
  out = *v;
}

void Binder::text(const std::string& key, std::string& out, const std::string& doc) {
  declare({key, "string", "", doc});
  if (!binding()) return;
  const toml::node& n = require(key);
  const auto v = n.value_exact<std::string>();
  if (!v) fail(key, "expected a string, got " + type_name(n));
  out = *v;
}

void Binder::choice(const std::string& key, std::string& out,
                    const std::vector<std::string>& choices, const std::string& doc) {
  std::string list;
  for (const auto& c : choices) list += (list.empty() ? "" : "|") + c;
  declare({key, "one of " + list, "", doc});
  if (!binding()) return;
  const toml::node& n = require(key);
  const auto v = n.value_exact<std::string>();
  if (!v) fail(key, "expected one of " + list + ", got " + type_name(n));
  for (const auto& c : choices)
    if (*v == c) {
      out = *v;
      return;
    }
  fail(key, "expected one of " + list + ", got '" + *v + "'");
}

void Binder::real_list(const std::string& key, std::vector<double>& out, Range r,
                       const std::string& unit, const std::string& doc) {
  declare({key, "list of float", unit, doc, r.min, r.max});
  if (!binding()) return;
  const toml::node& n = require(key);
  const toml::array* arr = n.as_array();
  if (!arr) fail(key, "expected an array of numbers, got " + type_name(n));
  out.clear();
  for (const auto& e : *arr) {
    const auto v = as_number(e);
    if (!v || !in_range(*v, r))
      fail(key, "expected every element to be a finite number in " + range_text(r));
    out.push_back(*v);
  }
}

void Binder::integer_list(const std::string& key, std::vector<int>& out, Range r,
                          const std::string& unit, const std::string& doc) {
  r = int_range(r);
  declare({key, "list of integer", unit, doc, r.min, r.max});
  if (!binding()) return;
  const toml::node& n = require(key);
  const toml::array* arr = n.as_array();
  if (!arr) fail(key, "expected an array of integers, got " + type_name(n));
  out.clear();
  for (const auto& e : *arr) {
    const auto v = e.value_exact<int64_t>();
    if (!v || !in_range(static_cast<double>(*v), r))
      fail(key, "expected every element to be an integer in " + range_text(r));
    out.push_back(static_cast<int>(*v));
  }
}

void Binder::text_list(const std::string& key, std::vector<std::string>& out,
                       const std::string& doc) {
  declare({key, "list of string", "", doc});
  if (!binding()) return;
  const toml::node& n = require(key);
  const toml::array* arr = n.as_array();
  if (!arr) fail(key, "expected an array of strings, got " + type_name(n));
  out.clear();
  for (const auto& e : *arr) {
    const auto v = e.value_exact<std::string>();
    if (!v) fail(key, "expected every element to be a string");
    out.push_back(*v);
  }
}

void Binder::text_map(const std::string& key, std::map<std::string, std::string>& out,
                      const std::string& doc) {
  declare({key, "table of string", "", doc});
  open_tables_.insert(key);
  if (!binding()) return;
  const toml::node* n = tree_->find(key);
  if (!n) return;
  const toml::table* t = n->as_table();
  if (!t) fail(key, "expected a table of strings");
  for (const auto& [k, v] : *t) {
    const auto s = v.value_exact<std::string>();
    if (!s) fail(key + "." + std::string(k.str()), "expected a string");
    out[std::string(k.str())] = *s;
  }
}

}  // namespace innosim
