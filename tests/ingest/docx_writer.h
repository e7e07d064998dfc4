// A minimal .docx writer for tests (libzip): paragraphs with runs and fonts,
// automatic numbering, styles, tables, text boxes, comments, footnotes and
// headers. It writes only what plancheck reads, the way Word writes it.
#pragma once

#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/legacy_vn.h"
#include "core/utf8.h"

namespace plancheck::test {

// The parts of a .docx (or any zip) file, by name; empty if it cannot be opened.
inline std::map<std::string, std::string> unzip_parts(const std::filesystem::path& p) {
    std::map<std::string, std::string> out;
    int err = 0;
    zip_t* z = zip_open(p.c_str(), ZIP_RDONLY, &err);
    if (!z) return out;
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
        zip_stat_t st;
        if (zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st) != 0) continue;
        zip_file_t* zf = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
        std::string data(st.size, '\0');
        if (zf) {
            zip_fread(zf, data.data(), st.size);
            zip_fclose(zf);
        }
        out[st.name] = data;
    }
    zip_discard(z);
    return out;
}

inline std::string xml_escape(std::string_view s) {
    std::string o;
    for (char c : s) {
        if (c == '&') o += "&amp;";
        else if (c == '<') o += "&lt;";
        else if (c == '>') o += "&gt;";
        else if (c == '"') o += "&quot;";
        else o += c;
    }
    return o;
}

// Text as Word stores a run typed in a legacy font: the Windows-1252 characters
// of the legacy bytes.
inline std::string as_legacy_run(std::string_view unicode, legacy::Encoding e) {
    std::string bytes = legacy::encode(unicode, e), out;
    for (unsigned char b : bytes) {
        char32_t c = b;
        if (b >= 0x80 && b < 0xA0) {
            static const char32_t kLow[32] = {0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                              0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
                                              0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                              0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178};
            c = kLow[b - 0x80];
        }
        utf8::append(out, c);
    }
    return out;
}

struct Run {
    std::string text;
    std::string font;  // w:rFonts ascii/hAnsi; empty: inherited
};

class DocxWriter {
public:
    static constexpr const char* kNs =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
        "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

    // One paragraph; num_id 0 = not numbered.
    static std::string para(const std::vector<Run>& runs, int num_id = 0, int ilvl = 0, const std::string& style = "") {
        std::string x = "<w:p>";
        if (num_id || !style.empty()) {
            x += "<w:pPr>";
            if (!style.empty()) x += "<w:pStyle w:val=\"" + style + "\"/>";
            if (num_id) x += "<w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" + std::to_string(num_id) + "\"/></w:numPr>";
            x += "</w:pPr>";
        }
        for (const auto& r : runs) {
            x += "<w:r>";
            if (!r.font.empty()) x += "<w:rPr><w:rFonts w:ascii=\"" + r.font + "\" w:hAnsi=\"" + r.font + "\"/></w:rPr>";
            x += "<w:t xml:space=\"preserve\">" + xml_escape(r.text) + "</w:t></w:r>";
        }
        return x + "</w:p>";
    }
    static std::string para(const std::string& text, int num_id = 0, int ilvl = 0, const std::string& style = "") {
        return para(std::vector<Run>{{text, ""}}, num_id, ilvl, style);
    }
    static std::string table(const std::vector<std::vector<std::string>>& rows) {
        std::string x = "<w:tbl>";
        for (const auto& row : rows) {
            x += "<w:tr>";
            for (const auto& cell : row) x += "<w:tc>" + para(cell) + "</w:tc>";
            x += "</w:tr>";
        }
        return x + "</w:tbl>";
    }
    // A paragraph anchoring a text box (mc:Choice + a duplicate mc:Fallback, as Word writes).
    static std::string textbox(const std::string& host, const std::string& inner_paras) {
        std::string box = "<w:txbxContent>" + inner_paras + "</w:txbxContent>";
        return "<w:p><w:r><w:t>" + xml_escape(host) + "</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">"
               "<w:drawing><wps:txbx>" + box + "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>" + box +
               "</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>";
    }

