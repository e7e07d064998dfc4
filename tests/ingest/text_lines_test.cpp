// Plain text into line blocks (checker/ingest/text.cpp): the splitter fed in
// pieces gives exactly the blocks of the whole text, and read_file's path for
// a large UTF-8 file (split from the file a megabyte at a time) gives the
// blocks of the in-memory reader.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "helpers.h"
#include "ingest/ingest.h"

using namespace plancheck;

namespace {

struct Line {
    uint32_t line, column;
    std::string text;
    bool source_is_text;
    bool operator==(const Line&) const = default;
};

std::vector<Line> lines_of(const std::vector<Block>& blocks) {
    std::vector<Line> out;
    for (const Block& b : blocks) {
        REQUIRE(b.anchors.size() == 1);
        out.push_back({b.anchors[0].line, b.anchors[0].column, b.text, b.source_is_text});
    }
    return out;
}

std::vector<Line> fed_in_pieces(std::string_view text, size_t piece) {
    ingest::LineSplitter s(ingest::count_inked_lines(text));
    for (size_t i = 0; i < text.size(); i += piece) s.feed(text.substr(i, piece));
    return lines_of(s.finish());
}

}  // namespace

TEST_CASE("text lines: split_lines numbers physical lines and skips blank ones") {
    auto got = lines_of(ingest::split_lines("KẾ HOẠCH\r\n\r\n  \tI. MỤC ĐÍCH\rdòng ba\n\n  cuối"));
    std::vector<Line> want{{1, 1, "KẾ HOẠCH", true},
                           {3, 1, "  \tI. MỤC ĐÍCH", true},
                           {4, 1, "dòng ba", true},
                           {6, 1, "  cuối", true}};
    CHECK(got == want);
    CHECK(ingest::count_inked_lines("a\n \n\tb\r\n") == 2);
    CHECK(ingest::split_lines("").empty());
    CHECK(ingest::split_lines("\n\r\n \t\n").empty());
}

TEST_CASE("text lines: fed in pieces of any size, the same blocks as the whole text") {
    // CR LF, lone CR, lone LF, blank lines, a line without an end, and
    // multi-byte letters: every piece size cuts some of them in two.
    const std::string text =
        "Căn cứ Nghị định số 30/2020/NĐ-CP;\r\nCăn cứ Quyết định\r\rsố 1676/QĐ-TTg\n\n\r\n"
        "  \t \nII. NHIỆM VỤ\r\n- Tuyên truyền\r\n\r\n\r";
    for (std::string tail : {"", "Nơi nhận:", "\n", "\r", "\r\n", "x\r\ny"}) {
        const std::string t = text + tail;
        const auto whole = lines_of(ingest::split_lines(t));
        for (size_t piece = 1; piece <= t.size(); ++piece) {
            INFO("tail \"" << tail << "\", pieces of " << piece << " bytes");
            CHECK(fed_in_pieces(t, piece) == whole);
        }
    }
}

TEST_CASE("text lines: with a limit, the first blocks of the whole text and no more") {
    const std::string text = "KẾ HOẠCH\r\n\r\nI. MỤC ĐÍCH\rdòng ba\n\n  cuối\r\rsau CR\nx";
    const auto whole = lines_of(ingest::split_lines(text));
    REQUIRE(whole.size() == 6);
    for (size_t k = 1; k <= whole.size() + 2; ++k) {
        INFO("limit " << k);
        auto want = whole;
        want.resize(std::min(k, whole.size()));
        CHECK(lines_of(ingest::split_lines(text, k)) == want);
        ingest::LineSplitter s(0, k);
        for (size_t i = 0; i < text.size(); i += 3) s.feed(std::string_view(text).substr(i, 3));
        CHECK(lines_of(s.finish()) == want);
    }
    // The reader's option: a file's first lines, read as a whole file is.
    test::TempDir dir("text-limit");
    ingest::Options opts;
    opts.max_text_lines = 2;
    auto r = ingest::read_file(dir.write("plan.txt", text), opts);
    REQUIRE(std::holds_alternative<SourceDocument>(r));
    CHECK(lines_of(std::get<SourceDocument>(r).blocks) == std::vector<Line>(whole.begin(), whole.begin() + 2));
}

TEST_CASE("text lines: a large UTF-8 .txt read from its file gives the blocks of the in-memory reader") {
    test::TempDir dir("text-lines");
    std::string text;
    // Over the 1 MiB where read_file splits from the file: lines of varying
    // length and endings, so the megabyte pieces end inside lines, inside
    // letters and between a CR and its LF.
    for (int i = 0; text.size() < (3u << 20) / 2; ++i) {
        text += i % 7 == 0 ? "" : "Dòng " + std::to_string(i) + std::string(static_cast<size_t>(i % 97), 'a') + " ệ";
        text += i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r";
    }
    text += "dòng cuối";
    const std::string path = dir.write("report.txt", text);
    auto from_file = ingest::read_file(path);
    auto in_memory = ingest::read_text(text, path, {});
    REQUIRE(std::holds_alternative<SourceDocument>(from_file));
    REQUIRE(std::holds_alternative<SourceDocument>(in_memory));
    const auto& a = std::get<SourceDocument>(from_file);
    const auto& b = std::get<SourceDocument>(in_memory);
    CHECK(a.format == "txt");
    CHECK(a.encoding == b.encoding);
    CHECK(lines_of(a.blocks) == lines_of(b.blocks));
    CHECK(a.blocks.size() > 10000);
    // Only its first lines wanted (the index of plans): the same first lines.
    ingest::Options head;
    head.max_text_lines = 120;
    auto first = ingest::read_file(path, head);
    REQUIRE(std::holds_alternative<SourceDocument>(first));
    auto all = lines_of(a.blocks);
    all.resize(120);
    CHECK(lines_of(std::get<SourceDocument>(first).blocks) == all);

    // Not plain UTF-8 (a byte order mark) or with a directive: read in memory,
    // with the same result as before.
    for (std::string variant : {"\xEF\xBB\xBF" + text, text + "\n<!-- plancheck-disable text.fragment -->\n"}) {
        const std::string p = dir.write("variant.txt", variant);
        auto f = ingest::read_file(p);
        auto m = ingest::read_text(variant, p, {});
        REQUIRE(std::holds_alternative<SourceDocument>(f));
        REQUIRE(std::holds_alternative<SourceDocument>(m));
        CHECK(lines_of(std::get<SourceDocument>(f).blocks) == lines_of(std::get<SourceDocument>(m).blocks));
        CHECK(std::get<SourceDocument>(f).directives.size() == std::get<SourceDocument>(m).directives.size());
    }
}
