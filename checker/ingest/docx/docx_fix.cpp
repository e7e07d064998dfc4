// --fix on a .docx: the page setup of Decree 30/2020 Appendix I, Part I.I,
// and the font family and size of the body text (see fix_docx_page in
// ingest.h). word/document.xml is checked to be well-formed with pugixml,
// then edited as text: only the values of the w:pgSz w:w/w:h and w:pgMar
// w:top/w:bottom/w:left/w:right attributes that must change are rewritten,
// and in the body's runs only their w:rFonts and w:sz (added to w:rPr where
// missing, in the schema's order), so every other byte of the part stays,
// and rewrite_zip copies every other part unchanged. The runs and their
// effective fonts come from the reader's own map (docx_map.h), so what is
// changed is what the rules judged.
#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <cstdlib>
#include <optional>
#include <set>

#include "ingest/docx/docx_map.h"
#include "ingest/docx/docx_parts.h"
#include "ingest/docx/zip_reader.h"
#include "ingest/docx/zip_writer.h"
#include "ingest/plugin.h"

namespace plancheck::ingest {

namespace {

constexpr int kA4Short = 11906, kA4Long = 16838;  // 210 x 297 mm in twips

int mm_to_twips(double mm) { return static_cast<int>(std::lround(mm * 1440.0 / 25.4)); }
double twips_to_mm(double t) { return t * 25.4 / 1440.0; }

std::string mm_text(double mm, bool en) {
    double r = std::round(mm * 10.0) / 10.0;
    long whole = std::lround(std::floor(r + 1e-9));
    int tenth = static_cast<int>(std::lround((r - static_cast<double>(whole)) * 10.0));
    if (tenth == 10) ++whole, tenth = 0;
    std::string s = std::to_string(whole);
    if (tenth) s += (en ? "." : ",") + std::to_string(tenth);
    return s;
}

// One attribute of a start tag: where its value is in the part.
struct AttrValue {
    size_t begin = 0, end = 0;  // the value's bytes, quotes excluded
    std::string value;
};

// Attributes of the tag starting at `lt` ('<'), by local name; the tag's end.
std::map<std::string, AttrValue> tag_attributes(const std::string& xml, size_t lt, size_t& tag_end) {
    std::map<std::string, AttrValue> out;
    size_t i = lt + 1;
    while (i < xml.size() && !std::isspace(static_cast<unsigned char>(xml[i])) && xml[i] != '/' && xml[i] != '>') ++i;
    while (i < xml.size() && xml[i] != '>') {
        while (i < xml.size() && (std::isspace(static_cast<unsigned char>(xml[i])) || xml[i] == '/')) ++i;
        if (i >= xml.size() || xml[i] == '>') break;
        size_t name_begin = i;
        while (i < xml.size() && xml[i] != '=' && xml[i] != '>' && !std::isspace(static_cast<unsigned char>(xml[i]))) ++i;
        std::string name = xml.substr(name_begin, i - name_begin);
        while (i < xml.size() && std::isspace(static_cast<unsigned char>(xml[i]))) ++i;
        if (i >= xml.size() || xml[i] != '=') continue;
        ++i;
        while (i < xml.size() && std::isspace(static_cast<unsigned char>(xml[i]))) ++i;
        if (i >= xml.size() || (xml[i] != '"' && xml[i] != '\'')) break;
        char q = xml[i++];
        size_t vb = i;
        while (i < xml.size() && xml[i] != q) ++i;
        if (auto c = name.find(':'); c != std::string::npos) name = name.substr(c + 1);
        out[name] = {vb, i, xml.substr(vb, i - vb)};
        ++i;
    }
    tag_end = i;
    return out;
}

// Start tags named `local` ("pgSz"), with any prefix, in document order.
std::vector<size_t> find_tags(const std::string& xml, const std::string& local) {
    std::vector<size_t> out;
    for (size_t at = xml.find(local); at != std::string::npos; at = xml.find(local, at + 1)) {
        size_t after = at + local.size();
        if (after >= xml.size()) break;
        char next = xml[after];
        if (!(next == ' ' || next == '/' || next == '>' || next == '\t' || next == '\r' || next == '\n')) continue;
        size_t lt = at;
        while (lt > 0 && xml[lt - 1] != '<' && xml[lt - 1] != '>' && xml[lt - 1] != ' ' && xml[lt - 1] != '/') --lt;
        if (lt == 0 || xml[lt - 1] != '<') continue;
        std::string prefix = xml.substr(lt, at - lt);
        if (!prefix.empty() && prefix.back() != ':') continue;
        out.push_back(lt - 1);
    }
    return out;
}

struct Edit {
    size_t begin, end;
    std::string value;
    size_t seq = 0;
};

std::optional<int> number(const std::map<std::string, AttrValue>& a, const char* name) {
    auto it = a.find(name);
    if (it == a.end()) return std::nullopt;
    char* e = nullptr;
    long v = std::strtol(it->second.value.c_str(), &e, 10);
    if (e == it->second.value.c_str() || *e) return std::nullopt;  // "1in", "2cm": left alone
    return static_cast<int>(v);
}


// The children of w:rPr in the schema's order (CT_RPr): a property added to a
// run goes before the first one present that comes after it.
constexpr const char* kRprOrder[] = {"rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
                                     "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
                                     "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz",
                                     "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
                                     "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange"};
int rpr_rank(std::string_view name) {
    for (size_t i = 0; i < std::size(kRprOrder); ++i)
        if (name == kRprOrder[i]) return static_cast<int>(i);
    return static_cast<int>(std::size(kRprOrder));  // unknown (an extension): last
}

bool times_new_roman(const std::string& font, const std::string& want) {
    auto low = [](std::string s) {
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    return low(font).rfind(low(want), 0) == 0;  // "Times New Roman Bold" is a face of the family
}
bool symbol_font(const std::string& f) {
    return f == "Symbol" || f.rfind("Wingdings", 0) == 0 || f == "Webdings";
}

// Offsets in the part: pugixml's offset_debug() is where an element's name
// starts, just after its '<'.
size_t start_of(pugi::xml_node n) { return static_cast<size_t>(n.offset_debug()) - 1; }

// Edits setting a run's Latin font and/or size through its own w:rPr.
// `prefix` is the run element's ("w:").
void run_edits(const std::string& xml, pugi::xml_node run, const std::string& font, uint32_t size,
               std::vector<Edit>& edits) {
    std::string qname = run.name();
    std::string prefix = qname.substr(0, qname.find(':') == std::string::npos ? 0 : qname.find(':') + 1);
    std::string fonts_tag = font.empty() ? std::string()
                                         : "<" + prefix + "rFonts " + prefix + "ascii=\"" + font + "\" " + prefix +
                                               "hAnsi=\"" + font + "\"/>";
    std::string size_tag = size ? "<" + prefix + "sz " + prefix + "val=\"" + std::to_string(size) + "\"/>" : "";
    pugi::xml_node rpr;
    for (auto c : run.children())
        if (c.type() == pugi::node_element && docx::local(c.name()) == "rPr") rpr = c;
    size_t tag_end = 0;
    if (!rpr) {
        tag_attributes(xml, start_of(run), tag_end);
        if (tag_end >= xml.size() || xml[tag_end - 1] == '/') return;  // <w:r/>: no text
        edits.push_back({tag_end + 1, tag_end + 1, "<" + prefix + "rPr>" + fonts_tag + size_tag + "</" + prefix + "rPr>"});
        return;
    }
    size_t rpr_lt = start_of(rpr);
    tag_attributes(xml, rpr_lt, tag_end);
    if (xml[tag_end - 1] == '/') {  // <w:rPr/>
        edits.push_back({rpr_lt, tag_end + 1, "<" + std::string(rpr.name()) + ">" + fonts_tag + size_tag + "</" +
                                                  std::string(rpr.name()) + ">"});
        return;
    }
    // Where a new child of rank `rank` goes: before the first later one, else before </w:rPr>.
    auto insert_at = [&](int rank) -> size_t {
        for (auto c : rpr.children())
            if (c.type() == pugi::node_element && rpr_rank(docx::local(c.name())) > rank) return start_of(c);
        std::string close = "</" + std::string(rpr.name());
        size_t at = xml.find(close, tag_end);
        return at == std::string::npos ? tag_end + 1 : at;
    };
    if (!font.empty()) {
        if (auto f = docx::kid(rpr, "rFonts")) {
            // The same element, written again: its other attributes (eastAsia,
            // cs, hint, ...) as they were, the Latin slots and their theme
            // references replaced.
            size_t lt = start_of(f), end = 0;
            auto attrs = tag_attributes(xml, lt, end);
            std::string tag = "<" + std::string(f.name());
            std::vector<std::pair<size_t, std::string>> kept;  // in file order
            for (const auto& [name, v] : attrs)
                if (name != "ascii" && name != "hAnsi" && name != "asciiTheme" && name != "hAnsiTheme") {
                    size_t q = v.begin - 1, n = q;
                    while (n > lt && xml[n - 1] != ' ' && xml[n - 1] != '\t' && xml[n - 1] != '\n' && xml[n - 1] != '\r') --n;
                    kept.push_back({n, xml.substr(n, v.end + 1 - n)});
                }
            std::sort(kept.begin(), kept.end());
            tag += " " + prefix + "ascii=\"" + font + "\" " + prefix + "hAnsi=\"" + font + "\"";
            for (const auto& [pos, text] : kept) tag += " " + text;
            bool empty = xml[end - 1] == '/';
            tag += empty ? "/>" : ">";
            edits.push_back({lt, end + 1, tag});
        } else {
            size_t at = insert_at(rpr_rank("rFonts"));
            edits.push_back({at, at, fonts_tag});
        }
    }
    if (size) {
        if (auto sz = docx::kid(rpr, "sz")) {
            size_t end = 0;
            auto attrs = tag_attributes(xml, start_of(sz), end);
            auto it = attrs.find("val");
            if (it != attrs.end()) edits.push_back({it->second.begin, it->second.end, std::to_string(size)});
        } else {
            size_t at = insert_at(rpr_rank("sz"));
            edits.push_back({at, at, size_tag});
        }
    }
}

std::string pt_text(uint32_t half_points, bool en) {
    std::string s = std::to_string(half_points / 2);
    if (half_points % 2) s += en ? ".5" : ",5";
    return s + " pt";
}

// The body's runs: font and size edits, and what they change for --diff.
std::optional<UnreadableInput> body_edits(ZipReader& zip, const std::string& xml, pugi::xml_document& doc,
                                          const DocxBodyFix& req, std::vector<Edit>& edits,
                                          std::vector<DocxChange>& changes) {
    if (req.body.empty() || (req.font.empty() && !req.size)) return std::nullopt;
    docx::BodyMap map;
    if (auto bad = docx::map_body(zip, doc, map)) return bad;
    std::set<uint32_t> body(req.body.begin(), req.body.end());
    std::map<std::string, std::set<uint32_t>> fonts;  // font changed -> paragraphs
    std::map<uint32_t, std::set<uint32_t>> sizes;     // size changed -> paragraphs
    for (const auto& r : map.runs) {
        if (!body.count(r.para) || r.legacy || r.in_table) continue;
        std::string font;
        uint32_t size = 0;
        if (!req.font.empty() && !r.font.empty() && !times_new_roman(r.font, req.font) && !symbol_font(r.font)) {
            font = req.font;
            fonts[r.font].insert(r.para);
        }
        if (req.size && r.size && !r.raised && (r.size < req.size_min || r.size > req.size_max)) {
            size = req.size;
            sizes[r.size].insert(r.para);
        }
        if (!font.empty() || size) run_edits(xml, r.node, font, size, edits);
    }
    for (const auto& [from, paras] : fonts) {
        std::string n = std::to_string(paras.size());
        changes.push_back({"phông chữ nội dung: " + from + " → " + req.font + " (" + n + " đoạn)",
                           "body font: " + from + " → " + req.font + " (" + n + " paragraphs)"});
    }
    for (const auto& [from, paras] : sizes) {
        std::string n = std::to_string(paras.size());
        changes.push_back({"cỡ chữ nội dung: " + pt_text(from, false) + " → " + pt_text(req.size, false) + " (" + n + " đoạn)",
                           "body size: " + pt_text(from, true) + " → " + pt_text(req.size, true) + " (" + n + " paragraphs)"});
    }
    return std::nullopt;
}
}  // namespace

std::variant<DocxFix, UnreadableInput> fix_docx_page_document(std::string_view bytes, const Options& opts,
                                                              const DocxBodyFix& body) {
    try {
        auto opened = ZipReader::open(bytes, opts);
        if (auto* bad = std::get_if<UnreadableInput>(&opened)) return *bad;
        auto& zip = *std::get<std::unique_ptr<ZipReader>>(opened);
        auto r = zip.read("word/document.xml");
        if (auto* bad = std::get_if<UnreadableInput>(&r)) return *bad;
        auto& data = std::get<std::optional<std::string>>(r);
        if (!data)
            return UnreadableInput{"not a Word document: word/document.xml is missing from the .docx",
                                   "open it in Word or LibreOffice and save it as .docx"};
        const std::string& xml = *data;
        pugi::xml_document check;
        if (!check.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8))
            return UnreadableInput{"the .docx is damaged: word/document.xml is not well-formed XML",
                                   "open it in Word and save it again"};

        DocxFix out;
        std::vector<Edit> edits;
        std::set<std::string> said;
        auto change = [&](const std::string& vi, const std::string& en) {
            if (said.insert(vi).second) out.changes.push_back({vi, en});
        };
        // Each section's pgSz comes before its pgMar (the schema's order).
        std::vector<size_t> sizes, margins;
        if (body.page) sizes = find_tags(xml, "pgSz"), margins = find_tags(xml, "pgMar");
        std::vector<std::pair<size_t, bool>> orientation;  // pgSz position -> landscape
        for (size_t lt : sizes) {
            size_t end = 0;
            auto a = tag_attributes(xml, lt, end);
            auto w = number(a, "w"), h = number(a, "h");
            bool wide = (a.count("orient") && a["orient"].value == "landscape") || (w && h && *w > *h);
            orientation.push_back({lt, wide});
            if (!w || !h) continue;  // Word's default paper: not known, not changed
            int want_w = wide ? kA4Long : kA4Short, want_h = wide ? kA4Short : kA4Long;
            if (std::abs(*w - want_w) <= 57 && std::abs(*h - want_h) <= 57) continue;  // within 1 mm
            edits.push_back({a["w"].begin, a["w"].end, std::to_string(want_w)});
            edits.push_back({a["h"].begin, a["h"].end, std::to_string(want_h)});
            std::string from = mm_text(twips_to_mm(*w), false) + " × " + mm_text(twips_to_mm(*h), false) + " mm";
            std::string from_en = mm_text(twips_to_mm(*w), true) + " × " + mm_text(twips_to_mm(*h), true) + " mm";
            std::string to = wide ? "297 × 210 mm" : "210 × 297 mm";
            change("khổ giấy: " + from + " → A4 " + to, "paper: " + from_en + " → A4 " + to);
        }
        struct Side {
            const char* attr;
            const char* vi;
            const char* en;
            double lo, hi;
        };
        const Side sides[] = {{"top", "lề trên", "top margin", 20, 25},
                              {"bottom", "lề dưới", "bottom margin", 20, 25},
                              {"left", "lề trái", "left margin", 30, 35},
                              {"right", "lề phải", "right margin", 15, 20}};
        for (size_t lt : margins) {
            bool wide = false;
            for (auto [pos, landscape] : orientation)
                if (pos < lt) wide = landscape;
            if (wide) continue;  // the Appendix gives the portrait page's margins
            size_t end = 0;
            auto a = tag_attributes(xml, lt, end);
            int gutter = number(a, "gutter").value_or(0);
            for (const Side& s : sides) {
                auto v = number(a, s.attr);
                if (!v) continue;
                bool left = std::string(s.attr) == "left";
                double mm = std::round(twips_to_mm(std::abs(*v) + (left ? gutter : 0)) * 10.0) / 10.0;
                if (mm >= s.lo - 0.3 && mm <= s.hi + 0.3) continue;
                double target = mm < s.lo ? s.lo : s.hi;
                int twips = mm_to_twips(target) - (left ? gutter : 0);
                if (twips < 0) continue;
                if (*v < 0) twips = -twips;  // an exact top or bottom margin stays exact
                edits.push_back({a[s.attr].begin, a[s.attr].end, std::to_string(twips)});
                change(std::string(s.vi) + ": " + mm_text(mm, false) + " mm → " + mm_text(target, false) + " mm",
                       std::string(s.en) + ": " + mm_text(mm, true) + " mm → " + mm_text(target, true) + " mm");
            }
        }
        if (auto bad = body_edits(zip, xml, check, body, edits, out.changes)) return *bad;
        if (edits.empty()) return out;
        // From the end, so earlier offsets stay right; of two insertions at one
        // place the one made first ends up first (w:rFonts before w:sz).
        for (size_t i = 0; i < edits.size(); ++i) edits[i].seq = i;
        std::sort(edits.begin(), edits.end(),
                  [](const Edit& x, const Edit& y) { return x.begin != y.begin ? x.begin > y.begin : x.seq > y.seq; });
        std::string fixed = xml;
        for (const Edit& e : edits) fixed.replace(e.begin, e.end - e.begin, e.value);
        out.bytes = rewrite_zip(bytes, {{"word/document.xml", fixed}});
        return out;
    } catch (const std::exception& e) {
        return UnreadableInput{std::string("the .docx could not be changed: ") + e.what(),
                               "open it in Word or LibreOffice and save it again"};
    }
}

}  // namespace plancheck::ingest
