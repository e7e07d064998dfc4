// The closing of a Decree 30 document (Art. 8(2)(g) and (i); Appendix I):
//   part: recipients   "Nơi nhận:" with its list
//   part: archive      "- Lưu: VT, ..." (the records office, VT, comes first)
//   part: signer       the signing block: authority, position, name
//   part: signer-name  a position with no name under it
//   part: authority    the authority written in the Decree 30 forms TM., Q., KT.,
//                      TL., TUQ. (not "T/M", "K/T", "T.M.")
#include <algorithm>
#include <cstring>

#include "core/utf8.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

enum class Part { Recipients, Archive, Signer, SignerName, Authority };

class ClosingPart final : public Rule {
public:
    ClosingPart(RuleMeta m, Part p) : Rule(std::move(m)), part_(p) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const Model& m = ctx.model;
        const ClosingInfo& c = m.outline.closing;
        const auto n = static_cast<uint32_t>(m.doc->blocks.size());
        if (n == 0) return;
        const bool draft = emit.options().draft || m.outline.draft;
        switch (part_) {
            case Part::Recipients: {
                Diagnostic* d = nullptr;
                if (!c.recipients) d = &emit.missing_before(c.begin);
                else if (c.recipient_items.empty() && !c.archive) d = &emit.at_block(*c.recipients);
                // A draft is completed with its recipients and signer when it is issued.
                if (d && draft) emit.with_severity(*d, Severity::Info);
                return;
            }
            case Part::Archive: {
                if (!c.archive) {
                    if (c.recipients) emit.missing_before(c.recipient_items.empty() ? *c.recipients + 1
                                                                                    : c.recipient_items.back() + 1);
                    return;  // no recipients block at all: the recipients rule says so
                }
                std::string f = utf8::fold(m.doc->blocks[*c.archive].text);
                auto luu = f.find("luu");
                std::string rest = luu == std::string::npos ? f : f.substr(luu + 3);
                if ((" " + rest + " ").find(" vt ") == std::string::npos) emit.at_block(*c.archive);
                return;
            }
            case Part::Signer:
                if (!c.authority && c.signer_position.empty() && !c.signer_name) {
                    auto& d = emit.missing_before(std::min(n, m.outline.attachments.empty() ? n : m.outline.attachments.front().begin));
                    if (draft) emit.with_severity(d, Severity::Info);
                }
                return;
            case Part::SignerName:
                if (!c.signer_name && (c.authority || !c.signer_position.empty())) {
                    uint32_t last = c.signer_position.empty() ? *c.authority : c.signer_position.back();
                    auto& d = emit.at_block(last);
                    // A draft often leaves the signer to be decided.
                    if (draft) emit.with_severity(d, Severity::Info);
                }
                return;
            case Part::Authority: {
                if (!c.authority) return;
                std::string_view t = utf8::trim(m.doc->blocks[*c.authority].text);
                for (auto [bad, good] : {std::pair{"T/M", "TM."}, std::pair{"K/T", "KT."}, std::pair{"T.M.", "TM."},
                                         std::pair{"T/L", "TL."}, std::pair{"K.T.", "KT."}}) {
                    if (t.substr(0, std::strlen(bad)) == bad) {
                        emit.at({*c.authority, static_cast<uint32_t>(t.data() - m.doc->blocks[*c.authority].text.data()),
                                 static_cast<uint32_t>(t.data() - m.doc->blocks[*c.authority].text.data() + std::strlen(bad))},
                                {{"found", bad}, {"expected", good}});
                        return;
                    }
                }
                return;
            }
        }
    }

private:
    Part part_;
};

}  // namespace

std::unique_ptr<Rule> make_closing_part(RuleMeta meta, const Params& p) {
    std::string s = p.str("part");
    Part part;
    if (s == "recipients") part = Part::Recipients;
    else if (s == "archive") part = Part::Archive;
    else if (s == "signer") part = Part::Signer;
    else if (s == "signer-name") part = Part::SignerName;
    else if (s == "authority") part = Part::Authority;
    else p.fail("part", "expected recipients, archive, signer, signer-name or authority");
    return std::make_unique<ClosingPart>(std::move(meta), part);
}

}  // namespace plancheck::rules
