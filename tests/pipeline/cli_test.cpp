// End-to-end runs of the built binary: exit codes, --fail-on, every output
// format parsed back, batches with unreadable files, usage errors, --fix.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "helpers.h"
#include "ingest/convert.h"

using nlohmann::json;
namespace fs = std::filesystem;

namespace {
using Run = plancheck::test::ShellRun;
using plancheck::test::shell_quote;

using plancheck::test::slurp;
using plancheck::test::spit;

// A scratch folder with three small documents: clean, one warning, one error.
struct Workspace {
    fs::path dir;
    Workspace() {
        std::string t = (fs::temp_directory_path() / "plancheck-cli-XXXXXX").string();
        REQUIRE(mkdtemp(t.data()));
        dir = t;
        spit(dir / "clean.txt", "Kế hoạch tuyên truyền chính sách bảo hiểm xã hội.\n");
        spit(dir / "warn.txt", "Đến năm 2025, phân đầu 100% cán bộ, \"đảng viên\" được tuyên truyền.\n");
        // A complete plan whose only error is a numbering gap at line 21 ("3." after "1.").
        std::string plan = slurp(fs::path(PLANCHECK_SOURCE_DIR) / "corpus/plans/plan-clean-district.txt");
        plan.replace(plan.find("\n2. Yêu cầu"), 3, "\n3.");
        spit(dir / "err.txt", plan);
    }
    ~Workspace() { fs::remove_all(dir); }
    std::string operator/(const std::string& name) const { return (dir / name).string(); }

    // Runs plancheck in the workspace with `args` (already quoted as needed).
    Run run(const std::string& args, const std::string& env = "") const {
        return shell(env + " " + shell_quote(PLANCHECK_BINARY) + " " + args);
    }
    // Runs a shell command line in the workspace.
    Run shell(const std::string& command) const { return plancheck::test::run_shell(dir, command); }
};
}  // namespace

TEST_CASE("cli: exit codes follow --fail-on") {
    Workspace w;
    CHECK(w.run("check clean.txt").code == 0);
    CHECK(w.run("check err.txt").code == 1);
    CHECK(w.run("err.txt").code == 1);  // `check` is the default command
    CHECK(w.run("check warn.txt").code == 0);  // a warning is below the default level
    CHECK(w.run("check --fail-on warning warn.txt").code == 1);
    CHECK(w.run("check --fail-on info warn.txt").code == 1);
    CHECK(w.run("check --fail-on none err.txt").code == 0);
    CHECK(w.run("check --fail-on warning clean.txt").code == 0);
}

TEST_CASE("cli: usage errors exit 2 with a message") {
    Workspace w;
    // (`check` with no path checks the current folder: tests/pipeline/selection_test.cpp.)
    for (const char* args : {"check --format xml clean.txt", "check --fail-on fatal clean.txt",
                             "check --color sometimes clean.txt", "check --lang fr clean.txt",
                             "check --no-such-option clean.txt", "check --dry-run clean.txt",
                             "check --summary --format json clean.txt", "check --output clean.txt clean.txt",
                             "frobnicate"}) {
        INFO(args);
        Run r = w.run(args);
        CHECK(r.code == 2);
        CHECK_FALSE(r.err.empty());
    }
    CHECK(slurp(w.dir / "clean.txt") == "Kế hoạch tuyên truyền chính sách bảo hiểm xã hội.\n");
}

