#include "pipeline/fix.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>

#include "core/file.h"
#include "core/utf8.h"
#include "pipeline/atomic_file.h"
#include "pipeline/suppress.h"

namespace plancheck::pipeline {

namespace {
constexpr size_t npos = std::string_view::npos;

// Physical lines exactly as the text reader counts them (LF, CRLF and CR all
// end a line; the text after the last line end is one more, possibly empty, line).
struct Lines {
    std::vector<size_t> start, content_end, full_end;
    std::string eol = "\n";  // the first line end of the file, for inserted line breaks
    size_t count() const { return start.size(); }
};

Lines index_lines(std::string_view b) {
    Lines L;
    size_t i = b.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    bool eol_seen = false;
    for (;;) {
        size_t e = b.find_first_of("\r\n", i);
        if (e == npos) {
            L.start.push_back(i);
            L.content_end.push_back(b.size());
            L.full_end.push_back(b.size());
            break;
        }
        size_t len = (b[e] == '\r' && e + 1 < b.size() && b[e + 1] == '\n') ? 2 : 1;
        if (!eol_seen) {
            L.eol = std::string(b.substr(e, len));
            eol_seen = true;
        }
        L.start.push_back(i);
        L.content_end.push_back(e);
        L.full_end.push_back(e + len);
        i = e + len;
    }
    return L;
}

// Byte offset of (line, column), or npos when the file has no such position.
// column == length + 1 is the position just past the line's last character.
size_t offset_of(std::string_view b, const Lines& L, uint32_t line, uint32_t column) {
    if (line < 1 || line > L.count() || column < 1) return npos;
    size_t i = L.start[line - 1], end = L.content_end[line - 1];
    for (uint32_t c = 1; c < column; ++c) {
        if (i >= end) return npos;
        utf8::next(b.substr(0, end), i);
    }
    return i;
}

// 1-based line holding byte `off`.
size_t line_of(const Lines& L, size_t off) {
    auto it = std::upper_bound(L.start.begin(), L.start.end(), off);
    return static_cast<size_t>(it - L.start.begin());
}

std::string with_eol(std::string s, const std::string& eol) {
    if (s.find_first_of("\r\n") == std::string::npos) return s;
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r' || s[i] == '\n') {
            if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
            out += eol;
        } else {
            out += s[i];
        }
    }
    return out;
}

bool overlaps(const Edit& a, const Edit& b) {
    if (a.begin == b.begin) return true;  // same start: two edits of the same place
    if (std::max(a.begin, b.begin) < std::min(a.end, b.end)) return true;
    // An insertion strictly inside the other's range.
    if (a.begin == a.end && b.begin < a.begin && a.begin < b.end) return true;
    if (b.begin == b.end && a.begin < b.begin && b.begin < a.end) return true;
    return false;
}

std::string apply(std::string_view bytes, size_t from, size_t to, const std::vector<Edit>& edits) {
    std::string out;
    size_t pos = from;
    for (const auto& e : edits) {
        if (e.begin < from || e.end > to) continue;
        out.append(bytes.substr(pos, e.begin - pos));
        out += e.replacement;
        pos = e.end;
    }
    out.append(bytes.substr(pos, to - pos));
    return out;
}

// Splits into lines that keep their line end (the last may have none).
std::vector<std::string_view> split_keep(std::string_view s) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < s.size()) {
        size_t e = s.find_first_of("\r\n", i);
        if (e == npos) {
            out.push_back(s.substr(i));
            break;
        }
        size_t len = (s[e] == '\r' && e + 1 < s.size() && s[e + 1] == '\n') ? 2 : 1;
        out.push_back(s.substr(i, e + len - i));
        i = e + len;
    }
    return out;
}

void diff_line(std::string& out, char mark, std::string_view line) {
    out += mark;
    out.append(line);
    if (line.empty() || (line.back() != '\n' && line.back() != '\r')) out += "\n\\ No newline at end of file\n";
}
}  // namespace

