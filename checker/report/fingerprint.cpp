#include "report/fingerprint.h"

#include <cstdint>
#include <cstdio>

#include "report/escape.h"

namespace plancheck::report {

namespace {

void mix(uint64_t& h, std::string_view s) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    h ^= 0xff;  // field separator: ("ab","c") and ("a","bc") differ
    h *= 1099511628211ULL;
}

// Runs of white space as one space, ends trimmed: re-wrapping a paragraph or
// re-indenting a line does not change what the finding is about.
std::string squeeze(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (ws) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// The code points [from, to) of a line (1-based columns, to exclusive).
std::string_view span(std::string_view line, uint32_t from, uint32_t to) {
    size_t i = 0, cp = 1, b = std::string_view::npos;
    while (i <= line.size()) {
        if (cp == from) b = i;
        if (cp == to || i == line.size()) return b == std::string_view::npos ? std::string_view() : line.substr(b, i - b);
        unsigned char c = static_cast<unsigned char>(line[i]);
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        ++cp;
    }
    return {};
}

}  // namespace

std::string fingerprint(const FileReport& file, const Diagnostic& d) {
    uint64_t h = 14695981039346656037ULL;
    mix(h, d.rule);
    mix(h, display_path(file.path));
    std::string_view excerpt = d.excerpt;
    auto nl = excerpt.find('\n');
    std::string_view first = nl == std::string_view::npos ? excerpt : excerpt.substr(0, nl);
    std::string_view offending =
        d.column > 0 && d.end_line == d.line && d.end_column > d.column ? span(first, d.column, d.end_column) : "";
    if (excerpt.empty()) {
        mix(h, d.message);  // a missing part has no text: its message names it
    } else {
        mix(h, squeeze(offending));
        mix(h, squeeze(excerpt));
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

}  // namespace plancheck::report
