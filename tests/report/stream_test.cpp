// Streamed reports (one file at a time) must print exactly what a whole-batch
// writer prints: tools parse this output.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <iostream>
#include <sstream>

#include "report/fixtures.h"
#include "report/summary.h"

using namespace plancheck;

namespace plancheck::report {
nlohmann::json to_json(const Diagnostic& d);  // json.cpp: one diagnostic as the contract spells it
}

namespace {

nlohmann::json to_json_whole(const std::vector<report::FileReport>& files) {
    nlohmann::json out;
    out["files"] = nlohmann::json::array();
    for (const auto& f : files) {
        nlohmann::json jf = {{"path", f.path}, {"format", f.format}, {"diagnostics", nlohmann::json::array()}};
        for (const auto& d : f.diagnostics) jf["diagnostics"].push_back(report::to_json(d));
        out["files"].push_back(std::move(jf));
    }
    auto s = report::summarize(files);
    out["summary"] = {{"files", s.files},   {"unreadable", s.unreadable}, {"clean", s.clean},
                      {"errors", s.errors}, {"warnings", s.warnings},     {"infos", s.infos},
                      {"by_category", s.by_category}};
    return out;
}

std::string streamed(const std::string& format, const std::vector<report::FileReport>& files,
                     const report::Options& opts) {
    std::ostringstream os;
    report::Stream s(os, format, opts);
    for (const auto& f : files) s.add(f);
    s.finish();
    return os.str();
}

}  // namespace

TEST_CASE("stream: JSON printed file by file is the document dumped whole") {
    report::Options opts;
    for (auto batch : {test::sample_batch(), std::vector<report::FileReport>{},
                       std::vector<report::FileReport>{test::sample_batch()[1]}}) {
        std::string expected = to_json_whole(batch).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
        CHECK(streamed("json", batch, opts) == expected);
    }
}

TEST_CASE("stream: text and CSV equal the whole-batch writers, summary included") {
    auto batch = test::sample_batch();
    for (const char* lang : {"vi", "en"}) {
        report::Options opts;
        opts.lang = lang;
        std::ostringstream text, csv;
        report::write_text(text, batch, opts);
        report::write_csv(csv, batch, opts);
        CHECK(streamed("text", batch, opts) == text.str());
        CHECK(streamed("csv", batch, opts) == csv.str());
    }
    report::Options opts;
    report::Stream s(std::cout, "text", opts);
    CHECK(s.summary().files == 0);
    CHECK_THROWS_AS(report::Stream(std::cout, "sarif", opts), std::invalid_argument);
}
