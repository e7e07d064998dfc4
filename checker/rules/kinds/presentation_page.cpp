// Page setup of a Word document against Decree 30/2020 Appendix I, Part I.I:
//   check: paper        A4 (210 x 297 mm); landscape only in a section that
//                       holds a table (item 2)
//   check: margins      top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm
//                       (item 3); a landscape section is not judged (the
//                       Appendix gives the margins of the portrait page)
//   check: page-number  Arabic numerals, 13-14 pt, centred in the top margin,
//                       not on the first page (item 7)
// Only sections whose facts the reader knew (PageSetup::facts: .docx) are
// judged, and for `paper` a PDF's page boxes (PageSetup::printed: a note,
// and no orientation check, a PDF having no tables); a section with the same setup as an earlier one is not reported
// again. Lengths are compared after rounding to 0.1 mm, so what only the
// twips rounding of a millimetre value changes is never a finding.
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <tuple>

#include "rules/kinds/kinds.h"
#include "rules/kinds/presentation_common.h"

namespace plancheck::rules {
namespace {

using namespace presentation;

enum class Check { Paper, Margins, PageNumber };

// Tolerance in mm for lengths (0.3 mm: twips of a value typed in cm or inches).
constexpr double kMm = 0.3;

class PresentationPage final : public Rule {
public:
    PresentationPage(RuleMeta m, Check c, Params const& p) : Rule(std::move(m)), check_(c) {
        if (c == Check::Margins) {
            top_ = range(p, "top", {20, 25});
            bottom_ = range(p, "bottom", {20, 25});
            left_ = range(p, "left", {30, 35});
            right_ = range(p, "right", {15, 20});
        } else if (c == Check::PageNumber) {
            size_ = range(p, "size", {13, 14});
        } else {
            width_ = p.number("width", 210);
            height_ = p.number("height", 297);
        }
    }

    void check(const Context& ctx, Emitter& emit) const override {
        const SourceDocument& doc = *ctx.model.doc;
        if (doc.blocks.empty()) return;
        std::vector<std::tuple<uint32_t, uint32_t, bool, int32_t, int32_t, uint32_t, uint32_t>> seen;
        for (size_t i = 0; i < doc.sections.size(); ++i) {
            const PageSetup& ps = doc.sections[i];
            // A PDF's page box tells the paper, nothing else (PageSetup::printed).
            if (!ps.facts && !(ps.printed && check_ == Check::Paper)) continue;
            auto key = std::tuple{ps.width, ps.height, ps.landscape, ps.margin_top, ps.margin_bottom, ps.margin_left,
                                  ps.margin_right};
            if (check_ != Check::PageNumber) {
                if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
                seen.push_back(key);
            }
            uint32_t b = first_block(doc, ps, i + 1 < doc.sections.size() ? &doc.sections[i + 1] : nullptr);
            if (b == UINT32_MAX) continue;  // an empty section
            switch (check_) {
                case Check::Paper: paper(ctx, emit, ps, i, b); break;
                case Check::Margins: margins(ctx, emit, ps, b); break;
                case Check::PageNumber:
                    if (number(ctx, emit, ps, i == 0, b)) return;  // the document's own numbering, once
                    break;
            }
        }
    }

private:
    struct Range {
        double lo, hi;
        bool holds(double v, double tol) const { return v >= lo - tol && v <= hi + tol; }
    };
    static Range range(Params const& p, const std::string& key, Range fallback) {
        if (!p.has(key)) return fallback;
        auto v = p.strings(key);
        if (v.size() != 2) p.fail(key, "expected [min, max]");
        try {
            Range r{std::stod(v[0]), std::stod(v[1])};
            if (r.lo > r.hi || r.lo < 0) p.fail(key, "expected min <= max, both >= 0");
            return r;
        } catch (const std::invalid_argument&) {
            p.fail(key, "expected two numbers");
        }
    }
    std::string show(Range r, bool en, const char* unit) const {
        if (r.lo == r.hi) return decimal(r.lo, en) + " " + unit;
        return decimal(r.lo, en) + "\xE2\x80\x93" + decimal(r.hi, en) + " " + unit;
    }

