#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "helpers.h"
#include "pipeline/config.h"
#include "rules/params.h"

namespace fs = std::filesystem;
using namespace plancheck;

namespace {
using test::TempDir;

std::string error_of(const std::string& file) {
    try {
        pipeline::load_config(file);
    } catch (const rules::RuleFileError& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST_CASE("config: keys are read and applied") {
    TempDir t;
    auto f = t.write(".plancheck.yaml",
                     "rules: my-rules\nrulesets: [qd1676-plan]\ndisable: [citation.unknown, text.typo.confusions]\n"
                     "severity: {text.repeated-phrase: error, text: info}\nfail_on: warning\nlang: en\ndraft: true\n");
    auto c = pipeline::load_config(f);
    CHECK(c.rules_dir == (t.path / "my-rules").string());
    CHECK(c.rulesets == std::vector<std::string>{"qd1676-plan"});
    CHECK(c.fail_on == "warning");
    CHECK(c.lang == "en");
    CHECK(c.draft == true);

    std::vector<Diagnostic> d(4);
    d[0].rule = "text.typo.confusions"; d[0].category = "text.typo";
    d[1].rule = "r1"; d[1].category = "citation.unknown";
    d[2].rule = "text.repeated-phrase"; d[2].category = "text.repeated-phrase"; d[2].severity = Severity::Warning;
    d[3].rule = "input.unreadable"; d[3].category = "input.unreadable"; d[3].severity = Severity::Error;
    pipeline::apply_config(c, d);
    REQUIRE(d.size() == 2);
    CHECK(d[0].rule == "text.repeated-phrase");
    CHECK(d[0].severity == Severity::Error);
    CHECK(d[1].rule == "input.unreadable");
}

TEST_CASE("config: mistakes are errors with a position") {
    TempDir t;
    CHECK_THAT(error_of(t.write("a.yaml", "disabel: [x]\n")), Catch::Contains("a.yaml:1:") && Catch::Contains("unknown key 'disabel'"));
    CHECK_THAT(error_of(t.write("b.yaml", "fail_on: sometimes\n")), Catch::Contains("error, warning, info or none"));
    CHECK_THAT(error_of(t.write("c.yaml", "severity: {text.typo: fatal}\n")), Catch::Contains("error, warning or info"));
    CHECK_THAT(error_of(t.write("d.yaml", "disable: [input.unreadable]\n")), Catch::Contains("cannot be disabled"));
    CHECK(error_of(t.write("e.yaml", "")).empty());
}

TEST_CASE("config: found in the folder or its parents") {
    TempDir t;
    // Nothing inside the temp folder yet (a file further up, outside it, may exist).
    std::string before = pipeline::find_config((t.path / "sub" / "deeper").string());
    CHECK(before.rfind(t.path.string(), 0) != 0);
    auto f = t.write(".plancheck.yaml", "lang: vi\n");
    CHECK(pipeline::find_config((t.path / "sub" / "deeper").string()) == f);
    CHECK(pipeline::find_config((t.path / "sub" / "deeper" / "file.txt").string()) == f);
}
