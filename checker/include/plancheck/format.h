// Formatting facts a reader knew about the text: for a .docx the effective
// values Word applies, resolved from the document defaults, the style chain
// (w:basedOn) and direct formatting; for a PDF written by a word processor,
// the runs' font family, size, bold and italic as its font names say (no
// paragraph formatting, no colour). Stages only record them;
// presentation rules (Decree 30/2020 Appendix I: font, size, margins) decide.
//
// Units are Word's: lengths in twips (1/20 pt, 1440 per inch, 567 per cm),
// font sizes in half-points (26 = 13 pt). 0 or empty means "not set anywhere"
// (Word's own default then applies).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace plancheck {

struct Pos;

// A stretch of text with one formatting, by ORIGINAL positions (line, column
// as Block::locate gives them), so it stays right when normalize rewrites
// Block::text: [begin, end) on the block's line(s).
struct RunFormat {
    uint32_t line = 0, column = 0;          // first code point
    uint32_t end_line = 0, end_column = 0;  // just past the last one
    std::string font;                       // Latin font name, theme fonts resolved
    uint32_t size = 0;                      // half-points
    bool bold = false, italic = false, underline = false, caps = false;
    std::string color;                      // w:color as "RRGGBB"; "" = automatic (black)
    friend bool operator==(const RunFormat&, const RunFormat&) = default;
};

struct ParagraphFormat {
    std::string style;      // style id ("" = the default paragraph style)
    std::string alignment;  // w:jc: "left"/"start", "center", "right"/"end", "both", ... ("" = left)
    int32_t indent_left = 0, indent_right = 0;
    int32_t first_line = 0;  // first-line indent; negative for a hanging indent
    uint32_t space_before = 0, space_after = 0;
    uint32_t line_spacing = 0;  // w:spacing w:line: 240ths of a line ("auto") or twips
    std::string line_rule;      // "auto", "exact", "atLeast" ("" = auto)
    friend bool operator==(const ParagraphFormat&, const ParagraphFormat&) = default;
};

struct BlockFormat {
    ParagraphFormat paragraph;
    std::vector<RunFormat> runs;  // in text order, neighbours with equal formatting merged
};

// Page size and margins of one document section (w:sectPr), in twips. A
// section covers the paragraphs from `first_line` up to the next section's.
struct PageSetup {
    uint32_t first_line = 1;
    uint32_t width = 0, height = 0;
    bool landscape = false;
    int32_t margin_top = 0, margin_bottom = 0;
    uint32_t margin_left = 0, margin_right = 0, header = 0, footer = 0, gutter = 0;
    // Headers, footers and page numbers. `title_page`: w:titlePg, the first
    // page has its own header and footer (none when the section names none).
    // A header or footer a section does not name is the previous section's.
    bool facts = false;        // the reader knew these (a .docx): false for every other format
    // A PDF page's box (a PDF typeset by a word processor): its size and
    // orientation only; margins, headers and page numbers are not known.
    bool printed = false;
    bool title_page = false;
    // Where the pages after the first show their number (a PAGE field): in the
    // "header" or the "footer" ("" = no page number), how that paragraph is
    // aligned (w:jc, "" = left), the number's size (half-points, 0 = unknown)
    // and format (w:pgNumType w:fmt, "" = decimal).
    std::string number_in, number_alignment, number_format;
    uint32_t number_size = 0;
    bool number_on_first_page = false;  // the first page's header or footer shows it too
};

}  // namespace plancheck
