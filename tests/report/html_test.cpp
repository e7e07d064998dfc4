#include <catch2/catch.hpp>
#include <regex>
#include <sstream>

#include "plancheck/diagnostic.h"
#include "report/categories.h"
#include "report/fixtures.h"

using namespace plancheck;

namespace {
std::string html(const std::vector<report::FileReport>& files, const report::Options& o) {
    std::ostringstream os;
    report::write(os, "html", files, o);
    return os.str();
}
bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
size_t count(const std::string& s, const std::string& part) {
    size_t n = 0;
    for (size_t at = s.find(part); at != std::string::npos; at = s.find(part, at + 1)) ++n;
    return n;
}
}  // namespace

TEST_CASE("html: self-contained page with charts, heat map, filters and collapsed files, Vietnamese labels", "[report][html]") {
    std::string h = html(test::sample_batch(), test::sample_options());
    CHECK(h.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(has(h, "<html lang=\"vi\">"));
    CHECK(has(h, "<meta charset=\"utf-8\">"));
    // No network: no external script, stylesheet, image or font.
    CHECK_FALSE(has(h, "src=\""));
    CHECK_FALSE(has(h, "<link"));
    CHECK_FALSE(has(h, "http://"));
    CHECK_FALSE(has(h, "url("));
    CHECK(count(h, "<script>") == 1);
    // A font stack with fonts that carry Vietnamese tone marks.
    CHECK(has(h, "font-family:\"Segoe UI\",\"Noto Sans\""));
    CHECK(has(h, "Phát hiện theo nhóm"));
    CHECK(has(h, "Phát hiện theo đơn vị (thư mục)"));
    CHECK(has(h, "Bản đồ nhiệt"));
    // Charts and heat map are inline SVG, categories named in Vietnamese.
    CHECK(count(h, "<svg ") == 3);
    CHECK(has(h, "<g class=\"bar\" data-cat=\"structure.numbering-gap\"><title>Đánh số ngắt quãng (structure.numbering-gap): 1 / 0 / 0</title>"));
    CHECK(has(h, ">Lỗi chính tả</option>"));
    CHECK(has(h, "<g class=\"bar\" data-unit=\"kế hoạch\">"));
    CHECK(has(h, "<option value=\".\">(thư mục gốc)</option>"));
    // Every file is a collapsed section; the worst first, clean files last.
    CHECK(count(h, "<details class=\"file\"") == 3);
    CHECK_FALSE(has(h, "<details class=\"file\" open"));
    size_t worst = h.find("<details class=\"file\" id=\"f0\""), unreadable = h.find("id=\"f2\""),
           clean = h.find("<details class=\"file\" id=\"f1\"");
    REQUIRE(worst != std::string::npos);
    CHECK(worst < unreadable);
    CHECK(unreadable < clean);
    CHECK(h.find("Tệp không có vấn đề") < clean);
    CHECK(has(h, "data-unit=\"kế hoạch\" data-path=\"kế hoạch/a b.txt\">"));
    CHECK(has(h, "<span class=\"path\">sach.txt</span> <span class=\"ok\">(không có vấn đề)</span>"));
    CHECK(has(h, "không đọc được văn bản"));
    CHECK(has(h, "<td class=\"sev error\">lỗi</td>"));
    // Finding rows carry what the filters match on.
    CHECK(has(h, "<tr data-s=\"1\" data-c=\"text.typo\" data-r=\"text.typo.confusions\">"));
    CHECK(has(h, "<tr data-s=\"2\" data-c=\"structure.numbering-gap\" data-r=\"structure.numbering-gap\">"));
    CHECK(has(h, "<select id=\"f-rule\""));
    CHECK(has(h, "<input type=\"search\" id=\"f-q\""));
    // The heat map links each row to its file section.
    CHECK(has(h, "<a href=\"#f0\"><text"));
    CHECK_FALSE(has(h, "<a href=\"#f1\">"));  // a clean file has no heat-map row
}

TEST_CASE("html: document text is escaped and the span is marked", "[report][html]") {
    std::string h = html(test::sample_batch(), test::sample_options());
    CHECK_FALSE(has(h, "<cán bộ>"));
    CHECK(has(h, "+ Đến năm 2025, <mark>phân đầu</mark> 100% &lt;cán bộ&gt; &amp; &quot;đảng viên&quot;"));
    std::vector<report::FileReport> evil(1);
    evil[0].path = "<script>alert(1)</script>/x\".txt";
    evil[0].diagnostics = {test::diag("r\"><script>", "text.typo", Severity::Error, "<img src=x onerror=alert(1)>", 1, 1, 2, "<b>")};
    std::string e = html(evil, test::sample_options());
    CHECK(count(e, "<script>") == 1);  // only the page's own
    CHECK_FALSE(has(e, "<img"));
    CHECK_FALSE(has(e, "x\".txt"));
    CHECK(has(e, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK(has(e, "data-r=\"r&quot;&gt;&lt;script&gt;\""));
}

TEST_CASE("html: --lang en switches the labels and category names", "[report][html]") {
    std::string h = html(test::sample_batch(), test::sample_options("en"));
    CHECK(has(h, "<html lang=\"en\">"));
    CHECK(has(h, "Findings by category"));
    CHECK(has(h, ">Spelling</option>"));
    CHECK(has(h, "<td class=\"sev warning\">warning</td>"));
    CHECK_FALSE(has(h, "Phát hiện theo nhóm"));
    CHECK_FALSE(has(h, "Lỗi chính tả"));
}

TEST_CASE("html: near-copies are listed with both paths, dates and the shared passage", "[report][html]") {
    auto o = test::sample_options();
    report::NearCopy nc;
    nc.a = {"don-vi-a/bao-cao.txt", "2025-03-05", 0.8};
    nc.b = {"don-vi-b/bao-cao.txt", "2025-03-12", 0.6};
    nc.dated = true;
    nc.shared_words = 120;
    nc.passages = 2;
    nc.passage = "Trong quý I, đơn vị đã <tổ chức> tuyên truyền";
    o.near_copies = {nc};
    std::string h = html(test::sample_batch(), o);
    CHECK(has(h, "Văn bản gần trùng giữa các đơn vị (1)"));
    CHECK(has(h, "don-vi-a/bao-cao.txt</span> <span class=\"unit\">(2025-03-05, sớm hơn; 80%)"));
    CHECK(has(h, "don-vi-b/bao-cao.txt</span> <span class=\"unit\">(2025-03-12, muộn hơn; 60%)"));
    CHECK(has(h, "120 từ trùng"));
    CHECK(has(h, "<blockquote>Trong quý I, đơn vị đã &lt;tổ chức&gt; tuyên truyền</blockquote>"));
    nc.dated = false;
    nc.a.date.clear();
    o.near_copies = {nc};
    h = html(test::sample_batch(), o);
    CHECK(has(h, "(không rõ ngày; 80%)"));
    CHECK(has(h, "không xác định được văn bản nào có trước"));
    CHECK_FALSE(has(html(test::sample_batch(), test::sample_options()), "near-copies"));
}

TEST_CASE("categories: every contract category has a Vietnamese and an English name", "[report][html]") {
    for (auto c : all_categories()) {
        INFO(c);
        std::string vi = report::category_label(c, "vi"), en = report::category_label(c, "en");
        CHECK(vi.find('(') == std::string::npos);  // not the group fallback
        CHECK(vi != en);
        CHECK(vi != std::string(c));
    }
    CHECK(report::category_label("text.something-new", "vi") == "Câu chữ (text.something-new)");
    CHECK(report::category_label("zzz", "en") == "zzz");
}
