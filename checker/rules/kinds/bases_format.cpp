// Layout of the legal bases (Decree 30, Appendix I, "căn cứ ban hành"): each
// basis on its own line ending with ";", the last one with "." — or with ";"
// or "," when an introductory sentence follows it before the first section.
//   check: ending        the punctuation that closes each "Căn cứ" line
//   check: one-per-line  a second document cited after ";" inside one basis
//                        (`types` lists the document-type words that start one)
#include "core/utf8.h"
#include "rules/kinds/kinds.h"
#include "structure/structure.h"

namespace plancheck::rules {
namespace {

enum class Check { Ending, OnePerLine };

class BasesFormat final : public Rule {
public:
    BasesFormat(RuleMeta m, Check c, std::vector<std::string> types)
        : Rule(std::move(m)), check_(c), types_(std::move(types)) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const Model& m = ctx.model;
        const auto& bases = m.outline.bases;
        std::vector<size_t> can_cu;
        for (size_t i = 0; i < bases.size(); ++i)
            if (utf8::fold(bases[i].lead) == "can cu") can_cu.push_back(i);
        for (size_t k = 0; k < can_cu.size(); ++k) {
            const Basis& basis = bases[can_cu[k]];
            std::string_view t = m.doc->blocks[basis.block].text;
            std::string_view trimmed = utf8::trim(t);
            if (trimmed.empty()) continue;
            if (check_ == Check::OnePerLine) { one_per_line(emit, basis.block, t); continue; }
            char last = trimmed.back();
            auto end = static_cast<uint32_t>(trimmed.data() - t.data() + trimmed.size());
            TextRef at{basis.block, end - 1, end};
            if (k + 1 < can_cu.size()) {
                if (last != ';') emit.at(at, {{"found", std::string(1, last)}, {"expected", ";"}});
                continue;
            }
            // The last basis: "." — or a sentence follows (another basis lead such as
            // "Thực hiện ...", or an unnumbered introduction) and ";" or "," is fine.
            if (last == '.' || last == ':') continue;
            bool followed = can_cu[k] + 1 < bases.size() || introduced(m, basis.block);
            if (followed && (last == ';' || last == ',')) continue;
            emit.at(at, {{"found", std::string(1, last)}, {"expected", "."}});
        }
    }

private:
    static bool introduced(const Model& m, uint32_t b) {
        uint32_t next = b + 1;
        if (next >= m.outline.body_end) return false;
        const Block& blk = m.doc->blocks[next];
        return blk.label->empty() && structure::parse_label(blk.text).kind == LabelKind::None;
    }
    void one_per_line(Emitter& emit, uint32_t b, std::string_view t) const {
        for (size_t at = t.find(';'); at != std::string_view::npos && at + 1 < t.size(); at = t.find(';', at + 1)) {
            size_t s = at + 1;
            while (s < t.size() && t[s] == ' ') ++s;
            std::string f = utf8::fold(t.substr(s, utf8::floor_boundary(t, std::min(t.size(), s + 40)) - s));
            for (const auto& type : types_) {
                if (f.compare(0, type.size(), type) == 0 && (f.size() == type.size() || f[type.size()] == ' ')) {
                    emit.at({b, static_cast<uint32_t>(s), static_cast<uint32_t>(t.size())});
                    return;
                }
            }
        }
    }
    Check check_;
    std::vector<std::string> types_;
};

}  // namespace

std::unique_ptr<Rule> make_bases_format(RuleMeta meta, const Params& p) {
    std::string c = p.str("check");
    Check check;
    std::vector<std::string> types;
    if (c == "ending") check = Check::Ending;
    else if (c == "one-per-line") {
        check = Check::OnePerLine;
        for (const auto& t : p.strings("types")) types.push_back(utf8::fold(t));
    } else p.fail("check", "expected ending or one-per-line");
    return std::make_unique<BasesFormat>(std::move(meta), check, std::move(types));
}

}  // namespace plancheck::rules
