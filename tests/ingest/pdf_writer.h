// A minimal PDF writer for tests: text with a real text layer in any BMP
// characters (Vietnamese included), written with a Type0/Identity-H font whose
// CIDs are the Unicode code points and a ToUnicode CMap saying so. No font
// program is embedded: viewers substitute one; text extraction needs none.
// Every glyph is half the font size wide (/DW 500): 5 pt at size 10; the
// paragraph() flow prints size 10, lines 12 pt apart, from x = 50.
//
// Positioned text (put, on the current page; new_page starts one) lays out
// what real agency PDFs show: two columns on one baseline, a page number, a
// small stamp in the margin, a turned watermark. Coordinates are PDF points
// with the origin at the page's bottom-left corner (A4: 595 x 842).
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "core/utf8.h"

namespace plancheck::test {

class PdfWriter {
public:
    // Adds a paragraph wrapped at `width` code points; returns nothing. An empty
    // paragraph leaves a blank line (a vertical gap).
    void paragraph(std::string_view text, uint32_t source_line, size_t width = 100) {
        std::vector<std::string> words;
        size_t i = 0;
        while (i < text.size()) {
            while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
            size_t s = i;
            while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
            if (i > s) words.emplace_back(text.substr(s, i - s));
        }
        if (words.empty()) {
            line("", 0);
            return;
        }
        std::string cur;
        for (const auto& w : words) {
            if (!cur.empty() && utf8::count(cur) + 1 + utf8::count(w) > width) {
                line(cur, source_line);
                cur.clear();
            }
            cur += (cur.empty() ? "" : " ") + w;
        }
        line(cur, source_line);
    }

    // Prints `text` with its left edge at x and its baseline at y, in a font
    // of `size` points; `turned` prints it turned 90 degrees (bottom to top).
    // Fonts other than the default one (F1, "DejaVuSans"), by the BaseFont
    // name the PDF gives them ("TimesNewRomanPS-BoldMT", "Times New Roman,Bold"):
    // returns the number to pass to put().
    int add_font(const std::string& base_font) {
        fonts_.push_back(base_font);
        return static_cast<int>(fonts_.size()) + 1;
    }
    // The document information's Producer and Creator ("" = none written).
    std::string producer, creator;
    // Paper size in points.
    double page_width = 595, page_height = 842;

    void put(double x, double y, std::string_view text, double size = 10, bool turned = false, int font = 1) {
        if (pages_.empty()) new_page();
        std::string hex;
        for (size_t i = 0; i < text.size();) {
            char32_t c = utf8::next(text, i);
            char buf[8];
            std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(c > 0xFFFF ? 0xFFFD : c));
            hex += buf;
        }
        char head[160];
        std::snprintf(head, sizeof head, "BT /F%d %.2f Tf %s %.2f %.2f Tm <", font, size, turned ? "0 1 -1 0" : "1 0 0 1", x, y);
        pages_.back() += head + hex + "> Tj ET\n";
    }
    // Width of `text` printed at `size` (every glyph is half the size wide).
    static double width(std::string_view text, double size = 10) {
        return static_cast<double>(utf8::count(text)) * size / 2;
    }
    void new_page() {
        pages_.emplace_back();
        y_ = 800;
    }
    // Where paragraph() prints its next line (baseline), and moving it.
    int cursor() const { return y_; }
    void set_cursor(int y) { y_ = y; }

    // The text line each extracted (non-blank) PDF line comes from, in order.
    const std::vector<uint32_t>& source_lines() const { return source_; }

