// What --fix tells the user on standard error: one line per file it changed
// (or could not change, and why), then a total. Standard output stays for the
// report or, in a dry run, the diff.
#include "cli/fix_report.h"

#include <algorithm>

#include "report/escape.h"

namespace plancheck::cli {

namespace {
bool has_fix(const std::vector<Diagnostic>& diags) {
    return std::any_of(diags.begin(), diags.end(), [](const Diagnostic& d) { return d.fix.has_value(); });
}

// One line on stderr per file --fix did (or could not do) something with.
void tell_fix(std::ostream& os, const std::string& path, const pipeline::FixOutcome& o, bool dry_run, bool en) {
    using S = pipeline::FixStatus;
    switch (o.status) {
        case S::Fixed:
            os << path << ": "
               << (en ? (dry_run ? "would fix " : "fixed ") : (dry_run ? "sẽ sửa " : "đã sửa "))
               << o.applied << (en ? (o.applied == 1 ? " problem" : " problems") : " chỗ");
            if (!o.backup.empty()) os << (en ? " (the original is kept as " : " (bản gốc giữ ở ") << o.backup << ")";
            break;
        case S::NothingToFix:
            if (!o.skipped) return;
            os << path << ": " << (en ? "nothing fixed" : "không sửa chỗ nào");
            break;
        case S::NotFixable:
            if (!has_fix(o.remaining.diagnostics)) return;
            os << path << ": "
               << (en ? "cannot be fixed automatically (only .txt and .md files can, and a .docx's page setup and body font); left unchanged"
                      : "không tự sửa được (chỉ sửa được tệp .txt, .md và khổ giấy, lề trang, phông và cỡ chữ nội dung của tệp .docx); tệp giữ nguyên");
            break;
        case S::NotUtf8:
            os << path << ": "
               << (en ? "not fixed: the file is encoded in " + o.detail +
                            ", and plancheck rewrites only UTF-8 files; save it as UTF-8 first"
                      : "không sửa: tệp dùng bảng mã " + o.detail +
                            ", plancheck chỉ ghi lại tệp UTF-8; hãy lưu tệp dưới dạng UTF-8 trước");
            break;
        case S::HardLinks:
            os << path << ": "
               << (en ? "not fixed: the file has " + o.detail + " hard links, which replacing it would separate"
                      : "không sửa: tệp có " + o.detail + " liên kết cứng (hard link), ghi lại sẽ tách chúng ra");
            break;
        case S::ReadOnly:
            os << path << ": "
               << (en ? "not fixed: the file is read-only" : "không sửa: tệp chỉ cho phép đọc (read-only)");
            break;
        case S::Changed:
            os << path << ": "
               << (en ? "not fixed: the file changed while it was being fixed; run again"
                      : "không sửa: tệp bị thay đổi trong lúc sửa; hãy chạy lại");
            break;
        case S::WriteFailed:
            os << path << ": " << (en ? "not fixed: cannot write the file: " : "không sửa: không ghi được tệp: ")
               << o.detail;
            break;
        case S::Unreadable: return;  // the report says why
    }
    if (o.skipped)
        os << (en ? " (" + std::to_string(o.skipped) + " skipped: overlapping or out of date)"
                  : " (bỏ qua " + std::to_string(o.skipped) + " chỗ chồng lấn hoặc không còn khớp)");
    os << "\n";
}

}  // namespace

void tell_fixes(std::ostream& os, const std::vector<std::string>& paths,
                const std::vector<pipeline::FixOutcome>& outcomes, bool dry_run, bool en) {
    size_t total = 0, files_fixed = 0;
    for (size_t i = 0; i < outcomes.size() && i < paths.size(); ++i) {
        pipeline::FixOutcome shown_outcome;  // names and reasons are escaped for the terminal
        shown_outcome.status = outcomes[i].status;
        shown_outcome.applied = outcomes[i].applied;
        shown_outcome.skipped = outcomes[i].skipped;
        shown_outcome.detail = report::terminal_safe(outcomes[i].detail);
        shown_outcome.backup = report::terminal_safe(outcomes[i].backup);
        tell_fix(os, report::terminal_safe(paths[i]), shown_outcome, dry_run, en);
        if (outcomes[i].status == pipeline::FixStatus::Fixed) {
            total += outcomes[i].applied;
            ++files_fixed;
        }
    }
    if (!total) {
        os << (en ? "plancheck: nothing to fix automatically\n" : "plancheck: không có chỗ nào sửa tự động được\n");
        return;
    }
    os << "plancheck: " << (en ? (dry_run ? "would fix " : "fixed ") : (dry_run ? "sẽ sửa " : "đã sửa ")) << total
       << (en ? " problems in " : " chỗ trong ") << files_fixed
       << (en ? (files_fixed == 1 ? " file" : " files") : " tệp") << "\n";
}

}  // namespace plancheck::cli