FixPlan plan_fixes(std::string_view bytes, const std::vector<Diagnostic>& diags) {
    FixPlan plan;
    Lines L = index_lines(bytes);
    std::vector<Edit> accepted;
    for (const auto& d : diags) {
        if (!d.fix || d.suppressed) continue;  // a suppressed finding is not corrected either
        const Fix& f = *d.fix;
        size_t b = offset_of(bytes, L, f.line, f.column);
        size_t e = offset_of(bytes, L, f.end_line, f.end_column);
        if (b == npos || e == npos || e < b) {
            ++plan.out_of_range;
            continue;
        }
        Edit ed{b, e, with_eol(f.replacement, L.eol)};
        if (bytes.substr(b, e - b) == ed.replacement) continue;  // already as the fix wants
        bool clash = std::any_of(accepted.begin(), accepted.end(), [&](const Edit& a) { return overlaps(a, ed); });
        if (clash) {
            ++plan.overlapping;
            continue;
        }
        accepted.push_back(std::move(ed));
    }
    std::sort(accepted.begin(), accepted.end(), [](const Edit& x, const Edit& y) { return x.begin < y.begin; });
    plan.result = apply(bytes, 0, bytes.size(), accepted);
    plan.edits = std::move(accepted);
    return plan;
}

std::string unified_diff(const std::string& path, std::string_view before, const FixPlan& plan) {
    constexpr size_t kContext = 3;
    if (plan.edits.empty()) return {};
    Lines L = index_lines(before);
    // The last "line" after a final line end is empty and not a line for diff.
    size_t nlines = L.count();
    if (nlines > 1 && L.start.back() == before.size()) --nlines;

    // Chunks: runs of edits touching the same lines; [first, last] 1-based.
    struct Chunk { size_t first, last; std::vector<Edit> edits; };
    std::vector<Chunk> chunks;
    for (const auto& e : plan.edits) {
        size_t a = std::min(line_of(L, e.begin), nlines);
        size_t b = std::min(std::max(a, line_of(L, e.end)), nlines);
        if (!chunks.empty() && a <= chunks.back().last) {
            chunks.back().last = std::max(chunks.back().last, b);
            chunks.back().edits.push_back(e);
        } else {
            chunks.push_back({a, b, {e}});
        }
    }

    std::string out = "--- " + path + "\n+++ " + path + "\n";
    long delta = 0;  // new line numbers minus old ones, from earlier hunks
    for (size_t c = 0; c < chunks.size();) {
        // A hunk: chunks whose context windows touch.
        size_t h_end = c + 1;
        while (h_end < chunks.size() && chunks[h_end].first <= chunks[h_end - 1].last + 2 * kContext + 1) ++h_end;
        size_t from = chunks[c].first > kContext ? chunks[c].first - kContext : 1;
        size_t to = std::min(nlines, chunks[h_end - 1].last + kContext);
        std::string body;
        size_t old_n = 0, new_n = 0, line = from;
        for (size_t k = c; k < h_end; ++k) {
            const Chunk& ch = chunks[k];
            for (; line < ch.first; ++line, ++old_n, ++new_n)
                diff_line(body, ' ', before.substr(L.start[line - 1], L.full_end[line - 1] - L.start[line - 1]));
            size_t s = L.start[ch.first - 1], e = L.full_end[ch.last - 1];
            std::string replaced = apply(before, s, e, ch.edits);
            for (auto l : split_keep(before.substr(s, e - s))) { diff_line(body, '-', l); ++old_n; }
            for (auto l : split_keep(replaced)) { diff_line(body, '+', l); ++new_n; }
            line = ch.last + 1;
        }
        for (; line <= to; ++line, ++old_n, ++new_n)
            diff_line(body, ' ', before.substr(L.start[line - 1], L.full_end[line - 1] - L.start[line - 1]));
        long new_from = static_cast<long>(from) + delta;
        out += "@@ -" + std::to_string(old_n ? from : from - 1) + "," + std::to_string(old_n) + " +" +
               std::to_string(new_n ? new_from : new_from - 1) + "," + std::to_string(new_n) + " @@\n" + body;
        delta += static_cast<long>(new_n) - static_cast<long>(old_n);
        c = h_end;
    }
    return out;
}

