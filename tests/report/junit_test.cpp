#include <catch2/catch.hpp>
#include <pugixml.hpp>
#include <sstream>

#include "report/fixtures.h"

using namespace plancheck;

namespace {
std::string junit(const std::vector<report::FileReport>& files, const report::Options& o) {
    std::ostringstream os;
    report::write(os, "junit", files, o);
    return os.str();
}
}  // namespace

TEST_CASE("junit: a suite per file, a case per rule, counts that add up") {
    std::string xml = junit(test::sample_batch(), test::sample_options());
    pugi::xml_document doc;
    auto ok = doc.load_string(xml.c_str());
    INFO(ok.description());
    REQUIRE(ok);
    auto root = doc.child("testsuites");
    REQUIRE(root);
    std::vector<pugi::xml_node> suites;
    for (auto s : root.children("testsuite")) suites.push_back(s);
    REQUIRE(suites.size() == 3);
    CHECK(std::string(suites[0].attribute("name").value()) == "kế hoạch/a b.txt");
    // Three rules fired in the first file: typo (warning, below --fail-on error:
    // passes with output), numbering gap (error: failure), truncated (info: passes).
    CHECK(suites[0].attribute("tests").as_int() == 3);
    CHECK(suites[0].attribute("failures").as_int() == 1);
    auto typo = suites[0].find_child_by_attribute("testcase", "name", "text.typo.confusions");
    REQUIRE(typo);
    CHECK_FALSE(typo.child("failure"));
    std::string out = typo.child("system-out").text().get();
    CHECK(out.find("a b.txt:3:17") != std::string::npos);
    CHECK(out.find("a b.txt:5:1") != std::string::npos);  // both occurrences listed
    CHECK(out.find("<cán bộ> & \"đảng viên\"") != std::string::npos);  // unescaped back by the parser
    auto gap = suites[0].find_child_by_attribute("testcase", "name", "structure.numbering-gap");
    REQUIRE(gap.child("failure"));
    CHECK(std::string(gap.child("failure").attribute("type").value()) == "error");
    // The clean file still counts as one passing test.
    CHECK(suites[1].attribute("tests").as_int() == 1);
    CHECK(suites[1].child("testcase"));
    CHECK_FALSE(suites[1].child("testcase").child("failure"));
    // The unreadable file is an error, not a failure.
    CHECK(suites[2].attribute("errors").as_int() == 1);
    CHECK(suites[2].child("testcase").child("error"));
    CHECK(root.attribute("tests").as_int() == 5);
    CHECK(root.attribute("failures").as_int() == 1);
    CHECK(root.attribute("errors").as_int() == 1);
}

TEST_CASE("junit: --fail-on decides what is a failure") {
    auto o = test::sample_options();
    o.fail_rank = static_cast<int>(Severity::Info);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(junit(test::sample_batch(), o).c_str()));
    CHECK(doc.child("testsuites").attribute("failures").as_int() == 3);
    o.fail_rank = 3;  // none
    REQUIRE(doc.load_string(junit(test::sample_batch(), o).c_str()));
    CHECK(doc.child("testsuites").attribute("failures").as_int() == 0);
}

TEST_CASE("junit: control characters and invalid UTF-8 in document text still give well-formed XML") {
    std::vector<report::FileReport> files(1);
    files[0].path = "x.txt";
    files[0].diagnostics = {test::diag("r", "text.typo", Severity::Error, "bad \x1b[31m\x01 \xff end", 1, 1, 2,
                                       "ex\x0c" "cerpt ]]> <!--")};
    std::string xml = junit(files, test::sample_options());
    CHECK(xml.find('\x1b') == std::string::npos);
    CHECK(xml.find('\xff') == std::string::npos);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str()));
    std::string msg = doc.child("testsuites").child("testsuite").child("testcase").child("failure").attribute("message").value();
    CHECK(msg == "bad \xEF\xBF\xBD[31m\xEF\xBF\xBD \xEF\xBF\xBD end");
}
