// Text matching an RE2 pattern (linear time; compiled once at load). The
// message may use {match} and {1}..{9} for capture groups. `unless` skips
// blocks matching a second pattern.
#include <re2/re2.h>

#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

class Pattern final : public Rule {
public:
    Pattern(RuleMeta m, std::shared_ptr<re2::RE2> re, std::shared_ptr<re2::RE2> unless, Scope scope)
        : Rule(std::move(m)), re_(std::move(re)), unless_(std::move(unless)), scope_(scope) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const auto& blocks = ctx.model.doc->blocks;
        const int groups = std::min(re_->NumberOfCapturingGroups(), 9);
        std::vector<re2::StringPiece> m(static_cast<size_t>(groups) + 1);
        for (uint32_t b = 0; b < blocks.size(); ++b) {
            if (!in_scope(ctx.model, b, scope_)) continue;
            const std::string& t = blocks[b].text;
            if (unless_ && RE2::PartialMatch(t, *unless_)) continue;
            size_t pos = 0;
            while (pos <= t.size() &&
                   re_->Match(t, pos, t.size(), RE2::UNANCHORED, m.data(), groups + 1)) {
                auto s = static_cast<size_t>(m[0].data() - t.data());
                size_t e = s + m[0].size();
                Args args{{"match", std::string(m[0])}};
                for (int g = 1; g <= groups; ++g) args.emplace_back(std::to_string(g), std::string(m[static_cast<size_t>(g)]));
                emit.at({b, static_cast<uint32_t>(s), static_cast<uint32_t>(e)}, args);
                pos = e > s ? e : e + 1;
            }
        }
    }

private:
    std::shared_ptr<re2::RE2> re_, unless_;
    Scope scope_;
};

}  // namespace

std::unique_ptr<Rule> make_pattern(RuleMeta meta, const Params& p) {
    auto re = p.regex("pattern");
    std::shared_ptr<re2::RE2> unless = p.has("unless") ? p.regex("unless") : nullptr;
    return std::make_unique<Pattern>(std::move(meta), std::move(re), std::move(unless), read_scope(p, Scope::Body));
}

}  // namespace plancheck::rules
