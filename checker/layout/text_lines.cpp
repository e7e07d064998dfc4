// Plain-text layout recovery: the line-level heuristics (see text_layout.h).
#include <algorithm>
#include <array>
#include <initializer_list>

#include "core/utf8.h"
#include "layout/text_layout.h"

namespace plancheck::layout::text {

namespace {

bool is_ws(char32_t c) { return utf8::is_space(c) || c == '\f' || c == '\v'; }

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool is_upper_letter(char32_t c) {
    if (!utf8::is_letter(c)) return false;
    std::string one;
    utf8::append(one, c);
    return utf8::lower(one) != one;
}
bool is_lower_letter(char32_t c) {
    if (!utf8::is_letter(c)) return false;
    std::string one;
    utf8::append(one, c);
    return utf8::upper(one) != one;
}

char32_t first_cp(std::string_view s) {
    size_t i = 0;
    return s.empty() ? 0 : utf8::next(s, i);
}
char32_t last_cp(std::string_view s, size_t* at = nullptr) {
    if (s.empty()) return 0;
    size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    if (at) *at = i;
    size_t j = i;
    return utf8::next(s, j);
}

bool is_bar(char32_t c) { return c == '|' || c == 0xA6 || c == 0x2502 || c == 0x2503 || c == 0x2551; }

// Removes white space at both ends; returns the byte offset of the first kept byte.
std::string_view trim_ws(std::string_view s, size_t* lead = nullptr) {
    size_t b = 0;
    while (b < s.size()) {
        size_t i = b;
        if (!is_ws(utf8::next(s, i))) break;
        b = i;
    }
    size_t e = s.size();
    while (e > b) {
        size_t at = 0;
        if (!is_ws(last_cp(s.substr(0, e), &at))) break;
        e = at;
    }
    if (lead) *lead = b;
    return s.substr(b, e - b);
}

size_t word_count(std::string_view f) {
    size_t n = 0;
    bool in = false;
    for (char c : f) {
        if (c == ' ') in = false;
        else if (!in) in = true, ++n;
    }
    return n;
}

// `p` is `t`, or the first words of `t`, word for word.
bool word_prefix(std::string_view p, std::string_view t) {
    return !p.empty() && starts_with(t, p) && (p.size() == t.size() || t[p.size()] == ' ');
}

constexpr std::array<std::string_view, 3> kFieldTemplates = {
    "cong hoa xa hoi chu nghia viet nam", "dang cong san viet nam", "doc lap tu do hanh phuc"};

bool is_roman(std::string_view s) {
    if (s.empty() || s.size() > 6) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c == 'I' || c == 'V' || c == 'X'; });
}

// A numbering label at the start: "II.", "2.", "2.1.", "2)", "a)", "đ.", "A.",
// a bullet, "Điều 3", "Chương II", "Mục 1", "Phần I".
bool is_label_start(std::string_view t) {
    size_t i = 0;
    while (i < t.size() && (t[i] == 'I' || t[i] == 'V' || t[i] == 'X')) ++i;
    auto spaced = [&](size_t k) { return k >= t.size() || t[k] == ' ' || t[k] == '\t'; };
    if (i > 0 && i <= 6 && i < t.size() && (t[i] == '.' || t[i] == ')' || t[i] == ':') && spaced(i + 1)) return true;
    // Arabic, multi-level.
    i = 0;
    int groups = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
        size_t s = i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
        if (i - s > 3) return false;  // years, amounts (as the structure stage reads labels)
        // "48.209 người" is an amount, not label 48.209: inner parts are 1-2 digits, no leading 0.
        if (groups > 0 && (i - s > 2 || t[s] == '0')) return false;
        ++groups;
        if (i + 1 < t.size() && t[i] == '.' && t[i + 1] >= '0' && t[i + 1] <= '9') {
            ++i;
            continue;
        }
        break;
    }
    if (groups > 0) {
        if (i < t.size() && (t[i] == '.' || t[i] == ')')) return spaced(i + 1);
        return groups > 1 && spaced(i);
    }
    // Letters "a)" "b." "đ)" "A.".
    {
        size_t j = 0;
        char32_t c = utf8::next(t, j);
        if (utf8::is_letter(c) && j < t.size() && (t[j] == ')' || (t[j] == '.' && j + 1 < t.size())) &&
            spaced(j + 1) && (c < 0x80 || c == 0x111 || c == 0x110))
            return true;
    }
    // Bullets.
    {
        size_t j = 0;
        char32_t c = utf8::next(t, j);
        if ((c == '-' || c == '+' || c == '*' || c == 0x2013 || c == 0x2014 || c == 0x2022 || c == 0x25CF ||
             c == 0x25CB || c == 0x25E6 || c == 0xF0B7) &&
            spaced(j))
            return true;
    }
    // "Điều 3.", "Chương II", "Mục 2", "Phần I" (capitalised).
    if (is_upper_letter(first_cp(t))) {
        std::string f = utf8::fold(t.substr(0, utf8::floor_boundary(t, std::min<size_t>(t.size(), 24))));
        for (std::string_view w : {"dieu ", "chuong ", "muc ", "phan "}) {
            if (!starts_with(f, w)) continue;
            std::string_view rest = std::string_view(f).substr(w.size());
            std::string_view tok = rest.substr(0, rest.find(' '));
            std::string up = utf8::upper(tok);
            if (!tok.empty() && (std::all_of(tok.begin(), tok.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
                                 is_roman(up)))
                return true;
        }
    }
    return false;
}

