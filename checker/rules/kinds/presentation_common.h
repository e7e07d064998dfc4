// Helpers of the presentation kinds (Decree 30/2020 Appendix I: paper,
// margins, fonts, sizes, weights, alignment, page numbers). They read the
// formatting facts a reader recorded (Block::format, SourceDocument::sections:
// a .docx, and a PDF a word processor wrote) and never guess where there are
// none: a document without them gets no presentation finding.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "plancheck/model.h"
#include "rules/rule.h"

namespace plancheck::rules::presentation {

inline bool english(const Context& ctx) { return ctx.options.lang == "en"; }

// Lengths: Word stores twips (1/20 pt); 1 mm = 1440 / 25.4 twips.
inline double twips_to_mm(double t) { return t * 25.4 / 1440.0; }
inline double twips_to_cm(double t) { return t * 2.54 / 1440.0; }

// "25", "25,4" (vi) or "25.4" (en): one decimal, none when whole.
std::string decimal(double v, bool en);
// A size in half-points as points: 27 -> "13,5".
std::string points(uint32_t half_points, bool en);
// "13–14 pt" or "13 pt" for a range in points.
std::string point_range(double lo, double hi, bool en);

// Letters of a run of block `b` (code points that are letters or digits): how
// much of the text a formatting covers, so a space or a tab does not count.
// Only the code points in columns [from_column, to_column) count.
size_t run_letters(const Block& b, const RunFormat& r, uint32_t from_column = 0, uint32_t to_column = UINT32_MAX);

// The formatting that covers most of a block's letters.
struct Dominant {
    size_t letters = 0;         // letters with a known formatting
    uint32_t size = 0;          // most common size (half-points), 0 = unknown
    size_t bold = 0, italic = 0;  // letters in bold, in italics
    bool known() const { return letters > 0; }
    bool mostly_bold() const { return bold * 2 > letters; }
    bool mostly_italic() const { return italic * 2 > letters; }
};
// Over the block's text bytes [begin, end) only, when begin < end (a label).
Dominant dominant(const Block& b, uint32_t begin = 0, uint32_t end = 0);

// The block's paragraph shares its line with another block (two columns laid
// out with tabs): its alignment then says nothing about where the text is.
bool shares_line(const Model& m, uint32_t b);

// True when the document carries formatting facts at all.
bool has_run_facts(const SourceDocument& d);

// A PDF: its facts come from the font names and sizes of the text layer
// (no paragraph formatting, no styles, no margins), so what they show is a
// note (info), never more, and alignment, indents and spacing are not judged.
inline bool printed(const Model& m) { return m.doc && m.doc->format == "pdf"; }
inline Diagnostic& on_pdf_a_note(const Model& m, Diagnostic& d) {
    if (printed(m)) d.severity = Severity::Info;
    return d;
}

}  // namespace plancheck::rules::presentation
