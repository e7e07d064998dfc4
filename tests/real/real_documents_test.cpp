// Real-document regression tests over ../shared/real (103 files a provincial
// office really wrote; not shipped with the project). They compare plancheck
// with what a READER recorded, not with what plancheck printed once:
//
// - tests/data/real/truth.tsv: per file, the document's type and which header
//   and closing elements it really has (read by a person from the document's
//   text; no document text is kept, only yes/no facts and the number's symbol).
// - tests/data/real/kinds.tsv: which `plancheck outline` kinds stand for each
//   type of truth.tsv.
// - tests/data/real/misreads.tsv: the known disagreements between the outline
//   and truth.tsv (file, field, what the reader saw). A disagreement that is
//   not listed fails (a regression); a listed one that is gone fails too, so
//   the list always says exactly where plancheck misreads today.
// - tests/data/real/errors.tsv: every error plancheck raises on these files,
//   with a reader's verdict (confirmed / false, and why). A new error fails
//   until a reader judges it; a confirmed error that disappears fails (a
//   defect is no longer found); a false one that disappears fails as stale.
//
// docs/real-documents.md explains the files and holds the per-rule figures.
// Each test skips cleanly when ../shared/real is absent (a user's clone).
#include <catch2/catch.hpp>

#include <stdio.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "helpers.h"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

std::string real_dir() { return plancheck::test::shared_dir() + "/real"; }
std::string data(const std::string& name) { return plancheck::test::source_dir() + "/tests/data/real/" + name; }

bool have_real() {
    std::error_code ec;
    return fs::is_directory(real_dir(), ec) && fs::exists(real_dir() + "/MANIFEST.tsv", ec);
}

using plancheck::test::shell_quote;

std::string run(const std::string& args) {
    std::string cmd = "PLANCHECK_RULES=" + shell_quote(plancheck::test::source_dir() + "/rules") + " " +
                      shell_quote(PLANCHECK_BINARY) + " " + args + " 2>/dev/null";
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return out;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
    return out;
}

// A tab-separated table with a header line; '#' lines are comments.
struct Table {
    std::vector<std::string> columns;
    std::vector<std::map<std::string, std::string>> rows;
};

Table read_tsv(const std::string& path) {
    Table t;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cells;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, '\t')) cells.push_back(cell);
        if (t.columns.empty()) {
            t.columns = cells;
            continue;
        }
        std::map<std::string, std::string> row;
        for (size_t i = 0; i < t.columns.size(); ++i) row[t.columns[i]] = i < cells.size() ? cells[i] : "";
        t.rows.push_back(std::move(row));
    }
    return t;
}

bool present(const json& j) { return !j.is_null() && !(j.is_array() && j.empty()); }

// What the outline says about one element of truth.tsv: "yes" or "no".
std::string outline_field(const json& o, const std::string& field) {
    const json& h = o.value("header", json::object());
    const json& c = o.value("closing", json::object());
    auto yes = [](bool b) { return std::string(b ? "yes" : "no"); };
    if (field == "agency") return yes(present(h.value("agency", json())));
    if (field == "number") return yes(present(h.value("number", json())));
    if (field == "place_date") return yes(present(h.value("place_date", json())));
    if (field == "national_title") return yes(present(h.value("national_title", json())));
    if (field == "motto") return yes(present(h.value("motto", json())));
    if (field == "type_name") return yes(present(h.value("type", json())));
    if (field == "signer") return yes(present(c.value("name", json())));
    return "";
}

const std::vector<std::string> kFields = {"agency", "number", "place_date", "national_title",
                                          "motto", "type_name", "signer"};

// (file, field) -> what the reader saw, for the outline's known misreads.
using Misreads = std::map<std::pair<std::string, std::string>, std::string>;

}  // namespace

