// Look-alike letters from another script, found by the normalize stage
// (U+00D0 Ð typed for U+0110 Đ; Cyrillic а/о/е inside Vietnamese words).
// They break search, sorting and copy-paste of names.
#include "core/utf8.h"
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

std::string codepoint_name(std::string_view ch) {
    size_t i = 0;
    char32_t c = utf8::next(ch, i);
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

class MixedScript final : public Rule {
public:
    explicit MixedScript(RuleMeta m) : Rule(std::move(m)) {}
    void check(const Context& ctx, Emitter& emit) const override {
        for (const auto& o : ctx.model.doc->observations) {
            if (o.kind != "text.mixed-script") continue;
            std::string expected(ctx.model.text(o.ref));
            auto& d = emit.at(o.ref, {{"found", o.detail}, {"code", codepoint_name(o.detail)},
                                      {"expected", expected}, {"expected_code", codepoint_name(expected)}});
            d.fix = Fix{d.line, d.column, d.end_line, d.end_column, expected};
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_mixed_script(RuleMeta meta, const Params&) {
    return std::make_unique<MixedScript>(std::move(meta));
}

}  // namespace plancheck::rules
