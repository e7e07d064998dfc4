// Issue 17: inputs that crashed, hung or exhausted memory. Each is generated
// here (fuzz/hostile/generate.py writes the full-size ones) and must be read
// and checked through the whole pipeline within a time bound: a regression
// to a quadratic path or an overflowing parser stack fails or hangs this test.
#include <catch2/catch.hpp>

#include <ctime>
#include <chrono>
#include <string>

#include "helpers.h"
#include "pipeline/pipeline.h"
#include "rules/rule.h"

using namespace plancheck;

namespace {
const rules::RuleBook& book() {
    static const rules::RuleBook b = rules::load_rulebook(test::source_dir() + "/rules");
    return b;
}
std::string repeat(const std::string& s, size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (size_t i = 0; i < n; ++i) out += s;
    return out;
}
// Checks `bytes` as `format`; returns the result after requiring it finished
// within `seconds` (generous: the machine is shared, sanitizers are slow).
pipeline::FileResult timed(const std::string& bytes, const std::string& format, double seconds = 60) {
    // CPU time, not wall time: a loaded machine must not fail the test.
    std::clock_t t0 = std::clock();
    auto r = pipeline::check_bytes(bytes, format, "hostile." + format, book(), pipeline::Options{});
    double took = static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC;
    CHECK(took < seconds);
    return r;
}
size_t blocks_of(const std::string& bytes, const std::string& format) {
    auto r = ingest::read_bytes(bytes, format, "x." + format, ingest::Options{});
    auto* doc = std::get_if<SourceDocument>(&r);
    REQUIRE(doc);
    return doc->blocks.size();
}
}  // namespace

TEST_CASE("hostile: deep Markdown nesting is read, not a crash") {
    // Each once killed the process inside tree-sitter-markdown's scanner.
    // The innermost text is Vietnamese, so the document has usable text and
    // must be checked, not refused.
    const std::string text = "mục tiêu của kế hoạch\n";
    for (const std::string& md : {repeat("- ", 256) + text, repeat("> ", 300) + text, repeat("1. ", 300) + text,
                                  [] {
                                      std::string s;
                                      for (int i = 0; i < 300; ++i) s += std::string(3 * i, ' ') + "1. mục\n";
                                      return s;
                                  }()}) {
        INFO(md.substr(0, 40));
        auto r = timed(md, "md");
        CHECK_FALSE(r.unreadable);
    }
    // Moderate nesting still goes through the Markdown grammar: the label of
    // the inner item is the list marker, not part of the text.
    auto r = ingest::read_bytes("- a\n  - b\n    - c\n", "md", "x.md", ingest::Options{});
    auto* doc = std::get_if<SourceDocument>(&r);
    REQUIRE(doc);
    REQUIRE(doc->blocks.size() == 3);
    CHECK(doc->blocks[2].text == "c");
    CHECK(doc->blocks[2].label == "-");
}

