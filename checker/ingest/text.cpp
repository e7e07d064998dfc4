// Plain text: one block per non-blank physical line.
// Handles UTF-8 with or without BOM and LF/CRLF/CR line ends. (Legacy
// encodings: see encoding detection; until then non-UTF-8 input is refused.)
#include <string>

#include "core/utf8.h"
#include "ingest/ingest.h"

namespace plancheck::ingest {

Result read_text(std::string_view bytes, const std::string& path, const Options& /*opts*/) {
    SourceDocument doc;
    doc.path = path;
    doc.format = "txt";
    doc.encoding = "utf-8";
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (!utf8::valid(bytes))
        return UnreadableInput{"the text is not valid UTF-8", "save the file as UTF-8"};
    uint32_t line = 1;
    size_t i = 0;
    while (i <= bytes.size()) {
        size_t e = bytes.find_first_of("\r\n", i);
        if (e == std::string_view::npos) e = bytes.size();
        std::string_view content = bytes.substr(i, e - i);
        if (!utf8::trim(content).empty()) doc.blocks.push_back(make_block(std::string(content), line));
        if (e >= bytes.size()) break;
        i = e + ((bytes[e] == '\r' && e + 1 < bytes.size() && bytes[e + 1] == '\n') ? 2 : 1);
        ++line;
    }
    return doc;
}

}  // namespace plancheck::ingest
