// citation.duplicate: the same document cited twice among the legal bases.
// Only what a basis cites counts (Citation::basis_item): a document named
// inside another's summary, or a later short reference in the body, is not a
// second basis.
#include <map>

#include "rules/kinds/citation_common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

class Duplicate final : public Rule {
public:
    using Rule::Rule;
    void check(const Context& ctx, Emitter& emit) const override {
        std::map<std::string, const Citation*> first;
        for (const auto& c : ctx.model.citations) {
            if (!c.basis_item) continue;
            std::string id = identity(c);
            if (id.empty()) continue;
            auto [it, fresh] = first.emplace(id, &c);
            if (fresh) continue;
            Pos p = ctx.model.block(it->second->ref.block).locate(it->second->ref.begin);
            emit.at(c.ref, {{"cited", cite_label(ctx.model, c)}, {"first_line", std::to_string(p.line)}});
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_citation_duplicate(RuleMeta meta, const Params&) {
    return std::make_unique<Duplicate>(std::move(meta));
}

}  // namespace plancheck::rules
