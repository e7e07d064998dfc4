// Plain text: one block per non-blank physical line, LF/CRLF/CR line ends.
// Decoding (BOMs, UTF-16, legacy Vietnamese tables) is in decode.cpp; a line
// number is the physical line, a column the code point in the decoded line.
#include <algorithm>
#include <cstring>
#include <string>

#include "core/utf8.h"
#include "ingest/decode.h"
#include "ingest/directives.h"
#include "ingest/ingest.h"

namespace plancheck::ingest {

size_t count_inked_lines(std::string_view text) {
    size_t inked = 0;
    bool ink = false;
    for (char c : text) {
        if (c == '\n' || c == '\r') {
            inked += ink;
            ink = false;
        } else if (c != ' ' && c != '\t') {
            ink = true;
        }
    }
    return inked + ink;
}

LineSplitter::LineSplitter(size_t lines, size_t max_blocks) : max_(max_blocks) {
    // Reserved for the lines with something other than spaces and tabs on
    // them (an upper bound): growing by doubling would hold up to 1.5 times
    // the final array twice over while it moves (a Block is ~220 bytes).
    blocks_.reserve(max_ ? std::min(lines, max_) : lines);
}

void LineSplitter::end_line(std::string_view content) {
    if (!utf8::trim(content).empty()) {
        Block b;
        b.text = std::string(content);
        b.source_is_text = true;  // one copy of the line, not two
        b.anchors.push_back({0, line_, 1});
        blocks_.push_back(std::move(b));
    }
    ++line_;
}

void LineSplitter::feed(std::string_view piece) {
    size_t i = 0;
    if (after_cr_ && !piece.empty()) {  // the LF of a CR LF split between two pieces
        after_cr_ = false;
        if (piece[0] == '\n') i = 1;
    }
    // The next LF and the next CR at or after i, each found with memchr and
    // searched again only once passed: linear in the piece whatever the line
    // ends (a byte loop here, or find_first_of, was 3 % of a batch check).
    size_t lf = 0, cr = 0;
    bool lf_known = false, cr_known = false;
    auto next_of = [&](char c, size_t& at, bool& known) {
        if (!known || at < i) {
            const void* p = std::memchr(piece.data() + i, c, piece.size() - i);
            at = p ? static_cast<size_t>(static_cast<const char*>(p) - piece.data()) : piece.size();
            known = true;
        }
        return at;
    };
    while (i < piece.size() && !full()) {
        const size_t e = std::min(next_of('\n', lf, lf_known), next_of('\r', cr, cr_known));
        if (e == piece.size()) {  // the line goes on in the next piece
            partial_.append(piece.substr(i));
            return;
        }
        if (partial_.empty()) {
            end_line(piece.substr(i, e - i));
        } else {
            partial_.append(piece.substr(i, e - i));
            end_line(partial_);
            partial_.clear();
        }
        i = e + 1;
        if (piece[e] == '\r') {
            if (i == piece.size()) after_cr_ = true;
            else if (piece[i] == '\n') ++i;
        }
    }
}

std::vector<Block> LineSplitter::finish() {
    if (!partial_.empty() && !full()) end_line(partial_);
    partial_.clear();
    return std::move(blocks_);
}

std::vector<Block> split_lines(std::string_view text, size_t max_blocks) {
    LineSplitter lines(max_blocks ? max_blocks : count_inked_lines(text), max_blocks);
    lines.feed(text);
    return lines.finish();
}

Result read_text(std::string_view bytes, const std::string& path, const Options& opts) {
    if (auto same = decode_in_place(bytes, opts)) {  // UTF-8 already: split the bytes themselves
        SourceDocument doc;
        doc.path = path;
        doc.format = "txt";
        doc.blocks = split_lines(bytes, opts.max_text_lines);
        record_directives(bytes, doc, true);
        record_decoding(doc, *same);
        return doc;
    }
    auto decoded = decode_text(bytes, opts);
    if (auto* bad = std::get_if<UnreadableInput>(&decoded)) return *bad;
    const Decoded& d = std::get<Decoded>(decoded);
    SourceDocument doc;
    doc.path = path;
    doc.format = "txt";
    doc.blocks = split_lines(d.text, opts.max_text_lines);
    record_directives(d.text, doc, true);
    record_decoding(doc, d);
    return doc;
}

}  // namespace plancheck::ingest
