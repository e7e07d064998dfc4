// Building blocks from markup (Markdown, HTML) while keeping every output code
// point tied to its original (line, column): text is appended code point by
// code point with its position, and an anchor is added wherever positions
// stop being consecutive. Readers walk their source forward with SourceWalker,
// so positions cost O(1) per byte (no quadratic rescans on long lines).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "plancheck/source.h"

namespace plancheck::ingest {

// Tracks (line, column) while moving forward through decoded text.
class SourceWalker {
public:
    explicit SourceWalker(std::string_view text) : text_(text) {}
    // Position of byte `offset` (must not go backwards between calls, except
    // by restarting from a known point with reset()).
    Pos at(size_t offset) {
        if (offset < off_) reset();
        while (off_ < offset && off_ < text_.size()) {
            size_t i = off_;
            char32_t c = utf8::next(text_, i);
            if (c == '\n') {
                ++line_;
                col_ = 1;
            } else if (!(c == '\r' && i < text_.size() && text_[i] == '\n')) {
                ++col_;
            }
            off_ = i;
        }
        return {line_, col_};
    }
    void reset() { off_ = 0, line_ = 1, col_ = 1; }
    std::string_view text() const { return text_; }
    // The full physical lines first..last, for Block::source. Line starts are
    // indexed once, so each call costs the length of its lines (10^6 blocks
    // used to rescan the text from its start for each one). Lines longer than
    // kMaxSourceBytes in all give "": every block of a one-line HTML page of
    // 10^5 <li> copied the whole page (22 GB), and each of the 20,000 cells of
    // a one-line Markdown table row its 40 KB line (800 MB). BlockBuilder::take
    // then keeps a one-line block's own text as its source.
    static constexpr size_t kMaxSourceBytes = 16 * 1024;
    std::string lines(uint32_t first, uint32_t last) const {
        if (starts_.empty()) {
            starts_.push_back(0);
            for (size_t i = 0; i < text_.size(); ++i)
                if (text_[i] == '\n') starts_.push_back(i + 1);
        }
        if (first < 1 || first > starts_.size() || last < first) return {};
        size_t start = starts_[first - 1];
        size_t end = last < starts_.size() ? starts_[last] - 1 : text_.size();  // without the last '\n'
        if (end - start > kMaxSourceBytes) return {};
        std::string out;
        out.reserve(end - start);
        for (size_t i = start; i < end; ++i)
            if (text_[i] != '\r') out += text_[i];
        return out;
    }

private:
    std::string_view text_;
    mutable std::vector<size_t> starts_;
    size_t off_ = 0;
    uint32_t line_ = 1, col_ = 1;
};

class BlockBuilder {
public:
    void add(char32_t c, Pos p) {
        if (anchors_.empty() || p.line != last_.line || p.column != last_.column + 1)
            anchors_.push_back({static_cast<uint32_t>(text_.size()), p.line, p.column});
        utf8::append(text_, c);
        last_ = p;
        if (!first_line_) first_line_ = p.line;
        last_line_ = std::max(last_line_, p.line);
    }
    bool blank() const { return utf8::trim(text_).empty(); }
    const std::string& text() const { return text_; }
    // The block, or nothing when only white space was added. Clears the builder.
    bool take(Block& out, BlockKind kind, const SourceWalker& src) {
        bool ok = !blank();
        if (ok) {
            out = Block{};
            out.kind = kind;
            out.text = std::move(text_);
            out.anchors = std::move(anchors_);
            out.source = src.lines(first_line_, last_line_);
            if (out.source.empty() && first_line_ == last_line_) out.source = out.text;  // a very long line
        }
        *this = BlockBuilder{};
        return ok;
    }

private:
    std::string text_;
    std::vector<Anchor> anchors_;
    Pos last_{};
    uint32_t first_line_ = 0, last_line_ = 0;
};

}  // namespace plancheck::ingest
