// The same plan must give the same findings whatever its container. Each
// corpus plan (and the seed plan, when ../shared is present) is checked as
// UTF-8 text and again as .docx with Word automatic numbering, as .docx with
// typed labels, as TCVN3 and VNI text, as HTML and as Markdown (whose lines
// map back: Markdown line 2n - 1 is text line n); the (line, category, rule) of every
// diagnostic must match. In the .docx files each text line is one paragraph,
// so paragraph numbers and line numbers coincide. Legacy copies must in
// addition get the text.encoding finding.
// PDF: tests/ingest/pdf_writer.h writes a real text layer (paragraphs wrapped
// at 100 characters, a blank text line as a vertical gap); its line numbers
// map back through the writer's record of which text line each PDF line shows.
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "core/legacy_vn.h"
#include "corpus.h"
#include "helpers.h"
#include "ingest/convert.h"
#include "ingest/pdf_writer.h"

namespace fs = std::filesystem;
using namespace plancheck;

namespace {

using Finding = std::tuple<uint32_t, std::string, std::string>;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Legacy copies are compared without text.encoding (which they add) and
// text.mixed-script: a look-alike such as U+00D0 cannot exist in TCVN3/VNI.
// Presentation findings (presentation.*) judge formatting only a Word file
// carries, so they are no part of what must agree across formats.
// `line_map` turns the format's line back into the text line.
using LineMap = std::function<uint32_t(uint32_t)>;

std::set<Finding> findings(const pipeline::FileResult& r, bool legacy, const LineMap& line_map = nullptr) {
    std::set<Finding> out;
    for (const auto& d : r.diagnostics)
        if (!(legacy && (d.category == "text.encoding" || d.category == "text.mixed-script")) &&
            d.category.rfind("presentation.", 0) != 0)
            out.insert({line_map && d.line ? line_map(d.line) : d.line, d.category, d.rule});
    return out;
}

std::string show(const std::set<Finding>& s) {
    std::string o;
    for (const auto& [l, c, r] : s) o += "  " + std::to_string(l) + " " + c + " " + r + "\n";
    return o;
}

}  // namespace

TEST_CASE("format invariance: .docx, TCVN3/VNI text, HTML and Markdown give the text's findings") {
    auto book = rules::load_rulebook(test::source_dir() + "/rules");
    pipeline::Options opts;
    opts.check.today = {23, 11, 2026};
    auto all = test::plan_documents();
    if (all.empty()) {
        WARN("skipped: no corpus plans found");
        return;
    }
    bool seed_seen = false;
    for (const auto& p : all) {
        seed_seen |= p.parent_path().filename() == "seeds";
        std::string text = slurp(p);
        auto base = findings(pipeline::check_bytes(text, "txt", p.string(), book, opts), false);
        struct Variant {
            std::string name, bytes, format;
            bool legacy;
            LineMap line_map = nullptr;
        };
        test::PdfWriter pdf;
        {
            uint32_t n = 0;
            for (const auto& line : test::physical_lines(text)) pdf.paragraph(line, ++n);
        }
        auto pdf_lines = pdf.source_lines();
        std::vector<Variant> variants = {
            {"docx, automatic numbering", test::txt_to_docx(text, true), "docx", false},
            {"docx, typed labels", test::txt_to_docx(text, false), "docx", false},
            {"TCVN3 text", legacy::encode(text, legacy::Encoding::Tcvn3), "txt", true},
            {"VNI text", legacy::encode(text, legacy::Encoding::Vni), "txt", true},
            {"HTML", test::txt_to_html(text), "html", false},
            {"Markdown", test::txt_to_md(text), "md", false, [](uint32_t l) { return (l + 1) / 2; }},
            {"PDF", pdf.build(), "pdf", false,
             [&](uint32_t l) { return l <= pdf_lines.size() ? pdf_lines[l - 1] : 0u; }},
        };
        for (const auto& v : variants) {
            INFO(p.filename().string() << " as " << v.name);
            // A legacy table that cannot write a character ('?' instead of a
            // look-alike Ð) makes another document, with a damaged word of its own.
            if (v.legacy && v.bytes.find('?') != std::string::npos && text.find('?') == std::string::npos) continue;
            auto r = pipeline::check_bytes(v.bytes, v.format, p.string(), book, opts);
            REQUIRE_FALSE(r.unreadable);
            auto got = findings(r, v.legacy, v.line_map);
            auto want = v.legacy ? findings(pipeline::check_bytes(text, "txt", p.string(), book, opts), true) : base;
            // The sentence-start check does not read PDF text layers (rules/nd30/capitalisation.yaml).
            if (v.format == "pdf")
                for (auto it = want.begin(); it != want.end();)
                    it = std::get<2>(*it) == "nd30.caps.sentence-start" ? want.erase(it) : std::next(it);
            INFO("text findings:\n" << show(base) << "this format's findings:\n" << show(got));
            CHECK(got == want);
            if (v.legacy) {
                bool flagged = false;
                for (const auto& d : r.diagnostics) flagged |= d.rule == "text.encoding.legacy";
                CHECK(flagged);
            }
        }
    }
    if (!seed_seen) WARN("seed plan 001 not checked: ../shared/seeds is not present");
}
