// Plain text: one block per non-blank physical line, LF/CRLF/CR line ends.
// Decoding (BOMs, UTF-16, legacy Vietnamese tables) is in decode.cpp; a line
// number is the physical line, a column the code point in the decoded line.
#include <string>

#include "core/utf8.h"
#include "ingest/decode.h"
#include "ingest/directives.h"
#include "ingest/ingest.h"

namespace plancheck::ingest {

std::vector<Block> split_lines(std::string_view text) {
    std::vector<Block> blocks;
    // Reserved for the lines with something other than spaces and tabs on
    // them (an upper bound): growing by doubling would hold up to 1.5 times
    // the final array twice over while it moves (a Block is ~220 bytes).
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
    blocks.reserve(inked + ink);
    uint32_t line = 1;
    size_t i = 0;
    while (i <= text.size()) {
        // A plain loop: find_first_of calls memchr on the two-byte set for
        // every byte of the text (4 % of a batch check).
        size_t e = i;
        while (e < text.size() && text[e] != '\n' && text[e] != '\r') ++e;
        std::string_view content = text.substr(i, e - i);
        if (!utf8::trim(content).empty()) {
            Block b;
            b.text = std::string(content);
            b.source_is_text = true;  // one copy of the line, not two
            b.anchors.push_back({0, line, 1});
            blocks.push_back(std::move(b));
        }
        if (e >= text.size()) break;
        i = e + ((text[e] == '\r' && e + 1 < text.size() && text[e + 1] == '\n') ? 2 : 1);
        ++line;
    }
    return blocks;
}

Result read_text(std::string_view bytes, const std::string& path, const Options& opts) {
    if (auto same = decode_in_place(bytes, opts)) {  // UTF-8 already: split the bytes themselves
        SourceDocument doc;
        doc.path = path;
        doc.format = "txt";
        doc.blocks = split_lines(bytes);
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
    doc.blocks = split_lines(d.text);
    record_directives(d.text, doc, true);
    record_decoding(doc, d);
    return doc;
}

}  // namespace plancheck::ingest
