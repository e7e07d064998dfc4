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
        "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"";

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
