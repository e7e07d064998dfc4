// The issue date from the header's place-and-date line.
#include <re2/re2.h>

#include "core/utf8.h"
#include "extract/date_line.h"
#include "extract/extract.h"

namespace plancheck::extract {

namespace {
// Blank parts are typical of drafts: "ngày   tháng 12 năm 2021".
const RE2& long_form() {
    static const RE2 re("(?i)(ngày)[ \\t]*([0-9]{0,2})[ \\t.…_]*(tháng)[ \\t]*([0-9]{0,2})[ \\t.…_]*(năm)[ \\t]*([0-9]{4})");
    return re;
}
const RE2& slash_form() {
    static const RE2 re("(?i)(ngày)[ \\t]*([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})");
    return re;
}
uint32_t off(std::string_view whole, std::string_view part) {
    return static_cast<uint32_t>(part.data() - whole.data());
}
TextRef ref_of(uint32_t b, std::string_view whole, std::string_view part) {
    return {b, off(whole, part), static_cast<uint32_t>(off(whole, part) + part.size())};
}
}  // namespace

std::optional<DateLine> parse_date_line(const SourceDocument& doc, uint32_t b) {
    if (b >= doc.blocks.size()) return std::nullopt;
    std::string_view t = doc.blocks[b].text;
    DateLine dl;
    re2::StringPiece m[7];
    if (long_form().Match(t, 0, t.size(), RE2::UNANCHORED, m, 7)) {
        auto sv = [](const re2::StringPiece& p) { return std::string_view(p.data(), p.size()); };
        dl.day_text = std::string(sv(m[2]));
        dl.month_text = std::string(sv(m[4]));
        dl.year_text = std::string(sv(m[6]));
        // A blank part is located just after its keyword.
        auto at = [&](const re2::StringPiece& key, const re2::StringPiece& val) {
            if (!val.empty()) return ref_of(b, t, sv(val));
            uint32_t e = off(t, sv(key)) + static_cast<uint32_t>(key.size());
            return TextRef{b, e, e};
        };
        dl.day = at(m[1], m[2]);
        dl.month = at(m[3], m[4]);
        dl.year = ref_of(b, t, sv(m[6]));
        dl.whole = ref_of(b, t, sv(m[0]));
    } else if (slash_form().Match(t, 0, t.size(), RE2::UNANCHORED, m, 5)) {
        auto sv = [](const re2::StringPiece& p) { return std::string_view(p.data(), p.size()); };
        dl.slash_form = true;
        dl.day_text = std::string(sv(m[2]));
        dl.month_text = std::string(sv(m[3]));
        dl.year_text = std::string(sv(m[4]));
        dl.day = ref_of(b, t, sv(m[2]));
        dl.month = ref_of(b, t, sv(m[3]));
        dl.year = ref_of(b, t, sv(m[4]));
        dl.whole = ref_of(b, t, sv(m[0]));
    } else {
        return std::nullopt;
    }
    auto num = [](const std::string& s) { return s.empty() ? 0 : std::stoi(s); };
    dl.date = {num(dl.day_text), num(dl.month_text), num(dl.year_text)};
    std::string_view before = t.substr(0, dl.whole.begin);
    while (!before.empty() && (before.back() == ',' || before.back() == ' ')) before.remove_suffix(1);
    dl.place = std::string(utf8::trim(before));
    return dl;
}

bool place_like(const DateLine& dl) {
    std::string_view p = dl.place;
    // Two header columns merged into one line: "Số: 12/KH-STNMT<tab>Khánh Hòa",
    // "Số: 1925 /STC-HTDN Bình Thuận". The place is what follows the number line.
    if (size_t tab = p.rfind('\t'); tab != std::string_view::npos) p = utf8::trim(p.substr(tab + 1));
    if (p.rfind("Số", 0) == 0 || p.rfind("SỐ", 0) == 0) {
        size_t i = std::string_view("Số").size();
        while (i < p.size() && (p[i] == ':' || p[i] == ' ')) ++i;
        // Symbol words have no lower-case letter: digits, capitals, separators.
        while (i < p.size()) {
            size_t e = p.find(' ', i);
            if (e == std::string_view::npos) e = p.size();
            std::string_view w = p.substr(i, e - i);
            if (utf8::upper(w) != w || w.back() == ',') break;
            i = e;
            while (i < p.size() && p[i] == ' ') ++i;
        }
        p = utf8::trim(p.substr(i));
    }
    if (p.empty()) return true;
    std::string f = utf8::lower(p);
    if (f.rfind("v/v", 0) == 0 || f.rfind("về việc", 0) == 0) return false;
    // A number-symbol ("244/2016/TT-BTC") or "số" belongs to a citation.
    for (size_t i = 0; i + 1 < p.size(); ++i)
        if (utf8::is_digit(static_cast<unsigned char>(p[i])) && (p[i + 1] == '/' || p[i + 1] == '-')) return false;
    const std::string_view so = "số";
    for (size_t at = f.find(so); at != std::string::npos; at = f.find(so, at + 1)) {
        bool start = at == 0 || f[at - 1] == ' ';
        size_t e = at + so.size();
        bool end = e == f.size() || f[e] == ' ' || f[e] == ':';
        if (start && end) return false;
    }
    // Place names are short: "Thành phố Hồ Chí Minh" has six words.
    int words = 0;
    for (size_t i = 0; i < p.size(); ++i)
        if (p[i] != ' ' && (i == 0 || p[i - 1] == ' ')) ++words;
    return words <= 8;
}

Date extract_issue_date(const SourceDocument& doc, const Outline& outline) {
    if (!outline.header.place_date) return {};
    auto dl = parse_date_line(doc, *outline.header.place_date);
    return dl && place_like(*dl) ? dl->date : Date{};
}

}  // namespace plancheck::extract
