// Source positions and text blocks: the unit every pipeline stage works on.
//
// Invariants:
// - Positions are 1-based and refer to the ORIGINAL file: for text formats the
//   physical line and the column in Unicode code points; for .docx the paragraph
//   number (as `plancheck outline` prints it) and the code point offset in it.
// - Block::text is UTF-8. Stages may rewrite it (normalize does), but must keep
//   Block::anchors consistent so that every byte offset of `text` still maps to
//   the original position. Block::source is never rewritten: it is what the
//   user typed, decoded to UTF-8, and is what excerpts show.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "plancheck/format.h"

namespace plancheck {

struct Pos {
    uint32_t line = 0;    // 1-based; 0 = unknown (whole-file diagnostics)
    uint32_t column = 0;  // 1-based, in code points
    friend bool operator==(const Pos&, const Pos&) = default;
};

// `offset` (a byte offset in Block::text) corresponds to original position
// (line, column); the code points after it advance the column one by one until
// the next anchor.
struct Anchor {
    uint32_t offset = 0;
    uint32_t line = 0;
    uint32_t column = 0;
};

enum class BlockKind : uint8_t {
    Paragraph,  // body paragraph or physical line of a text file
    Heading,    // container-level heading (Markdown #, HTML <h1>, Word Heading style)
    ListItem,   // container-level list item (Markdown/HTML list, Word auto-numbering)
    TableCell,  // one table cell
    PageHeader, // Word header/footer text: kept apart from the body
    Footnote,
    Comment,    // Word comment (carries suppressions)
};

// Where a block of a PDF was printed: the page, the box in points with the
// origin at the page's top-left corner, the type size. page == 0: the block
// was not read from a PDF page (every other format). The fonts of its words
// are in Block::format (run formatting, as for a .docx).
struct PrintBox {
    uint32_t page = 0;           // 1-based
    float x0 = 0, x1 = 0;        // left and right edge
    float top = 0, bottom = 0;   // top < bottom
    float font_size = 0;         // points; 0 = unknown
    int rotation = 0;            // degrees the text is turned: 0, 90, 180 or 270
    float height() const { return bottom - top; }
};

// Where a block sits in a table's grid, for the readers that know tables
// (.docx, .html, .md pipe tables, .txt cell bars; not .pdf). table == 0: the
// block is not in a table grid (a PDF table row, body text). Coordinates are
// facts of the container only: they never move a block's text or anchors, and
// a cell of several paragraphs gives several blocks with the same coordinates
// and increasing `part`.
struct CellRef {
    uint32_t table = 0;        // 1-based, numbered as tables open in document order (nested ones too)
    uint32_t parent = 0;       // the table this one is nested in; 0 at the top level
    uint32_t row = 0;          // 0-based row of the table (header rows count)
    uint32_t column = 0;       // 0-based grid column: cells spanning columns before it counted by their span
    uint32_t row_span = 1;     // rows the cell covers (w:vMerge, rowspan)
    uint32_t column_span = 1;  // grid columns the cell covers (w:gridSpan, colspan)
    uint32_t part = 0;         // 0-based block of the cell, in reading order
};

// A member of Block that most blocks leave at its default (a PDF's print box,
// a table cell's place, a container's numbering label): held behind a
// pointer, so that each line block of a large .txt does not carry the ~80
// bytes they take (a Block was 216 bytes, now 136: a fifth of a large file's
// peak memory). Reading gives the default when unset (`*b.cell`, `b.box->page`,
// or a `const T&` by conversion); assigning a value, or edit(), sets it.
template <class T>
class Sparse {
public:
    Sparse() = default;
    Sparse(const Sparse& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
    Sparse(Sparse&&) noexcept = default;
    Sparse& operator=(const Sparse& o) {
        if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
        return *this;
    }
    Sparse& operator=(Sparse&&) noexcept = default;
    Sparse& operator=(T v) {
        if (p_) *p_ = std::move(v);
        else p_ = std::make_unique<T>(std::move(v));
        return *this;
    }
    const T& operator*() const { return p_ ? *p_ : fallback(); }
    const T* operator->() const { return &**this; }
    operator const T&() const { return **this; }
    T& edit() {
        if (!p_) p_ = std::make_unique<T>();
        return *p_;
    }
    friend bool operator==(const Sparse& a, const T& b) { return *a == b; }

private:
    static const T& fallback() {
        static const T none{};
        return none;
    }
    std::unique_ptr<T> p_;
};

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    bool in_table = false;  // text comes from a table cell
    // The source is `text` itself and `source` is empty (a .txt line, until a
    // stage rewrites the text: normalize then moves the old text into
    // `source`). Saves a copy of every line of a large .txt. Read the source
    // through original().
    bool source_is_text = false;
    int level = 0;          // heading level or list depth from the container, 0 if none
    std::string text;    // working text (normalized after the normalize stage)
    std::string source;  // original text decoded to UTF-8; may hold '\n' for multi-line blocks
    std::vector<Anchor> anchors;  // sorted by offset; anchors.front().offset == 0
    // Numbering label the container shows but the text does not contain
    // (Word automatic numbering "II.", Markdown ordered list "1."); empty when
    // the label is typed in the text itself.
    Sparse<std::string> label;
    Sparse<CellRef> cell;   // the cell's place in its table, when the reader knows it
    Sparse<PrintBox> box;   // PDF only: where the first line of the block was printed
    // Effective paragraph and run formatting, when the reader knows it (.docx);
    // shared so copying a block stays cheap.
    std::shared_ptr<const BlockFormat> format;

    uint32_t line() const { return anchors.empty() ? 0 : anchors.front().line; }
    // What the user typed, decoded to UTF-8 (see `source`, source_is_text).
    std::string_view original() const { return source_is_text ? std::string_view(text) : std::string_view(source); }
    // Original position of the code point starting at byte `offset` of `text`
    // (offset == text.size() gives the position just past the end).
    Pos locate(size_t offset) const;
    // The original source line containing `line` (for excerpts and carets).
    std::string_view source_line(uint32_t line) const;
};

// Builds a block whose text equals its source and starts at (line, column).
Block make_block(std::string text, uint32_t line, uint32_t column = 1,
                 BlockKind kind = BlockKind::Paragraph);

// A span of text inside one block, as byte offsets into Block::text.
struct TextRef {
    uint32_t block = 0;
    uint32_t begin = 0;
    uint32_t end = 0;
    bool valid() const { return end >= begin; }
};

}  // namespace plancheck
