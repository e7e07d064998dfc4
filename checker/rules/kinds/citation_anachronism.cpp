// citation.anachronism: a cited document dated after the document citing it
// (the date as written in the citation, else the registry's, else the year in
// its symbol). Without a document date the check is skipped.
#include "extract/dates.h"
#include "core/utf8.h"
#include "rules/kinds/citation_common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

class Anachronism final : public Rule {
public:
    using Rule::Rule;
    void check(const Context& ctx, Emitter& emit) const override {
        Date own = document_date(ctx.model);
        if (own.empty()) return;
        Date until = latest(own);  // a partial date counts only when every day it may be is early
        const std::string self = own_key(ctx.model);
        for (const auto& c : ctx.model.citations) {
            // The document naming itself with a wrong date: citation.inconsistent.self.
            if (!self.empty() && utf8::lower(c.key) == self) continue;
            Date cited = c.date;
            if (cited.empty()) {
                Resolution r = lookup(ctx, c);
                if (r.entry) cited = r.entry->date;
            }
            if (cited.empty() && c.symbol_year) cited = {0, 0, c.symbol_year};
            if (cited.empty()) continue;
            bool late = cited.complete() ? compare(cited, until) > 0 : cited.year > until.year;
            if (!late) continue;
            emit.at(c.ref, {{"cited", cite_label(ctx.model, c)},
                            {"cited_date", extract::format_date(cited)},
                            {"date", extract::format_date(own)}});
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_citation_anachronism(RuleMeta meta, const Params&) {
    return std::make_unique<Anachronism>(std::move(meta));
}

}  // namespace plancheck::rules
