#include "ingest/directives.h"

#include <algorithm>
#include <set>

#include "core/utf8.h"

namespace plancheck::ingest {

namespace {
// Byte offsets where each physical line starts (LF, CRLF and CR end a line,
// as in split_lines).
std::vector<size_t> line_starts(std::string_view t) {
    std::vector<size_t> s{0};
    for (size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '\r' && i + 1 < t.size() && t[i + 1] == '\n') ++i;
        if (t[i] == '\n' || t[i] == '\r') s.push_back(i + 1);
    }
    return s;
}

struct Locator {
    std::string_view t;
    std::vector<size_t> starts;
    // The last position found: calls come in increasing order, so columns are
    // counted on from there (not from the line start: a long line holding
    // many comments would be counted over and over).
    size_t last_at = 0, last_line = 0;
    uint32_t last_col = 1;
    // 1-based (line, column in code points) of byte `at`.
    std::pair<uint32_t, uint32_t> at(size_t at) {
        size_t l = static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), at) - starts.begin()) - 1;
        size_t from = starts[l];
        uint32_t col = 1;
        if (l == last_line && at >= last_at && last_at >= from) from = last_at, col = last_col;
        col += static_cast<uint32_t>(utf8::count(t.substr(from, at - from)));
        last_at = at, last_line = l, last_col = col;
        return {static_cast<uint32_t>(l + 1), col};
    }
    std::string_view line_text(uint32_t line) const {
        size_t b = starts[line - 1];
        size_t e = b;
        while (e < t.size() && t[e] != '\n' && t[e] != '\r') ++e;
        return t.substr(b, e - b);
    }
};

void add(SourceDocument& doc, Directive d, Locator& loc, size_t b, size_t e) {
    if (doc.directives.size() > kMaxDirectives) return;
    if (doc.directives.size() == kMaxDirectives) {
        d.kind = Directive::Kind::Overflow;
        d.names.clear();
    }
    auto [l, c] = loc.at(b);
    auto [el, ec] = loc.at(e);
    d.line = l, d.column = c, d.end_line = el, d.end_column = ec;
    std::string_view line = loc.line_text(l);
    size_t cut = std::min<size_t>(line.size(), 1000);  // an excerpt, not a whole minified page
    while (cut < line.size() && cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    d.source = std::string(line.substr(0, cut));
    doc.directives.push_back(std::move(d));
}
}  // namespace

void record_directives(std::string_view text, SourceDocument& doc, bool line_comments) {
    if (text.find("plancheck-") == std::string_view::npos) return;  // the usual case: nothing to do
    Locator loc{text, line_starts(text)};
    std::set<uint32_t> directive_lines;  // .txt lines that hold only a directive
    // <!-- ... --> comments (in .txt only a line that is one whole comment).
    for (size_t i = text.find("<!--"); i != std::string_view::npos; i = text.find("<!--", i)) {
        size_t close = text.find("-->", i + 4);
        size_t end = close == std::string_view::npos ? text.size() : close + 3;
        std::string_view inner = text.substr(i + 4, (close == std::string_view::npos ? text.size() : close) - i - 4);
        auto d = parse_directive(inner);
        if (d) {
            uint32_t line = loc.at(i).first;
            if (!line_comments) {
                add(doc, std::move(*d), loc, i, end);
            } else if (utf8::trim(loc.line_text(line)) == utf8::trim(text.substr(i, end - i))) {
                add(doc, std::move(*d), loc, i, end);
                directive_lines.insert(line);
            }
        }
        i = end;
    }
    if (line_comments) {
        for (uint32_t l = 1; l <= loc.starts.size(); ++l) {
            std::string_view s = loc.line_text(l);
            std::string_view tr = utf8::trim(s);
            size_t marker = tr.rfind("//", 0) == 0 ? 2 : tr.rfind("#", 0) == 0 ? 1 : 0;
            if (!marker) continue;
            auto d = parse_directive(tr.substr(marker));
            if (!d) continue;
            size_t b = loc.starts[l - 1] + static_cast<size_t>(tr.data() - s.data());
            add(doc, std::move(*d), loc, b, b + tr.size());
            directive_lines.insert(l);
        }
        doc.blocks.erase(std::remove_if(doc.blocks.begin(), doc.blocks.end(),
                                        [&](const Block& b) { return directive_lines.count(b.line()) > 0; }),
                         doc.blocks.end());
    }
    std::stable_sort(doc.directives.begin(), doc.directives.end(),
                     [](const Directive& a, const Directive& b) { return a.line < b.line; });
}

}  // namespace plancheck::ingest
