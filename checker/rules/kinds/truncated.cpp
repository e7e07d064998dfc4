// An item or paragraph that stops on a word needing a continuation ("... hằng
// năm hoặc"): text was lost when the document was edited.
#include "core/utf8.h"
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

class Truncated final : public Rule {
public:
    Truncated(RuleMeta m, std::vector<std::string> words, Scope scope)
        : Rule(std::move(m)), words_(std::move(words)), scope_(scope) {}

    void check(const Context& ctx, Emitter& emit) const override {
        for_each_words(ctx, scope_, [&](uint32_t b, const std::string& t, const std::vector<Word>& w) {
            if (w.size() < 2) return;
            // Only when nothing but spaces follows the last word.
            if (!utf8::trim(std::string_view(t).substr(w.back().end)).empty()) return;
            for (const auto& end_word : words_) {
                if (w.back().lower == end_word) {
                    emit.at({b, w.back().begin, w.back().end}, {{"word", t.substr(w.back().begin, w.back().end - w.back().begin)}});
                    break;
                }
            }
        });
    }

private:
    std::vector<std::string> words_;
    Scope scope_;
};

}  // namespace

std::unique_ptr<Rule> make_truncated(RuleMeta meta, const Params& p) {
    std::vector<std::string> words;
    for (const auto& w : p.strings("words")) words.push_back(utf8::lower(utf8::nfc(w)));
    if (words.empty()) p.fail("words", "needs at least one word");
    return std::make_unique<Truncated>(std::move(meta), std::move(words), read_scope(p, Scope::Body));
}

}  // namespace plancheck::rules
