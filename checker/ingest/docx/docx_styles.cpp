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
    major = attr(kid(kid(scheme, "majorFont"), "latin"), "typeface");
    minor = attr(kid(kid(scheme, "minorFont"), "latin"), "typeface");
}

void RunProps::apply(pugi::xml_node rpr, const Theme& theme) {
    if (!rpr) return;
    if (auto f = kid(rpr, "rFonts")) {
        std::string name = attr(f, "ascii");
        if (name.empty()) name = attr(f, "hAnsi");
        std::string th = attr(f, "asciiTheme");
        if (th.empty()) th = attr(f, "hAnsiTheme");
        // A theme font wins over the explicit name on the same element.
        if (!th.empty()) name = th.rfind("major", 0) == 0 ? theme.major : theme.minor;
        if (!name.empty()) font = name;
    }
    if (auto sz = kid(rpr, "sz")) size = to_uint(attr(sz, "val"));
    if (auto b = on_off(kid(rpr, "b"))) bold = *b;
    if (auto i = on_off(kid(rpr, "i"))) italic = *i;
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
