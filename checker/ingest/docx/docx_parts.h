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

class Styles {
public:
    void load(const pugi::xml_document& xml);
    // Font of runs in character style `rstyle` inside paragraph style `pstyle`
    // (either may be empty), falling back to the default paragraph style and
    // the document defaults.
    std::string font(const std::string& rstyle, const std::string& pstyle) const;
    std::optional<NumRef> numbering(const std::string& pstyle) const;
    int heading_level(const std::string& pstyle) const;  // 0 when not a heading style

private:
    struct Style {
        std::string based_on, font, name;
        std::optional<int> num_id, ilvl;
        int outline = 0;
    };
    const Style* find(const std::string& id) const;
    std::map<std::string, Style> styles_;
    std::string default_para_, default_font_;
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