namespace {

// The paragraphs of a .docx's running body text, as the presentation-body
// rules judge them: between the structure's body_begin and body_end, not in
// a table nor a note, and not a paragraph laid out as columns with tabs
// (several blocks on one line: a signature block, a two-column header).
std::vector<uint32_t> body_paragraphs(std::string_view bytes, const std::string& path, const Options& opts) {
    auto r = ingest::read_bytes(bytes, "docx", path, opts.ingest);
    auto* doc = std::get_if<SourceDocument>(&r);
    if (!doc) return {};
    auto a = analyze(std::move(*doc));
    const auto& blocks = a->doc.blocks;
    std::map<uint32_t, size_t> per_line;
    for (const auto& b : blocks) ++per_line[b.line()];
    std::vector<uint32_t> out;
    uint32_t end = std::min<uint32_t>(a->model.outline.body_end, static_cast<uint32_t>(blocks.size()));
    for (uint32_t i = a->model.outline.body_begin; i < end; ++i) {
        const Block& b = blocks[i];
        if (b.in_table || b.kind == BlockKind::Footnote || b.kind == BlockKind::TableCell) continue;
        if (per_line[b.line()] > 1) continue;
        if (out.empty() || out.back() != b.line()) out.push_back(b.line());
    }
    return out;
}
FileResult result_of(const std::string& path, const std::string& format, const SourceDocument& doc,
                     const rules::RuleBook& book, const Options& opts) {
    auto a = analyze(doc);
    FileResult fr;
    fr.path = path;
    fr.format = format;
    if (auto why = unusable_text(a->doc)) {
        fr.unreadable = true;
        fr.diagnostics.push_back(unreadable(path, *why, opts.check.lang));
        return fr;
    }
    fr.sets = rules::select_sets(book, a->model, opts.rulesets);
    fr.diagnostics = rules::evaluate(book, fr.sets, a->model, opts.check);
    apply_directives(a->doc, book, fr.diagnostics, opts.check.lang);
    return fr;
}


// The original's copy next to it, written (atomically, with the original's
// permission bits) before the file is replaced: NAME~, the backup name
// editors use, which plancheck's own folder walk leaves out (collect.cpp).
// Through a symbolic link, the backup goes next to the file it points to.
std::string backup_path(const std::string& path) {
    std::error_code ec;
    auto target = std::filesystem::is_symlink(path, ec) ? std::filesystem::canonical(path, ec) : std::filesystem::path(path);
    return (ec ? std::filesystem::path(path) : target).string() + "~";
}

bool write_backup(const std::string& path, std::string_view original, const struct stat& st, std::string& why) {
    std::string target = backup_path(path), error;
    if (!write_atomically(target, original, error)) {
        why = "cannot keep the original as " + target + ": " + error;
        return false;
    }
    ::chmod(target.c_str(), st.st_mode & 07777);
    return true;
}

FixOutcome fix_unadjusted(const std::string& path, const rules::RuleBook& book, const Options& opts,
                          bool dry_run, const Adjust& adjust) {
    FixOutcome out;
    std::string format = ingest::format_of(path);
    if (format != "txt" && format != "md" && format != "docx") {
        out.status = FixStatus::NotFixable;
        out.remaining = check_file(path, book, opts);
        if (out.remaining.unreadable) out.status = FixStatus::Unreadable;
        return out;
    }
    // Read through one descriptor so that the state compared before the
    // rename is the state of the bytes the fixes were computed on.
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        static_cast<uint64_t>(st.st_size) > opts.ingest.max_bytes) {
        if (fd >= 0) ::close(fd);
        out.status = FixStatus::Unreadable;
        out.remaining = check_file(path, book, opts);  // says why, in the contract's shape
        return out;
    }
    std::string bytes(static_cast<size_t>(st.st_size), '\0');
    size_t got = 0;
    while (got < bytes.size()) {
        ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<size_t>(n);
    }
    ::close(fd);
    bytes.resize(got);

