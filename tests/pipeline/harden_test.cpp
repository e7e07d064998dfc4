// Issue 17, output safety and silent outcomes: the guarded replace used by
// --fix, stale temporaries, terminal escaping, and the CLI's refusals and
// batch isolation, end to end with the built binary.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "helpers.h"
#include "pipeline/atomic_file.h"
#include "pipeline/config.h"
#include "report/escape.h"

using namespace plancheck;
namespace fs = std::filesystem;

namespace {
using Run = test::ShellRun;
using test::shell_quote;
Run run_in(const fs::path& dir, const std::string& args) {
    return test::run_shell(dir, shell_quote(PLANCHECK_BINARY) + " " + args);
}
const char* kPlan = "ỦY BAN NHÂN DÂN XÃ AN BÌNH\nSố: 12/KH-UBND\nKẾ HOẠCH\nTuyên truyền năm 2024\n\nI. MỤC TIÊU\n1. Tuyên truyền rộng rãi.\n3. Phổ biến chính sách.\n";
}  // namespace

TEST_CASE("harden: a guarded replace refuses a file changed since it was read") {
    test::TempDir d("guard");
    std::string f = d.write("a.txt", "một\n");
    struct stat before {};
    REQUIRE(::stat(f.c_str(), &before) == 0);
    std::string error;
    // Unchanged: replaced.
    CHECK(pipeline::replace_guarded(f, "hai\n", before, error) == pipeline::WriteRefusal::None);
    CHECK(test::slurp(f) == "hai\n");
    // Someone saves an edit after we read: their edit stays.
    REQUIRE(::stat(f.c_str(), &before) == 0);
    test::spit(f, "ba, sửa tay\n");
    CHECK(pipeline::replace_guarded(f, "bốn\n", before, error) == pipeline::WriteRefusal::Changed);
    CHECK(test::slurp(f) == "ba, sửa tay\n");
    for (const auto& e : fs::directory_iterator(d.path))
        CHECK(e.path().filename().string().find(".plancheck-") == std::string::npos);
}

TEST_CASE("harden: a guarded replace keeps extended attributes") {
    test::TempDir d("xattr");
    std::string f = d.write("a.txt", "một\n");
    if (::setxattr(f.c_str(), "user.plancheck-test", "giá trị", 10, 0) != 0) {
        WARN("no user extended attributes on this file system: skipped");
        return;
    }
    struct stat before {};
    REQUIRE(::stat(f.c_str(), &before) == 0);
    std::string error;
    REQUIRE(pipeline::replace_guarded(f, "hai\n", before, error) == pipeline::WriteRefusal::None);
    char value[32] = {};
    CHECK(::getxattr(f.c_str(), "user.plancheck-test", value, sizeof value) == 10);
    CHECK(std::string(value, 10) == "giá trị");
}

TEST_CASE("harden: stale temporaries of a killed run are removed, fresh ones kept") {
    test::TempDir d("stale");
    std::string f = d.write("plan.txt", "một\n");
    std::string stale = d.write(".plan.txt.plancheck-Ab12Cd", "nửa chừng");
    std::string fresh = d.write(".plan.txt.plancheck-Zz99Yy", "đang ghi");
    std::string other = d.write(".plan.txt.plancheck-toolongname", "không phải");
    struct timespec old[2] = {{0, 0}, {::time(nullptr) - 3600, 0}};
    REQUIRE(::utimensat(AT_FDCWD, stale.c_str(), old, 0) == 0);
    REQUIRE(::utimensat(AT_FDCWD, other.c_str(), old, 0) == 0);
    CHECK(pipeline::remove_stale_temporaries(f) == 1);
    CHECK_FALSE(fs::exists(stale));
    CHECK(fs::exists(fresh));
    CHECK(fs::exists(other));
}

TEST_CASE("harden: terminal escaping makes control and bidi characters visible") {
    CHECK(report::terminal_safe("a\x1b]52;c;ZXZpbA==\x07z") == "a\\x1B]52;c;ZXZpbA==\\x07z");
    CHECK(report::terminal_safe("tệp\tmới.txt") == "tệp\tmới.txt");
    CHECK(report::terminal_safe("a\nb") == "a\\x0Ab");
    CHECK(report::terminal_safe("a\nb", true) == "a\nb");
    CHECK(report::terminal_safe("x\xC2\x9B" "31m") == "x\\x9B31m");                // C1 CSI
    CHECK(report::terminal_safe("abc\xE2\x80\xAEtxt.exe") == "abc\\u202Etxt.exe");  // right-to-left override
    CHECK(report::terminal_safe("bad\xFF") == "bad\\xFF");
}

TEST_CASE("harden: .plancheck.yaml refuses a key given twice and bad budgets") {
    test::TempDir d("cfg");
    CHECK_THROWS_WITH(pipeline::load_config(d.write("a.yaml", "lang: vi\nfail_on: error\nlang: en\n")),
                      Catch::Contains("given twice") && Catch::Contains("line 1"));
    auto ok = pipeline::load_config(d.write("b.yaml", "timeout: 5\nmax_memory: 512\nseverity:\n  lang: error\n"));
    CHECK(*ok.timeout == 5);
    CHECK(*ok.max_memory == 512);
    CHECK_THROWS(pipeline::load_config(d.write("c.yaml", "timeout: 0\n")));
    CHECK_THROWS(pipeline::load_config(d.write("d.yaml", "max_memory: .nan\n")));
}

