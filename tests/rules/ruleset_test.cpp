// Rule files are read strictly: every mistake is an error naming file:line.
#include <catch2/catch.hpp>

#include "rules/kinds/kinds.h"
#include "helpers.h"
#include "rules/ruleset.h"

using namespace plancheck::rules;

namespace {

const char* kValidRule = R"(ruleset: t
title: {vi: "Thử", en: "Test"}
applies: {always: true}
rules:
  - id: t.typo
    kind: typo
    category: text.typo
    severity: warning
    legal_basis: "Nghị định 30/2020/NĐ-CP"
    message: {vi: "sai {found}", en: "wrong {found}"}
    params:
      confusions: [{wrong: "phân đầu", right: "phấn đấu"}]
    examples:
      invalid: ["phân đầu"]
)";

// Loads `yaml` and returns the error text (empty when it loads).
std::string load_error(const std::string& yaml) {
    try {
        load_ruleset_text(yaml, "t.yaml");
        return "";
    } catch (const RuleFileError& e) {
        return e.what();
    }
}

std::string with(const std::string& from, const std::string& to) {
    std::string s = kValidRule;
    auto p = s.find(from);
    REQUIRE(p != std::string::npos);
    return s.replace(p, from.size(), to);
}

}  // namespace

TEST_CASE("a well-formed rule file loads") {
    CHECK(load_error(kValidRule).empty());
    auto set = load_ruleset_text(kValidRule, "t.yaml");
    REQUIRE(set.rules.size() == 1);
    CHECK(set.rules[0]->meta().line == 5);
    CHECK(set.rules[0]->meta().legal_basis == "Nghị định 30/2020/NĐ-CP");
}

TEST_CASE("an unknown key is an error at its line") {
    auto err = load_error(with("    severity: warning\n", "    severity: warning\n    severty: error\n"));
    CHECK_THAT(err, Catch::Contains("t.yaml:9:") && Catch::Contains("unknown key 'severty'"));
}

TEST_CASE("an unknown key inside params is an error") {
    auto err = load_error(with("      confusions:", "      confusion_list: []\n      confusions:"));
    CHECK_THAT(err, Catch::Contains("unknown key 'confusion_list'"));
}

TEST_CASE("wrong types, categories, severities and kinds are errors") {
    CHECK_THAT(load_error(with("severity: warning", "severity: fatal")), Catch::Contains("error, warning or info"));
    CHECK_THAT(load_error(with("category: text.typo", "category: text.typos")), Catch::Contains("not a diagnostic category"));
    CHECK_THAT(load_error(with("kind: typo", "kind: spelling")), Catch::Contains("unknown rule kind"));
    CHECK_THAT(load_error(with("confusions: [{wrong: \"phân đầu\", right: \"phấn đấu\"}]", "confusions: 3")),
               Catch::Contains("expected a list"));
}

TEST_CASE("legal basis, both languages and an invalid example are required") {
    CHECK_THAT(load_error(with("    legal_basis: \"Nghị định 30/2020/NĐ-CP\"\n", "")),
               Catch::Contains("missing required key 'legal_basis'"));
    CHECK_THAT(load_error(with(", en: \"wrong {found}\"", "")), Catch::Contains("needs both 'vi' and 'en'"));
    CHECK_THAT(load_error(with("      invalid: [\"phân đầu\"]", "      valid: [\"phấn đấu\"]")),
               Catch::Contains("at least one 'invalid'"));
}

TEST_CASE("a bad RE2 pattern is an error naming the key") {
    std::string yaml = with("    kind: typo", "    kind: pattern");
    yaml = yaml.replace(yaml.find("      confusions: [{wrong: \"phân đầu\", right: \"phấn đấu\"}]"),
                        std::string("      confusions: [{wrong: \"phân đầu\", right: \"phấn đấu\"}]").size(),
                        "      pattern: \"(unclosed\"");
    CHECK_THAT(load_error(yaml), Catch::Contains("params.pattern: bad pattern"));
    // Backreferences (exponential in backtracking engines) are not RE2 syntax.
    std::string backref = yaml.replace(yaml.find("(unclosed"), 9, "(a+)+\\\\1");
    CHECK_THAT(load_error(backref), Catch::Contains("bad pattern"));
}

