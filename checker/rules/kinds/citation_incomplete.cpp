// citation.incomplete: the first citation of a document among the legal bases
// must give the full type name, number-symbol, date, issuer and summary; a
// Law (Luật, Bộ luật, Pháp lệnh) only its type and name. Later citations may be
// short (Decree 30/2020/NĐ-CP, Appendix I, CONFIRMED).
#include <set>

#include "core/utf8.h"
#include "rules/kinds/citation_common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

bool law_type(const std::string& t) { return t == "Luật" || t == "Bộ luật" || t == "Pháp lệnh" || t == "Hiến pháp"; }

// "Theo đề nghị của ... tại Tờ trình số ...", "Xét đề nghị ...": the proposal
// line of a decision names who proposed it; Decree 30 does not count it among
// the bases that must be cited in full.
// The blocks of such lines, found once (a lookup per citation over every basis
// was quadratic: 200,000 "Căn cứ" lines ran for minutes).
std::set<uint32_t> proposal_blocks(const Model& m) {
    std::set<uint32_t> out, seen;
    for (const auto& b : m.outline.bases) {
        if (!seen.insert(b.block).second) continue;  // the first basis of a block decides, as before
        std::string lead = utf8::fold(b.lead);
        if (lead == "theo de nghi" || lead == "xet de nghi") out.insert(b.block);
    }
    return out;
}

// The issuer written before the citation: "... nhiệm vụ giao của Chủ tịch Ủy
// ban nhân dân tỉnh tại Công văn số ..." ("của X tại" right before it).
bool issuer_before(const Model& m, const Citation& c) {
    std::string_view t = m.doc->blocks[c.ref.block].text;
    std::string before = utf8::fold(t.substr(0, c.ref.begin));
    const std::string tai = " tai";
    if (before.size() < tai.size() || before.compare(before.size() - tai.size(), tai.size(), tai) != 0) return false;
    size_t cua = before.rfind("cua ");
    return cua != std::string::npos && (cua == 0 || before[cua - 1] == ' ') && before.size() - cua > 4 + tai.size();
}

class Incomplete final : public Rule {
public:
    using Rule::Rule;
    void check(const Context& ctx, Emitter& emit) const override {
        bool en = emit.options().lang == "en";
        std::set<std::string> seen;
        const std::set<uint32_t> proposals = proposal_blocks(ctx.model);
        for (const auto& c : ctx.model.citations) {
            if (!c.basis_item || proposals.count(c.ref.block)) continue;
            std::string id = identity(c);
            if (id.empty()) id = c.type + "|" + c.number;
            if (!seen.insert(id).second) continue;
            std::vector<std::string> missing;
            auto need = [&](bool ok, const char* vi, const char* eng) {
                if (!ok) missing.push_back(en ? eng : vi);
            };
            need(!c.type.empty() && !c.type_inferred, "tên loại", "type name");
            if (law_type(c.type)) {
                need(!c.name.empty(), "tên luật", "name");
            } else {
                need(!c.symbol.empty(), "số, ký hiệu", "number and symbol");
                need(!c.date.empty(), "ngày ban hành", "date");
                need(!c.issuer.empty() || issuer_before(ctx.model, c), "cơ quan ban hành", "issuer");
                need(!c.summary.empty(), "trích yếu", "summary");
            }
            if (missing.empty()) continue;
            std::string list;
            for (const auto& s : missing) list += (list.empty() ? "" : ", ") + s;
            emit.at(c.ref, {{"cited", cite_text(ctx.model, c)}, {"missing", list}});
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_citation_incomplete(RuleMeta meta, const Params&) {
    return std::make_unique<Incomplete>(std::move(meta));
}

}  // namespace plancheck::rules
