// --fix: mapping fixes onto bytes, the diff, and the file guarantees
// (atomic replace, permissions, BOM/CRLF kept, untouched when nothing to do).
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "helpers.h"
#include "pipeline/collect.h"
#include "pipeline/fix.h"

using namespace plancheck;
namespace fs = std::filesystem;

namespace {
Diagnostic with_fix(uint32_t line, uint32_t col, uint32_t end_line, uint32_t end_col, std::string repl) {
    Diagnostic d;
    d.rule = "t";
    d.fix = Fix{line, col, end_line, end_col, std::move(repl)};
    return d;
}

using test::slurp;
using test::spit;

// A fresh directory per test, removed afterwards.
struct TempDir : test::TempDir {
    TempDir() : test::TempDir("fix") {}
    std::vector<std::string> names() const {
        std::vector<std::string> n;
        for (const auto& e : fs::directory_iterator(path)) n.push_back(e.path().filename().string());
        std::sort(n.begin(), n.end());
        return n;
    }
};

rules::RuleBook& book() {
    static rules::RuleBook b = rules::load_rulebook(test::source_dir() + "/rules");
    return b;
}

const char* kTypos = "Đến năm 2025, phân đầu 100% cán bộ.\nQuyết định số Quyết định số 1676/QĐ-TTg\n";
}  // namespace

TEST_CASE("fix: positions are code points after the BOM; CRLF and CR line ends count as one") {
    std::string bytes = "\xEF\xBB\xBF" "ăn ở\r\nphân đầu\rx";
    auto plan = pipeline::plan_fixes(bytes, {with_fix(1, 4, 1, 5, "Ở"), with_fix(2, 1, 2, 9, "phấn đấu"),
                                             with_fix(3, 2, 3, 2, "!")});
    CHECK(plan.edits.size() == 3);
    CHECK(plan.result == "\xEF\xBB\xBF" "ăn Ở\r\nphấn đấu\rx!");
}

TEST_CASE("fix: overlapping fixes keep the first; positions outside the file are skipped") {
    std::string bytes = "abcdef\n";
    auto plan = pipeline::plan_fixes(bytes, {with_fix(1, 2, 1, 4, "X"), with_fix(1, 3, 1, 5, "Y"),
                                             with_fix(1, 2, 1, 2, "Z"), with_fix(1, 5, 1, 6, "E"),
                                             with_fix(1, 9, 1, 10, "?"), with_fix(4, 1, 4, 1, "?"),
                                             with_fix(1, 6, 1, 5, "?")});
    CHECK(plan.result == "aXdEf\n");
    CHECK(plan.overlapping == 2);
    CHECK(plan.out_of_range == 3);
}

TEST_CASE("fix: a fix that changes nothing is not an edit; inserted line breaks follow the file") {
    auto same = pipeline::plan_fixes("abc\n", {with_fix(1, 1, 1, 2, "a")});
    CHECK(same.edits.empty());
    auto crlf = pipeline::plan_fixes("ab\r\ncd\r\n", {with_fix(1, 2, 1, 3, "\n")});
    CHECK(crlf.result == "a\r\n\r\ncd\r\n");
}

TEST_CASE("fix: unified diff with context, separate hunks, line numbers shifted") {
    std::string before;
    for (int i = 1; i <= 20; ++i) before += "line " + std::to_string(i) + "\n";
    auto plan = pipeline::plan_fixes(before, {with_fix(2, 6, 2, 7, "two"), with_fix(15, 1, 15, 8, "a\nb")});
    std::string d = pipeline::unified_diff("f.txt", before, plan);
    CHECK(d ==
          "--- f.txt\n+++ f.txt\n"
          "@@ -1,5 +1,5 @@\n line 1\n-line 2\n+line two\n line 3\n line 4\n line 5\n"
          "@@ -12,7 +12,8 @@\n line 12\n line 13\n line 14\n-line 15\n+a\n+b\n line 16\n line 17\n line 18\n");
    CHECK(pipeline::unified_diff("f.txt", before, pipeline::FixPlan{}).empty());
}

