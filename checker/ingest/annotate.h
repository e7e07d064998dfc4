// `plancheck annotate`: the findings of a check written into the clerk's own
// .docx, as Word comments anchored on the offending text, or (--suggest) as
// tracked changes for the findings that carry a safe correction.
//
// Guarantees (docs/annotate.md): every finding becomes exactly one comment
// (or one tracked change); existing comments are kept; every part of the
// package other than word/document.xml, the comments part, word/_rels/
// document.xml.rels and [Content_Types].xml is copied byte for byte (the
// last two only change when the comments part is new).
//
// The work is done in the .docx reader module (pugixml, libzip); like the
// readers, annotate_docx opens it on first use.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plancheck/diagnostic.h"

namespace plancheck::ingest {

struct AnnotateOptions {
    std::string lang = "vi";  // language of the words annotate adds ("Căn cứ:", ...)
    bool suggest = false;     // findings with a fix become tracked changes
    std::string author = "plancheck";
    std::string initials = "PC";
    std::string date;  // w:date of comments and changes, "2026-12-01T14:05:00Z"; empty: now
};

struct AnnotateSummary {
    size_t comments = 0;      // comments added
    size_t on_paragraph = 0;  // of those, anchored on a whole paragraph (no precise span, whole file)
    size_t suggestions = 0;   // tracked changes added (--suggest)
};

// The annotated package, or nullopt with `error` set when `bytes` is not a
// .docx that can be annotated (the reason a clerk can act on). Diagnostics
// are positioned as the .docx reader positions them (paragraph, column).
std::optional<std::string> annotate_docx(std::string_view bytes, const std::vector<Diagnostic>& diags,
                                         const AnnotateOptions& opts, std::string* error,
                                         AnnotateSummary* summary = nullptr);

// The implementation, in the .docx module (tests may link it directly).
std::optional<std::string> annotate_docx_document(std::string_view bytes, const std::vector<Diagnostic>& diags,
                                                  const AnnotateOptions& opts, std::string* error,
                                                  AnnotateSummary* summary);

}  // namespace plancheck::ingest