TEST_CASE("real documents: kind and header fields agree with the reader's record", "[real]") {
    if (!have_real()) {
        WARN("skipped: ../shared/real is not present");
        return;
    }
    Table truth = read_tsv(data("truth.tsv"));
    REQUIRE(truth.rows.size() >= 40);
    std::multimap<std::string, std::string> kinds;  // truth type -> outline kind
    for (auto& r : read_tsv(data("kinds.tsv")).rows) kinds.emplace(r["type"], r["kind"]);
    Misreads known;
    for (auto& r : read_tsv(data("misreads.tsv")).rows) known[{r["file"], r["field"]}] = r["reader"];

    Misreads found;
    size_t compared = 0;
    for (auto& row : truth.rows) {
        std::string path = real_dir() + "/" + row["file"];
        if (!fs::exists(path) || row["usable"] != "yes") continue;
        json o = json::parse(run("outline --format json " + shell_quote(path)), nullptr, false);
        if (o.is_discarded()) {
            found[{row["file"], "outline"}] = "json";
            continue;
        }
        ++compared;
        std::string kind = o.value("kind", "");
        auto [lo, hi] = kinds.equal_range(row["type"]);
        bool kind_ok = std::any_of(lo, hi, [&](auto& kv) { return kv.second == kind; });
        if (!kind_ok) found[{row["file"], "kind"}] = row["type"];
        for (const auto& f : kFields) {
            const std::string& want = row[f];
            if (want != "yes" && want != "no") continue;
            if (outline_field(o, f) != want) found[{row["file"], f}] = want;
        }
    }
    CHECK(compared >= 40);
    std::ostringstream regressions, stale;
    for (auto& [k, v] : found)
        if (!known.count(k)) regressions << k.first << "\t" << k.second << "\treader: " << v << "\n";
    for (auto& [k, v] : known)
        if (!found.count(k)) stale << k.first << "\t" << k.second << "\n";
    INFO("outline disagrees with the reader (new misreads):\n" << regressions.str());
    CHECK(regressions.str().empty());
    INFO("listed in misreads.tsv but read right now (remove them):\n" << stale.str());
    CHECK(stale.str().empty());
}

TEST_CASE("real documents: every error is one a reader judged", "[real]") {
    if (!have_real()) {
        WARN("skipped: ../shared/real is not present");
        return;
    }
    json r = json::parse(run("check --format json --fail-on none -j 2 " + shell_quote(real_dir())),
                         nullptr, false);
    REQUIRE_FALSE(r.is_discarded());
    // (file, rule, line) -> verdict
    std::map<std::tuple<std::string, std::string, int>, std::string> judged;
    for (auto& row : read_tsv(data("errors.tsv")).rows)
        judged[{row["file"], row["rule"], std::atoi(row["line"].c_str())}] = row["verdict"];

    std::set<std::tuple<std::string, std::string, int>> raised;
    for (auto& f : r["files"]) {
        std::string file = fs::path(f.value("path", "")).filename().string();
        for (auto& d : f["diagnostics"])
            if (d.value("severity", "") == "error" && d.value("rule", "") != "input.unreadable")
                raised.insert({file, d.value("rule", ""), d.value("line", 0)});
    }
    std::ostringstream unjudged, lost, stale;
    for (auto& k : raised)
        if (!judged.count(k)) unjudged << std::get<0>(k) << "\t" << std::get<1>(k) << "\t" << std::get<2>(k) << "\n";
    for (auto& [k, verdict] : judged) {
        if (raised.count(k)) continue;
        (verdict == "confirmed" ? lost : stale) << std::get<0>(k) << "\t" << std::get<1>(k) << "\t"
                                                << std::get<2>(k) << "\n";
    }
    INFO("errors no reader has judged (read each against the document, then add it to errors.tsv):\n"
         << unjudged.str());
    CHECK(unjudged.str().empty());
    INFO("confirmed errors no longer raised (a true defect is missed now):\n" << lost.str());
    CHECK(lost.str().empty());
    INFO("errors judged false that are no longer raised (remove them from errors.tsv):\n" << stale.str());
    CHECK(stale.str().empty());
}
