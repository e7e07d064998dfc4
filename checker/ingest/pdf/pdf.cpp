// .pdf with poppler-cpp: the text layer, page by page, as printed.
//
// The reader delivers what the page shows and nothing more: one block per
// printed line FRAGMENT, with its geometry (Block::box: page, x0/x1/top/bottom
// in points, font size and name, rotation) and SourceDocument::pages (page
// sizes, which lines are on which page). Paragraphs, header columns, the
// signature block, page numbers and stamps are the layout stage's work
// (layout/pdf_layout.cpp).
//
// Words (page::text_list) are gathered into runs (poppler's reading order,
// same baseline, moving right); runs into printed lines by vertical position;
// inside a line, words further apart than about 0.9 font heights start a new
// fragment: "Số: 146/TTr-STP" and "Lâm Đồng, ngày ..." printed on one baseline
// in two columns are two fragments of one line.
//
// Positions: `line` is a running count of printed lines over the whole
// document (page 1 line 1 is 1, and page 2 continues where page 1 stopped) —
// the numbers `plancheck outline` prints; `column` is the code point in that
// line's text, which is its fragments left to right, three spaces apart. Each
// fragment's Block::source is that whole line, so excerpts show the line as
// printed.
//
// Usable text: a PDF whose only text is turned (watermarks), a signature or
// copy stamp, or OCR output in which under 65% of the words are Vietnamese
// syllables is refused with a reason (input.unreadable), as is one with no text layer.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>

#include "core/legacy_vn.h"
#include "core/utf8.h"
#include "ingest/pdf/pdf_text.h"
#include "ingest/plugin.h"

