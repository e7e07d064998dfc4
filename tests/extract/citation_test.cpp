// Citation extraction: the forms of issue 4, one behaviour per test.
#include <catch2/catch.hpp>

#include "extract/citation_lexicon.h"
#include "extract/citation_scan.h"
#include "extract/dates.h"
#include "helpers.h"

using namespace plancheck;
using plancheck::extract::scan_citations;

namespace {
std::string span(std::string_view text, const TextRef& r) { return std::string(text.substr(r.begin, r.end - r.begin)); }
}  // namespace

TEST_CASE("dates: the three written forms, kept as written even when impossible") {
    using extract::parse_date_at;
    CHECK(parse_date_at("21/11/2019", 0)->date == Date{21, 11, 2019});
    CHECK(parse_date_at("23-5-2018", 0)->date == Date{23, 5, 2018});
    CHECK(parse_date_at("08 tháng 10 năm 2018", 0)->date == Date{8, 10, 2018});
    auto bad = parse_date_at("31/02/2019;", 0);
    REQUIRE(bad);
    CHECK(bad->date == Date{31, 2, 2019});
    CHECK_FALSE(is_real_date(bad->date));
    CHECK_FALSE(parse_date_at("21/11/19", 0));
    CHECK_FALSE(parse_date_at("2020-2025", 0));
    CHECK(extract::parse_place_date("Khánh Hòa, ngày    tháng 12 năm 2021") == Date{0, 12, 2021});
    CHECK(extract::parse_date_string("05/03/2020") == Date{5, 3, 2020});
    CHECK_FALSE(extract::parse_date_string("5 March 2020"));
}

TEST_CASE("a date in parentheses belongs to the citation; an unclosed one does not") {
    std::string t = "Thực hiện Quyết định số 1676/QĐ-TTg (ngày 21/11/2019) của Thủ tướng Chính phủ, UBND tỉnh ...";
    auto cs = scan_citations(t);
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].date == Date{21, 11, 2019});
    CHECK(span(t, cs[0].date_ref) == "21/11/2019");
    CHECK(cs[0].issuer == "Thủ tướng Chính phủ");
    CHECK(span(t, cs[0].ref) == "Quyết định số 1676/QĐ-TTg (ngày 21/11/2019) của Thủ tướng Chính phủ");
    std::string open = "Quyết định số 1676/QĐ-TTg (ngày 21/11/2019 của Thủ tướng";
    auto co = scan_citations(open);
    REQUIRE(co.size() == 1);
    CHECK(co[0].date.empty());
}

TEST_CASE("a full citation: type, number-symbol, date, issuer and summary") {
    std::string t = "Căn cứ Quyết định số 1676/QĐ-TTg ngày 21/11/2019 của Thủ tướng Chính phủ phê duyệt Đề án;";
    auto cs = scan_citations(t);
    REQUIRE(cs.size() == 1);
    const auto& c = cs[0];
    CHECK(span(t, c.ref) == "Quyết định số 1676/QĐ-TTg ngày 21/11/2019 của Thủ tướng Chính phủ");
    CHECK(c.type == "Quyết định");
    CHECK(c.number == "1676");
    CHECK(c.symbol == "QĐ-TTg");
    CHECK(c.key == "1676/QĐ-TTg");
    CHECK(c.date == Date{21, 11, 2019});
    CHECK(c.issuer == "Thủ tướng Chính phủ");
    CHECK(c.summary == "phê duyệt Đề án");
    CHECK_FALSE(c.party_form);
    CHECK_FALSE(c.short_form);
}

TEST_CASE("Party, normative and ASCII forms are keyed canonically") {
    auto one = [](const std::string& t) {
        auto cs = scan_citations(t);
        REQUIRE(cs.size() == 1);
        return cs[0];
    };
    auto p = one("Nghị quyết 28-NQ/TW ngày 23-5-2018");
    CHECK(p.key == "28-NQ/TW");
    CHECK(p.party_form);
    auto law = one("Luật Bảo hiểm xã hội số 58/2014/QH13");
    CHECK(law.key == "58/2014/QH13");
    CHECK(law.symbol_year == 2014);
    CHECK(law.name == "Bảo hiểm xã hội");
    CHECK(one("Quyết định số 1676/QD-TTG").key == "1676/QĐ-TTg");
    CHECK(one("Chương trình số 25-CTR/TU").key == "25-CTr/TU");
}

