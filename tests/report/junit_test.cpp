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

TEST_CASE("junit: a suite per folder, a case per file with its path in file, counts that add up", "[report][junit]") {
    std::string xml = junit(test::sample_batch(), test::sample_options());
    pugi::xml_document doc;
    auto ok = doc.load_string(xml.c_str());
    INFO(ok.description());
    REQUIRE(ok);
    auto root = doc.child("testsuites");
    REQUIRE(root);
    std::vector<pugi::xml_node> suites;
    for (auto s : root.children("testsuite")) suites.push_back(s);
    REQUIRE(suites.size() == 2);  // "." (sach.txt, hong.doc) and "kế hoạch"
    CHECK(std::string(suites[0].attribute("name").value()) == ".");
    CHECK(std::string(suites[1].attribute("name").value()) == "kế hoạch");
    auto plan = suites[1].child("testcase");
    REQUIRE(plan);
    CHECK(std::string(plan.attribute("name").value()) == "kế hoạch/a b.txt");
    CHECK(std::string(plan.attribute("file").value()) == "kế hoạch/a b.txt");
    CHECK(std::string(plan.attribute("classname").value()) == "kế hoạch");
    CHECK(suites[1].attribute("tests").as_int() == 1);
    CHECK(suites[1].attribute("failures").as_int() == 1);
    // The error (numbering gap) fails the file; the warnings and the note,
    // below --fail-on error, are in system-out.
    auto failure = plan.child("failure");
    REQUIRE(failure);
    CHECK(std::string(failure.attribute("type").value()) == "error");
    CHECK(std::string(failure.attribute("message").value()) == "Đánh số không liên tục [structure.numbering-gap]");
    std::string failing = failure.text().get();
    CHECK(failing.find("a b.txt:7:1: lỗi:") != std::string::npos);
    CHECK(failing.find("typo") == std::string::npos);
    std::string out = plan.child("system-out").text().get();
    CHECK(out.find("a b.txt:3:17: cảnh báo:") != std::string::npos);
    CHECK(out.find("a b.txt:5:1: cảnh báo:") != std::string::npos);  // both occurrences listed
    CHECK(out.find("a b.txt:9:10: lưu ý:") != std::string::npos);
    CHECK(out.find("<cán bộ> & \"đảng viên\"") != std::string::npos);  // unescaped back by the parser
    // The clean file is one passing test; the unreadable one an error.
    auto clean = suites[0].find_child_by_attribute("testcase", "file", "sach.txt");
    REQUIRE(clean);
    CHECK_FALSE(clean.first_child());
    auto bad = suites[0].find_child_by_attribute("testcase", "file", "hong.doc");
    REQUIRE(bad.child("error"));
    CHECK(suites[0].attribute("errors").as_int() == 1);
    CHECK(root.attribute("tests").as_int() == 3);
    CHECK(root.attribute("failures").as_int() == 1);
    CHECK(root.attribute("errors").as_int() == 1);
}

TEST_CASE("junit: --fail-on decides what is a failure") {
    auto o = test::sample_options();
    o.fail_rank = static_cast<int>(Severity::Info);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(junit(test::sample_batch(), o).c_str()));
    CHECK(doc.child("testsuites").attribute("failures").as_int() == 1);  // one file, now failing on everything
    auto plan = doc.child("testsuites").find_child_by_attribute("testsuite", "name", "kế hoạch").child("testcase");
    CHECK(std::string(plan.child("failure").attribute("message").value()).find("(và 3 phát hiện khác)") != std::string::npos);
    CHECK_FALSE(plan.child("system-out"));
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
    CHECK(msg == "bad \xEF\xBF\xBD[31m\xEF\xBF\xBD \xEF\xBF\xBD end [r]");
}