// Code points of the label and the spaces after it ("- " = 2, "1.1. " = 5),
// 0 when the text does not start with one.
uint32_t label_width(std::string_view t) {
    if (!is_label_start(t)) return 0;
    size_t i = 0;
    while (i < t.size() && t[i] != ' ' && t[i] != '\t') ++i;
    if (utf8::fold(t.substr(0, i)) == "dieu" || utf8::fold(t.substr(0, i)) == "chuong") return 0;
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
    return static_cast<uint32_t>(utf8::count(t.substr(0, i)));
}

bool has_year_after_ngay(std::string_view f) {
    // Complete place-date: "... ngay .. thang .. nam 2024" or "ngay 12 3 2024".
    auto ngay = f.find("ngay");
    if (ngay == std::string_view::npos) return false;
    std::string_view rest = f.substr(ngay);
    auto nam = rest.find(" nam ");
    if (nam != std::string_view::npos) {
        std::string_view y = rest.substr(nam + 5, 4);
        return y.size() == 4 && std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; });
    }
    int numbers = 0;
    for (size_t i = 4; i < rest.size();) {
        while (i < rest.size() && rest[i] == ' ') ++i;
        size_t s = i;
        while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') ++i;
        if (i == s) break;
        ++numbers;
    }
    return numbers >= 3;
}

// "<place>, ngày ..." (the place at most four words) or "ngày ... tháng ...".
bool place_date_start(std::string_view t) {
    std::string f = utf8::fold(t);
    auto ngay = f.find("ngay");
    if (ngay == std::string::npos) return false;
    if (ngay == 0) return f.find("thang") != std::string::npos;
    auto comma = t.find(',');
    if (comma == std::string_view::npos || comma > 48) return false;
    std::string before = utf8::fold(t.substr(0, comma));
    std::string after = utf8::fold(t.substr(comma + 1));
    return word_count(before) <= 4 && starts_with(after, "ngay");
}

bool is_number_line(std::string_view t) {
    // "Số: 12/KH-UBND", "Số 12/...", "Số:    /KH-...".
    if (!starts_with(t, "Số") && !starts_with(t, "SỐ")) return false;
    std::string_view rest = t.substr(std::string_view("Số").size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (!rest.empty() && rest.front() == ':') return true;
    return !rest.empty() && ((rest.front() >= '0' && rest.front() <= '9') || rest.front() == '/');
}

}  // namespace

bool is_header_line(std::string_view t) {
    if (is_number_line(t)) return true;
    // The titles and the motto hold "Ộ"/"ộ" (CỘNG, Độc) or "Ả"/"ả" (ĐẢNG):
    // fold only lines that have one, or that have combining marks (NFD text).
    auto has = [&](std::string_view b) { return t.find(b) != std::string_view::npos; };
    if (has("\xE1\xBB\x98") || has("\xE1\xBB\x99") || has("\xE1\xBA\xA2") || has("\xE1\xBA\xA3") ||
        has("\xCC") || has("\xCD")) {
        std::string f = utf8::fold(t);
        for (auto tpl : kFieldTemplates)
            if (f.find(tpl.substr(0, tpl.find(' ', 10))) != std::string::npos) return true;
    }
    return utf8::count(t) <= 60 && place_date_start(t) &&
           (has_year_after_ngay(utf8::fold(t)) || utf8::fold(t).find("thang") != std::string::npos);
}

