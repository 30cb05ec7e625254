// Declares configuration keys and, when given a tree, reads them into typed fields.
// One function (`describe` in model_schema.cpp) calls the binder for every key, so the
// key's type, range, unit and meaning are written once and serve validation, binding,
// `innosim list parameters` and the unknown-key check alike.
#pragma once
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/config_tree.h"

namespace innosim {

struct ParamSpec {
  std::string key;
  std::string type;  // "float", "integer", "bool", "string", "one of a|b", "list of float", ...
  std::string unit;
  std::string description;
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
};

struct Range {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool unlimited = false;  // inf is accepted, meaning "no limit" (budgets and caps only)
};
inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr Range kShare{0, 1};
// Non-negative and finite: no key takes inf (every number must also be finite).
inline constexpr Range kNonNeg{0, kInf};
inline constexpr Range kYear{1949, 2200};
// Upper bounds on stocks and flows: about twice the largest real region, China in 2021
// (configs/regions/china.toml), rounded up. A larger value is a typo or an attack, and would
// overflow counts or exhaust memory before any check on the run could refuse it.
inline constexpr Range kMoney{0, 3e14};             // CNY, CNY/yr: twice China's GDP (1.14e14)
inline constexpr Range kMoneyLimit{0, 3e14, true};  // a budget or cap: as kMoney, or inf = none
inline constexpr Range kPersons{0, 3e9};            // residents: twice China's 1.41e9
inline constexpr Range kTalents{0, 4e8};            // talent stocks: twice China's 1.55e8 (assumed)
inline constexpr Range kPersonsPerYear{0, 2e7};  // graduates, arrivals: twice China's 8.3M a year
inline constexpr Range kFirms{0, 1e8};           // enterprises: twice China's 48.42M
inline constexpr Range kFirmsPerYear{0, 2e7};    // entrants: twice China's ~9M new firms a year
inline constexpr Range kOrganisations{0, 2e5};   // universities, institutes, platforms, carriers
inline constexpr Range kPatents{0, 1e7};         // invention patents: China's firms hold 1.8e6

// A TOML float, or an integer read as one; nothing for any other node.
std::optional<double> as_number(const toml::node& n);

class Binder {
 public:
  // Declaration only: collects the specs, reads nothing.
  Binder() = default;
  // Binds from `tree`; every declared key must be present (model.toml holds all defaults).
  explicit Binder(const ConfigTree& tree) : tree_(&tree) {}

  void real(const std::string& key, double& out, Range r, const std::string& unit,
            const std::string& doc);
  void integer(const std::string& key, int& out, Range r, const std::string& unit,
               const std::string& doc);
  void boolean(const std::string& key, bool& out, const std::string& doc);
  void text(const std::string& key, std::string& out, const std::string& doc);
  void choice(const std::string& key, std::string& out, const std::vector<std::string>& choices,
              const std::string& doc);
  // A choice bound to an enum: `options` pairs each accepted word with its value.
  template <class E>
  void choice(const std::string& key, E& out, const std::vector<std::pair<std::string, E>>& options,
              const std::string& doc);
  void real_list(const std::string& key, std::vector<double>& out, Range r, const std::string& unit,
                 const std::string& doc);
  void integer_list(const std::string& key, std::vector<int>& out, Range r, const std::string& unit,
                    const std::string& doc);
  void text_list(const std::string& key, std::vector<std::string>& out, const std::string& doc);
  // A free-form table of strings (e.g. the source of each preset number); optional.
  void text_map(const std::string& key, std::map<std::string, std::string>& out,
                const std::string& doc);
  // An optional array of tables, handed to `each` one table at a time with its key prefix.
  template <class F>
  void table_array(const std::string& key, const std::string& doc, F each);

  // Fields of one entry of an array of tables, `where` naming it ("region.targets[2]"): a
  // missing or mistyped field, or a key outside `allowed`, is a ConfigError located there.
  std::string entry_text(const toml::table& t, const std::string& where, const char* key) const;
  double entry_number(const toml::table& t, const std::string& where, const char* key,
                      Range r = {}) const;
  int entry_integer(const toml::table& t, const std::string& where, const char* key,
                    Range r = {}) const;
  void entry_keys(const toml::table& t, const std::string& where,
                  const std::vector<std::string>& allowed) const;

  // Raises a ConfigError located at `key`'s origin.
  [[noreturn]] void fail(const std::string& key, const std::string& what) const;

  bool binding() const { return tree_ != nullptr; }
  const std::vector<ParamSpec>& specs() const { return specs_; }
  std::set<std::string> known_keys() const;
  const std::set<std::string>& open_tables() const { return open_tables_; }

 private:
  const toml::node& require(const std::string& key) const;
  void declare(ParamSpec spec) { specs_.push_back(std::move(spec)); }
  const ConfigTree* tree_ = nullptr;
  std::vector<ParamSpec> specs_;
  std::set<std::string> open_tables_;
};

template <class E>
void Binder::choice(const std::string& key, E& out,
                    const std::vector<std::pair<std::string, E>>& options, const std::string& doc) {
  std::vector<std::string> words;
  for (const auto& [word, value] : options) words.push_back(word);
  std::string word;
  choice(key, word, words, doc);
  if (!binding()) return;
  for (const auto& [w, value] : options)
    if (w == word) out = value;
}

template <class F>
void Binder::table_array(const std::string& key, const std::string& doc, F each) {
  declare({key, "array of tables", "", doc});
  if (!binding()) return;
  const toml::node* n = tree_->find(key);
  if (!n) return;
  const toml::array* arr = n->as_array();
  if (!arr || (!arr->empty() && !arr->is_array_of_tables()))
    fail(key, "expected an array of tables ([[" + key + "]])");  // empty: none
  for (std::size_t i = 0; i < arr->size(); ++i)
    each(*arr->get(i)->as_table(), key + "[" + std::to_string(i) + "]");
}

}  // namespace innosim
