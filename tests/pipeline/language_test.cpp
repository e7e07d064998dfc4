// Vietnamese by default, English with --lang en: the reasons a file is
// unreadable (the hostile corpus), its legal basis, command-line errors, the
// labels of outline, registry, citations and coverage, and the severity words
// of the formats that show words. Each check fails when English text shows
// under the default language.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "helpers.h"
#include "language.h"

namespace fs = std::filesystem;
using plancheck::test::english_words;
using plancheck::test::shell_quote;

namespace {

plancheck::test::ShellRun plancheck_run(const fs::path& dir, const std::string& args) {
    return plancheck::test::run_shell(dir, shell_quote(PLANCHECK_BINARY) + " " + args);
}

// `s` without its '...' quoted parts (option names, file names, rule ids).
std::string unquoted(const std::string& s) {
    std::string out;
    bool in = false;
    for (char c : s) {
        if (c == '\'') in = !in;
        else if (!in) out += c;
    }
    return out;
}

std::string joined(const std::vector<std::string>& words) {
    std::string s;
    for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
    return s;
}

}  // namespace

TEST_CASE("language: every unreadable file of the hostile corpus is told why in Vietnamese") {
    const std::string src = plancheck::test::source_dir();
    plancheck::test::TempDir t("lang");
    for (const char* lang : {"vi", "en"}) {
        auto r = plancheck_run(t.path, std::string("check --no-config --fail-on none --format json --lang ") + lang + " " +
                                           shell_quote(src + "/corpus/hostile"));
        REQUIRE(r.code == 2);  // some files are unreadable
        auto j = nlohmann::json::parse(r.out);
        size_t unreadable = 0;
        for (const auto& f : j["files"])
            for (const auto& d : f["diagnostics"]) {
                if (d["rule"] != "input.unreadable") continue;
                ++unreadable;
                std::string msg = d["message"], basis = d["legal_basis"];
                INFO(lang << ": " << msg << "\n  " << basis);
                // The path leads the message; the rest is plancheck's words.
                std::string said = msg.substr(f["path"].get<std::string>().size());
                if (std::string(lang) == "vi") {
                    CHECK(said.rfind(": không đọc được văn bản: ", 0) == 0);
                    CHECK(joined(english_words(said)) == "");
                    CHECK(joined(english_words(basis)) == "");
                } else {
                    CHECK(said.rfind(": cannot read the document: ", 0) == 0);
                    CHECK(basis.rfind("plancheck: input must be", 0) == 0);
                }
            }
        CHECK(unreadable >= 5);
    }
}

TEST_CASE("language: command-line errors are Vietnamese by default and English with --lang en") {
    plancheck::test::TempDir t("lang");
    t.write("plan.txt", "Kế hoạch tuyên truyền chính sách bảo hiểm xã hội.\n");
    // Each: arguments, and a piece of the English message.
    const std::pair<const char*, const char*> cases[] = {
        {"check --no-such-option plan.txt", "unrecognised option"},
        {"check --format", "is missing"},
        {"check --format json --format csv plan.txt", "cannot be specified more than once"},
        {"check --max-size abc plan.txt", "is invalid"},
        {"check --fail-on fatal plan.txt", "--fail-on must be"},
        {"check --format xml plan.txt", "unknown --format"},
        {"check --disable text.typoo plan.txt", "did you mean"},
        {"check --ruleset no-such-set plan.txt", "unknown rule set"},
        {"check --dry-run plan.txt", "needs --fix"},
        {"check --output plan.txt plan.txt", "is one of the documents"},
        {"check --rules no-such-folder plan.txt", "rules"},
        {"check --stdin-filename a.txt plan.txt", "names standard input"},
        {"check - - ", "can be given once"},
        {"check --plan nowhere.txt plan.txt", "no such file"},
        {"check --csv-separator x plan.txt", "must be one of"},
        {"outline", "is required but missing"},
        {"outline plan.txt plan.txt", "too many positional options"},
        {"outline --format xml plan.txt", "--format must be"},
        {"citations --encoding klingon plan.txt", "unknown --encoding"},
        {"coverage --no-such plan.txt", "unrecognised option"},
        {"registry lookup 99999/QĐ-XYZ", "no known document"},
        {"explain no.such.rule", "no rule or category"},
        {"rules frobnicate", "unknown subcommand"},
        {"frobnicate plan.txt", "unknown command"},
    };
    for (const auto& [args, english] : cases) {
        INFO(args);
        auto vi = plancheck_run(t.path, args);
        CHECK(vi.code != 0);
        // The first line is the error; the usage lines after it are --help text (English).
        std::string first = vi.err.substr(0, vi.err.find('\n'));
        INFO("vi: " << first);
        CHECK(first.rfind("plancheck", 0) == 0);
        CHECK(joined(english_words(unquoted(first))) == "");
        CHECK(first.find(english) == std::string::npos);

        std::string en_args = std::string(args);
        size_t space = en_args.find(' ');
        en_args = space == std::string::npos ? en_args + " --lang en" : en_args.insert(space, " --lang en");
        auto en = plancheck_run(t.path, en_args);
        std::string en_first = en.err.substr(0, en.err.find('\n'));
        INFO("en: " << en_first);
        CHECK(en.code == vi.code);
        CHECK(en_first.find(english) != std::string::npos);
    }
}

