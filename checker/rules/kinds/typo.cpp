// Known misspellings, from a list of confusions in the rule file.
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"
#include "core/utf8.h"

namespace plancheck::rules {
namespace {

struct Confusion {
    std::string wrong, right;
    std::string wrong_lower;
};

class Typo final : public Rule {
public:
    Typo(RuleMeta m, std::vector<Confusion> list, Scope scope)
        : Rule(std::move(m)), list_(std::move(list)), scope_(scope) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const auto& blocks = ctx.model.doc->blocks;
        for (uint32_t b = 0; b < blocks.size(); ++b) {
            if (!in_scope(ctx.model, b, scope_)) continue;
            const std::string& t = blocks[b].text;
            LoweredText low = lower_with_offsets(t);  // once per block, not per confusion
            for (const auto& c : list_) {
                for (auto [s, e] : find_words_ci(low, c.wrong_lower)) {
                    std::string_view found = std::string_view(t).substr(s, e - s);
                    std::string right = match_case(found, c.right);
                    auto& d = emit.at({b, static_cast<uint32_t>(s), static_cast<uint32_t>(e)},
                                      {{"found", std::string(found)}, {"expected", right}});
                    d.fix = Fix{d.line, d.column, d.end_line, d.end_column, right};
                }
            }
        }
    }

private:
    std::vector<Confusion> list_;
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
