// The citation scanner: finds citations in one piece of text (a block, or a
// .txt line joined with the line it wraps onto). Internal to the extract stage.
#pragma once

#include <string_view>
#include <vector>

#include "plancheck/citation.h"

namespace plancheck::extract {

// Citations in `text` starting at or after `from`, in order. TextRefs carry
// block 0 and byte offsets into `text`; summaries are filled. Linear in the
// text length (each position is tried against a fixed vocabulary once).
std::vector<Citation> scan_citations(std::string_view text, size_t from = 0);

}  // namespace plancheck::extract
