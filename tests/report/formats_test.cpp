#include <catch2/catch.hpp>
#include <sstream>

#include "report/escape.h"
#include "report/fixtures.h"

using namespace plancheck;

TEST_CASE("formats: every listed format has a writer; unknown ones throw") {
    auto files = test::sample_batch();
    for (const auto& f : report::formats()) {
        std::ostringstream os;
        report::write(os, f, files, test::sample_options());
        CHECK_FALSE(os.str().empty());
    }
    CHECK(report::formats() ==
          std::vector<std::string>{"text", "json", "sarif", "junit", "html", "csv", "github", "codequality", "gnu"});
    std::ostringstream os;
    CHECK_THROWS_AS(report::write(os, "xml", files, test::sample_options()), std::invalid_argument);
}

TEST_CASE("escape: XML text and URIs") {
    CHECK(report::xml_escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;");
    CHECK(report::xml_escape("tab\tok\nđ") == "tab\tok\nđ");
    CHECK(report::xml_escape("\x01\xC3") == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(report::xml_escape("\xEF\xBF\xBD") == "\xEF\xBF\xBD");
    CHECK(report::path_to_uri("a b/đ.txt") == "a%20b/%C4%91.txt");
    CHECK(report::path_to_uri("/x/y#1.txt") == "file:///x/y%231.txt");
    CHECK(report::display_path("./docs//a.txt") == "docs/a.txt");
}

TEST_CASE("text: control characters from the document never reach the terminal") {
    std::vector<report::FileReport> files(1);
    files[0].path = "x.txt";
    files[0].diagnostics = {test::diag("r", "text.typo", Severity::Error, "m\x1b]0;pwned\x07", 1, 2, 3, "a\x1b[2Jb")};
    std::ostringstream os;
    report::write(os, "text", files, test::sample_options());
    CHECK(os.str().find('\x1b') == std::string::npos);
    CHECK(os.str().find('\x07') == std::string::npos);
}
