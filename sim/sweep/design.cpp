#include "sweep/design.h"

#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "config/binder.h"
#include "config/config_loader.h"
#include "config/config_tree.h"
#include "core/errors.h"

namespace innosim::sweep {
namespace {

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const toml::node* n, const std::string& key,
                         const std::string& what) const {
    throw ConfigError(file_, n ? static_cast<int>(n->source().begin.line) : 0, key, what);
  }
  void only(const toml::table& t, const std::string& where,
            const std::set<std::string>& allowed) const {
    for (const auto& [k, v] : t)
      if (!allowed.count(std::string(k.str()))) {
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        fail(&v, where + std::string(k.str()), "unknown key; expected one of " + list);
      }
  }
  std::string text(const toml::table& t, const std::string& where, const char* key,
                   const std::string& fallback = "\x01") const {
    const toml::node* n = t.get(key);
    if (!n) {
      if (fallback != "\x01") return fallback;
      fail(&t, where + key, "missing: expected a string");
    }
    const auto v = n->value_exact<std::string>();
    if (!v || v->empty()) fail(n, where + key, "expected a non-empty string");
    return *v;
  }
  double number(const toml::table& t, const std::string& where, const char* key, double lo,
                double hi, const double* fallback = nullptr) const {
    const toml::node* n = t.get(key);
    if (!n) {
      if (fallback) return *fallback;
      fail(&t, where + key, "missing: expected a number");
    }
    const std::optional<double> v = as_number(*n);
    if (!v || !std::isfinite(*v) || *v < lo || *v > hi)
      fail(n, where + key, fmt::format("expected a finite number in [{}, {}]", lo, hi));
    return *v;
  }
  int integer(const toml::table& t, const std::string& where, const char* key, int lo, int hi,
              int fallback) const {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    const auto v = n->value_exact<std::int64_t>();
    if (!v || *v < lo || *v > hi)
      fail(n, where + key, fmt::format("expected an integer in [{}, {}]", lo, hi));
    return static_cast<int>(*v);
  }
  std::vector<std::string> strings(const toml::table& t, const std::string& where,
                                   const char* key) const {
    const toml::node* n = t.get(key);
    if (!n) return {};
    const toml::array* a = n->as_array();
    std::vector<std::string> out;
    if (!a) fail(n, where + key, "expected an array of strings");
    for (const auto& e : *a) {
      const auto v = e.value_exact<std::string>();
      if (!v || v->empty()) fail(&e, where + key, "expected every element to be a string");
      out.push_back(*v);
    }
    return out;
  }

 private:
  std::string file_;
};

}  // namespace

SweepDesign load_design(const std::string& path) {
  (void)ConfigTree::parse_file(path);  // a regular, small, valid TOML file, or a ConfigError
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return parse_design(text.str(), path);
}

