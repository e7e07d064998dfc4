// Corpus tests: every document under corpus/ that has a NAME.expected file must
// produce exactly the diagnostics listed there (see tests/corpus.h).
#include <catch2/catch.hpp>

#include <filesystem>

#include "corpus.h"
#include "helpers.h"

namespace fs = std::filesystem;
using namespace plancheck;

namespace {

pipeline::Options corpus_options() {
    pipeline::Options o;
    o.check.today = {23, 11, 2026};  // fixed, so "not in the future" checks are reproducible
    return o;
}

const rules::RuleBook& book() {
    static rules::RuleBook b = rules::load_rulebook(test::source_dir() + "/rules");
    return b;
}

std::vector<fs::path> corpus_documents() {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(test::source_dir() + "/corpus")) {
        if (!e.is_regular_file() || e.path().extension() == ".expected") continue;
        fs::path exp = e.path();
        exp.replace_extension(".expected");
        if (fs::exists(exp)) out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

test::Comparison run_one(const fs::path& doc, std::string* parse_error) {
    fs::path exp_path = doc;
    exp_path.replace_extension(".expected");
    std::ifstream in(exp_path);
    auto expected = test::parse_expected(in, parse_error);
    auto result = pipeline::check_file(doc.string(), book(), corpus_options());
    return test::compare(expected, result.diagnostics);
}

}  // namespace

TEST_CASE("corpus documents produce exactly their expected diagnostics") {
    auto docs = corpus_documents();
    REQUIRE(docs.size() >= 8);
    for (const auto& doc : docs) {
        DYNAMIC_SECTION(fs::relative(doc, test::source_dir()).string()) {
            std::string err;
            auto c = run_one(doc, &err);
            INFO(fs::relative(doc, test::source_dir()).string() << "\n" << err << test::describe(c));
            CHECK(err.empty());
            CHECK(c.ok());
        }
    }
}

TEST_CASE("corpus expectations are strict: dropping any planted defect fails") {
    // Guards the corpus against going soft: for every expectation, a copy of the
    // list without it must fail the comparison.
    for (const auto& doc : corpus_documents()) {
        fs::path exp_path = doc;
        exp_path.replace_extension(".expected");
        std::ifstream in(exp_path);
        auto expected = test::parse_expected(in, nullptr);
        auto got = pipeline::check_file(doc.string(), book(), corpus_options()).diagnostics;
        for (size_t i = 0; i < expected.size(); ++i) {
            auto fewer = expected;
            fewer.erase(fewer.begin() + static_cast<long>(i));
            INFO(doc.filename().string() << " without expectation at line " << expected[i].line);
            CHECK_FALSE(test::compare(fewer, got).ok());
        }
    }
}

TEST_CASE("the comparison reports missing and unexpected diagnostics") {
    Diagnostic d;
    d.line = 4;
    d.category = "text.typo";
    d.rule = "text.typo.confusions";
    std::istringstream exp("# comment\n4 text.typo\n9 structure.numbering-gap structure.numbering-gap\n");
    std::string err;
    auto e = test::parse_expected(exp, &err);
    REQUIRE(err.empty());
    REQUIRE(e.size() == 2);
    auto c = test::compare(e, {d});
    CHECK(c.missing.size() == 1);
    CHECK(c.unexpected.empty());
    auto c2 = test::compare({}, {d});
    CHECK(c2.unexpected.size() == 1);
    std::istringstream bad("4 no.such-category\n");
    CHECK(test::parse_expected(bad, &err).empty());
    CHECK_FALSE(err.empty());
}
