// Test-time generators of the layouts the plain-text layout pass must read
// (checker/layout/text_layout.h): a document laid out normally (one paragraph
// per line) is re-laid out hard-wrapped, as a legal-database web page, on one
// physical line with literal "\r\n", or with its header and closing in two
// columns. Each form remembers where every piece of text came from, so the
// findings on a form can be mapped back to the lines of the normal document
// and compared with the findings there.
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/utf8.h"
#include "helpers.h"
#include "plancheck/diagnostic.h"

namespace plancheck::test::forms {

// From (line, col) on (up to the next segment), the form's text comes from
// line `orig` of the normal document.
struct Seg {
    uint32_t line = 0, col = 1, orig = 0;
};

struct Form {
    std::string text;
    std::vector<Seg> segs;  // sorted by (line, col)
    uint32_t orig(uint32_t line, uint32_t col) const {
        uint32_t o = 0;
        for (const auto& s : segs)
            if (std::tie(s.line, s.col) <= std::tie(line, col)) o = s.orig;
            else break;
        return o;
    }
};

// Builds a form line by line.
struct Writer {
    Form f;
    uint32_t line = 0;
    void add(const std::string& text, uint32_t orig) {
        ++line;
        f.text += text + "\n";
        f.segs.push_back({line, 1, orig});
    }
    // One physical line made of parts, each from its own original line.
    void add_parts(const std::vector<std::pair<std::string, uint32_t>>& parts) {
        ++line;
        uint32_t col = 1;
        for (const auto& [t, o] : parts) {
            f.segs.push_back({line, col, o});
            f.text += t;
            col += static_cast<uint32_t>(utf8::count(t));
        }
        f.text += "\n";
    }
};

inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i <= text.size()) {
        size_t e = text.find('\n', i);
        if (e == std::string::npos) e = text.size();
        std::string l = text.substr(i, e - i);
        if (!l.empty() && l.back() == '\r') l.pop_back();
        out.push_back(l);
        i = e + 1;
    }
    while (!out.empty() && out.back().empty()) out.pop_back();
    return out;
}

inline bool starts(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }

// Header lines are those above the type name ("KẾ HOẠCH"); index of the type name.
inline size_t type_name_at(const std::vector<std::string>& ls) {
    for (size_t i = 0; i < ls.size() && i < 20; ++i)
        for (const char* t : {"KẾ HOẠCH", "BÁO CÁO", "TỜ TRÌNH", "QUYẾT ĐỊNH", "THÔNG BÁO"})
            if (ls[i] == t) return i;
    return 0;
}

