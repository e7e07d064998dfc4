// Small helpers the plan-fact extractors share: where a block sits in the
// outline, and the clause around an offset.
#pragma once

#include <string>
#include <string_view>

#include "plancheck/outline.h"

namespace plancheck::extract {

// Innermost section whose body holds block `b` (the section's own label block
// included), -1 when none.
int section_at(const Outline& o, uint32_t b);

// True when section `s` or one of its ancestors has a title whose folded text
// contains `folded_phrase`.
bool under_title(const Outline& o, int s, std::string_view folded_phrase);

// Byte range [begin, end) of the clause around `at`: bounded by ';', a line
// break, a colon, or a full stop followed by a space (not a decimal point).
std::pair<size_t, size_t> clause_around(std::string_view text, size_t at);

// True when `text` holds four digits starting with 19 or 20: a cheap test that
// every year pattern of the extractors needs to pass before RE2 runs (most
// paragraphs have no year, and an unanchored RE2 match with submatches scans
// the whole paragraph to say so).
bool may_have_year(std::string_view text);
// True when `text` holds an ASCII digit.
bool has_digit(std::string_view text);

// Offset just after the numbering label at the start of `text` (0 when none).
size_t after_label(std::string_view text);

}  // namespace plancheck::extract