    std::string result;  // the file's new bytes
    FileResult before;
    if (format == "docx") {
        // A .docx: the page setup only (ingest::fix_docx_page), when the
        // margins or paper rule finds something (a rule disabled in the
        // project's settings changes nothing).
        before = check_bytes(bytes, format, path, book, opts);
        if (before.unreadable) {
            out.status = FixStatus::Unreadable;
            out.remaining = std::move(before);
            return out;
        }
        if (adjust) adjust(before.diagnostics);
        auto found = [&](std::initializer_list<const char*> rules) {
            return std::any_of(before.diagnostics.begin(), before.diagnostics.end(), [&](const Diagnostic& d) {
                if (d.suppressed) return false;
                for (const char* r : rules)
                    if (d.rule == r) return true;
                return false;
            });
        };
        ingest::DocxBodyFix body;
        body.page = found({"nd30.presentation.margins", "nd30.presentation.paper"});
        bool font = found({"nd30.presentation.font"}), size = found({"nd30.presentation.body-size"});
        if (font || size) {
            body.body = body_paragraphs(bytes, path, opts);
            if (font) body.font = "Times New Roman";
            // Decree 30 Appendix I, II.6.e: 13-14 pt; a size outside becomes 14.
            if (size) body.size = 28, body.size_min = 26, body.size_max = 28;
        }
        if (!body.page && body.body.empty()) {
            out.remaining = std::move(before);
            return out;
        }
        auto fixed = ingest::fix_docx_page(bytes, opts.ingest, body);
        if (auto* bad = std::get_if<UnreadableInput>(&fixed)) {
            out.status = FixStatus::Unreadable;
            out.remaining = {path, format, {unreadable(path, *bad, opts.check.lang)}, true, {}};
            return out;
        }
        auto& fx = std::get<ingest::DocxFix>(fixed);
        if (fx.bytes.empty()) {
            out.remaining = std::move(before);
            return out;
        }
        out.applied = fx.changes.size();
        for (const auto& c : fx.changes) out.diff += path + ": " + (opts.check.lang == "en" ? c.en : c.vi) + "\n";
        result = std::move(fx.bytes);
        if (dry_run) {
            out.status = FixStatus::Fixed;
            out.remaining = check_bytes(result, format, path, book, opts);
            return out;
        }
    } else {
    auto r = ingest::read_bytes(bytes, format, path, opts.ingest);
    if (auto* bad = std::get_if<UnreadableInput>(&r)) {
        out.status = FixStatus::Unreadable;
        out.remaining = {path, format, {unreadable(path, *bad, opts.check.lang)}, true, {}};
        return out;
    }
    const auto& doc = std::get<SourceDocument>(r);
    before = result_of(path, format, doc, book, opts);
    if (before.unreadable || doc.format != format) {  // no usable text, or another container (HTML, .docx)
        out.status = before.unreadable ? FixStatus::Unreadable : FixStatus::NotFixable;
        out.remaining = std::move(before);
        return out;
    }
    if (doc.encoding != "utf-8") {
        out.status = FixStatus::NotUtf8;
        out.detail = doc.encoding;
        out.remaining = std::move(before);
        return out;
    }
    if (adjust) adjust(before.diagnostics);
    FixPlan plan = plan_fixes(bytes, before.diagnostics);
    out.skipped = plan.overlapping + plan.out_of_range;
    if (plan.edits.empty() || plan.result == bytes) {
        out.remaining = std::move(before);
        return out;
    }
    out.applied = plan.edits.size();
    if (dry_run) {
        out.status = FixStatus::Fixed;
        out.diff = unified_diff(path, bytes, plan);
        out.remaining = check_bytes(plan.result, format, path, book, opts);
        return out;
    }
    result = std::move(plan.result);
    }
    struct stat now {};
    WriteRefusal refused = WriteRefusal::None;
    if (::access(path.c_str(), W_OK) != 0 || (st.st_mode & 0222) == 0) {
        // Replacing by rename only needs a writable folder; a read-only file
        // is a request not to change it, as editors treat it (also for root,
        // whom access() always allows: hence the mode bits).
        out.status = FixStatus::ReadOnly;
    } else if (st.st_nlink > 1) {
        out.status = FixStatus::HardLinks;
        out.detail = std::to_string(st.st_nlink);
    } else if (::stat(path.c_str(), &now) != 0 || !file::same_state(st, now)) {
        out.status = FixStatus::Changed;
    } else if (std::string why; opts.fix_backup && !write_backup(path, bytes, st, why)) {
        out.status = FixStatus::WriteFailed;
        out.detail = why;
    } else if (std::string error; (refused = replace_guarded(path, result, st, error)) != WriteRefusal::None) {
        // Changed: an edit saved while we wrote wins. Metadata: the owner or
        // an extended attribute could not be kept, so the file is left as is.
        out.status = refused == WriteRefusal::Changed ? FixStatus::Changed : FixStatus::WriteFailed;
        if (refused != WriteRefusal::Changed) out.detail = error;
    } else {
        out.status = FixStatus::Fixed;
        if (opts.fix_backup) out.backup = backup_path(path);
        out.remaining = check_file(path, book, opts);
        return out;
    }
    if (opts.fix_backup && refused != WriteRefusal::None) std::remove(backup_path(path).c_str());  // nothing was replaced
    out.applied = 0;
    out.remaining = std::move(before);
    return out;
}

}  // namespace

FixOutcome fix_file(const std::string& path, const rules::RuleBook& book, const Options& opts, bool dry_run,
                    const Adjust& adjust) {
    FixOutcome out = fix_unadjusted(path, book, opts, dry_run, adjust);
    if (adjust) adjust(out.remaining.diagnostics);
    return out;
}

}  // namespace plancheck::pipeline