    // Formatting, for the presentation rules (Decree 30 Appendix I). Sizes in
    // half-points, lengths in twips; -1 / empty = not written (inherited).
    struct RunFmt {
        std::string font;
        int size = -1;
        bool bold = false, italic = false;
        std::string color;
    };
    struct ParaFmt {
        std::string jc;  // "center", "both", ...
        int first_line = -1, before = -1, after = -1, line = -1;
        std::string line_rule;
    };
    static std::string rpr(const RunFmt& f) {
        std::string x;
        if (!f.font.empty()) x += "<w:rFonts w:ascii=\"" + f.font + "\" w:hAnsi=\"" + f.font + "\" w:cs=\"" + f.font + "\"/>";
        if (f.bold) x += "<w:b/>";
        if (f.italic) x += "<w:i/>";
        if (!f.color.empty()) x += "<w:color w:val=\"" + f.color + "\"/>";
        if (f.size > 0) x += "<w:sz w:val=\"" + std::to_string(f.size) + "\"/><w:szCs w:val=\"" + std::to_string(f.size) + "\"/>";
        return x.empty() ? x : "<w:rPr>" + x + "</w:rPr>";
    }
    static std::string ppr(const ParaFmt& f) {
        std::string x;
        if (f.before >= 0 || f.after >= 0 || f.line >= 0) {
            x += "<w:spacing";
            if (f.before >= 0) x += " w:before=\"" + std::to_string(f.before) + "\"";
            if (f.after >= 0) x += " w:after=\"" + std::to_string(f.after) + "\"";
            if (f.line >= 0) x += " w:line=\"" + std::to_string(f.line) + "\" w:lineRule=\"" + (f.line_rule.empty() ? "auto" : f.line_rule) + "\"";
            x += "/>";
        }
        if (f.first_line >= 0) x += "<w:ind w:firstLine=\"" + std::to_string(f.first_line) + "\"/>";
        if (!f.jc.empty()) x += "<w:jc w:val=\"" + f.jc + "\"/>";
        return x.empty() ? x : "<w:pPr>" + x + "</w:pPr>";
    }
    // A paragraph of formatted runs.
    static std::string fpara(const std::vector<std::pair<std::string, RunFmt>>& runs) { return fpara(runs, ParaFmt()); }
    static std::string fpara(const std::string& text, const RunFmt& f) { return fpara({{text, f}}, ParaFmt()); }
    static std::string fpara(const std::vector<std::pair<std::string, RunFmt>>& runs, const ParaFmt& p) {
        std::string x = "<w:p>" + ppr(p);
        for (const auto& [text, f] : runs)
            x += "<w:r>" + rpr(f) + "<w:t xml:space=\"preserve\">" + xml_escape(text) + "</w:t></w:r>";
        return x + "</w:p>";
    }
    static std::string fpara(const std::string& text, const RunFmt& f, const ParaFmt& p) {
        return fpara({{text, f}}, p);
    }
    // A table of cells, each given as its paragraphs' XML.
    static std::string ftable(const std::vector<std::vector<std::string>>& rows) {
        std::string x = "<w:tbl>";
        for (const auto& row : rows) {
            x += "<w:tr>";
            for (const auto& cell : row) x += "<w:tc>" + cell + "</w:tc>";
            x += "</w:tr>";
        }
        return x + "</w:tbl>";
    }
    // A paragraph showing the page number (a PAGE complex field, as Word writes it).
    static std::string page_number(const RunFmt& f, const ParaFmt& p) {
        std::string r = rpr(f);
        return "<w:p>" + ppr(p) + "<w:r>" + r + "<w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>" + r +
               "<w:instrText xml:space=\"preserve\"> PAGE   \\* MERGEFORMAT </w:instrText></w:r><w:r>" + r +
               "<w:fldChar w:fldCharType=\"separate\"/></w:r><w:r>" + r + "<w:t>2</w:t></w:r><w:r>" + r +
               "<w:fldChar w:fldCharType=\"end\"/></w:r></w:p>";
    }
    // Section properties (w:sectPr): size, orientation, margins, the first-page
    // setting and header/footer references (relationship ids of `relationships`).
    struct Page {
        int width = 11906, height = 16838;  // A4
        bool landscape = false;
        int top = 1134, bottom = 1134, left = 1701, right = 1134;  // 20, 20, 30, 20 mm
        bool title_page = false;
        std::string header, first_header, footer;  // relationship ids
    };
    static std::string sect_pr(const Page& pg) {
        std::string x = "<w:sectPr>";
        if (!pg.header.empty()) x += "<w:headerReference w:type=\"default\" r:id=\"" + pg.header + "\"/>";
        if (!pg.first_header.empty()) x += "<w:headerReference w:type=\"first\" r:id=\"" + pg.first_header + "\"/>";
        if (!pg.footer.empty()) x += "<w:footerReference w:type=\"default\" r:id=\"" + pg.footer + "\"/>";
        x += "<w:pgSz w:w=\"" + std::to_string(pg.width) + "\" w:h=\"" + std::to_string(pg.height) + "\"" +
             (pg.landscape ? " w:orient=\"landscape\"" : "") + "/>";
        x += "<w:pgMar w:top=\"" + std::to_string(pg.top) + "\" w:right=\"" + std::to_string(pg.right) + "\" w:bottom=\"" +
             std::to_string(pg.bottom) + "\" w:left=\"" + std::to_string(pg.left) +
             "\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/>";
        if (pg.title_page) x += "<w:titlePg/>";
        return x + "</w:sectPr>";
    }
    // A header or footer part (word/NAME) with its relationship from the document.
    void add_header_part(const std::string& rid, const std::string& name, const std::string& paras, bool footer = false) {
        const char* root = footer ? "ftr" : "hdr";
        raw_parts["word/" + name] = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:") +
                                    root + " " + kNs + ">" + paras + "</w:" + root + ">";
        relationships.push_back({rid, std::string("http://schemas.openxmlformats.org/officeDocument/2006/relationships/") +
                                          (footer ? "footer" : "header"),
                                 name});
    }
    struct Relationship {
        std::string id, type, target;
    };
    std::vector<Relationship> relationships;  // word/_rels/document.xml.rels (written when not empty)

