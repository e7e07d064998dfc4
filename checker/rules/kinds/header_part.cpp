// A mandatory component of the Decree 30 header that is absent: the issuing
// body, the national title, the motto, the number, the place and date
// (Art. 8(2) a-d). The type name and summary have their own kind (type-name).
#include <algorithm>

#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

enum class Part { Agency, NationalTitle, Motto, Number, PlaceDate };

// "Độc lập - Tự do - Hạnh phúc Số: 146 /TTr-STP Lâm Đồng, ngày ...": a PDF whose
// header columns were read as one line has its number inside another line. The
// number is there; only its position is unusual.
bool merged_number(const Model& m) {
    const auto& blocks = m.doc->blocks;
    uint32_t limit = std::min<uint32_t>(static_cast<uint32_t>(blocks.size()), std::max<uint32_t>(m.outline.header.end, 8));
    limit = std::min<uint32_t>(limit, 16);
    for (uint32_t b = 0; b < limit; ++b) {
        std::string_view t = blocks[b].text;
        for (size_t at = t.find(" Số"); at != std::string_view::npos; at = t.find(" Số", at + 1)) {
            size_t i = at + std::string_view(" Số").size();
            while (i < t.size() && (t[i] == ' ' || t[i] == ':')) ++i;
            if (i < t.size() && ((t[i] >= '0' && t[i] <= '9') || t[i] == '/') && t.find(':', at) != std::string_view::npos &&
                t.find('/', at) != std::string_view::npos)
                return true;
        }
    }
    return false;
}

class HeaderPart final : public Rule {
public:
    HeaderPart(RuleMeta m, Part part) : Rule(std::move(m)), part_(part) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const Model& m = ctx.model;
        const HeaderInfo& h = m.outline.header;
        if (m.doc->blocks.empty()) return;
        bool present = false;
        switch (part_) {
            case Part::Agency: present = !h.agency.empty(); break;
            case Part::NationalTitle: present = h.national_title.has_value(); break;
            // Party documents carry no motto under "ĐẢNG CỘNG SẢN VIỆT NAM".
            case Part::Motto: present = h.motto.has_value() || h.party; break;
            case Part::Number: present = h.number.has_value() || merged_number(m); break;
            case Part::PlaceDate: present = h.place_date.has_value(); break;
        }
        if (present) return;
        // Point at the first line of the document: that is where the header starts.
        emit.missing_before(0);
    }

private:
    Part part_;
};

}  // namespace

std::unique_ptr<Rule> make_header_part(RuleMeta meta, const Params& p) {
    std::string s = p.str("part");
    Part part;
    if (s == "agency") part = Part::Agency;
    else if (s == "national-title") part = Part::NationalTitle;
    else if (s == "motto") part = Part::Motto;
    else if (s == "number") part = Part::Number;
    else if (s == "place-date") part = Part::PlaceDate;
    else p.fail("part", "expected agency, national-title, motto, number or place-date");
    return std::make_unique<HeaderPart>(std::move(meta), part);
}

}  // namespace plancheck::rules
