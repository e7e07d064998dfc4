// Where a finding in a .docx is, in the terms Word shows: the first words of
// its paragraph (Diagnostic::context) and its page, where the file records
// page breaks (Diagnostic::page). `line` stays the paragraph number.
#pragma once

#include <string>
#include <vector>

#include "plancheck/diagnostic.h"
#include "plancheck/document.h"

namespace plancheck::pipeline {

// The first words of a paragraph's text: at most kContextWords words and
// about kContextChars code points, "…" when cut.
inline constexpr size_t kContextWords = 8;
inline constexpr size_t kContextChars = 48;
std::string first_words(std::string_view text);

// Fills context and page of every diagnostic of a .docx document (nothing
// for other formats, or for whole-file diagnostics).
void locate_docx(const SourceDocument& doc, std::vector<Diagnostic>& diags);

}  // namespace plancheck::pipeline
