// Plain-text layout recovery: a .txt file arrives as one block per physical
// line (ingest/text.cpp).
#include "layout/layout.h"

namespace plancheck::layout {

void recover_text(SourceDocument&) {}

}  // namespace plancheck::layout