    // First body block of a section (UINT32_MAX when it has none).
    static uint32_t first_block(const SourceDocument& doc, const PageSetup& ps, const PageSetup* next) {
        for (uint32_t b = 0; b < doc.blocks.size(); ++b) {
            const Block& blk = doc.blocks[b];
            if (blk.kind == BlockKind::Footnote) break;
            if (blk.line() < ps.first_line) continue;
            if (next && blk.line() >= next->first_line) break;
            return b;
        }
        return UINT32_MAX;
    }
    // A table in the section other than the header's and the signature's
    // (those lay out columns, they are no table of figures).
    static bool section_has_table(const Model& m, const PageSetup& ps, const PageSetup* next) {
        const auto& blocks = m.doc->blocks;
        const ClosingInfo& c = m.outline.closing;
        std::vector<uint32_t> closing = c.recipient_items;
        for (auto b : {c.recipients, c.archive, c.authority, c.signer_name})
            if (b) closing.push_back(*b);
        closing.insert(closing.end(), c.signer_position.begin(), c.signer_position.end());
        for (uint32_t b = m.outline.header.end; b < blocks.size(); ++b) {
            const Block& blk = blocks[b];
            if (blk.kind == BlockKind::Footnote) break;
            if (blk.line() < ps.first_line || (next && blk.line() >= next->first_line)) continue;
            if (blk.in_table && std::find(closing.begin(), closing.end(), b) == closing.end()) return true;
        }
        return false;
    }

    void paper(const Context& ctx, Emitter& emit, const PageSetup& ps, size_t i, uint32_t b) const {
        if (!ps.width || !ps.height) return;  // Word's default (Letter or A4 by locale): not known
        bool en = english(ctx);
        double w = twips_to_mm(ps.width), h = twips_to_mm(ps.height);
        bool wide = w > h;
        double shortside = wide ? h : w, longside = wide ? w : h;
        bool a4 = std::abs(shortside - width_) <= 1.0 && std::abs(longside - height_) <= 1.0;
        const auto& secs = ctx.model.doc->sections;
        const PageSetup* next = i + 1 < secs.size() ? &secs[i + 1] : nullptr;
        std::string found = decimal(w, en) + " \xC3\x97 " + decimal(h, en) + " mm";
        if (!a4) {
            std::string name = paper_name(shortside, longside);
            if (!name.empty()) found = name + " (" + found + ")";
            on_pdf_a_note(ctx.model, emit.at_block(b, {{"found", found}, {"required", "A4 (" + decimal(width_, en) + " \xC3\x97 " +
                                                              decimal(height_, en) + " mm)"}}));
        } else if (wide && !ps.printed && !section_has_table(ctx.model, ps, next)) {
            // (A PDF's tables are lines of text: a landscape page is not judged.)
            emit.at(whole(ctx, b), {{"found", found}}, "landscape");
        }
    }
    static std::string paper_name(double s, double l) {
        if (std::abs(s - 215.9) <= 1.0 && std::abs(l - 279.4) <= 1.0) return "Letter";
        if (std::abs(s - 215.9) <= 1.0 && std::abs(l - 355.6) <= 1.0) return "Legal";
        if (std::abs(s - 148) <= 1.0 && std::abs(l - 210) <= 1.0) return "A5";
        if (std::abs(s - 297) <= 1.0 && std::abs(l - 420) <= 1.0) return "A3";
        return {};
    }
    static TextRef whole(const Context& ctx, uint32_t b) {
        return {b, 0, static_cast<uint32_t>(ctx.model.doc->blocks[b].text.size())};
    }