namespace plancheck::ingest {

namespace {

constexpr int kMaxPages = 2000;
constexpr size_t kMaxWords = 2'000'000;
constexpr double kMaxSeconds = 60;
constexpr const char* kFragmentGap = "   ";  // between fragments of one line, in the line's text

struct Word {
    std::string text;
    double x0, x1, top, bottom;
    double size;
    int rotation;
    bool space_after;
    std::string font;
    double mid() const { return (top + bottom) / 2; }
    double height() const { return bottom - top; }
};

// Words in poppler's order that continue one another on one baseline.
struct Run {
    std::vector<Word> words;
    double x0 = 0, x1 = 0, top = 0, bottom = 0;
    int rotation = 0;
    double mid() const { return (top + bottom) / 2; }
    double height() const { return bottom - top; }
    void add(Word w) {
        if (words.empty()) x0 = w.x0, x1 = w.x1, top = w.top, bottom = w.bottom, rotation = w.rotation;
        x0 = std::min(x0, w.x0), x1 = std::max(x1, w.x1);
        top = std::min(top, w.top), bottom = std::max(bottom, w.bottom);
        words.push_back(std::move(w));
    }
};

struct PrintedLine {
    std::vector<Run> fragments;  // left to right
    double top = 0, bottom = 0;
    int rotation = 0;
    double mid() const { return (top + bottom) / 2; }
};

std::string utf8_of(const poppler::ustring& u) {
    auto bytes = u.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

// Beyond this horizontal gap, two words on one baseline are separate fragments
// (two columns, or a table's cells).
double fragment_gap(double height) { return std::max(0.9 * height, 6.0); }

bool continues(const Run& r, const Word& w) {
    if (r.words.empty() || w.rotation != r.rotation) return false;
    if (w.rotation != 0) {
        // Turned text: poppler's boxes are upright; keep a run per text object.
        return std::abs(w.x0 - r.words.back().x0) < 1 || std::abs(w.top - r.words.back().top) < 1 ||
               std::abs(w.mid() - r.mid()) < r.height() / 2;
    }
    const Word& p = r.words.back();
    double h = std::min(p.height(), w.height());
    return std::abs(w.mid() - p.mid()) < h * 0.45 && w.x0 >= p.x1 - h * 0.3 && w.x0 - p.x1 < fragment_gap(h) &&
           std::max(w.size, p.size) <= 1.35 * std::max(0.1, std::min(w.size, p.size));
}

std::string run_text(const Run& r) {
    std::string s;
    for (size_t i = 0; i < r.words.size(); ++i) {
        const Word& w = r.words[i];
        if (i > 0 && !s.empty() && s.back() != ' ') {
            const Word& p = r.words[i - 1];
            // poppler marks a space after a word with has_space_after(); a gap
            // wider than a fifth of the height is a space too.
            if (p.space_after || w.x0 - p.x1 > w.height() * 0.2) s += ' ';
        }
        s += w.text;
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

std::vector<PrintedLine> page_lines(const poppler::page& page, size_t& words_read) {
    std::vector<Run> runs;
    auto boxes = page.text_list(poppler::page::text_list_include_font);
    for (auto& box : boxes) {
        if (++words_read > kMaxWords) break;
        auto r = box.bbox();
        Word w{utf8_of(box.text()), r.x(), r.x() + r.width(), r.y(), r.y() + r.height(), box.get_font_size(),
               box.rotation() * 90, box.has_space_after(), box.get_font_name()};
        if (utf8::trim(w.text).empty()) continue;
        if (w.size <= 0) w.size = w.height();
        if (runs.empty() || !continues(runs.back(), w)) runs.emplace_back();
        runs.back().add(std::move(w));
    }
    // Upright runs into lines by vertical position; turned runs are lines of their own.
    std::vector<PrintedLine> lines;
    std::vector<Run> upright;
    for (auto& r : runs) {
        if (r.rotation != 0) {
            PrintedLine l;
            l.top = r.top, l.bottom = r.bottom, l.rotation = r.rotation;
            l.fragments.push_back(std::move(r));
            lines.push_back(std::move(l));
        } else {
            upright.push_back(std::move(r));
        }
    }
    std::stable_sort(upright.begin(), upright.end(), [](const Run& a, const Run& b) { return a.mid() < b.mid(); });
    std::vector<PrintedLine> flat;
    for (auto& r : upright) {
        bool joined = false;
        if (!flat.empty()) {
            PrintedLine& l = flat.back();
            double h = std::min(r.height(), l.bottom - l.top);
            double big = std::max(r.height(), l.bottom - l.top);
            // Text twice as tall (a watermark) is not on this line, even when it crosses it.
            if (std::abs(r.mid() - l.mid()) < h * 0.45 && big <= 2 * h) {
                l.top = std::min(l.top, r.top), l.bottom = std::max(l.bottom, r.bottom);
                l.fragments.push_back(std::move(r));
                joined = true;
            }
        }
        if (!joined) {
            PrintedLine l;
            l.top = r.top, l.bottom = r.bottom;
            l.fragments.push_back(std::move(r));
            flat.push_back(std::move(l));
        }
    }
    // A tiny run of a smaller size (a superscript) joins the text beside it.
    auto tiny = [](const Run& r, double other_size) {
        return r.words.size() == 1 && utf8::count(r.words[0].text) <= 3 && r.words[0].size < 0.8 * other_size;
    };
    // A superscript (a footnote mark "1", an ordinal) is a small run printed
    // inside the upper half of a line: it belongs to that line.
    auto size_of = [](const PrintedLine& l) {
        double m = 0;
        for (const auto& r : l.fragments)
            for (const auto& w : r.words) m = std::max(m, w.size);
        return m;
    };
    std::vector<bool> gone(flat.size(), false);
    for (size_t i = 0; i < flat.size(); ++i) {
        for (size_t k : {i + 1, i - 1}) {  // the line below first, then the one above
            if (k >= flat.size() || gone[k]) continue;  // (i - 1 wraps around for i == 0)
            PrintedLine& host = flat[k];
            bool marks = flat[i].fragments.size() <= 2;
            for (const auto& r : flat[i].fragments) marks = marks && tiny(r, size_of(host));
            if (marks && flat[i].mid() > host.top && flat[i].mid() < host.bottom) {
                for (auto& r : flat[i].fragments) host.fragments.push_back(std::move(r));
                host.top = std::min(host.top, flat[i].top);
                gone[i] = true;
                break;
            }
        }
    }
    {
        std::vector<PrintedLine> kept;
        for (size_t i = 0; i < flat.size(); ++i)
            if (!gone[i]) kept.push_back(std::move(flat[i]));
        flat = std::move(kept);
    }
    for (auto& l : flat) {
        std::stable_sort(l.fragments.begin(), l.fragments.end(), [](const Run& a, const Run& b) { return a.x0 < b.x0; });
        // Runs poppler split that continue one another become one fragment.
        std::vector<Run> merged;
        for (auto& r : l.fragments) {
            if (!merged.empty()) {
                Run& m = merged.back();
                const Word& p = m.words.back();
                const Word& w = r.words.front();
                double h = std::min(p.height(), w.height());
                // Sizes compare with the fragment's own text, not a superscript at its end.
                double msize = 0;
                for (const auto& x : m.words) msize = std::max(msize, x.size);
                double rsize = 0;
                for (const auto& x : r.words) rsize = std::max(rsize, x.size);
                bool sized = std::max(rsize, msize) <= 1.35 * std::max(0.1, std::min(rsize, msize));
                bool superscript = tiny(r, msize) && r.x0 >= m.x1 - 0.5;  // right after a word, not over it
                if (r.x0 >= m.x1 - h * 0.3 && r.x0 - m.x1 < fragment_gap(std::max(p.height(), w.height())) &&
                    (sized || superscript)) {
                    for (auto& x : r.words) m.add(std::move(x));
                    continue;
                }
            }
            merged.push_back(std::move(r));
        }
        l.fragments = std::move(merged);
        lines.push_back(std::move(l));
    }
    std::stable_sort(lines.begin(), lines.end(), [](const PrintedLine& a, const PrintedLine& b) { return a.top < b.top; });
    return lines;
}

// The body text a reader would call the document: upright, not a stamp line
// (a line opening a stamp and the lines after it in the same font size).
// Returns the text of those lines, for the usable-text test.
std::string body_text_for_check(const std::vector<std::string>& texts, const std::vector<bool>& upright,
                                const std::vector<double>& sizes) {
    std::string s;
    bool in_stamp = false;
    double stamp_size = 0;
    for (size_t i = 0; i < texts.size(); ++i) {
        if (!upright[i]) continue;
        if (pdftext::opens_stamp(texts[i])) {
            in_stamp = true;
            stamp_size = sizes[i];
            continue;
        }
        if (in_stamp && (pdftext::is_timestamp(texts[i]) || std::abs(sizes[i] - stamp_size) < 0.5)) continue;
        in_stamp = false;
        if (pdftext::is_page_number(texts[i])) continue;
        s += texts[i];
        s += '\n';
    }
    return s;
}

// A word that is a Vietnamese syllable once its letters are read back as the
// Windows-1252 bytes of a TCVN3 or VNI font ("KÕ" for "Kế"): text from a
// legacy font, which normalize reports (encoding.mojibake), not poor OCR.
bool legacy_syllable(std::string_view raw) {
    std::string bytes;
    for (size_t i = 0; i < raw.size();) {
        char32_t c = utf8::next(raw, i);
        int b = c == 0x0110 ? 0xD0 : c == 0x0111 ? 0xF0 : legacy::cp1252_byte(c);
        if (b < 0) return false;
        bytes += static_cast<char>(b);
    }
    for (auto e : {legacy::Encoding::Tcvn3, legacy::Encoding::Vni})
        if (legacy::is_syllable(legacy::decode(bytes, e))) return true;
    return false;
}

// Share of words (with a letter) that are Vietnamese syllables, and how many words.
std::pair<double, int> syllable_share(std::string_view text) {
    int words = 0, good = 0;
    size_t i = 0;
    auto punct = [](char32_t c) {
        return c == ',' || c == '.' || c == ';' || c == ':' || c == ')' || c == '(' || c == '"' || c == 0x201C ||
               c == 0x201D || c == '!' || c == '?';
    };
    while (i < text.size()) {
        size_t s = i;
        bool any = false, digits = false;
        while (i < text.size()) {
            size_t j = i;
            char32_t c = utf8::next(text, j);
            if (utf8::is_space(c)) break;
            if (utf8::is_letter(c)) any = true;
            if (utf8::is_digit(c)) digits = true;
            i = j;
        }
        if (any && !digits) {
            std::string letters, raw;
            for (size_t k = s; k < i;) {
                size_t from = k;
                char32_t c = utf8::next(text, k);
                if (utf8::is_letter(c)) utf8::append(letters, c);
                if (!punct(c)) raw.append(text.substr(from, k - from));
            }
            ++words;
            if (legacy::is_syllable(letters) || legacy_syllable(raw)) ++good;
        }
        while (i < text.size()) {
            size_t j = i;
            if (!utf8::is_space(utf8::next(text, j))) break;
            i = j;
        }
        if (i == s) ++i;
    }
    return {words ? static_cast<double>(good) / words : 0.0, words};
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
    size_t words_read = 0;
    auto started = std::chrono::steady_clock::now();
    std::vector<std::string> texts;  // each line's text, for the usable-text test
    std::vector<bool> upright;
    std::vector<double> sizes;
    int pages = std::min(pdf->pages(), kMaxPages);
    for (int p = 0; p < pages; ++p) {
        std::unique_ptr<poppler::page> page(pdf->create_page(p));
        PageInfo info;
        info.first_line = line_no + 1;
        if (page) {
            auto rect = page->page_rect();
            info.width = static_cast<float>(rect.width());
            info.height = static_cast<float>(rect.height());
            for (const auto& l : page_lines(*page, words_read)) {
                ++line_no;
                std::string line_text;
                std::vector<uint32_t> columns;
                for (const auto& f : l.fragments) {
                    if (!line_text.empty()) line_text += kFragmentGap;
                    columns.push_back(static_cast<uint32_t>(utf8::count(line_text)) + 1);
                    line_text += run_text(f);
                }
                texts.push_back(line_text);
                upright.push_back(l.rotation == 0);
                double line_size = 0;
                for (const auto& f : l.fragments)
                    for (const auto& w : f.words) line_size = std::max(line_size, w.size);
                sizes.push_back(line_size);
                for (size_t k = 0; k < l.fragments.size(); ++k) {
                    const Run& f = l.fragments[k];
                    Block b = make_block(run_text(f), line_no, columns[k]);
                    b.source = line_text;
                    b.box.page = static_cast<uint32_t>(p + 1);
                    b.box.x0 = static_cast<float>(f.x0), b.box.x1 = static_cast<float>(f.x1);
                    b.box.top = static_cast<float>(f.top), b.box.bottom = static_cast<float>(f.bottom);
                    double size = 0;
                    for (const auto& w : f.words) size = std::max(size, w.size);
                    b.box.font_size = static_cast<float>(size);
                    b.box.rotation = f.rotation;
                    b.box.font = f.words.front().font;
                    doc.blocks.push_back(std::move(b));
                }
            }
        }
        info.lines = line_no + 1 - info.first_line;
        doc.pages.push_back(info);
        if (words_read > kMaxWords) break;
        if (std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() > kMaxSeconds) break;
    }
    if (doc.blocks.empty())
        return UnreadableInput{"the PDF has no text layer (it is a scanned image); OCR it first",
                               "run OCR on it (for example with ocrmypdf), or send the .docx"};
    // A document printed turned (landscape pages) is read as it is.
    if (std::count(upright.begin(), upright.end(), true) * 2 < static_cast<long>(upright.size()))
        std::fill(upright.begin(), upright.end(), true);
    std::string body = body_text_for_check(texts, upright, sizes);
    if (utf8::trim(body).empty())
        return UnreadableInput{"the PDF's only text is a stamp, a signature or a watermark over a scanned image; OCR it first",
                               "run OCR on it (for example with ocrmypdf), or send the .docx"};
    auto [share, words] = syllable_share(body);
    if (words == 0 || (words >= 5 && share < 0.65))
        return UnreadableInput{"the PDF's text layer is not readable Vietnamese (" + std::to_string(words) +
                                   " words, " + std::to_string(static_cast<int>(share * 100 + 0.5)) +
                                   "% Vietnamese syllables): it is poor OCR or a font without a Unicode map; OCR it again",
                               "run OCR on it again (for example with ocrmypdf --force-ocr -l vie), or send the .docx"};
    return doc;
}

}  // namespace plancheck::ingest
