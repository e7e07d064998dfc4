// Inline suppressions (docs/config.md): directives read by the readers of
// .txt, .md, .html and .docx, applied by the pipeline after the rules, and
// how the reports, exit codes, baselines and --fix treat suppressed findings.
#include <catch2/catch.hpp>

#include <chrono>

#include <nlohmann/json.hpp>

#include "helpers.h"
#include "ingest/docx_writer.h"
#include "pipeline/collect.h"

using namespace plancheck;

namespace {
const rules::RuleBook& book() {
    static rules::RuleBook b = rules::load_rulebook(test::source_dir() + "/rules");
    return b;
}

pipeline::FileResult check(const std::string& text, const std::string& format) {
    pipeline::Options o;
    o.check.today = {23, 11, 2026};
    return pipeline::check_bytes(text, format, "t." + format, book(), o);
}

// The findings of `rule` at `line`: how many, and how many of them suppressed.
std::pair<int, int> at(const pipeline::FileResult& r, uint32_t line, const std::string& rule) {
    int n = 0, s = 0;
    for (const auto& d : r.diagnostics)
        if (d.line == line && d.rule == rule) ++n, s += d.suppressed;
    return {n, s};
}

int count_rule(const pipeline::FileResult& r, const std::string& rule) {
    int n = 0;
    for (const auto& d : r.diagnostics) n += d.rule == rule;
    return n;
}

const char* kHead =
    "ỦY BAN NHÂN DÂN TỈNH BẮC NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 12/KH-UBND\nBắc Nam, ngày 10 tháng 3 năm 2022\n\nKẾ HOẠCH\nTuyên truyền năm 2022\n\n"
    "I. MỤC TIÊU\n";
// Line 11 and line 13 each hold the same typo ("tuyên chuyền").
std::string plan_with(const std::string& before_11, const std::string& before_13) {
    return std::string(kHead) + before_11 + "1. Tăng cường công tác tuyên chuyền về bảo hiểm xã hội.\n" + before_13 +
           "2. Đẩy mạnh tuyên chuyền về bảo hiểm y tế.\n";
}
}  // namespace

TEST_CASE("directive comments are parsed, other comments are not directives", "[suppression]") {
    auto d = parse_directive("  plancheck-disable text.typo, nd30.header.number -- tên riêng ");
    REQUIRE(d);
    CHECK(d->kind == Directive::Kind::Disable);
    CHECK(d->names == std::vector<std::string>{"text.typo", "nd30.header.number"});
    CHECK(parse_directive("plancheck-enable")->names.empty());
    CHECK(parse_directive("plancheck-disable-next-line text.typo")->kind == Directive::Kind::DisableNextLine);
    CHECK(parse_directive("plancheck-disabel text.typo")->kind == Directive::Kind::Unknown);
    CHECK_FALSE(parse_directive("ghi chú của người soạn"));
    CHECK_FALSE(parse_directive("xem plancheck-disable"));
}

TEST_CASE(".txt: disable/enable ranges, next-line, and the directive line is not text", "[suppression]") {
    // Without directives: both typos found, no suppression findings.
    auto plain = check(plan_with("", ""), "txt");
    REQUIRE(at(plain, 11, "text.typo.confusions").first == 1);
    REQUIRE(at(plain, 12, "text.typo.confusions").first == 1);

    // disable ... enable around the first item only.
    auto r = check(plan_with("# plancheck-disable text.typo\n", "// plancheck-enable text.typo\n"), "txt");
    CHECK(at(r, 12, "text.typo.confusions") == std::pair{1, 1});
    CHECK(at(r, 14, "text.typo.confusions") == std::pair{1, 0});
    CHECK(count_rule(r, "suppression.unused") == 0);
    // The directive lines hold no findings (they are not document text) and
    // do not change the outline: the typos are still in the section.
    for (const auto& d : r.diagnostics) CHECK((d.line != 11 && d.line != 13));

    // disable-next-line by rule id skips blank lines to the next text line.
    auto n = check(plan_with("# plancheck-disable-next-line text.typo.confusions\n\n", ""), "txt");
    CHECK(at(n, 13, "text.typo.confusions") == std::pair{1, 1});
    CHECK(at(n, 14, "text.typo.confusions") == std::pair{1, 0});

    // A bare disable (every rule) open to the end also takes whole-file findings.
    auto all = check("# plancheck-disable\n" + plan_with("", ""), "txt");
    bool any_unsuppressed = false;
    for (const auto& d : all.diagnostics) any_unsuppressed |= !d.suppressed && d.rule != "suppression.unused";
    CHECK_FALSE(any_unsuppressed);
}

