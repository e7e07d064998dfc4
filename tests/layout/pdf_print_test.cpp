// Every corpus plan, and the seed plan when ../shared is present, printed the
// way agencies print (tests/layout/pdf_print.h: two-column header and closing
// on shared baselines, centred title, indented wrapped paragraphs over pages,
// page numbers, a signature stamp) must give the text's findings, each on the
// PDF line that shows the text it points at.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <tuple>

#include "corpus.h"
#include "helpers.h"
#include "ingest/convert.h"
#include "layout/pdf_print.h"

namespace fs = std::filesystem;
using namespace plancheck;

namespace {

using Finding = std::tuple<uint32_t, std::string, std::string>;

std::string show(const std::set<Finding>& s) {
    std::string o;
    for (const auto& [l, c, r] : s) o += "  " + std::to_string(l) + " " + c + " " + r + "\n";
    return o;
}

}  // namespace

TEST_CASE("pdf print: plans printed with agency layout give the text's findings at the printed lines",
          "[layout][pdf][print]") {
    auto book = rules::load_rulebook(test::source_dir() + "/rules");
    pipeline::Options opts;
    opts.check.today = {23, 11, 2026};
    auto all = test::plan_documents();
    REQUIRE_FALSE(all.empty());
    bool seed = false;
    for (const auto& p : all) {
        seed |= p.parent_path().filename() == "seeds";
        std::string text = test::slurp(p);
        auto lines = test::physical_lines(text);
        test::AgencyPrinter printer(lines);
        std::string pdf = printer.print();
        // PLANCHECK_PRINT_DIR=DIR keeps the printed PDFs, to read them with `plancheck outline`.
        if (const char* dir = std::getenv("PLANCHECK_PRINT_DIR"); dir && *dir)
            test::spit(fs::path(dir) / (p.stem().string() + ".pdf"), pdf);
        std::set<Finding> want, got;
        for (const auto& d : pipeline::check_bytes(text, "txt", p.string(), book, opts).diagnostics)
            // The sentence-start check does not read PDF text layers (rules/nd30/capitalisation.yaml).
            if (d.rule != "nd30.caps.sentence-start")
                want.insert({d.line ? printer.pdf_line(d.line, d.column) : 0, d.category, d.rule});
        auto r = pipeline::check_bytes(pdf, "pdf", p.string(), book, opts);
        REQUIRE_FALSE(r.unreadable);
        for (const auto& d : r.diagnostics) got.insert({d.line, d.category, d.rule});
        INFO(p.filename().string() << "\ntext findings (at their PDF lines):\n" << show(want) << "PDF findings:\n" << show(got));
        CHECK(got == want);
    }
    if (!seed) WARN("seed plan not checked: ../shared/seeds is absent");
}
