// --format github (workflow commands + step summary), --format codequality
// (GitLab) and the fingerprints baselines and SARIF use.
#include <catch2/catch.hpp>

#include <stdlib.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "fixtures.h"
#include "helpers.h"
#include "report/fingerprint.h"

using namespace plancheck;
using nlohmann::json;

namespace {
std::string render(const std::string& format, const std::vector<report::FileReport>& files,
                   const report::Options& opts = test::sample_options()) {
    std::ostringstream os;
    report::write(os, format, files, opts);
    return os.str();
}
std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}
}  // namespace

TEST_CASE("github: one workflow command per finding, every severity, escaped", "[report][github]") {
    unsetenv("GITHUB_STEP_SUMMARY");
    auto lines = lines_of(render("github", test::sample_batch()));
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].rfind("::warning file=kế hoạch/a b.txt,line=3,col=17,endLine=3,endColumn=25,title=text.typo.confusions::", 0) == 0);
    CHECK(lines[2].rfind("::error file=kế hoạch/a b.txt,line=7,", 0) == 0);
    CHECK(lines[3].rfind("::notice ", 0) == 0);  // info findings are shown too
    CHECK(lines[4].rfind("::error file=hong.doc,", 0) == 0);
    // The legal basis is on a second line of the message, as %0A.
    CHECK(lines[0].find("%0ACăn cứ: Nghị định 30/2020/NĐ-CP") != std::string::npos);
    // Property values escape ':' and ','.
    auto files = test::sample_batch();
    files[0].path = "a,b:c.txt";
    CHECK(render("github", files).find("file=a%2Cb%3Ac.txt,") != std::string::npos);
}

TEST_CASE("github: a Markdown summary goes to $GITHUB_STEP_SUMMARY when it is set", "[report][github]") {
    test::TempDir dir("gh");
    std::string path = (dir.path / "summary.md").string();
    setenv("GITHUB_STEP_SUMMARY", path.c_str(), 1);
    render("github", test::sample_batch());
    unsetenv("GITHUB_STEP_SUMMARY");
    std::string md = test::slurp(path);
    CHECK(md.find("| 3 | 2 | 2 | 1 | 1 |") != std::string::npos);  // files, errors, warnings, notes, unreadable
    CHECK(md.find("| kế hoạch/a b.txt | 1 | 2 | 1 |") != std::string::npos);
}

TEST_CASE("codequality: every finding, with GitLab's severities, a path, a line and a fingerprint", "[report][codequality]") {
    json j = json::parse(render("codequality", test::sample_batch()));
    REQUIRE(j.is_array());
    REQUIRE(j.size() == 5);
    CHECK(j[0]["severity"] == "minor");
    CHECK(j[2]["severity"] == "major");
    CHECK(j[3]["severity"] == "info");
    CHECK(j[0]["location"]["path"] == "kế hoạch/a b.txt");
    CHECK(j[0]["location"]["lines"]["begin"] == 3);
    CHECK(j[0]["check_name"] == "text.typo.confusions");
    std::set<std::string> prints;
    for (const auto& i : j) prints.insert(i["fingerprint"].get<std::string>());
    CHECK(prints.size() == 5);  // distinct findings, distinct fingerprints
}

TEST_CASE("fingerprint: survives a move to another line, changes with the text or the rule", "[report][fingerprint]") {
    report::FileReport f;
    f.path = "plan.txt";
    auto d = test::diag("text.typo.confusions", "text.typo", Severity::Warning, "m", 3, 6, 14, "Tăng phân đầu xong");
    auto moved = d;
    moved.line = moved.end_line = 40;
    moved.column = 8;
    moved.end_column = 16;
    moved.excerpt = "Tăng   phân đầu xong";  // re-spaced too: the same words
    CHECK(report::fingerprint(f, d) == report::fingerprint(f, moved));
    auto other = d;
    other.excerpt = "Tăng phân đầu khác";  // same words flagged, other context
    CHECK(report::fingerprint(f, d) != report::fingerprint(f, other));
    auto rule = d;
    rule.rule = "text.typo.syllable";
    CHECK(report::fingerprint(f, d) != report::fingerprint(f, rule));
}
