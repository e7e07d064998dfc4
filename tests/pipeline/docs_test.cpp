// docs/rules.md is generated from the rule metadata; it must not drift.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "helpers.h"

namespace {
std::string run(const std::string& cmd) {
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
    return out;
}
}  // namespace

TEST_CASE("docs/rules.md is what `plancheck explain --markdown` prints") {
    std::string rules = plancheck::test::source_dir() + "/rules";
    std::string generated = run(std::string(PLANCHECK_BINARY) + " explain --markdown --rules '" + rules + "'");
    std::ifstream in(plancheck::test::source_dir() + "/docs/rules.md");
    std::stringstream file;
    file << in.rdbuf();
    INFO("regenerate with: build/checker/plancheck explain --markdown --rules rules > docs/rules.md");
    CHECK(file.str() == generated);
}
