// Pages of a PDF: which page a (running) line number is on, and the line's
// number on that page. Diagnostics of a PDF carry both (Diagnostic::page,
// Diagnostic::page_line); see docs/formats.md.
#pragma once

#include <vector>

#include "plancheck/diagnostic.h"
#include "plancheck/document.h"

namespace plancheck::layout {

struct PagePos {
    uint32_t page = 0;  // 1-based; 0 = not a PDF, or a whole-file position
    uint32_t line = 0;  // 1-based line on that page
};

PagePos page_of(const SourceDocument& doc, uint32_t line);

// Sets page and page_line of every diagnostic of a PDF document.
void locate_pages(const SourceDocument& doc, std::vector<Diagnostic>& diags);

}  // namespace plancheck::layout
