// citation.inconsistent: one document cited with two different dates in the
// same text ("Kế hoạch số 57/KH-UBND ngày 02/3/2022" on one line, "ngày
// 20/3/2022" on another). Numbers run within a year (Decree 30, Art. 15), so
// two dates of the same year under one number-symbol, from the same issuer,
// are one document dated twice; dates of two different years are two
// documents. Registry documents are checked against the registry by
// citation.mismatch.date; this rule needs no registry.
#include <map>
#include <set>

#include "core/utf8.h"
#include "extract/dates.h"
#include "rules/kinds/citation_common.h"
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

class Inconsistent final : public Rule {
public:
    using Rule::Rule;
    void check(const Context& ctx, Emitter& emit) const override {
        std::map<std::string, std::vector<const Citation*>> seen;
        std::set<std::string> reported;
        for (const auto& c : ctx.model.citations) {
            if (c.key.empty() || c.short_form || !c.date.complete() || !is_real_date(c.date)) continue;
            // A citation inside another's summary names that document's basis as
            // it wrote it; it still counts.
            auto& list = seen[utf8::fold(c.key)];
            for (const Citation* f : list) {
                if (f->date.year != c.date.year || f->date == c.date) continue;
                if (!c.issuer.empty() && !f->issuer.empty() && utf8::fold(c.issuer) != utf8::fold(f->issuer)) continue;
                if (!reported.insert(utf8::fold(c.key)).second) break;
                Pos p = ctx.model.block(f->date_ref.block).locate(f->date_ref.begin);
                emit.at(c.date_ref, {{"cited", cite_label(ctx.model, c)},
                                     {"found", std::string(ctx.model.text(c.date_ref))},
                                     {"first", extract::format_date(f->date)},
                                     {"first_line", std::to_string(p.line)}});
                break;
            }
            list.push_back(&c);
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_citation_inconsistent(RuleMeta meta, const Params&) {
    return std::make_unique<Inconsistent>(std::move(meta));
}

}  // namespace plancheck::rules
