// citation.superseded: a cited document that was no longer in force on the
// citing document's own date (registry replaced_by with its effective date).
// Without a document date the check is skipped: it never guesses.
#include <set>

#include "extract/dates.h"
#include "rules/kinds/citation_common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

class Superseded final : public Rule {
public:
    using Rule::Rule;
    void check(const Context& ctx, Emitter& emit) const override {
        Date own = document_date(ctx.model);
        if (own.empty()) return;
        Date from = earliest(own);  // a partial date counts only when every day it may be is late
        std::set<std::string> seen;
        for (const auto& c : ctx.model.citations) {
            Resolution r = lookup(ctx, c);
            if (!r.entry || !seen.insert(r.entry->id).second) continue;
            for (const auto& rep : r.entry->replaced_by) {
                if (rep.effective.empty() || compare(from, rep.effective) < 0) continue;
                auto& d = emit.at(c.ref, {{"cited", cite_label(ctx.model, c)},
                                          {"by", rep.id},
                                          {"from", extract::format_date(rep.effective)},
                                          {"date", extract::format_date(own)}});
                emit.with_severity(d, capped(d.severity, rep.confidence));
                break;
            }
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_citation_superseded(RuleMeta meta, const Params&) {
    return std::make_unique<Superseded>(std::move(meta));
}

}  // namespace plancheck::rules
