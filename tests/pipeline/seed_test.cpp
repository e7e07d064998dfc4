// The seed plan (../shared/seeds/001_*.txt, not shipped with the project): the
// checker must find what a careful reviewer lists, at the right lines, and
// nothing else. Skips cleanly on a clone without ../shared.
#include <catch2/catch.hpp>

#include <filesystem>

#include "corpus.h"
#include "helpers.h"

namespace fs = std::filesystem;
using namespace plancheck;

namespace {
std::string seed_path() {
    std::error_code ec;
    fs::path dir = fs::path(test::shared_dir()) / "seeds";
    if (!fs::is_directory(dir, ec)) return {};
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().filename().string().rfind("001_", 0) == 0) return e.path().string();
    return {};
}
}  // namespace

TEST_CASE("seed plan 001: the reviewer's findings, at the right lines") {
    std::string seed = seed_path();
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
