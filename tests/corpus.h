// Corpus expectations: each corpus document NAME.ext has NAME.expected listing
// the diagnostics it must produce, one per line: `LINE CATEGORY [RULE-ID] [suppressed]`
// (`suppressed`: an inline directive switched it off; without it the finding must not be).
// '#' starts a comment. The comparison is exact: a missing or an unexpected
// diagnostic fails.
#pragma once

#include <algorithm>
#include <filesystem>

#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "plancheck/diagnostic.h"

namespace plancheck::test {

struct Expected {
    uint32_t line = 0;
    std::string category;
    std::string rule;  // empty: any rule of that category
    bool suppressed = false;
    friend bool operator<(const Expected& a, const Expected& b) {
        return std::tie(a.line, a.category, a.rule) < std::tie(b.line, b.category, b.rule);
    }
};

inline std::vector<Expected> parse_expected(std::istream& in, std::string* error) {
    std::vector<Expected> out;
    std::string raw;
    int n = 0;
    while (std::getline(in, raw)) {
        ++n;
        auto hash = raw.find('#');
        std::istringstream ls(raw.substr(0, hash));
        Expected e;
        if (!(ls >> e.line)) {
            if (ls.eof() && !ls.fail()) continue;
            std::istringstream blank(raw.substr(0, hash));
            std::string w;
            if (!(blank >> w)) continue;  // blank or comment line
            if (error) *error = "line " + std::to_string(n) + ": expected `LINE CATEGORY [RULE]`";
            return {};
        }
        if (!(ls >> e.category) || !is_category(e.category)) {
            if (error) *error = "line " + std::to_string(n) + ": unknown category '" + e.category + "'";
            return {};
        }
        for (std::string w; ls >> w;) {
            if (w == "suppressed") e.suppressed = true;
            else e.rule = w;
        }
        out.push_back(e);
    }
    return out;
}

struct Comparison {
    std::vector<Expected> missing;           // expected, not produced
    std::vector<Diagnostic> unexpected;      // produced, not expected
    bool ok() const { return missing.empty() && unexpected.empty(); }
};

// Matches each expectation with one produced diagnostic of the same line and
// category (and rule, when the expectation names one).
inline Comparison compare(std::vector<Expected> expected, const std::vector<Diagnostic>& got) {
    Comparison c;
    std::vector<bool> used(got.size(), false);
    // Expectations naming a rule first, so a bare category cannot steal their match.
    std::stable_sort(expected.begin(), expected.end(),
                     [](const Expected& a, const Expected& b) { return !a.rule.empty() && b.rule.empty(); });
    for (const auto& e : expected) {
        bool found = false;
        for (size_t i = 0; i < got.size() && !found; ++i) {
            if (used[i] || got[i].line != e.line || got[i].category != e.category) continue;
            if (got[i].suppressed != e.suppressed) continue;
            if (!e.rule.empty() && got[i].rule != e.rule) continue;
            used[i] = found = true;
        }
        if (!found) c.missing.push_back(e);
    }
    for (size_t i = 0; i < got.size(); ++i)
        if (!used[i]) c.unexpected.push_back(got[i]);
    return c;
}

inline std::string describe(const Comparison& c) {
    std::ostringstream os;
    for (const auto& m : c.missing)
        os << "  missing:    " << m.line << " " << m.category << " " << m.rule << (m.suppressed ? " suppressed" : "") << "\n";
    for (const auto& d : c.unexpected)
        os << "  unexpected: " << d.line << " " << d.category << " " << d.rule << (d.suppressed ? " suppressed" : "")
           << "  (" << d.message << ")\n";
    return os.str();
}


// The seed plan ../shared/seeds/001_*.txt, or "" when ../shared is absent.
inline std::string seed_path() {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path dir = fs::path(PLANCHECK_SHARED_DIR) / "seeds";
    if (!fs::is_directory(dir, ec)) return {};
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().filename().string().rfind("001_", 0) == 0) return e.path().string();
    return {};
}

// The plans of corpus/plans and the seed plan (when present), sorted: the
// documents the format tests render in every layout.
inline std::vector<std::filesystem::path> plan_documents() {
    namespace fs = std::filesystem;
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(fs::path(PLANCHECK_SOURCE_DIR) / "corpus" / "plans", ec))
        if (e.path().extension() == ".txt") out.push_back(e.path());
    if (std::string seed = seed_path(); !seed.empty()) out.push_back(seed);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace plancheck::test
