// The seed plan (../shared/seeds/001_*.txt, not shipped with the project): the
// checker must find what a careful reviewer lists, at the right lines, and
// nothing else. Skips cleanly on a clone without ../shared.
#include <catch2/catch.hpp>

#include <filesystem>

#include "corpus.h"
#include "helpers.h"

namespace fs = std::filesystem;
using namespace plancheck;

TEST_CASE("seed plan 001: the reviewer's findings, at the right lines") {
    std::string seed = test::seed_path();
    if (seed.empty()) {
        WARN("skipped: ../shared/seeds/001_*.txt is not present");
        return;
    }
    auto book = rules::load_rulebook(test::source_dir() + "/rules");
    pipeline::Options opts;
    opts.check.today = {23, 11, 2026};
    auto result = pipeline::check_file(seed, book, opts);
    std::ifstream in(test::source_dir() + "/tests/data/seed-001.expected");
    std::string err;
    auto expected = test::parse_expected(in, &err);
    REQUIRE(err.empty());
    auto c = test::compare(expected, result.diagnostics);
    INFO(test::describe(c));
    CHECK(c.ok());
}