// Words of `s` greedily wrapped at `width` code points.
inline std::vector<std::string> wrap(const std::string& s, size_t width) {
    std::vector<std::string> out;
    std::string cur;
    size_t i = 0;
    while (i < s.size()) {
        size_t e = s.find(' ', i);
        if (e == std::string::npos) e = s.size();
        std::string w = s.substr(i, e - i);
        i = e + 1;
        if (w.empty()) continue;
        if (cur.empty()) cur = w;
        else if (utf8::count(cur) + 1 + utf8::count(w) <= width) cur += " " + w;
        else out.push_back(cur), cur = w;
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

// The document as it is (line i of the form is line i of the document).
inline Form normal(const std::vector<std::string>& ls) {
    Writer w;
    for (size_t i = 0; i < ls.size(); ++i) w.add(ls[i], static_cast<uint32_t>(i + 1));
    return w.f;
}

// Every line wrapped at `width`; blank lines kept or dropped.
inline Form rewrap(const std::vector<std::string>& ls, size_t width, bool keep_blank) {
    Writer w;
    for (size_t i = 0; i < ls.size(); ++i) {
        auto o = static_cast<uint32_t>(i + 1);
        if (ls[i].empty()) {
            if (keep_blank) w.add("", o);
            continue;
        }
        for (const auto& piece : wrap(ls[i], width)) w.add(piece, o);
    }
    return w.f;
}

// A legal-database web page: header table cells separated by "|" lines, the
// national title, motto and place-date broken inside their cells, long
// paragraphs broken after their first words and wrapped, no blank line
// anywhere.
inline Form legal_db(const std::vector<std::string>& ls) {
    Writer w;
    size_t tn = type_name_at(ls);
    std::vector<uint32_t> agency, right, number, place;
    for (size_t i = 0; i < tn; ++i) {
        const std::string& l = ls[i];
        auto o = static_cast<uint32_t>(i + 1);
        if (l.empty()) continue;
        if (starts(l, "CỘNG HÒA") || starts(l, "Độc lập")) right.push_back(o);
        else if (starts(l, "Số")) number.push_back(o);
        else if (l.find(", ngày") != std::string::npos) place.push_back(o);
        else agency.push_back(o);
    }
    auto bar = [&](uint32_t o) { w.add("|", o); };
    for (uint32_t o : agency) w.add(ls[o - 1], o);
    if (!agency.empty()) w.add("-------", agency.back());
    if (!right.empty()) {
        bar(right.front());
        for (uint32_t o : right) {
            const std::string& l = ls[o - 1];
            size_t cut = starts(l, "CỘNG HÒA") ? l.find(' ') : l.rfind("Hạnh phúc");
            if (cut == std::string::npos || cut == 0) {
                w.add(l, o);
                continue;
            }
            std::string a = l.substr(0, cut), b = l.substr(cut);
            while (!a.empty() && a.back() == ' ') a.pop_back();
            while (!b.empty() && b.front() == ' ') b.erase(0, 1);
            w.add(a, o);
            w.add(b, o);
        }
        w.add("---------------", right.back());
    }
    for (uint32_t o : number) {
        bar(o);
        w.add(ls[o - 1], o);
    }
    for (uint32_t o : place) {
        // "Long" / "Hải, ngày 9 tháng 5" / "năm 2023".
        bar(o);
        const std::string& l = ls[o - 1];
        size_t sp = l.find(' '), nam = l.rfind(" năm ");
        if (sp == std::string::npos || nam == std::string::npos || sp >= nam) {
            w.add(l, o);
            continue;
        }
        w.add(l.substr(0, sp), o);
        w.add(l.substr(sp + 1, nam - sp - 1), o);
        w.add(l.substr(nam + 1), o);
    }
    if (tn > 0) bar(static_cast<uint32_t>(tn));
    // The body: a paragraph longer than the page is broken after its first
    // few words (the page's first-line indent), the rest wrapped at 85.
    for (size_t i = tn; i < ls.size(); ++i) {
        const std::string& l = ls[i];
        auto o = static_cast<uint32_t>(i + 1);
        if (l.empty()) continue;
        if (utf8::count(l) <= 85) {
            w.add(l, o);
            continue;
        }
        size_t words = 3 + i % 4, cut = 0;
        for (size_t k = 0; k < words && cut != std::string::npos; ++k) cut = l.find(' ', cut + (k ? 1 : 0));
        if (cut == std::string::npos) {
            w.add(l, o);
            continue;
        }
        w.add(l.substr(0, cut), o);
        for (const auto& piece : wrap(l.substr(cut + 1), 85)) w.add(piece, o);
    }
    return w.f;
}

// The whole document on one physical line, lines separated by the characters
// backslash-r backslash-n (a blank line gives two in a row).
inline Form literal_breaks(const std::vector<std::string>& ls) {
    Writer w;
    std::vector<std::pair<std::string, uint32_t>> parts;
    for (size_t i = 0; i < ls.size(); ++i)
        parts.emplace_back(ls[i] + (i + 1 < ls.size() ? "\\r\\n" : ""), static_cast<uint32_t>(i + 1));
    w.add_parts(parts);
    return w.f;
}

// Header and closing in two columns on shared lines: agency and number on the
// left, national title, motto and place-date on the right; recipients on the
// left, the signer on the right. `tab` separates the columns by a tab instead
// of a run of spaces.
inline Form two_columns(const std::vector<std::string>& ls, bool tab) {
    Writer w;
    size_t tn = type_name_at(ls);
    auto rows = [&](const std::vector<uint32_t>& left, const std::vector<uint32_t>& right) {
        for (size_t r = 0; r < std::max(left.size(), right.size()); ++r) {
            std::vector<std::pair<std::string, uint32_t>> parts;
            std::string l = r < left.size() ? ls[left[r] - 1] : "";
            uint32_t lo = r < left.size() ? left[r] : right[r];
            if (r < right.size()) {
                if (tab) l += "\t\t";
                else l += std::string(l.empty() ? 44 : std::max<size_t>(6, 44 - std::min<size_t>(44, utf8::count(l))), ' ');
            }
            parts.emplace_back(l, lo);
            if (r < right.size()) parts.emplace_back(ls[right[r] - 1], right[r]);
            w.add_parts(parts);
        }
    };
    std::vector<uint32_t> left, right;
    for (size_t i = 0; i < tn; ++i) {
        const std::string& l = ls[i];
        auto o = static_cast<uint32_t>(i + 1);
        if (l.empty()) continue;
        if (starts(l, "CỘNG HÒA") || starts(l, "Độc lập") || l.find(", ngày") != std::string::npos) right.push_back(o);
        else left.push_back(o);
    }
    rows(left, right);
    size_t closing = ls.size();
    for (size_t i = ls.size(); i-- > tn;)
        if (starts(ls[i], "Nơi nhận")) {
            closing = i;
            break;
        }
    for (size_t i = tn; i < closing; ++i) w.add(ls[i], static_cast<uint32_t>(i + 1));
    left.clear(), right.clear();
    for (size_t i = closing; i < ls.size(); ++i) {
        auto o = static_cast<uint32_t>(i + 1);
        if (ls[i].empty()) continue;
        if (starts(ls[i], "Nơi nhận") || starts(ls[i], "-")) left.push_back(o);
        else right.push_back(o);
    }
    rows(left, right);
    return w.f;
}

// Findings as (rule, line) pairs, lines mapped through `f` (or as they are).
using Findings = std::multiset<std::pair<std::string, uint32_t>>;
inline Findings findings(const std::vector<Diagnostic>& ds, const Form* f = nullptr) {
    Findings out;
    for (const auto& d : ds) out.emplace(d.rule, f ? f->orig(d.line, d.column) : d.line);
    return out;
}
inline std::string describe(const Findings& a, const Findings& b) {
    std::string s;
    for (const auto& x : a)
        if (!b.count(x)) s += "  only in first:  " + x.first + " @" + std::to_string(x.second) + "\n";
    for (const auto& x : b)
        if (!a.count(x)) s += "  only in second: " + x.first + " @" + std::to_string(x.second) + "\n";
    return s;
}

inline pipeline::FileResult check_txt(const std::string& text, const rules::RuleBook& book) {
    pipeline::Options o;
    o.check.today = {23, 11, 2026};
    return pipeline::check_bytes(text, "txt", "form.txt", book, o);
}

}  // namespace plancheck::test::forms
