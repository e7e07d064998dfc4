#include "extract/scan.h"

#include "core/utf8.h"
#include "structure/structure.h"

namespace plancheck::extract {

int section_at(const Outline& o, uint32_t b) {
    int best = -1;
    for (size_t i = 0; i < o.sections.size(); ++i) {
        const Section& s = o.sections[i];
        if (s.block <= b && b < s.body_end) best = static_cast<int>(i);  // pre-order: deeper ones come later
    }
    return best;
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
