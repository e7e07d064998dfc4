// The batch reviewer's command line: near-copies across unit folders in the
// text, JSON, HTML and --summary reports; --format gnu and the text output
// against the problem-matcher regexes documented in docs/ci.md; CSV with
// --csv-separator.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "helpers.h"

namespace fs = std::filesystem;
using namespace plancheck;

namespace {
// A report of a commune (invented), whose section I is `body`.
std::string report(const std::string& agency, const std::string& date, const std::string& body) {
    return "UBND HUYỆN HÒA AN\n" + agency + "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
           "Số: 15/BC-UBND\nHòa An, " + date + "\nBÁO CÁO\nKết quả công tác tuyên truyền quý I năm 2025\n"
           "I. KẾT QUẢ THỰC HIỆN\n" + body + "\nII. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II\nTiếp tục tuyên truyền trên loa truyền thanh.\n"
           "Nơi nhận:\n- Ủy ban nhân dân huyện;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn Bình\n";
}
const std::string kShared =
    "Trong quý I, Ủy ban nhân dân xã đã tổ chức mười hai buổi tuyên truyền tại các thôn về phòng chống cháy rừng, "
    "phát hơn ba trăm tờ rơi cho các hộ gia đình sống gần bìa rừng, phối hợp với Đoàn Thanh niên ra quân dọn dẹp "
    "đường băng cản lửa và kiểm tra các điểm có nguy cơ cháy cao trên địa bàn, qua đó nhận thức của nhân dân được "
    "nâng lên rõ rệt và không để xảy ra vụ cháy nào trong mùa khô.";
}  // namespace

TEST_CASE("cli: near-copies between two units are reported with both paths, dates and the passage", "[cli][near]") {
    test::TempDir dir("near-cli");
    for (const char* unit : {"Xã Bình Minh", "Xã Hưng Đạo", "Xã Quang Trung"}) fs::create_directories(dir.path / "don-vi" / unit);
    dir.write("don-vi/Xã Bình Minh/bao-cao.txt", report("UBND XÃ BÌNH MINH", "ngày 20 tháng 3 năm 2025", kShared));
    dir.write("don-vi/Xã Hưng Đạo/bao-cao.txt", report("UBND XÃ HƯNG ĐẠO", "ngày 27 tháng 3 năm 2025", kShared));
    dir.write("don-vi/Xã Quang Trung/bao-cao.txt",
              report("UBND XÃ QUANG TRUNG", "ngày 25 tháng 3 năm 2025",
                     "Xã đã tổ chức hội nghị triển khai công tác cải cách hành chính, rà soát thủ tục và niêm yết công khai."));
    auto bin = test::shell_quote(PLANCHECK_BINARY) + " check --no-config --fail-on none ";
    auto json = test::run_shell(dir.path, bin + "--format json --near-copies don-vi");
    INFO(json.err);
    INFO(json.out);
    auto j = nlohmann::json::parse(json.out);
    REQUIRE(j.contains("near_copies"));
    REQUIRE(j["near_copies"].size() == 1);
    const auto& nc = j["near_copies"][0];
    CHECK(nc["files"][0]["path"] == "don-vi/Xã Bình Minh/bao-cao.txt");
    CHECK(nc["files"][0]["date"] == "2025-03-20");
    CHECK(nc["files"][1]["path"] == "don-vi/Xã Hưng Đạo/bao-cao.txt");
    CHECK(nc["files"][1]["date"] == "2025-03-27");
    CHECK(nc["earlier"] == "don-vi/Xã Bình Minh/bao-cao.txt");
    CHECK(nc["shared_words"].get<int>() >= 60);
    CHECK(nc["passage"].get<std::string>().find("mười hai buổi tuyên truyền") != std::string::npos);
    // Off unless asked for in JSON and text; on for --summary and HTML.
    CHECK_FALSE(nlohmann::json::parse(test::run_shell(dir.path, bin + "--format json don-vi").out).contains("near_copies"));
    auto text = test::run_shell(dir.path, bin + "--near-copies don-vi");
    CHECK(text.out.find("Văn bản gần trùng giữa các đơn vị (1 cặp)\n  don-vi/Xã Bình Minh/bao-cao.txt (2025-03-20, sớm hơn) — "
                        "don-vi/Xã Hưng Đạo/bao-cao.txt (2025-03-27, muộn hơn)") != std::string::npos);
    CHECK(test::run_shell(dir.path, bin + "--summary don-vi").out.find("Văn bản gần trùng") != std::string::npos);
    CHECK(test::run_shell(dir.path, bin + "--summary --no-near-copies don-vi").out.find("Văn bản gần trùng") == std::string::npos);
    test::run_shell(dir.path, bin + "--format html -o r.html don-vi");
    std::string html = test::slurp(dir.path / "r.html");
    CHECK(html.find("Văn bản gần trùng giữa các đơn vị (1)") != std::string::npos);
    CHECK(html.find("mười hai buổi tuyên truyền") != std::string::npos);
    // In-process (no worker) gives the same pairs.
    auto inproc = test::run_shell(dir.path, "PLANCHECK_NO_WORKERS=1 " + bin + "--format json --near-copies don-vi");
    CHECK(nlohmann::json::parse(inproc.out)["near_copies"] == j["near_copies"]);
}