TEST_CASE("fix: diff marks a last line without a line end") {
    auto plan = pipeline::plan_fixes("a\nb", {with_fix(2, 1, 2, 2, "c")});
    CHECK(pipeline::unified_diff("f", "a\nb", plan) ==
          "--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n");
}

TEST_CASE("fix_file: rewrites in place, keeps permissions and BOM/CRLF, leaves no temporary file") {
    TempDir dir;
    fs::path f = dir.path / "kh.txt";
    std::string crlf;
    for (const char* p = kTypos; *p; ++p) crlf += *p == '\n' ? std::string("\r\n") : std::string(1, *p);
    spit(f, "\xEF\xBB\xBF" + crlf);
    REQUIRE(chmod(f.c_str(), 0640) == 0);
    auto o = pipeline::fix_file(f.string(), book(), {}, false);
    REQUIRE(o.status == pipeline::FixStatus::Fixed);
    CHECK(o.applied == 2);
    CHECK(slurp(f) == "\xEF\xBB\xBF" "Đến năm 2025, phấn đấu 100% cán bộ.\r\nQuyết định số 1676/QĐ-TTg\r\n");
    struct stat st {};
    REQUIRE(stat(f.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0640);
    // No temporary is left; the original is kept as kh.txt~, byte for byte,
    // with the original's permissions.
    CHECK(dir.names() == std::vector<std::string>{"kh.txt", "kh.txt~"});
    CHECK(o.backup == f.string() + "~");
    CHECK(slurp(dir.path / "kh.txt~") == "\xEF\xBB\xBF" + crlf);
    REQUIRE(stat((dir.path / "kh.txt~").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0640);
    // What remains is re-checked: the fixed problems are gone.
    for (const auto& d : o.remaining.diagnostics) CHECK_FALSE(d.fix.has_value());
}

TEST_CASE("fix_file: --no-backup keeps no copy; a folder walk leaves backups out") {
    TempDir dir;
    fs::path f = dir.path / "kh.txt";
    spit(f, kTypos);
    pipeline::Options opts;
    opts.fix_backup = false;
    auto o = pipeline::fix_file(f.string(), book(), opts, false);
    REQUIRE(o.status == pipeline::FixStatus::Fixed);
    CHECK(o.backup.empty());
    CHECK(dir.names() == std::vector<std::string>{"kh.txt"});
    spit(dir.path / "kh.txt~", kTypos);
    auto inputs = pipeline::collect_inputs({dir.path.string()});
    REQUIRE(inputs.size() == 1);
    CHECK(fs::path(inputs[0].path).filename() == "kh.txt");
}

TEST_CASE("fix_file: nothing to fix leaves the file untouched (same inode and mtime)") {
    TempDir dir;
    fs::path f = dir.path / "ok.txt";
    spit(f, "Đến năm 2025, phấn đấu 100% cán bộ.\n");
    struct stat before {}, after {};
    REQUIRE(stat(f.c_str(), &before) == 0);
    auto o = pipeline::fix_file(f.string(), book(), {}, false);
    CHECK(o.status == pipeline::FixStatus::NothingToFix);
    REQUIRE(stat(f.c_str(), &after) == 0);
    CHECK(before.st_ino == after.st_ino);
    CHECK(before.st_mtim.tv_nsec == after.st_mtim.tv_nsec);
    CHECK(before.st_mtim.tv_sec == after.st_mtim.tv_sec);
}

TEST_CASE("fix_file: a dry run returns the diff and what would remain, and writes nothing") {
    TempDir dir;
    fs::path f = dir.path / "kh.txt";
    spit(f, kTypos);
    auto o = pipeline::fix_file(f.string(), book(), {}, true);
    CHECK(o.status == pipeline::FixStatus::Fixed);
    CHECK(o.diff.find("+Đến năm 2025, phấn đấu 100% cán bộ.") != std::string::npos);
    CHECK(slurp(f) == kTypos);
    CHECK(dir.names() == std::vector<std::string>{"kh.txt"});
}

TEST_CASE("fix_file: other formats, hard links and unreadable files are left alone") {
    TempDir dir;
    fs::path html = dir.path / "kh.html";
    spit(html, std::string("<p>") + kTypos + "</p>");
    // NotFixable once the HTML reader exists; Unreadable in builds without it.
    auto h = pipeline::fix_file(html.string(), book(), {}, false).status;
    CHECK((h == pipeline::FixStatus::NotFixable || h == pipeline::FixStatus::Unreadable));
    CHECK(slurp(html) == std::string("<p>") + kTypos + "</p>");

    fs::path f = dir.path / "kh.txt";
    spit(f, kTypos);
    fs::create_hard_link(f, dir.path / "link.txt");
    auto o = pipeline::fix_file(f.string(), book(), {}, false);
    CHECK(o.status == pipeline::FixStatus::HardLinks);
    CHECK(o.detail == "2");
    CHECK(slurp(f) == kTypos);
    CHECK_FALSE(o.remaining.diagnostics.empty());  // still reported

    fs::path ro = dir.path / "ro.txt";
    spit(ro, kTypos);
    REQUIRE(chmod(ro.c_str(), 0444) == 0);
    CHECK(pipeline::fix_file(ro.string(), book(), {}, false).status == pipeline::FixStatus::ReadOnly);
    CHECK(slurp(ro) == kTypos);

    CHECK(pipeline::fix_file((dir.path / "missing.txt").string(), book(), {}, false).status ==
          pipeline::FixStatus::Unreadable);
}

TEST_CASE("fix_file: a non-UTF-8 file is never rewritten") {
    TempDir dir;
    fs::path f = dir.path / "legacy.txt";
    // "phân đầu" in Windows-1258 style bytes: not UTF-8.
    std::string legacy = "Ph\xE2n \xF0\xE2u 100% c\xE1n b\xF4.\n";
    spit(f, legacy);
    auto o = pipeline::fix_file(f.string(), book(), {}, false);
    // Depending on encoding detection the file is either decoded from a legacy
    // encoding (and refused) or unreadable; either way it is untouched.
    CHECK((o.status == pipeline::FixStatus::NotUtf8 || o.status == pipeline::FixStatus::Unreadable ||
           o.status == pipeline::FixStatus::NothingToFix));
    if (o.status == pipeline::FixStatus::NotUtf8) CHECK(o.detail != "utf-8");
    CHECK(slurp(f) == legacy);
}

TEST_CASE("fix_file: through a symbolic link the target is fixed and the link kept") {
    TempDir dir;
    fs::path f = dir.path / "kh.txt";
    spit(f, kTypos);
    fs::create_symlink("kh.txt", dir.path / "alias.txt");
    auto o = pipeline::fix_file((dir.path / "alias.txt").string(), book(), {}, false);
    CHECK(o.status == pipeline::FixStatus::Fixed);
    CHECK(fs::is_symlink(dir.path / "alias.txt"));
    CHECK(slurp(f).find("phấn đấu") != std::string::npos);
    CHECK(dir.names() == std::vector<std::string>{"alias.txt", "kh.txt", "kh.txt~"});  // the target's backup
}

TEST_CASE("fix_file: a rule the project disabled is not fixed") {
    TempDir dir;
    fs::path f = dir.path / "kh.txt";
    spit(f, kTypos);
    auto drop_typos = [](std::vector<Diagnostic>& diags) {
        diags.erase(std::remove_if(diags.begin(), diags.end(),
                                   [](const Diagnostic& d) { return d.category == "text.typo"; }),
                    diags.end());
    };
    auto o = pipeline::fix_file(f.string(), book(), {}, false, drop_typos);
    CHECK(o.status == pipeline::FixStatus::Fixed);
    CHECK(o.applied == 1);  // the repeated phrase only
    CHECK(slurp(f) == "Đến năm 2025, phân đầu 100% cán bộ.\nQuyết định số 1676/QĐ-TTg\n");
    for (const auto& d : o.remaining.diagnostics) CHECK(d.category != "text.typo");
}
