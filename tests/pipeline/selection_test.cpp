// Choosing what a batch checks and with which settings (docs/config.md):
// --include/--exclude globs, .plancheckignore, .plancheck.yaml per file
// (merged from the folders above it), no path = the current folder, - for
// standard input, and the progress line on a terminal.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "helpers.h"
#include "pipeline/collect.h"
#include "pipeline/config.h"

using namespace plancheck;
namespace fs = std::filesystem;

namespace {
using Run = test::ShellRun;
Run run(const fs::path& dir, const std::string& args, const std::string& stdin_file = "") {
    std::string cmd = "PLANCHECK_RULES=" + test::shell_quote(test::source_dir() + "/rules") + " " +
                      test::shell_quote(PLANCHECK_BINARY) + " " + args;
    if (!stdin_file.empty()) cmd += " < " + test::shell_quote(stdin_file);
    return test::run_shell(dir, cmd);
}

const char* kPlan =
    "ỦY BAN NHÂN DÂN TỈNH BẮC NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 12/KH-UBND\nBắc Nam, ngày 10 tháng 3 năm 2022\n\nKẾ HOẠCH\nTuyên truyền năm 2022\n\n"
    "I. MỤC TIÊU\n1. Tăng cường công tác tuyên chuyền về bảo hiểm xã hội.\n";

std::vector<std::string> paths_in(const nlohmann::json& j) {
    std::vector<std::string> out;
    for (const auto& f : j["files"]) out.push_back(f["path"]);
    return out;
}

bool has_rule(const nlohmann::json& file, const std::string& rule) {
    for (const auto& d : file["diagnostics"])
        if (d["rule"] == rule) return true;
    return false;
}

void mkfile(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    test::spit(p, text);
}
}  // namespace

TEST_CASE("glob_match: * ? [] within a segment, ** across folders", "[selection]") {
    using pipeline::glob_match;
    CHECK(glob_match("*.docx", "kh.docx"));
    CHECK_FALSE(glob_match("*.docx", "a/kh.docx"));
    CHECK(glob_match("a/*.docx", "a/kh.docx"));
    CHECK(glob_match("**/*.docx", "kh.docx"));
    CHECK(glob_match("**/*.docx", "a/b/c/kh.docx"));
    CHECK(glob_match("bao-cao/**", "bao-cao/x/y.txt"));
    CHECK(glob_match("a/**/z.txt", "a/z.txt"));
    CHECK(glob_match("a/**/z.txt", "a/b/c/z.txt"));
    CHECK_FALSE(glob_match("a/**/z.txt", "b/z.txt"));
    CHECK(glob_match("k?.txt", "kh.txt"));
    CHECK(glob_match("[kq]h.txt", "qh.txt"));
    CHECK_FALSE(glob_match("[!k]h.txt", "kh.txt"));
}

TEST_CASE(".plancheckignore: comments, negation, folders only, anchoring", "[selection]") {
    auto rules = pipeline::parse_ignore("# ghi chú\n\ndu-thao/\n*.bak.txt\n/cu/2019\n!giu.bak.txt\n\\#a.txt\n");
    REQUIRE(rules.size() == 5);
    using pipeline::ignored_by;
    CHECK(ignored_by(rules, "du-thao", true).value_or(false));
    CHECK_FALSE(ignored_by(rules, "du-thao", false).has_value());  // a file named so: folders only
    CHECK(ignored_by(rules, "x/y/kh.bak.txt", false).value_or(false));
    CHECK(ignored_by(rules, "giu.bak.txt", false) == std::optional<bool>(false));
    CHECK(ignored_by(rules, "cu/2019", true).value_or(false));
    CHECK_FALSE(ignored_by(rules, "x/cu/2019", true).has_value());  // anchored to its folder
    CHECK(ignored_by(rules, "#a.txt", false).value_or(false));
}