TEST_CASE("duplicate rule ids in one file are an error") {
    std::string s = kValidRule;
    std::string rule = s.substr(s.find("  - id: t.typo"));
    CHECK_THAT(load_error(s + rule), Catch::Contains("duplicate rule id 't.typo'"));
}

TEST_CASE("malformed YAML is an error with a position") {
    CHECK_THAT(load_error("ruleset: [unclosed\n"), Catch::Contains("t.yaml:"));
}

TEST_CASE("the rule kind table is sorted and every kind is found") {
    const auto& kinds = rule_kinds();
    for (size_t i = 1; i < kinds.size(); ++i) CHECK(kinds[i - 1].name < kinds[i].name);
    for (const auto& k : kinds) CHECK(find_kind(k.name) == &k);
    CHECK(find_kind("no-such-kind") == nullptr);
}

TEST_CASE("the shipped rule book loads") {
    auto book = load_rulebook(std::string(PLANCHECK_SOURCE_DIR) + "/rules");
    CHECK(book.sets.size() >= 3);
    CHECK(book.find_rule("text.typo.confusions") != nullptr);
}

TEST_CASE("message variants load and need both languages") {
    std::string ok = with("    params:", "    variants:\n      first: {vi: \"đầu {found}\", en: \"first {found}\"}\n    params:");
    auto set = load_ruleset_text(ok, "t.yaml");
    CHECK(set.rules[0]->meta().variants.at("first").at("en") == "first {found}");
    std::string bad = with("    params:", "    variants:\n      first: {vi: \"đầu\"}\n    params:");
    CHECK_THAT(load_error(bad), Catch::Contains("variants.first"));
}

// load_rulebook reads its files on several threads; what it returns and the
// error it throws must be those of reading them one after the other, in
// sorted order, however the threads happen to run.
TEST_CASE("a rule book read on threads is the sorted files' book, and its first error the first file's") {
    auto numbered = [](int i) {
        std::string id = "s" + std::string(i < 10 ? "0" : "") + std::to_string(i);
        std::string s = kValidRule;
        s.replace(s.find("ruleset: t"), 10, "ruleset: " + id);
        s.replace(s.find("id: t.typo"), 10, "id: " + id + ".typo");
        return std::pair{id, s};
    };
    for (int round = 0; round < 10; ++round) {
        plancheck::test::TempDir dir("rulebook");
        std::vector<std::string> ids;
        for (int i = 0; i < 16; ++i) {
            auto [id, text] = numbered(i);
            ids.push_back(id);
            dir.write(id + ".yaml", text);
        }
        auto book = load_rulebook(dir.path.string());
        REQUIRE(book.sets.size() == ids.size());
        for (size_t i = 0; i < ids.size(); ++i) CHECK(book.sets[i].id == ids[i]);
        CHECK(book.registry != nullptr);

        // Two broken files: the error is the one of the first in sorted order.
        dir.write("s03.yaml", numbered(3).second + "  - oops\n");
        dir.write("s11.yaml", "ruleset: [\n");
        try {
            load_rulebook(dir.path.string());
            FAIL("a broken rule file loaded");
        } catch (const RuleFileError& e) {
            CHECK_THAT(std::string(e.what()), Catch::Contains("s03.yaml"));
        }
        // A rule id defined twice is reported at the later file, naming the earlier.
        dir.write("s03.yaml", numbered(3).second);
        auto twice = numbered(12).second;
        twice.replace(twice.find("id: s12.typo"), 12, "id: s05.typo");
        dir.write("s11.yaml", numbered(11).second);
        dir.write("s12.yaml", twice);
        try {
            load_rulebook(dir.path.string());
            FAIL("a rule id defined twice loaded");
        } catch (const RuleFileError& e) {
            CHECK_THAT(std::string(e.what()), Catch::Contains("s12.yaml") && Catch::Contains("s05.yaml"));
        }
    }
}
