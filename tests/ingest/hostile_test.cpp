// Broken and hostile inputs on disk: each is reported as unreadable with a
// reason (or read correctly), and a batch goes on. The .docx containers are in
// docx_test.cpp; the committed samples are in corpus/hostile/ (see its README).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "helpers.h"
#include "pipeline/collect.h"

namespace fs = std::filesystem;
using namespace plancheck;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("plancheck-hostile-" + std::to_string(::getpid()));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path / "locked.txt", fs::perms::owner_all, ec);
        fs::remove_all(path, ec);
    }
    fs::path write(const std::string& name, const std::string& bytes) const {
        fs::path p = path / name;
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }
};

std::string why(const fs::path& p, ingest::Options o = {}) {
    auto r = ingest::read_file(p.string(), o);
    if (auto* bad = std::get_if<UnreadableInput>(&r)) return bad->reason;
    return "(readable)";
}

const char* kPlan = "KẾ HOẠCH\nTuyên truyền chính sách bảo hiểm xã hội\n";

}  // namespace

TEST_CASE("hostile files: empty, blank, too large, missing, a folder, unsupported") {
    TempDir t;
    CHECK(why(t.write("empty.txt", "")) == "the file is empty");
    CHECK(why(t.write("empty.docx", "")) == "the file is empty");
    CHECK(why(t.write("blank.txt", " \n\t\r\n  \n")) == "the document contains no text");
    ingest::Options small;
    small.max_bytes = 16;  // stands for the 200 MB file: the cap is checked before reading
    CHECK(why(t.write("big.txt", std::string(1000, 'a')), small).find("too large") != std::string::npos);
    CHECK(why(t.path / "gone.txt").find("cannot open") != std::string::npos);
    CHECK(why(t.path).find("directory") != std::string::npos);
    // A legacy .doc goes to LibreOffice (tests/ingest/formats_test.cpp); this
    // one is four bytes: not convertible, or no LibreOffice to convert it.
    auto doc = why(t.write("old.doc", "\xD0\xCF\x11\xE0"));
    CHECK(doc.find("LibreOffice") != std::string::npos);
    auto r = ingest::read_file((t.path / "old.doc").string());
    CHECK(std::get<UnreadableInput>(r).hint.find(".docx") != std::string::npos);
}

TEST_CASE("hostile files: no read permission") {
    TempDir t;
    auto p = t.write("locked.txt", kPlan);
    fs::permissions(p, fs::perms::none);
    if (std::ifstream(p).good()) {
        WARN("skipped: running with privileges that ignore file permissions");
        return;
    }
    CHECK(why(p).find("cannot open") != std::string::npos);
}

TEST_CASE("hostile files: a symlink loop terminates and the batch goes on") {
    TempDir t;
    t.write("plans/a.txt", kPlan);
    t.write("plans/sub/b.txt", kPlan);
    fs::create_directory_symlink(t.path / "plans", t.path / "plans" / "sub" / "loop");
    fs::create_symlink(t.path / "plans" / "self.txt", t.path / "plans" / "self.txt");  // a link to itself
    auto inputs = pipeline::collect_inputs({(t.path / "plans").string(), (t.path / "missing").string()});
    std::vector<std::string> names;
    for (const auto& in : inputs) names.push_back(fs::path(in.path).filename().string() + (in.problem.empty() ? "" : "!"));
    CHECK(names == std::vector<std::string>{"a.txt", "b.txt", "missing!"});

    // Checking every input, the unreadable ones included, never stops the batch.
    auto book = rules::load_rulebook(test::source_dir() + "/rules");
    pipeline::Options opts;
    int unreadable = 0, read = 0;
    for (const auto& p : {t.path / "plans" / "self.txt", t.path / "plans" / "a.txt", t.path / "plans" / "sub" / "b.txt"}) {
        auto res = pipeline::check_file(p.string(), book, opts);
        (res.unreadable ? unreadable : read)++;
    }
    CHECK(unreadable == 1);
    CHECK(read == 2);
}

TEST_CASE("hostile files: the committed samples in corpus/hostile behave as documented") {
    fs::path dir = fs::path(test::source_dir()) / "corpus" / "hostile";
    auto book = rules::load_rulebook(test::source_dir() + "/rules");
    pipeline::Options opts;
    opts.check.lang = "en";  // the reasons as written (in Vietnamese: ingest/localized_test.cpp)
    struct Case {
        const char* file;
        const char* expect;  // substring of the input.unreadable message, or "" for readable
    };
    for (auto c : {Case{"empty.txt", "empty"}, Case{"garbage.txt", "not UTF-8"}, Case{"corrupt.docx", "damaged"},
                   Case{"not-a-zip.docx", "damaged"}, Case{"tcvn3.txt", ""}, Case{"utf32.txt", ""},
                   Case{"billion-laughs.docx", ""}, Case{"zip-bomb.docx", "safety limit"}}) {
        INFO(c.file);
        auto r = pipeline::check_file((dir / c.file).string(), book, opts);
        if (*c.expect == 0) {
            CHECK_FALSE(r.unreadable);
            continue;
        }
        REQUIRE(r.unreadable);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].category == "input.unreadable");
        std::string all = r.diagnostics[0].message;
        CHECK(all.find(c.expect) != std::string::npos);
    }
}
