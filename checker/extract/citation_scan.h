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
//
// `limit`: the caller keeps only citations that start before it (a .txt line
// joined with the next one, which is scanned again on its own). Past it the
// scan goes on only while what follows the last citation can still be a
// member of its list ("..., số 102/NQ-CP và số 103/NQ-CP"), because list
// members share their issuer and summary with the citations before them; the
// citations before `limit` are the same as without it.
std::vector<Citation> scan_citations(std::string_view text, size_t from = 0,
                                     size_t limit = std::string_view::npos);

}  // namespace plancheck::extract
