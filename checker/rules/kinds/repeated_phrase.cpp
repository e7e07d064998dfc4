// A phrase of two or more words written twice in a row: "Quyết định số Quyết
// định số 1676". Single repeated words are left alone (Vietnamese reduplication
// such as "từ từ" is correct), except the function words listed in
// `single_words` ("của của", "và và"), which never double.
#include <algorithm>

#include "core/utf8.h"
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"
#include "structure/structure.h"

namespace plancheck::rules {
namespace {

class RepeatedPhrase final : public Rule {
public:
    RepeatedPhrase(RuleMeta m, size_t min_words, size_t max_words, std::vector<std::string> singles, Scope scope,
                   bool across_lines)
        : Rule(std::move(m)), min_(min_words), max_(max_words), singles_(std::move(singles)), scope_(scope),
          across_(across_lines) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const auto& blocks = ctx.model.doc->blocks;
        if (across_) check_breaks(ctx, emit);
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
                // The copies stand in two columns of a printed table ("Chỉ số   Chỉ
                // số": in the original line a wide gap, three spaces or more, or a
                // tab, lies between them), or in table cells: column headings.
                Pos end1 = blocks[b].locate(w[i + found - 1].end), start2 = blocks[b].locate(first.begin);
                if (blocks[b].in_table || (end1.line == start2.line && start2.column >= end1.column + 3)) {
                    i += 2 * found;
                    continue;
                }
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
    // A phrase doubled across a line break: a line ends on the words the next
    // line starts with ("... triển khai các" / "các nhiệm vụ").
    // Only where the next line carries the same sentence on: this line ends no
    // clause, is no heading or table cell, and the next starts in lower case or
    // with the very word (same case) the line broke on (a heading followed by its
    // first sentence, "1. Mục tiêu" / "Mục tiêu của Kế hoạch ...", is no doubling).
    void check_breaks(const Context& ctx, Emitter& emit) const {
        const auto& doc = *ctx.model.doc;
        // .txt/.pdf: every physical line is a block, so the next line must follow
        // with no blank line; a .docx/.html paragraph broken by hand is the same slip.
        const bool lines = doc.format == "txt" || doc.format == "pdf";
        const auto& blocks = doc.blocks;
        std::vector<Word> s1, s2;
        for (uint32_t b = 0; b + 1 < blocks.size(); ++b) {
            const Block& a = blocks[b];
            const Block& n = blocks[b + 1];
            if (a.in_table || n.in_table || !in_scope(ctx.model, b, scope_) || !in_scope(ctx.model, b + 1, scope_)) continue;
            uint32_t last_line = a.anchors.empty() ? 0 : a.anchors.back().line;
            if (lines && n.line() != last_line + 1) continue;
            std::string_view at = utf8::trim(a.text);
            if (at.empty() || std::string_view(".;:!?").find(at.back()) != std::string_view::npos) continue;
            if (structure::parse_label(n.text).kind != LabelKind::None) continue;
            std::vector<Word> wa = block_words(ctx, b, s1);  // copy: the cache may reuse its scratch
            const auto& wn = block_words(ctx, b + 1, s2);
            // Short lines are cells of a table the PDF laid out as text ("Người" / "Người").
            if (wa.size() < 3 || wn.size() < 2) continue;
            // Only spaces after the last word of this line.
            if (!utf8::trim(std::string_view(a.text).substr(wa.back().end)).empty()) continue;
            {
                std::string_view first = std::string_view(n.text).substr(wn[0].begin, wn[0].end - wn[0].begin);
                // A capitalised first word goes on only when it copies the word
                // the line broke on exactly ("... Đại" / "Đại hội").
                std::string_view last = std::string_view(a.text).substr(wa.back().begin, wa.back().end - wa.back().begin);
                size_t i = 0;
                if (!utf8::is_letter(utf8::next(first, i))) continue;
                if (first != wn[0].lower && first != last) continue;
            }
            size_t found = 0;
            for (size_t len = std::min({max_, wa.size(), wn.size()}); len >= 1 && len >= min_; --len) {
                bool eq = true;
                for (size_t k = 0; k < len && eq; ++k) eq = wa[wa.size() - len + k].lower == wn[k].lower;
                // The words of each copy stand together (only spaces between them).
                for (size_t k = wa.size() - len; eq && k + 1 < wa.size(); ++k)
                    for (uint32_t p = wa[k].end; p < wa[k + 1].begin; ++p) eq &= a.text[p] == ' ';
                for (size_t k = 0; eq && k + 1 < len; ++k)
                    for (uint32_t p = wn[k].end; p < wn[k + 1].begin; ++p) eq &= n.text[p] == ' ';
                if (eq) { found = len; break; }
            }
            // One word doubled over the break: a slip, whatever the word (a
            // reduplicated word, "từ từ", is not split over two lines by hand,
            // and a wrapped line never starts by repeating the word it broke on).
            if (!found && wa.back().lower == wn[0].lower) found = 1;
            if (!found) continue;
            std::string phrase = n.text.substr(wn[0].begin, wn[found - 1].end - wn[0].begin);
            auto& d = emit.at({b + 1, wn[0].begin, wn[found - 1].end}, {{"phrase", phrase}});
            size_t end = wn[found - 1].end;
            while (end < n.text.size() && n.text[end] == ' ') ++end;
            Pos fb = n.locate(wn[0].begin), fe = n.locate(end);
            d.fix = Fix{fb.line, fb.column, fe.line, fe.column, ""};
        }
    }

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
    bool across_;
};

}  // namespace

std::unique_ptr<Rule> make_repeated_phrase(RuleMeta meta, const Params& p) {
    long mn = p.integer("min_words", 2), mx = p.integer("max_words", 8);
    if (mn < 1) p.fail("min_words", "must be at least 1");
    if (mx < mn) p.fail("max_words", "must be at least min_words");
    std::vector<std::string> singles;
    for (const auto& w : p.strings_or_empty("single_words")) singles.push_back(utf8::lower(utf8::nfc(w)));
    return std::make_unique<RepeatedPhrase>(std::move(meta), static_cast<size_t>(mn), static_cast<size_t>(mx),
                                            std::move(singles), read_scope(p, Scope::All),
                                            p.boolean("across_lines", false));
}

}  // namespace plancheck::rules
