// Coverage of the parent decision: which of its objectives, renewal contents
// and solutions (listed in a rule file with the phrases that identify them) a
// plan addresses, and where. Used by the `coverage` rule kind and by
// `plancheck coverage`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/rule.h"

namespace plancheck::rules {

struct CoverageRow {
    std::string group;   // "Mục tiêu cụ thể", "Nội dung đổi mới", "Giải pháp"
    std::string name;    // the item as the parent states it
    std::optional<uint32_t> block;  // first body block addressing it
};

// The rows of `rule` on `m`; nullopt when the rule is not of kind `coverage`.
std::optional<std::vector<CoverageRow>> coverage_rows(const Rule& rule, const Model& m);

}  // namespace plancheck::rules
