// plancheck's JUnit report validates against the structure both Jenkins JUnit schemas accept
// (tests/data/jenkins-junit.xsd) with xmllint (Debian libxml2-utils,
// installed by ci/setup): a batch of corpus documents in two folders, an
// unreadable file and a file not checked. Skips when xmllint is absent.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "helpers.h"

namespace fs = std::filesystem;
using namespace plancheck;

TEST_CASE("junit: the report validates against the Jenkins JUnit XSD", "[report][junit][external]") {
    if (std::system("command -v xmllint >/dev/null 2>&1") != 0) {
        WARN("skipped: xmllint is not installed (bash ci/setup installs libxml2-utils)");
        return;
    }
    fs::path repo = test::source_dir();
    std::string xsd = (repo / "tests/data/jenkins-junit.xsd").string();
    test::TempDir dir("junit-xsd");
    fs::create_directories(dir.path / "docs/xa-a");
    fs::create_directories(dir.path / "docs/xa-b");
    for (const char* f : {"plan-typos.txt", "plan-clean.txt"})
        if (fs::exists(repo / "corpus/plans" / f)) fs::copy_file(repo / "corpus/plans" / f, dir.path / "docs/xa-a" / f);
    for (const auto& e : fs::directory_iterator(repo / "corpus/kinds"))
        if (e.path().extension() == ".txt" && e.path().filename().string().rfind("bao-cao", 0) == 0)
            fs::copy_file(e.path(), dir.path / "docs/xa-b" / e.path().filename());
    dir.write("docs/xa-b/hỏng.docx", "not a zip");
    dir.write("docs/xa-b/bảng.xlsx", "x");
    auto bin = test::shell_quote(PLANCHECK_BINARY);
    for (const char* fail_on : {"error", "info"}) {
        auto r = test::run_shell(dir.path, bin + " check --no-config --format junit --fail-on " + std::string(fail_on) +
                                               " -o report.xml docs");
        REQUIRE(r.code == 2);  // one file is unreadable
        std::string xml = test::slurp(dir.path / "report.xml");
        CHECK(xml.find("<failure") != std::string::npos);
        CHECK(xml.find("<error") != std::string::npos);
        CHECK(xml.find("<skipped") != std::string::npos);
        CHECK(xml.find("file=\"docs/xa-a/plan-typos.txt\"") != std::string::npos);
        auto v = test::run_shell(dir.path, "xmllint --noout --schema " + test::shell_quote(xsd) + " report.xml");
        INFO(v.err);
        CHECK(v.code == 0);
    }
    // The check can fail: a test case without its required name is refused.
    std::string xml = test::slurp(dir.path / "report.xml");
    size_t at = xml.find("<testcase name=\"");
    REQUIRE(at != std::string::npos);
    xml.replace(at, 16, "<testcase title=\"");
    test::spit(dir.path / "bad.xml", xml);
    auto v = test::run_shell(dir.path, "xmllint --noout --schema " + test::shell_quote(xsd) + " bad.xml");
    CHECK(v.code != 0);
    // and so is an attribute on <skipped> (junit-4.xsd gives it text only).
    xml = test::slurp(dir.path / "report.xml");
    at = xml.find("<skipped>");
    REQUIRE(at != std::string::npos);
    xml.replace(at, 9, "<skipped message=\"x\">");
    test::spit(dir.path / "bad2.xml", xml);
    v = test::run_shell(dir.path, "xmllint --noout --schema " + test::shell_quote(xsd) + " bad2.xml");
    CHECK(v.code != 0);
}
