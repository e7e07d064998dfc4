#include "ingest/pdf/pdf_fonts.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace plancheck::ingest::pdf {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool has(std::string_view low, std::string_view what) { return low.find(what) != std::string_view::npos; }

// Style words after the family: "Bold", "BoldItalic", "BoldMT", "Italic", "Roman", "Regular", ...
void read_face(std::string_view style, PdfFont& f) {
    std::string low = lower(style);
    if (has(low, "bold") || has(low, "black") || has(low, "heavy") || has(low, "semibold") || has(low, "demi"))
        f.bold = true;
    if (has(low, "italic") || has(low, "oblique")) f.italic = true;
}

// "TimesNewRomanPSMT" -> "Times New Roman", "CalibriLight" -> "Calibri Light":
// PostScript suffixes dropped, a space before each capital after a small letter.
std::string spaced(std::string_view ps) {
    std::string s(ps);
    for (const char* suffix : {"PSMT", "PS", "MT"})
        if (s.size() > std::string_view(suffix).size() && s.compare(s.size() - std::string_view(suffix).size(),
                                                                    std::string_view::npos, suffix) == 0) {
            s.resize(s.size() - std::string_view(suffix).size());
            break;
        }
    if (s.find(' ') != std::string::npos) return s;  // already a family name
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (i > 0 && std::isupper(c) && std::islower(static_cast<unsigned char>(s[i - 1]))) out += ' ';
        out += s[i];
    }
    return out;
}

}  // namespace

PdfFont parse_font_name(std::string_view name) {
    PdfFont f;
    // A subset's tag: six capitals and '+'.
    if (name.size() > 7 && name[6] == '+' &&
        std::all_of(name.begin(), name.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; }))
        name.remove_prefix(7);
    if (name.empty()) return f;
    std::string low = lower(name);
    // Legacy Vietnamese fonts keep their names (".VnTimeH", "VNI-Times"): the
    // font rule names them as such.
    if (low.rfind(".vn", 0) == 0 || low.rfind("vni", 0) == 0) {
        size_t comma = name.find(',');
        std::string_view base = name.substr(0, comma);
        if (comma != std::string_view::npos) read_face(name.substr(comma + 1), f);
        for (std::string_view style : {"-BoldItalic", "-Bold", "-Italic"})
            if (base.size() > style.size() && base.substr(base.size() - style.size()) == style) {
                read_face(style, f);
                base.remove_suffix(style.size());
                break;
            }
        f.family = std::string(base);
        return f;
    }
    // "Family,Style" (Word) or "Family-Style" (PostScript).
    size_t cut = name.find(',');
    if (cut == std::string_view::npos) cut = name.find('-');
    std::string_view base = name.substr(0, cut);
    read_face(cut != std::string_view::npos ? name.substr(cut + 1) : name, f);  // "Arial Black" too
    f.family = spaced(base);
    std::string fam = lower(f.family);
    // The standard font Times (Times-Roman, Times-Bold) is the same design.
    if (fam == "times" || fam == "times new roman" || fam == "timesnewroman") f.family = "Times New Roman";
    if (fam == "helvetica") f.family = "Helvetica";
    return f;
}

bool typeset_by_word_processor(std::string_view creator, std::string_view producer) {
    for (std::string_view s : {creator, producer}) {
        std::string low = lower(s);
        for (const char* w : {"libreoffice", "openoffice", "aspose.words", "docx4j", "wps office", "writer"})
            if (has(low, w)) return true;
        // "Microsoft® Word 2016", "Microsoft Office Word", "Microsoft® Word for Microsoft 365"
        if (has(low, "microsoft") && has(low, "word")) return true;
    }
    return false;
}

}  // namespace plancheck::ingest::pdf
