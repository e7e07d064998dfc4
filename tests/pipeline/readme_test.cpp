// Every command README.md shows runs as shown: each `$ plancheck ...` line of
// a ```console block is run from the source folder with the built binary as
// `plancheck`, and the lines printed under it must be what it prints (a line
// "..." stands for any number of lines). The ```sh blocks' set-up commands
// (`bash ci/...`) name scripts that exist and parse; they are not run here
// (ci/test is what runs this test), and the package install is checked by
// tests/package/deb_test.sh.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "helpers.h"

namespace fs = std::filesystem;
using plancheck::test::shell_quote;

namespace {

struct Example {
    int line = 0;  // of the command in README.md
    std::string command;
    std::vector<std::string> expected;  // printed lines; "..." skips any number
};

struct Readme {
    std::vector<Example> console;
    std::vector<std::pair<int, std::string>> sh;  // line, command
};

Readme parse_readme(const std::string& text) {
    Readme r;
    std::istringstream in(text);
    std::string line, fence;
    for (int n = 1; std::getline(in, line); ++n) {
        if (line.rfind("```", 0) == 0) {
            fence = fence.empty() ? (line.size() > 3 ? line.substr(3) : std::string("none")) : std::string();
            continue;
        }
        if (fence == "console") {
            if (line.rfind("$ ", 0) == 0)
                r.console.push_back({n, line.substr(2), {}});
            else if (!r.console.empty())
                r.console.back().expected.push_back(line);
        } else if (fence == "sh" && !line.empty() && line[0] != '#') {
            r.sh.emplace_back(n, line);
        }
    }
    return r;
}

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

// Whether `actual` is `expected` with each "..." standing for any lines.
// Returns "" when it is, else the first expected line not found where it should be.
std::string mismatch(const std::vector<std::string>& expected, const std::vector<std::string>& actual) {
    size_t at = 0;
    bool anywhere = false;  // after a "...": the next run of lines may start later
    for (size_t i = 0; i < expected.size();) {
        if (expected[i] == "...") {
            anywhere = true;
            ++i;
            continue;
        }
        size_t j = i;
        while (j < expected.size() && expected[j] != "...") ++j;
        // The run expected[i, j) must appear at `at` (or later, after "...").
        bool found = false;
        for (size_t start = at; start + (j - i) <= actual.size(); ++start) {
            bool same = true;
            for (size_t k = 0; k < j - i && same; ++k) same = actual[start + k] == expected[i + k];
            if (same) {
                at = start + (j - i);
                found = true;
                break;
            }
            if (!anywhere) break;
        }
        if (!found) return expected[i];
        anywhere = false;
        i = j;
    }
    if (!anywhere && at != actual.size()) return "(nothing more; it printed: " + actual[at] + ")";
    return "";
}

}  // namespace

TEST_CASE("readme: the matcher of shown output honours \"...\"") {
    std::vector<std::string> out{"a", "b", "c", "d"};
    CHECK(mismatch({"a", "b", "c", "d"}, out).empty());
    CHECK(mismatch({"a", "...", "d"}, out).empty());
    CHECK(mismatch({"...", "c", "d"}, out).empty());
    CHECK(mismatch({"a", "b", "..."}, out).empty());
    CHECK_FALSE(mismatch({"a", "c", "..."}, out).empty());  // b is not elided
    CHECK_FALSE(mismatch({"a", "b", "c"}, out).empty());    // d is printed too
    CHECK_FALSE(mismatch({"...", "x", "..."}, out).empty());
    CHECK_FALSE(mismatch({"...", "d", "c"}, out).empty());
}

TEST_CASE("readme: every plancheck command README.md shows prints what it shows") {
    const std::string src = plancheck::test::source_dir();
    Readme r = parse_readme(plancheck::test::slurp(fs::path(src) / "README.md"));
    REQUIRE(r.console.size() >= 3);
    plancheck::test::TempDir t("readme");
    fs::create_directories(t.path / "cache");
    std::string bin_dir = fs::path(PLANCHECK_BINARY).parent_path().string();
    for (const auto& ex : r.console) {
        INFO("README.md:" << ex.line << ": $ " << ex.command);
        REQUIRE(ex.command.rfind("plancheck ", 0) == 0);
        // From the source folder, `plancheck` on PATH, the user's defaults
        // (no PLANCHECK_RULES), a cache of its own.
        std::string cmd = "cd " + shell_quote(src) + " && { env -u PLANCHECK_RULES PATH=" +
                          shell_quote(bin_dir) + ":\"$PATH\" PLANCHECK_CACHE_DIR=" +
                          shell_quote((t.path / "cache").string()) + " " + ex.command + "; } 2>&1";
        auto run = plancheck::test::run_shell(t.path, cmd);
        INFO(run.out);
        CHECK(run.code >= 0);
        CHECK(run.code <= 1);  // findings at most, never a usage error
        std::vector<std::string> expected = ex.expected;
        while (!expected.empty() && expected.back().empty()) expected.pop_back();
        REQUIRE_FALSE(expected.empty());
        CHECK(mismatch(expected, lines_of(run.out)) == "");
    }
}

TEST_CASE("readme: the set-up commands README.md shows name scripts that exist") {
    const std::string src = plancheck::test::source_dir();
    Readme r = parse_readme(plancheck::test::slurp(fs::path(src) / "README.md"));
    REQUIRE_FALSE(r.sh.empty());
    plancheck::test::TempDir t("readme");
    for (const auto& [line, command] : r.sh) {
        INFO("README.md:" << line << ": " << command);
        if (command.rfind("bash ci/", 0) == 0) {
            std::string script = command.substr(5);
            script = script.substr(0, script.find(' '));
            REQUIRE(fs::is_regular_file(fs::path(src) / script));
            CHECK(plancheck::test::run_shell(t.path, "bash -n " + shell_quote(src + "/" + script)).code == 0);
        } else if (command.rfind("sudo apt install ./build-release/plancheck_", 0) == 0) {
            // What ci/package writes: plancheck_VERSION_ARCH.deb in build-release.
            CHECK(plancheck::test::slurp(fs::path(src) / "ci" / "package").find("build-release/plancheck_") !=
                  std::string::npos);
        } else if (command.rfind("export PATH=\"$PWD/build-release/checker:$PATH\"", 0) == 0) {
            // Where ci/demo leaves the binary.
            CHECK(plancheck::test::slurp(fs::path(src) / "ci" / "demo").find("build-release/checker/plancheck") !=
                  std::string::npos);
        } else {
            FAIL("a command this test does not know how to check: teach it, or show it as ```console");
        }
    }
}