TEST_CASE("cli: json follows the contract; an unreadable file in a batch exits 2 and the rest is reported") {
    Workspace w;
    spit(w.dir / "broken.doc", "\xD0\xCF\x11\xE0 old Word");
    Run r = w.run("check --format json warn.txt broken.doc err.txt missing.txt");
    CHECK(r.code == 2);
    json j = json::parse(r.out);
    REQUIRE(j["files"].size() == 4);
    CHECK(j["files"][0]["path"] == "warn.txt");
    CHECK(j["files"][0]["format"] == "txt");
    const json& d = j["files"][0]["diagnostics"][0];
    for (const char* k : {"rule", "category", "severity", "message", "line", "column", "end_line", "end_column",
                          "excerpt", "legal_basis"})
        CHECK(d.contains(k));
    CHECK(d["rule"] == "text.typo.confusions");
    CHECK(j["files"][1]["diagnostics"][0]["category"] == "input.unreadable");
    CHECK(j["files"][2]["diagnostics"][0]["category"] == "structure.numbering-gap");
    CHECK(j["files"][3]["diagnostics"][0]["category"] == "input.unreadable");
    CHECK(j["summary"]["files"] == 4);
    CHECK(j["summary"]["unreadable"] == 2);
}

TEST_CASE("cli: sarif shape with the rule table of the loaded rules") {
    Workspace w;
    Run r = w.run("check --format sarif warn.txt err.txt");
    CHECK(r.code == 1);
    json s = json::parse(r.out);
    CHECK(s["version"] == "2.1.0");
    const json& run = s["runs"][0];
    const json& rules = run["tool"]["driver"]["rules"];
    CHECK(rules.size() > 5);  // every loaded rule, not only those that fired
    REQUIRE(run["results"].size() == 3);  // warn.txt: a typo; err.txt: a warning, then the gap
    for (const auto& res : run["results"]) {
        CHECK(rules[res["ruleIndex"].get<size_t>()]["id"] == res["ruleId"]);
        CHECK(res["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>() >= 1);
        CHECK_FALSE(res["properties"]["legal_basis"].get<std::string>().empty());
    }
    CHECK(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "warn.txt");
    CHECK(run["results"][2]["level"] == "error");
}

TEST_CASE("cli: junit is well-formed and counts files") {
    Workspace w;
    Run r = w.run("check --format junit clean.txt warn.txt err.txt");
    CHECK(r.code == 1);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(r.out.c_str()));
    auto root = doc.child("testsuites");
    CHECK(std::distance(root.children("testsuite").begin(), root.children("testsuite").end()) == 1);  // one folder
    CHECK(root.attribute("failures").as_int() == 1);
    CHECK(root.attribute("tests").as_int() == 3);  // one case per file
}

TEST_CASE("cli: csv has a BOM, the header and quoted fields") {
    Workspace w;
    Run r = w.run("check --format csv warn.txt");
    REQUIRE(r.out.rfind("\xEF\xBB\xBF" "path,line,column,end_line,end_column,severity,category,rule,message,legal_basis,excerpt\r\n", 0) == 0);
    CHECK(r.out.find("warn.txt,1,15,1,23,warning,text.typo,text.typo.confusions,\"Sai chính tả: \"\"phân đầu\"\"") !=
          std::string::npos);
    CHECK(r.out.find("\"Đến năm 2025, phân đầu 100% cán bộ, \"\"đảng viên\"\" được tuyên truyền.\"\r\n") !=
          std::string::npos);
}

TEST_CASE("cli: --lang en, --output, --summary") {
    Workspace w;
    Run en = w.run("check --lang en err.txt");
    CHECK(en.out.find("error: Numbering") != std::string::npos);
    CHECK(en.out.find("1 errors") != std::string::npos);

    Run out = w.run("check --format html --output report.html --summary warn.txt err.txt");
    CHECK(out.code == 1);
    std::string html = slurp(w.dir / "report.html");
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("err.txt") != std::string::npos);
    CHECK(out.out.find("Phát hiện theo nhóm") != std::string::npos);  // the table on stdout
    CHECK(out.out.find("structure.numbering-gap") != std::string::npos);
    CHECK(out.out.find("<html") == std::string::npos);

    Run quiet = w.run("check --output r.txt err.txt");
    CHECK(quiet.out.empty());
    CHECK(slurp(w.dir / "r.txt").find("err.txt:21:1:") != std::string::npos);
    for (const auto& e : fs::directory_iterator(w.dir))
        CHECK(e.path().filename().string().find(".plancheck-") == std::string::npos);
}

