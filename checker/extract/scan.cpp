#include "extract/scan.h"

#include <algorithm>

#include "core/utf8.h"
#include "structure/structure.h"

namespace plancheck::extract {

int section_at(const Outline& o, uint32_t b) {
    // Sections are in pre-order, so in document order, and nested: the
    // deepest one holding b is the last one starting at or before b, or the
    // nearest of its parents that still holds b. A binary search and a walk
    // up, not a scan of every section for every block (a 50 MB report with
    // 60,000 sections spent 90% of its time here).
    const auto& ss = o.sections;
    auto it = std::upper_bound(ss.begin(), ss.end(), b, [](uint32_t blk, const Section& s) { return blk < s.block; });
    int s = static_cast<int>(it - ss.begin()) - 1;
    while (s >= 0 && !(ss[static_cast<size_t>(s)].block <= b && b < ss[static_cast<size_t>(s)].body_end))
        s = ss[static_cast<size_t>(s)].parent;
    return s;
}

bool under_title(const Outline& o, int s, std::string_view phrase) {
    for (; s >= 0; s = o.sections[static_cast<size_t>(s)].parent)
        if (utf8::fold(o.sections[static_cast<size_t>(s)].title).find(phrase) != std::string::npos) return true;
    return false;
}

namespace {
bool is_stop(std::string_view t, size_t i) {
    char c = t[i];
    if (c == ';' || c == '\n' || c == ':') return true;
    if (c == '.' && i + 1 < t.size() && t[i + 1] == ' ') return true;
    if (c == '.' && i + 1 == t.size()) return true;
    return false;
}
}  // namespace

std::pair<size_t, size_t> clause_around(std::string_view t, size_t at) {
    size_t b = at;
    while (b > 0 && !is_stop(t, b - 1)) --b;
    size_t e = at;
    while (e < t.size() && !is_stop(t, e)) ++e;
    return {b, e};
}

bool may_have_year(std::string_view text) {
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    for (size_t i = 0; i + 4 <= text.size(); ++i) {
        char a = text[i], b = text[i + 1];
        if (((a == '1' && b == '9') || (a == '2' && b == '0')) && digit(text[i + 2]) && digit(text[i + 3]))
            return true;
    }
    return false;
}

bool has_digit(std::string_view text) {
    for (char c : text)
        if (c >= '0' && c <= '9') return true;
    return false;
}

size_t after_label(std::string_view text) {
    auto l = structure::parse_label(text);
    return l.kind == LabelKind::None ? 0 : l.length;
}

}  // namespace plancheck::extract