TEST_CASE("unused and unknown names are reported at the directive", "[suppression]") {
    auto r = check(plan_with("# plancheck-disable-next-line text.typo citation.unknown\n",
                             "# plancheck-disable text.typo.confusoins\n# plancheck-enabel\n"),
                   "txt");
    CHECK(at(r, 12, "text.typo.confusions") == std::pair{1, 1});
    // citation.unknown matched nothing on line 12.
    REQUIRE(at(r, 11, "suppression.unused").first == 1);
    for (const auto& d : r.diagnostics) {
        if (d.rule == "suppression.unused") {
            CHECK(d.severity == Severity::Info);
            CHECK(d.message.find("citation.unknown") != std::string::npos);
            CHECK(d.excerpt.find("plancheck-disable-next-line") != std::string::npos);
        }
        if (d.rule == "suppression.unknown" && d.line == 13) {
            CHECK(d.severity == Severity::Warning);
            CHECK(d.message.find("text.typo.confusions") != std::string::npos);  // the closest name
        }
        if (d.rule == "suppression.unknown" && d.line == 14) CHECK(d.message.find("plancheck-enable") != std::string::npos);
    }
    CHECK(at(r, 13, "suppression.unknown").first == 1);
    CHECK(at(r, 14, "suppression.unknown").first == 1);
    // The misspelt disable suppressed nothing.
    CHECK(at(r, 15, "text.typo.confusions") == std::pair{1, 0});
}

TEST_CASE(".md and .html: comments carry directives", "[suppression]") {
    std::string md = plan_with("<!-- plancheck-disable-next-line text.typo -->\n", "");
    auto m = check(md, "md");
    CHECK(at(m, 12, "text.typo.confusions") == std::pair{1, 1});
    CHECK(at(m, 13, "text.typo.confusions") == std::pair{1, 0});

    std::string html = "<html><body>\n<p>ỦY BAN NHÂN DÂN TỈNH BẮC NAM</p>\n<!-- plancheck-disable text.typo -->\n"
                       "<p>Tăng cường công tác tuyên chuyền về bảo hiểm xã hội.</p>\n<!-- plancheck-enable -->\n"
                       "<p>Đẩy mạnh tuyên chuyền về bảo hiểm y tế.</p>\n</body></html>\n";
    auto h = check(html, "html");
    CHECK(at(h, 4, "text.typo.confusions") == std::pair{1, 1});
    CHECK(at(h, 6, "text.typo.confusions") == std::pair{1, 0});
}

