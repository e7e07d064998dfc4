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
    uint32_t line = 1;
    size_t i = 0;
    while (i <= text.size()) {
        // A plain loop: find_first_of calls memchr on the two-byte set for
        // every byte of the text (4 % of a batch check).
        size_t e = i;
        while (e < text.size() && text[e] != '\n' && text[e] != '\r') ++e;
        std::string_view content = text.substr(i, e - i);
        if (!utf8::trim(content).empty()) blocks.push_back(make_block(std::string(content), line));
        if (e >= text.size()) break;
        i = e + ((text[e] == '\r' && e + 1 < text.size() && text[e + 1] == '\n') ? 2 : 1);
        ++line;
    }
    return blocks;
}

Result read_text(std::string_view bytes, const std::string& path, const Options& opts) {
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
