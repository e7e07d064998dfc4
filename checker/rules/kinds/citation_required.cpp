// citation.required-missing: a rule set names documents a plan must cite
// (params.keys), among its legal bases (params.in: bases, the default) or
// anywhere (params.in: anywhere).
#include "extract/citation_lexicon.h"
#include "rules/kinds/citation_common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

class Required final : public Rule {
public:
    Required(RuleMeta m, std::vector<std::string> keys, bool bases_only)
        : Rule(std::move(m)), keys_(std::move(keys)), bases_only_(bases_only) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const Model& m = ctx.model;
        for (const auto& key : keys_) {
            bool found = false;
            for (const auto& c : m.citations) {
                if (bases_only_ && !c.in_bases) continue;
                if (!c.key.empty() && extract::loose_key(c.key) == extract::loose_key(key)) found = true;
            }
            if (found) continue;
            // Before the first basis; a trích yếu under the type name is not one (see extract).
            uint32_t at = m.outline.body_begin;
            for (const auto& b : m.outline.bases) {
                bool title = m.outline.header.doc_type && m.outline.header.title.empty() &&
                             b.block == *m.outline.header.doc_type + 1;
                if (!title) { at = b.block; break; }
            }
            emit.missing_before(at, {{"key", key}});
        }
    }

private:
    std::vector<std::string> keys_;
    bool bases_only_;
};

}  // namespace

std::unique_ptr<Rule> make_citation_required(RuleMeta meta, const Params& p) {
    auto keys = p.strings("keys");
    std::string in = p.str("in", "bases");
    if (in != "bases" && in != "anywhere") p.fail("in", "expected bases or anywhere");
    return std::make_unique<Required>(std::move(meta), std::move(keys), in == "bases");
}

}  // namespace plancheck::rules
