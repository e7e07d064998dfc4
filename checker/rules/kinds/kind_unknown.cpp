// One note when the structure stage could not tell what kind of document this
// is (no type name, no type in the symbol, no "V/v" or "Kính gửi"): the Decree 30
// header and closing rules then do not run, and the reader should know why.
// Nothing is reported for an empty document, for one with no text blocks at all
// or when input.unreadable already explains it.
#include "core/utf8.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

class KindUnknown final : public Rule {
public:
    KindUnknown(RuleMeta m, size_t min_blocks) : Rule(std::move(m)), min_blocks_(min_blocks) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const Model& m = ctx.model;
        if (m.outline.doc_class != DocClass::Unknown) return;
        if (m.doc->blocks.size() < min_blocks_) return;
        if (m.outline.kind != DocKind::Unknown)
            emit.at(TextRef{m.outline.header.doc_type.value_or(0), 0, 0}, {{"kind", to_string(m.outline.kind)}},
                    "no-header");
        else
            emit.missing_before(0);
    }

private:
    size_t min_blocks_;
};

}  // namespace

std::unique_ptr<Rule> make_kind_unknown(RuleMeta meta, const Params& p) {
    auto min = p.integer("min_blocks", 1);
    if (min < 1) p.fail("min_blocks", "must be at least 1");
    return std::make_unique<KindUnknown>(std::move(meta), static_cast<size_t>(min));
}

}  // namespace plancheck::rules
