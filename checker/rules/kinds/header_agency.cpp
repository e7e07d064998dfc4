// The issuing body with its directly superior body (Decree 30, Appendix I:
// since 05/3/2020 the superior body is written in all cases). Which bodies have
// one is data: `subordinate` lists the folded openings of their names ("sở",
// "phòng", "chi cục", ...); such a body written alone lacks its superior.
#include "core/utf8.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

class AgencySuperior final : public Rule {
public:
    AgencySuperior(RuleMeta m, std::vector<std::string> subordinate, std::vector<std::string> independent)
        : Rule(std::move(m)), subordinate_(std::move(subordinate)), independent_(std::move(independent)) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const HeaderInfo& h = ctx.model.outline.header;
        if (h.agency.size() != 1) return;  // none (header-part) or body with its superior
        uint32_t b = h.agency.front();
        std::string_view t = ctx.model.doc->blocks[b].text;
        std::string f = utf8::fold(t);
        // Merged columns: the agency is the text before the national title.
        auto title = f.find("cong hoa");
        std::string name = title == std::string::npos ? f : f.substr(0, title);
        // Bodies whose name opens like a subordinate's but that have no superior
        // (VĂN PHÒNG CHÍNH PHỦ, VĂN PHÒNG QUỐC HỘI).
        for (const auto& s : independent_)
            if (name.compare(0, s.size(), s) == 0) return;
        for (const auto& s : subordinate_) {
            if (name.compare(0, s.size(), s) == 0 && (name.size() == s.size() || name[s.size()] == ' ')) {
                emit.at_block(b, {{"found", std::string(utf8::trim(t))}});
                return;
            }
        }
    }

private:
    std::vector<std::string> subordinate_;
    std::vector<std::string> independent_;
};

}  // namespace

std::unique_ptr<Rule> make_agency_superior(RuleMeta meta, const Params& p) {
    std::vector<std::string> sub;
    for (const auto& s : p.strings("subordinate")) sub.push_back(utf8::fold(s));
    std::vector<std::string> ind;
    for (const auto& s : p.strings_or_empty("independent")) ind.push_back(utf8::fold(s));
    return std::make_unique<AgencySuperior>(std::move(meta), std::move(sub), std::move(ind));
}

}  // namespace plancheck::rules
