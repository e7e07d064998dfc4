// A phrase of two or more words written twice in a row: "Quyết định số Quyết
// định số 1676". Single repeated words are left alone (Vietnamese reduplication
// such as "từ từ" is correct), except the function words listed in
// `single_words` ("của của", "và và"), which never double.
#include <algorithm>

#include "core/utf8.h"
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

class RepeatedPhrase final : public Rule {
public:
    RepeatedPhrase(RuleMeta m, size_t min_words, size_t max_words, std::vector<std::string> singles, Scope scope)
        : Rule(std::move(m)), min_(min_words), max_(max_words), singles_(std::move(singles)), scope_(scope) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const auto& blocks = ctx.model.doc->blocks;
        for_each_words(ctx, scope_, [&](uint32_t b, const std::string& t, const std::vector<Word>& w) {
            for (size_t i = 0; i < w.size();) {
                size_t found = 0;
                for (size_t len = std::min(max_, (w.size() - i) / 2); len >= min_ && len > 0; --len) {
                    if (same(t, w, i, len)) { found = len; break; }
                }
                if (!found && i + 1 < w.size() && same(t, w, i, 1) &&
                    std::find(singles_.begin(), singles_.end(), w[i].lower) != singles_.end())
                    found = 1;
                if (!found) { ++i; continue; }
                // Three copies or more in a row are a table's row of column
                // headings read as one line ("Mức độ hài lòng Mức độ hài lòng
                // Mức độ hài lòng"), not a word typed twice.
                if (i + 3 * found <= w.size() && same(t, w, i + found, found)) {
                    size_t k = i + found;
                    while (k + 2 * found <= w.size() && same(t, w, k, found)) k += found;
                    i = k + found;
                    continue;
                }
                const Word& first = w[i + found];
                const Word& last = w[i + 2 * found - 1];
                std::string phrase = t.substr(w[i].begin, w[i + found - 1].end - w[i].begin);
                auto& d = emit.at({b, first.begin, last.end}, {{"phrase", phrase}});
                // The fix removes the second copy together with the space before it.
                Pos fb = blocks[b].locate(w[i + found - 1].end), fe = blocks[b].locate(last.end);
                d.fix = Fix{fb.line, fb.column, fe.line, fe.column, ""};
                i += 2 * found;
            }
        });
    }

private:
    // Words i..i+len equal words i+len..i+2len, separated only by spaces.
    static bool same(const std::string& t, const std::vector<Word>& w, size_t i, size_t len) {
        for (size_t k = 0; k < len; ++k)
            if (w[i + k].lower != w[i + len + k].lower) return false;
        for (size_t k = i; k + 1 < i + 2 * len; ++k) {
            for (uint32_t p = w[k].end; p < w[k + 1].begin; ++p)
                if (t[p] != ' ') return false;
        }
        return true;
    }
    size_t min_, max_;
    std::vector<std::string> singles_;
    Scope scope_;
};

}  // namespace

std::unique_ptr<Rule> make_repeated_phrase(RuleMeta meta, const Params& p) {
    long mn = p.integer("min_words", 2), mx = p.integer("max_words", 8);
    if (mn < 1) p.fail("min_words", "must be at least 1");
    if (mx < mn) p.fail("max_words", "must be at least min_words");
    std::vector<std::string> singles;
    for (const auto& w : p.strings_or_empty("single_words")) singles.push_back(utf8::lower(utf8::nfc(w)));
    return std::make_unique<RepeatedPhrase>(std::move(meta), static_cast<size_t>(mn), static_cast<size_t>(mx),
                                            std::move(singles), read_scope(p, Scope::All));
}

}  // namespace plancheck::rules
