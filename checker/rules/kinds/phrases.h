// Phrase sets that identify a subject in rule files (Decision 1676's audience
// target, Resolution 28's labour-force target, a solution of the Scheme...).
// `match` is a list of alternatives; each alternative is a phrase or a list of
// phrases that must all occur. Matching is on folded text (no accents, lower
// case), so "BHXH tự nguyện" and "bhxh tu nguyen" are the same.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/params.h"

namespace plancheck::rules {

class PhraseSet {
public:
    PhraseSet() = default;
    // Reads `key` of `p` (required).
    PhraseSet(const Params& p, const std::string& key);
    bool matches(std::string_view folded) const;
    bool empty() const { return alternatives_.empty(); }

private:
    std::vector<std::vector<std::string>> alternatives_;
};

// "1" -> "1", 2.5 -> "2,5" (Vietnamese decimal comma).
std::string format_number(double v);

}  // namespace plancheck::rules
