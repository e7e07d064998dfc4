// The fuzz harness (fuzz/harness.h) in CI: every corpus plan in every format,
// as written and under seeded random mutations, through the whole pipeline and
// every report, with the contract's invariants checked; then every input in
// fuzz/regressions/ (what fuzz/run once found). Deterministic: the mutations
// of a document depend only on its name, the format and the round, so a
// failure names what to replay. libFuzzer explores far more (fuzz/run); this
// keeps what it found, and the error paths of each reader, covered.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <random>

#include "fuzz/harness.h"
#include "helpers.h"
#include "ingest/convert.h"
#include "ingest/pdf_writer.h"

using namespace plancheck;
namespace fs = std::filesystem;

namespace {

const rules::RuleBook& book() {
    static const rules::RuleBook b = rules::load_rulebook(test::source_dir() + "/rules");
    return b;
}

std::vector<fs::path> plans() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(test::source_dir() + "/corpus/plans"))
        if (e.path().extension() == ".txt") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string to_pdf(const std::string& text) {
    test::PdfWriter pdf;
    uint32_t n = 0;
    for (const auto& line : test::physical_lines(text)) pdf.paragraph(line, ++n);
    return pdf.build();
}

// Fragments that steer the readers and extractors into their corners.
const std::vector<std::string> kTokens = {
    "\xC3", "\xFF\xFE", "\xEF\xBB\xBF", "\xE2\x80\x8B", std::string(1, '\0'), "\r", "\n", "\r\n", "\t",
    "Số: ", "Căn cứ ", "Quyết định số ", "1676/QĐ-TTg", "28-NQ/TW", "ngày 31/02/2019", "ngày  tháng  năm ",
    " (ngày 21/11/2019", "%", "100%", "năm 2025", "2020 - 2025", "I. ", "1. ", "a) ", "- ", "+ ", "Ð", "KÕ ho¹ch",
    "<p>", "</p>", "<table><tr><td>", "# ", "**", "|---|", "&amp;", "&#0;", "<w:p>", "“", "”", ";", ":", "và ",
    std::string(3000, 'a'), std::string(200, ' '), std::string(500, '\n'),
};

std::string mutate(std::string s, std::mt19937& rng) {
    auto pick = [&](size_t n) { return n ? std::uniform_int_distribution<size_t>(0, n - 1)(rng) : 0; };
    int steps = 1 + static_cast<int>(pick(4));
    for (int k = 0; k < steps; ++k) {
        size_t at = pick(s.size() + 1);
        switch (pick(5)) {
            case 0:  // flip bits of a byte
                if (!s.empty()) s[pick(s.size())] ^= static_cast<char>(1 + pick(255));
                break;
            case 1:  // delete a range
                s.erase(std::min(at, s.size()), pick(64));
                break;
            case 2: {  // repeat a range
                size_t len = std::min<size_t>(pick(200), s.size() - std::min(at, s.size()));
                s.insert(at, s.substr(at, len));
                break;
            }
            case 3:  // insert a token
                s.insert(at, kTokens[pick(kTokens.size())]);
                break;
            default:  // cut the end off
                s.resize(at);
                break;
        }
    }
    return s;
}

void check(const std::string& bytes, std::string_view format, const std::string& what) {
    INFO(what << " as ." << format);
    try {
        fuzz::check_input(bytes, format, book());
    } catch (const fuzz::Violation& v) {
        FAIL(v.what());
    } catch (const std::exception& e) {
        FAIL(std::string("exception escaped the pipeline: ") + e.what());
    }
}

// Each plan as written and `rounds` times mutated. `make` builds the format's
// bytes from the plan's text; text mutations are applied before it (what a
// clerk could type), byte mutations after it (a damaged file).
void run(std::string_view format, const std::function<std::string(const std::string&)>& make, int rounds) {
    for (const auto& p : plans()) {
        const std::string text = test::slurp(p), name = p.filename().string();
        check(make(text), format, name);
        std::mt19937 rng(static_cast<uint32_t>(std::hash<std::string>{}(name + "." + std::string(format))));
        for (int r = 0; r < rounds; ++r) {
            std::string what = name + ", round " + std::to_string(r);
            check(make(mutate(text, rng)), format, what + " (text mutated)");
            check(mutate(make(text), rng), format, what + " (bytes mutated)");
        }
    }
}

}  // namespace

TEST_CASE("mutated .txt plans") { run("txt", [](const std::string& t) { return t; }, 20); }
TEST_CASE("mutated .md plans") { run("md", test::txt_to_md, 8); }
TEST_CASE("mutated .html plans") { run("html", test::txt_to_html, 8); }
TEST_CASE("mutated .docx plans") {
    run("docx", [](const std::string& t) { return test::txt_to_docx(t, true); }, 6);
}
TEST_CASE("mutated .pdf plans") { run("pdf", to_pdf, 3); }

TEST_CASE("hostile corpus and saved regressions") {
    size_t n = 0;
    for (const char* dir : {"/corpus/hostile", "/fuzz/regressions"}) {
        for (const auto& e : fs::directory_iterator(test::source_dir() + dir)) {
            std::string ext = e.path().extension().string();
            if (ext.empty() || e.path().filename() == "README.md") continue;
            std::string format = ext.substr(1);
            if (std::find(std::begin(fuzz::kFormats), std::end(fuzz::kFormats), format) == std::end(fuzz::kFormats))
                continue;  // .rtf and other refused formats: the CLI test covers them
            check(test::slurp(e.path()), format, e.path().filename().string());
            ++n;
        }
    }
    CHECK(n >= 7);  // the hostile corpus alone has seven readable-format files
}
