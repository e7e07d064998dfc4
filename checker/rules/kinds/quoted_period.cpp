// The same quoted name or title (“...” or "...") written with different years
// or periods in one document: “Chương trình chuyển đổi số giai đoạn 2021 - 2025” in one place,
// “Chương trình chuyển đổi số giai đoạn 2021 - 2030” in another. A title is
// quoted as it is; one of the two is wrong. Reported once per title, at the
// second form.
#include <array>
#include <cctype>
#include <map>

#include "core/utf8.h"
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

struct Quote {
    uint32_t block = 0;
    size_t begin = 0, end = 0;
    std::string text;   // as written
    std::string years;  // the years in it, in order ("2021 2025")
};

// Years (19xx, 20xx as whole numbers) replaced by '#'; their values in `years`.
std::string mask_years(std::string_view s, std::string& years) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
        bool y = i + 4 <= s.size() && (s.compare(i, 2, "19") == 0 || s.compare(i, 2, "20") == 0) &&
                 std::isdigit(static_cast<unsigned char>(s[i + 2])) && std::isdigit(static_cast<unsigned char>(s[i + 3])) &&
                 (i == 0 || !std::isdigit(static_cast<unsigned char>(s[i - 1]))) &&
                 (i + 4 == s.size() || !std::isdigit(static_cast<unsigned char>(s[i + 4])));
        if (y) {
            if (!years.empty()) years += ' ';
            years.append(s.substr(i, 4));
            out += '#';
            i += 4;
        } else {
            out += s[i++];
        }
    }
    return out;
}

class QuotedPeriod final : public Rule {
public:
    QuotedPeriod(RuleMeta m, size_t min_words) : Rule(std::move(m)), min_words_(min_words) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const auto& blocks = ctx.model.doc->blocks;
        std::map<std::string, Quote> first;
        std::map<std::string, bool> reported;
        for (uint32_t b = 0; b < blocks.size(); ++b) {
            const std::string& t = blocks[b].text;
            // Quotations: “...”, or "..." (straight quotes, as legacy fonts write them).
            std::vector<std::array<size_t, 4>> spans;  // open, inner begin, inner end, close end
            for (size_t o = t.find("“"); o != std::string::npos; o = t.find("“", o + 3)) {
                size_t c = t.find("”", o + 3);
                if (c == std::string::npos) break;
                spans.push_back({o, o + 3, c, c + 3});
            }
            for (size_t o = t.find('"'); o != std::string::npos; o = t.find('"', o + 1)) {
                size_t c = t.find('"', o + 1);
                if (c == std::string::npos) break;
                spans.push_back({o, o + 1, c, c + 1});
                o = c;
            }
            for (const auto& [o, ib, ie, ce] : spans) {
                const size_t c = ce;
                std::string inner(utf8::trim(std::string_view(t).substr(ib, ie - ib)));
                std::string years;
                std::string key = utf8::fold(mask_years(inner, years));
                if (years.empty() || words_of(inner).size() < min_words_) continue;
                // Spacing of a range ("2021-2025" / "2021 - 2025") is range-style's business.
                std::string compact;
                for (char ch : key) if (ch != ' ') compact += ch;
                Quote q{b, o, c, inner, years};
                auto [it, fresh] = first.emplace(compact, q);
                if (fresh || it->second.years == years || reported[compact]) continue;
                reported[compact] = true;
                Pos p = ctx.model.block(it->second.block).locate(it->second.begin);
                emit.at({b, static_cast<uint32_t>(o), static_cast<uint32_t>(c)},
                        {{"found", inner}, {"first", it->second.text}, {"first_line", std::to_string(p.line)}});
            }
        }
    }

private:
    size_t min_words_;
};

}  // namespace

std::unique_ptr<Rule> make_quoted_period(RuleMeta meta, const Params& p) {
    long mw = p.integer("min_words", 4);
    if (mw < 2) p.fail("min_words", "must be at least 2");
    return std::make_unique<QuotedPeriod>(std::move(meta), static_cast<size_t>(mw));
}

}  // namespace plancheck::rules
