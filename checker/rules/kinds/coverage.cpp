// Items of the parent decision a plan must address. Each item is found by its
// phrases (folded) in one body block; an item no block mentions is reported
// (usually as info: the items' exact wording in the parent is not confirmed,
// only their substance).
#include "rules/kinds/coverage.h"

#include "core/utf8.h"
#include "rules/kinds/kinds.h"
#include "rules/kinds/phrases.h"

namespace plancheck::rules {
namespace {

struct Item {
    std::string group, name;
    PhraseSet match;
};

class Coverage final : public Rule {
public:
    Coverage(RuleMeta m, std::vector<Item> items, std::vector<std::string> within)
        : Rule(std::move(m)), items_(std::move(items)), within_(std::move(within)) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const Model& m = ctx.model;
        for (const auto& row : rows(m))
            if (!row.block) emit.missing_before(where(m), {{"group", row.group}, {"item", row.name}});
    }

    std::vector<CoverageRow> rows(const Model& m) const {
        std::vector<std::string> folded;
        for (uint32_t b = m.outline.body_begin; b < m.outline.body_end; ++b)
            folded.push_back(utf8::fold(m.doc->blocks[b].text));
        std::vector<CoverageRow> out;
        for (const auto& it : items_) {
            CoverageRow r{it.group, it.name, std::nullopt};
            for (size_t i = 0; i < folded.size() && !r.block; ++i)
                if (it.match.matches(folded[i])) r.block = m.outline.body_begin + static_cast<uint32_t>(i);
            out.push_back(std::move(r));
        }
        return out;
    }

private:
    // The heading of the section where the items belong (first alias found),
    // else the end of the body.
    uint32_t where(const Model& m) const {
        for (const auto& w : within_)
            for (const auto& sec : m.outline.sections)
                if (sec.depth == 0 && utf8::fold(sec.title).compare(0, w.size(), w) == 0) return sec.block;
        return m.outline.body_end;
    }
    std::vector<Item> items_;
    std::vector<std::string> within_;
};

}  // namespace

std::optional<std::vector<CoverageRow>> coverage_rows(const Rule& rule, const Model& m) {
    if (const auto* c = dynamic_cast<const Coverage*>(&rule)) return c->rows(m);
    return std::nullopt;
}

std::unique_ptr<Rule> make_coverage(RuleMeta meta, const Params& p) {
    std::vector<Item> items;
    for (const auto& ip : p.list("items")) {
        Item it{ip.str("group"), ip.str("name"), PhraseSet(ip, "match")};
        ip.finish();
        items.push_back(std::move(it));
    }
    std::vector<std::string> within;
    for (const auto& w : p.strings_or_empty("within")) within.push_back(utf8::fold(w));
    return std::make_unique<Coverage>(std::move(meta), std::move(items), std::move(within));
}

}  // namespace plancheck::rules
