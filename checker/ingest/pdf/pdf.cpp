// .pdf with poppler-cpp: the text layer, page by page.
//
// Words (page::text_list) are grouped into lines by their vertical position;
// lines are rejoined into paragraphs. A line starts a new block when it
// starts with a numbering label, when the line before is short (ends well
// before the right edge of the page's text), when it is indented more than the
// line before, after a vertical gap, when the line before ends a sentence
// and this one starts with a capital letter, or when a new "Căn cứ" follows ';'.
//
// Positions: `line` is a running count of text lines over the whole document
// (page 1 line 1 is 1, and page 2 continues where page 1 stopped) — the
// numbers `plancheck outline` prints; `column` is the code point in that line
// of text as extracted. Lines of one block are joined with '\n'.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/utf8.h"
#include "ingest/plugin.h"

namespace plancheck::ingest {

namespace {

struct Line {
    std::string text;
    double top = 0, bottom = 0, left = 0, right = 0;
};

std::string utf8_of(const poppler::ustring& u) {
    auto bytes = u.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

std::vector<Line> page_lines(const poppler::page& page) {
    std::vector<Line> lines;
    for (const auto& box : page.text_list()) {
        auto r = box.bbox();
        std::string word = utf8_of(box.text());
        if (word.empty()) continue;
        double mid = r.y() + r.height() / 2;
        bool same = !lines.empty() && mid > lines.back().top && mid < lines.back().bottom && r.x() >= lines.back().left;
        if (!same) lines.push_back({"", r.y(), r.y() + r.height(), r.x(), r.x() + r.width()});
        Line& l = lines.back();
        if (!l.text.empty() && l.text.back() != ' ') {
            // poppler marks a space after a word with has_space_after(); a gap
            // wider than a fifth of the height is a space too.
            if (r.x() - l.right > r.height() * 0.2) l.text += ' ';
        }
        l.text += word;
        if (box.has_space_after()) l.text += ' ';
        l.top = std::min(l.top, r.y());
        l.bottom = std::max(l.bottom, r.y() + r.height());
        l.right = std::max(l.right, r.x() + r.width());
    }
    for (auto& l : lines)
        while (!l.text.empty() && l.text.back() == ' ') l.text.pop_back();
    return lines;
}

// "I." "12." "2.1." "3)" "a)" "đ)" "-" "+" "*" "–" "•" followed by a space or the end.
bool starts_with_label(std::string_view t) {
    auto spaced = [&](size_t i) { return i >= t.size() || t[i] == ' ' || t[i] == '\t'; };
    size_t i = 0;
    while (i < t.size() && (t[i] == 'I' || t[i] == 'V' || t[i] == 'X')) ++i;
    if (i > 0 && i < t.size() && t[i] == '.' && spaced(i + 1)) return true;
    i = 0;
    while (i < t.size() && ((t[i] >= '0' && t[i] <= '9') || (i > 0 && t[i] == '.' && i + 1 < t.size() && t[i + 1] >= '0' && t[i + 1] <= '9'))) ++i;
    if (i > 0 && i <= 8 && i < t.size() && (t[i] == '.' || t[i] == ')') && spaced(i + 1)) return true;
    if (t.size() >= 2 && t[0] >= 'a' && t[0] <= 'z' && t[1] == ')' && spaced(2)) return true;
    if (t.rfind("đ)", 0) == 0 && spaced(std::string_view("đ)").size())) return true;
    for (std::string_view m : {"-", "+", "*", "\u2013", "\u2014", "\u2022"})
        if (t.substr(0, m.size()) == m && spaced(m.size())) return true;
    return false;
}

// A full line ending a sentence, then a capital: plans put each item in its own
// paragraph, so this is taken as a paragraph end. A ';' does not end one (it
// separates clauses inside a paragraph), except before the next legal basis
// ("Căn cứ ...;" items are one paragraph each).
bool ends_sentence(const std::string& t) {
    return !t.empty() && (t.back() == '.' || t.back() == ':' || t.back() == '?' || t.back() == '!');
}
bool starts_upper(const std::string& t) {
    size_t i = 0;
    char32_t c = utf8::next(t, i);
    std::string s;
    utf8::append(s, c);
    return utf8::is_letter(c) && utf8::is_upper_text(s);
}

void silence(const std::string&, void*) {}

}  // namespace

Result read_pdf_document(std::string_view bytes, const std::string& path, const Options&) {
    poppler::set_debug_error_function(silence, nullptr);
    if (bytes.size() > static_cast<size_t>(INT32_MAX)) return UnreadableInput{"the PDF is too large", "split it"};
    std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!pdf) return UnreadableInput{"the PDF is damaged or is not a PDF", "export it again from the original document, or send the .docx"};
    if (pdf->is_locked())
        return UnreadableInput{"the PDF is password-protected (encrypted)", "remove the password, or send the .docx"};
    if (pdf->pages() <= 0) return UnreadableInput{"the PDF is damaged: it has no pages", "export it again, or send the .docx"};
    SourceDocument doc;
    doc.path = path;
    doc.format = "pdf";
    doc.encoding = "utf-8";
    uint32_t line_no = 0;
    int pages = std::min(pdf->pages(), 5000);
    for (int p = 0; p < pages; ++p) {
        std::unique_ptr<poppler::page> page(pdf->create_page(p));
        if (!page) continue;
        auto lines = page_lines(*page);
        double right = 0, left = 1e9;
        for (const auto& l : lines) right = std::max(right, l.right), left = std::min(left, l.left);
        double width = std::max(1.0, right - left);
        Block* cur = nullptr;
        const Line* prev = nullptr;
        for (const auto& l : lines) {
            ++line_no;
            if (utf8::trim(l.text).empty()) continue;
            double height = l.bottom - l.top;
            bool fresh = !cur || !prev || starts_with_label(l.text) || prev->right < right - width * 0.15 ||
                         l.left > prev->left + height || (l.top - prev->bottom) > height * 0.6 ||
                         (ends_sentence(prev->text) && starts_upper(l.text)) ||
                         (!prev->text.empty() && prev->text.back() == ';' && l.text.rfind("Căn cứ", 0) == 0);
            if (fresh) {
                doc.blocks.push_back(make_block(l.text, line_no));
                cur = &doc.blocks.back();
            } else {
                cur->anchors.push_back({static_cast<uint32_t>(cur->text.size() + 1), line_no, 1});
                cur->text += "\n" + l.text;
                cur->source += "\n" + l.text;
            }
            prev = &l;
        }
    }
    if (doc.blocks.empty())
        return UnreadableInput{"the PDF has no text layer (it is a scanned image); OCR it first",
                               "run OCR on it (for example with ocrmypdf), or send the .docx"};
    return doc;
}

}  // namespace plancheck::ingest
