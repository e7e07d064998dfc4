#include "rules/kinds/presentation_common.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

#include "core/utf8.h"

namespace plancheck::rules::presentation {

std::string decimal(double v, bool en) {
    double r = std::round(v * 10.0) / 10.0;
    long whole = std::lround(std::floor(r + 1e-9));
    int tenth = static_cast<int>(std::lround((r - static_cast<double>(whole)) * 10.0));
    if (tenth == 10) { ++whole; tenth = 0; }
    std::string s = std::to_string(whole);
    if (tenth != 0) s += (en ? "." : ",") + std::to_string(tenth);
    return s;
}

std::string points(uint32_t half_points, bool en) { return decimal(half_points / 2.0, en); }

std::string point_range(double lo, double hi, bool en) {
    if (lo == hi) return decimal(lo, en) + " pt";
    return decimal(lo, en) + "\xE2\x80\x93" + decimal(hi, en) + " pt";
}

size_t run_letters(const Block& b, const RunFormat& r, uint32_t from_column, uint32_t to_column) {
    if (b.anchors.empty()) return 0;
    const Anchor& a = b.anchors.front();
    if (r.line != a.line || r.end_line != r.line) {
        // A later line of a block joined across paragraphs or printed lines
        // (a PDF): its code points, unchecked; none when only a stretch of
        // the first line is asked for (a label such as "Điều 1.").
        if (from_column > 0 || to_column != UINT32_MAX) return 0;
        return r.end_line == r.line && r.end_column > r.column ? r.end_column - r.column : 1;
    }
    // Code points [column, end_column) of the source, clipped to the block
    // (a run of spaces before its first column is not its text) and to
    // [from_column, to_column).
    uint32_t lo = std::max({r.column, a.column, from_column}), hi = std::min(r.end_column, to_column);
    if (hi <= lo) return 0;
    std::string_view s = b.original();
    size_t i = 0, letters = 0;
    for (uint32_t col = a.column; i < s.size() && col < hi; ++col) {
        char32_t c = utf8::next(s, i);
        if (c == '\n') break;  // a later line of a multi-line block: its own positions
        if (col >= lo && (utf8::is_letter(c) || (c >= '0' && c <= '9'))) ++letters;
    }
    return letters;
}

Dominant dominant(const Block& b, uint32_t begin, uint32_t end) {
    Dominant d;
    if (!b.format || b.anchors.empty()) return d;
    uint32_t from = 0, to = UINT32_MAX;
    if (begin < end && end <= b.text.size()) {
        Pos pb = b.locate(begin), pe = b.locate(end);
        if (pb.line == b.line() && pe.line == pb.line) from = pb.column, to = pe.column;
    }
    std::map<uint32_t, size_t> sizes;
    for (const auto& r : b.format->runs) {
        size_t n = run_letters(b, r, from, to);
        if (!n) continue;
        d.letters += n;
        if (r.bold) d.bold += n;
        if (r.italic) d.italic += n;
        sizes[r.size] += n;
    }
    size_t best = 0;
    for (auto [sz, n] : sizes)
        if (n > best) best = n, d.size = sz;
    return d;
}

bool shares_line(const Model& m, uint32_t b) {
    const auto& blocks = m.doc->blocks;
    uint32_t line = blocks[b].line();
    for (uint32_t k = b > 8 ? b - 8 : 0; k < blocks.size() && k < b + 9; ++k)
        if (k != b && blocks[k].line() == line) return true;
    return false;
}

bool has_run_facts(const SourceDocument& d) {
    for (const auto& b : d.blocks)
        if (b.format && !b.format->runs.empty()) return true;
    return false;
}

}  // namespace plancheck::rules::presentation
