// Known misspellings, from a list of confusions in the rule file.
#include <algorithm>
#include <unordered_map>

#include "core/string_hash.h"
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"
#include "core/utf8.h"

namespace plancheck::rules {
namespace {

struct Confusion {
    std::string wrong, right;
    std::string wrong_lower;
};

// A word's runs of letters and digits: "1676/qđ-ttg" -> "1676", "qđ", "ttg".
template <class Fn>
void runs_of(std::string_view lower, Fn&& fn) {
    size_t from = 0;
    for (size_t i = 0; i <= lower.size(); ++i)
        if (i == lower.size() || lower[i] == '/' || lower[i] == '-' || lower[i] == '.') {
            if (i > from) fn(lower.substr(from, i - from));
            from = i + 1;
        }
}

class Typo final : public Rule {
public:
    Typo(RuleMeta m, std::vector<Confusion> list, Scope scope)
        : Rule(std::move(m)), list_(std::move(list)), scope_(scope) {
        // A misspelling is found only where its first run of letters is a whole
        // run of the text (find_words_ci wants a word boundary on both sides of
        // the match), so each block is searched for the entries whose first run
        // it holds, not for the whole list.
        for (size_t i = 0; i < list_.size(); ++i) {
            auto words = words_of(list_[i].wrong_lower);
            std::string first;
            if (!words.empty() && words.front().begin == 0) runs_of(words.front().lower, [&](std::string_view r) {
                if (first.empty()) first = std::string(r);
            });
            if (first.empty()) always_.push_back(i);
            else by_first_run_[first].push_back(i);
        }
    }

    void check(const Context& ctx, Emitter& emit) const override {
        const auto& blocks = ctx.model.doc->blocks;
        std::vector<Word> scratch;
        std::vector<size_t> candidates;
        for (uint32_t b = 0; b < blocks.size(); ++b) {
            if (!in_scope(ctx.model, b, scope_)) continue;
            const std::string& t = blocks[b].text;
            candidates = always_;
            for (const auto& w : block_words(ctx, b, scratch))
                runs_of(w.lower, [&](std::string_view r) {
                    auto it = by_first_run_.find(r);
                    if (it != by_first_run_.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
                });
            if (candidates.empty()) continue;
            std::sort(candidates.begin(), candidates.end());
            candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
            LoweredText low = lower_with_offsets(t);  // once per block, not per confusion
            // Overlapping entries ("bảo hiễm" and "bảo hiễm xã hội") find the
            // same typo twice: the longest match wins, one finding and one fix.
            struct Match {
                size_t s, e;
                const Confusion* c;
            };
            std::vector<Match> found;
            for (size_t ci : candidates) {
                const auto& c = list_[ci];
                for (auto [s, e] : find_words_ci(low, c.wrong_lower)) found.push_back({s, e, &c});
            }
            std::sort(found.begin(), found.end(), [](const Match& x, const Match& y) {
                return x.s != y.s ? x.s < y.s : x.e > y.e;
            });
            size_t taken_end = 0;
            for (const auto& m : found) {
                if (m.s < taken_end) continue;  // leftmost-longest: overlaps of a kept match go
                taken_end = m.e;
                std::string_view text = std::string_view(t).substr(m.s, m.e - m.s);
                std::string right = match_case(text, m.c->right);
                auto& d = emit.at({b, static_cast<uint32_t>(m.s), static_cast<uint32_t>(m.e)},
                                  {{"found", std::string(text)}, {"expected", right}});
                d.fix = Fix{d.line, d.column, d.end_line, d.end_column, right};
            }
        }
    }

private:
    std::vector<Confusion> list_;
    std::vector<size_t> always_;  // entries that do not start with a letter or digit
    std::unordered_map<std::string, std::vector<size_t>, StringHash, std::equal_to<>> by_first_run_;
    Scope scope_;
};

}  // namespace

std::unique_ptr<Rule> make_typo(RuleMeta meta, const Params& p) {
    std::vector<Confusion> list;
    for (const auto& e : p.list("confusions")) {
        Confusion c{utf8::nfc(e.str("wrong")), utf8::nfc(e.str("right")), {}};
        c.wrong_lower = utf8::lower(c.wrong);
        if (utf8::lower(c.wrong) == utf8::lower(c.right)) e.fail("right", "is the same as 'wrong'");
        e.finish();
        list.push_back(std::move(c));
    }
    return std::make_unique<Typo>(std::move(meta), std::move(list), read_scope(p, Scope::All));
}

}  // namespace plancheck::rules