TEST_CASE("cli: colour only when asked or on a terminal without NO_COLOR") {
    Workspace w;
    CHECK(w.run("check err.txt").out.find('\x1b') == std::string::npos);  // a pipe is not a terminal
    CHECK(w.run("check --color always err.txt").out.find('\x1b') != std::string::npos);
    CHECK(w.run("check --color always err.txt", "NO_COLOR=1").out.find('\x1b') != std::string::npos);
    CHECK(w.run("check --color never --summary err.txt").out.find('\x1b') == std::string::npos);
    // On a terminal (script(1) provides one), auto colours unless NO_COLOR is set.
    if (system("command -v script >/dev/null 2>&1") != 0) {
        WARN("skipped: script(1) not available to provide a terminal");
        return;
    }
    std::string inner = shell_quote(PLANCHECK_BINARY) + " check err.txt";
    Run tty = w.shell("script -qec " + shell_quote(inner) + " /dev/null");
    REQUIRE(tty.out.find("err.txt") != std::string::npos);
    CHECK(tty.out.find('\x1b') != std::string::npos);
    Run no_color = w.shell("NO_COLOR=1 script -qec " + shell_quote(inner) + " /dev/null");
    REQUIRE(no_color.out.find("err.txt") != std::string::npos);
    CHECK(no_color.out.find('\x1b') == std::string::npos);
    Run never = w.shell("script -qec " + shell_quote(inner + " --color never") + " /dev/null");
    CHECK(never.out.find('\x1b') == std::string::npos);
}

TEST_CASE("cli: --fix rewrites only files with fixes, atomically; --diff writes nothing") {
    Workspace w;
    spit(w.dir / "page.html", "<p>Đến năm 2025, phân đầu 100% cán bộ.</p>");
    struct stat clean_before {}, err_before {};
    REQUIRE(stat((w.dir / "clean.txt").c_str(), &clean_before) == 0);
    REQUIRE(stat((w.dir / "err.txt").c_str(), &err_before) == 0);
    std::string warn = slurp(w.dir / "warn.txt");

    Run diff = w.run("check --diff warn.txt clean.txt");
    CHECK(diff.out.rfind("--- warn.txt\n+++ warn.txt\n@@ -1,1 +1,1 @@\n", 0) == 0);
    CHECK(diff.out.find("+Đến năm 2025, phấn đấu") != std::string::npos);
    CHECK(slurp(w.dir / "warn.txt") == warn);

    Run fix = w.run("check --fix --fail-on warning warn.txt clean.txt err.txt");
    CHECK(fix.err.find("warn.txt: đã sửa 1 chỗ") != std::string::npos);
    CHECK(slurp(w.dir / "warn.txt") == "Đến năm 2025, phấn đấu 100% cán bộ, \"đảng viên\" được tuyên truyền.\n");
    // What remains: the numbering gap, which has no automatic fix.
    CHECK(fix.code == 1);
    CHECK(fix.out.find("err.txt:21:1:") != std::string::npos);
    CHECK(fix.out.find("warn.txt:") == std::string::npos);
    struct stat clean_after {}, err_after {};
    REQUIRE(stat((w.dir / "clean.txt").c_str(), &clean_after) == 0);
    REQUIRE(stat((w.dir / "err.txt").c_str(), &err_after) == 0);
    CHECK(clean_after.st_ino == clean_before.st_ino);
    CHECK(clean_after.st_mtim.tv_nsec == clean_before.st_mtim.tv_nsec);
    CHECK(err_after.st_ino == err_before.st_ino);
    CHECK(err_after.st_mtim.tv_nsec == err_before.st_mtim.tv_nsec);
    // Formats other than .txt/.md are never rewritten.
    w.run("check --fix page.html");
    CHECK(slurp(w.dir / "page.html") == "<p>Đến năm 2025, phân đầu 100% cán bộ.</p>");
    for (const auto& e : fs::directory_iterator(w.dir))
        CHECK(e.path().filename().string().find(".plancheck-") == std::string::npos);

    Run again = w.run("check --fix --lang en warn.txt");
    CHECK(again.code == 0);
    CHECK(again.err.find("nothing to fix") != std::string::npos);
}