TEST_CASE("lists: 'Nghị quyết số 125/NQ-CP và số 102/NQ-CP' is two citations sharing the issuer") {
    std::string t = "Nghị quyết số 125/NQ-CP và số 102/NQ-CP của Chính phủ về bảo hiểm xã hội";
    auto cs = scan_citations(t);
    REQUIRE(cs.size() == 2);
    CHECK(cs[1].list_member);
    CHECK(cs[1].type == "Nghị quyết");
    CHECK(span(t, cs[1].ref) == "số 102/NQ-CP của Chính phủ");
    CHECK(cs[0].issuer == "Chính phủ");  // shared from the last member
    CHECK(cs[0].summary == "về bảo hiểm xã hội");
}

TEST_CASE("issuers: stop before the summary, accept 'và' inside a ministry name, and no 'của'") {
    auto cs = scan_citations("Quyết định số 294/QĐ-LĐTBXH ngày 03/3/2021 của Bộ Lao động - Thương binh và Xã hội về việc phê duyệt");
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].issuer == "Bộ Lao động - Thương binh và Xã hội");
    cs = scan_citations("Chương trình hành động số 25-CTr/TU ngày 10/10/2018 Tỉnh ủy Khánh Hòa triển khai thực hiện");
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].issuer == "Tỉnh ủy Khánh Hòa");
}

TEST_CASE("laws by name, back-references and what is not a citation") {
    auto cs = scan_citations("Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015");
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].name == "Tổ chức chính quyền địa phương");
    CHECK(cs[0].date == Date{19, 6, 2015});
    cs = scan_citations("theo Quyết định 1676, các đơn vị");
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].short_form);
    CHECK(cs[0].number == "1676");
    CHECK(cs[0].key.empty());
    CHECK(scan_citations("Kế hoạch 5 năm, giai đoạn 2020-2025, 45% lao động, COVID-19, 1/2 số hồ sơ").empty());
    CHECK(scan_citations("theo quy định của pháp luật; luật sư tư vấn").empty());
}

TEST_CASE("document level: bases, basis items, back-reference keys, own number") {
    auto a = test::analyze_text(
        "Số: 116/KH-UBND\n"
        "Khánh Hòa, ngày 05 tháng 3 năm 2022\n"
        "Căn cứ Chương trình số 25-CTr/TU ngày 10/10/2018 của Tỉnh ủy thực hiện Nghị quyết số 28-NQ/TW ngày 23/5/2018; "
        "Chương trình số 25-CTr/TU ngày 10/10/2018 của Tỉnh ủy thực hiện Nghị quyết số 28-NQ/TW;\n"
        "I. MỤC TIÊU\n"
        "Thực hiện Nghị quyết 28 và Chương trình 25.\n");
    const auto& cs = a->model.citations;
    REQUIRE(cs.size() == 6);
    CHECK(cs[0].key == "25-CTr/TU");
    CHECK(cs[0].basis_item);
    CHECK_FALSE(cs[1].basis_item);  // named inside the programme's summary
    CHECK(cs[2].basis_item);        // the second item after ';'
    CHECK_FALSE(cs[3].basis_item);
    CHECK_FALSE(cs[4].in_bases);
    CHECK(cs[4].key == "28-NQ/TW");  // "Nghị quyết 28" resolved from the full citation
    CHECK(cs[5].key == "25-CTr/TU");
}

