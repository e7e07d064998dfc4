// Phases, objectives, months and the issue date extracted from plans.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "extract/date_line.h"
#include "extract/extract.h"
#include "helpers.h"

using plancheck::test::analyze_text;
using namespace plancheck;

namespace {
std::string read_seed() {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(plancheck::test::shared_dir()) / "seeds";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return {};
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().rfind("001_", 0) == 0) {
            std::ifstream in(e.path());
            std::stringstream ss;
            ss << in.rdbuf();
            return ss.str();
        }
    return {};
}
const char* kPlan =
    "KẾ HOẠCH\n"
    "Tuyên truyền bảo hiểm xã hội giai đoạn 2021 - 2025\n"
    "Căn cứ Nghị quyết số 03-NQ/ĐH ngày 14/10/2020 của Đại hội, nhiệm kỳ 2020-2025;\n"
    "I. MỤC TIÊU\n"
    "1. Mục tiêu cụ thể\n"
    "- Đến năm 2025, phấn đấu đạt khoảng 45% lực lượng lao động trong độ tuổi tham gia BHXH, "
    "trong đó nông dân và lao động khu vực phi chính thức tham gia BHXH tự nguyện chiếm khoảng 2,5% lực lượng lao động trong độ tuổi.\n"
    "- Lấy tháng 5 hằng năm là tháng vận động triển khai BHXH toàn dân.\n"
    "- Tổ chức hội nghị ngày 07 tháng 6 năm 2021.\n"
    "II. LỘ TRÌNH THỰC HIỆN\n"
    "1. Giai đoạn 2021 - 2023\n"
    "Năm 2022: tổ chức tập huấn.\n"
    "2. Từ năm 2024 đến năm 2025\n";
}  // namespace

TEST_CASE("phases: roadmap headings, ranges in passing and title horizon") {
    auto a = analyze_text(kPlan);
    const auto& ph = a->model.phases;
    std::vector<std::tuple<int, int, bool>> got;
    for (const auto& p : ph) got.emplace_back(p.from, p.to, p.roadmap);
    // Title horizon (not roadmap), the term of office in a basis is not scanned
    // (bases are outside the body), two roadmap headings.
    REQUIRE(got == std::vector<std::tuple<int, int, bool>>{
                       {2021, 2025, false}, {2021, 2023, true}, {2022, 2022, true}, {2024, 2025, true}});
    CHECK(ph[0].in_title);
    CHECK(ph[1].heading);
    CHECK(ph[2].parent_phase == 1);
    CHECK(ph[3].heading);
    CHECK(ph[3].parent_phase == -1);
}

TEST_CASE("phases: a single year inside a roadmap phase is a step of it") {
    auto a = analyze_text(
        "I. LỘ TRÌNH\n1. Giai đoạn 2020 - 2025\n- Năm 2022: rà soát.\n2. Giai đoạn 2026 - 2030\n");
    const auto& ph = a->model.phases;
    REQUIRE(ph.size() == 3);
    CHECK(ph[1].from == 2022);
    CHECK(ph[1].roadmap);
    CHECK(ph[1].parent_phase == 0);
    CHECK(ph[2].parent_phase == -1);
}

TEST_CASE("phases: 'nhiệm kỳ' in running text is not a roadmap phase") {
    auto a = analyze_text("I. NỘI DUNG\nThực hiện Nghị quyết Đại hội nhiệm kỳ 2020-2025 của tỉnh.\n");
    REQUIRE(a->model.phases.size() == 1);
    CHECK_FALSE(a->model.phases[0].roadmap);
}

TEST_CASE("objectives: value, year, approximation and subject window") {
    auto a = analyze_text(kPlan);
    const auto& ob = a->model.objectives;
    REQUIRE(ob.size() == 2);
    CHECK(ob[0].value == 45);
    CHECK(ob[0].year == 2025);
    CHECK(ob[0].approximate);
    CHECK(extract::subject_of(a->doc, ob[0]).find("lực lượng lao động") != std::string::npos);
    CHECK(extract::subject_of(a->doc, ob[0]).find("tự nguyện") == std::string::npos);
    CHECK(ob[1].value == Approx(2.5));
    CHECK(ob[1].year == 2025);
    CHECK(extract::subject_of(a->doc, ob[1]).find("tự nguyện") != std::string::npos);
}

