// A name written out in full again after the document gave it a short form:
// "Đề án đổi mới toàn diện nội dung, hình thức và phương pháp tuyên truyền bảo
// hiểm xã hội (sau đây gọi tắt là Đề án)", and later the whole name again. Once
// a short form is introduced, the text uses it (Decree 30, Appendix I §6b:
// later mentions give the short form). Reported once per short form, at the
// first full repetition after the definition.
//
// The full name is the text before "(sau đây gọi tắt là X)" from the last
// occurrence of the short form's first word ("Đề án ... (sau đây gọi tắt là Đề
// án)"); a short form that is an abbreviation ("BCĐ") has no such word and is
// the abbreviation rule's business. A quotation repeats another text as written
// and is not read.
#include <algorithm>
#include <map>

#include "core/utf8.h"
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

struct Definition {
    std::string full_lower;  // the full name, lower case
    std::string short_form;  // as written
    uint32_t block = 0;
    size_t end = 0;          // byte after the definition's ')'
};

bool quoted_at(std::string_view t, size_t at) {
    std::string_view before = t.substr(0, std::min(at, t.size()));
    size_t open = 0, close = 0;
    for (size_t k = 0; (k = before.find("“", k)) != std::string_view::npos; k += 3) ++open;
    for (size_t k = 0; (k = before.find("”", k)) != std::string_view::npos; k += 3) ++close;
    return open > close;
}

class ShortForm final : public Rule {
public:
    ShortForm(RuleMeta m, std::vector<std::string> intros, size_t min_words)
        : Rule(std::move(m)), intros_(std::move(intros)), min_words_(min_words) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const auto& blocks = ctx.model.doc->blocks;
        std::vector<Definition> defs;
        for (uint32_t b = 0; b < blocks.size(); ++b) {
            const std::string& t = blocks[b].text;
            // Every definition opens with '(' ("(sau đây gọi tắt là ..."): a
            // paragraph without one is not lowered (that was most of this check).
            if (t.find('(') == std::string::npos) continue;
            std::string low = utf8::lower(t);
            if (low.size() != t.size()) continue;  // offsets would not agree (never for Vietnamese)
            for (const auto& intro : intros_) {
                for (size_t p = low.find(intro); p != std::string::npos; p = low.find(intro, p + intro.size())) {
                    size_t open = low.rfind('(', p);
                    if (open == std::string::npos || low.find_first_not_of(' ', open + 1) != p) continue;
                    size_t s = p + intro.size();
                    while (s < t.size() && t[s] == ' ') ++s;
                    size_t close = t.find(')', s);
                    if (close == std::string::npos) continue;
                    std::string shrt(utf8::trim(std::string_view(t).substr(s, close - s)));
                    auto sw = words_of(shrt);
                    if (sw.empty() || sw.size() > 6) continue;
                    // The full name: from the last occurrence of the short form's
                    // first word (case-insensitive, whole word) before '('.
                    std::string head = utf8::lower(shrt.substr(sw[0].begin, sw[0].end - sw[0].begin));
                    std::string before = low.substr(0, open);
                    auto hits = find_words_ci(before, head);
                    if (hits.empty()) continue;
                    std::string full(utf8::trim(std::string_view(before).substr(hits.back().first)));
                    while (!full.empty() && (full.back() == ',' || full.back() == ' ')) full.pop_back();
                    if (words_of(full).size() < sw.size() + min_words_) continue;
                    defs.push_back({full, shrt, b, close + 1});
                }
            }
        }
        for (const auto& d : defs) {
            for (uint32_t b = d.block; b < blocks.size(); ++b) {
                const std::string& t = blocks[b].text;
                auto hits = find_words_ci(t, d.full_lower);
                bool done = false;
                for (const auto& [s, e] : hits) {
                    if (b == d.block && s < d.end) continue;
                    if (quoted_at(t, s)) continue;
                    Pos p = ctx.model.block(d.block).locate(0);
                    emit.at({b, static_cast<uint32_t>(s), static_cast<uint32_t>(e)},
                            {{"short", d.short_form}, {"defined_line", std::to_string(p.line)}});
                    done = true;
                    break;
                }
                if (done) break;
            }
        }
    }

private:
    std::vector<std::string> intros_;
    size_t min_words_;
};

}  // namespace

std::unique_ptr<Rule> make_short_form(RuleMeta meta, const Params& p) {
    std::vector<std::string> intros;
    for (const auto& i : p.strings("intros")) intros.push_back(utf8::lower(utf8::nfc(i)));
    if (intros.empty()) p.fail("intros", "needs at least one phrase");
    long mw = p.integer("min_extra_words", 3);
    if (mw < 1) p.fail("min_extra_words", "must be at least 1");
    return std::make_unique<ShortForm>(std::move(meta), std::move(intros), static_cast<size_t>(mw));
}

}  // namespace plancheck::rules
