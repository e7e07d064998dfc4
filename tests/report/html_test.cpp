#include <catch2/catch.hpp>
#include <sstream>

#include "report/fixtures.h"

using namespace plancheck;

namespace {
std::string html(const std::vector<report::FileReport>& files, const report::Options& o) {
    std::ostringstream os;
    report::write(os, "html", files, o);
    return os.str();
}
bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("html: self-contained page with summary, file index and per-file tables, Vietnamese labels") {
    std::string h = html(test::sample_batch(), test::sample_options());
    CHECK(h.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(has(h, "<html lang=\"vi\">"));
    CHECK(has(h, "<meta charset=\"utf-8\">"));
    CHECK_FALSE(has(h, "<script"));
    CHECK_FALSE(has(h, "src=\""));
    CHECK_FALSE(has(h, "<link"));
    CHECK(has(h, "Phát hiện theo nhóm"));
    CHECK(has(h, "<code>text.typo</code>"));
    CHECK(has(h, "<a href=\"#f0\">kế hoạch/a b.txt</a>"));
    CHECK(has(h, "<section id=\"f0\">"));
    CHECK_FALSE(has(h, "<section id=\"f1\">"));  // clean files only appear in the index
    CHECK(has(h, "sach.txt <span class=\"ok\">(không có vấn đề)</span>"));
    CHECK(has(h, "không đọc được văn bản"));
    CHECK(has(h, "<td class=\"sev error\">lỗi</td>"));
}

TEST_CASE("html: document text is escaped and the span is marked") {
    std::string h = html(test::sample_batch(), test::sample_options());
    CHECK_FALSE(has(h, "<cán bộ>"));
    CHECK(has(h, "+ Đến năm 2025, <mark>phân đầu</mark> 100% &lt;cán bộ&gt; &amp; &quot;đảng viên&quot;"));
    std::vector<report::FileReport> evil(1);
    evil[0].path = "<script>alert(1)</script>.txt";
    evil[0].diagnostics = {test::diag("r", "text.typo", Severity::Error, "<img src=x onerror=alert(1)>", 1, 1, 2, "<b>")};
    std::string e = html(evil, test::sample_options());
    CHECK_FALSE(has(e, "<script>"));
    CHECK_FALSE(has(e, "<img"));
    CHECK(has(e, "&lt;script&gt;alert(1)&lt;/script&gt;.txt"));
}

TEST_CASE("html: --lang en switches the labels") {
    std::string h = html(test::sample_batch(), test::sample_options("en"));
    CHECK(has(h, "<html lang=\"en\">"));
    CHECK(has(h, "Findings by category"));
    CHECK(has(h, "<td class=\"sev warning\">warning</td>"));
    CHECK_FALSE(has(h, "Phát hiện theo nhóm"));
}