    // With `password`, the file carries a Standard security handler (RC4, 40
    // bit) whose user password is not empty: a reader must ask for it. The
    // O/U entries are not derived from any real password, so no password
    // opens it, which is all a "cannot open a protected PDF" test needs.
    std::string build(bool password = false) const {
        std::vector<std::string> objs;  // 1-based object numbers
        std::string kids;
        size_t npages = pages_.size();
        // 1 catalog, 2 pages, 3 font, 4 cidfont, 5 tounicode, then page/content pairs
        objs.push_back("<< /Type /Catalog /Pages 2 0 R >>");
        for (size_t p = 0; p < npages; ++p) kids += std::to_string(6 + 2 * p) + " 0 R ";
        objs.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(npages) + " >>");
        objs.push_back("<< /Type /Font /Subtype /Type0 /BaseFont /DejaVuSans /Encoding /Identity-H "
                       "/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>");
        objs.push_back("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DejaVuSans /CIDToGIDMap /Identity /DW 500 "
                       "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                       "/FontDescriptor << /Type /FontDescriptor /FontName /DejaVuSans /Flags 32 "
                       "/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >> >>");
        std::string cmap =
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /UCS def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n";
        for (int block = 0; block < 256; block += 100) {
            int n = std::min(100, 256 - block);
            cmap += std::to_string(n) + " beginbfrange\n";
            for (int h = block; h < block + n; ++h) {
                char buf[64];
                std::snprintf(buf, sizeof buf, "<%02X00> <%02XFF> <%02X00>\n", h, h, h);
                cmap += buf;
            }
            cmap += "endbfrange\n";
        }
        cmap += "endcmap CMapName currentdict /CMap defineresource pop end end\n";
        objs.push_back(stream(cmap));
        // Added fonts follow the pages: a Type0 font and its CIDFont each.
        std::string font_refs = "/F1 3 0 R";
        size_t first_extra = 6 + 2 * npages;
        for (size_t k = 0; k < fonts_.size(); ++k)
            font_refs += " /F" + std::to_string(k + 2) + " " + std::to_string(first_extra + 2 * k) + " 0 R";
        char box[64];
        std::snprintf(box, sizeof box, "[0 0 %.2f %.2f]", page_width, page_height);
        for (const auto& content : pages_) {
            objs.push_back(std::string("<< /Type /Page /Parent 2 0 R /MediaBox ") + box + " /Resources << /Font << " +
                           font_refs + " >> >> /Contents " + std::to_string(objs.size() + 2) + " 0 R >>");
            objs.push_back(stream(content));
        }
        for (size_t k = 0; k < fonts_.size(); ++k) {
            std::string name = "/" + name_token(fonts_[k]);
            objs.push_back("<< /Type /Font /Subtype /Type0 /BaseFont " + name + " /Encoding /Identity-H /DescendantFonts [" +
                           std::to_string(first_extra + 2 * k + 1) + " 0 R] /ToUnicode 5 0 R >>");
            objs.push_back("<< /Type /Font /Subtype /CIDFontType2 /BaseFont " + name +
                           " /CIDToGIDMap /Identity /DW 500 /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
                           "/Supplement 0 >> /FontDescriptor << /Type /FontDescriptor /FontName " + name +
                           " /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 800 /Descent -200 "
                           "/CapHeight 700 /StemV 80 >> >>");
        }
        if (!producer.empty() || !creator.empty()) {
            std::string info = "<<";
            if (!producer.empty()) info += " /Producer " + text_string(producer);
            if (!creator.empty()) info += " /Creator " + text_string(creator);
            objs.push_back(info + " >>");
        }
        std::string info_ref =
            producer.empty() && creator.empty() ? "" : " /Info " + std::to_string(objs.size()) + " 0 R";
        std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
        std::vector<size_t> offsets;
        for (size_t i = 0; i < objs.size(); ++i) {
            offsets.push_back(out.size());
            out += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
        }
        std::string encrypt;
        if (password) {
            offsets.push_back(out.size());
            std::string id = std::to_string(objs.size() + 1);
            out += id + " 0 obj\n<< /Filter /Standard /V 1 /R 2 /P -44 /O <" + std::string(64, 'A') + "> /U <" +
                   std::string(64, '5') + "> >>\nendobj\n";
            encrypt = " /Encrypt " + id + " 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]";
        }
        size_t xref = out.size();
        out += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
        for (size_t off : offsets) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
            out += buf;
        }
        out += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R" + info_ref + encrypt + " >>\nstartxref\n" +
               std::to_string(xref) + "\n%%EOF\n";
        return out;
    }

private:
    // A name object's token: a space is #20 ("Times New Roman,Bold").
    static std::string name_token(const std::string& n) {
        std::string out;
        for (char c : n) out += c == ' ' ? std::string("#20") : std::string(1, c);
        return out;
    }
    // A text string in UTF-16BE with its byte order mark, as hex.
    static std::string text_string(std::string_view s) {
        std::string hex = "<FEFF";
        for (size_t i = 0; i < s.size();) {
            char32_t c = utf8::next(s, i);
            char buf[8];
            std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(c > 0xFFFF ? 0xFFFD : c));
            hex += buf;
        }
        return hex + ">";
    }
    static std::string stream(const std::string& data) {
        return "<< /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
    }
    void line(const std::string& text, uint32_t source_line) {
        if (pages_.empty() || y_ < 60) new_page();
        if (!text.empty()) {
            put(50, y_, text);
            source_.push_back(source_line);
        }
        y_ -= 12;
    }

    std::vector<std::string> pages_, fonts_;
    std::vector<uint32_t> source_;
    int y_ = 0;
};

}  // namespace plancheck::test
