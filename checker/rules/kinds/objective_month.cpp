// A month the parent fixes for something (Decision 1676: May is the campaign
// month for universal social insurance). A plan that says another month is
// that month ("Lấy tháng 6 là tháng vận động ...") contradicts the parent.
// `match` identifies the fact in what the month is said to be (MonthMention::what).
#include "core/utf8.h"
#include "rules/kinds/kinds.h"
#include "rules/kinds/phrases.h"

namespace plancheck::rules {
namespace {

class MonthFact final : public Rule {
public:
    MonthFact(RuleMeta m, PhraseSet match, int month) : Rule(std::move(m)), match_(std::move(match)), month_(month) {}

    void check(const Context& ctx, Emitter& emit) const override {
        for (const auto& mm : ctx.model.months) {
            if (mm.month == month_ || !match_.matches(utf8::fold(mm.what))) continue;
            emit.at(mm.ref, {{"found", std::string(ctx.model.text(mm.ref))},
                             {"expected", "tháng " + std::to_string(month_)}});
        }
    }

private:
    PhraseSet match_;
    int month_;
};

}  // namespace

std::unique_ptr<Rule> make_month_fact(RuleMeta meta, const Params& p) {
    auto month = p.integer("month");
    if (month < 1 || month > 12) p.fail("month", "expected 1..12");
    return std::make_unique<MonthFact>(std::move(meta), PhraseSet(p, "match"), static_cast<int>(month));
}

}  // namespace plancheck::rules
