// citation.unknown: a well-formed citation (type and number-symbol) of a
// document the registry does not know. Local documents are expected, so the
// rule files keep it at info; reported once per document. params.issuers
// limits it to symbols whose issuing body (the symbol's last group) is in the
// list ("QH*" matches QH13, QH15...): the bodies whose documents the registry
// means to cover, so a provincial plan is not told about every local letter.
#include <set>

#include "extract/citation_lexicon.h"

#include "rules/kinds/citation_common.h"
#include "rules/kinds/kinds.h"
#include "core/utf8.h"

namespace plancheck::rules {
namespace {

bool code_matches(const std::string& code, const std::vector<std::string>& patterns) {
    if (patterns.empty()) return true;
    for (const auto& p : patterns) {
        if (!p.empty() && p.back() == '*' ? code.rfind(p.substr(0, p.size() - 1), 0) == 0 : code == p) return true;
    }
    return false;
}

// Number, type and full date of a known document: citation.mismatch reports
// the miscopied symbol; the document is not unknown.
bool miscopied(const Registry& reg, const Citation& c) {
    if (!c.date.complete()) return false;
    auto number = [](std::string k) {
        k = k.substr(0, k.find_first_of("/-"));
        while (k.size() > 1 && k[0] == '0') k.erase(0, 1);
        return k;
    };
    for (const auto& e : reg.entries())
        if (!e.local && e.type == c.type && e.date == c.date && number(e.key) == number(c.key)) return true;
    return false;
}

class Unknown final : public Rule {
public:
    Unknown(RuleMeta m, std::vector<std::string> issuers) : Rule(std::move(m)), issuers_(std::move(issuers)) {}
    void check(const Context& ctx, Emitter& emit) const override {
        if (!ctx.registry) return;
        std::set<std::string> seen;
        for (const auto& c : ctx.model.citations) {
            if (c.key.empty() || c.type.empty() || c.symbol.empty()) continue;
            if (!code_matches(extract::symbol_parts(c).issuer_code, issuers_)) continue;
            if (lookup(ctx, c).entry || miscopied(*ctx.registry, c) || !seen.insert(c.key).second) continue;
            emit.at(c.number_ref, {{"cited", cite_label(ctx.model, c)}});
        }
    }

private:
    std::vector<std::string> issuers_;
};

}  // namespace

std::unique_ptr<Rule> make_citation_unknown(RuleMeta meta, const Params& p) {
    std::vector<std::string> issuers;
    for (const auto& s : p.strings_or_empty("issuers")) issuers.push_back(utf8::nfc(s));
    return std::make_unique<Unknown>(std::move(meta), std::move(issuers));
}

}  // namespace plancheck::rules
