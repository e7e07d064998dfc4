// Where the text of each body paragraph is in word/document.xml: the map
// from a diagnostic's position (paragraph number, column) back to the XML
// nodes that hold it, made by the reader itself (docx.cpp) so that both agree
// on every paragraph number and column. `plancheck annotate` (annotate.cpp)
// uses it to anchor comments and tracked changes on the offending text.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "core/legacy_vn.h"
#include "ingest/ingest.h"
#include "ingest/docx/zip_reader.h"

namespace plancheck::ingest::docx {

// One text-carrying child of a run: w:t, w:tab, w:ptab, w:br, w:cr or
// w:noBreakHyphen, holding columns [begin, end) of paragraph `para` (0-based
// code point offsets in the paragraph text as the reader built it, i.e.
// Diagnostic::column - 1).
struct TextPiece {
    pugi::xml_node node;
    uint32_t para = 0;
    uint32_t begin = 0, end = 0;
    // The run was typed in a legacy font and converted (columns count the
    // converted text); nullopt for Unicode text.
    std::optional<legacy::Encoding> legacy;
};

// A run that shows text, with the effective font and size the reader gave
// it (before direct formatting is changed by --fix, docx_fix.cpp).
struct RunInfo {
    pugi::xml_node node;  // the w:r
    uint32_t para = 0;
    std::string font;     // Latin (hAnsi) font, theme resolved
    uint32_t size = 0;    // half-points, 0 = not set anywhere
    bool legacy = false;  // typed in a .VnTime/VNI font and converted: its font must stay
    bool raised = false;  // w:vertAlign (a footnote mark, an exponent)
    bool in_table = false;
};

struct BodyMap {
    std::vector<TextPiece> pieces;               // in paragraph order, columns increasing
    std::vector<RunInfo> runs;                   // in document order
    std::map<uint32_t, pugi::xml_node> paras;    // paragraph number -> its w:p
    uint32_t last_line = 0;                      // last body paragraph number
    // Footnotes and endnotes: "f12" / "e3" -> the body's w:footnoteReference
    // (w:endnoteReference) element, and the paragraph numbers each note's
    // text has (they follow the body's, see docx.cpp).
    std::map<std::string, pugi::xml_node> note_refs;
    struct NoteLines {
        uint32_t first = 0, last = 0;
        std::string key;
    };
    std::vector<NoteLines> notes;
};

// Reads the styles, theme and numbering of the package (they decide fonts,
// hence legacy conversion) and maps the body of `document` (word/document.xml,
// already parsed by the caller, whose nodes the map points into).
std::optional<UnreadableInput> map_body(ZipReader& zip, pugi::xml_document& document, BodyMap& out);

// Code points of the text `piece` shows, as the reader counts them.
uint32_t shown_length(const TextPiece& piece);
// The byte offset in the node's text (w:t) where shown column `k` (0-based,
// relative to the piece) starts; for legacy text, the raw characters that
// decode to the first k shown ones.
size_t raw_offset(const TextPiece& piece, uint32_t k);

}  // namespace plancheck::ingest::docx