TEST_CASE("hostile: deep and wide HTML is read in linear time") {
    const size_t n = 40000;  // below the block limit (ingest::kMaxBlocks); past it, limits_test.cpp
    CHECK(blocks_of(repeat("<b>", n) + "x", "html") == 1);
    CHECK(blocks_of(repeat("<div>", n) + "x", "html") == 1);
    CHECK(blocks_of("<ul>" + repeat("<li>mục", n), "html") == n);
    CHECK(blocks_of(repeat("<p>đoạn", n), "html") == n);
    CHECK(blocks_of(repeat("<x-a>", n) + "x", "html") == 1);
    for (const std::string& html : {repeat("<b>", n) + "nội dung kế hoạch", "<ul>" + repeat("<li>mục", n)}) {
        auto r = timed(html, "html");
        CHECK_FALSE(r.unreadable);
    }
    // The linear reader keeps what the tree reader keeps and drops the rest.
    std::string page = "<html><head><title>T</title><style>p{}</style></head><body>" + repeat("<div>", 300) +
                       "<h2>KẾ HOẠCH</h2><p>Thực hiện &amp; kiểm tra</p><script>var x = 1;</script>"
                       "<ul><li>Mục một<li>Mục hai</ul><!-- ghi chú --><table><tr><td>Ô</td></tr></table>";
    auto r = ingest::read_bytes(page, "html", "x.html", ingest::Options{});
    auto* doc = std::get_if<SourceDocument>(&r);
    REQUIRE(doc);
    REQUIRE(doc->blocks.size() == 5);
    CHECK(doc->blocks[0].text == "KẾ HOẠCH");
    CHECK(doc->blocks[0].kind == BlockKind::Heading);
    CHECK(doc->blocks[0].level == 2);
    CHECK(doc->blocks[1].text == "Thực hiện & kiểm tra");
    CHECK(doc->blocks[2].kind == BlockKind::ListItem);
    CHECK(doc->blocks[3].text == "Mục hai");
    CHECK(doc->blocks[4].in_table);
    Pos p = doc->blocks[1].locate(0);
    CHECK(p.line == 1);
    size_t cps = 0;  // code points before it
    for (size_t i = 0; i < page.find("Thực"); ++i) cps += (static_cast<unsigned char>(page[i]) & 0xC0) != 0x80;
    CHECK(p.column == cps + 1);
}

TEST_CASE("hostile: many Markdown items and paragraphs, one long HTML line") {
    CHECK(blocks_of(repeat("- mục\n", 50000), "md") == 50000);  // at the block limit
    CHECK(blocks_of(repeat("Đoạn văn.\n\n", 50000), "md") == 50000);
    // One physical line: no block copies the whole line as its source.
    auto r = ingest::read_bytes(repeat("<p>đoạn", 40000), "html", "x.html", ingest::Options{});
    auto* doc = std::get_if<SourceDocument>(&r);
    REQUIRE(doc);
    size_t source_bytes = 0;
    for (const auto& b : doc->blocks) source_bytes += b.source.size();
    CHECK(source_bytes < 10u << 20);
}

TEST_CASE("hostile: many bases, identical headings and numbered lines: linear, a bounded number of findings") {
    // 50,000 "Căn cứ" lines (the bases) and as many identical headings: the
    // fragment rule once scanned every basis for every line, citation.repeated
    // every citation for every repetition.
    std::string bases;
    for (int i = 0; i < 50000; ++i)
        bases += "Căn cứ Nghị định số " + std::to_string(i % 900 + 1) +
                 "/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ quy định;\n";
    auto r = timed(bases, "txt");
    CHECK_FALSE(r.unreadable);
    auto h = timed(repeat("I. MỤC TIÊU\n", 50000), "txt");
    CHECK_FALSE(h.unreadable);
    // One rule lists at most kMaxFindingsPerRule findings in a document, and
    // one more says how many it did not list.
    // (fuzz/hostile/generate.py's txt-big.txt, 12,000 lines: "1." to "9." over and over.)
    std::string numbered = "ỦY BAN NHÂN DÂN XÃ AN BÌNH\nSố: 12/KH-UBND\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2024\n";
    for (int i = 0; i < 12000; ++i)
        numbered += std::to_string(i % 9 + 1) + ". Tổ chức tuyên truyền nội dung số " + std::to_string(i) +
                    " đến các thôn, tổ dân phố trên địa bàn.\n";
    pipeline::Options o;
    o.check.lang = "en";
    auto n = pipeline::check_bytes(numbered, "txt", "n.txt", book(), o);
    size_t dup = 0, summaries = 0;
    for (const auto& d : n.diagnostics) {
        if (d.rule != "structure.numbering-duplicate") continue;
        ++dup;
        if (d.message.find("more findings of this rule, not listed") != std::string::npos) {
            ++summaries;
            CHECK(d.message.rfind("… and 1991 more findings", 0) == 0);
            CHECK_FALSE(d.legal_basis.empty());
            CHECK(d.line > 10000u);
        }
    }
    CHECK(dup == rules::kMaxFindingsPerRule + 1);
    CHECK(summaries == 1);
}
