// Pieces of a .docx other than the body: styles (fonts, numbering and heading
// levels inherited through w:basedOn) and automatic numbering (numbering.xml).
// Elements are matched by local name so both transitional and strict OOXML
// namespaces work.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <pugixml.hpp>

namespace plancheck::ingest::docx {

// Local name of an element or attribute ("w:p" -> "p").
std::string_view local(const char* name);
pugi::xml_node kid(pugi::xml_node n, std::string_view name);
std::string attr(pugi::xml_node n, std::string_view name);  // "" when absent
// An integer attribute value; `fallback` when empty or not a number.
int to_int(const std::string& s, int fallback);

struct NumRef {
    int num_id = 0;
    int ilvl = 0;
};

// Theme fonts (word/theme/theme1.xml): what w:asciiTheme="minorHAnsi" names.
struct Theme {
    struct Fonts {
        std::string latin, east_asia, cs;  // a:latin, a:ea, a:cs typefaces ("" = none named)
    };
    Fonts major, minor;  // the major (headings) and minor (body) fonts
    void load(const pugi::xml_document& xml);
    // The typeface a w:*Theme value names: "minorHAnsi"/"minorAscii" -> minor
    // latin, "majorEastAsia" -> major ea, "minorBidi" -> minor cs; "" for an
    // unknown value or a slot the theme leaves empty.
    std::string typeface(const std::string& value) const;
};

// The four fonts of a run (w:rFonts): Word picks one per character, by its
// Unicode range and the run's hint, cs and rtl (MS-OI29500 2.1.88).
struct FontSlots {
    std::string ascii, hansi, east_asia, cs;
    friend bool operator==(const FontSlots&, const FontSlots&) = default;
};
enum class FontSlot { ascii, hansi, east_asia, cs };

// Run and paragraph properties as they accumulate from the document
// defaults through the style chain to direct formatting; each apply() lets
// what the element sets win over what came before. Toggle properties (bold,
// italic, caps) are taken as set by the last level that names them.
struct RunProps {
    FontSlots fonts;         // theme references resolved per level: a theme font wins on its own element
    std::string hint;        // w:rFonts w:hint: "eastAsia", "cs", "default" ("" = default)
    std::string lang_east_asia;  // w:lang w:eastAsia ("zh-CN", ...)
    bool complex = false;    // w:cs or w:rtl: every character takes the cs font and the *Cs properties
    uint32_t size = 0, size_cs = 0;  // w:sz, w:szCs
    bool bold = false, italic = false, underline = false, caps = false;
    bool bold_cs = false, italic_cs = false;  // w:bCs, w:iCs
    std::string color;  // "RRGGBB"; "" = auto
    void apply(pugi::xml_node rpr, const Theme& theme);
    // The slot Word uses for code point `c` of this run.
    FontSlot slot(char32_t c) const;
    // The font of a slot; an empty ascii or hAnsi slot takes the other Latin
    // one (a file that names one Latin font names it for both in practice),
    // an empty East Asian or complex-script slot stays "" (not known).
    std::string font(FontSlot s) const;
    // The Latin font (hAnsi, else ascii): what Vietnamese text is written in.
    std::string latin() const { return font(FontSlot::hansi); }
};
struct ParaProps {
    std::string alignment, line_rule;
    int32_t indent_left = 0, indent_right = 0, first_line = 0;
    uint32_t space_before = 0, space_after = 0, line_spacing = 0;
    void apply(pugi::xml_node ppr);
};

class Styles {
public:
    void load(const pugi::xml_document& xml);
    void set_theme(Theme t) { theme_ = std::move(t); }
    const Theme& theme() const { return theme_; }
    // Effective properties before direct formatting: document defaults, then
    // the table style chain (text in a table; its whole-table properties, not
    // the conditional ones such as firstRow), then the paragraph style chain
    // (root first), then the character style chain.
    RunProps run_props(const std::string& rstyle, const std::string& pstyle, const std::string& tstyle = "") const;
    ParaProps para_props(const std::string& pstyle, const std::string& tstyle = "") const;
    // Font of runs in character style `rstyle` inside paragraph style `pstyle`
    // (either may be empty), falling back to the default paragraph style and
    // the document defaults.
    std::string font(const std::string& rstyle, const std::string& pstyle) const;
    std::optional<NumRef> numbering(const std::string& pstyle) const;
    int heading_level(const std::string& pstyle) const;  // 0 when not a heading style

private:
    struct Style {
        std::string based_on, font, name;
        pugi::xml_node rpr, ppr;  // nodes of the loaded styles.xml (kept alive by the reader)
        std::optional<int> num_id, ilvl;
        int outline = 0;
    };
    const Style* find(const std::string& id) const;
    std::vector<const Style*> chain(const std::string& id) const;  // root first
    std::map<std::string, Style> styles_;
    std::string default_para_, default_font_;
    pugi::xml_node default_rpr_, default_ppr_;
    Theme theme_;
};

// Run fonts -> pugi: the ascii or hAnsi font named in a w:rFonts element.
std::string rfonts(pugi::xml_node rpr);

class Numbering {
public:
    void load(const pugi::xml_document& xml);
    // Advances the counters for a paragraph numbered (num_id, ilvl) and returns
    // the label Word displays ("II.", "1.2.", "a)", "-"); "" when none.
    std::string next(NumRef ref);

    struct Level {
        int start = 1;
        std::string fmt = "decimal", text;
        bool legal = false;
    };

private:
    struct Num {
        int abstract = -1;
        std::map<int, int> start_override;
        std::map<int, Level> level_override;
        bool used = false;
    };
    const Level* level(const Num& n, int ilvl) const;
    std::map<int, std::map<int, Level>> abstract_;
    std::map<int, Num> nums_;
    std::map<int, std::vector<std::optional<int>>> counters_;  // per abstractNum, per level
};

std::string format_number(int n, const std::string& fmt);

}  // namespace plancheck::ingest::docx
