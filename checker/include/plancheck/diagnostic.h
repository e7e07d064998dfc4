// The diagnostic contract (see docs/diagnostics.md). Other tools depend on it:
// field names, category ids and severities are stable.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancheck {

enum class Severity : uint8_t { Info = 0, Warning = 1, Error = 2 };

std::string_view to_string(Severity s);
std::optional<Severity> parse_severity(std::string_view s);

// The closed list of categories. is_category() is the single gate.
const std::vector<std::string_view>& all_categories();
bool is_category(std::string_view id);

// A replacement --fix may apply: byte range of Block::source... expressed in
// original positions so report writers need no block access.
struct Fix {
    uint32_t line = 0, column = 0, end_line = 0, end_column = 0;
    std::string replacement;
};

struct Diagnostic {
    std::string rule;      // rule id, e.g. "nd30.header.number"
    std::string category;  // one of all_categories()
    Severity severity = Severity::Warning;
    std::string message;   // in the language chosen with --lang
    uint32_t line = 0, column = 0, end_line = 0, end_column = 0;  // 1-based; 0 = whole file
    std::string excerpt;     // the original source line (or paragraph for .docx)
    std::string legal_basis; // what the rule enforces
    std::optional<Fix> fix;
    // PDF (additive): the page `line` is printed on and the line's number on
    // that page. .docx: the page, where the file records page breaks
    // (SourceDocument::page_breaks), and page_line 0. 0 otherwise and for
    // whole-file diagnostics.
    uint32_t page = 0, page_line = 0;
    // .docx (additive): the first words of the paragraph, as Word shows it,
    // so that a clerk can find it ("Căn cứ Luật Tổ chức chính…"); "" otherwise.
    std::string context;
    // Switched off by an inline directive (additive; docs/config.md): kept in
    // JSON and SARIF, never counted for the exit code or the summary totals.
    bool suppressed = false;
    std::string suppressed_by;     // the directive as written, e.g. "plancheck-disable text.typo"
    uint32_t suppressed_line = 0;  // where it is written (for .docx, the commented paragraph)
};

// Stable order for output: by position, then rule id.
void sort_diagnostics(std::vector<Diagnostic>& diags);

}  // namespace plancheck
