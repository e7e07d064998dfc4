// A sentence fragment: a paragraph that opens with an introductory clause
// ("Căn cứ ...", "Thực hiện ...", "Theo ...", "Triển khai ...") and is closed by
// a full stop, while its main clause stands alone as the next paragraph
// ("Ủy ban nhân dân huyện báo cáo như sau:"). The sentence is "Thực hiện ...,
// Ủy ban nhân dân huyện báo cáo như sau:".
//
// Not a fragment: the legal bases (Decree 30, Appendix I §6a: one basis a line,
// ';' after each, '.' after the last, then the authority's decision or "ban hành
// Kế hoạch như sau:"), which the outline recognises; a paragraph that has its own
// main clause ("Thực hiện ..., Sở đã tổ chức ... ."), told by a comma followed by
// the next paragraph not being a clause that ends in ':'.
#include <algorithm>

#include "core/utf8.h"
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"
#include "structure/structure.h"

namespace plancheck::rules {
namespace {

// ", " then a capitalised word (not a type name of a further citation) after `from`.
bool has_main_clause(std::string_view t, size_t from) {
    for (size_t k = t.find(", ", from); k != std::string_view::npos; k = t.find(", ", k + 2)) {
        size_t i = k + 2;
        if (i >= t.size()) break;
        char32_t c = utf8::next(t, i);
        std::string one;
        utf8::append(one, c);
        if (!utf8::is_letter(c) || utf8::lower(one) == one) continue;
        std::string_view rest = t.substr(k + 2);
        bool citation = false;
        for (std::string_view type : {"Quyết định", "Nghị quyết", "Nghị định", "Thông tư", "Kế hoạch", "Công văn", "Chỉ thị",
                                      "Luật", "Thông báo", "Chương trình", "Hướng dẫn", "Văn bản", "Báo cáo", "Tờ trình"})
            citation |= rest.substr(0, type.size()) == type;
        if (!citation) return true;
    }
    return false;
}

class Fragment final : public Rule {
public:
    Fragment(RuleMeta m, std::vector<std::string> leads) : Rule(std::move(m)), leads_(std::move(leads)) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const auto& doc = *ctx.model.doc;
        const auto& blocks = doc.blocks;
        const Outline& o = ctx.model.outline;
        const bool lines = doc.format == "txt" || doc.format == "pdf";
        // Looked up per block, not searched (200,000 bases times as many lines).
        std::vector<char> basis(blocks.size(), 0);
        for (const auto& x : o.bases)
            if (x.block < basis.size()) basis[x.block] = 1;
        const auto& cs = ctx.model.citations;
        const bool by_block = std::is_sorted(cs.begin(), cs.end(), [](const Citation& x, const Citation& y) {
            return x.ref.block < y.ref.block;
        });
        for (uint32_t b = o.header.end; b + 1 < blocks.size(); ++b) {
            if (in_scope(ctx.model, b, Scope::Closing)) break;
            if (basis[b] || blocks[b].in_table) continue;
            std::string_view t = utf8::trim(blocks[b].text);
            std::string lead;
            for (const auto& l : leads_)
                if (t.size() > l.size() && t.compare(0, l.size(), l) == 0 && t[l.size()] == ' ') lead = l;
            if (lead.empty()) continue;
            // The paragraph's last block: in .txt/.pdf a paragraph wraps over
            // physical lines until one ends a clause.
            uint32_t e = b;
            if (lines) {
                while (e + 1 < blocks.size() && e - b < 12 && !blocks[e + 1].in_table && !blocks[e].anchors.empty() &&
                       blocks[e + 1].line() == blocks[e].anchors.back().line + 1) {
                    std::string_view et = utf8::trim(blocks[e].text);
                    if (!et.empty() && std::string_view(".;:!?").find(et.back()) != std::string_view::npos) break;
                    if (structure::parse_label(blocks[e + 1].text).kind != LabelKind::None) break;
                    ++e;
                }
            }
            if (e + 1 >= blocks.size() || blocks[e + 1].in_table) continue;
            std::string_view last = utf8::trim(blocks[e].text);
            if (last.empty() || last.back() != '.') continue;
            // The clause is the lead and a citation with its summary: "Thực hiện
            // Công văn số ... về việc ... ." With a comma and a capitalised word
            // after the citation, the main clause is there ("..., Sở Nội vụ đã ...").
            const size_t off = static_cast<size_t>(t.data() - blocks[b].text.data());
            const Citation* cite = nullptr;
            auto first = by_block ? std::lower_bound(cs.begin(), cs.end(), b,
                                                    [](const Citation& c, uint32_t blk) { return c.ref.block < blk; })
                                 : cs.begin();
            for (auto c = first; c != cs.end() && !(by_block && c->ref.block > b); ++c)
                if (c->ref.block == b && c->ref.begin <= off + lead.size() + 3) { cite = &*c; break; }
            if (!cite) continue;
            bool main_clause = false;
            for (uint32_t k = b; k <= e && !main_clause; ++k) {
                size_t from = 0;
                // After the citation itself: a summary may run on over ", Sở đã ...".
                if (k == b) from = cite->ref.end;
                main_clause = has_main_clause(blocks[k].text, from);
            }
            if (main_clause) continue;
            // The next paragraph is the main clause: it starts in capitals, ends
            // with ':' and is short ("Ủy ban nhân dân huyện báo cáo như sau:").
            std::string_view n = utf8::trim(blocks[e + 1].text);
            if (n.empty() || n.back() != ':' || structure::parse_label(n).kind != LabelKind::None) continue;
            size_t i = 0;
            std::string one;
            utf8::append(one, utf8::next(n, i));
            if (utf8::lower(one) == one || utf8::is_upper_text(n)) continue;
            if (words_of(n).size() > 25) continue;
            const uint32_t lo = static_cast<uint32_t>(last.data() - blocks[e].text.data() + last.size());
            emit.at({e, lo - 1, lo}, {{"lead", lead}});
            b = e;
        }
    }

private:
    std::vector<std::string> leads_;
};

}  // namespace

std::unique_ptr<Rule> make_fragment(RuleMeta meta, const Params& p) {
    std::vector<std::string> leads;
    for (const auto& l : p.strings("leads")) leads.push_back(utf8::nfc(l));
    if (leads.empty()) p.fail("leads", "needs at least one introductory word");
    return std::make_unique<Fragment>(std::move(meta), std::move(leads));
}

}  // namespace plancheck::rules
