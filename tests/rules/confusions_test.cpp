// Every entry of text.typo.confusions (rules/common/text.yaml) is tested both
// ways: the wrong phrase in a sentence is found with its correction, and the
// right phrase in the same sentence gives no finding.
#include <catch2/catch.hpp>

#include <fstream>
#include <yaml-cpp/yaml.h>

#include "helpers.h"

using namespace plancheck;

TEST_CASE("text.typo.confusions: each entry finds the wrong phrase and leaves the right one", "[rules][typo]") {
    YAML::Node file = YAML::LoadFile(test::source_dir() + "/rules/common/text.yaml");
    YAML::Node list;
    for (const auto& r : file["rules"])
        if (r["id"].as<std::string>() == "text.typo.confusions") list = r["params"]["confusions"];
    REQUIRE(list.size() >= 40);
    auto book = rules::load_rulebook(test::source_dir() + "/rules");
    pipeline::Options opts;
    auto typos = [&](const std::string& text) {
        std::vector<Diagnostic> out;
        for (auto& d : pipeline::check_bytes(text, "txt", "t.txt", book, opts).diagnostics)
            if (d.rule == "text.typo.confusions") out.push_back(d);
        return out;
    };
    for (const auto& e : list) {
        std::string wrong = e["wrong"].as<std::string>(), right = e["right"].as<std::string>();
        INFO(wrong << " -> " << right);
        auto found = typos("Các đơn vị cần " + wrong + " trong năm nay.\n");
        REQUIRE(found.size() == 1);
        CHECK(found[0].fix);
        CHECK(found[0].fix->replacement == right);
        CHECK(typos("Các đơn vị cần " + right + " trong năm nay.\n").empty());
    }
}