TEST_CASE("collect: --include/--exclude and .plancheckignore files in folders", "[selection]") {
    test::TempDir dir("collect");
    const fs::path& d = dir.path;
    for (const char* f : {"a/kh.txt", "a/du-thao/x.txt", "b/bc.md", "b/old/2019.txt", "b/keep.bak.txt", "c.txt", "b/n.bak.txt"})
        mkfile(d / f, "x");
    test::spit(d / "b" / ".plancheckignore", "old/\n*.bak.txt\n!keep.bak.txt\n");
    auto names = [&](const pipeline::CollectOptions& o) {
        std::vector<std::string> out;
        for (const auto& in : pipeline::collect_inputs({d.string()}, o))
            out.push_back(fs::relative(in.path, d).generic_string());
        return out;
    };
    pipeline::CollectOptions o;
    CHECK(names(o) == std::vector<std::string>{"a/du-thao/x.txt", "a/kh.txt", "b/bc.md", "b/keep.bak.txt", "c.txt"});
    o.exclude = {"du-thao"};
    CHECK(names(o) == std::vector<std::string>{"a/kh.txt", "b/bc.md", "b/keep.bak.txt", "c.txt"});
    o.include = {"**/*.txt"};
    CHECK(names(o) == std::vector<std::string>{"a/kh.txt", "b/keep.bak.txt", "c.txt"});
    o.include = {"b/*"};
    o.exclude = {};
    CHECK(names(o) == std::vector<std::string>{"b/bc.md", "b/keep.bak.txt"});
    pipeline::CollectOptions no_ignore;
    no_ignore.ignore_files = false;
    CHECK(names(no_ignore).size() == 7);
    // A file named on the command line is taken whatever the globs say.
    o.include = {"*.md"};
    CHECK(pipeline::collect_inputs({(d / "c.txt").string()}, o).size() == 1);
}

TEST_CASE("config: merged per file from the folders above it, nearest wins", "[selection]") {
    pipeline::Config outer, inner;
    outer.disable = {"citation.unknown", "text.typo"};
    outer.severity = {{"text.typo", Severity::Error}, {"header.number", Severity::Info}};
    outer.draft = true;
    inner.disable = {"text.abbreviation"};
    inner.enable = {"text.typo"};
    inner.severity = {{"text.typo", Severity::Info}};
    inner.draft = false;
    auto m = pipeline::merge(outer, inner);
    CHECK(m.disable == std::vector<std::string>{"citation.unknown", "text.abbreviation"});
    CHECK(m.severity.at("text.typo") == Severity::Info);
    CHECK(m.severity.at("header.number") == Severity::Info);
    CHECK(m.draft == std::optional<bool>(false));

    test::TempDir dir("cfg-tree");
    mkfile(dir.path / "repo" / ".plancheck.yaml", "disable: [text.typo]\n");
    mkfile(dir.path / "repo" / "a" / ".plancheck.yaml", "enable: [text.typo]\n");
    mkfile(dir.path / "repo" / "b" / ".plancheck.yaml", "root: true\n");
    mkfile(dir.path / ".plancheck.yaml", "disable: [citation.unknown]\n");
    pipeline::ConfigResolver res;
    const auto& top = res.for_path((dir.path / "repo" / "x.txt").string());
    CHECK(top.disable == std::vector<std::string>{"citation.unknown", "text.typo"});
    CHECK(res.for_path((dir.path / "repo" / "a" / "x.txt").string()).disable == std::vector<std::string>{"citation.unknown"});
    CHECK(res.for_path((dir.path / "repo" / "b" / "x.txt").string()).disable.empty());
    // Cached per folder: the same object for two files of one folder.
    CHECK(&res.for_path((dir.path / "repo" / "y.txt").string()) == &top);
}

TEST_CASE("CLI: each file gets its own folder's settings; a bad nested file is a usage error", "[selection]") {
    test::TempDir dir("cfg-cli");
    mkfile(dir.path / ".plancheck.yaml", "disable: [text.typo]\n");
    mkfile(dir.path / "phong-a" / ".plancheck.yaml", "enable: [text.typo]\n");
    mkfile(dir.path / "phong-a" / "kh.txt", kPlan);
    mkfile(dir.path / "phong-b" / "kh.txt", kPlan);
    auto r = run(dir.path, "check --format json --fail-on none phong-b phong-a");
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["files"].size() == 2);
    CHECK_FALSE(has_rule(j["files"][0], "text.typo.confusions"));  // phong-b: the root disables it
    CHECK(has_rule(j["files"][1], "text.typo.confusions"));        // phong-a enables it again
    // --config FILE: one file for all.
    mkfile(dir.path / "all.yaml", "disable: [text.typo]\n");
    auto one = nlohmann::json::parse(run(dir.path, "check --format json --fail-on none --config all.yaml phong-a").out);
    CHECK_FALSE(has_rule(one["files"][0], "text.typo.confusions"));
    mkfile(dir.path / "phong-b" / ".plancheck.yaml", "disable: [text.typo.confusoins]\n");
    auto bad = run(dir.path, "check phong-a phong-b");
    CHECK(bad.code == 2);
    CHECK(bad.err.find("phong-b/.plancheck.yaml: disable: unknown rule or category 'text.typo.confusoins'") != std::string::npos);
    CHECK(bad.err.find("did you mean 'text.typo.confusions'") != std::string::npos);
}

