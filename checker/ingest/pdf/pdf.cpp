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
#include <fcntl.h>
#include <poll.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>

#include "core/legacy_vn.h"
#include "core/utf8.h"
#include "ingest/pdf/pdf_fonts.h"
#include "ingest/pdf/pdf_text.h"
#include "ingest/plugin.h"

namespace plancheck::ingest {

namespace {

// Limits (docs/formats.md, "Limits"): pages read, words kept, seconds for one
// page and for the whole document. poppler has no limit of its own on the
// work a page asks for (form XObjects drawing each other ten times over eight
// levels are 10^8 words; one content stream can repeat a no-op 10^9 times),
// and poppler-cpp's per-page text call cannot be interrupted: so poppler runs
// in a child process (read_in_child) that is stopped when a page or the file
// takes too long, or that runs out of its memory budget.
constexpr int kMaxPages = 2000;
constexpr size_t kMaxWords = 2'000'000;
constexpr double kMaxSeconds = 60;
constexpr double kPageSeconds = 10;
constexpr uint64_t kChildMemoryMb = 1024;  // on top of what the process maps already
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

// poppler marks a space after a word with has_space_after(); a gap wider
// than a fifth of the height is a space too.
bool space_between(const Word& p, const Word& w) { return p.space_after || w.x0 - p.x1 > w.height() * 0.2; }

std::string run_text(const Run& r) {
    std::string s;
    for (size_t i = 0; i < r.words.size(); ++i) {
        const Word& w = r.words[i];
        if (i > 0 && !s.empty() && s.back() != ' ' && space_between(r.words[i - 1], w)) s += ' ';
        s += w.text;
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

// One page as poppler reads it: its size and its words in poppler's order.
struct PageText {
    double width = 0, height = 0;
    bool present = true;  // false: poppler could not open the page
    std::vector<Word> words;
};

PageText page_text(poppler::document& pdf, int p, size_t& words_read) {
    PageText out;
    std::unique_ptr<poppler::page> page(pdf.create_page(p));
    if (!page) {
        out.present = false;
        return out;
    }
    auto rect = page->page_rect();
    out.width = rect.width(), out.height = rect.height();
    auto boxes = page->text_list(poppler::page::text_list_include_font);
    for (auto& box : boxes) {
        if (++words_read > kMaxWords) break;
        auto r = box.bbox();
        Word w{utf8_of(box.text()), r.x(), r.x() + r.width(), r.y(), r.y() + r.height(), box.get_font_size(),
               box.rotation() * 90, box.has_space_after(), box.get_font_name()};
        if (utf8::trim(w.text).empty()) continue;
        if (w.size <= 0) w.size = w.height();
        out.words.push_back(std::move(w));
    }
    return out;
}

std::vector<PrintedLine> page_lines(std::vector<Word> words) {
    std::vector<Run> runs;
    for (auto& w : words) {
        deadline::check();
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

// What poppler made of the file: whether it opens, its page count, and the
// pages read (at most kMaxPages); `failure` says why reading stopped early.
struct Extraction {
    char status = 'O';  // O: opened; D: damaged; L: locked (encrypted); N: no pages
    int total_pages = 0;
    bool typeset = false;  // written by a word processor (pdf_fonts.h): its fonts are the document's
    std::vector<PageText> pages;
    std::optional<UnreadableInput> failure;
};

// Runs poppler on the bytes: `opened` gets the status and page count, `page`
// each page in order (returning false stops).
void extract(std::string_view bytes, const std::function<void(char, int, bool)>& opened,
             const std::function<bool(PageText&&)>& page) {
    poppler::set_debug_error_function(silence, nullptr);
    std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!pdf) return opened('D', 0, false);
    if (pdf->is_locked()) return opened('L', 0, false);
    if (pdf->pages() <= 0) return opened('N', 0, false);
    opened('O', pdf->pages(), pdf::typeset_by_word_processor(utf8_of(pdf->info_key("Creator")), utf8_of(pdf->info_key("Producer"))));
    size_t words_read = 0;
    int pages = std::min(pdf->pages(), kMaxPages);
    for (int p = 0; p < pages && words_read <= kMaxWords; ++p)
        if (!page(page_text(*pdf, p, words_read))) return;
}

// The child's messages: a type byte, a 64-bit length, the payload.
void put_u64(std::string& o, uint64_t v) { o.append(reinterpret_cast<const char*>(&v), sizeof v); }
void put_f64(std::string& o, double v) { o.append(reinterpret_cast<const char*>(&v), sizeof v); }
void put_str(std::string& o, const std::string& s) { put_u64(o, s.size()), o += s; }

struct Reader {
    std::string_view b;
    bool ok = true;
    template <class T>
    T get() {
        T v{};
        if (b.size() < sizeof v) return ok = false, v;
        std::memcpy(&v, b.data(), sizeof v);
        b.remove_prefix(sizeof v);
        return v;
    }
    std::string str() {
        uint64_t n = get<uint64_t>();
        if (!ok || n > b.size()) return ok = false, std::string();
        std::string s(b.substr(0, n));
        b.remove_prefix(n);
        return s;
    }
};

std::string encode_page(const PageText& t) {
    std::string o;
    put_f64(o, t.width), put_f64(o, t.height);
    o += t.present ? '\1' : '\0';
    put_u64(o, t.words.size());
    for (const auto& w : t.words) {
        put_str(o, w.text);
        for (double v : {w.x0, w.x1, w.top, w.bottom, w.size}) put_f64(o, v);
        put_u64(o, static_cast<uint64_t>(w.rotation));
        o += w.space_after ? '\1' : '\0';
        put_str(o, w.font);
    }
    return o;
}

bool decode_page(std::string_view b, PageText& t) {
    Reader r{b};
    t.width = r.get<double>(), t.height = r.get<double>();
    t.present = r.get<char>() != 0;
    uint64_t n = r.get<uint64_t>();
    if (!r.ok || n > b.size()) return false;
    t.words.reserve(static_cast<size_t>(n));
    for (uint64_t i = 0; i < n && r.ok; ++i) {
        Word w;
        w.text = r.str();
        w.x0 = r.get<double>(), w.x1 = r.get<double>(), w.top = r.get<double>(), w.bottom = r.get<double>();
        w.size = r.get<double>();
        w.rotation = static_cast<int>(r.get<uint64_t>());
        w.space_after = r.get<char>() != 0;
        w.font = r.str();
        t.words.push_back(std::move(w));
    }
    return r.ok && r.b.empty();
}

bool write_all(int fd, const std::string& s) {
    for (size_t at = 0; at < s.size();) {
        ssize_t n = ::write(fd, s.data() + at, s.size() - at);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        at += static_cast<size_t>(n);
    }
    return true;
}

std::string message(char type, const std::string& payload) {
    std::string m(1, type);
    put_u64(m, payload.size());
    return m + payload;
}

[[noreturn]] void child(std::string_view bytes, int out) {
    // The memory budget: on top of what the process maps already (code,
    // rules; under AddressSanitizer its shadow reservations), never raised.
    unsigned long long pages = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%llu", &pages) != 1) pages = 0;
        std::fclose(f);
    }
    rlimit rl{};
    if (getrlimit(RLIMIT_AS, &rl) == 0) {
        rlim_t want = static_cast<rlim_t>(pages * static_cast<unsigned long long>(sysconf(_SC_PAGESIZE))) +
                      (static_cast<rlim_t>(kChildMemoryMb) << 20);
        if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > want) {
            rl.rlim_cur = want;
            setrlimit(RLIMIT_AS, &rl);
        }
    }
    try {
        extract(
            bytes,
            [&](char status, int total, bool typeset) {
                std::string p;
                put_u64(p, static_cast<uint64_t>(total));
                put_u64(p, typeset ? 1 : 0);
                if (!write_all(out, message(status, p))) _exit(1);
            },
            [&](PageText&& t) { return write_all(out, message('P', encode_page(t))); });
        write_all(out, message('E', {}));
    } catch (const std::bad_alloc&) {
        write_all(out, message('M', {}));
    } catch (...) {
        write_all(out, message('X', {}));
    }
    _exit(0);
}

UnreadableInput too_slow_page(int page) {
    return {"page " + std::to_string(page) + " of the PDF takes more than " +
                std::to_string(static_cast<int>(kPageSeconds)) +
                " s to read (it draws the same content over and over: nested forms or a very long content stream)",
            "export it again from the original document, or send the .docx"};
}

// poppler in a child process, stopped when a page takes longer than
// kPageSeconds, the whole file longer than kMaxSeconds, or the file's
// deadline passes (DeadlineExceeded, as anywhere else).
Extraction read_in_child(std::string_view bytes) {
    Extraction x;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error(std::string("cannot start its reader: ") + std::strerror(errno));
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]), close(fds[1]);
        throw std::runtime_error(std::string("cannot start its reader: ") + std::strerror(errno));
    }
    if (pid == 0) {
        close(fds[0]);
        child(bytes, fds[1]);
    }
    close(fds[1]);
    const auto started = std::chrono::steady_clock::now();
    auto page_started = started;
    const Deadline& file = deadline::current();
    std::string buf;
    bool ended = false, stopped_by_deadline = false;
    char chunk[1 << 16];
    auto fail = [&](UnreadableInput why) {
        x.failure = std::move(why);
        ended = true;
    };
    while (!ended) {
        // Complete messages first.
        while (buf.size() >= 9) {
            uint64_t len;
            std::memcpy(&len, buf.data() + 1, sizeof len);
            if (buf.size() - 9 < len) break;
            char type = buf[0];
            std::string_view payload(buf.data() + 9, static_cast<size_t>(len));
            if (type == 'P') {
                PageText t;
                if (!decode_page(payload, t)) {
                    fail({"the PDF could not be read: its reader sent a damaged page", "please report it, with the file"});
                    break;
                }
                x.pages.push_back(std::move(t));
                page_started = std::chrono::steady_clock::now();
            } else if (type == 'E') {
                ended = true;
            } else if (type == 'M') {
                fail({"the PDF needs more than " + std::to_string(kChildMemoryMb) + " MB of memory to read",
                      "export it again from the original document, or send the .docx"});
            } else if (type == 'X') {
                fail({"the PDF could not be read: its reader failed", "export it again from the original document, or send the .docx"});
            } else {
                Reader r{payload};
                x.status = type;
                x.total_pages = static_cast<int>(r.get<uint64_t>());
                x.typeset = r.get<uint64_t>() == 1 && r.ok;
                if (type != 'O') ended = true;
            }
            buf.erase(0, 9 + static_cast<size_t>(len));
            if (ended) break;
        }
        if (ended) break;
        auto now = std::chrono::steady_clock::now();
        double page_left = kPageSeconds - std::chrono::duration<double>(now - page_started).count();
        double total_left = kMaxSeconds - std::chrono::duration<double>(now - started).count();
        double wait = std::min({page_left, total_left, file.left()});
        if (wait <= 0) {
            if (file.passed()) {
                stopped_by_deadline = true;
                break;
            }
            if (total_left <= 0)
                fail({"the PDF takes more than " + std::to_string(static_cast<int>(kMaxSeconds)) + " s to read",
                      "split it, or send the .docx"});
            else
                fail(too_slow_page(static_cast<int>(x.pages.size()) + 1));
            break;
        }
        pollfd pfd{fds[0], POLLIN, 0};
        int r = poll(&pfd, 1, static_cast<int>(std::ceil(std::min(wait, 3600.0) * 1000)));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) continue;
        ssize_t n = ::read(fds[0], chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            fail({"the PDF could not be read: its reader stopped", "export it again from the original document, or send the .docx"});
            break;
        }
        buf.append(chunk, static_cast<size_t>(n));
    }
    close(fds[0]);
    kill(pid, SIGKILL);  // done or not: it has nothing more to say
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {
    }
    if (x.failure && WIFSIGNALED(st) && WTERMSIG(st) != SIGKILL)
        x.failure = UnreadableInput{std::string("the PDF could not be read: its reader crashed (") + strsignal(WTERMSIG(st)) + ")",
                                    "please report it, with the file"};
    if (stopped_by_deadline) throw DeadlineExceeded(file.seconds());
    return x;
}

