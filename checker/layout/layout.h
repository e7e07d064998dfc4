// Layout stage: between ingest and normalize.
//
// Readers deliver what the container holds: for a PDF, the printed lines with
// their boxes; for a text file, its physical lines. Text from PDFs, copied web
// pages and hard-wrapped .txt files needs the same work before the structure
// stage can read it: paragraphs rebuilt from wrapped lines, the header's two
// columns (and the signature block beside "Nơi nhận:") split into fields,
// running page headers, footers and page numbers set aside, stamps and
// watermarks kept out of the body. That work lives here, in one place, and
// never touches positions: every byte of a rebuilt block still maps, through
// Block::anchors, to the original line and column.
//
// The stage records facts only (Observations); rules decide what to report.
#pragma once

#include "plancheck/document.h"

namespace plancheck::layout {

// Rebuilds the document's layout in place, by format (see the per-format
// passes declared below). Formats whose reader already delivers paragraphs
// (.docx, .md, .html) pass through unchanged.
void recover(SourceDocument& doc);

// The passes, exposed for unit tests.
void recover_pdf(SourceDocument& doc);   // pdf_layout.cpp
void recover_text(SourceDocument& doc);  // text_layout.cpp

}  // namespace plancheck::layout
