// core/file: whole-file reads and the "written in between" test.
#include <catch2/catch.hpp>

#include <cerrno>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include "core/file.h"
#include "helpers.h"

using namespace plancheck;

TEST_CASE("file::read returns every byte of a file larger than its buffer, NULs and all") {
    test::TempDir dir("file");
    std::string big;
    for (size_t i = 0; i < 300000; ++i) big += static_cast<char>(i * 7919 % 251);
    auto path = dir.write("big.bin", big);
    std::string out = "old";
    REQUIRE(file::read(path, out));
    CHECK(out == big);
    auto empty = dir.write("empty.txt", "");
    REQUIRE(file::read(empty, out));
    CHECK(out.empty());
}

TEST_CASE("file::read fails with errno on a missing file or a folder") {
    test::TempDir dir("file");
    std::string out;
    errno = 0;
    CHECK_FALSE(file::read((dir.path / "missing").string(), out));
    CHECK(errno == ENOENT);
    CHECK_FALSE(file::read(dir.path.string(), out));
    CHECK(errno == EISDIR);
}

TEST_CASE("file::same_state tells a rewritten or replaced file from an untouched one") {
    test::TempDir dir("file");
    auto path = dir.write("a.txt", "one");
    struct stat a {}, b {};
    REQUIRE(::stat(path.c_str(), &a) == 0);
    REQUIRE(::stat(path.c_str(), &b) == 0);
    CHECK(file::same_state(a, b));
    {
        std::ofstream(path, std::ios::app) << "two";  // an edit: size and mtime
    }
    REQUIRE(::stat(path.c_str(), &b) == 0);
    CHECK_FALSE(file::same_state(a, b));
    REQUIRE(::stat(path.c_str(), &a) == 0);
    ::usleep(30000);  // past the file system's timestamp granularity
    ::chmod(path.c_str(), 0600);  // a change of mode: ctime only
    REQUIRE(::stat(path.c_str(), &b) == 0);
    CHECK_FALSE(file::same_state(a, b));
    REQUIRE(::stat(path.c_str(), &a) == 0);
    auto other = dir.write("b.txt", "onetwo");  // same size, another inode, renamed over it
    REQUIRE(::rename(other.c_str(), path.c_str()) == 0);
    REQUIRE(::stat(path.c_str(), &b) == 0);
    CHECK_FALSE(file::same_state(a, b));
}
