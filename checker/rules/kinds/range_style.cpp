// Year ranges written in two styles in one document: "2021-2025" in one place,
// "2021 - 2025" (or with an en dash) in another. Either is readable; one
// document should keep one (Decree 30, Appendix I: consistent presentation).
// Reported once, at the first range written in a style other than the
// document's first one.
#include <cctype>
#include <string>

#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

bool year_at(std::string_view t, size_t i) {
    if (i + 4 > t.size()) return false;
    if (!((t[i] == '1' && t[i + 1] == '9') || (t[i] == '2' && t[i + 1] == '0'))) return false;
    if (!std::isdigit(static_cast<unsigned char>(t[i + 2])) || !std::isdigit(static_cast<unsigned char>(t[i + 3])))
        return false;
    // Whole number: no digit or '/' '.' on either side ("58/2014/QH13", "1.2021").
    auto digit = [&](size_t k) { return k < t.size() && std::isdigit(static_cast<unsigned char>(t[k])); };
    if (i > 0 && (digit(i - 1) || t[i - 1] == '/' || (t[i - 1] == '.' && i > 1 && digit(i - 2)))) return false;
    if (i + 4 < t.size() && (digit(i + 4) || t[i + 4] == '/' || (t[i + 4] == '.' && digit(i + 5)))) return false;
    return true;
}

class RangeStyle final : public Rule {
public:
    using Rule::Rule;
    void check(const Context& ctx, Emitter& emit) const override {
        const auto& blocks = ctx.model.doc->blocks;
        std::string first_style, first_written;
        uint32_t first_block = 0;
        for (uint32_t b = 0; b < blocks.size(); ++b) {
            const std::string& t = blocks[b].text;
            for (size_t i = 0; i + 9 <= t.size(); ++i) {
                if (!year_at(t, i)) continue;
                size_t j = i + 4;
                size_t sp1 = 0, sp2 = 0;
                while (j < t.size() && t[j] == ' ') ++j, ++sp1;
                std::string dash;
                if (j < t.size() && t[j] == '-') dash = "-", ++j;
                else if (t.compare(j, 3, "–") == 0) dash = "–", j += 3;
                else continue;
                while (j < t.size() && t[j] == ' ') ++j, ++sp2;
                if (!year_at(t, j)) continue;
                int y1 = std::stoi(t.substr(i, 4)), y2 = std::stoi(t.substr(j, 4));
                if (y2 <= y1 || y2 - y1 > 30) continue;  // not a period
                if ((sp1 == 0) != (sp2 == 0)) continue;  // "2021 -2025": a slip of its own
                std::string style = (sp1 ? "yyyy " : "yyyy") + dash + (sp2 ? " yyyy" : "yyyy");
                std::string written = t.substr(i, j + 4 - i);
                if (first_style.empty()) {
                    first_style = style;
                    first_block = b;
                    first_written = written;
                } else if (style != first_style) {
                    Pos p = ctx.model.block(first_block).locate(0);
                    emit.at({b, static_cast<uint32_t>(i), static_cast<uint32_t>(j + 4)},
                            {{"found", written}, {"first", first_written}, {"first_line", std::to_string(p.line)}});
                    return;
                }
                i = j + 3;
            }
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_range_style(RuleMeta meta, const Params&) {
    return std::make_unique<RangeStyle>(std::move(meta));
}

}  // namespace plancheck::rules
