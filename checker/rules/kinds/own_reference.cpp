// The document naming itself with a number or date its header does not have
// (issue 12 class 6): "Ủy ban nhân dân xã ban hành Kế hoạch số 54/KH-UBND"
// in the opening of plan 45/KH-UBND, "Trên đây là Kế hoạch số 54/KH-UBND
// ngày 12/3/2022 ..." in its closing sentence, or the note of its own
// attachment "(Ban hành kèm theo Quyết định số 21/QĐ-UBND ngày ...)" after
// decision 12/QĐ-UBND. A citation is the document itself only when it has
// the document's type and symbol and stands where a document names itself:
// after "ban hành" in the opening (before the first numbered part, outside the
// legal bases), after "Trên đây là" at the start of a paragraph, or in the
// note of an attachment. Other documents with the same symbol (the province's
// "Kế hoạch số 4963/KH-UBND") are cited everywhere else and are not read.
// A blank number or day in the header is compared with nothing. With the
// number written, a self-citation's date is citation.inconsistent.self's.
#include <algorithm>

#include "core/utf8.h"
#include "extract/progress.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

const char* type_of(DocKind k) {
    switch (k) {
        case DocKind::Plan: return "Kế hoạch";
        case DocKind::Report: return "Báo cáo";
        case DocKind::Programme: return "Chương trình";
        case DocKind::Decision: return "Quyết định";
        case DocKind::Submission: return "Tờ trình";
        case DocKind::Notice: return "Thông báo";
        case DocKind::Guidance: return "Hướng dẫn";
        case DocKind::Scheme: return "Phương án";
        case DocKind::Project: return "Đề án";
        default: return nullptr;
    }
}

std::string key(std::string_view s) {
    std::string out;
    for (char c : utf8::fold(s))
        if (std::isalnum(static_cast<unsigned char>(c))) out += c;
    return out;
}
std::string digits(std::string_view s) {
    std::string o;
    for (char c : s)
        if (std::isdigit(static_cast<unsigned char>(c))) o += c;
    while (o.size() > 1 && o[0] == '0') o.erase(0, 1);
    return o;
}
bool ends_with(const std::string& s, std::string_view w) {
    return s.size() >= w.size() && s.compare(s.size() - w.size(), w.size(), w) == 0;
}

class OwnReference final : public Rule {
public:
    explicit OwnReference(RuleMeta m) : Rule(std::move(m)) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const Model& m = ctx.model;
        const char* own = type_of(m.outline.kind);
        if (!own) return;
        DocIdentity id = extract::identity_of(m);
        if (id.symbol.empty()) return;
        const auto& o = m.outline;
        uint32_t opening_end = o.sections.empty() ? o.body_end : o.sections.front().block;
        for (const Citation& c : m.citations) {
            if (c.type != own || key(c.symbol) != key(id.symbol)) continue;
            uint32_t b = c.ref.block;
            std::string_view t = m.block(b).text;
            std::string lead = utf8::fold(t.substr(0, c.ref.begin));
            bool self = false;
            bool basis = std::any_of(o.bases.begin(), o.bases.end(), [&](const Basis& x) { return x.block == b; });
            // The opening sentence (the structure may read it as the title's last line when it ends with ':').
            bool in_title = std::find(o.header.title.begin(), o.header.title.end(), b) != o.header.title.end();
            bool opening = in_title || (b >= o.body_begin && b < opening_end && !basis);
            if (opening && ends_with(lead, "ban hanh")) self = true;
            if (lead == "tren day la") self = true;
            for (const auto& a : o.attachments)
                if (a.note && *a.note == b && m.outline.kind == DocKind::Decision) self = true;
            if (!self) continue;
            if (!id.number.empty() && !c.number.empty() && digits(id.number) != digits(c.number)) {
                emit.at(c.number_ref, {{"found", c.number + "/" + c.symbol}, {"expected", id.number + "/" + id.symbol},
                                       {"line", std::to_string(id.number_line)}});
                continue;
            }
            // Its date against the place-date line: citation.inconsistent.self does it
            // when the number is written; here only when the header leaves it blank.
            if (!id.number.empty()) continue;
            const Date& a = c.date;
            const Date& h = id.date;
            if (a.year && h.year &&
                (a.year != h.year || (a.month && h.month && a.month != h.month) || (a.day && h.day && a.day != h.day))) {
                auto fmt = [](const Date& d) {
                    std::string s;
                    if (d.day) s += std::to_string(d.day) + "/";
                    if (d.month) s += std::to_string(d.month) + "/";
                    return s + std::to_string(d.year);
                };
                emit.at(c.date_ref.end > c.date_ref.begin ? c.date_ref : c.ref,
                        {{"found", fmt(a)}, {"expected", fmt(h)}, {"line", std::to_string(id.date_line)}}, "date");
            }
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_own_reference(RuleMeta meta, const Params&) {
    return std::make_unique<OwnReference>(std::move(meta));
}

}  // namespace plancheck::rules
