// The registry of known documents: the shipped files, the strict loader and lookups.
#include <catch2/catch.hpp>

#include "extract/citation_scan.h"
#include "helpers.h"
#include "rules/params.h"
#include "rules/registry.h"

using namespace plancheck;
using namespace plancheck::rules;

namespace {
std::unique_ptr<Registry> shipped() { return load_registry(test::source_dir() + "/rules/registry"); }

std::string load_error(const std::string& yaml) {
    try {
        load_registry_texts({{"test.yaml", yaml}});
    } catch (const RuleFileError& e) {
        return e.what();
    }
    return "";
}

const char* kEntry = R"(documents:
  - key: 1676/QĐ-TTg
    type: Quyết định
    date: 21/11/2019
    issuer: Thủ tướng Chính phủ
    confidence: CONFIRMED
    source: test
)";
}  // namespace

TEST_CASE("registry: the shipped files load and hold the documents FACTS.md identifies") {
    auto reg = shipped();
    for (const char* key : {"1676/QĐ-TTg", "28-NQ/TW", "125/NQ-CP", "102/NQ-CP", "69/NQ-CP", "403/NQ-CP",
                            "58/2014/QH13", "41/2024/QH15", "30/2020/NĐ-CP", "110/2004/NĐ-CP", "09/2010/NĐ-CP",
                            "01/2011/TT-BNV", "294/QĐ-LĐTBXH", "07/CT-TTg", "09/CT-TTg", "06/NQ-CP", "96/NQ-BCS",
                            "1064/BHXH-TT", "93/2015/QH13"}) {
        INFO(key);
        CHECK(reg->by_key(key).size() == 1);
    }
    const auto* law = reg->by_id("58/2014/QH13");
    REQUIRE(law);
    REQUIRE(law->replaced_by.size() == 1);
    CHECK(law->replaced_by[0].id == "41/2024/QH15");
    CHECK(law->replaced_by[0].effective == Date{1, 7, 2025});
    CHECK(reg->by_id("41/2024/QH15")->replaces.size() == 2);  // 58/2014/QH13 (derived) and 93/2015/QH13
    CHECK(reg->by_id("1676/QĐ-TTg")->date == Date{21, 11, 2019});
    CHECK(reg->by_id("102/NQ-CP")->date_confidence == Confidence::PartlyConfirmed);
}

TEST_CASE("registry: the loader rejects mistakes at file:line") {
    CHECK(load_error(kEntry).empty());
    CHECK_THAT(load_error(std::string(kEntry) + "    colour: red\n"), Catch::Contains("test.yaml:") && Catch::Contains("unknown key 'colour'"));
    CHECK_THAT(load_error(std::string(kEntry) + &kEntry[11]), Catch::Contains("duplicate registry id '1676/QĐ-TTg'"));
    std::string bad_date = kEntry;
    bad_date.replace(bad_date.find("21/11/2019"), 10, "31/02/2019");
    CHECK_THAT(load_error(bad_date), Catch::Contains("not a real date"));
    CHECK_THAT(load_error(std::string(kEntry) + "    replaced_by: [{id: 9999/QĐ-TTg, effective: 01/01/2030}]\n"),
               Catch::Contains("is not in the registry"));
    std::string bad_key = kEntry;
    bad_key.replace(bad_key.find("1676/QĐ-TTg"), 11, "Quyết định 1676");
    CHECK_THAT(load_error(bad_key), Catch::Contains("is not a number-symbol"));
    std::string no_conf = kEntry;
    no_conf.replace(no_conf.find("    confidence: CONFIRMED\n"), 26, "");
    CHECK_THAT(load_error(no_conf), Catch::Contains("confidence"));
    CHECK_THAT(load_error(std::string(kEntry) + "    date_confidence: UNCONFIRMED\n"), Catch::Contains("UNCONFIRMED facts"));
}

TEST_CASE("registry: lookups are case, accent, zero and form robust; local entries need their issuer") {
    auto reg = shipped();
    CHECK(reg->by_key("1676/qd-ttg").size() == 1);
    CHECK(reg->by_key("7/CT-TTg").size() == 1);
    CHECK(reg->by_key("28/NQ-TW").empty());
    CHECK(reg->by_bare_key("28/NQ-TW").size() == 1);

    auto cite = [](const std::string& t) { return extract::scan_citations(t).at(0); };
    CHECK(resolve(*reg, cite("Kế hoạch số 116/KH-UBND ngày 21/6/2022 của UBND thành phố Đà Nẵng")).entry);
    CHECK_FALSE(resolve(*reg, cite("Kế hoạch số 116/KH-UBND ngày 02/3/2022 của UBND tỉnh Khánh Hòa")).entry);
    auto law = resolve(*reg, cite("Luật Bảo hiểm xã hội ngày 29 tháng 6 năm 2024"));
    REQUIRE(law.entry);
    CHECK(law.entry->key == "41/2024/QH15");
    CHECK_FALSE(resolve(*reg, cite("Luật Bảo hiểm xã hội")).entry);  // two laws bear the name
    auto by_form = resolve(*reg, cite("Nghị quyết số 28/NQ-TW"));
    CHECK(by_form.entry);
    CHECK(by_form.by_form);
}

TEST_CASE("registry: an issuer matches its aliases, not a different body ending the same way") {
    auto reg = shipped();
    const auto& nq125 = *reg->by_id("125/NQ-CP");
    CHECK(reg->issuer_matches(nq125, "Chính phủ"));
    CHECK_FALSE(reg->issuer_matches(nq125, "Thủ tướng Chính phủ"));
    const auto& nq28 = *reg->by_id("28-NQ/TW");
    CHECK(reg->issuer_matches(nq28, "Hội nghị lần thứ bảy Ban Chấp hành Trung ương khóa XII"));
    CHECK(reg->issuer_matches(nq28, "Ban chấp hành Trung ương Đảng"));
    CHECK(reg->issuer_matches(*reg->by_id("294/QĐ-LĐTBXH"), "Bộ trưởng Bộ LĐTBXH"));
}
