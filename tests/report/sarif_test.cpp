#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "report/fixtures.h"

using namespace plancheck;
using nlohmann::json;

namespace {
json sarif(const std::vector<report::FileReport>& files, const report::Options& o) {
    std::ostringstream os;
    report::write(os, "sarif", files, o);
    return json::parse(os.str());
}
}  // namespace

TEST_CASE("sarif: one run with the tool and a rule table from the rule metadata") {
    json s = sarif(test::sample_batch(), test::sample_options());
    REQUIRE(s["version"] == "2.1.0");
    REQUIRE(s["runs"].size() == 1);
    const json& run = s["runs"][0];
    const json& driver = run["tool"]["driver"];
    CHECK(driver["name"] == "plancheck");
    CHECK(driver["version"] == "9.9.9");
    CHECK(driver["informationUri"] == "https://example.org/plancheck");
    CHECK(run["columnKind"] == "unicodeCodePoints");
    const json& rules = driver["rules"];
    // The two loaded rules, then input.unreadable, then text.truncated, which
    // a result names although the rule book lacks it.
    REQUIRE(rules.size() == 4);
    CHECK(rules[0]["id"] == "text.typo.confusions");
    // Descriptions, never the message template ("{wrong}").
    CHECK(rules[0]["shortDescription"]["text"] == "Known misspellings from a confusion list.");
    CHECK(rules[0]["fullDescription"]["text"] == "Known misspellings from a confusion list.");
    CHECK(rules[0]["help"]["text"].get<std::string>().find("Nghị định 30/2020/NĐ-CP, Điều 3") != std::string::npos);
    CHECK(rules[0]["defaultConfiguration"]["level"] == "warning");
    CHECK(rules[1]["defaultConfiguration"]["level"] == "error");
    CHECK(rules[1]["fullDescription"]["text"] == "Section labels skip a number.");  // falls back to the kind's summary
    for (const auto& r : rules) {
        CHECK(r["shortDescription"]["text"].get<std::string>().find('{') == std::string::npos);
        CHECK(r["fullDescription"]["text"].get<std::string>().find('{') == std::string::npos);
    }
    CHECK(rules[2]["id"] == "input.unreadable");
    CHECK(rules[3]["id"] == "text.truncated");
}

TEST_CASE("sarif: results point into the rule table and carry regions, levels and properties") {
    json s = sarif(test::sample_batch(), test::sample_options());
    const json& run = s["runs"][0];
    const json& rules = run["tool"]["driver"]["rules"];
    const json& results = run["results"];
    REQUIRE(results.size() == 5);
    for (const auto& r : results) {
        size_t idx = r["ruleIndex"].get<size_t>();
        REQUIRE(idx < rules.size());
        CHECK(rules[idx]["id"] == r["ruleId"]);
    }
    const json& first = results[0];
    CHECK(first["level"] == "warning");
    CHECK(first["message"]["text"] == "Sai chính tả: \"phân đầu\", đúng là \"phấn đấu\"");
    const json& loc = first["locations"][0]["physicalLocation"];
    // Vietnamese letters and the space are percent-encoded UTF-8.
    CHECK(loc["artifactLocation"]["uri"] == "k%E1%BA%BF%20ho%E1%BA%A1ch/a%20b.txt");
    CHECK(loc["region"]["startLine"] == 3);
    CHECK(loc["region"]["startColumn"] == 17);
    CHECK(loc["region"]["endLine"] == 3);
    CHECK(loc["region"]["endColumn"] == 25);
    CHECK(first["properties"]["category"] == "text.typo");
    CHECK(first["properties"]["legal_basis"] == "Nghị định 30/2020/NĐ-CP, Phụ lục I");
    CHECK(first["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "phấn đấu");
    CHECK(results[2]["level"] == "error");
    CHECK(results[3]["level"] == "note");
    // The unreadable file is a result too, at its own artifact.
    CHECK(results[4]["ruleId"] == "input.unreadable");
    CHECK(results[4]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "hong.doc");
}

TEST_CASE("sarif: a whole-file diagnostic has no region; an absolute path outside the cwd is a file URI") {
    std::vector<report::FileReport> files(1);
    files[0].path = "/nonexistent-root/x.txt";
    files[0].diagnostics = {test::diag("r", "text.typo", Severity::Info, "m", 0, 0, 0, "")};
    auto o = test::sample_options("en");
    o.tool_uri.clear();
    json s = sarif(files, o);
    CHECK_FALSE(s["runs"][0]["tool"]["driver"].contains("informationUri"));
    const json& loc = s["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    CHECK_FALSE(loc.contains("region"));
    CHECK(loc["artifactLocation"]["uri"] == "file:///nonexistent-root/x.txt");
    CHECK_FALSE(loc["artifactLocation"].contains("uriBaseId"));
}

TEST_CASE("sarif: a file outside the working folder is relative to a base of its own; results carry fingerprints") {
    auto batch = test::sample_batch();
    batch[0].path = "/nonexistent-outside/dir/ke hoach.txt";
    json s = sarif(batch, test::sample_options());
    const json& run = s["runs"][0];
    const json& art = run["artifacts"][0]["location"];
    CHECK(art["uri"] == "ke%20hoach.txt");
    std::string base = art["uriBaseId"];
    CHECK(base != "%SRCROOT%");
    CHECK(run["originalUriBaseIds"][base]["uri"] == "file:///nonexistent-outside/dir/");
    for (const auto& r : run["results"]) {
        CHECK(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>().rfind("file:", 0) ==
              std::string::npos);
        CHECK(r["partialFingerprints"]["plancheck/v1"].get<std::string>().size() == 16);
    }
}
