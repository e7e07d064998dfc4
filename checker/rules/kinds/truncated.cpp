// An item or paragraph that stops on a word needing a continuation ("... hằng
// năm hoặc"): text was lost when the document was edited.
#include <algorithm>

#include "core/utf8.h"
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"
#include "structure/structure.h"

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
    Truncated(RuleMeta m, std::vector<std::string> words, Scope scope, bool document_end)
        : Rule(std::move(m)), words_(std::move(words)), scope_(scope), document_end_(document_end) {}

    void check(const Context& ctx, Emitter& emit) const override {
        uint32_t cut = document_end_ ? cut_end(ctx, emit) : kNone;
        for_each_words(ctx, scope_, [&](uint32_t b, const std::string& t, const std::vector<Word>& w) {
            if (w.size() < 2 || b == cut) return;
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
    static constexpr uint32_t kNone = UINT32_MAX;

    // The document's text stops mid-sentence: its last paragraph is not part of
    // a recognised closing (recipients, signer) and ends on a word with no
    // closing punctuation ("... các nhiệm v", "... phối hợp với các"). A
    // document cut there lost its end (a copy or a conversion stopped early),
    // whatever the last word is. Returns the block reported, or kNone.
    uint32_t cut_end(const Context& ctx, Emitter& emit) const {
        const auto& blocks = ctx.model.doc->blocks;
        std::vector<Word> scratch;
        for (uint32_t b = static_cast<uint32_t>(blocks.size()); b-- > 0;) {
            const std::string& t = blocks[b].text;
            if (utf8::trim(t).empty()) continue;
            // Tables end on a figure or a name; the closing on a signer's name;
            // a page number or a stamp line is not a sentence.
            if (blocks[b].in_table || in_scope(ctx.model, b, Scope::Closing) || b < ctx.model.outline.body_begin)
                return kNone;
            const auto& w = block_words(ctx, b, scratch);
            if (w.size() < 4) return kNone;
            // Nothing but spaces, or a comma, after the last word.
            std::string_view rest = utf8::trim(std::string_view(t).substr(w.back().end));
            if (!rest.empty() && rest != ",") return kNone;
            std::string last = t.substr(w.back().begin, w.back().end - w.back().begin);
            size_t i = 0;
            if (!utf8::is_letter(utf8::next(last, i))) return kNone;
            bool function_word = std::find(words_.begin(), words_.end(), w.back().lower) != words_.end();
            // A short numbered line is a heading or a form's field ("9. Ý kiến
            // của lãnh đạo"), left blank on purpose, unless it stops on a comma
            // or a word that needs a continuation.
            if (w.size() < 12 && structure::parse_label(t).kind != LabelKind::None && rest.empty() && !function_word)
                return kNone;
            // A capitalised last word goes on a sentence only after a word in
            // lower case ("... của Bộ", "... Điều 95 Luật"); two capitalised
            // words at the end are a name (a signer the closing did not catch).
            if (last != w.back().lower) {
                const Word& prev = w[w.size() - 2];
                if (t.substr(prev.begin, prev.end - prev.begin) != prev.lower) return kNone;
            }
            // A heading in capitals is not a sentence.
            if (utf8::upper(t) == t) return kNone;
            emit.at({b, w.back().begin, w.back().end}, {{"word", last}}, "end");
            return b;
        }
        return kNone;
    }

    std::vector<std::string> words_;
    Scope scope_;
    bool document_end_;
};

}  // namespace

std::unique_ptr<Rule> make_truncated(RuleMeta meta, const Params& p) {
    std::vector<std::string> words;
    for (const auto& w : p.strings("words")) words.push_back(utf8::lower(utf8::nfc(w)));
    if (words.empty()) p.fail("words", "needs at least one word");
    return std::make_unique<Truncated>(std::move(meta), std::move(words), read_scope(p, Scope::Body),
                                       p.boolean("document_end", false));
}

}  // namespace plancheck::rules
