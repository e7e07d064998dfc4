// Inline suppression directives in the text formats (plancheck/suppression.h).
#pragma once

#include <string_view>

#include "plancheck/document.h"

namespace plancheck::ingest {

// Records the directives written in `text` (the decoded file) in
// doc.directives: `<!-- plancheck-... -->` comments anywhere and, when
// `line_comments` (.txt), lines whose text starts with `#` or `//` followed by
// a directive. A .txt line holding a directive is taken out of doc.blocks (it
// is not document text); .md/.html comments never reach the blocks.
void record_directives(std::string_view text, SourceDocument& doc, bool line_comments);

}  // namespace plancheck::ingest
