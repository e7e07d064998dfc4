// The reviewer's view of a batch: which kinds of problem occur how often, and
// which files need attention first. Used by `check --summary`, after the text
// findings, and mirrored in the HTML report.
#include <algorithm>
#include <cmath>
#include <iomanip>
#include <set>

#include "core/utf8.h"
#include "report/escape.h"
#include "report/report.h"
#include "report/summary.h"

namespace plancheck::report {

std::vector<CategoryRow> category_rows(const std::vector<FileReport>& files) {
    std::map<std::string, CategoryRow> rows;
    for (const auto& f : files) {
        std::set<std::string> seen;
        for (const auto& d : f.diagnostics) {
            auto& r = rows[d.category];
            r.category = d.category;
            ++r.count[static_cast<int>(d.severity)];
            if (seen.insert(d.category).second) ++r.files;
        }
    }
    std::vector<CategoryRow> out;
    for (auto& [k, v] : rows) out.push_back(v);
    // Most serious first: errors, then warnings, then notes, then name.
    std::sort(out.begin(), out.end(), [](const CategoryRow& a, const CategoryRow& b) {
        if (a.count[2] != b.count[2]) return a.count[2] > b.count[2];
        if (a.count[1] != b.count[1]) return a.count[1] > b.count[1];
        if (a.count[0] != b.count[0]) return a.count[0] > b.count[0];
        return a.category < b.category;
    });
    return out;
}

std::vector<FileRow> file_rows(const std::vector<FileReport>& files) {
    std::vector<FileRow> out;
    for (size_t i = 0; i < files.size(); ++i) {
        FileRow r;
        r.index = i;
        for (const auto& d : files[i].diagnostics) {
            ++r.count[static_cast<int>(d.severity)];
            if (d.category == "input.unreadable") r.unreadable = true;
        }
        out.push_back(r);
    }
    std::stable_sort(out.begin(), out.end(), [](const FileRow& a, const FileRow& b) {
        if (a.count[2] != b.count[2]) return a.count[2] > b.count[2];
        if (a.count[1] != b.count[1]) return a.count[1] > b.count[1];
        return a.count[0] > b.count[0];
    });
    return out;
}

const char* severity_label(Severity s, const std::string& lang) {
    const bool en = lang == "en";
    switch (s) {
        case Severity::Error: return en ? "error" : "lỗi";
        case Severity::Warning: return en ? "warning" : "cảnh báo";
        case Severity::Info: return en ? "note" : "lưu ý";
    }
    return "";
}

void write_summary_line(std::ostream& os, const Summary& s, const std::string& lang) {
    if (lang == "en") {
        os << s.files << (s.files == 1 ? " file" : " files") << " checked: " << s.errors << " errors, "
           << s.warnings << " warnings, " << s.infos << " notes";
        if (s.unreadable) os << ", " << s.unreadable << " unreadable";
        os << "; " << s.clean << " clean";
        if (s.not_checked) os << "; " << s.not_checked << " not checked";
        if (s.suppressed) os << "; " << s.suppressed << " suppressed";
        os << "\n";
    } else {
        os << "Đã kiểm tra " << s.files << " tệp: " << s.errors << " lỗi, " << s.warnings << " cảnh báo, "
           << s.infos << " lưu ý";
        if (s.unreadable) os << ", " << s.unreadable << " tệp không đọc được";
        os << "; " << s.clean << " tệp không có vấn đề";
        if (s.not_checked) os << "; " << s.not_checked << " tệp không kiểm tra";
        if (s.suppressed) os << "; " << s.suppressed << " phát hiện đã bỏ qua";
        os << "\n";
    }
}

namespace {
// Pads to `width` code points (labels are Vietnamese: bytes != columns).
std::string pad(std::string_view s, size_t width, bool right) {
    size_t n = utf8::count(s);
    std::string fill(n < width ? width - n : 0, ' ');
    return right ? fill + std::string(s) : std::string(s) + fill;
}

void heading(std::ostream& os, const std::string& text, bool color) {
    if (color) os << "\x1b[1m";
    os << text;
    if (color) os << "\x1b[0m";
    os << "\n";
}
}  // namespace

void write_summary_table(std::ostream& os, const std::vector<FileReport>& files, const Options& opts,
                         size_t worst) {
    const bool en = opts.lang == "en";
    const char* kErr = en ? "errors" : "lỗi";
    const char* kWarn = en ? "warnings" : "cảnh báo";
    const char* kNote = en ? "notes" : "lưu ý";
    auto rows = category_rows(files);
    if (!rows.empty()) {
        std::string cat_title = en ? "category" : "nhóm";
        size_t w = utf8::count(cat_title);
        for (const auto& r : rows) w = std::max(w, utf8::count(r.category));
        heading(os, en ? "Findings by category" : "Phát hiện theo nhóm", opts.color);
        os << "  " << pad(cat_title, w, false) << "  " << pad(kErr, 8, true) << "  " << pad(kWarn, 8, true)
           << "  " << pad(kNote, 8, true) << "  " << pad(en ? "files" : "số tệp", 6, true) << "\n";
        size_t tot[3] = {0, 0, 0};
        for (const auto& r : rows) {
            os << "  " << pad(r.category, w, false);
            for (int s = 2; s >= 0; --s) os << "  " << pad(std::to_string(r.count[s]), 8, true);
            os << "  " << pad(std::to_string(r.files), 6, true) << "\n";
            for (int s = 0; s < 3; ++s) tot[s] += r.count[s];
        }
        os << "  " << pad(en ? "total" : "tổng", w, false);
        for (int s = 2; s >= 0; --s) os << "  " << pad(std::to_string(tot[s]), 8, true);
        os << "\n\n";
    }

    auto frows = file_rows(files);
    size_t shown = 0;
    for (const auto& r : frows) {
        if (shown == worst || r.total() == 0 || r.unreadable) continue;
        if (shown == 0) {
            heading(os, en ? "Files needing attention first" : "Các tệp cần xem trước", opts.color);
            os << "  " << pad(kErr, 8, true) << "  " << pad(kWarn, 8, true) << "  " << pad(kNote, 8, true)
               << "  " << (en ? "file" : "tệp") << "\n";
        }
        ++shown;
        os << "  " << pad(std::to_string(r.count[2]), 8, true) << "  " << pad(std::to_string(r.count[1]), 8, true)
           << "  " << pad(std::to_string(r.count[0]), 8, true) << "  " << terminal_safe(display_path(files[r.index].path))
           << "\n";
    }
    size_t with_findings = std::count_if(frows.begin(), frows.end(),
                                         [](const FileRow& r) { return r.total() && !r.unreadable; });
    if (with_findings > shown)
        os << "  " << (en ? "... and " : "... và ") << with_findings - shown
           << (en ? " more files with findings\n" : " tệp khác có phát hiện\n");
    if (shown) os << "\n";

    std::vector<const FileReport*> bad;
    for (const auto& f : files)
        for (const auto& d : f.diagnostics)
            if (d.category == "input.unreadable") { bad.push_back(&f); break; }
    if (!bad.empty()) {
        heading(os, (en ? "Unreadable files (" : "Tệp không đọc được (") + std::to_string(bad.size()) + ")",
                opts.color);
        for (const auto* f : bad)
            for (const auto& d : f->diagnostics)
                if (d.category == "input.unreadable") os << "  " << terminal_safe(d.message) << "\n";
        os << "\n";
    }
    if (!opts.not_checked.empty()) {
        heading(os, (en ? "Not checked (" : "Tệp không kiểm tra (") + std::to_string(opts.not_checked.size()) + ")",
                opts.color);
        for (const auto& n : opts.not_checked) os << "  " << display_path(n.path) << ": " << n.reason << "\n";
        os << "\n";
    }
    write_near_copies_text(os, opts);
    Summary s = summarize(files);
    s.not_checked = opts.not_checked.size();
    write_summary_line(os, s, opts.lang);
}

void write_near_copies_text(std::ostream& os, const Options& opts) {
    if (opts.near_copies.empty()) return;
    const bool en = opts.lang == "en";
    heading(os, (en ? "Near-copies across units (" : "Văn bản gần trùng giữa các đơn vị (") +
                    std::to_string(opts.near_copies.size()) + (en ? " pairs)" : " cặp)"),
            opts.color);
    auto side = [&](const NearCopy::Side& sd, const char* when) {
        std::string s = terminal_safe(display_path(sd.path)) + " (";
        s += sd.date.empty() ? std::string(en ? "undated" : "không rõ ngày") : sd.date;
        if (when) s += std::string(", ") + when;
        s += ")";
        return s;
    };
    for (const auto& nc : opts.near_copies) {
        os << "  " << side(nc.a, nc.dated ? (en ? "earlier" : "sớm hơn") : nullptr) << " — "
           << side(nc.b, nc.dated ? (en ? "later" : "muộn hơn") : nullptr) << ": " << nc.shared_words
           << (en ? " shared words in " : " từ trùng trong ") << nc.passages
           << (en ? (nc.passages == 1 ? " passage" : " passages") : " đoạn") << " ("
           << std::lround(nc.a.share * 100) << "% / " << std::lround(nc.b.share * 100) << "%)";
        if (!nc.dated) os << (en ? "; cannot tell which came first" : "; không xác định được văn bản nào có trước");
        os << "\n    \"" << terminal_safe(nc.passage) << "\"\n";
    }
    os << "\n";
}

}  // namespace plancheck::report