Extraction read_in_process(std::string_view bytes) {
    Extraction x;
    extract(
        bytes, [&](char status, int total, bool typeset) { x.status = status, x.total_pages = total, x.typeset = typeset; },
        [&](PageText&& t) {
            x.pages.push_back(std::move(t));
            deadline::check_now();
            return true;
        });
    return x;
}


// The fonts of a fragment's words as run formatting (Block::format), by the
// columns run_text gives them: family, size (to the half-point, as Word
// stores it: 12.96 pt is 13 pt) and the face the font's name says.
std::shared_ptr<BlockFormat> word_formats(const Run& r, uint32_t line, uint32_t column) {
    auto fmt = std::make_shared<BlockFormat>();
    std::string s;
    for (size_t i = 0; i < r.words.size(); ++i) {
        const Word& w = r.words[i];
        if (i > 0 && !s.empty() && s.back() != ' ' && space_between(r.words[i - 1], w)) s += ' ';
        auto from = static_cast<uint32_t>(utf8::count(s));
        s += w.text;
        RunFormat f;
        pdf::PdfFont font = pdf::parse_font_name(w.font);
        f.font = font.family;
        f.bold = font.bold, f.italic = font.italic;
        f.size = static_cast<uint32_t>(std::lround(std::max(0.0, w.size) * 2));
        f.line = f.end_line = line;
        f.column = column + from;
        f.end_column = column + static_cast<uint32_t>(utf8::count(s));
        if (!fmt->runs.empty()) {
            RunFormat& last = fmt->runs.back();
            RunFormat probe = f;
            probe.column = last.column, probe.end_column = last.end_column;
            if (probe == last) {
                last.end_column = f.end_column;
                continue;
            }
        }
        fmt->runs.push_back(std::move(f));
    }
    return fmt;
}
}  // namespace

