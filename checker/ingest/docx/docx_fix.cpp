// --fix on a .docx: the page setup of Decree 30/2020 Appendix I, Part I.I
// (see fix_docx_page in ingest.h). word/document.xml is checked to be
// well-formed with pugixml, then edited as text: only the values of the
// w:pgSz w:w/w:h and w:pgMar w:top/w:bottom/w:left/w:right attributes that
// must change are rewritten, so every other byte of the part stays, and
// rewrite_zip copies every other part unchanged.
#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <cstdlib>
#include <optional>
#include <set>

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
};

std::optional<int> number(const std::map<std::string, AttrValue>& a, const char* name) {
    auto it = a.find(name);
    if (it == a.end()) return std::nullopt;
    char* e = nullptr;
    long v = std::strtol(it->second.value.c_str(), &e, 10);
    if (e == it->second.value.c_str() || *e) return std::nullopt;  // "1in", "2cm": left alone
    return static_cast<int>(v);
}

}  // namespace

std::variant<DocxFix, UnreadableInput> fix_docx_page_document(std::string_view bytes, const Options& opts) {
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
        if (!check.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8))
            return UnreadableInput{"the .docx is damaged: word/document.xml is not well-formed XML",
                                   "open it in Word and save it again"};

        DocxFix out;
        std::vector<Edit> edits;
        std::set<std::string> said;
        auto change = [&](const std::string& vi, const std::string& en) {
            if (said.insert(vi).second) out.changes.push_back({vi, en});
        };
        // Each section's pgSz comes before its pgMar (the schema's order).
        auto sizes = find_tags(xml, "pgSz"), margins = find_tags(xml, "pgMar");
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
        if (edits.empty()) return out;
        std::sort(edits.begin(), edits.end(), [](const Edit& x, const Edit& y) { return x.begin > y.begin; });
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
