// The parsed-rule-file tree and its on-disk cache: the cached path must give
// exactly what yaml-cpp gives, and a damaged cache must never be trusted.
#include <catch2/catch.hpp>

#include <filesystem>

#include "helpers.h"
#include "rules/params.h"
#include "rules/ruleset.h"
#include "rules/yaml_tree.h"

using namespace plancheck;
using namespace plancheck::rules;
namespace fs = std::filesystem;

namespace {

bool same(const yaml::Node& a, const yaml::Node& b) {
    if (a.type != b.type || a.line != b.line || a.column != b.column || a.scalar != b.scalar ||
        a.children.size() != b.children.size())
        return false;
    for (size_t i = 0; i < a.children.size(); ++i)
        if (!same(a.children[i], b.children[i])) return false;
    return true;
}

const std::string kText =
    "ruleset: demo\n"
    "title: {vi: \"Thử\", en: Test}\n"
    "empty:\n"
    "quoted: \"null\"\n"
    "list:\n"
    "  - a\n"
    "  - [b, c]\n"
    "  - {k: v}\n";

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const RuleFileError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("yaml tree: types, positions and file order as yaml-cpp reads them") {
    auto t = yaml::parse(kText, "demo.yaml");
    REQUIRE(t->is_map());
    REQUIRE(t->size() == 5);
    CHECK(t->children[0].scalar == "ruleset");
    CHECK(t->find("ruleset")->scalar == "demo");
    CHECK(t->find("title")->find("vi")->scalar == "Thử");
    CHECK(t->find("empty")->is_null());
    CHECK(t->find("quoted")->is_scalar());  // a quoted "null" is text
    const yaml::Node& list = *t->find("list");
    REQUIRE(list.is_sequence());
    REQUIRE(list.size() == 3);
    CHECK(list.children[0].line == 5);
    CHECK(list.children[0].column == 4);
    CHECK(list.children[1].is_sequence());
    CHECK(list.children[2].find("k")->scalar == "v");
    CHECK(t->find("missing") == nullptr);
    CHECK(yaml::parse("", "empty.yaml")->is_null());
}

TEST_CASE("yaml tree: the binary form round-trips and is tied to its source") {
    auto t = yaml::parse(kText, "demo.yaml");
    std::string bytes = yaml::serialize(*t, kText);
    auto back = yaml::deserialize(bytes, kText);
    REQUIRE(back);
    CHECK(same(*t, *back));
    CHECK_FALSE(yaml::deserialize(bytes, kText + " "));
    CHECK_FALSE(yaml::deserialize(bytes, ""));
}

TEST_CASE("yaml tree: every truncation and every changed byte of a cache entry is rejected") {
    auto t = yaml::parse(kText, "demo.yaml");
    std::string bytes = yaml::serialize(*t, kText);
    for (size_t n = 0; n < bytes.size(); ++n) {
        INFO("truncated to " << n);
        CHECK_FALSE(yaml::deserialize(std::string_view(bytes).substr(0, n), kText));
    }
    for (size_t i = 0; i < bytes.size(); ++i) {
        std::string d = bytes;
        d[i] = static_cast<char>(d[i] ^ 0x5a);
        INFO("byte " << i << " changed");
        CHECK_FALSE(yaml::deserialize(d, kText));
    }
    CHECK_FALSE(yaml::deserialize(bytes + "x", kText));
    CHECK_FALSE(yaml::deserialize(std::string(100000, '\xff'), kText));
}

TEST_CASE("yaml tree: aliases that expand without bound are refused") {
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; ++c) {
        bomb += std::string(1, c) + ": &" + c + " [";
        for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
        bomb += "]\n";
        prev = c;
    }
    CHECK_THAT(error_of([&] { yaml::parse(bomb, "bomb.yaml"); }),
               Catch::Contains("bomb.yaml:") && Catch::Contains("too large"));
}

