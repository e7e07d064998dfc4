// The type name and summary (Decree 30, Art. 8(2)(đ)): "KẾ HOẠCH" in capitals on
// its own line, then the summary of what the document is about.
//   check: type      no type name (an official letter, which has none, is exempt)
//   check: capitals  the type name typed in lower case ("Kế hoạch")
//   check: summary   a type name with no summary line after it
#include "core/utf8.h"
#include "rules/kinds/kinds.h"
#include "structure/structure.h"

namespace plancheck::rules {
namespace {

enum class Check { Type, Capitals, Summary };

// A header line that is a type name typed in lower case: the structure stage
// only takes upper-case lines as the type name.
std::optional<uint32_t> lower_case_type(const Model& m) {
    const auto& blocks = m.doc->blocks;
    uint32_t limit = std::min<uint32_t>(static_cast<uint32_t>(blocks.size()), m.outline.body_begin + 1);
    limit = std::min<uint32_t>(limit, 16);
    for (uint32_t b = 0; b < limit; ++b)
        if (structure::is_type_name(utf8::fold(blocks[b].text)) && !utf8::is_upper_text(blocks[b].text)) return b;
    return std::nullopt;
}

class TypeName final : public Rule {
public:
    TypeName(RuleMeta m, Check c) : Rule(std::move(m)), check_(c) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const Model& m = ctx.model;
        const HeaderInfo& h = m.outline.header;
        if (m.doc->blocks.empty()) return;
        switch (check_) {
            case Check::Type:
                if (h.doc_type || m.outline.kind == DocKind::Letter || lower_case_type(m)) return;
                emit.missing_before(h.end < m.doc->blocks.size() ? h.end : 0);
                return;
            case Check::Capitals:
                if (h.doc_type) return;
                if (auto b = lower_case_type(m))
                    emit.at_block(*b, {{"found", std::string(utf8::trim(m.doc->blocks[*b].text))},
                                       {"expected", utf8::upper(utf8::trim(m.doc->blocks[*b].text))}});
                return;
            case Check::Summary:
                if (!h.doc_type || !h.title.empty()) return;
                // "Kính gửi" right under the type name: a slip (Phiếu gửi,
                // Phiếu chuyển) has no summary; not judged (the structure
                // used to take that line for the summary).
                if (h.addressee && *h.addressee == *h.doc_type + 1) return;
                emit.at_block(*h.doc_type, {{"type", h.doc_type_name}});
                return;
        }
    }

private:
    Check check_;
};

}  // namespace

std::unique_ptr<Rule> make_type_name(RuleMeta meta, const Params& p) {
    std::string c = p.str("check");
    Check check;
    if (c == "type") check = Check::Type;
    else if (c == "capitals") check = Check::Capitals;
    else if (c == "summary") check = Check::Summary;
    else p.fail("check", "expected type, capitals or summary");
    return std::make_unique<TypeName>(std::move(meta), check);
}

}  // namespace plancheck::rules
