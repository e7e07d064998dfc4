// The summary title must say something a rule file describes with an RE2
// pattern (a report's period: "năm 2022", "6 tháng đầu năm", "quý II").
// Reported on the title, or on the type name when there is no title line
// (the type-name kind reports that absence itself).
#include <re2/re2.h>

#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

class TitlePattern final : public Rule {
public:
    TitlePattern(RuleMeta m, std::shared_ptr<re2::RE2> re) : Rule(std::move(m)), re_(std::move(re)) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const HeaderInfo& h = ctx.model.outline.header;
        if (h.title.empty()) return;
        for (uint32_t b : h.title)
            if (RE2::PartialMatch(ctx.model.doc->blocks[b].text, *re_)) return;
        emit.at_block(h.title.front());
    }

private:
    std::shared_ptr<re2::RE2> re_;
};

}  // namespace

std::unique_ptr<Rule> make_title_pattern(RuleMeta meta, const Params& p) {
    return std::make_unique<TitlePattern>(std::move(meta), p.regex("pattern"));
}

}  // namespace plancheck::rules