TEST_CASE(".docx: a Word comment covers the paragraphs it is anchored on", "[suppression]") {
    test::DocxWriter w;
    using W = test::DocxWriter;
    w.body = W::para("ỦY BAN NHÂN DÂN TỈNH BẮC NAM") +
             "<w:p><w:commentRangeStart w:id=\"7\"/><w:r><w:t>Tăng cường công tác tuyên chuyền về bảo hiểm xã hội.</w:t></w:r></w:p>"
             "<w:p><w:r><w:t>Đẩy mạnh tuyên chuyền về bảo hiểm y tế.</w:t></w:r><w:commentRangeEnd w:id=\"7\"/>"
             "<w:r><w:commentReference w:id=\"7\"/></w:r></w:p>" +
             W::para("Tiếp tục tuyên chuyền về an toàn giao thông.") +
             "<w:p><w:commentRangeStart w:id=\"8\"/><w:r><w:t>Nội dung không có lỗi.</w:t></w:r><w:commentRangeEnd w:id=\"8\"/></w:p>";
    w.comments = "<w:comment w:id=\"7\" w:author=\"A\">" + W::para("plancheck-disable text.typo") + "</w:comment>"
                 "<w:comment w:id=\"8\" w:author=\"A\">" + W::para("plancheck-disable text.typo") + "</w:comment>"
                 "<w:comment w:id=\"9\" w:author=\"A\">" + W::para("Đề nghị xem lại") + "</w:comment>";
    pipeline::Options o;
    o.check.today = {23, 11, 2026};
    auto r = pipeline::check_bytes(w.build(), "docx", "t.docx", book(), o);
    CHECK(at(r, 2, "text.typo.confusions") == std::pair{1, 1});
    CHECK(at(r, 3, "text.typo.confusions") == std::pair{1, 1});
    CHECK(at(r, 4, "text.typo.confusions") == std::pair{1, 0});
    CHECK(at(r, 5, "suppression.unused").first == 1);
    CHECK(count_rule(r, "suppression.unused") == 1);  // an ordinary comment is no directive
}

namespace {
using Run = test::ShellRun;
Run run(const test::TempDir& dir, const std::string& args) {
    Run r = test::run_shell(dir.path, "PLANCHECK_RULES=" + test::shell_quote(test::source_dir() + "/rules") + " " +
                                          test::shell_quote(PLANCHECK_BINARY) + " " + args);
    return r;
}
}  // namespace

TEST_CASE("CLI: suppressed findings are kept in JSON and SARIF, hidden in text, never fail", "[suppression]") {
    test::TempDir dir("suppress");
    // Only the typo is an error-free warning here; --fail-on warning makes it fail when counted.
    dir.write("kh.txt", plan_with("# plancheck-disable-next-line text.typo\n", ""));
    dir.write("one.txt", plan_with("# plancheck-disable text.typo.confusions\n", ""));

    auto text = run(dir, "check --lang en --fail-on none one.txt");
    CHECK(text.out.find("[text.typo.confusions]") == std::string::npos);
    CHECK(text.out.find("2 suppressed") != std::string::npos);
    auto shown = run(dir, "check --lang en --fail-on none --show-suppressed one.txt");
    CHECK(shown.out.find("(suppressed by \"plancheck-disable text.typo.confusions\", line 11)") != std::string::npos);

    auto json = run(dir, "check --format json --fail-on none kh.txt");
    auto j = nlohmann::json::parse(json.out);
    int suppressed = 0;
    for (const auto& d : j["files"][0]["diagnostics"])
        if (d.value("suppressed", false)) {
            ++suppressed;
            CHECK(d["suppression"]["directive"] == "plancheck-disable-next-line text.typo");
            CHECK(d["suppression"]["line"] == 11);
        }
    CHECK(suppressed == 1);
    CHECK(j["summary"]["suppressed"] == 1);

    auto sarif = nlohmann::json::parse(run(dir, "check --format sarif --fail-on none kh.txt").out);
    int in_source = 0;
    for (const auto& r : sarif["runs"][0]["results"])
        if (r.contains("suppressions")) {
            CHECK(r["suppressions"][0]["kind"] == "inSource");
            ++in_source;
        }
    CHECK(in_source == 1);

    // Exit code: the unsuppressed typo fails the run with --fail-on warning.
    CHECK(run(dir, "check --fail-on warning kh.txt").code == 1);
    // A report whose only finding is the typo: suppressed, the run passes
    // --fail-on warning; the same report without the directive fails it.
    const std::string clean_head =
        "UBND TỈNH NAM SƠN\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 41/BC-SGDĐT\nNam Sơn, ngày 12 tháng 6 năm 2025\nBÁO CÁO\nKết quả công tác thư viện năm học 2024-2025\n"
        "I. KẾT QUẢ THỰC HIỆN\n1. Công tác bổ sung sách được thực hiện đúng kế hoạch.\n";
    const std::string clean_tail =
        "2. Công tác tuyên chuyền giới thiệu sách được duy trì.\nII. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN\n"
        "1. Tồn tại, hạn chế: một số trường còn thiếu phòng đọc.\n2. Nguyên nhân: kinh phí còn hạn chế.\n"
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM HỌC TỚI\nTiếp tục bổ sung sách cho các trường vùng khó.\n"
        "IV. KIẾN NGHỊ, ĐỀ XUẤT\nĐề nghị Ủy ban nhân dân tỉnh hỗ trợ kinh phí.\nNơi nhận:\n- Ủy ban nhân dân tỉnh;\n"
        "- Lưu: VT, VP.\nGIÁM ĐỐC\nTrần Minh Khoa\n";
    dir.write("bc.txt", clean_head + clean_tail);
    dir.write("bc-off.txt", clean_head + "# plancheck-disable-next-line text.typo.confusions -- đã xem\n" + clean_tail);
    auto counted = run(dir, "check --format json --fail-on warning bc.txt");
    REQUIRE(nlohmann::json::parse(counted.out)["files"][0]["diagnostics"].size() == 1);  // the typo alone
    CHECK(counted.code == 1);
    auto passed = run(dir, "check --fail-on warning bc-off.txt");
    CHECK(passed.code == 0);
    CHECK(passed.out.find("0 lỗi, 0 cảnh báo, 0 lưu ý; 1 tệp không có vấn đề; 1 phát hiện đã bỏ qua") != std::string::npos);

    // CSV leaves suppressed findings out; a baseline does not record them.
    auto csv = run(dir, "check --format csv --fail-on none one.txt");
    CHECK(csv.out.find("text.typo.confusions") == std::string::npos);
    run(dir, "check --write-baseline b.json one.txt");
    CHECK(test::slurp(dir.path / "b.json").find("text.typo.confusions") == std::string::npos);

    // Through forked workers (a batch) the marks survive.
    auto batch = nlohmann::json::parse(run(dir, "check --format json --fail-on none -j 2 kh.txt one.txt").out);
    CHECK(batch["summary"]["suppressed"] == 3);
}