TEST_CASE("cli: --fix leaves alone what .plancheck.yaml disables") {
    Workspace w;
    spit(w.dir / ".plancheck.yaml", "disable: [text.typo.confusions]\n");
    std::string warn = slurp(w.dir / "warn.txt");
    Run r = w.run("check --fix --fail-on warning warn.txt");
    CHECK(r.code == 0);
    CHECK(slurp(w.dir / "warn.txt") == warn);
    Run without = w.run("check --fix --no-config warn.txt");
    CHECK(slurp(w.dir / "warn.txt") != warn);
}

TEST_CASE("cli: the pre-commit hook checks the staged version and stops the commit") {
    if (system("command -v git >/dev/null 2>&1") != 0) {
        WARN("skipped: git not available");
        return;
    }
    Workspace w;
    std::string hook = shell_quote(std::string(PLANCHECK_SOURCE_DIR) + "/ci/hooks/pre-commit");
    std::string env = "PLANCHECK=" + shell_quote(PLANCHECK_BINARY) + " GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 ";
    REQUIRE(w.shell("git init -q . && git config user.email t@example.org && git config user.name t && "
                    "cp " + hook + " .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit").code == 0);
    // Stage a plan with a numbering gap (line 21: "3." after "1."), then repair
    // it in the working tree only: the commit must still be stopped, because
    // the staged text is what is committed.
    std::string clean = slurp(fs::path(PLANCHECK_SOURCE_DIR) / "corpus/plans/plan-clean-district.txt");
    std::string gap = clean;
    REQUIRE(gap.find("\n2. Yêu cầu") != std::string::npos);
    gap.replace(gap.find("\n2. Yêu cầu"), 3, "\n3.");
    spit(w.dir / "err.txt", gap);
    REQUIRE(w.shell("git add err.txt").code == 0);
    spit(w.dir / "err.txt", clean);
    Run blocked = w.shell(env + "git commit -qm plan");
    CHECK(blocked.code != 0);
    CHECK(blocked.err.find("err.txt:21:1:") != std::string::npos);  // git sends hook output to stderr
    CHECK(w.shell("git rev-parse -q --verify HEAD").code != 0);  // nothing committed
    REQUIRE(w.shell("git add err.txt").code == 0);
    Run ok = w.shell(env + "git commit -qm plan");
    CHECK(ok.code == 0);
    CHECK(w.shell("git rev-parse -q --verify HEAD").code == 0);
}