    std::string body;  // paragraphs and tables
    std::string numbering, styles, comments, footnotes, header;  // part bodies (inside the root element)
    std::map<std::string, std::string> raw_parts;  // name -> full content, written as is

    // The standard Vietnamese plan list: I. / 1. / a) / - / +
    static std::string plan_abstract(int id) {
        const char* lv[][3] = {{"upperRoman", "%1.", "1"}, {"decimal", "%2.", "1"}, {"lowerLetter", "%3)", "1"},
                               {"bullet", "-", "1"}, {"bullet", "+", "1"}};
        std::string x = "<w:abstractNum w:abstractNumId=\"" + std::to_string(id) + "\">";
        for (int i = 0; i < 5; ++i)
            x += "<w:lvl w:ilvl=\"" + std::to_string(i) + "\"><w:start w:val=\"" + lv[i][2] + "\"/><w:numFmt w:val=\"" +
                 lv[i][0] + "\"/><w:lvlText w:val=\"" + lv[i][1] + "\"/></w:lvl>";
        return x + "</w:abstractNum>";
    }
    static std::string num(int id, int abstract, const std::map<int, int>& start_override = {}) {
        std::string x = "<w:num w:numId=\"" + std::to_string(id) + "\"><w:abstractNumId w:val=\"" + std::to_string(abstract) + "\"/>";
        for (auto [il, s] : start_override)
            x += "<w:lvlOverride w:ilvl=\"" + std::to_string(il) + "\"><w:startOverride w:val=\"" + std::to_string(s) + "\"/></w:lvlOverride>";
        return x + "</w:num>";
    }

    std::map<std::string, std::string> parts() const {
        std::map<std::string, std::string> p;
        auto wrap = [](const char* root, const std::string& inner) {
            return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:") + root + " " + kNs +
                   ">" + inner + "</w:" + root + ">";
        };
        p["[Content_Types].xml"] =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
        p["word/document.xml"] = wrap("document", "<w:body>" + body + "</w:body>");
        if (!numbering.empty()) p["word/numbering.xml"] = wrap("numbering", numbering);
        if (!styles.empty()) p["word/styles.xml"] = wrap("styles", styles);
        if (!comments.empty()) p["word/comments.xml"] = wrap("comments", comments);
        if (!footnotes.empty()) p["word/footnotes.xml"] = wrap("footnotes", footnotes);
        if (!header.empty()) p["word/header1.xml"] = wrap("hdr", header);
        if (!relationships.empty()) {
            std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
            for (const auto& r : relationships)
                x += "<Relationship Id=\"" + r.id + "\" Type=\"" + r.type + "\" Target=\"" + r.target + "\"/>";
            p["word/_rels/document.xml.rels"] = x + "</Relationships>";
        }
        for (const auto& [k, v] : raw_parts) p[k] = v;
        return p;
    }

    std::string build() const { return zip_parts(parts()); }

    // Zips `parts` (deflated; `password` encrypts every entry with AES-256).
    static std::string zip_parts(const std::map<std::string, std::string>& parts, const char* password = nullptr) {
        namespace fs = std::filesystem;
        static int counter = 0;
        fs::path tmp = fs::temp_directory_path() /
                       ("plancheck-docx-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".zip");
        int err = 0;
        zip_t* z = zip_open(tmp.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
        if (!z) throw std::runtime_error("zip_open failed");
        for (const auto& [name, data] : parts) {
            zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
            zip_int64_t idx = zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8);
            if (idx < 0) throw std::runtime_error("zip_file_add failed");
            if (password && zip_file_set_encryption(z, static_cast<zip_uint64_t>(idx), ZIP_EM_AES_256, password) != 0)
                throw std::runtime_error("zip encryption unsupported");
        }
        if (zip_close(z) != 0) throw std::runtime_error("zip_close failed");
        std::ifstream in(tmp, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        fs::remove(tmp);
        return ss.str();
    }
};

}  // namespace plancheck::test