TEST_CASE("CLI: --fix does not apply a suppressed finding's correction", "[suppression]") {
    test::TempDir dir("suppress-fix");
    std::string doc = plan_with("# plancheck-disable-next-line text.typo\n", "");
    dir.write("kh.txt", doc);
    run(dir, "check --fix --fail-on none kh.txt");
    std::string after = test::slurp(dir.path / "kh.txt");
    CHECK(after.find("công tác tuyên chuyền về bảo hiểm xã hội") != std::string::npos);  // suppressed: kept
    CHECK(after.find("Đẩy mạnh tuyên chuyền") == std::string::npos);                     // fixed
}

TEST_CASE("hostile documents: thousands of directives and names stay fast and bounded", "[suppression]") {
    std::string doc = plan_with("", "");
    for (int i = 0; i < 5000; ++i) doc += "# plancheck-disable text.typo nhom" + std::to_string(i) + "\n";
    std::string many_names = "# plancheck-disable-next-line";
    for (int i = 0; i < 5000; ++i) many_names += " x" + std::to_string(i);
    doc = many_names + "\n" + doc;
    std::string one_line = "<p>Một tuyên chuyền.</p>";
    for (int i = 0; i < 20000; ++i) one_line += "<!-- plancheck-disable text.typo -->";
    auto t0 = std::chrono::steady_clock::now();
    auto r = check(doc, "txt");
    auto h = check(one_line + "\n", "html");
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(secs < 10);
    size_t overflow = 0, unknown = 0;
    for (const auto& d : r.diagnostics)
        if (d.rule == "suppression.unknown") ++unknown, overflow += d.message.find("hơn 200 chỉ thị") != std::string::npos;
    CHECK(overflow == 1);
    CHECK(unknown <= kMaxDirectives * kMaxDirectiveNames + 1);
    size_t h_unused = 0;
    for (const auto& d : h.diagnostics) h_unused += d.rule == "suppression.unused";
    CHECK(h_unused <= kMaxDirectives);
}
