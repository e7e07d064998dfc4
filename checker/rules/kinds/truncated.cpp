// An item or paragraph that stops on a word needing a continuation ("... hằng
// năm hoặc"): text was lost when the document was edited.
#include "core/utf8.h"
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

// The next block carries the sentence on: it starts in lower case or with a
// number that is not a list label ("72 đơn vị", "31/12/2025)"), or this block
// leaves a parenthesis open that the next one closes. A paragraph split over
// two blocks (a manual line break, a wrapped line of a PDF or of a table cell)
// is not a truncated sentence.
bool continues(std::string_view t, std::string_view next) {
    next = utf8::trim(next);
    if (next.empty()) return false;
    size_t i = 0;
    char32_t c = utf8::next(next, i);
    if (utf8::is_digit(c)) {
        // "2." "3)" "4.1." open a new item; "2025", "1.376." or "72 đơn vị" go on.
        size_t k = 0, run = 0;
        bool label_chars = true;
        for (; k < next.size() && next[k] != ' '; ++k) {
            char ch = next[k];
            if (utf8::is_digit(static_cast<unsigned char>(ch))) {
                label_chars &= ++run <= 2;
            } else if (ch == '.' || ch == ')') {
                run = 0;
            } else {
                label_chars = false;
            }
        }
        bool label = label_chars && k > 0 && (next[k - 1] == '.' || next[k - 1] == ')');
        return !label;
    }
    if (utf8::is_letter(c)) {
        std::string one;
        utf8::append(one, c);
        if (utf8::lower(one) == one) {
            // "a)" "đ)" are list labels.
            return !(i < next.size() && next[i] == ')');
        }
    }
    int open = 0;
    for (char ch : t) open += ch == '(' ? 1 : ch == ')' ? -1 : 0;
    return open > 0 && next.find(')') != std::string_view::npos;
}

class Truncated final : public Rule {
public:
    Truncated(RuleMeta m, std::vector<std::string> words, Scope scope)
        : Rule(std::move(m)), words_(std::move(words)), scope_(scope) {}

    void check(const Context& ctx, Emitter& emit) const override {
        for_each_words(ctx, scope_, [&](uint32_t b, const std::string& t, const std::vector<Word>& w) {
            if (w.size() < 2) return;
            // Only when nothing but spaces follows the last word.
            if (!utf8::trim(std::string_view(t).substr(w.back().end)).empty()) return;
            const auto& blocks = ctx.model.doc->blocks;
            if (b + 1 < blocks.size() && continues(t, blocks[b + 1].text)) return;
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
