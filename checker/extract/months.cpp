// Months named as something ("Lấy tháng 5 là tháng vận động triển khai BHXH
// toàn dân", "tháng 5 hằng năm là ..."). Dates ("ngày 07 tháng 6 năm 2021")
// are not mentions: only a month said to *be* something is recorded.
#include <re2/re2.h>

#include "core/utf8.h"
#include "extract/extract.h"
#include "extract/scan.h"

namespace plancheck::extract {

namespace {
const RE2& month_is_re() {
    static const RE2 re(
        "(?i)(tháng[ \\t]+(0?[1-9]|1[0-2]))(?:[ \\t]+(?:hằng|hàng|mỗi)[ \\t]+năm)?[ \\t]*,?[ \\t]+(?:là|làm)[ \\t]+");
    return re;
}
}  // namespace

std::vector<MonthMention> extract_months(const SourceDocument& doc, const Outline& outline) {
    std::vector<MonthMention> out;
    for (uint32_t b = outline.body_begin; b < outline.body_end; ++b) {
        std::string_view t = doc.blocks[b].text;
        if (!has_digit(t)) continue;  // the month's number
        re2::StringPiece in(t.data(), t.size()), m[3];
        size_t pos = 0;
        while (pos < t.size() && month_is_re().Match(in, pos, t.size(), RE2::UNANCHORED, m, 3)) {
            size_t at = static_cast<size_t>(m[1].data() - t.data());
            pos = static_cast<size_t>(m[0].data() - t.data() + m[0].size());
            auto [cb, ce] = clause_around(t, pos);
            MonthMention mm;
            mm.month = std::stoi(std::string(m[2].data(), m[2].size()));
            mm.ref = {b, static_cast<uint32_t>(at), static_cast<uint32_t>(at + m[1].size())};
            mm.what = std::string(utf8::trim(t.substr(pos, ce - pos)));
            (void)cb;
            out.push_back(std::move(mm));
        }
    }
    return out;
}

}  // namespace plancheck::extract
