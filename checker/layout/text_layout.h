// Plain-text layout recovery (text_layout.cpp, text_lines.cpp): the pieces a
// .txt file's lines are cut into, and the heuristics that decide how they are
// put back together. Exposed for the unit tests in tests/layout/.
//
// A .txt file arrives as one block per non-blank physical line. The pass
//  1. cuts lines into pieces: at literal "\r\n" / "\n" character sequences,
//     at table-cell bars ("|" standing between words or at a line's ends);
//     lines that hold only table borders are dropped and end a cell;
//  2. splits two-column lines of the header and of the closing ("UBND TỈNH X
//     <spaces> CỘNG HÒA ...", "Nơi nhận: <spaces> KT. GIÁM ĐỐC") at the run of
//     spaces or the tab between the columns, left column first;
//  3. rebuilds header fields that a web page's table cell broke over lines
//     ("CỘNG" / "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Sơn" / "La, ngày 11 tháng 3" /
//     "năm 2020");
//  4. in a hard-wrapped file (decided from the file's own line lengths), joins
//     a wrapped line to the next one and sets page numbers aside.
// Every piece keeps its original line and column: rebuilt blocks carry one
// anchor per piece. A file none of this applies to comes out unchanged.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "plancheck/document.h"

namespace plancheck::layout::text {

struct Piece {
    uint32_t line = 0;   // original physical line
    uint32_t col = 1;    // column (code points) of text's first code point
    // The piece, white space trimmed at both ends: a view of the line's block,
    // which outlives the pieces (no second copy of a large file's text).
    std::string_view text;
    uint32_t width = 0;  // code points of text
    uint32_t right() const { return col + (width ? width - 1 : 0); }
    bool hard_before = false;  // a blank line, a border line, a literal paragraph break or a cell bar before it
    bool page_before = false;  // a form feed or a page number lies between it and the piece before
    bool whole = true;         // the whole physical line (not cut out of a longer one)
    int column = 0;            // 0: full width; 1: left, 2: right column of a two-column zone
    bool furniture = false;    // a page number in a hard-wrapped file: set aside
    bool footnote = false;     // a footnote printed after the signer: set aside
    // A cell of a line cut at cell bars: its 0-based column (bars before it,
    // less a leading bar); -1 for text outside cell bars. The table and row
    // are set by table_cells().
    int cell_column = -1;
    CellRef cell;
    // Cached: starts_block(text); an upper-case line or a header field (no
    // line is joined to it). -1 until computed.
    mutable int8_t starts = -1, closes = -1;
};

// Step 1. Empty when the blocks are not the one-line blocks ingest/text.cpp
// builds (then the pass leaves the document alone).
std::vector<Piece> cut_lines(const SourceDocument& doc);

// Numbers the tables of the pieces cut at cell bars: consecutive physical
// lines cut at bars (border lines between them allowed, not a blank line nor a
// line of other text) are the rows of one table. `present(line)`: the line is
// not blank.
template <class Present>
void table_cells(std::vector<Piece>& ps, Present present) {
    uint32_t table = 0, row = 0, last_line = 0;
    bool open = false;
    for (Piece& p : ps) {
        if (p.cell_column < 0) {
            open = false;
            continue;
        }
        bool same = open && p.line >= last_line;
        for (uint32_t l = last_line + 1; same && l < p.line; ++l) same = present(l);
        if (!same) ++table, row = 0;
        else if (p.line != last_line) ++row;
        open = true;
        last_line = p.line;
        p.cell.table = table;
        p.cell.row = row;
        p.cell.column = static_cast<uint32_t>(p.cell_column);
    }
}

// A line that holds nothing but table borders ("|", "+----+", "│").
bool is_border_line(std::string_view trimmed);

// Step 2: the byte offset in `text` where a right column starts, or npos.
// The gap is a tab or 3+ spaces; the right column must start with an upper-
// case letter (so "Số: 12      /KH-UBND" and "ngày      tháng 5" stay whole).
size_t column_gap(std::string_view text);

// Step 3: true when `a` followed by `b` are pieces of one header field that
// was broken over lines (national title, Party title, motto, number, place and
// date). `a` may itself be several pieces joined with spaces.
bool header_fragments(std::string_view a, std::string_view b);

// "ỦY" / "BAN NHÂN DÂN", "VỀ" / "VIỆC ...": a short upper-case word split off
// the upper-case line below it (legal-database pages do this to a cell's or a
// title's first word).
bool split_first_word(std::string_view a, std::string_view b);

// Step 4: the file's wrap width from its own line lengths.
struct WrapStats {
    uint32_t width = 0;     // the right edge most lines end near
    double cluster = 0;     // share of lines ending within 15 % below it
    double over = 0;        // share of lines going more than 10 % past it
    size_t goes_on = 0;     // lines that plainly go on in the next (lower-case start, "của" end)
    bool wrapped = false;   // the file is hard-wrapped
    bool blank_paragraphs = false;  // numbered items are set off by blank lines
    uint32_t max_width = 0;         // the longest line's right edge
    bool fixed_width = false;       // wrapped at exactly max_width (every certain wrap was forced)
};
WrapStats wrap_stats(const std::vector<Piece>& pieces);

// A line that always starts a new block: a numbered item ("I.", "1.", "a)",
// "-", "+", "Điều 2."), a basis ("Căn cứ ..."), a header field, a type name,
// an upper-case line, "Nơi nhận", "Kính gửi", a signing authority ("KT. ...").
bool starts_block(std::string_view trimmed);

// Whether `next` continues the paragraph whose first line is `first` and
// whose last line so far is `prev` (the same object for a one-line paragraph),
// in a wrapped file.
bool continues(const Piece& first, const Piece& prev, const Piece& next, const WrapStats& stats);

// A header field: national or Party title, motto, "Số: ...", "<place>, ngày ...".
bool is_header_line(std::string_view trimmed);

// A page number line ("2", "- 3 -", "Trang 4").
bool is_page_number(std::string_view trimmed);

}  // namespace plancheck::layout::text