TEST_CASE("a scan limit keeps what starts before it, list members after it included") {
    // The second line of a wrapped .txt pair is scanned again on its own, so
    // the joined scan stops at the join, except for members of a list that
    // started before it: they give the first citation its issuer and summary.
    std::string t = "Nghị quyết số 125/NQ-CP, và số 102/NQ-CP của Chính phủ về bảo hiểm xã hội. Chỉ thị số 07/CT-TTg";
    size_t join = t.find(", và");
    auto full = scan_citations(t), limited = scan_citations(t, 0, join);
    REQUIRE(full.size() == 3);
    REQUIRE(limited.size() == 2);  // the list member is read, the later directive is not
    CHECK(limited[0].issuer == "Chính phủ");
    CHECK(limited[0].summary == full[0].summary);
    CHECK(span(t, limited[0].ref) == span(t, full[0].ref));
    auto plain = scan_citations("Nghị quyết số 125/NQ-CP về bảo hiểm. Chỉ thị số 07/CT-TTg", 0, 10);
    REQUIRE(plain.size() == 1);
    CHECK(plain[0].key == "125/NQ-CP");
    // The same list wrapped in a .txt file.
    auto a = test::analyze_text("Thực hiện Nghị quyết số 125/NQ-CP và\nsố 102/NQ-CP của Chính phủ về bảo hiểm xã hội.\n");
    const auto& cs = a->model.citations;
    REQUIRE(cs.size() == 2);
    CHECK(cs[0].issuer == "Chính phủ");  // from the member on the next line
    CHECK(cs[1].key == "102/NQ-CP");        // found by that line's own scan
}

TEST_CASE("a .txt citation wrapped onto the next line keeps its start and a tail") {
    auto a = test::analyze_text("Căn cứ Nghị quyết số\n125/NQ-CP ngày 08/10/2018 của Chính phủ về bảo hiểm xã hội;\n");
    const auto& cs = a->model.citations;
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].continued);
    CHECK(cs[0].key == "125/NQ-CP");
    CHECK(cs[0].tail.block == cs[0].ref.block + 1);
    CHECK(cs[0].date == Date{8, 10, 2018});
}

TEST_CASE("loose and bare keys make registry lookups accent, case and form robust") {
    CHECK(extract::loose_key("1676/QĐ-TTg") == extract::loose_key("1676/qd-ttg"));
    CHECK(extract::loose_key("07/CT-TTg") == extract::loose_key("7/CT-TTg"));
    CHECK(extract::loose_key("28-NQ/TW") != extract::loose_key("28/NQ-TW"));
    CHECK(extract::bare_key("28-NQ/TW") == extract::bare_key("28/NQ-TW"));
}

TEST_CASE("a Law's year written before its number: one citation with the number") {
    std::string t = "Căn cứ Bộ luật Dân sự năm 2015 số 91/2015/QH13 ngày 24 tháng 11 năm 2015;";
    auto cs = scan_citations(t);
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].type == "Bộ luật");
    CHECK(cs[0].name == "Dân sự");
    CHECK(cs[0].key == "91/2015/QH13");
    CHECK(cs[0].symbol_year == 2015);
    CHECK(cs[0].date == Date{24, 11, 2015});
    std::string y = "Căn cứ Luật Đất đai năm 2013 số 45/2013/QH13;";
    auto ys = scan_citations(y);
    REQUIRE(ys.size() == 1);
    CHECK(ys[0].key == "45/2013/QH13");
    CHECK(ys[0].date == Date{0, 0, 2013});
}

TEST_CASE("a Law's name typed in lower case is a name when its number follows") {
    std::string t = "Căn cứ Luật tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025;";
    auto cs = scan_citations(t);
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].name == "tổ chức chính quyền địa phương");
    CHECK(cs[0].key == "72/2025/QH15");
    // Without a number, "luật" in running text names nothing.
    CHECK(scan_citations("Các quy định của Luật này được áp dụng thống nhất.").empty());
    // "Luật sư" is a lawyer: the number that follows is the Tờ trình's, not a Law's.
    auto ls = scan_citations("Theo đề nghị của Đoàn Luật sư tỉnh tại Tờ trình số 21/TTr-ĐLS ngày 02/3/2025.");
    REQUIRE(ls.size() == 1);
    CHECK(ls[0].type == "Tờ trình");
    CHECK(scan_citations("Đoàn Luật sư tỉnh số 258/ĐLS-VP ngày 02/3/2025").size() <= 1);
    for (const auto& c : scan_citations("Đoàn Luật sư tỉnh số 258/ĐLS-VP ngày 02/3/2025")) CHECK(c.type != "Luật");
}
