// Font names as PDFs carry them, read as a family and a face: what the
// presentation rules need of a PDF (Decree 30/2020 Appendix I: Times New
// Roman, bold and italic components). A PDF names the font program, not the
// document's formatting: "ABCDEF+TimesNewRomanPS-BoldMT" (a subset, its
// PostScript name), "Times New Roman,Bold" (Word's name with the face),
// "Times-Roman" (a standard font). Bold and italic are known only when the
// name says so; a face drawn bold by the producer (synthetic bold) is not.
#pragma once

#include <string>
#include <string_view>

namespace plancheck::ingest::pdf {

struct PdfFont {
    std::string family;  // "Times New Roman", "Arial", ".VnTime", "VNI-Times"; "" = no name
    bool bold = false, italic = false;
};

PdfFont parse_font_name(std::string_view name);

// Creator or Producer of a PDF written by a word processor from a document
// (Word, LibreOffice, WPS, Aspose.Words, docx4j): its fonts and sizes are the
// document's own. A scan, a photo or an OCR text layer (NAPS2, a scanner's
// software, an image SDK) says nothing about how the document was typeset.
bool typeset_by_word_processor(std::string_view creator, std::string_view producer);

}  // namespace plancheck::ingest::pdf
