// Test helpers: run the pipeline on inline text.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace plancheck::test {

inline std::string source_dir() { return PLANCHECK_SOURCE_DIR; }
inline std::string shared_dir() { return PLANCHECK_SHARED_DIR; }

// Ingests `text` as a .txt document and analyzes it.
inline std::unique_ptr<pipeline::Analysis> analyze_text(const std::string& text) {
    auto r = ingest::read_text(text, "test.txt", {});
    return pipeline::analyze(std::move(std::get<SourceDocument>(r)));
}

// Whole-file read and write, bytes unchanged.
inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}
inline void spit(const std::filesystem::path& p, const std::string& s) {
    std::ofstream out(p, std::ios::binary);
    out << s;
}

// A fresh, uniquely named scratch folder, removed with everything in it.
struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& tag = "test") {
        std::string t = (std::filesystem::temp_directory_path() / ("plancheck-" + tag + "-XXXXXX")).string();
        if (!mkdtemp(t.data())) throw std::runtime_error("mkdtemp failed");
        path = t;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    // Writes `text` to path/name and returns the full path.
    std::string write(const std::string& name, const std::string& text) const {
        spit(path / name, text);
        return (path / name).string();
    }
};

}  // namespace plancheck::test