TEST_CASE("harden cli: --output never replaces a document being checked") {
    test::TempDir d("out");
    d.write("plan.txt", kPlan);
    fs::create_symlink("plan.txt", d.path / "link.txt");
    for (const char* o : {"plan.txt", "link.txt"}) {
        Run r = run_in(d.path, std::string("check . --output ") + o);
        CHECK(r.code == 2);
        CHECK(r.err.find("đang được kiểm tra") != std::string::npos);
        CHECK(test::slurp(d.path / "plan.txt") == kPlan);
    }
    // An earlier report in the folder may be replaced (and is not checked).
    CHECK(run_in(d.path, "check . --output report.txt").code == 1);
    Run again = run_in(d.path, "check . --output report.txt");
    CHECK(again.code == 1);
    CHECK(test::slurp(d.path / "report.txt").find("report.txt:") == std::string::npos);
}

TEST_CASE("harden cli: --output to /dev/null or a named pipe writes into it, never replaces it") {
    test::TempDir d("out-special");
    d.write("plan.txt", kPlan);
    // The exit code is the check's (findings: 1), not a write failure (2).
    Run null = run_in(d.path, "check plan.txt --output /dev/null");
    CHECK(null.code == 1);
    CHECK(null.err.empty());
    struct stat st {};
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
    // A named pipe: the report goes to its reader, and the pipe stays a pipe
    // (the reader gives up after 30 s if the report never comes).
    const fs::path fifo = d.path / "report.fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    Run piped = test::run_shell(d.path, "{ timeout 30 cat report.fifo > got.txt & " + shell_quote(PLANCHECK_BINARY) +
                                            " check plan.txt --output report.fifo; code=$?; wait; exit $code; }");
    CHECK(piped.code == 1);
    CHECK(test::slurp(d.path / "got.txt").find("plan.txt:") != std::string::npos);
    REQUIRE(::stat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
}

TEST_CASE("harden cli: silent outcomes are refused") {
    test::TempDir d("silent");
    d.write("plan.txt", kPlan);
    fs::create_directory(d.path / "rules-empty");
    Run empty = run_in(d.path, "check --rules rules-empty plan.txt");
    CHECK(empty.code == 2);
    CHECK(empty.err.find("không tìm thấy quy tắc nào") != std::string::npos);
    for (const char* v : {"nan", "inf", "-1", "0"}) {
        INFO(v);
        CHECK(run_in(d.path, std::string("check --max-size ") + v + " plan.txt").code == 2);
        CHECK(run_in(d.path, std::string("check --timeout ") + v + " plan.txt").code == 2);
        CHECK(run_in(d.path, std::string("check --max-memory ") + v + " plan.txt").code == 2);
    }
    if (::geteuid() != 0) {  // root reads any folder
        fs::create_directory(d.path / "closed");
        d.write("closed/a.txt", kPlan);
        fs::permissions(d.path / "closed", fs::perms::none);
        Run closed = run_in(d.path, "check --lang en closed");
        fs::permissions(d.path / "closed", fs::perms::owner_all);
        CHECK(closed.code == 2);
        CHECK(closed.out.find("cannot read folder") != std::string::npos);
    }
}

TEST_CASE("harden cli: a batch with hostile files is complete, in order, good files checked") {
    test::TempDir d("batch");
    d.write("a-good.txt", kPlan);
    std::string deep;
    for (int i = 0; i < 256; ++i) deep += "- ";
    d.write("b-deep.md", deep + "mục tiêu của kế hoạch\n");
    std::string html;
    for (int i = 0; i < 50000; ++i) html += "<b>";
    d.write("c-deep.html", html + "nội dung kế hoạch");
    d.write("d-good.txt", kPlan);
    Run r = run_in(d.path, "check --format json --jobs 2 --timeout 20 .");
    CHECK(r.code == 1);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["files"].size() == 4);
    std::vector<std::string> names;
    for (const auto& f : j["files"]) names.push_back(fs::path(f["path"].get<std::string>()).filename().string());
    CHECK(names == std::vector<std::string>{"a-good.txt", "b-deep.md", "c-deep.html", "d-good.txt"});
    for (size_t i : {0, 3}) {
        bool gap = false;
        for (const auto& diag : j["files"][i]["diagnostics"]) gap |= diag["rule"] == "structure.numbering-gap";
        CHECK(gap);
    }
    // The same through the summary table (not streamed) and the text report.
    Run s = run_in(d.path, "check --summary --jobs 2 .");
    CHECK(s.code == 1);
    CHECK(s.out.find("d-good.txt") != std::string::npos);
}

TEST_CASE("harden cli: --summary escapes a file name carrying terminal sequences") {
    test::TempDir d("esc");
    d.write("x\x1b]52;c;aGk=\x07.txt", kPlan);
    Run r = run_in(d.path, "check --summary .");
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find('\x07') == std::string::npos);
    CHECK(r.out.find("\\x1B]52") != std::string::npos);
}