namespace {

bool is_name_like_upper(std::string_view t) {
    // An upper-case line of at least two words (a heading, a type name, an
    // agency, a signer's position).
    if (!utf8::is_upper_text(t)) return false;
    std::string f = utf8::fold(t);
    return word_count(f) >= 2 || t.size() >= 8;
}

bool ends_on_connective(std::string_view t) {
    static const std::array<std::string_view, 24> kWords = {
        "cua", "va", "cac", "nhung", "voi", "de", "cho", "nhu", "la", "tai", "trong", "theo",
        "tu", "den", "ve", "nham", "gom", "hoac", "ma", "boi", "duoc", "bi", "so", "ngay"};
    auto sp = t.find_last_of(' ');
    if (sp == std::string_view::npos || !utf8::is_letter(last_cp(t))) return false;  // "gồm:" ends a clause
    std::string_view w = t.substr(sp + 1);
    char32_t c = first_cp(w);
    if (!is_lower_letter(c)) return false;
    std::string f = utf8::fold(w);
    return std::find(kWords.begin(), kWords.end(), f) != kWords.end();
}

bool ends_sentence(std::string_view t) {
    size_t at = 0;
    char32_t end = last_cp(t, &at);
    if ((end == 0x201D || end == '"' || end == ')' || end == '\'') && at > 0) end = last_cp(t.substr(0, at));
    return end == '.' || end == ';' || end == ':' || end == '!' || end == '?';
}

uint32_t first_word_width(std::string_view t) {
    uint32_t n = 0;
    for (size_t i = 0; i < t.size();) {
        if (is_ws(utf8::next(t, i))) break;
        ++n;
    }
    return n;
}

bool ends_on_word(std::string_view t, std::initializer_list<std::string_view> words) {
    auto sp = t.find_last_of(' ');
    std::string f = utf8::fold(t.substr(sp == std::string_view::npos ? 0 : sp + 1));
    return std::find(words.begin(), words.end(), f) != words.end();
}

}  // namespace

bool is_border_line(std::string_view t) {
    if (t.empty()) return false;
    bool vertical = false, plus = false, rule = false;
    for (size_t i = 0; i < t.size();) {
        char32_t c = utf8::next(t, i);
        if (is_bar(c) || c == 0x253C || c == 0x251C || c == 0x2524 || c == 0x2560 || c == 0x2563 || c == 0x256C ||
            c == 0x252C || c == 0x2534 || c == 0x250C || c == 0x2510 || c == 0x2514 || c == 0x2518 ||
            (c >= 0x2554 && c <= 0x256C))
            vertical = true;
        else if (c == '+')
            plus = true;
        else if (c == '-' || c == '=' || c == '_' || c == 0x2500 || c == 0x2501 || c == 0x2550)
            rule = true;
        else if (!(c == ' ' || c == '\t' || c == ':'))
            return false;
    }
    return vertical || (plus && rule);
}

size_t column_gap(std::string_view t) {
    size_t i = 0;
    while (i < t.size()) {
        if (t[i] != ' ' && t[i] != '\t') {
            ++i;
            continue;
        }
        size_t s = i;
        bool tab = false;
        while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) tab |= t[i++] == '\t';
        if (s == 0 || i >= t.size() || (!tab && i - s < 3)) continue;
        std::string_view left = trim_ws(t.substr(0, s));
        std::string_view right = t.substr(i);
        char32_t c = first_cp(right);
        if (c == '(') {
            size_t k = 1;
            c = k < right.size() ? utf8::next(right, k) : 0;
        }
        if (!is_upper_letter(c) || utf8::count(left) < 2 || utf8::count(left) > 60) continue;
        std::string fl = utf8::fold(left);
        // "Kính gửi:   Ủy ban ...", "V/v    Góp ý ...": a label and its value.
        if ((left.back() == ':' && !starts_with(fl, "noi nhan")) || fl == "v v") continue;
        return i;
    }
    return std::string_view::npos;
}

