// The presentation rules on PDFs (Decree 30/2020 Appendix I): a PDF written
// by a word processor names its fonts ("TimesNewRomanPS-BoldMT") and sizes,
// so the font family, the sizes of the components, bold and italic are read
// from them, as notes; alignment, indents, spacing, margins and page numbers
// are not in a PDF and are never judged. A PDF that no word processor wrote
// (a scan with an OCR layer) gives no presentation finding at all.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <set>

#include "helpers.h"
#include "ingest/ingest.h"
#include "ingest/pdf/pdf_fonts.h"
#include "ingest/pdf_writer.h"
#include "pipeline/pipeline.h"

using namespace plancheck;
namespace fs = std::filesystem;

namespace {

rules::RuleBook& book() {
    static rules::RuleBook b = rules::load_rulebook(test::source_dir() + "/rules");
    return b;
}

std::vector<Diagnostic> presentation(std::string_view bytes) {
    pipeline::Options o;
    o.check.today = {23, 11, 2026};
    std::vector<Diagnostic> out;
    for (auto& d : pipeline::check_bytes(bytes, "pdf", "plan.pdf", book(), o).diagnostics)
        if (d.rule.rfind("nd30.presentation.", 0) == 0) out.push_back(d);
    return out;
}

std::set<std::string> rules_of(const std::vector<Diagnostic>& ds) {
    std::set<std::string> out;
    for (const auto& d : ds) out.insert(d.rule);
    return out;
}

// What a document varies: the fonts (BaseFont names as Word writes them) and sizes.
struct Look {
    std::string regular = "TimesNewRomanPSMT", bold = "TimesNewRomanPS-BoldMT", italic = "TimesNewRomanPS-ItalicMT";
    double national = 12, body = 14;
    bool national_bold = true;
    std::string producer = "Microsoft® Word 2016";
    double width = 595.32, height = 841.92;
    bool swapped = false;  // the left and right columns of the header and closing exchanged
};

// A plan laid out as Decree 30's template, printed as Word prints it (the
// body justified, so its lines run from margin to margin).
std::string plan(const Look& l) {
    test::PdfWriter w;
    w.producer = l.producer;
    w.page_width = l.width, w.page_height = l.height;
    int R = w.add_font(l.regular), B = w.add_font(l.bold), I = w.add_font(l.italic);
    // Positions from the top of the page, whatever its height.
    auto put = [&](double x, double y, std::string_view text, double size, bool turned, int font) {
        w.put(x, y - (842 - l.height), text, size, turned, font);
    };
    // The two columns of the header and the closing, or the other way round.
    auto lx = [&](double x) { return l.swapped ? x + 260 : x; };
    auto rx = [&](double x) { return l.swapped ? x - 250 : x; };
    put(lx(70), 800, "UBND TỈNH AN PHÚ", 13, false, R);
    put(rx(290), 800, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", l.national, false, l.national_bold ? B : R);
    put(lx(60), 785, "SỞ VĂN HÓA VÀ THỂ THAO", 13, false, B);
    put(rx(330), 785, "Độc lập - Tự do - Hạnh phúc", 14, false, B);
    put(lx(75), 762, "Số: 15/KH-SVHTT", 13, false, R);
    put(rx(310), 762, "An Phú, ngày 05 tháng 3 năm 2026", 14, false, I);
    put(270, 730, "KẾ HOẠCH", 14, false, B);
    put(150, 714, "Tổ chức giải chạy việt dã toàn tỉnh năm 2026", 14, false, B);
    double y = 690;
    auto para = [&](const std::vector<std::string>& lines, int font) {
        for (size_t k = 0; k < lines.size(); ++k) {
            put(k == 0 ? 106 : 85, y, lines[k], l.body, false, font);
            y -= 18;
        }
    };
    para({"I. MỤC ĐÍCH, YÊU CẦU"}, B);
    para({"Khuyến khích người dân trong tỉnh tham gia rèn luyện thân thể thường", "xuyên, nâng cao sức khỏe và tinh thần đoàn kết trong cộng đồng dân cư."}, R);
    para({"II. NỘI DUNG"}, B);
    para({"Giải chạy diễn ra vào sáng Chủ nhật, ngày 26 tháng 4 năm 2026, xuất", "phát tại quảng trường trung tâm tỉnh, cự ly 5 km và 10 km."}, R);
    para({"Kinh phí tổ chức giải được bố trí từ nguồn sự nghiệp thể dục, thể thao", "năm 2026 đã giao cho Sở và nguồn xã hội hóa hợp pháp."}, R);
    put(lx(70), 420, "Nơi nhận:", 12, false, w.add_font(l.bold + "Italic"));
    put(rx(340), 420, "KT. GIÁM ĐỐC", 14, false, B);
    put(lx(70), 406, "- UBND tỉnh (để b/c);", 11, false, R);
    put(rx(340), 404, "PHÓ GIÁM ĐỐC", 14, false, B);
    put(lx(70), 394, "- Lưu: VT, NVTDTT.", 11, false, R);
    put(rx(335), 340, "Trần Minh Khoa", 14, false, B);
    return w.build();
}

}  // namespace

TEST_CASE("pdf font names: subset tags, PostScript names, faces, legacy fonts", "[presentation][pdf]") {
    using ingest::pdf::parse_font_name;
    auto f = parse_font_name("ABCDEF+TimesNewRomanPS-BoldItalicMT");
    CHECK(f.family == "Times New Roman");
    CHECK((f.bold && f.italic));
    f = parse_font_name("TimesNewRomanPSMT");
    CHECK((f.family == "Times New Roman" && !f.bold && !f.italic));
    f = parse_font_name("Times New Roman,Bold");
    CHECK((f.family == "Times New Roman" && f.bold && !f.italic));
    CHECK(parse_font_name("Times-Italic").family == "Times New Roman");
    CHECK(parse_font_name("Times-Italic").italic);
    f = parse_font_name("Arial-BoldMT");
    CHECK((f.family == "Arial" && f.bold));
    CHECK(parse_font_name("CalibriLight").family == "Calibri Light");
    f = parse_font_name("QWERTY+.VnTimeH,Bold");
    CHECK((f.family == ".VnTimeH" && f.bold));
    f = parse_font_name("VNI-Times-Bold");
    CHECK((f.family == "VNI-Times" && f.bold));
    CHECK(parse_font_name("").family.empty());

    using ingest::pdf::typeset_by_word_processor;
    CHECK(typeset_by_word_processor("Microsoft® Word 2016", ""));
    CHECK(typeset_by_word_processor("", "LibreOffice 7.4"));
    CHECK(typeset_by_word_processor("Microsoft Office Word", "Aspose.Words for Java 15.8.0.0; modified using eSignature"));
    CHECK_FALSE(typeset_by_word_processor("NAPS2", "PDFsharp 1.50"));
    CHECK_FALSE(typeset_by_word_processor("HP Scan", "HP Scan Extended Application"));
    CHECK_FALSE(typeset_by_word_processor("", "iTextSharp 5.5.5"));
}

TEST_CASE("pdf: a plan printed by Word in Times New Roman at the right sizes gives no presentation finding", "[presentation][pdf]") {
    auto found = presentation(plan(Look{}));
    std::string list;
    for (const auto& d : found) list += d.rule + ": " + d.message + "\n";
    INFO(list);
    CHECK(found.empty());
}

TEST_CASE("pdf: header and closing columns the wrong way round are notes", "[presentation][pdf]") {
    Look l;
    l.swapped = true;
    auto found = presentation(plan(l));
    std::string list;
    for (const auto& d : found) list += d.rule + ": " + d.message + "\n";
    INFO(list);
    // The closing is not judged here: printed with the signer at the left and
    // "Nơi nhận:" at the right on the same lines, the PDF layout (which reads
    // the closing's left column as the recipients) does not give the closing's
    // parts apart, and what it cannot place is never a finding.
    CHECK(rules_of(found) == std::set<std::string>{"nd30.presentation.position-header",
                                                   "nd30.presentation.position-number"});
    for (const auto& d : found) CHECK(d.severity == Severity::Info);
}

TEST_CASE("pdf: font, sizes, weight and paper as notes; nothing a PDF cannot tell", "[presentation][pdf]") {
    Look l;
    l.regular = "ABCDEF+ArialMT";  // the running text in Arial
    l.body = 12;
    l.national = 14, l.national_bold = false;
    l.width = 612, l.height = 792;  // Letter
    auto found = presentation(plan(l));
    std::string list;
    for (const auto& d : found) list += d.rule + ": " + d.message + "\n";
    INFO(list);
    CHECK(rules_of(found) == std::set<std::string>{"nd30.presentation.font", "nd30.presentation.national-title",
                                                    "nd30.presentation.body-size", "nd30.presentation.paper"});
    for (const auto& d : found) {
        CHECK(d.severity == Severity::Info);  // a PDF's facts give notes
        if (d.rule == "nd30.presentation.font") CHECK(d.message.find("Arial") != std::string::npos);
        if (d.rule == "nd30.presentation.body-size") CHECK(d.message.find("cỡ 12 pt") != std::string::npos);
        if (d.rule == "nd30.presentation.national-title") {
            CHECK(d.message.find("cỡ 14 pt") != std::string::npos);
            CHECK(d.message.find("không đậm") != std::string::npos);
        }
        if (d.rule == "nd30.presentation.paper") CHECK(d.message.find("Letter") != std::string::npos);
    }
}

TEST_CASE("pdf: a PDF no word processor wrote (a scan's OCR layer) gives no presentation finding", "[presentation][pdf]") {
    Look l;
    l.regular = "GlyphLessFont", l.body = 9, l.national_bold = false;
    l.producer = "NAPS2";
    l.width = 1110, l.height = 1590;
    CHECK(presentation(plan(l)).empty());
}

TEST_CASE("pdf: LibreOffice's own PDF of the Decree 30 template: sizes and weights right, every finding a note", "[presentation][pdf]") {
    std::string soffice = ingest::find_soffice({});
    if (soffice.empty()) {
        WARN("soffice not found: skipped");
        return;
    }
    test::TempDir dir("lo-pdf");
    fs::copy_file(fs::path(test::source_dir()) / "tests/data/presentation/nd30-template.fodt", dir.path / "nd30-template.fodt");
    std::string cmd = test::shell_quote(soffice) + " -env:UserInstallation=file://" + (dir.path / "profile").string() +
                      " --headless --convert-to pdf --outdir " + test::shell_quote(dir.path.string()) + " " +
                      test::shell_quote((dir.path / "nd30-template.fodt").string()) + " >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::string bytes = test::slurp(dir.path / "nd30-template.pdf");
    REQUIRE_FALSE(bytes.empty());
    auto found = presentation(bytes);
    std::string list;
    for (const auto& d : found) list += d.rule + ": " + d.message + "\n";
    INFO(list);
    // LibreOffice prints in the font the machine has for Times New Roman: the
    // font note names it when that is another family; nothing else is found.
    for (const auto& d : found) {
        CHECK(d.rule == "nd30.presentation.font");
        CHECK(d.severity == Severity::Info);
    }
}

namespace {

// A decision printed by Word: its articles' label "Điều 1." in bold and the
// article's text, in regular type, wrapped over two printed lines.
std::string decision(bool bold_label) {
    test::PdfWriter w;
    w.producer = "Microsoft® Word 2016";
    int R = w.add_font("TimesNewRomanPSMT"), B = w.add_font("TimesNewRomanPS-BoldMT"),
        I = w.add_font("TimesNewRomanPS-ItalicMT");
    w.put(70, 800, "ỦY BAN NHÂN DÂN", 13, false, B);
    w.put(290, 800, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, false, B);
    w.put(90, 785, "TỈNH AN PHÚ", 13, false, B);
    w.put(330, 785, "Độc lập - Tự do - Hạnh phúc", 14, false, B);
    w.put(75, 762, "Số: 21/QĐ-UBND", 13, false, R);
    w.put(310, 762, "An Phú, ngày 05 tháng 3 năm 2026", 14, false, I);
    w.put(260, 730, "QUYẾT ĐỊNH", 14, false, B);
    w.put(130, 714, "Về việc công nhận Điều lệ Hội nuôi ong tỉnh An Phú", 14, false, B);
    w.put(200, 690, "ỦY BAN NHÂN DÂN TỈNH AN PHÚ", 14, false, B);
    w.put(106, 666, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;", 14, false, I);
    w.put(106, 648, "Theo đề nghị của Giám đốc Sở Nội vụ.", 14, false, I);
    w.put(255, 624, "QUYẾT ĐỊNH:", 14, false, B);
    double y = 600;
    for (int k = 1; k <= 2; ++k) {
        std::string label = "Điều " + std::to_string(k) + ".";
        w.put(106, y, label, 14, false, bold_label ? B : R);
        w.put(106 + test::PdfWriter::width(label, 14) + 4, y, "Công nhận Điều lệ của Hội nuôi ong tỉnh An Phú đã được Đại hội", 14,
              false, R);
        w.put(85, y - 18, "thông qua ngày 20 tháng 01 năm 2026 và các nội dung kèm theo.", 14, false, R);
        y -= 42;
    }
    w.put(340, 420, "TM. ỦY BAN NHÂN DÂN", 14, false, B);
    w.put(70, 420, "Nơi nhận:", 12, false, w.add_font("TimesNewRomanPS-BoldItalicMT"));
    w.put(70, 406, "- Như Điều 2;", 11, false, R);
    w.put(360, 404, "CHỦ TỊCH", 14, false, B);
    w.put(70, 394, "- Lưu: VT.", 11, false, R);
    w.put(345, 340, "Trần Minh Khoa", 14, false, B);
    return w.build();
}

}  // namespace

// Regression: the weight of "Điều 1." was counted over the article's later
// printed lines too, so a bold label over regular text read as not bold.
TEST_CASE("pdf: an article's bold label is judged on its own, not with the lines below it", "[presentation][pdf]") {
    auto right = presentation(decision(true));
    std::string list;
    for (const auto& d : right) list += d.rule + ": " + d.message + "\n";
    INFO(list);
    CHECK_FALSE(rules_of(right).count("nd30.presentation.article"));
    CHECK(rules_of(presentation(decision(false))).count("nd30.presentation.article"));
}