TEST_CASE("cli: the .docx reader is a module; without a usable one a .docx is unreadable and the batch goes on") {
    Workspace w;
    spit(w.dir / "plan.docx", plancheck::test::txt_to_docx(
        "ỦY BAN NHÂN DÂN XÃ AN BÌNH\nSố: 12/KH-UBND\nKẾ HOẠCH\nTuyên truyền năm 2024\n\nI. MỤC TIÊU\n1. Tuyên truyền.\n3. Phổ biến.\n", false));
    Run ok = w.run("check --format json --fail-on none plan.docx err.txt");
    CHECK(ok.code == 0);
    CHECK(ok.out.find("input.unreadable") == std::string::npos);
    CHECK(ok.out.find("structure.numbering-gap") != std::string::npos);

    fs::create_directories(w.dir / "empty");
    Run missing = w.run("check --format json plan.docx err.txt", "PLANCHECK_PLUGIN_DIR=" + w / "empty");
    CHECK(missing.code == 2);
    auto j = nlohmann::json::parse(missing.out);
    REQUIRE(j["files"].size() == 2);
    const auto& d = j["files"][0]["diagnostics"];
    REQUIRE(d.size() == 1);
    CHECK(d[0]["category"] == "input.unreadable");
    CHECK_THAT(d[0]["message"].get<std::string>(), Catch::Contains("plancheck-docx.so"));
    CHECK(j["files"][1]["diagnostics"].size() == 1);  // err.txt still checked: its numbering gap

    Run foreign = w.run("check --format json --lang en plan.docx", std::string("PLANCHECK_PLUGIN_DIR=") + PLANCHECK_FOREIGN_PLUGIN_DIR);
    CHECK(foreign.code == 2);
    CHECK_THAT(foreign.out, Catch::Contains("another build of plancheck"));

    fs::create_directories(w.dir / "junk");
    spit(w.dir / "junk" / "plancheck-docx.so", "not an ELF file");
    Run junk = w.run("check --lang en plan.docx", "PLANCHECK_PLUGIN_DIR=" + w / "junk");
    CHECK(junk.code == 2);
    CHECK_THAT(junk.out, Catch::Contains("cannot be loaded"));
}

TEST_CASE("cli: reports are streamed in input order whatever the number of jobs") {
    Workspace w;
    fs::create_directories(w.dir / "batch");
    for (int i = 0; i < 24; ++i) {
        std::string body = i % 3 == 0 ? "Số: 12/KH-UBND\nKẾ HOẠCH\nTuyên truyền\nI. MỤC TIÊU\n1. Một.\n3. Ba.\n" : i % 3 == 1 ? "Phân đầu hoàn thành.\n" : "Sạch.\n";
        if (i == 7) body = std::string(200000, 'a') + "\n" + body;  // a slow one early in the batch
        spit(w.dir / "batch" / (std::string(i < 10 ? "0" : "") + std::to_string(i) + ".txt"), body);
    }
    for (const char* fmt : {"text", "json", "csv"}) {
        Run one = w.run(std::string("check --fail-on none -j 1 -f ") + fmt + " batch");
        Run four = w.run(std::string("check --fail-on none -j 4 -f ") + fmt + " batch");
        CHECK(one.code == 0);
        CHECK(one.out == four.out);
        CHECK(one.out.find("00.txt") < one.out.find("23.txt"));
    }
    Run three = w.run("check --fail-on none -j 3 -f json batch");
    auto j = nlohmann::json::parse(three.out);
    REQUIRE(j["files"].size() == 24);
    CHECK(j["summary"]["files"] == 24);
    CHECK(j["files"][7]["path"].get<std::string>().find("07.txt") != std::string::npos);
}

TEST_CASE("cli: the shipped rules' parsed trees come with the build; edited rule files are cached per user") {
    Workspace w;
    auto entries = [](const fs::path& d) {
        size_t n = 0;
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(d, ec)) n += e.path().extension() == ".yt";
        return n;
    };
    fs::create_directories(w.dir / "user-cache");
    std::string env = "PLANCHECK_CACHE_DIR=" + w / "user-cache";
    REQUIRE(w.run("check --fail-on none clean.txt", env).code == 0);
    CHECK(entries(w.dir / "user-cache") == 0);  // every shipped file came from the build's cache

    // A copy of the rules with one file edited: that file alone is parsed and cached.
    fs::copy(std::string(PLANCHECK_SOURCE_DIR) + "/rules", w.dir / "rules", fs::copy_options::recursive);
    std::string text = slurp(w.dir / "rules" / "common" / "text.yaml");
    spit(w.dir / "rules" / "common" / "text.yaml", text + "\n# edited\n");
    Run edited = w.run("check --fail-on none --rules rules warn.txt", env);
    CHECK(edited.code == 0);
    CHECK(edited.out.find("text.typo") != std::string::npos);
    CHECK(entries(w.dir / "user-cache") == 1);

    Run off = w.run("check --fail-on none --rules rules warn.txt", "PLANCHECK_CACHE_DIR=off");
    CHECK(off.out == edited.out);
    Run none = w.run("check --fail-on none --no-cache --rules rules warn.txt", env);
    CHECK(none.out == edited.out);
    CHECK(entries(w.dir / "user-cache") == 1);
}