TEST_CASE("cli: --format gnu and the text output match the problem-matcher regexes of docs/ci.md", "[cli][gnu]") {
    // The regexes as docs/ci.md prints them (one per line after the markers).
    std::string doc = test::slurp(fs::path(test::source_dir()) / "docs/ci.md");
    auto regex_after = [&](const std::string& marker) {
        size_t at = doc.find(marker);
        REQUIRE(at != std::string::npos);
        at = doc.find("```\n", at) + 4;
        return doc.substr(at, doc.find('\n', at) - at);
    };
    std::regex gnu(regex_after("<!-- regex: gnu -->")), text(regex_after("<!-- regex: text -->"));
    test::TempDir dir("gnu");
    fs::path repo = test::source_dir();
    for (const char* f : {"plan-typos.txt", "citations-malformed.txt"})
        fs::copy_file(repo / "corpus/plans" / f, dir.path / f);
    auto bin = test::shell_quote(PLANCHECK_BINARY) + " check --no-config --fail-on none ";
    for (const auto& [args, re, minimum] :
         {std::tuple{std::string("--format gnu"), &gnu, 3}, std::tuple{std::string("--lang en --format gnu"), &gnu, 3},
          std::tuple{std::string(""), &text, 3}}) {
        auto r = test::run_shell(dir.path, bin + args + " plan-typos.txt citations-malformed.txt");
        std::istringstream lines(r.out);
        int matched = 0;
        std::set<std::string> severities;
        for (std::string line; std::getline(lines, line);) {
            std::smatch m;
            if (std::regex_match(line, m, *re)) {
                ++matched;
                CHECK(std::stoi(m[2]) >= 1);
                CHECK(fs::exists(dir.path / m[1].str()));
                severities.insert(m[4]);
                CHECK_FALSE(m[6].str().empty());  // the rule id
            } else if (re == &gnu) {
                FAIL_CHECK("not a gnu line: " << line);
            }
        }
        INFO(args << "\n" << r.out);
        CHECK(matched >= minimum);
        if (re == &gnu)
            for (const auto& s : severities) CHECK((s == "error" || s == "warning" || s == "note"));
        else
            for (const auto& s : severities) CHECK((s == "lỗi" || s == "cảnh báo" || s == "lưu ý"));
    }
}

TEST_CASE("cli: csv with a BOM and --csv-separator ;", "[cli][csv]") {
    test::TempDir dir("csv-sep");
    fs::copy_file(fs::path(test::source_dir()) / "corpus/plans/plan-typos.txt", dir.path / "kế hoạch; số 1.txt");
    auto bin = test::shell_quote(PLANCHECK_BINARY) + " check --no-config --fail-on none --format csv ";
    auto semi = test::run_shell(dir.path, bin + "--csv-separator ';' 'kế hoạch; số 1.txt'");
    REQUIRE(semi.out.rfind("\xEF\xBB\xBFpath;line;column;end_line;end_column;severity;category;rule;message;legal_basis;excerpt\r\n", 0) == 0);
    // The path holds the separator: quoted. A comma is no longer special.
    CHECK(semi.out.find("\r\n\"kế hoạch; số 1.txt\";") != std::string::npos);
    auto comma = test::run_shell(dir.path, bin + "'kế hoạch; số 1.txt'");
    CHECK(comma.out.find("\r\nkế hoạch; số 1.txt,") != std::string::npos);
    // Same rows, another separator.
    CHECK(std::count(semi.out.begin(), semi.out.end(), '\n') == std::count(comma.out.begin(), comma.out.end(), '\n'));
    auto tab = test::run_shell(dir.path, bin + "--csv-separator tab 'kế hoạch; số 1.txt'");
    CHECK(tab.out.find("path\tline\tcolumn") != std::string::npos);
    auto bad = test::run_shell(dir.path, bin + "--csv-separator x 'kế hoạch; số 1.txt'");
    CHECK(bad.code == 2);
    CHECK(bad.err.find("--csv-separator must be one of") != std::string::npos);
}
