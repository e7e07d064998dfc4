// The same heading twice among the sections of one parent ("2. Mục tiêu cụ
// thể" twice under "I. MỤC TIÊU"), compared accent- and case-insensitively.
#include <map>

#include "core/utf8.h"
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

class DuplicateHeading final : public Rule {
public:
    explicit DuplicateHeading(RuleMeta m) : Rule(std::move(m)) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const auto& secs = ctx.model.outline.sections;
        std::map<std::pair<int, std::string>, int> seen;  // (parent, folded title) -> section
        for (size_t i = 0; i < secs.size(); ++i) {
            const Section& s = secs[i];
            if (!s.heading || s.number.empty()) continue;  // dashes and running text items
            std::string f = utf8::fold(s.title);
            if (f.size() < 3) continue;
            auto [it, fresh] = seen.emplace(std::make_pair(s.parent, f), static_cast<int>(i));
            if (fresh) continue;
            const Section& first = secs[static_cast<size_t>(it->second)];
            emit.at(s.title_ref, {{"title", s.title},
                                  {"first_line", std::to_string(ctx.model.block(first.block).line())}});
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_heading(RuleMeta meta, const Params&) {
    return std::make_unique<DuplicateHeading>(std::move(meta));
}

}  // namespace plancheck::rules
