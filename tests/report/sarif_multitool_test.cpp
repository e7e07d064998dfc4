// plancheck's SARIF passes Microsoft's SARIF Multitool `validate` (pinned in
// ci/validators, installed by ci/setup) with its SARIF and GitHub rule sets:
// no error and no warning (notes are advice and allowed). The report covers
// the plans, the documents with inline suppressions (results with
// `suppressions`), a file outside the working folder and an unreadable file.
#include <catch2/catch.hpp>

#include <stdlib.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "helpers.h"

namespace fs = std::filesystem;
using namespace plancheck;

TEST_CASE("sarif: the SARIF Multitool validates the report with no error and no warning", "[report][sarif][external]") {
    fs::path tool = fs::path(test::source_dir()) / "ci/validators/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool";
    std::error_code ec;
    if (!fs::exists(tool, ec)) {
        WARN("skipped: the SARIF Multitool is not installed (bash ci/setup installs it)");
        return;
    }
    test::TempDir dir("sarif-mt");
    std::string outside = dir.write("kế hoạch ngoài.txt", test::slurp(fs::path(test::source_dir()) / "corpus/plans/plan-typos.txt"));
    dir.write("hỏng.docx", "not a zip");
    std::string sarif = (dir.path / "out.sarif").string(), log = (dir.path / "validation.sarif").string();
    std::string cmd = "cd '" + test::source_dir() + "' && '" + PLANCHECK_BINARY +
                      "' check --format sarif --fail-on none --output '" + sarif + "' corpus/plans corpus/suppressions '" + outside + "' '" +
                      (dir.path / "hỏng.docx").string() + "' >/dev/null 2>&1";
    std::system(cmd.c_str());  // exits 2: one file is unreadable
    REQUIRE(fs::exists(sarif));
    std::string validate = "'" + tool.string() + "' validate '" + sarif + "' -o '" + log +
                           "' --rule-kind 'Sarif;Gh' --level 'Error;Warning;Note' --quiet >/dev/null 2>&1";
    std::system(validate.c_str());  // its exit code says nothing of warnings: read the log
    auto j = nlohmann::json::parse(test::slurp(log), nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    std::string problems;
    size_t notes = 0;
    for (const auto& r : j["runs"][0]["results"]) {
        std::string level = r.value("level", "warning");
        if (level == "note") {
            ++notes;
            continue;
        }
        problems += level + " " + r.value("ruleId", "") + ": " + r["message"].value("text", r["message"].dump()) + "\n";
    }
    INFO(problems);
    CHECK(problems.empty());
    CHECK(j["runs"][0]["tool"]["driver"]["name"].get<std::string>().find("Multitool") != std::string::npos);

    // The check can fail: the same report without informationUri draws a warning.
    auto report = nlohmann::json::parse(test::slurp(sarif));
    report["runs"][0]["tool"]["driver"].erase("informationUri");
    test::spit(sarif, report.dump());
    fs::remove(log);
    std::system(validate.c_str());
    auto bad = nlohmann::json::parse(test::slurp(log), nullptr, false);
    REQUIRE_FALSE(bad.is_discarded());
    bool warned = false;
    for (const auto& r : bad["runs"][0]["results"]) warned |= r.value("level", "warning") == "warning";
    CHECK(warned);
}
