// Where the header and closing components sit, left or right, against the
// layout of Decree 30/2020 Appendix I, Part I, Mục IV ("ô số"): the issuing
// body (ô 2) and the number (ô 3) at the left, the national title with its
// motto (ô 1) and the place-date (ô 4) at the right; the recipients (ô 9) at
// the bottom left, the signer (ô 7) at the bottom right.
//
//   params: left   agency | number | recipients
//           right  national-title | place-date | signer
//
// A pair is judged only where the reader knows the side of both components
// for certain, and only when they are the wrong way round:
// - the two cells of one table (a .docx header or closing table; HTML and
//   Markdown tables carry no presentation facts), by grid column, the cells
//   not overlapping;
// - one Word paragraph laid out in two columns with tabs, by the column
//   (code point offset) each piece starts at;
// - a PDF a word processor wrote, both on one page, by their printed boxes,
//   which must not overlap horizontally (a note there, like every
//   presentation finding on a PDF).
// Components stacked in separate paragraphs, or a document without
// formatting facts (.txt, .md), tell nothing about sides and are not judged.
// The finding is on the left component, which is where the reader looks
// first.
#include <optional>

#include "rules/kinds/kinds.h"
#include "rules/kinds/presentation_common.h"

namespace plancheck::rules {
namespace {

using namespace presentation;

enum class Part { Agency, Number, Recipients, NationalTitle, PlaceDate, Signer };

std::optional<uint32_t> first_of(const Model& m, Part p) {
    const HeaderInfo& h = m.outline.header;
    const ClosingInfo& c = m.outline.closing;
    switch (p) {
    case Part::Agency:
        // The issuing body, or its superior body written above it: both are ô 2.
        if (!h.agency.empty()) return h.agency.front();
        return std::nullopt;
    case Part::Number: return h.number;
    case Part::Recipients: return c.recipients;
    case Part::NationalTitle: return h.national_title;
    case Part::PlaceDate: return h.place_date;
    case Part::Signer:
        if (c.authority) return c.authority;
        if (!c.signer_position.empty()) return c.signer_position.front();
        return c.signer_name;
    }
    return std::nullopt;
}

// -1: `a` is wholly left of `b`; 1: wholly right of it; 0: not known.
int side(const Model& m, uint32_t a, uint32_t b) {
    const auto& blocks = m.doc->blocks;
    const Block& x = blocks[a];
    const Block& y = blocks[b];
    if (printed(m)) {
        if (!x.box->page || x.box->page != y.box->page) return 0;
        if (x.box->x1 <= y.box->x0) return -1;
        if (y.box->x1 <= x.box->x0) return 1;
        return 0;
    }
    if (!x.format || !y.format) return 0;  // no formatting facts: no sides
    if (x.cell->table && x.cell->table == y.cell->table) {
        if (x.cell->column + x.cell->column_span <= y.cell->column) return -1;
        if (y.cell->column + y.cell->column_span <= x.cell->column) return 1;
        return 0;
    }
    // One paragraph split into two columns at its tabs (left piece first).
    if (!x.in_table && !y.in_table && x.line() == y.line() && !x.anchors.empty() && !y.anchors.empty()) {
        uint32_t cx = x.anchors.front().column, cy = y.anchors.front().column;
        if (cx < cy) return -1;
        if (cy < cx) return 1;
    }
    return 0;
}

Part part_of(const Params& p, const char* key, bool left) {
    std::string v = p.str(key);
    if (left) {
        if (v == "agency") return Part::Agency;
        if (v == "number") return Part::Number;
        if (v == "recipients") return Part::Recipients;
        p.fail(key, "expected agency, number or recipients");
    }
    if (v == "national-title") return Part::NationalTitle;
    if (v == "place-date") return Part::PlaceDate;
    if (v == "signer") return Part::Signer;
    p.fail(key, "expected national-title, place-date or signer");
}

class PresentationPosition final : public Rule {
public:
    PresentationPosition(RuleMeta m, Part left, Part right) : Rule(std::move(m)), left_(left), right_(right) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const Model& m = ctx.model;
        if (!m.doc || m.doc->blocks.empty()) return;
        if (!printed(m) && !has_run_facts(*m.doc)) return;
        auto l = first_of(m, left_), r = first_of(m, right_);
        if (!l || !r || *l == *r) return;
        if (side(m, *l, *r) != 1) return;  // right where it belongs, or not known
        const Block& b = m.doc->blocks[*l];
        on_pdf_a_note(m, emit.at({*l, 0, static_cast<uint32_t>(b.text.size())}));
    }

private:
    Part left_, right_;
};

}  // namespace

std::unique_ptr<Rule> make_presentation_position(RuleMeta meta, const Params& p) {
    Part left = part_of(p, "left", true), right = part_of(p, "right", false);
    return std::make_unique<PresentationPosition>(std::move(meta), left, right);
}

}  // namespace plancheck::rules
