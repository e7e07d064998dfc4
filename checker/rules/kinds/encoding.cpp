// Text that is not Unicode: a file (or .docx runs) converted from a legacy
// Vietnamese code table (TCVN3, VNI, Windows-1258), text showing legacy letters
// through a Western code page (mojibake), or characters lost in a conversion
// (U+FFFD). Decree 30/2020 Appendix I requires Unicode fonts (TCVN 6909:2001);
// ingest and normalize record what they saw, this kind reports it.
//
// params: problem: legacy | replacement
#include <algorithm>

#include "core/legacy_vn.h"
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

std::string display(std::string_view enc) {
    auto e = legacy::parse_encoding(enc);
    return e ? std::string(legacy::display_name(*e)) : std::string(enc);
}

class LegacyEncoding final : public Rule {
public:
    explicit LegacyEncoding(RuleMeta m) : Rule(std::move(m)) {}
    void check(const Context& ctx, Emitter& emit) const override {
        // One diagnostic per table and kind of evidence: a converted .docx may
        // have hundreds of legacy runs, and one finding says all there is to say.
        std::vector<std::pair<std::string, std::string>> seen;
        for (const auto& o : ctx.model.doc->observations) {
            if (o.kind != "encoding.legacy" && o.kind != "encoding.mojibake") continue;
            std::pair<std::string, std::string> key{o.kind, o.detail};
            if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
            seen.push_back(key);
            emit.at(o.ref, {{"encoding", display(o.detail)}, {"found", std::string(ctx.model.text(o.ref))}});
        }
    }
};

class Replacement final : public Rule {
public:
    explicit Replacement(RuleMeta m) : Rule(std::move(m)) {}
    void check(const Context& ctx, Emitter& emit) const override {
        const auto& blocks = ctx.model.doc->blocks;
        for (uint32_t b = 0; b < blocks.size(); ++b) {
            auto pos = blocks[b].text.find("\xEF\xBF\xBD");
            if (pos == std::string::npos) continue;
            emit.at({b, static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + 3)});
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_encoding(RuleMeta meta, const Params& p) {
    std::string problem = p.str("problem");
    if (problem == "legacy") return std::make_unique<LegacyEncoding>(std::move(meta));
    if (problem == "replacement") return std::make_unique<Replacement>(std::move(meta));
    p.fail("problem", "must be 'legacy' or 'replacement'");
}

}  // namespace plancheck::rules
