// Test helpers: run the pipeline on inline text.
#pragma once

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

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


// A word for a POSIX shell: single-quoted, inner quotes escaped.
inline std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// What a shell command line printed and how it ended.
struct ShellRun {
    int code = -1;  // exit code; -1 when killed by a signal
    std::string out, err;
};

// Runs `command` with `sh` in folder `dir`: standard output and standard
// error are kept apart (stderr goes through a file in `dir`, removed after).
inline ShellRun run_shell(const std::filesystem::path& dir, const std::string& command) {
    ShellRun r;
    std::filesystem::path err = dir / ".stderr";
    std::string cmd = "cd " + shell_quote(dir.string()) + " && " + command + " 2>" + shell_quote(err.string());
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) throw std::runtime_error("popen failed");
    char buf[4096];
    for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) r.out.append(buf, n);
    int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = slurp(err);
    std::error_code ec;
    std::filesystem::remove(err, ec);
    return r;
}

}  // namespace plancheck::test
