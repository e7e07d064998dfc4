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
    if (auto dd = kid(root, "docDefaults"))
        default_font_ = rfonts(kid(kid(dd, "rPrDefault"), "rPr"));
    for (auto s : root.children()) {
        if (local(s.name()) != "style") continue;
        Style st;
        std::string id = attr(s, "styleId");
        st.based_on = attr(kid(s, "basedOn"), "val");
        st.name = attr(kid(s, "name"), "val");
        st.font = rfonts(kid(s, "rPr"));
        auto ppr = kid(s, "pPr");
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

}  // namespace plancheck::ingest::docx
