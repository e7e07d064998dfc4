// Quantified objectives: percentages with the year they are due and the words
// around them that say what they measure ("Đến năm 2025, phấn đấu 100% cán
// bộ, đảng viên ... được tuyên truyền"; "đạt khoảng 45% lực lượng lao động
// trong độ tuổi tham gia BHXH, trong đó ... tự nguyện chiếm khoảng 2,5%").
// Which parent target a value answers is decided by the rule sets (subject
// phrases in YAML); this stage only records value, year and surrounding text.
#include <re2/re2.h>

#include <algorithm>

#include "core/utf8.h"
#include "extract/extract.h"
#include "extract/scan.h"

namespace plancheck::extract {

namespace {

const RE2& percent_re() {
    static const RE2 re("([0-9]+(?:[.,][0-9]+)?)[ \\t]*%");
    return re;
}
const RE2& due_year_re() {
    static const RE2 re("(?i)(?:đến|tới|trong|vào|cuối|hết|sau)[ \\t]+(?:hết[ \\t]+|cuối[ \\t]+)?năm[ \\t]+((?:19|20)[0-9]{2})");
    return re;
}
const RE2& bare_year_re() {
    static const RE2 re("(?i)(^|[^0-9 ][ \\t]*|[^g][ \\t]+)năm[ \\t]+((?:19|20)[0-9]{2})");
    return re;
}

// The last due year ("đến năm 2025") in `s`, else the last "năm yyyy" that is
// not part of a date ("tháng 11 năm 2019"); 0 when none.
int year_in(std::string_view s) {
    if (!may_have_year(s)) return 0;
    re2::StringPiece in(s.data(), s.size()), m[2];
    int year = 0;
    size_t pos = 0;
    while (pos < s.size() && due_year_re().Match(in, pos, s.size(), RE2::UNANCHORED, m, 2)) {
        year = std::stoi(std::string(m[1].data(), m[1].size()));
        pos = static_cast<size_t>(m[0].data() - s.data() + m[0].size());
    }
    if (year) return year;
    pos = 0;
    re2::StringPiece b[3];
    while (pos < s.size() && bare_year_re().Match(in, pos, s.size(), RE2::UNANCHORED, b, 3)) {
        std::string_view before = s.substr(0, static_cast<size_t>(b[0].data() - s.data()) + b[1].size());
        size_t from = before.size() > 12 ? before.size() - 12 : 0;
        // Start on a code point boundary (fold leaves invalid UTF-8 unfolded).
        while (from > 0 && (static_cast<unsigned char>(before[from]) & 0xC0) == 0x80) --from;
        std::string f = utf8::fold(before.substr(from));
        bool date = f.size() >= 5 && f.find("thang") != std::string::npos;
        if (!date) year = std::stoi(std::string(b[2].data(), b[2].size()));
        pos = static_cast<size_t>(b[0].data() - s.data() + b[0].size());
    }
    return year;
}

bool ends_with_word(std::string_view s, std::string_view w) {
    std::string f = utf8::fold(s);
    return f.size() >= w.size() && f.compare(f.size() - w.size(), w.size(), w) == 0 &&
           (f.size() == w.size() || f[f.size() - w.size() - 1] == ' ');
}

// The year a block inherits: from its section headings ("2. Đến năm 2025:")
// or a lead-in block ending with ':' just before it.
int context_year(const SourceDocument& doc, const Outline& o, uint32_t b) {
    for (int s = section_at(o, b); s >= 0; s = o.sections[static_cast<size_t>(s)].parent) {
        const Section& sec = o.sections[static_cast<size_t>(s)];
        if (sec.block == b) continue;
        if (int y = year_in(doc.blocks[sec.block].text)) return y;
    }
    for (uint32_t k = b; k-- > o.body_begin && k + 3 > b;) {
        std::string_view t = utf8::trim(doc.blocks[k].text);
        if (t.empty()) continue;
        if (t.back() == ':') return year_in(t);
        break;
    }
    return 0;
}

}  // namespace

std::string subject_of(const SourceDocument& doc, const Objective& o) {
    auto part = [&](const TextRef& r) {
        if (r.block >= doc.blocks.size()) return std::string_view();
        std::string_view t = doc.blocks[r.block].text;
        return r.begin <= r.end && r.end <= t.size() ? t.substr(r.begin, r.end - r.begin) : std::string_view();
    };
    return std::string(part(o.subject_before)) + " … " + std::string(part(o.subject_after));
}

std::vector<Objective> extract_objectives(const SourceDocument& doc, const Outline& outline) {
    std::vector<Objective> out;
    // At most one objective per '%': reserved, since growing by doubling held
    // the array one and a half times over (a long report has tens of thousands).
    size_t percents = 0;
    for (uint32_t b = outline.body_begin; b < outline.body_end; ++b)
        percents += static_cast<size_t>(std::count(doc.blocks[b].text.begin(), doc.blocks[b].text.end(), '%'));
    out.reserve(percents);
    for (uint32_t b = outline.body_begin; b < outline.body_end; ++b) {
        std::string_view t = doc.blocks[b].text;
        if (t.find('%') == std::string_view::npos) continue;
        struct Hit { size_t begin, end; double value; };
        std::vector<Hit> hits;
        re2::StringPiece in(t.data(), t.size()), m[2];
        size_t pos = 0;
        while (pos < t.size() && percent_re().Match(in, pos, t.size(), RE2::UNANCHORED, m, 2)) {
            size_t at = static_cast<size_t>(m[0].data() - t.data());
            pos = at + m[0].size();
            if (at > 0 && (std::isalnum(static_cast<unsigned char>(t[at - 1])) || t[at - 1] == '/')) continue;
            std::string num(m[1].data(), m[1].size());
            std::replace(num.begin(), num.end(), ',', '.');
            hits.push_back({at, pos, std::stod(num)});
        }
        for (size_t i = 0; i < hits.size(); ++i) {
            const Hit& h = hits[i];
            auto [cb, ce] = clause_around(t, h.begin);
            // Subject window: back to the previous value or "trong đó", forward to the next one.
            size_t wb = cb, we = ce;
            if (i > 0 && hits[i - 1].end > wb && hits[i - 1].end <= h.begin) wb = hits[i - 1].end;
            if (i + 1 < hits.size() && hits[i + 1].begin < we) we = hits[i + 1].begin;
            std::string_view back = t.substr(wb, h.begin - wb), fwd = t.substr(h.end, we - h.end);
            for (std::string_view split : {"trong đó", "Trong đó"}) {
                auto k = back.rfind(split);
                if (k != std::string_view::npos) back = back.substr(k + split.size());
                k = fwd.find(split);
                if (k != std::string_view::npos) fwd = fwd.substr(0, k);
            }
            Objective o;
            o.value = h.value;
            o.unit = "%";
            o.ref = {b, static_cast<uint32_t>(h.begin), static_cast<uint32_t>(h.end)};
            o.sentence = {b, static_cast<uint32_t>(cb), static_cast<uint32_t>(ce)};
            auto range = [&](std::string_view part) {
                std::string_view tr = utf8::trim(part);
                auto from = static_cast<uint32_t>(tr.data() - t.data());
                return TextRef{b, from, from + static_cast<uint32_t>(tr.size())};
            };
            o.subject_before = range(back);
            o.subject_after = range(fwd);
            std::string_view lead = t.substr(cb, h.begin - cb);
            o.approximate = ends_with_word(lead, "khoang") || ends_with_word(lead, "xap xi") ||
                            (!lead.empty() && lead.back() == '~');
            o.at_least = ends_with_word(lead, "tren") || ends_with_word(lead, "it nhat") ||
                         ends_with_word(lead, "toi thieu") || ends_with_word(lead, "khong duoi") ||
                         (!lead.empty() && (lead.back() == '>'));
            o.year = year_in(t.substr(cb, h.begin - cb));
            if (!o.year) o.year = year_in(t.substr(0, cb));
            if (!o.year) o.year = year_in(t.substr(h.end, ce - h.end));
            if (!o.year) o.year = context_year(doc, outline, b);
            out.push_back(std::move(o));
        }
    }
    return out;
}

}  // namespace plancheck::extract
