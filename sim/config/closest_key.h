// "Did you mean ...?" for misspelt configuration keys.
#pragma once
#include <set>
#include <string>

namespace innosim {

// Edit distance (Levenshtein) between two strings.
std::size_t edit_distance(const std::string& a, const std::string& b);

// The known key closest to `key`; empty when nothing is reasonably close.
std::string closest_key(const std::string& key, const std::set<std::string>& known);

}  // namespace innosim