TEST_CASE("objectives: year from a heading; dates are not due years") {
    auto a = analyze_text(
        "I. MỤC TIÊU\n1. Đến năm 2030:\n- 100% cán bộ được tuyên truyền.\n"
        "2. Theo Kế hoạch ngày 07 tháng 6 năm 2021, 90% đơn vị tổ chức hội nghị.\n");
    const auto& ob = a->model.objectives;
    REQUIRE(ob.size() == 2);
    CHECK(ob[0].year == 2030);
    CHECK(ob[1].year == 0);
}

TEST_CASE("months: only a month said to be something") {
    auto a = analyze_text(kPlan);
    REQUIRE(a->model.months.size() == 1);
    CHECK(a->model.months[0].month == 5);
    CHECK(a->model.months[0].what.rfind("tháng vận động", 0) == 0);
}

TEST_CASE("issue date: blank day in a draft header") {
    auto a = analyze_text("Số: /KH-STNMT\nKhánh Hòa, ngày   tháng 12 năm 2021\nKẾ HOẠCH\nTuyên truyền\n");
    CHECK(a->model.issue_date.day == 0);
    CHECK(a->model.issue_date.month == 12);
    CHECK(a->model.issue_date.year == 2021);
}

TEST_CASE("seed plan: phases and Decision 1676 targets") {
    std::string text = read_seed();
    if (text.empty()) { WARN("skipped: ../shared/seeds not present"); return; }
    auto a = analyze_text(text);
    std::vector<std::pair<int, int>> roadmap;
    for (const auto& p : a->model.phases)
        if (p.roadmap) roadmap.emplace_back(p.from, p.to);
    CHECK(roadmap == std::vector<std::pair<int, int>>{{2020, 2025}, {2026, 2030}});
    std::vector<std::pair<int, double>> targets;
    for (const auto& o : a->model.objectives) targets.emplace_back(o.year, o.value);
    CHECK(targets == std::vector<std::pair<int, double>>{{2025, 100}, {2030, 100}, {2025, 100}});
    REQUIRE(a->model.months.size() == 1);
    CHECK(a->model.months[0].month == 5);
}

TEST_CASE("issue date: a V/v line citing a dated document is not the place-date line") {
    // When the header's place-date line is blank or lost, the structure stage may
    // take the V/v line for it; the date inside that line is the cited document's.
    auto r = ingest::read_text("Số: /BXD-QLN\nV/v góp ý dự thảo Thông tư thay thế Thông tư số 19/2016/TT-BXD ngày "
                               "30/6/2016\nHà Nội, ngày   tháng   năm 2025\n",
                               "t.txt", {});
    auto doc = std::get<SourceDocument>(r);
    Outline o;
    o.header.place_date = 1;
    CHECK(extract::extract_issue_date(doc, o).empty());
    o.header.place_date = 2;
    CHECK(extract::extract_issue_date(doc, o).year == 2025);
    for (const char* line : {"Về việc cho ý kiến Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2024",
                             "Đề nghị theo số 7 ngày 05 tháng 3 năm 2024",
                             "Số: 08/BXD-QLN V/v góp ý Thông tư số 19/2016/TT-BXD ngày 05 tháng 3 năm 2016"}) {
        auto one = std::get<SourceDocument>(ingest::read_text(line, "u.txt", {}));
        auto dl = extract::parse_date_line(one, 0);
        REQUIRE(dl);
        CHECK_FALSE(extract::place_like(*dl));
    }
    for (const char* line : {"Thành phố Hồ Chí Minh, ngày 05 tháng 3 năm 2024", "Phường 3, ngày 05 tháng 3 năm 2024",
                             "ngày 05 tháng 3 năm 2024", "Số: 08/KH-UBND\tPhú Yên, ngày 05 tháng 3 năm 2024",
                             "Số: 731 /SXD-QLN Phú Yên, ngày 05 tháng 3 năm 2024"}) {
        auto one = std::get<SourceDocument>(ingest::read_text(line, "u.txt", {}));
        auto dl = extract::parse_date_line(one, 0);
        REQUIRE(dl);
        CHECK(extract::place_like(*dl));
    }
}
