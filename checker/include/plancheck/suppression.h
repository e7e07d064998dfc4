// Inline suppression directives (docs/config.md, "Inline suppressions"): a
// comment in the document that switches findings off for part of it.
//
//   plancheck-disable [RULE|CATEGORY ...] [-- reason]   from here on (all rules when none named)
//   plancheck-enable [RULE|CATEGORY ...]                 ends an earlier disable (all when none named)
//   plancheck-disable-next-line RULE|CATEGORY ...        only the next line holding text
//
// The readers record the directives they find (.txt: a line starting with
// `#` or `//`; .md/.html: `<!-- ... -->`; .docx: a Word comment, which covers
// the paragraphs it is anchored on) in SourceDocument::directives; the comment
// itself is not document text. The pipeline applies them after the rules
// (pipeline/suppress.h). Stages never emit diagnostics about them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancheck {

struct Directive {
    enum class Kind : uint8_t {
        Disable,          // from the directive to a matching enable, or the end
        Enable,           // closes open disables (of the names given, or all)
        DisableNextLine,  // the next line that holds document text
        Unknown,          // "plancheck-..." with a word that is none of the above
        Overflow,         // recorded once where a reader stopped at kMaxDirectives
    };
    Kind kind = Kind::Disable;
    std::vector<std::string> names;  // rule ids or categories; empty: every rule
    std::string text;    // the directive as written, without comment markers (for messages)
    std::string source;  // the original line or comment holding it (excerpt)
    // Where the directive is written (original positions, like a Diagnostic).
    uint32_t line = 0, column = 0, end_line = 0, end_column = 0;
    // A Word comment covers the paragraphs it is anchored on, first_line to
    // last_line (paragraph numbers); false for the text formats, whose
    // directives take effect by their place in the text.
    bool anchored = false;
    uint32_t first_line = 0, last_line = 0;
};

// Bounds on hostile input: a reader records at most kMaxDirectives
// directives per document (then one Overflow where it stopped), and a
// directive keeps at most kMaxDirectiveNames names.
inline constexpr size_t kMaxDirectives = 200;
inline constexpr size_t kMaxDirectiveNames = 16;

// Reads one comment's text (markers already removed, surrounding white space
// allowed). nullopt when it is not a plancheck directive at all, i.e. does not
// start with "plancheck-"; a "plancheck-..." word that is no directive gives
// Kind::Unknown so that the pipeline can warn about it.
std::optional<Directive> parse_directive(std::string_view comment);

std::string_view to_string(Directive::Kind k);

}  // namespace plancheck
