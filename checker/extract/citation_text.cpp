#include "extract/citation_text.h"


#include "core/utf8.h"

namespace plancheck::extract {

Text::Text(std::string_view text) : t(text), low(utf8::lower_same_length(text)) {}

char32_t Text::cp(size_t i, size_t* len) const {
    size_t j = i;
    char32_t c = utf8::next(t, j);
    if (len) *len = j - i;
    return c;
}

size_t Text::prev(size_t i) const {
    if (i == 0) return 0;
    --i;
    while (i > 0 && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) --i;
    return i;
}

bool Text::word_cp(char32_t c) { return utf8::is_letter(c) || utf8::is_digit(c); }

bool Text::word_char(size_t i) const { return i < t.size() && word_cp(cp(i)); }

bool Text::word_start(size_t i) const { return word_char(i) && (i == 0 || !word_char(prev(i))); }

size_t Text::word_end(size_t i) const {
    while (i < t.size()) {
        size_t j = i;
        char32_t c = utf8::next(t, j);
        if (!word_cp(c)) break;
        i = j;
    }
    return i;
}

size_t Text::skip_spaces(size_t i) const {
    while (i < t.size() && t[i] == ' ') ++i;
    return i;
}

bool Text::upper_initial(size_t i) const {
    if (i >= t.size()) return false;
    size_t len = 1;
    char32_t c = cp(i, &len);
    return utf8::is_letter(c) && low.compare(i, len, t.substr(i, len)) != 0;
}

size_t Text::lit(size_t i, std::string_view l) const {
    if (i + l.size() > low.size() || low.compare(i, l.size(), l) != 0) return 0;
    return boundary(i + l.size()) ? l.size() : 0;
}

size_t Text::exact(size_t i, std::string_view s) const {
    if (t.substr(i, s.size()) != s) return 0;
    return boundary(i + s.size()) ? s.size() : 0;
}

std::string_view Text::low_word(size_t i) const {
    if (!word_char(i)) return {};
    return std::string_view(low).substr(i, word_end(i) - i);
}

}  // namespace plancheck::extract
