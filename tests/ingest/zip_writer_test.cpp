// The package rewriter under annotate and --fix on a .docx: replaced and added
// parts carry the new bytes, every other part keeps its compressed bytes.
#include <zip.h>

#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "docx_writer.h"
#include "ingest/docx/zip_writer.h"

using plancheck::ingest::rewrite_zip;
using plancheck::ingest::ZipPart;

namespace {

struct Entry {
    std::string data;
    zip_uint64_t comp_size = 0;
    zip_uint32_t crc = 0;
    zip_uint16_t method = 0;
    time_t mtime = 0;
};

// name -> (inflated bytes, compressed size, crc, method) in archive order.
std::vector<std::pair<std::string, Entry>> entries(const std::string& bytes) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    REQUIRE(z);
    std::vector<std::pair<std::string, Entry>> out;
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
        zip_stat_t st;
        zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st);
        Entry e;
        e.comp_size = st.comp_size;
        e.crc = st.crc;
        e.method = st.comp_method;
        e.mtime = st.mtime;
        zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
        char buf[4096];
        zip_int64_t n;
        while ((n = zip_fread(f, buf, sizeof buf)) > 0) e.data.append(buf, static_cast<size_t>(n));
        zip_fclose(f);
        out.emplace_back(st.name, e);
    }
    zip_discard(z);
    zip_error_fini(&err);
    return out;
}

}  // namespace

TEST_CASE("rewrite_zip replaces and adds parts and copies the rest unchanged", "[ingest][docx][zip_writer]") {
    plancheck::test::DocxWriter w;
    w.para("Kế hoạch truyền thông về bảo hiểm xã hội");
    w.para(std::string(5000, 'a'));
    std::string original = w.build();
    auto before = entries(original);
    REQUIRE(before.size() >= 2);

    std::string doc = "<w:document>changed</w:document>";
    std::string comments = "<w:comments>new</w:comments>";
    std::string rewritten = rewrite_zip(original, {{"word/document.xml", doc}, {"word/comments.xml", comments}});
    auto after = entries(rewritten);

    REQUIRE(after.size() == before.size() + 1);
    for (size_t i = 0; i < before.size(); ++i) {
        const auto& [name, b] = before[i];
        const auto& [name2, a] = after[i];
        CHECK(name == name2);  // order kept
        if (name == "word/document.xml") {
            CHECK(a.data == doc);
            CHECK(a.method == ZIP_CM_DEFLATE);
        } else {
            CHECK(a.data == b.data);
            CHECK(a.comp_size == b.comp_size);
            CHECK(a.crc == b.crc);
            CHECK(a.method == b.method);
            CHECK(a.mtime == b.mtime);
        }
    }
    CHECK(after.back().first == "word/comments.xml");
    CHECK(after.back().second.data == comments);
}

TEST_CASE("rewrite_zip with no parts gives the same entries", "[ingest][docx][zip_writer]") {
    plancheck::test::DocxWriter w;
    w.para("Báo cáo");
    std::string original = w.build();
    auto before = entries(original), after = entries(rewrite_zip(original, {}));
    REQUIRE(before.size() == after.size());
    for (size_t i = 0; i < before.size(); ++i) CHECK(before[i].second.data == after[i].second.data);
}

TEST_CASE("rewrite_zip refuses what is not a zip", "[ingest][docx][zip_writer]") {
    CHECK_THROWS_WITH(rewrite_zip("not a zip at all", {}), Catch::Contains("not a valid zip"));
    CHECK_THROWS(rewrite_zip("", {}));
}