SweepDesign parse_design(const std::string& text, const std::string& label) {
  SweepDesign d;
  d.file = label;
  d.text = text;
  toml::table root;
  try {
    root = toml::parse(text, label);
  } catch (const toml::parse_error& e) {
    throw ConfigError(label, static_cast<int>(e.source().begin.line), "",
                      "TOML syntax error: " + std::string(e.description()));
  }
  const std::string& path = label;
  const Reader r(path);
  r.only(root, "", {"sweep"});
  const toml::table* s = root["sweep"].as_table();
  if (!s) r.fail(&root, "sweep", "missing: expected a [sweep] table");
  const std::string w = "sweep.";
  r.only(*s, w,
         {"region", "scenarios", "set", "sampler", "points", "levels", "replicates", "seed",
          "resamples", "confidence", "report_indicators", "report_year", "factors"});
  d.region = r.text(*s, w, "region");
  d.scenarios = r.strings(*s, w, "scenarios");
  d.sets = r.strings(*s, w, "set");
  d.sampler_name = r.text(*s, w, "sampler");
  const std::vector<std::pair<std::string, Sampler>> samplers{
      {"grid", Sampler::kGrid},
      {"latin_hypercube", Sampler::kLatinHypercube},
      {"sobol", Sampler::kSobol},
      {"saltelli", Sampler::kSaltelli},
      {"morris", Sampler::kMorris}};
  bool known = false;
  for (const auto& [name, value] : samplers)
    if (name == d.sampler_name) {
      d.sampler = value;
      known = true;
    }
  if (!known)
    r.fail(s->get("sampler"), w + "sampler",
           "expected grid, latin_hypercube, sobol, saltelli or morris");
  d.points = r.integer(*s, w, "points", 1, 1000000, 0);
  d.levels = r.integer(*s, w, "levels", 1, 1000, 0);
  d.replicates = r.integer(*s, w, "replicates", 1, 100000, 1);
  const double seed = r.number(*s, w, "seed", 0, 9007199254740992.0, nullptr);
  d.seed = static_cast<std::uint64_t>(seed);
  d.resamples = r.integer(*s, w, "resamples", 0, 100000, 1000);
  const double default_confidence = 0.95;
  d.confidence = r.number(*s, w, "confidence", 0.5, 0.999, &default_confidence);
  d.report_indicators = r.strings(*s, w, "report_indicators");
  d.report_year = r.integer(*s, w, "report_year", 1949, 2200, 0);

  const bool needs_points = d.sampler == Sampler::kLatinHypercube || d.sampler == Sampler::kSobol ||
                            d.sampler == Sampler::kSaltelli || d.sampler == Sampler::kMorris;
  if (needs_points && d.points == 0)
    r.fail(s, w + "points",
           "missing: the " + d.sampler_name +
               " sampler needs a number of points (base rows for saltelli, trajectories for "
               "morris)");
  if (d.sampler == Sampler::kMorris && (d.levels < 2 || d.levels % 2))
    r.fail(s->get("levels") ? s->get("levels") : s, w + "levels",
           "the morris sampler needs an even number of levels (4 is usual)");

  const std::vector<ParamSpec> specs = parameter_specs();
  const toml::array* factors = (*s)["factors"].as_array();
  if (!factors || factors->empty() || !factors->is_array_of_tables())
    r.fail(s, w + "factors", "missing: expected [[sweep.factors]] tables, at least one");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < factors->size(); ++i) {
    const toml::table& t = *factors->get(i)->as_table();
    const std::string fw = fmt::format("sweep.factors[{}].", i);
    r.only(t, fw, {"key", "min", "max", "scale", "values"});
    Factor f;
    f.key = r.text(t, fw, "key");
    const ParamSpec* spec = nullptr;
    for (const auto& p : specs)
      if (p.key == f.key) spec = &p;
    if (!spec || (spec->type != "float" && spec->type != "integer"))
      r.fail(
          t.get("key"), fw + "key",
          "'" + f.key + "' is not a float or integer key of the model (innosim list parameters)");
    if (!seen.insert(f.key).second) r.fail(t.get("key"), fw + "key", "a key varied twice");
    f.integer = spec->type == "integer";
    if (const toml::node* v = t.get("values")) {
      const toml::array* a = v->as_array();
      if (!a || a->empty()) r.fail(v, fw + "values", "expected a non-empty array of numbers");
      for (const auto& e : *a) {
        const std::optional<double> x = as_number(e);
        if (!x || !std::isfinite(*x) || *x < spec->min || *x > spec->max)
          r.fail(
              &e, fw + "values",
              fmt::format("expected numbers in {}'s range [{}, {}]", f.key, spec->min, spec->max));
        f.values.push_back(*x);
      }
      if (d.sampler != Sampler::kGrid)
        r.fail(v, fw + "values", "listed values need the grid sampler; give min and max");
      if (t.get("min") || t.get("max"))
        r.fail(v, fw + "values", "give either values or min and max, not both");
    } else {
      f.min = r.number(t, fw, "min", spec->min, spec->max);
      f.max = r.number(t, fw, "max", spec->min, spec->max);
      if (!(f.max > f.min)) r.fail(t.get("max"), fw + "max", "expected max greater than min");
      const std::string scale = r.text(t, fw, "scale", "uniform");
      if (scale != "uniform" && scale != "log")
        r.fail(t.get("scale"), fw + "scale", "expected uniform or log");
      f.log_scale = scale == "log";
      if (f.log_scale && f.min <= 0)
        r.fail(t.get("min"), fw + "min", "a log scale needs a positive min");
      if (d.sampler == Sampler::kGrid && d.levels < 1)
        r.fail(s, w + "levels", "a grid over a range needs levels (values per factor)");
    }
    d.factors.push_back(f);
  }
  return d;
}

Points unit_points(const SweepDesign& d) {
  const std::size_t k = d.factors.size(), n = static_cast<std::size_t>(d.points);
  switch (d.sampler) {
    case Sampler::kGrid: {
      std::vector<int> levels;
      for (const auto& f : d.factors)
        levels.push_back(f.values.empty() ? d.levels : static_cast<int>(f.values.size()));
      return full_grid(levels);
    }
    case Sampler::kLatinHypercube:
      return latin_hypercube(n, k, d.seed);
    case Sampler::kSobol:
      return sobol_sequence(n, k);
    case Sampler::kSaltelli:
      return saltelli(n, k);
    case Sampler::kMorris:
      return morris(n, k, d.levels, d.seed);
  }
  return {};
}

std::vector<double> factor_values(const SweepDesign& d, const Point& unit) {
  std::vector<double> out;
  for (std::size_t i = 0; i < d.factors.size(); ++i) {
    const Factor& f = d.factors[i];
    double v = 0;
    if (!f.values.empty()) {
      const auto at =
          static_cast<std::size_t>(std::lround(unit[i] * static_cast<double>(f.values.size() - 1)));
      v = f.values[std::min(at, f.values.size() - 1)];
    } else if (f.log_scale) {
      v = f.min * std::pow(f.max / f.min, unit[i]);
    } else {
      v = f.min + unit[i] * (f.max - f.min);
    }
    out.push_back(f.integer ? std::round(v) : v);
  }
  return out;
}

std::vector<std::string> point_sets(const SweepDesign& d, const std::vector<double>& values) {
  std::vector<std::string> sets = d.sets;
  for (std::size_t i = 0; i < d.factors.size(); ++i)
    sets.push_back(d.factors[i].key + "=" +
                   (d.factors[i].integer ? fmt::format("{}", static_cast<long long>(values[i]))
                                         : fmt::format("{}", values[i])));
  return sets;
}

}  // namespace innosim::sweep
