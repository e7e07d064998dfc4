// The reviewer's batch report in a real browser: 500 files from 25 unit
// folders (corpus documents copied under new names) are checked into one
// HTML page, which headless Chromium (Debian's, driven by the puppeteer-core
// pinned in ci/browser) loads in under 2 s with no network request; the
// severity, category, rule and unit filters and the search leave exactly the files
// they should. The screenshot goes to the build folder, or to
// docs/img/batch-report.png with PLANCHECK_REFRESH_DOCS=1. Skips when
// chromium, node or puppeteer-core is missing.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "helpers.h"

namespace fs = std::filesystem;
using namespace plancheck;

TEST_CASE("html: a 500-file batch report loads in Chromium in under 2 s and its filters and search work",
          "[report][html][browser][external]") {
    fs::path repo = test::source_dir();
    std::error_code ec;
    const char* chromium = std::getenv("CHROMIUM");
    std::string browser = chromium && *chromium ? chromium : "/usr/bin/chromium";
    if (!fs::exists(browser, ec) || !fs::exists(repo / "ci/browser/node_modules/puppeteer-core", ec) ||
        std::system("command -v node >/dev/null 2>&1") != 0) {
        WARN("skipped: chromium, node or puppeteer-core is missing (bash ci/setup installs them)");
        return;
    }
    test::TempDir dir("batch-html");
    // Typed documents of every kind, with and without findings.
    std::vector<fs::path> sources;
    for (const char* sub : {"corpus/plans", "corpus/kinds", "corpus/layout"})
        for (const auto& e : fs::directory_iterator(repo / sub, ec))
            if (e.path().extension() == ".txt" || e.path().extension() == ".md") sources.push_back(e.path());
    std::sort(sources.begin(), sources.end());
    REQUIRE(sources.size() >= 40);
    const size_t units = 25, per_unit = 20;
    fs::path batch = dir.path / "bao-cao";
    for (size_t u = 0; u < units; ++u) {
        fs::path folder = batch / ("Phường " + std::to_string(u + 1));
        fs::create_directories(folder);
        for (size_t k = 0; k < per_unit; ++k) {
            const fs::path& src = sources[(u * per_unit + k * 7) % sources.size()];
            fs::copy_file(src, folder / ("báo cáo " + std::to_string(k + 1) + src.extension().string()));
        }
    }
    auto run = test::run_shell(dir.path, test::shell_quote(PLANCHECK_BINARY) +
                                             " check --format html --fail-on none -o report.html bao-cao");
    INFO(run.err);
    REQUIRE(run.code == 0);
    std::string html = test::slurp(dir.path / "report.html");
    REQUIRE(html.find("<details class=\"file\"") != std::string::npos);

    bool refresh = std::getenv("PLANCHECK_REFRESH_DOCS") != nullptr;
    fs::path shot = refresh ? repo / "docs/img/batch-report.png"
                            : fs::path(PLANCHECK_BINARY).parent_path().parent_path() / "batch-report.png";
    fs::create_directories(shot.parent_path());
    auto node = test::run_shell(dir.path, "CHROMIUM=" + test::shell_quote(browser) + " node " +
                                              test::shell_quote((repo / "tests/report/browser/batch_report.js").string()) + " " +
                                              test::shell_quote(repo.string()) + " " +
                                              test::shell_quote((dir.path / "report.html").string()) + " " +
                                              test::shell_quote(shot.string()));
    INFO(node.err);
    REQUIRE(node.code == 0);
    auto j = nlohmann::json::parse(node.out);
    INFO(j.dump(1));
    CHECK(j["files"] == units * per_unit);
    CHECK(j["load_ms"].get<int>() < 2000);
    CHECK(j["filters_shown"] == true);
    CHECK(j["errors"].empty());
    CHECK(j["requests"].empty());  // no network
    // Errors only: fewer files, and every row left is an error.
    CHECK(j["errors_only_files"].get<int>() > 0);
    CHECK(j["errors_only_files"].get<int>() < j["files"].get<int>());
    CHECK(j["errors_only_bad"] == 0);
    CHECK(j["all_again"] == units * per_unit);
    CHECK(j["category_files"] == j["category_expected"]);
    CHECK(j["category_files"].get<int>() > 0);
    CHECK(j["rule_rows"].get<int>() > 0);
    CHECK(j["rule_wrong"] == 0);
    CHECK(j["unit_files"] == per_unit);
    CHECK(j["unit_wrong"] == 0);
    // Searching a file's path shows that file (and any whose path contains it).
    auto hits = j["search_files"];
    REQUIRE_FALSE(hits.empty());
    for (const auto& p : hits) CHECK(p.get<std::string>().find(j["search_target"].get<std::string>()) != std::string::npos);
    CHECK(hits.size() < 30);
    CHECK(j["word_files"].get<int>() > 0);
    CHECK(j["word_files"].get<int>() < j["files"].get<int>());
    CHECK(j["opened_rows"].get<int>() > 0);
    CHECK(fs::file_size(shot, ec) > 10000);
}