TEST_CASE("language: outline, registry, citations and coverage label in Vietnamese by default") {
    const std::string src = plancheck::test::source_dir();
    plancheck::test::TempDir t("lang");
    const std::string plan = shell_quote(src + "/corpus/plans/plan-clean-district.txt");
    for (const std::string& args : {"outline " + plan, "citations " + plan, "coverage " + plan,
                                   std::string("registry lookup 1676/QĐ-TTg"), std::string("registry lookup 30/2020/NĐ-CP"),
                                   std::string("registry list")}) {
        INFO(args);
        auto vi = plancheck_run(t.path, args);
        CHECK(vi.code <= 1);  // coverage: 1 when something is not addressed
        // Registry notes and sources are the registry's own records (English);
        // the rest is plancheck's words.
        std::string shown;
        for (const auto& line : [&] {
                 std::vector<std::string> v;
                 std::istringstream in(vi.out);
                 for (std::string l; std::getline(in, l);) v.push_back(l);
                 return v;
             }())
            if (line.find("nguồn:") == std::string::npos && line.find("ghi chú:") == std::string::npos)
                shown += line + "\n";
        INFO(shown);
        CHECK(joined(english_words(shown)) == "");
        for (const char* label : {"type:", "key:", "issuer:", "CONFIRMED", "SINGLE SOURCE", "replaced by",
                                  "applies to every", "Why this kind", "defined at"})
            CHECK(shown.find(label) == std::string::npos);
        auto en = plancheck_run(t.path, args + " --lang en");
        CHECK(en.code == vi.code);
        CHECK(en.out != vi.out);
    }
}

TEST_CASE("language: the formats that show severity words use Vietnamese ones by default") {
    const std::string src = plancheck::test::source_dir();
    plancheck::test::TempDir t("lang");
    const std::string plan = shell_quote(src + "/corpus/plans/plan-numbering.txt");  // errors and a warning
    auto text = plancheck_run(t.path, "check --no-config " + plan);
    CHECK_THAT(text.out, Catch::Contains(": lỗi: ") && Catch::Contains(": cảnh báo: ") && Catch::Contains("Đã kiểm tra 1 tệp"));
    CHECK_THAT(text.out, !Catch::Contains(": error: ") && !Catch::Contains(": warning: "));

    auto junit = plancheck_run(t.path, "check --no-config --format junit " + plan);
    CHECK_THAT(junit.out, Catch::Contains(": lỗi: ") && Catch::Contains(": cảnh báo: ") && Catch::Contains("căn cứ: "));
    CHECK_THAT(junit.out, !Catch::Contains(": error: ") && !Catch::Contains(": warning: "));
    auto junit_en = plancheck_run(t.path, "check --no-config --lang en --format junit " + plan);
    CHECK_THAT(junit_en.out, Catch::Contains(": error: ") && Catch::Contains(": warning: "));

    auto html = plancheck_run(t.path, "check --no-config --format html " + plan);
    CHECK_THAT(html.out, Catch::Contains(">lỗi<") && Catch::Contains(">cảnh báo<"));

    auto summary = plancheck_run(t.path, "check --no-config --summary " + plan);
    CHECK_THAT(summary.out, Catch::Contains("cảnh báo") && Catch::Contains("Đã kiểm tra 1 tệp"));

    fs::path step = t.path / "step-summary.md";
    auto github = plancheck::test::run_shell(t.path, "env GITHUB_STEP_SUMMARY=" + shell_quote(step.string()) + " " +
                                                         shell_quote(PLANCHECK_BINARY) +
                                                         " check --no-config --format github " + plan);
    CHECK(github.code == 1);
    std::string md = plancheck::test::slurp(step);
    CHECK_THAT(md, Catch::Contains("| tệp | lỗi | cảnh báo | lưu ý |"));
}