TEST_CASE("cli: an installed plancheck finds its rules, reader modules and parsed rules without the build") {
    Workspace w;
    std::string prefix = w / "prefix";
    Run install = w.shell(shell_quote(PLANCHECK_CMAKE) + " --install " + shell_quote(PLANCHECK_BUILD_ROOT) + " --prefix " +
                          shell_quote(prefix) + " > /dev/null");
    REQUIRE(install.code == 0);
    for (const char* f : {"bin/plancheck", "lib/plancheck/plancheck-docx.so", "lib/plancheck/plancheck-pdf.so",
                          "share/plancheck/rules/common/text.yaml"})
        CHECK(fs::exists(fs::path(prefix) / f));
    spit(w.dir / "plan.docx", plancheck::test::txt_to_docx(
        "ỦY BAN NHÂN DÂN XÃ AN BÌNH\nSố: 12/KH-UBND\nKẾ HOẠCH\nTuyên truyền năm 2024\n\nI. MỤC TIÊU\n1. Tuyên truyền.\n3. Phổ biến.\n", false));
    fs::create_directories(w.dir / "user-cache");
    // No PLANCHECK_RULES: the installed share/plancheck/rules must be found.
    std::string env = "env -u PLANCHECK_RULES PLANCHECK_CACHE_DIR=" + w / "user-cache";
    Run r = w.shell(env + " " + shell_quote(prefix + "/bin/plancheck") + " check --lang en --fail-on none plan.docx");
    CHECK(r.code == 0);
    CHECK(r.out.find("input.unreadable") == std::string::npos);
    CHECK(r.out.find("structure.numbering-gap") != std::string::npos);
    size_t written = 0;
    for (const auto& e : fs::directory_iterator(w.dir / "user-cache")) written += e.path().extension() == ".yt";
    CHECK(written == 0);  // the installed parsed trees served every shipped rule file
}

TEST_CASE("cli: outline shows the roadmap phases and the targets the rules check") {
    Workspace w;
    spit(w.dir / "plan.txt",
         "KẾ HOẠCH\nTuyên truyền chính sách bảo hiểm xã hội giai đoạn 2021 - 2025\n"
         "I. MỤC TIÊU\nĐến năm 2025, 90% người lao động được tuyên truyền.\n"
         "II. LỘ TRÌNH\n1. Giai đoạn 2021 - 2023\nTổ chức hội nghị.\n2. Giai đoạn 2024 - 2025\nTổng kết.\n");
    Run text = w.run("outline --lang en plan.txt");
    CHECK(text.code == 0);
    CHECK_THAT(text.out, Catch::Contains("Phases (roadmap)") && Catch::Contains("[6] 2021–2023") &&
                             Catch::Contains("[8] 2024–2025") && Catch::Contains("[2] 2021–2025  (the title's horizon)"));
    CHECK_THAT(text.out, Catch::Contains("Objectives (targets)") && Catch::Contains("[4] 2025: 90%"));
    auto j = nlohmann::json::parse(w.run("outline --format json plan.txt").out);
    REQUIRE(j["objectives"].size() == 1);
    CHECK(j["objectives"][0]["year"] == 2025);
    CHECK(j["objectives"][0]["value"] == 90);
    CHECK(j["objectives"][0]["line"] == 4);
    bool found = false;
    for (const auto& ph : j["phases"]) found = found || (ph["from"] == 2024 && ph["to"] == 2025 && ph["roadmap"] == true);
    CHECK(found);
}
