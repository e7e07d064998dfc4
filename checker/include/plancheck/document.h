// The output of the ingest stage: a file turned into blocks.
#pragma once

#include <string>
#include <vector>

#include "plancheck/source.h"
#include "plancheck/suppression.h"

namespace plancheck {

// Something ingest or normalize noticed that a rule kind may report
// (legacy encoding converted, U+00D0 used for Đ, ...). Rules decide whether
// and how it becomes a diagnostic; stages never emit diagnostics themselves.
struct Observation {
    std::string kind;  // "encoding.legacy", "text.mixed-script", "text.invalid-utf8", ...
    TextRef ref;
    std::string detail;  // e.g. the detected encoding name or the offending character
};

// One printed page (PDF): its size in points and the lines on it. Lines are
// numbered over the whole document (see docs/formats.md), so page p holds
// lines first_line .. first_line + lines - 1.
struct PageInfo {
    float width = 0, height = 0;
    uint32_t first_line = 0;
    uint32_t lines = 0;
};

struct SourceDocument {
    std::string path;
    std::string format;    // "txt", "md", "html", "docx", "pdf"
    std::string encoding;  // detected or forced input encoding, e.g. "utf-8", "tcvn3"
    // Body blocks in reading order; a .docx's footnotes and endnotes come last
    // (BlockKind::Footnote), checked by the text rules but outside the
    // document's structure.
    std::vector<Block> blocks;
    // Text outside the body flow (Word headers/footers, comments): kept apart
    // so the structure stage, which scans `blocks` in order, is not disturbed.
    // A comment's line is the paragraph it is attached to; headers have line 0.
    std::vector<Block> aside;
    std::vector<Observation> observations;
    // Inline suppression directives found by the reader, in document order
    // (plancheck/suppression.h); the comments holding them are not in `blocks`.
    std::vector<Directive> directives;
    std::vector<PageInfo> pages;  // PDF only; empty for other formats
    // Page size and margins per Word section, in document order (.docx; empty when unknown).
    std::vector<PageSetup> sections;
    // .docx: where pages 2, 3, ... begin, as far as the file records it (the
    // first text after a w:lastRenderedPageBreak, a w:br w:type="page", a
    // w:pageBreakBefore paragraph or a section break that is not continuous);
    // empty when the file records no page break (the page is then unknown).
    std::vector<Pos> page_breaks;
};

// Raised by ingest for input it cannot read. `reason` is a complete sentence
// suitable for an input.unreadable diagnostic; `hint` says what to do.
struct UnreadableInput {
    std::string reason;
    std::string hint;
};

}  // namespace plancheck