Result read_pdf_document(std::string_view bytes, const std::string& path, const Options& opts) {
    if (bytes.size() > static_cast<size_t>(INT32_MAX)) return UnreadableInput{"the PDF is too large", "split it"};
    Extraction x = opts.pdf_in_child ? read_in_child(bytes) : read_in_process(bytes);
    if (x.status == 'D') return UnreadableInput{"the PDF is damaged or is not a PDF", "export it again from the original document, or send the .docx"};
    if (x.status == 'L')
        return UnreadableInput{"the PDF is password-protected (encrypted)", "remove the password, or send the .docx"};
    if (x.status == 'N') return UnreadableInput{"the PDF is damaged: it has no pages", "export it again, or send the .docx"};
    if (x.failure) return *x.failure;
    SourceDocument doc;
    doc.path = path;
    doc.format = "pdf";
    doc.encoding = "utf-8";
    uint32_t line_no = 0;
    std::vector<std::string> texts;  // each line's text, for the usable-text test
    std::vector<bool> upright;
    std::vector<double> sizes;
    for (size_t p = 0; p < x.pages.size(); ++p) {
        PageText& page = x.pages[p];
        PageInfo info;
        info.first_line = line_no + 1;
        if (page.present) {
            info.width = static_cast<float>(page.width);
            info.height = static_cast<float>(page.height);
            for (const auto& l : page_lines(std::move(page.words))) {
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
                    PrintBox& box = b.box.edit();
                    box.page = static_cast<uint32_t>(p + 1);
                    box.x0 = static_cast<float>(f.x0), box.x1 = static_cast<float>(f.x1);
                    box.top = static_cast<float>(f.top), box.bottom = static_cast<float>(f.bottom);
                    double size = 0;
                    for (const auto& w : f.words) size = std::max(size, w.size);
                    box.font_size = static_cast<float>(size);
                    box.rotation = f.rotation;
                    if (x.typeset) b.format = word_formats(f, line_no, columns[k]);
                    doc.blocks.push_back(std::move(b));
                }
            }
        }
        info.lines = line_no + 1 - info.first_line;
        doc.pages.push_back(info);
        if (x.typeset && page.present && page.width > 0 && page.height > 0) {
            PageSetup ps;
            ps.printed = true;
            ps.first_line = info.first_line;
            ps.width = static_cast<uint32_t>(std::lround(page.width * 20)), ps.height = static_cast<uint32_t>(std::lround(page.height * 20));
            ps.landscape = page.width > page.height;
            doc.sections.push_back(ps);
        }
    }
    if (doc.blocks.empty() && x.total_pages > static_cast<int>(x.pages.size()))
        return UnreadableInput{"the first " + std::to_string(x.pages.size()) + " of the PDF's " +
                                   std::to_string(x.total_pages) + " pages have no text, and plancheck reads at most " +
                                   std::to_string(kMaxPages) + " pages",
                               "send the pages that hold the document's text, or the .docx"};
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
