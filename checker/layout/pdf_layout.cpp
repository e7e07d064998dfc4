// PDF layout recovery. The PDF reader still joins lines into paragraphs
// itself (ingest/pdf/pdf.cpp); this pass is where that work moves.
#include "layout/layout.h"

namespace plancheck::layout {

void recover_pdf(SourceDocument&) {}

}  // namespace plancheck::layout
