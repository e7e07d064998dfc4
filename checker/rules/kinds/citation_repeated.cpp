// citation.repeated-full: a document cited again in full after its first
// citation. Decree 30, Appendix I §6b: the first citation gives type, number,
// symbol, date, issuer and summary; later ones give only the type and the
// number-symbol. A later citation that writes the date again is reported,
// once per document (the first repetition).
//
// Not reported: bases cited twice (citation.duplicate's business), and a
// citation written inside another citation's summary ("Chương trình số
// 12-CTr/TU ... thực hiện Nghị quyết số 28-NQ/TW ngày 23/5/2018 ..."): there it
// is part of the other document's title, quoted as that document has it.
#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "core/utf8.h"
#include "rules/kinds/citation_common.h"
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

// Inside a quotation opened earlier in the paragraph ("“… Nghị định số ...").
// A quoted passage repeats another text as it is written.
bool quoted(std::string_view t, uint32_t at) {
    std::string_view before = t.substr(0, std::min<size_t>(at, t.size()));
    size_t open = 0, close = 0;
    for (size_t k = 0; (k = before.find("“", k)) != std::string_view::npos; k += 3) ++open;
    for (size_t k = 0; (k = before.find("”", k)) != std::string_view::npos; k += 3) ++close;
    return open > close;
}

bool inside(const TextRef& r, const TextRef& outer) {
    return outer.end > outer.begin && r.block == outer.block && r.begin >= outer.begin && r.begin < outer.end;
}

class Repeated final : public Rule {
public:
    Repeated(RuleMeta m, Scope scope) : Rule(std::move(m)), scope_(scope) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const auto& cs = ctx.model.citations;
        const auto& blocks = ctx.model.doc->blocks;
        std::map<std::string, const Citation*> first;
        std::set<std::string> reported;
        // The citations with a summary, by the block it is in: a repetition
        // looks for a summary holding it in its own block only (200,000
        // repeated citations compared with every other one was quadratic).
        std::vector<std::pair<uint32_t, size_t>> summaries;
        for (size_t k = 0; k < cs.size(); ++k)
            if (cs[k].summary_ref.end > cs[k].summary_ref.begin) summaries.emplace_back(cs[k].summary_ref.block, k);
        std::sort(summaries.begin(), summaries.end());
        for (size_t i = 0; i < cs.size(); ++i) {
            const Citation& c = cs[i];
            std::string id = identity(c);
            // Table cells (a list of evidence, one document per row) stand alone.
            if (id.empty() || c.key.empty() || blocks[c.ref.block].in_table) continue;
            // The header (a Công văn's "V/v ..." line, the title) summarises; the
            // text's own first citation comes after it.
            if (c.ref.block < ctx.model.outline.header.end) continue;
            auto [it, fresh] = first.emplace(id, &c);
            if (fresh) continue;
            const Citation& f = *it->second;
            if (c.short_form || c.date.empty() || c.in_bases || !in_scope(ctx.model, c.ref.block, scope_)) continue;
            // Another document with the same local number ("116/KH-UBND" of another district).
            if (!c.issuer.empty() && !f.issuer.empty() && utf8::fold(c.issuer) != utf8::fold(f.issuer)) continue;
            if (!f.date.empty() && !(f.date == c.date)) continue;  // citation.inconsistent's business
            if (reported.count(id)) continue;  // once per document
            bool nested = false;
            for (auto s = std::lower_bound(summaries.begin(), summaries.end(), std::make_pair(c.ref.block, size_t{0}));
                 s != summaries.end() && s->first == c.ref.block && !nested; ++s)
                nested = s->second != i && inside(c.ref, cs[s->second].summary_ref);
            if (nested || quoted(blocks[c.ref.block].text, c.ref.begin)) continue;
            // Once per document: the first repetition is enough to show the habit.
            reported.insert(id);
            Pos p = ctx.model.block(f.ref.block).locate(f.ref.begin);
            emit.at(c.date_ref, {{"cited", cite_label(ctx.model, c)}, {"first_line", std::to_string(p.line)}});
        }
    }

private:
    Scope scope_;
};

}  // namespace

std::unique_ptr<Rule> make_citation_repeated(RuleMeta meta, const Params& p) {
    return std::make_unique<Repeated>(std::move(meta), read_scope(p, Scope::Body));
}

}  // namespace plancheck::rules
