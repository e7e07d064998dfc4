// Folders: every file is checked or named with the reason it is not; hidden
// files and folders and Office lock files are left out unless asked for.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>

#include "helpers.h"
#include "pipeline/collect.h"
#include "pipeline/fix.h"

namespace fs = std::filesystem;
using namespace plancheck;

namespace {

const char* kPlan = "KẾ HOẠCH\nTuyên truyền chính sách bảo hiểm xã hội\n";

struct Listing {
    std::vector<std::string> checked, unsupported;
};

Listing list(const fs::path& dir, bool include_hidden = false) {
    pipeline::CollectOptions o;
    o.include_hidden = include_hidden;
    Listing l;
    for (const auto& in : pipeline::collect_inputs({dir.string()}, o)) {
        std::string rel = fs::relative(in.path, dir).string();
        (in.unsupported ? l.unsupported : l.checked).push_back(rel);
    }
    return l;
}

struct Shell {
    int code = -1;
    std::string out;
};

Shell run(const std::string& command) {
    Shell r;
    FILE* p = popen(command.c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) r.out.append(buf, n);
    int st = pclose(p);
    r.code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

}  // namespace

TEST_CASE("collect: lock files and hidden names") {
    CHECK(pipeline::is_lock_file("~$ke-hoach.docx"));
    CHECK(pipeline::is_lock_file(".~lock.ke-hoach.docx#"));
    CHECK_FALSE(pipeline::is_lock_file(".~lock.ke-hoach.docx"));
    CHECK_FALSE(pipeline::is_lock_file("ke-hoach~$.docx"));
    CHECK(pipeline::is_hidden(".git"));
    CHECK(pipeline::is_hidden(".ghi-chu.txt"));
    CHECK_FALSE(pipeline::is_hidden("ke-hoach.txt"));
}

TEST_CASE("collect: unsupported files are listed, hidden ones and lock files are left out") {
    test::TempDir t("collect");
    test::spit(t.path / "a.txt", kPlan);
    test::spit(t.path / "b.DOC", kPlan);
    fs::create_directories(t.path / "sub" / ".cache");
    fs::create_directories(t.path / ".git");
    test::spit(t.path / "sub" / "c.odt", kPlan);
    test::spit(t.path / "sub" / "bang.xlsx", "x");
    test::spit(t.path / "sub" / "README", "x");
    test::spit(t.path / "sub" / ".cache" / "d.txt", kPlan);
    test::spit(t.path / ".git" / "e.txt", kPlan);
    test::spit(t.path / ".an.txt", kPlan);
    test::spit(t.path / "~$a.docx", "owner");
    test::spit(t.path / ".~lock.a.docx#", "owner");

    auto l = list(t.path);
    CHECK(l.checked == std::vector<std::string>{"a.txt", "b.DOC", "sub/c.odt"});
    CHECK(l.unsupported == std::vector<std::string>{"sub/README", "sub/bang.xlsx"});

    auto all = list(t.path, true);
    CHECK(all.checked == std::vector<std::string>{".an.txt", ".git/e.txt", "a.txt", "b.DOC", "sub/.cache/d.txt",
                                                  "sub/c.odt", "~$a.docx"});
    CHECK(all.unsupported == std::vector<std::string>{".~lock.a.docx#", "sub/README", "sub/bang.xlsx"});

    pipeline::Input xlsx{"x/bang.xlsx", "", ".xlsx", true}, bare{"x/README", "", "", true};
    CHECK(pipeline::not_checked_reason(xlsx, "en") == "unsupported format .xlsx");
    CHECK(pipeline::not_checked_reason(xlsx, "vi") == "định dạng không được hỗ trợ .xlsx");
    CHECK(pipeline::not_checked_reason(bare, "en") == "unsupported format (no extension)");

    // A file named on the command line is checked whatever its name.
    auto given = pipeline::collect_inputs({(t.path / "sub" / "bang.xlsx").string()});
    REQUIRE(given.size() == 1);
    CHECK_FALSE(given[0].unsupported);
}

TEST_CASE("collect: the CLI lists files it did not check without failing the run") {
    test::TempDir t("collect");
    test::spit(t.path / "ke-hoach.txt", "Kế hoạch tuyên truyền chính sách bảo hiểm xã hội.\n");
    test::spit(t.path / "bang.xlsx", "x");
    test::spit(t.path / "~$ke-hoach.docx", "owner");
    std::string bin = std::string("'") + PLANCHECK_BINARY + "' ";
    std::string dir = "'" + t.path.string() + "'";
    auto text = run(bin + "check --lang en --no-config " + dir + " 2>&1");
    INFO(text.out);
    CHECK(text.code == 0);
    CHECK(text.out.find("bang.xlsx: not checked: unsupported format .xlsx") != std::string::npos);
    CHECK(text.out.find("1 file checked") != std::string::npos);
    CHECK(text.out.find("1 not checked") != std::string::npos);
    CHECK(text.out.find("~$") == std::string::npos);

    auto json = run(bin + "check -f json --no-config " + dir + " 2>&1");
    INFO(json.out);
    CHECK(json.code == 0);
    CHECK(json.out.find("\"not_checked\": [") != std::string::npos);
    CHECK(json.out.find("\"not_checked\": 1") != std::string::npos);

    auto junit = run(bin + "check -f junit --lang en --no-config " + dir + " 2>&1");
    INFO(junit.out);
    CHECK(junit.code == 0);
    CHECK(junit.out.find("<skipped>unsupported format .xlsx</skipped>") != std::string::npos);

    auto hidden = run(bin + "check --lang en --no-config --include-hidden " + dir + " 2>&1");
    INFO(hidden.out);
    CHECK(hidden.out.find("2 files checked") != std::string::npos);
}

TEST_CASE("collect: an all-NUL .txt is unreadable with exit code 2, not clean") {
    test::TempDir t("collect");
    test::spit(t.path / "nul.txt", std::string(2048, '\0'));
    auto r = run(std::string("'") + PLANCHECK_BINARY + "' check --lang en --no-config '" + (t.path / "nul.txt").string() +
                 "' 2>&1");
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(r.out.find("no usable text") != std::string::npos);
}

TEST_CASE("collect: --fix leaves a .txt that is really HTML or has no usable text untouched") {
    test::TempDir t("collect");
    auto book = rules::load_rulebook(test::source_dir() + "/rules");
    pipeline::Options o;
    // A typo the text fixer would correct, inside a web page saved as .txt.
    std::string html = "<!DOCTYPE html>\n<html><body><p>Đến năm 2026, phân đầu 100% cán bộ được tuyên truyền.</p></body></html>\n";
    test::spit(t.path / "page.txt", html);
    auto r = pipeline::fix_file((t.path / "page.txt").string(), book, o, false);
    CHECK(r.status == pipeline::FixStatus::NotFixable);
    CHECK(test::slurp(t.path / "page.txt") == html);

    std::string nul(512, '\0');
    test::spit(t.path / "nul.txt", nul);
    auto n = pipeline::fix_file((t.path / "nul.txt").string(), book, o, false);
    CHECK(n.status == pipeline::FixStatus::Unreadable);
    CHECK(n.remaining.unreadable);
    CHECK(test::slurp(t.path / "nul.txt") == nul);
}
