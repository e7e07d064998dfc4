// Font of the text against Decree 30/2020 Appendix I, Part I.I item 4: the
// Vietnamese font Times New Roman, Unicode (TCVN 6909:2001), black.
//   check: family  text in another font (`font`, "Times New Roman"); a legacy
//                  TCVN3 (.Vn*) or VNI font is named as such (variant legacy)
//   check: color   text in a colour other than black (w:color not auto/000000)
// Counted over the letters of the body text, tables and notes included; the
// document's header and footer parts are not. Symbol fonts that draw bullets
// (Symbol, Wingdings, Webdings) are ignored. One finding per font or colour,
// at its first run, saying how many letters it covers; a font covering fewer
// than `min_letters` letters is not reported (a stray space run). On a PDF
// the fonts are those its font names give, and the findings are notes; a PDF
// records no colour, so `color` finds nothing there.
#include <algorithm>
#include <map>

#include "core/utf8.h"
#include "rules/kinds/kinds.h"
#include "rules/kinds/presentation_common.h"

namespace plancheck::rules {
namespace {

using namespace presentation;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool symbol_font(const std::string& low) {
    return low == "symbol" || low.rfind("wingdings", 0) == 0 || low == "webdings" || low.rfind("ms gothic", 0) == 0;
}
// Word's "Black, lighter 5%" (0D0D0D) and the like print as black.
bool near_black(const std::string& rgb) {
    if (rgb.size() != 6) return rgb.empty();
    for (size_t i = 0; i < 6; i += 2) {
        int v = 0;
        for (size_t k = i; k < i + 2; ++k) {
            char c = static_cast<char>(std::tolower(static_cast<unsigned char>(rgb[k])));
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (d < 0) return false;
            v = v * 16 + d;
        }
        if (v > 0x40) return false;
    }
    return true;
}
bool legacy_font(const std::string& low) { return low.rfind(".vn", 0) == 0 || low.rfind("vni", 0) == 0; }

class PresentationFont final : public Rule {
public:
    PresentationFont(RuleMeta m, bool color, std::string font, size_t min_letters)
        : Rule(std::move(m)), color_(color), font_(std::move(font)), low_font_(lower(font_)), min_(min_letters) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const auto& blocks = ctx.model.doc->blocks;
        struct Seen {
            uint32_t block = 0;
            const RunFormat* run = nullptr;
            size_t letters = 0;
        };
        std::map<std::string, Seen> found;  // font (or colour) -> where first, how much
        size_t total = 0;
        for (uint32_t b = 0; b < blocks.size(); ++b) {
            const Block& blk = blocks[b];
            if (!blk.format) continue;
            for (const auto& r : blk.format->runs) {
                size_t n = run_letters(blk, r);
                if (!n) continue;
                total += n;
                std::string key;
                if (color_) {
                    if (!near_black(r.color)) key = r.color;
                } else {
                    // "Times New Roman Bold" names a face of the family.
                    std::string low = lower(r.font);
                    if (r.font.empty() || low.rfind(low_font_, 0) == 0 || symbol_font(low)) continue;
                    key = r.font;
                }
                if (key.empty()) continue;
                auto [it, fresh] = found.try_emplace(key, Seen{b, &r, 0});
                it->second.letters += n;
            }
        }
        for (const auto& [key, s] : found) {
            if (s.letters < min_) continue;
            const Block& blk = blocks[s.block];
            TextRef ref = span_of(blk, *s.run, s.block);
            Args args{{"found", key}, {"required", font_}, {"letters", std::to_string(s.letters)},
                      {"total", std::to_string(total)}};
            if (color_) args[0].second = "#" + key;
            on_pdf_a_note(ctx.model, emit.at(ref, args, !color_ && legacy_font(lower(key)) ? "legacy" : ""));
        }
    }

private:
    // The run's text in the block, by its original columns (the whole block
    // when the run's positions cannot be mapped).
    static TextRef span_of(const Block& blk, const RunFormat& r, uint32_t b) {
        TextRef whole{b, 0, static_cast<uint32_t>(blk.text.size())};
        if (blk.anchors.empty() || r.line != blk.line() || r.end_line != r.line) return whole;
        uint32_t begin = UINT32_MAX, end = 0;
        for (size_t i = 0; i < blk.text.size();) {
            Pos p = blk.locate(i);
            size_t k = i;
            utf8::next(blk.text, k);
            if (p.line == r.line && p.column >= r.column && p.column < r.end_column) {
                begin = std::min<uint32_t>(begin, static_cast<uint32_t>(i));
                end = static_cast<uint32_t>(k);
            }
            i = k;
        }
        if (begin == UINT32_MAX) return whole;
        return {b, begin, end};
    }

    bool color_;
    std::string font_, low_font_;
    size_t min_;
};

}  // namespace

std::unique_ptr<Rule> make_presentation_font(RuleMeta meta, const Params& p) {
    std::string c = p.str("check");
    if (c != "family" && c != "color") p.fail("check", "expected family or color");
    std::string font = p.str("font", "Times New Roman");
    long min = p.integer("min_letters", 1);
    if (min < 1) p.fail("min_letters", "expected a positive number");
    return std::make_unique<PresentationFont>(std::move(meta), c == "color", std::move(font), static_cast<size_t>(min));
}

}  // namespace plancheck::rules