bool header_fragments(std::string_view a, std::string_view b) {
    std::string fa = utf8::fold(a), fb = utf8::fold(b);
    if (fa.empty() || fb.empty()) return false;
    std::string fab = fa + " " + fb;
    for (auto tpl : kFieldTemplates)
        if (word_prefix(fa, tpl) && fa.size() < tpl.size() && word_prefix(fab, tpl)) return true;
    if (split_first_word(a, b)) return true;
    // "V/v hoàn thiện hồ sơ" / "chuẩn bị đại hội": the summary under the number.
    if (starts_with(fa, "v v ") && !starts_block(b)) return true;
    // "Số:" / "12/KH-UBND"; "Số: 95" / "/TTr-SNV" (the number stamped into
    // the blank, the symbol printed after it).
    if (fa == "so" && a.size() <= 6) {
        char32_t c = first_cp(b);
        return (c >= '0' && c <= '9') || c == '/';
    }
    if (is_number_line(a) && a.find('/') == std::string_view::npos && first_cp(b) == '/' && word_count(fb) <= 3)
        return true;
    // "Sơn" / "La, ngày 11 tháng 3": the place broken before the comma.
    if (fa.find("ngay") == std::string::npos && word_count(fa) <= 3 && a.find(':') == std::string_view::npos &&
        std::none_of(fa.begin(), fa.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        is_upper_letter(first_cp(a)) && !utf8::is_upper_text(a)) {
        auto comma = b.find(',');
        if (comma != std::string_view::npos && comma <= 40) {
            std::string before = utf8::fold(b.substr(0, comma));
            std::string after = utf8::fold(b.substr(comma + 1));
            if (word_count(before) + word_count(fa) <= 4 && starts_with(after, "ngay") &&
                !std::any_of(before.begin(), before.end(), [](char c) { return c >= '0' && c <= '9'; }))
                return true;
        }
    }
    // "..., ngày 11 tháng 3" / "năm 2020": the date broken before its end.
    if (place_date_start(a) && !has_year_after_ngay(fa) && word_count(fb) <= 4 &&
        (starts_with(fb, "nam") || starts_with(fb, "thang") || (fb[0] >= '0' && fb[0] <= '9')))
        return true;
    return false;
}

WrapStats wrap_stats(const std::vector<Piece>& pieces) {
    WrapStats st;
    std::vector<uint32_t> edges;
    for (const auto& p : pieces)
        if (p.column == 0 && !p.furniture && p.width >= 10) edges.push_back(p.right());
    if (edges.size() < 5) return st;
    std::sort(edges.begin(), edges.end());
    size_t best = 0;
    uint32_t best_r = 0;
    for (size_t k = 0; k < edges.size(); ++k) {
        uint32_t r = edges[k];
        if (r < 40 || r > 200 || (k + 1 < edges.size() && edges[k + 1] == r)) continue;
        // Lines ending in (0.85 r, r].
        auto lo = std::upper_bound(edges.begin(), edges.end(), static_cast<uint32_t>(r * 0.85));
        auto n = static_cast<size_t>(edges.begin() + static_cast<long>(k) + 1 - lo);
        if (n >= best) best = n, best_r = r;
    }
    if (!best_r) return st;
    auto over_from = std::upper_bound(edges.begin(), edges.end(), static_cast<uint32_t>(best_r * 1.1));
    auto over = static_cast<size_t>(edges.end() - over_from);
    st.width = best_r;
    st.cluster = static_cast<double>(best) / static_cast<double>(edges.size());
    st.over = static_cast<double>(over) / static_cast<double>(edges.size());
    // Or: lines that plainly go on in the next one (it starts in lower case,
    // or this one ends on "của", "và", ...), which a file with one paragraph
    // per line does not have. Short files (a one-page letter) rarely show the
    // width cluster, but show these.
    size_t goes_on = 0;
    for (size_t k = 1; k < pieces.size(); ++k) {
        const Piece& a = pieces[k - 1];
        const Piece& b = pieces[k];
        if (a.column != 0 || b.column != 0 || b.hard_before || a.furniture || b.furniture) continue;
        if (b.starts < 0) b.starts = starts_block(b.text);
        if (b.starts || is_name_like_upper(a.text)) continue;
        if (is_lower_letter(first_cp(b.text)) || ends_on_connective(a.text)) ++goes_on;
    }
    st.goes_on = goes_on;
    // Wrapped at a fixed width (fold, fmt, an editor; not a PDF's proportional
    // text): every certain wrap (the next line starts in lower case) was forced,
    // its first word would not have fitted on the line before. Then a forced
    // break after a full stop is a wrap too.
    uint32_t max_edge = edges.back();
    size_t certain = 0, forced = 0;
    for (size_t k = 1; k < pieces.size(); ++k) {
        const Piece& a = pieces[k - 1];
        const Piece& b = pieces[k];
        if (a.column != 0 || b.column != 0 || b.hard_before || a.furniture || b.furniture) continue;
        if (b.starts < 0) b.starts = starts_block(b.text);
        if (!is_lower_letter(first_cp(b.text)) || b.starts || ends_sentence(a.text)) continue;
        ++certain;
        forced += a.right() + 1 + first_word_width(b.text) > max_edge;
    }
    st.max_width = max_edge;
    st.fixed_width = max_edge <= 200 && certain >= 5 && forced * 20 >= certain * 19;
    st.wrapped = (best >= 3 && st.cluster >= 0.3 && st.cluster >= 2 * st.over) ||
                 (goes_on >= 3 && goes_on * 8 >= edges.size());
    // Paragraphs separated by blank lines: nearly every numbered item or basis
    // (three in four) has one before it. Then lines without one between them are one paragraph.
    size_t starts = 0, blank = 0;
    for (size_t k = 1; k < pieces.size(); ++k) {
        const Piece& p = pieces[k];
        if (p.column != 0 || p.furniture || !is_label_start(p.text)) continue;
        ++starts;
        blank += p.hard_before;
    }
    st.blank_paragraphs = starts >= 4 && blank * 4 >= starts * 3;
    return st;
}

bool starts_block(std::string_view t) {
    if (t.empty()) return true;
    if (is_label_start(t)) return true;
    char32_t c0 = first_cp(t);
    if (is_upper_letter(c0)) {
        std::string f = utf8::fold(t.substr(0, utf8::floor_boundary(t, std::min<size_t>(t.size(), 40))));
        for (std::string_view lead : {"can cu", "thuc hien", "trien khai", "theo de nghi", "xet de nghi", "kinh gui",
                                      "noi nhan", "v v "})
            if (word_prefix(lead, f) || (lead.back() == ' ' && starts_with(f, lead))) return true;
    }
    for (std::string_view p : {"TM.", "KT.", "TL.", "TUQ.", "T/M", "K/T", "T.M.", "Q. "})
        if (starts_with(t, p)) return true;
    if (c0 == '(') {
        std::string f = utf8::fold(t.substr(0, utf8::floor_boundary(t, std::min<size_t>(t.size(), 24))));
        if (starts_with(f, "da ky") || starts_with(f, "ky ")) return true;
        // "(Ban hành kèm theo Quyết định số ...": the attachment note under a
        // title is a header field of its own, never the title's continuation.
        if (starts_with(f, "ban hanh kem theo") || starts_with(f, "kem theo")) return true;
    }
    if (is_header_line(t)) return true;
    return is_name_like_upper(t);
}

bool is_page_number(std::string_view t) {
    std::string_view s = t;
    if (starts_with(utf8::fold(t), "trang ")) s = trim_ws(s.substr(s.find(' ')));
    size_t digits = 0;
    bool run_done = false;
    for (size_t i = 0; i < s.size();) {
        char32_t c = utf8::next(s, i);
        if (c >= '0' && c <= '9') {
            if (run_done) return false;
            ++digits;
        } else if (c == '-' || c == ' ' || c == 0x2013) {
            if (digits) run_done = true;
        } else {
            return false;
        }
    }
    return digits >= 1 && digits <= 3;
}

bool split_first_word(std::string_view a, std::string_view b) {
    // "ỦY" / "BAN NHÂN DÂN", "VỀ" / "VIỆC BAN HÀNH ...": one short upper-case
    // word alone, the rest of its upper-case line below.
    if (a.empty() || a.size() > 8 || a.find(' ') != std::string_view::npos || !utf8::is_upper_text(a)) return false;
    if (utf8::count(a) > 3 || is_roman(a) || !is_upper_letter(first_cp(a))) return false;
    for (size_t i = 0; i < a.size();) {
        if (!utf8::is_letter(utf8::next(a, i))) return false;
    }
    return utf8::is_upper_text(b) && !is_label_start(b) && !is_header_line(b);
}

bool continues(const Piece& first, const Piece& prev, const Piece& next, const WrapStats& st) {
    if (!st.wrapped || !st.width) return false;
    if (next.hard_before && !next.page_before) return false;
    if (prev.column != 0 || next.column != 0) return false;
    if (&first == &prev && split_first_word(prev.text, next.text)) return true;
    if (next.starts < 0) next.starts = starts_block(next.text);
    if (next.starts) return false;
    if (prev.closes < 0) prev.closes = is_name_like_upper(prev.text) || is_header_line(prev.text);
    if (prev.closes) return false;
    // Indentation (text laid out by position, as pdftotext -layout does): a
    // line indented past the paragraph's text starts a new paragraph; the
    // text of a numbered item may hang under its label ("- Các đơn vị ..." /
    // "  trực thuộc ...").
    uint32_t hang = &first == &prev ? label_width(first.text) : 0;
    if (next.col >= prev.col + 2 + hang) return false;
    // The paragraph's first line is indented and this one is not: it goes on,
    // whatever the punctuation.
    const bool outdented = &first == &prev && next.col + 3 <= first.col && !is_label_start(first.text);
    // First word of next.
    uint32_t fw = 0;
    for (size_t i = 0; i < next.text.size();) {
        char32_t c = utf8::next(next.text, i);
        if (is_ws(c)) break;
        ++fw;
    }
    const double w = st.width;
    const double e = prev.right();
    const double fit = e + 1 + fw;
    char32_t c = first_cp(next.text);
    if (c == '(' || c == 0x201C || c == '"' || c == '\'') {
        size_t k = 0;
        utf8::next(next.text, k);
        c = k < next.text.size() ? utf8::next(next.text, k) : 0;
    }
    // A paragraph does not end on a connective ("của", "và", "theo"): the
    // line was broken there, whatever case the next line starts with.
    const bool strong = is_lower_letter(c) || ends_on_connective(prev.text);
    size_t at = 0;
    char32_t end = last_cp(prev.text, &at);
    if ((end == 0x201D || end == '"' || end == ')' || end == '\'') && at > 0) end = last_cp(prev.text.substr(0, at));
    const bool terminal = end == '.' || end == ';' || end == ':' || end == '!' || end == '?';
    // Blank lines separate the paragraphs: no blank line, no new paragraph,
    // even after a full stop (text wrapped right after a sentence).
    if ((st.blank_paragraphs && !next.hard_before) || outdented) return fit >= 0.8 * w && e >= 0.55 * w;
    if (terminal && !strong) return st.fixed_width && prev.right() + 1 + fw > st.max_width;
    // Mid-sentence and the next line starts in lower case: a wrap wherever the
    // line ends (legal-database pages break a paragraph's first line after a
    // few words: "Căn cứ Luật Tổ chức chính quyền địa" / "phương năm 2015;").
    // Not between scraps of a table's cells ("Tự BNV Điều Điểm" / "đánh đánh tra"):
    // one of the two lines is a paragraph's.
    const bool prose = prev.width >= 24 || next.width * 2 >= st.width;
    if (!terminal && is_lower_letter(c) && prose) return true;
    // A connective at the end ("Trên đây là" / "Kế hoạch ...", "Căn cứ Nghị
    // định số" / "171/2004/NĐ-CP ...") or "năm" / "2030, ...": the sentence
    // goes on, wherever the line ends. (A truly truncated item is followed by
    // the next item's label, which is never joined.)
    if (prose && (ends_on_connective(prev.text) ||
                  (!terminal && c >= '0' && c <= '9' && ends_on_word(prev.text, {"nam", "thang"}))))
        return true;
    if (strong) return fit >= 0.8 * w && e >= 0.55 * w;
    return fit >= 0.9 * w && e >= 0.7 * w;
}

}  // namespace plancheck::layout::text
