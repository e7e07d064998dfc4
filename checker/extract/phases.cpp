// Implementation phases: year ranges ("Giai đoạn 2020 - 2025", "2020–2025",
// "từ năm 2021 đến năm 2025") and single years that open a roadmap item
// ("Năm 2022: ..."). Every range is recorded; only those that head a section,
// open an item or sit in a roadmap section are marked `roadmap`, so that a
// term of office quoted in a citation ("nhiệm kỳ 2020-2025") never counts as a
// phase of the plan.
#include <re2/re2.h>

#include <algorithm>

#include "core/utf8.h"
#include "extract/extract.h"
#include "extract/scan.h"

namespace plancheck::extract {

namespace {

const RE2& range_re() {
    // Group 1: the word before the range; 2, 3: the years.
    static const RE2 re(
        "(?i)((?:giai đoạn|thời kỳ|nhiệm kỳ|từ năm|từ|năm)?)[ \\t]*((?:19|20)[0-9]{2})[ \\t]*"
        "(?:[-–—‐]|đến năm|đến hết năm|đến|tới năm|tới)[ \\t]*((?:19|20)[0-9]{2})");
    return re;
}
const RE2& year_lead_re() {
    // "Năm 2022", "Trong năm 2022", "Giai đoạn năm 2022" at the start of an item.
    static const RE2 re("(?i)^[ \\t]*(?:trong |giai đoạn )?năm[ \\t]+((?:19|20)[0-9]{2})\\b");
    return re;
}

bool near_start(size_t lead, size_t at) {
    // Only a short prefix ("1. ", "- ", "Giai đoạn ") may precede the period.
    return at >= lead && at - lead <= 2;
}

}  // namespace

std::vector<Phase> extract_phases(const SourceDocument& doc, const Outline& outline) {
    std::vector<Phase> out;
    std::vector<uint32_t> title(outline.header.title);
    auto scan_block = [&](uint32_t b) {
        std::string_view t = doc.blocks[b].text;
        if (!may_have_year(t)) return;  // both patterns below need a year
        const bool is_title = std::find(title.begin(), title.end(), b) != title.end();
        // The section facts are looked up only for blocks with a period in them
        // (section_at and the folded titles cost more than the scan itself).
        int sec_found = -2;
        auto sec_of = [&] { return sec_found == -2 ? (sec_found = section_at(outline, b)) : sec_found; };
        auto label_block = [&] {
            return sec_of() >= 0 && outline.sections[static_cast<size_t>(sec_of())].block == b;
        };
        int roadmap_found = -1;
        auto roadmap_section = [&] {
            if (roadmap_found < 0)
                roadmap_found = sec_of() >= 0 && (under_title(outline, sec_of(), "lo trinh") ||
                                                  under_title(outline, sec_of(), "giai doan"));
            return roadmap_found == 1;
        };
        const size_t lead = after_label(t);
        re2::StringPiece input(t.data(), t.size()), m[4];
        size_t pos = 0;
        while (pos < t.size() && range_re().Match(input, pos, t.size(), RE2::UNANCHORED, m, 4)) {
            size_t at = static_cast<size_t>(m[0].data() - t.data());
            pos = at + std::max<size_t>(1, m[0].size());
            int from = std::stoi(std::string(m[2].data(), m[2].size()));
            int to = std::stoi(std::string(m[3].data(), m[3].size()));
            if (to < from || to - from > 30) continue;
            // "21/11/2019-2020" or "30/2020/NĐ-CP": part of a date or a symbol.
            if (at > 0 && m[1].empty() && (t[at - 1] == '/' || t[at - 1] == '-')) continue;
            std::string word = utf8::fold(std::string_view(m[1].data(), m[1].size()));
            Phase p;
            p.from = from;
            p.to = to;
            p.ref = {b, static_cast<uint32_t>(at), static_cast<uint32_t>(at + m[0].size())};
            p.section = sec_of();
            p.in_title = is_title;
            // A table cell is a roadmap row only in a roadmap section: elsewhere
            // table periods are the deadlines of individual tasks.
            const bool in_table = doc.blocks[b].in_table;
            const bool opens = near_start(lead, at) && (!in_table || roadmap_section());
            p.heading = label_block() && opens;
            // In a roadmap section, "Giai đoạn 1 (2020 - 2025)" counts too.
            const bool early = at >= lead && at - lead <= 40 && roadmap_section();
            p.roadmap = !is_title && word != "nhiem ky" &&
                        (opens || ((word == "giai doan" || early) && roadmap_section()));
            out.push_back(p);
        }
        re2::StringPiece y[2];
        std::string_view rest = t.substr(lead);
        if (!is_title && RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), year_lead_re(), &y[0])) {
            int year = std::stoi(std::string(y[0].data(), y[0].size()));
            bool covered = std::any_of(out.begin(), out.end(), [&](const Phase& p) {
                return p.ref.block == b && p.from <= year && year <= p.to && p.roadmap;
            });
            if (!covered && roadmap_section()) {
                Phase p;
                p.from = p.to = year;
                size_t at = static_cast<size_t>(y[0].data() - t.data());
                p.ref = {b, static_cast<uint32_t>(at), static_cast<uint32_t>(at + 4)};
                p.section = sec_of();
                p.heading = label_block();
                p.roadmap = true;
                out.push_back(p);
            }
        }
    };
    for (uint32_t b : title) scan_block(b);
    for (uint32_t b = outline.body_begin; b < outline.body_end; ++b) scan_block(b);
    // A roadmap phase inside the section of another one, or a single year inside
    // another phase of the same section, is a step of that phase.
    for (size_t i = 0; i < out.size(); ++i) {
        if (!out[i].roadmap) continue;
        for (size_t j = 0; j < out.size(); ++j) {
            if (i == j || !out[j].roadmap || !out[j].heading || out[j].section < 0) continue;
            const Section& s = outline.sections[static_cast<size_t>(out[j].section)];
            uint32_t b = out[i].ref.block;
            if (b > s.block && b < s.body_end) { out[i].parent_phase = static_cast<int>(j); break; }
        }
    }
    return out;
}

}  // namespace plancheck::extract