TEST_CASE("yaml tree cache: a second load is served from the cache and equals a fresh parse") {
    test::TempDir tmp("yaml-cache");
    yaml::TreeCache cache((tmp.path / "cache").string());
    auto first = cache.load(kText, "demo.yaml");
    std::vector<fs::path> entries;
    for (const auto& de : fs::directory_iterator(tmp.path / "cache")) entries.push_back(de.path());
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].extension() == ".yt");
    auto second = cache.load(kText, "demo.yaml");
    CHECK(same(*first, *second));

    SECTION("a damaged entry is a miss, and is replaced") {
        std::string good = test::slurp(entries[0]);
        test::spit(entries[0], good.substr(0, good.size() / 2));
        auto third = cache.load(kText, "demo.yaml");
        CHECK(same(*first, *third));
        CHECK(test::slurp(entries[0]) == good);
    }
    SECTION("an entry planted for other text is not used") {
        // Same file name, foreign content: only the exact source may hit.
        std::string other = "ruleset: other\n";
        test::spit(entries[0], yaml::serialize(*yaml::parse(other, "o.yaml"), other));
        auto third = cache.load(kText, "demo.yaml");
        CHECK(same(*first, *third));
    }
}

TEST_CASE("yaml tree cache: errors are the same with and without it; an unusable folder is ignored") {
    test::TempDir tmp("yaml-cache-err");
    std::string bad = "ruleset: x\nrules: [a, b\n";
    std::string plain = error_of([&] { yaml::parse(bad, "bad.yaml"); });
    REQUIRE_FALSE(plain.empty());
    yaml::TreeCache cache((tmp.path / "c").string());
    CHECK(error_of([&] { cache.load(bad, "bad.yaml"); }) == plain);
    CHECK(error_of([&] { cache.load(bad, "bad.yaml"); }) == plain);

    test::spit(tmp.path / "file", "not a folder");
    yaml::TreeCache unusable((tmp.path / "file" / "sub").string());
    CHECK(same(*unusable.load(kText, "demo.yaml"), *yaml::parse(kText, "demo.yaml")));
}

TEST_CASE("yaml tree cache: the shipped rule book loads the same through the cache") {
    test::TempDir tmp("yaml-cache-book");
    yaml::TreeCache cache((tmp.path / "c").string());
    std::string dir = test::source_dir() + "/rules";
    auto plain = load_rulebook(dir);
    load_rulebook(dir, cache);  // fills the cache
    auto cached = load_rulebook(dir, cache);
    REQUIRE(cached.sets.size() == plain.sets.size());
    for (size_t i = 0; i < plain.sets.size(); ++i) {
        const auto& a = plain.sets[i];
        const auto& b = cached.sets[i];
        CHECK(a.id == b.id);
        REQUIRE(a.rules.size() == b.rules.size());
        for (size_t j = 0; j < a.rules.size(); ++j) {
            const auto& ma = a.rules[j]->meta();
            const auto& mb = b.rules[j]->meta();
            CHECK(ma.id == mb.id);
            CHECK(ma.line == mb.line);
            CHECK(ma.message == mb.message);
            CHECK(ma.invalid.size() == mb.invalid.size());
        }
    }
    CHECK(plain.registry->entries().size() == cached.registry->entries().size());
}

TEST_CASE("params: yaml-cpp's spellings of numbers and booleans are accepted") {
    auto t = yaml::parse("a: 12\nb: 0x10\nc: 2.5\nd: yes\ne: off\nf: \"7\"\ng: x\n", "p.yaml");
    Params p(t, "p.yaml", "test");
    CHECK(p.integer("a") == 12);
    CHECK(p.integer("b") == 16);
    CHECK(p.number("c", 0) == 2.5);
    CHECK(p.boolean("d", false));
    CHECK_FALSE(p.boolean("e", true));
    CHECK(p.integer("f") == 7);
    CHECK_THAT(error_of([&] { p.integer("g"); }), Catch::Contains("p.yaml:7:") && Catch::Contains("integer"));
    p.finish();
}
