// citation.unknown: a well-formed citation (type and number-symbol) of a
// document the registry does not know. Local documents are expected, so the
// rule files keep it at info; reported once per document.
#include <set>

#include "rules/kinds/citation_common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

class Unknown final : public Rule {
public:
    using Rule::Rule;
    void check(const Context& ctx, Emitter& emit) const override {
        if (!ctx.registry) return;
        std::set<std::string> seen;
        for (const auto& c : ctx.model.citations) {
            if (c.key.empty() || c.type.empty() || c.symbol.empty()) continue;
            if (lookup(ctx, c).entry || !seen.insert(c.key).second) continue;
            emit.at(c.number_ref, {{"cited", cite_label(ctx.model, c)}});
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_citation_unknown(RuleMeta meta, const Params&) {
    return std::make_unique<Unknown>(std::move(meta));
}

}  // namespace plancheck::rules
