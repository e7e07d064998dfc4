// A section the document must have, found by its title (any of `aliases`,
// compared accent- and case-insensitively as prefixes or substrings), optionally
// only inside a parent section whose title matches `within`.
#include "core/utf8.h"
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

bool title_matches(const std::string& title, const std::vector<std::string>& aliases, bool contains) {
    for (const auto& a : aliases) {
        if (contains ? title.find(a) != std::string::npos : title.compare(0, a.size(), a) == 0)
            return true;
    }
    return false;
}

class RequiredSection final : public Rule {
public:
    RequiredSection(RuleMeta m, std::vector<std::string> aliases, std::vector<std::string> within,
                    bool contains, std::string name)
        : Rule(std::move(m)), aliases_(std::move(aliases)), within_(std::move(within)),
          contains_(contains), name_(std::move(name)) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const auto& secs = ctx.model.outline.sections;
        const Outline& o = ctx.model.outline;
        int parent = -1;
        std::string scratch;
        if (!within_.empty()) {
            for (size_t i = 0; i < secs.size(); ++i)
                if (title_matches(folded_title(ctx, i, scratch), within_, contains_)) { parent = static_cast<int>(i); break; }
            if (parent < 0) return;  // the parent's own rule reports its absence
        }
        for (size_t i = 0; i < secs.size(); ++i) {
            if (parent >= 0 && !descends(secs, static_cast<int>(i), parent)) continue;
            if (title_matches(folded_title(ctx, i, scratch), aliases_, contains_)) return;
        }
        // Anchor: the parent's heading for a missing sub-section, else the first
        // top-level heading (the outline the section is missing from).
        if (parent >= 0) {
            emit.at(secs[static_cast<size_t>(parent)].title_ref, {{"section", name_}});
            return;
        }
        for (const auto& s : secs)
            if (s.parent < 0 && s.heading) {
                emit.at(s.title_ref, {{"section", name_}});
                return;
            }
        emit.missing_before(o.body_begin, {{"section", name_}});
    }

private:
    static bool descends(const std::vector<Section>& secs, int i, int ancestor) {
        for (int p = secs[static_cast<size_t>(i)].parent; p >= 0; p = secs[static_cast<size_t>(p)].parent)
            if (p == ancestor) return true;
        return false;
    }
    std::vector<std::string> aliases_, within_;
    bool contains_;
    std::string name_;
};

}  // namespace

std::unique_ptr<Rule> make_required_section(RuleMeta meta, const Params& p) {
    std::vector<std::string> aliases, within;
    for (const auto& a : p.strings("aliases")) aliases.push_back(utf8::fold(a));
    for (const auto& a : p.strings_or_empty("within")) within.push_back(utf8::fold(a));
    std::string match = p.str("match", "prefix");
    if (match != "prefix" && match != "contains") p.fail("match", "expected prefix or contains");
    std::string name = p.str("name", p.strings("aliases").front());
    return std::make_unique<RequiredSection>(std::move(meta), std::move(aliases), std::move(within),
                                             match == "contains", std::move(name));
}

}  // namespace plancheck::rules
