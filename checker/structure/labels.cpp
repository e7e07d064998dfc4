// Numbering labels as Vietnamese administrative documents write them.
#include <algorithm>
#include <array>
#include <string>

#include "core/utf8.h"
#include "structure/structure.h"

namespace plancheck::structure {

namespace {
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Consumes spaces after a label; a label must be followed by a space or the end.
bool take_space(std::string_view t, size_t& i) {
    if (i >= t.size()) return true;
    size_t j = i;
    char32_t c = utf8::next(t, j);
    if (!utf8::is_space(c)) return false;
    while (i < t.size()) {
        size_t k = i;
        if (!utf8::is_space(utf8::next(t, k))) break;
        i = k;
    }
    return true;
}
}  // namespace

int letter_index(std::string_view letter) {
    static const std::array<std::string_view, 23> kLetters = {
        "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
        "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
    for (size_t i = 0; i < kLetters.size(); ++i)
        if (kLetters[i] == letter) return static_cast<int>(i) + 1;
    return 0;
}

int roman_value(std::string_view r) {
    static const std::array<std::string_view, 40> kRoman = {
        "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
        "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
        "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX", "XXX",
        "XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV", "XXXVI", "XXXVII", "XXXVIII", "XXXIX"};
    for (size_t i = 1; i < kRoman.size(); ++i)
        if (kRoman[i] == r) return static_cast<int>(i);
    return 0;
}

namespace {
// The next space-separated word of t from i: [begin, end).
std::pair<size_t, size_t> next_word(std::string_view t, size_t i) {
    while (i < t.size()) {
        size_t k = i;
        if (!utf8::is_space(utf8::next(t, k))) break;
        i = k;
    }
    size_t b = i;
    while (i < t.size()) {
        size_t k = i;
        if (utf8::is_space(utf8::next(t, k))) break;
        i = k;
    }
    return {b, i};
}

int ordinal_value(std::string_view folded) {
    static const std::array<std::string_view, 11> kOrd = {"", "nhat", "hai", "ba", "tu", "nam",
                                                          "sau", "bay", "tam", "chin", "muoi"};
    for (size_t i = 1; i < kOrd.size(); ++i)
        if (kOrd[i] == folded) return static_cast<int>(i);
    if (folded == "mot") return 1;
    if (folded == "bon") return 4;
    return 0;
}

// "Phần I", "Phần thứ hai", "Chương II", "Mục 1", "Điều 5." (any case). The
// word must be followed by a numeral; after it comes ".", ":", "-", the end of
// the text or (for a heading on one line) an upper-case letter.
Label parse_division(std::string_view t) {
    Label l;
    auto [w0b, w0e] = next_word(t, 0);
    if (w0b != 0 || w0e == 0 || w0e > 12) return l;
    std::string w0 = utf8::fold(t.substr(0, w0e));
    LabelKind kind = LabelKind::None;
    if (w0 == "phan") kind = LabelKind::Part;
    else if (w0 == "chuong") kind = LabelKind::Chapter;
    else if (w0 == "muc") kind = LabelKind::Subsection;
    else if (w0 == "dieu") kind = LabelKind::Article;
    else return l;
    // "phần", "mục" are common words: only upper-case-initial ones are labels.
    char32_t first = 0;
    {
        size_t k = 0;
        first = utf8::next(t, k);
        std::string one;
        utf8::append(one, first);
        if (utf8::upper(one) != one) return l;
    }
    auto [w1b, w1e] = next_word(t, w0e);
    if (w1b == w1e) return l;
    std::string_view num = t.substr(w1b, w1e - w1b);
    // Separator glued to the numeral: "5.", "I:", "2-".
    size_t numeral_end = w1e;
    while (!num.empty() && (num.back() == '.' || num.back() == ':' || num.back() == '-')) {
        num.remove_suffix(1);
        --numeral_end;
    }
    int value = 0;
    size_t label_end = numeral_end;
    if (!num.empty() && std::all_of(num.begin(), num.end(), is_ascii_digit) && num.size() <= 3)
        value = std::stoi(std::string(num));
    else if (kind != LabelKind::Article && kind != LabelKind::Subsection) {
        std::string up = utf8::upper(num);
        value = roman_value(up);
        if (!value && (kind == LabelKind::Part || kind == LabelKind::Chapter) && utf8::fold(num) == "thu") {
            auto [w2b, w2e] = next_word(t, w1e);
            std::string_view ord = t.substr(w2b, w2e - w2b);
            size_t ord_end = w2e;
            while (!ord.empty() && (ord.back() == '.' || ord.back() == ':')) { ord.remove_suffix(1); --ord_end; }
            value = ordinal_value(utf8::fold(ord));
            label_end = ord_end;
            numeral_end = ord_end;
        }
    }
    if (value <= 0) return l;
    // What follows the numeral.
    size_t j = numeral_end;
    bool sep = false;
    while (j < t.size() && (t[j] == '.' || t[j] == ':' || t[j] == '-' || t[j] == ' ')) {
        sep = sep || t[j] != ' ';
        ++j;
    }
    if (j < t.size() && !sep) {
        size_t k = j;
        char32_t c = utf8::next(t, k);
        std::string one;
        utf8::append(one, c);
        // "Điều 5 của Luật ..." is a reference in running text, not an article.
        if (!utf8::is_letter(c) || utf8::upper(one) != one) return l;
    }
    if (j < t.size() && j == numeral_end) return l;  // "Điều 5x"
    size_t sep_end = numeral_end;
    while (sep_end < t.size() && (t[sep_end] == '.' || t[sep_end] == ':')) ++sep_end;
    l.kind = kind;
    l.number = {value};
    l.text = std::string(utf8::trim(t.substr(0, std::max(label_end, sep_end))));
    l.length = j;
    return l;
}
}  // namespace

Label parse_label(std::string_view t) {
    Label l;
    if (t.empty()) return l;
    if (Label d = parse_division(t); d.kind != LabelKind::None) return d;
    size_t i = 0;
    // Roman numerals (I..XXXIX) followed by "." or ")" or ":".
    while (i < t.size() && (t[i] == 'I' || t[i] == 'V' || t[i] == 'X')) ++i;
    if (i > 0 && i < t.size() && (t[i] == '.' || t[i] == ')' || t[i] == ':')) {
        int v = roman_value(t.substr(0, i));
        size_t j = i + 1;
        if (v && take_space(t, j)) {
            l.kind = LabelKind::Roman;
            l.number = {v};
            l.text = std::string(t.substr(0, i + 1));
            l.length = j;
            return l;
        }
    }
    // Arabic "1." "1)" and multi-level "2.1." "2.1"
    i = 0;
    std::vector<int> nums;
    while (i < t.size() && is_ascii_digit(t[i])) {
        size_t s = i;
        while (i < t.size() && is_ascii_digit(t[i])) ++i;
        if (i - s > 3) return l;  // years, amounts: not labels
        // "1.000 người" is an amount, not label 1.0: inner parts are 1-2 digits, no leading 0.
        if (!nums.empty() && (i - s > 2 || t[s] == '0')) return l;
        nums.push_back(std::stoi(std::string(t.substr(s, i - s))));
        if (i < t.size() && t[i] == '.' && i + 1 < t.size() && is_ascii_digit(t[i + 1])) {
            ++i;
            continue;
        }
        break;
    }
    if (!nums.empty()) {
        size_t j = i;
        bool sep = j < t.size() && (t[j] == '.' || t[j] == ')');
        if (sep) ++j;
        if ((sep || nums.size() > 1) && j < t.size() && take_space(t, j)) {
            l.kind = nums.size() > 1 ? LabelKind::MultiArabic : LabelKind::Arabic;
            l.number = nums;
            l.text = std::string(t.substr(0, sep ? i + 1 : i));
            l.length = j;
            return l;
        }
        return Label{};
    }
    // Letters "a)" "b." "đ)" and upper "A." "B."
    {
        size_t j = 0;
        char32_t c = utf8::next(t, j);
        if (j < t.size() && (t[j] == ')' || t[j] == '.')) {
            std::string letter;
            utf8::append(letter, c);
            size_t k = j + 1;
            // "d). Các tổ chức": a stray point after the parenthesis is a typo
            // of the label, not another label (the item is still d).
            if (t[j] == ')' && k < t.size() && t[k] == '.') ++k;
            bool spaced = k < t.size() && take_space(t, k);
            if (spaced && letter_index(letter)) {
                l.kind = LabelKind::Letter;
                l.number = {letter_index(letter)};
                l.text = std::string(t.substr(0, j + 1));
                l.length = k;
                return l;
            }
            if (spaced && c >= 'A' && c <= 'H' && t[j] == '.') {
                l.kind = LabelKind::UpperLetter;
                l.number = {static_cast<int>(c - 'A') + 1};
                l.text = std::string(t.substr(0, j + 1));
                l.length = k;
                return l;
            }
        }
    }
    // Dashes, plus, bullets.
    {
        size_t j = 0;
        char32_t c = utf8::next(t, j);
        LabelKind k = LabelKind::None;
        if (c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2012) k = LabelKind::Dash;
        else if (c == '+') k = LabelKind::Plus;
        else if (c == 0x2022 || c == 0x25CF || c == 0x25E6 || c == 0x25AA || c == '*' || c == 0x00B7 || c == 0xF0B7)
            k = LabelKind::Bullet;
        size_t after = j;
        if (k != LabelKind::None && j < t.size() && take_space(t, after)) {
            l.kind = k;
            l.text = std::string(t.substr(0, j));
            l.length = after;
        }
    }
    return l;
}

Label parse_container_label(std::string_view label) {
    std::string s(utf8::trim(label));
    if (s.empty()) return {};
    Label l = parse_label(s + " x");
    if (l.kind == LabelKind::None) return {};
    l.length = 0;  // the label is not part of the block text
    return l;
}

int label_rank(const Label& l) {
    switch (l.kind) {
        case LabelKind::Part: return -4;
        case LabelKind::Chapter: return -3;
        case LabelKind::Subsection: return -2;
        case LabelKind::Article: return -1;
        case LabelKind::UpperLetter: return 0;
        case LabelKind::Roman: return 1;
        case LabelKind::Arabic: return 2;
        case LabelKind::MultiArabic: return 2 + static_cast<int>(l.number.size()) - 1;
        case LabelKind::Letter: return 8;
        case LabelKind::Dash: return 9;
        case LabelKind::Plus: return 10;
        case LabelKind::Bullet: return 11;
        case LabelKind::None: return 99;
    }
    return 99;
}

}  // namespace plancheck::structure
