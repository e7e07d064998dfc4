#include "extract/dates.h"

#include <string>

#include "core/utf8.h"

namespace plancheck::extract {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max digits at pos; returns the count read (0 if none or too many).
size_t read_int(std::string_view t, size_t pos, size_t max, int& out) {
    size_t i = pos;
    out = 0;
    while (i < t.size() && digit(t[i]) && i - pos < max + 1) out = out * 10 + (t[i++] - '0');
    size_t n = i - pos;
    if (n == 0 || n > max) return 0;
    if (i < t.size() && digit(t[i])) return 0;
    return n;
}

bool word_end(std::string_view t, size_t i) {
    if (i >= t.size()) return true;
    char32_t c = utf8::next(t, i);
    return !(utf8::is_letter(c) || utf8::is_digit(c));
}

// Case-insensitive match of an ASCII-or-Vietnamese lower-case literal whose
// only upper-case variant that matters is the first letter.
size_t match_word(std::string_view t, size_t pos, std::string_view lower, std::string_view upper) {
    for (auto w : {lower, upper}) {
        if (t.substr(pos, w.size()) == w && word_end(t, pos + w.size())) return w.size();
    }
    return 0;
}

size_t skip_spaces(std::string_view t, size_t i) {
    while (i < t.size() && t[i] == ' ') ++i;
    return i;
}

}  // namespace

std::optional<DateMatch> parse_date_at(std::string_view t, size_t pos) {
    int d = 0, m = 0, y = 0;
    size_t n = read_int(t, pos, 2, d);
    if (!n) return std::nullopt;
    size_t i = pos + n;
    if (i < t.size() && (t[i] == '/' || t[i] == '-' || t[i] == '.')) {
        char sep = t[i];
        size_t k = read_int(t, i + 1, 2, m);
        if (!k) return std::nullopt;
        i += 1 + k;
        if (i >= t.size() || t[i] != sep) return std::nullopt;
        size_t l = read_int(t, i + 1, 4, y);
        if (l != 4) return std::nullopt;
        i += 1 + l;
        if (!word_end(t, i) && t[i] != '.') return std::nullopt;
        return DateMatch{{d, m, y}, pos, i};
    }
    // Long form: "21 tháng 11 năm 2019".
    i = skip_spaces(t, i);
    size_t w = match_word(t, i, "tháng", "Tháng");
    if (!w) return std::nullopt;
    i = skip_spaces(t, i + w);
    size_t k = read_int(t, i, 2, m);
    if (!k) return std::nullopt;
    i = skip_spaces(t, i + k);
    w = match_word(t, i, "năm", "Năm");
    if (!w) return std::nullopt;
    i = skip_spaces(t, i + w);
    size_t l = read_int(t, i, 4, y);
    if (l != 4) return std::nullopt;
    return DateMatch{{d, m, y}, pos, i + l};
}

std::optional<DateMatch> parse_ngay_date_at(std::string_view t, size_t pos) {
    size_t w = match_word(t, pos, "ngày", "Ngày");
    if (!w) return std::nullopt;
    return parse_date_at(t, skip_spaces(t, pos + w));
}

Date parse_place_date(std::string_view t) {
    Date d;
    size_t nam = t.rfind("năm");
    if (nam == std::string_view::npos) return d;
    size_t i = skip_spaces(t, nam + std::string_view("năm").size());
    int y = 0;
    if (read_int(t, i, 4, y) != 4) return d;
    d.year = y;
    size_t thang = t.rfind("tháng", nam);
    if (thang != std::string_view::npos) {
        int m = 0;
        if (read_int(t, skip_spaces(t, thang + std::string_view("tháng").size()), 2, m)) d.month = m;
        size_t ngay = t.rfind("ngày", thang);
        int dd = 0;
        if (ngay != std::string_view::npos &&
            read_int(t, skip_spaces(t, ngay + std::string_view("ngày").size()), 2, dd))
            d.day = dd;
    }
    return d;
}

std::string format_date(const Date& d) {
    auto two = [](int v) {
        if (!v) return std::string("..");
        return (v < 10 ? "0" : "") + std::to_string(v);
    };
    if (!d.day && !d.month && d.year) return std::to_string(d.year);
    return two(d.day) + "/" + two(d.month) + "/" + (d.year ? std::to_string(d.year) : "....");
}

std::optional<Date> parse_date_string(std::string_view s) {
    auto m = parse_date_at(s, 0);
    if (!m || m->end != s.size() || s.find(' ') != std::string_view::npos) return std::nullopt;
    return m->date;
}

}  // namespace plancheck::extract