    void margins(const Context& ctx, Emitter& emit, const PageSetup& ps, uint32_t b) const {
        if (ps.landscape || ps.width > ps.height) return;
        if (!ps.margin_left && !ps.margin_right && !ps.margin_top && !ps.margin_bottom) return;  // not set
        bool en = english(ctx);
        struct Side {
            const char* vi;
            const char* en;
            double mm;
            Range r;
        };
        // A negative top or bottom margin is Word's "exactly": the distance is its absolute value.
        Side sides[] = {{"lề trên", "top margin", twips_to_mm(std::abs(ps.margin_top)), top_},
                        {"lề dưới", "bottom margin", twips_to_mm(std::abs(ps.margin_bottom)), bottom_},
                        {"lề trái", "left margin", twips_to_mm(ps.margin_left + ps.gutter), left_},
                        {"lề phải", "right margin", twips_to_mm(ps.margin_right), right_}};
        std::string found, required;
        for (const Side& s : sides) {
            double mm = std::round(s.mm * 10.0) / 10.0;
            if (s.r.holds(mm, kMm)) continue;
            if (!found.empty()) found += ", ", required += ", ";
            found += std::string(en ? s.en : s.vi) + " " + decimal(mm, en) + " mm";
            required += std::string(en ? s.en : s.vi) + " " + show(s.r, en, "mm");
        }
        if (!found.empty()) emit.at(whole(ctx, b), {{"found", found}, {"required", required}});
    }

    // Returns true once the document's numbering was judged.
    bool number(const Context& ctx, Emitter& emit, const PageSetup& ps, bool first_section, uint32_t b) const {
        bool en = english(ctx);
        if (ps.number_in.empty()) return false;  // a document of one page has none: absence is not judged
        std::vector<std::pair<std::string, std::string>> issues;  // found, required
        if (ps.number_in != "header")
            issues.push_back({en ? "in the bottom margin" : "ở lề dưới", en ? "in the top margin" : "ở lề trên"});
        if (ps.number_alignment != "center")
            issues.push_back({en ? "aligned " + align_name(ps.number_alignment, true)
                                 : "canh " + align_name(ps.number_alignment, false),
                              en ? "centred" : "canh giữa"});
        if (ps.number_size && !size_.holds(ps.number_size / 2.0, 0))
            issues.push_back({(en ? "size " : "cỡ ") + points(ps.number_size, en) + " pt",
                              (en ? "size " : "cỡ ") + show(size_, en, "pt")});
        if (!ps.number_format.empty())
            issues.push_back({(en ? "numerals " : "kiểu số ") + ps.number_format,
                              en ? "Arabic numerals" : "chữ số Ả Rập"});
        if (first_section && ps.number_on_first_page)
            issues.push_back({en ? "shown on the first page" : "hiển thị ở trang đầu",
                              en ? "not shown on the first page" : "không hiển thị số trang thứ nhất"});
        if (issues.empty()) return true;
        std::string found, required;
        for (const auto& [f, r] : issues) {
            if (!found.empty()) found += ", ", required += ", ";
            found += f;
            required += r;
        }
        emit.at(whole(ctx, b), {{"found", found}, {"required", required}});
        return true;
    }
    static std::string align_name(const std::string& a, bool en) {
        if (a == "right" || a == "end") return en ? "right" : "phải";
        if (a == "both" || a == "distribute") return en ? "justified" : "đều hai lề";
        if (a == "center") return en ? "centred" : "giữa";
        return en ? "left" : "trái";
    }

    Check check_;
    Range top_{}, bottom_{}, left_{}, right_{}, size_{};
    double width_ = 210, height_ = 297;
};

}  // namespace

std::unique_ptr<Rule> make_presentation_page(RuleMeta meta, const Params& p) {
    std::string c = p.str("check");
    Check check = Check::Paper;
    if (c == "paper") check = Check::Paper;
    else if (c == "margins") check = Check::Margins;
    else if (c == "page-number") check = Check::PageNumber;
    else p.fail("check", "expected paper, margins or page-number");
    return std::make_unique<PresentationPage>(std::move(meta), check, p);
}

}  // namespace plancheck::rules