TEST_CASE("CLI: no path checks the current folder, with names relative to it", "[selection]") {
    test::TempDir dir("cwd");
    mkfile(dir.path / "a" / "kh.txt", kPlan);
    mkfile(dir.path / "b.txt", kPlan);
    mkfile(dir.path / "c" / "skip.txt", kPlan);
    test::spit(dir.path / ".plancheckignore", "c/\n");
    auto r = run(dir.path, "check --format json --fail-on none");
    CHECK(r.code == 0);
    CHECK(paths_in(nlohmann::json::parse(r.out)) == std::vector<std::string>{"a/kh.txt", "b.txt"});
    auto ex = run(dir.path, "check --format json --fail-on none --exclude 'a/**'");
    CHECK(paths_in(nlohmann::json::parse(ex.out)) == std::vector<std::string>{"b.txt"});
    auto inc = run(dir.path, "check --format json --fail-on none --include 'a/*.txt' --no-ignore");
    CHECK(paths_in(nlohmann::json::parse(inc.out)) == std::vector<std::string>{"a/kh.txt"});
}

TEST_CASE("CLI: - reads standard input, --stdin-filename names it and picks the format", "[selection]") {
    test::TempDir dir("stdin");
    std::string src = dir.write("in.txt", kPlan);
    auto r = run(dir.path, "check --format json --fail-on none -", src);
    auto j = nlohmann::json::parse(r.out);
    CHECK(paths_in(j) == std::vector<std::string>{"<stdin>"});
    CHECK(j["files"][0]["format"] == "txt");
    CHECK(has_rule(j["files"][0], "text.typo.confusions"));
    mkfile(dir.path / "phong" / ".plancheck.yaml", "disable: [text.typo]\n");
    std::string md = dir.write("in.md", std::string("# KẾ HOẠCH\n\n") + kPlan);
    auto n = nlohmann::json::parse(run(dir.path, "check --format json --fail-on none - --stdin-filename phong/kh.md", md).out);
    CHECK(paths_in(n) == std::vector<std::string>{"phong/kh.md"});
    CHECK(n["files"][0]["format"] == "md");
    CHECK_FALSE(has_rule(n["files"][0], "text.typo.confusions"));  // phong's settings
    // Text report and exit code as for a file.
    auto t = run(dir.path, "check --fail-on warning --stdin-filename kh.txt -", src);
    CHECK(t.code == 1);
    CHECK(t.out.find("kh.txt:11:") != std::string::npos);
    // Mixed with files, in its place.
    auto mixed = nlohmann::json::parse(run(dir.path, "check --format json --fail-on none in.txt -", src).out);
    CHECK(paths_in(mixed) == std::vector<std::string>{"in.txt", "<stdin>"});
    CHECK(run(dir.path, "check --stdin-filename kh.xlsx -", src).code == 2);
    CHECK(run(dir.path, "check --fix -", src).code == 2);
    CHECK(run(dir.path, "check --stdin-filename kh.txt in.txt").code == 2);
}

TEST_CASE("CLI: a progress line on a terminal only, cleared at the end", "[selection]") {
    if (std::system("command -v script >/dev/null 2>&1") != 0) {
        WARN("script(1) not installed: progress test skipped");
        return;
    }
    test::TempDir dir("progress");
    for (int i = 0; i < 6; ++i) mkfile(dir.path / ("d" + std::to_string(i) + ".txt"), kPlan);
    // Under script(1) standard error is a terminal; the report goes to a file.
    std::string cmd = "PLANCHECK_PROGRESS_AFTER=0 PLANCHECK_RULES=" + test::shell_quote(test::source_dir() + "/rules") +
                      " " + test::shell_quote(PLANCHECK_BINARY) + " check -j 1 --fail-on none -o r.txt .";
    auto tty = test::run_shell(dir.path, "script -qec " + test::shell_quote(cmd) + " /dev/null");
    CHECK(tty.out.find("Đang kiểm tra 1/6 tệp...") != std::string::npos);
    CHECK(tty.out.find("\r\x1b[K") != std::string::npos);  // cleared
    auto quiet = test::run_shell(dir.path, "script -qec " + test::shell_quote(cmd + " --quiet") + " /dev/null");
    CHECK(quiet.out.find("Đang kiểm tra") == std::string::npos);
    // Not a terminal: never.
    auto pipe = test::run_shell(dir.path, cmd);
    CHECK(pipe.err.find("Đang kiểm tra") == std::string::npos);
}
