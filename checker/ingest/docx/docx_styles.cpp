#include <algorithm>
#include <cstring>
#include <string>

#include "ingest/docx/docx_parts.h"

namespace plancheck::ingest::docx {

std::string_view local(const char* name) {
    const char* c = std::strchr(name, ':');
    return c ? std::string_view(c + 1) : std::string_view(name);
}

pugi::xml_node kid(pugi::xml_node n, std::string_view name) {
    for (auto c : n.children())
        if (c.type() == pugi::node_element && local(c.name()) == name) return c;
    return {};
}

std::string attr(pugi::xml_node n, std::string_view name) {
    for (auto a : n.attributes())
        if (local(a.name()) == name) return a.value();
    return {};
}

std::string rfonts(pugi::xml_node rpr) {
    auto f = kid(rpr, "rFonts");
    if (!f) return {};
    std::string v = attr(f, "ascii");
    return v.empty() ? attr(f, "hAnsi") : v;
}

int to_int(const std::string& s, int fallback) {
    try {
        return s.empty() ? fallback : std::stoi(s);
    } catch (...) {
        return fallback;
    }
}

void Styles::load(const pugi::xml_document& xml) {
    auto root = xml.document_element();
    if (auto dd = kid(root, "docDefaults")) {
        default_rpr_ = kid(kid(dd, "rPrDefault"), "rPr");
        default_ppr_ = kid(kid(dd, "pPrDefault"), "pPr");
        default_font_ = rfonts(default_rpr_);
    }
    for (auto s : root.children()) {
        if (local(s.name()) != "style") continue;
        Style st;
        std::string id = attr(s, "styleId");
        st.based_on = attr(kid(s, "basedOn"), "val");
        st.name = attr(kid(s, "name"), "val");
        st.rpr = kid(s, "rPr");
        st.font = rfonts(st.rpr);
        auto ppr = kid(s, "pPr");
        st.ppr = ppr;
        if (auto np = kid(ppr, "numPr")) {
            if (auto nid = kid(np, "numId")) st.num_id = to_int(attr(nid, "val"), 0);
            if (auto il = kid(np, "ilvl")) st.ilvl = to_int(attr(il, "val"), 0);
        }
        if (auto ol = kid(ppr, "outlineLvl")) st.outline = to_int(attr(ol, "val"), 9) + 1;
        // "heading 1".."heading 9" are Word's built-in heading styles in every UI language.
        if (!st.outline && st.name.size() == 9 && st.name.rfind("heading ", 0) == 0 && st.name[8] >= '1' &&
            st.name[8] <= '9')
            st.outline = st.name[8] - '0';
        if (attr(s, "type") == "paragraph" && (attr(s, "default") == "1" || attr(s, "default") == "true"))
            default_para_ = id;
        styles_[id] = std::move(st);
    }
}

const Styles::Style* Styles::find(const std::string& id) const {
    auto it = styles_.find(id);
    return it == styles_.end() ? nullptr : &it->second;
}

std::string Styles::font(const std::string& rstyle, const std::string& pstyle) const {
    for (const std::string& start : {rstyle, pstyle, default_para_}) {
        const Style* s = find(start);
        for (int guard = 0; s && guard < 32; ++guard) {
            if (!s->font.empty()) return s->font;
            s = find(s->based_on);
        }
    }
    return default_font_;
}

std::optional<NumRef> Styles::numbering(const std::string& pstyle) const {
    const Style* s = find(pstyle);
    std::optional<int> num, lvl;
    for (int guard = 0; s && guard < 32; ++guard) {
        if (!num && s->num_id) num = s->num_id;
        if (!lvl && s->ilvl) lvl = s->ilvl;
        s = find(s->based_on);
    }
    if (!num || *num == 0) return std::nullopt;
    return NumRef{*num, lvl.value_or(0)};
}

int Styles::heading_level(const std::string& pstyle) const {
    const Style* s = find(pstyle);
    for (int guard = 0; s && guard < 32; ++guard) {
        if (s->outline) return s->outline <= 9 ? s->outline : 0;
        s = find(s->based_on);
    }
    return 0;
}

namespace {

// w:b, w:i, w:caps: present means on unless w:val is 0/false/off.
std::optional<bool> on_off(pugi::xml_node n) {
    if (!n) return std::nullopt;
    std::string v = attr(n, "val");
    return !(v == "0" || v == "false" || v == "off");
}

uint32_t to_uint(const std::string& s) { return static_cast<uint32_t>(std::max(0, to_int(s, 0))); }

}  // namespace

void Theme::load(const pugi::xml_document& xml) {
    auto scheme = kid(kid(xml.document_element(), "themeElements"), "fontScheme");
    auto read = [&](const char* name) {
        auto f = kid(scheme, name);
        return Fonts{attr(kid(f, "latin"), "typeface"), attr(kid(f, "ea"), "typeface"), attr(kid(f, "cs"), "typeface")};
    };
    major = read("majorFont");
    minor = read("minorFont");
}

std::string Theme::typeface(const std::string& value) const {
    const Fonts* f = value.rfind("major", 0) == 0 ? &major : value.rfind("minor", 0) == 0 ? &minor : nullptr;
    if (!f) return {};
    std::string_view rest = std::string_view(value).substr(5);
    if (rest == "Ascii" || rest == "HAnsi") return f->latin;
    if (rest == "EastAsia") return f->east_asia;
    if (rest == "Bidi") return f->cs;
    return {};
}

namespace {

// Ranges of MS-OI29500 2.1.88 that the hint (and a Chinese East Asian
// language) can move to the East Asian font. Vietnamese letters are in
// Latin-1, Latin Extended-A/B, the combining marks and Latin Extended
// Additional: they follow a hint only when the run's East Asian language is
// Chinese, so a Vietnamese text with w:hint="eastAsia" stays in its hAnsi font.
bool latin1_hint(char32_t c) {
    return c == 0xA1 || c == 0xA4 || c == 0xA7 || c == 0xA8 || c == 0xAA || c == 0xAD || c == 0xAF ||
           (c >= 0xB0 && c <= 0xB4) || (c >= 0xB6 && c <= 0xBA) || (c >= 0xBC && c <= 0xBF) || c == 0xD7 || c == 0xF7;
}
bool latin1_chinese(char32_t c) {
    return c == 0xE0 || c == 0xE1 || (c >= 0xE8 && c <= 0xEA) || c == 0xEC || c == 0xED || c == 0xF2 || c == 0xF3 ||
           c == 0xF9 || c == 0xFA || c == 0xFC;
}
bool east_asian(char32_t c) {
    return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x2FF0 && c <= 0x9FFF) ||
           (c >= 0xA000 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x2FFFF);
}
bool complex_script(char32_t c) {
    return (c >= 0x0590 && c <= 0x08FF) || (c >= 0x0900 && c <= 0x0DFF) || (c >= 0x0E00 && c <= 0x0EFF) ||
           (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

}  // namespace

FontSlot RunProps::slot(char32_t c) const {
    if (complex) return FontSlot::cs;
    // An East Asian font "Times New Roman" with equal Latin fonts: Word uses
    // the ascii font for the whole run.
    if (fonts.east_asia == "Times New Roman" && fonts.ascii == fonts.hansi) return FontSlot::ascii;
    bool hint_ea = hint == "eastAsia";
    bool chinese = hint_ea && lang_east_asia.rfind("zh", 0) == 0;
    if (c < 0x80) return FontSlot::ascii;
    if (c >= 0xA0 && c <= 0xFF)
        return (hint_ea && latin1_hint(c)) || (chinese && latin1_chinese(c)) ? FontSlot::east_asia : FontSlot::hansi;
    if ((c >= 0x100 && c <= 0x4FF) || (c >= 0x1E00 && c <= 0x1EFF)) return chinese ? FontSlot::east_asia : FontSlot::hansi;
    if (c >= 0x2000 && c <= 0x206F) return hint_ea ? FontSlot::east_asia : FontSlot::hansi;
    if (east_asian(c)) return FontSlot::east_asia;
    if (complex_script(c)) return FontSlot::cs;
    return FontSlot::hansi;
}

std::string RunProps::font(FontSlot s) const {
    switch (s) {
        case FontSlot::ascii: return fonts.ascii.empty() ? fonts.hansi : fonts.ascii;
        case FontSlot::hansi: return fonts.hansi.empty() ? fonts.ascii : fonts.hansi;
        case FontSlot::east_asia: return fonts.east_asia;
        case FontSlot::cs: return fonts.cs;
    }
    return {};
}

void RunProps::apply(pugi::xml_node rpr, const Theme& theme) {
    if (!rpr) return;
    if (auto f = kid(rpr, "rFonts")) {
        // Each slot on its own; a theme font wins over the explicit name on
        // the same element (Word writes both and shows the theme's).
        auto slot = [&](std::string& out, const char* name, const char* theme_attr) {
            std::string v = attr(f, name);
            if (std::string th = attr(f, theme_attr); !th.empty())
                if (std::string face = theme.typeface(th); !face.empty()) v = face;
            if (!v.empty()) out = v;
        };
        slot(fonts.ascii, "ascii", "asciiTheme");
        slot(fonts.hansi, "hAnsi", "hAnsiTheme");
        slot(fonts.east_asia, "eastAsia", "eastAsiaTheme");
        slot(fonts.cs, "cs", "cstheme");
        if (std::string h = attr(f, "hint"); !h.empty()) hint = h;
    }
    if (auto l = kid(rpr, "lang"))
        if (std::string v = attr(l, "eastAsia"); !v.empty()) lang_east_asia = v;
    if (auto c = on_off(kid(rpr, "cs"))) complex = *c;
    if (auto r = on_off(kid(rpr, "rtl")); r && *r) complex = true;
    if (auto sz = kid(rpr, "sz")) size = to_uint(attr(sz, "val"));
    if (auto sz = kid(rpr, "szCs")) size_cs = to_uint(attr(sz, "val"));
    if (auto b = on_off(kid(rpr, "b"))) bold = *b;
    if (auto i = on_off(kid(rpr, "i"))) italic = *i;
    if (auto b = on_off(kid(rpr, "bCs"))) bold_cs = *b;
    if (auto i = on_off(kid(rpr, "iCs"))) italic_cs = *i;
    if (auto c = on_off(kid(rpr, "caps"))) caps = *c;
    if (auto c = kid(rpr, "color")) {
        std::string v = attr(c, "val");
        // A theme colour (w:themeColor) is not resolved: "auto" and black are both black.
        color = (v == "auto" || v == "000000") ? std::string() : v;
    }
    if (auto u = kid(rpr, "u")) {
        std::string v = attr(u, "val");
        underline = v != "none" && v != "0" && v != "false";
    }
}

void ParaProps::apply(pugi::xml_node ppr) {
    if (!ppr) return;
    if (auto jc = kid(ppr, "jc")) alignment = attr(jc, "val");
    if (auto ind = kid(ppr, "ind")) {
        auto num = [&](const char* a, const char* b) {
            std::string v = attr(ind, a);
            return v.empty() ? attr(ind, b) : v;
        };
        if (std::string v = num("left", "start"); !v.empty()) indent_left = to_int(v, 0);
        if (std::string v = num("right", "end"); !v.empty()) indent_right = to_int(v, 0);
        if (std::string v = attr(ind, "firstLine"); !v.empty()) first_line = to_int(v, 0);
        if (std::string v = attr(ind, "hanging"); !v.empty()) first_line = -to_int(v, 0);
    }
    if (auto sp = kid(ppr, "spacing")) {
        if (std::string v = attr(sp, "before"); !v.empty()) space_before = to_uint(v);
        if (std::string v = attr(sp, "after"); !v.empty()) space_after = to_uint(v);
        if (std::string v = attr(sp, "line"); !v.empty()) line_spacing = to_uint(v);
        if (std::string v = attr(sp, "lineRule"); !v.empty()) line_rule = v;
    }
}

std::vector<const Styles::Style*> Styles::chain(const std::string& id) const {
    std::vector<const Style*> out;
    const Style* s = find(id);
    for (int guard = 0; s && guard < 32; ++guard) {
        if (std::find(out.begin(), out.end(), s) != out.end()) break;  // a basedOn loop
        out.push_back(s);
        s = find(s->based_on);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

RunProps Styles::run_props(const std::string& rstyle, const std::string& pstyle, const std::string& tstyle) const {
    RunProps r;
    r.apply(default_rpr_, theme_);
    if (!tstyle.empty())
        for (const Style* s : chain(tstyle)) r.apply(s->rpr, theme_);
    for (const Style* s : chain(pstyle.empty() ? default_para_ : pstyle)) r.apply(s->rpr, theme_);
    for (const Style* s : chain(rstyle)) r.apply(s->rpr, theme_);
    return r;
}

ParaProps Styles::para_props(const std::string& pstyle, const std::string& tstyle) const {
    ParaProps p;
    p.apply(default_ppr_);
    if (!tstyle.empty())
        for (const Style* s : chain(tstyle)) p.apply(s->ppr);
    for (const Style* s : chain(pstyle.empty() ? default_para_ : pstyle)) p.apply(s->ppr);
    return p;
}

}  // namespace plancheck::ingest::docx
