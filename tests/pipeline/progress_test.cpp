// Reports against their plans (docs/progress.md): pairing, the progress table
// and the progress findings on the plan/report pairs of corpus/progress/, in
// .txt and .docx, through the library and the CLI; and the seed plan with a
// report written for it (skipped without ../shared).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus.h"
#include "extract/progress.h"
#include "helpers.h"
#include "ingest/docx_writer.h"
#include "pipeline/pairing.h"
#include "pipeline/pipeline.h"
#include "pipeline/plan_wire.h"
#include "report/progress.h"
#include "report/report.h"

namespace fs = std::filesystem;
using namespace plancheck;

namespace {

const rules::RuleBook& book() {
    static rules::RuleBook b = rules::load_rulebook(test::source_dir() + "/rules");
    return b;
}

fs::path folder() { return fs::path(test::source_dir()) / "corpus" / "progress"; }

pipeline::Options paired_options(const std::string& plan, const std::vector<std::string>& dirs) {
    pipeline::Options o;
    o.check.today = {23, 11, 2026};
    pipeline::Budget budget;
    REQUIRE(pipeline::configure_pairing(o, plan, dirs, {}, 1, budget, false).empty());
    return o;
}

std::string table_text(ProgressTable t, const std::string& report_rel, const std::string& plan_rel) {
    t.report_path = report_rel;
    t.plan_path = plan_rel;
    std::ostringstream os;
    report::write_progress_text(os, t, "en");
    return os.str();
}

// Paragraphs of a .txt document as a .docx (one paragraph per non-empty line).
test::DocxWriter docx_of(const fs::path& txt) {
    test::DocxWriter w;
    std::istringstream in(test::slurp(txt));
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) w.body += test::DocxWriter::para(line);
    return w;
}

fs::path as_docx(const fs::path& txt, const fs::path& dir) {
    fs::path out = dir / txt.filename().replace_extension(".docx");
    std::ofstream(out, std::ios::binary) << docx_of(txt).build();
    return out;
}

// corpus/progress/docx: the plan and the reports of corpus/progress as Word
// files, one paragraph per non-empty line of the .txt.
fs::path docx_folder() { return folder() / "docx"; }

// The Word files of corpus/progress/docx carry no formatting, so the
// presentation rules (Decree 30 Appendix I) rightly flag them; their
// .progress files declare every other finding.
std::vector<Diagnostic> without_presentation(const std::vector<Diagnostic>& all) {
    std::vector<Diagnostic> out;
    for (const auto& d : all)
        if (d.category.rfind("presentation.", 0) != 0) out.push_back(d);
    return out;
}

// Checks each report of `dir` that has a NAME.progress (its expected
// findings) against them, and its table against NAME.table when there is one
// (no table: the report must stay unpaired). The plan is ke-hoach-tan-phu of
// the same folder. Returns how many reports were checked.
size_t check_corpus_reports(const fs::path& dir, const std::string& ext, const pipeline::Options& opts,
                            bool skip_presentation) {
    std::string rel = fs::relative(dir, test::source_dir()).generic_string() + "/";
    size_t checked = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() != ".progress") continue;
        fs::path doc = e.path();
        doc.replace_extension(ext);
        DYNAMIC_SECTION(doc.filename().string()) {
            std::ifstream in(e.path());
            std::string err;
            auto expected = test::parse_expected(in, &err);
            REQUIRE(err.empty());
            auto r = pipeline::check_file(doc.string(), book(), opts);
            auto c = test::compare(expected, skip_presentation ? without_presentation(r.diagnostics) : r.diagnostics);
            INFO(test::describe(c));
            CHECK(c.ok());
            fs::path table = doc;
            table.replace_extension(".table");
            if (fs::exists(table)) {
                REQUIRE(r.progress);
                CHECK(table_text(*r.progress, rel + doc.filename().string(), rel + "ke-hoach-tan-phu" + ext) ==
                      test::slurp(table));
            } else {
                CHECK_FALSE(r.progress);  // the unpaired report has no table
            }
        }
        ++checked;
    }
    return checked;
}

struct Row {
    const char* status;
    double target;
    int year;
    double result;  // -1: none
};

void check_rows(const ProgressTable& t, const std::vector<Row>& want) {
    REQUIRE(t.rows.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
        INFO("row " << i + 1 << ": " << t.rows[i].subject);
        CHECK(std::string(to_string(t.rows[i].status)) == want[i].status);
        if (t.rows[i].status != ProgressStatus::NoTarget) {
            CHECK(t.rows[i].target == Approx(want[i].target));
            CHECK(t.rows[i].target_year == want[i].year);
        }
        CHECK(t.rows[i].has_result == (want[i].result >= 0));
        if (want[i].result >= 0) CHECK(t.rows[i].result == Approx(want[i].result));
    }
}

}  // namespace

TEST_CASE("progress: corpus reports against the plans of their folder", "[progress]") {
    auto opts = paired_options("", {folder().string()});
    REQUIRE(opts.plans);
    // ke-hoach-tan-phu.txt and its Word copy under docx/: the same plan twice,
    // which pairs the reports as one would.
    REQUIRE(opts.plans->plans.size() == 2);
    CHECK(check_corpus_reports(folder(), ".txt", opts, false) == 4);
}

TEST_CASE("progress: the statuses a reviewer would mark", "[progress]") {
    auto opts = paired_options("", {folder().string()});
    auto partial = pipeline::check_file((folder() / "bao-cao-mot-phan.txt").string(), book(), opts);
    REQUIRE(partial.progress);
    // 100% by 2025 (82% in 2023: not met, not yet due), 100% content by 2025 (not
    // reported), 6% by 2023 (4,2%: not met), 90% every year (not reported), May
    // (not reported), 24 news items (no target).
    check_rows(*partial.progress, {{"not-met", 100, 2025, 82},
                                   {"not-reported", 100, 2025, -1},
                                   {"not-met", 6, 2023, 4.2},
                                   {"not-reported", 90, 0, -1},
                                   {"not-reported", 5, 0, -1},
                                   {"no-target", 0, 0, 24}});
    CHECK_FALSE(partial.progress->rows[0].due);
    CHECK(partial.progress->rows[2].due);
    CHECK(partial.progress->period_from == 2023);
    CHECK(partial.progress->horizon_from == 2022);
    CHECK(partial.progress->horizon_to == 2025);
}

TEST_CASE("progress: a report checked alone is not paired and gets no progress finding", "[progress]") {
    pipeline::Options o;
    o.check.today = {23, 11, 2026};
    for (const char* f : {"bao-cao-mot-phan.txt", "bao-cao-khong-ghep.txt", "bao-cao-mau-thuan.txt"}) {
        auto r = pipeline::check_file((folder() / f).string(), book(), o);
        CHECK_FALSE(r.progress);
        for (const auto& d : r.diagnostics) CHECK(d.rule.rfind("progress.", 0) != 0);
    }
}

TEST_CASE("progress: .docx plans and reports pair and give the same table", "[progress]") {
    auto dir = fs::temp_directory_path() / ("plancheck-progress-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "plans");
    auto plan = as_docx(folder() / "ke-hoach-tan-phu.txt", dir / "plans");
    auto report = as_docx(folder() / "bao-cao-mot-phan.txt", dir);
    auto txt_opts = paired_options("", {folder().string()});
    auto txt = pipeline::check_file((folder() / "bao-cao-mot-phan.txt").string(), book(), txt_opts);
    for (bool explicit_plan : {false, true}) {
        auto opts = explicit_plan ? paired_options(plan.string(), {}) : paired_options("", {(dir / "plans").string()});
        auto docx = pipeline::check_file(report.string(), book(), opts);
        REQUIRE(docx.progress);
        REQUIRE(txt.progress);
        REQUIRE(docx.progress->rows.size() == txt.progress->rows.size());
        for (size_t i = 0; i < txt.progress->rows.size(); ++i) {
            CHECK(docx.progress->rows[i].status == txt.progress->rows[i].status);
            CHECK(docx.progress->rows[i].target == Approx(txt.progress->rows[i].target));
            CHECK(docx.progress->rows[i].result == Approx(txt.progress->rows[i].result));
        }
        std::vector<std::string> rules_docx, rules_txt;
        for (const auto& d : docx.diagnostics)
            if (d.rule.rfind("progress.", 0) == 0) rules_docx.push_back(d.rule);
        for (const auto& d : txt.diagnostics)
            if (d.rule.rfind("progress.", 0) == 0) rules_txt.push_back(d.rule);
        CHECK(rules_docx == rules_txt);
    }
    fs::remove_all(dir);
}

TEST_CASE("corpus/progress/docx holds what the .docx writer makes of the .txt pairs", "[progress]") {
    bool write = std::getenv("PLANCHECK_WRITE_CORPUS") != nullptr;
    size_t n = 0;
    for (const auto& e : fs::directory_iterator(folder())) {
        if (e.path().extension() != ".txt") continue;
        fs::path p = docx_folder() / e.path().filename().replace_extension(".docx");
        auto doc = docx_of(e.path());
        ++n;
        if (write) {
            fs::create_directories(docx_folder());
            std::ofstream(p, std::ios::binary) << doc.build();
            continue;
        }
        INFO(p.string() << " (PLANCHECK_WRITE_CORPUS=1 build/tests/test_pipeline \"[progress]\" rewrites it)");
        REQUIRE(fs::exists(p));
        CHECK(test::unzip_parts(p) == doc.parts());
    }
    CHECK(n == 5);
}

TEST_CASE("progress: corpus .docx reports against the .docx plan of their folder", "[progress]") {
    auto opts = paired_options("", {docx_folder().string()});
    REQUIRE(opts.plans);
    REQUIRE(opts.plans->plans.size() == 1);  // only ke-hoach-tan-phu.docx is a plan
    CHECK(check_corpus_reports(docx_folder(), ".docx", opts, true) == 4);
    // The plan checked alone: clean, as its .txt is.
    pipeline::Options alone;
    alone.check.today = {23, 11, 2026};
    auto plan = pipeline::check_file((docx_folder() / "ke-hoach-tan-phu.docx").string(), book(), alone);
    CHECK(without_presentation(plan.diagnostics).empty());
}

TEST_CASE("progress: the table survives the worker pipe", "[progress]") {
    auto opts = paired_options("", {folder().string()});
    auto r = pipeline::check_file((folder() / "bao-cao-mau-thuan.txt").string(), book(), opts);
    REQUIRE(r.progress);
    std::string packed = pipeline::pack_progress("RESULT", &*r.progress);
    std::shared_ptr<const ProgressTable> back;
    CHECK(pipeline::unpack_progress(packed, back) == "RESULT");
    REQUIRE(back);
    CHECK(table_text(*back, "r", "p") == table_text(*r.progress, "r", "p"));
    CHECK(pipeline::unpack_progress("RESULT", back) == "RESULT");
    CHECK_FALSE(back);
    // A damaged payload is left as it is, never misread.
    std::string bad = packed;
    bad[bad.size() - 9] ^= 0x55;
    pipeline::unpack_progress(bad, back);
    CHECK((!back || back->rows.size() == r.progress->rows.size()));
}

TEST_CASE("progress: subjects are compared by their content syllables", "[progress]") {
    using extract::subject_similarity;
    std::vector<std::string> a = {"can", "bo", "dang", "vien", "tuyen", "truyen"};
    CHECK(subject_similarity(a, a) == Approx(1.0));
    CHECK(subject_similarity(a, {"ho", "gia", "dinh"}) == Approx(0.0));
    CHECK(subject_similarity(a, {}) == Approx(0.0));
    CHECK(subject_similarity(a, {"can", "bo", "dang", "vien"}) == Approx(0.8));
}

TEST_CASE("progress: the CLI pairs in a batch, prints the table and the batch view", "[progress][cli]") {
    auto dir = fs::temp_directory_path() / ("plancheck-progress-cli-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const char* f : {"ke-hoach-tan-phu.txt", "bao-cao-mot-phan.txt", "bao-cao-khong-ghep.txt"})
        fs::copy_file(folder() / f, dir / f);
    std::string bin = test::shell_quote(PLANCHECK_BINARY);
    // A batch: the plan is among the files, so the report is paired with it (in worker processes).
    auto batch = test::run_shell(dir, bin + " check --lang en --format json .");
    CHECK(batch.out.find("progress.target.below") != std::string::npos);
    CHECK(batch.out.find("progress.unpaired") != std::string::npos);
    // One file alone: no pairing, no progress finding.
    auto alone = test::run_shell(dir, bin + " check --lang en --format json bao-cao-mot-phan.txt");
    CHECK(alone.out.find("progress.") == std::string::npos);
    // --plan pairs explicitly.
    auto expl = test::run_shell(dir, bin + " check --lang en --plan ke-hoach-tan-phu.txt bao-cao-mot-phan.txt");
    CHECK(expl.out.find("progress.target.below") != std::string::npos);
    auto missing = test::run_shell(dir, bin + " check --plan nowhere.txt bao-cao-mot-phan.txt");
    CHECK(missing.code == 2);
    // The batch HTML has one row per paired unit.
    auto html = test::run_shell(dir, bin + " check --lang en --format html .");
    CHECK(html.out.find("id=\"progress\"") != std::string::npos);
    CHECK(html.out.find("Báo cáo số 96/BC-UBND") != std::string::npos);
    // plancheck progress: text, JSON, HTML; the plan found in the report's folder.
    auto text = test::run_shell(dir, bin + " progress --lang en bao-cao-mot-phan.txt");
    CHECK(text.code == 0);
    CHECK(text.out.find("[not reported]") != std::string::npos);
    auto json = test::run_shell(dir, bin + " progress --format json bao-cao-mot-phan.txt");
    CHECK(json.out.find("\"status\": \"not-met\"") != std::string::npos);
    auto page = test::run_shell(dir, bin + " progress --format html --plan ke-hoach-tan-phu.txt bao-cao-mot-phan.txt");
    CHECK(page.out.find("<table>") != std::string::npos);
    auto none = test::run_shell(dir, bin + " progress bao-cao-khong-ghep.txt");
    CHECK(none.code == 2);
    fs::remove_all(dir);
}

TEST_CASE("progress: the seed plan with a report written for it", "[progress][seed]") {
    std::string seed = test::seed_path();
    if (seed.empty()) {
        WARN("skipped: ../shared/seeds/001_*.txt is not present");
        return;
    }
    auto opts = paired_options(seed, {});
    auto r = pipeline::check_file((folder() / "seed" / "bao-cao-seed-001.txt").string(), book(), opts);
    REQUIRE(r.progress);
    const auto& t = *r.progress;
    // The table a reviewer draws by hand: the plan's three shares (lines 29, 31,
    // 33) and the May campaign (line 55) against the 2022 report; the report's
    // three conferences have no target in the plan.
    check_rows(t, {{"not-met", 100, 2025, 92},
                   {"not-met", 100, 2030, 92},
                   {"met", 100, 2025, 100},
                   {"met", 5, 0, 5},
                   {"no-target", 0, 0, 3}});
    std::vector<uint32_t> target_lines, result_lines;
    for (const auto& row : t.rows) target_lines.push_back(row.target_line), result_lines.push_back(row.result_line);
    CHECK(target_lines == std::vector<uint32_t>{29, 31, 33, 55, 0});
    CHECK(result_lines == std::vector<uint32_t>{18, 18, 22, 30, 26});
    CHECK(t.rows[0].target_section == "I.2");
    CHECK(t.rows[3].target_section == "III.2");
    CHECK_FALSE(t.rows[0].due);  // 2022 has not reached 2025: not met, and no finding
    CHECK(t.period_from == 2022);
    CHECK(t.horizon_from == 2020);
    CHECK(t.horizon_to == 2030);
    // Nothing to report: no target is due and below, none unreported, the period is in the horizon,
    // and the plan's blank number cannot contradict the report's citation.
    for (const auto& d : r.diagnostics) CHECK(d.rule.rfind("progress.", 0) != 0);
}

TEST_CASE("progress: the index reads a long .txt plan's identity from its first lines, as from the whole file") {
    // Every .txt plan of the corpus (two-column, tab-separated, hard-wrapped,
    // legal-database layouts among them), made long: a body of 400 lines of
    // another width follows, so the whole file's line statistics are not
    // those of its first lines. The index keeps the first lines only; the
    // identity pairing scores by must be the one of the whole file.
    test::TempDir dir("index-head");
    std::string body;
    for (int i = 0; i < 400; ++i)
        body += (i % 5 == 0 ? std::to_string(i / 5 + 1) + ". Nhiệm vụ " : "- Tổ chức tuyên truyền chính sách bảo hiểm xã hội ") +
                std::string(static_cast<size_t>(i % 40), 'x') + "\n";
    size_t plans = 0;
    for (const char* sub : {"plans", "layout", "progress", "kinds", "presentation"}) {
        for (const auto& e : fs::directory_iterator(fs::path(test::source_dir()) / "corpus" / sub)) {
            if (e.path().extension() != ".txt") continue;
            std::string text = test::slurp(e.path());
            const std::string long_path = dir.write(e.path().filename().string(), text + "\n" + body);
            auto r = ingest::read_file(long_path);
            auto* doc = std::get_if<SourceDocument>(&r);
            if (!doc) continue;
            auto whole = pipeline::analyze_header(std::move(*doc));
            const DocKind k = whole->model.outline.kind;
            if (k != DocKind::Plan && k != DocKind::Programme) continue;
            ++plans;
            INFO(e.path().string());
            const DocIdentity want = extract::identity_of(whole->model);
            pipeline::Budget budget;
            auto idx = pipeline::index_plans({long_path}, {}, 1, budget, false);
            REQUIRE(idx.plans.size() == 1);
            const DocIdentity& got = idx.plans[0].id;
            CHECK(got.number == want.number);
            CHECK(got.symbol == want.symbol);
            CHECK(got.date.day == want.date.day);
            CHECK(got.date.month == want.date.month);
            CHECK(got.date.year == want.date.year);
            CHECK(got.agency == want.agency);
            CHECK(got.title == want.title);
        }
    }
    CHECK(plans >= 10);
}

TEST_CASE("progress: the index finds a plan whose header follows a long paragraph, read further") {
    // A note of 45 hard-wrapped lines above the header lays out into one
    // block: the index's first lines hold no header, and the file is read
    // again further, as the check reads it.
    test::TempDir dir("index-late-header");
    const std::string plan = test::slurp(folder() / "ke-hoach-tan-phu.txt");
    std::string note;
    for (int i = 0; i < 45; ++i)
        note += std::string(i == 0 ? "Ghi chú của văn phòng" : "các phòng chuyên môn") +
                " góp ý vào dự thảo kế hoạch này và gửi lại trước ngày làm việc tiếp theo để tổng hợp\n";
    const std::string path = dir.write("ke-hoach-ghi-chu.txt", note + "\n" + plan);
    auto r = ingest::read_file(path);
    auto* doc = std::get_if<SourceDocument>(&r);
    REQUIRE(doc);
    auto whole = pipeline::analyze_header(std::move(*doc));
    REQUIRE(whole->model.outline.kind == DocKind::Plan);
    const DocIdentity want = extract::identity_of(whole->model);
    REQUIRE(want.number == "45");
    pipeline::Budget budget;
    auto idx = pipeline::index_plans({path}, {}, 1, budget, false);
    REQUIRE(idx.plans.size() == 1);
    CHECK(idx.plans[0].id.number == want.number);
    CHECK(idx.plans[0].id.symbol == want.symbol);
    CHECK(idx.plans[0].id.title == want.title);
}

TEST_CASE("progress: a symbol is keyed in one spelling") {
    CHECK(extract::symbol_key("KH-UBND") == "khubnd");
    CHECK(extract::symbol_key("kh–ubnd") == extract::symbol_key("KH-UBND"));
    CHECK(extract::symbol_key("QĐ-TTg") == "qdttg");
    CHECK(extract::symbol_key("KH-BCĐ") != extract::symbol_key("KH-UBND"));
}

TEST_CASE("progress: the index looks a report's plan up by symbol and chooses as a scan of every plan would") {
    // The corpus plan among decoys: the same symbol with other numbers, and
    // other symbols with its number. A report must pair with the plan that the
    // best pairing_score over every plan of the index names.
    test::TempDir dir("by-symbol");
    const std::string plan = test::slurp(folder() / "ke-hoach-tan-phu.txt");
    const std::string number = "Số: 45/KH-UBND";
    REQUIRE(plan.find(number) != std::string::npos);
    auto variant = [&](const std::string& to) {
        std::string s = plan;
        s.replace(s.find(number), number.size(), to);
        return s;
    };
    for (int n = 40; n < 52; ++n)
        if (n != 45) dir.write("ke-hoach-" + std::to_string(n) + ".txt", variant("Số: " + std::to_string(n) + "/KH-UBND"));
    for (const char* sym : {"KH-BCĐ", "KH-UBMTTQ", "QĐ-UBND", "KH-BHXH"})
        dir.write(std::string("ke-hoach-45-") + sym + ".txt", variant(std::string("Số: 45/") + sym));
    dir.write("ke-hoach-tan-phu.txt", plan);
    for (const char* r : {"bao-cao-mot-phan.txt", "bao-cao-day-du.txt", "bao-cao-mau-thuan.txt", "bao-cao-khong-ghep.txt"})
        dir.write(r, test::slurp(folder() / r));

    auto opts = paired_options("", {dir.path.string()});
    REQUIRE(opts.plans);
    const auto& idx = *opts.plans;
    REQUIRE(idx.plans.size() == 16);
    size_t indexed = 0;
    for (const auto& [key, list] : idx.by_key) {
        indexed += list.size();
        CHECK(std::is_sorted(list.begin(), list.end()));
        for (uint32_t k : list)
            CHECK(key == extract::symbol_key(idx.plans[k].id.symbol) + "\x1f" + extract::number_key(idx.plans[k].id.number));
    }
    CHECK(indexed == idx.plans.size());
    CHECK(idx.by_key.size() == 16);  // every plan its own symbol and number
    Citation cite;
    cite.symbol = "KH–UBND", cite.number = "045";
    auto cands = idx.candidates(cite);
    REQUIRE(cands.size() == 1);
    CHECK(fs::path(idx.plans[cands[0]].path).filename() == "ke-hoach-tan-phu.txt");

    size_t paired = 0;
    for (const char* r : {"bao-cao-mot-phan.txt", "bao-cao-day-du.txt", "bao-cao-mau-thuan.txt", "bao-cao-khong-ghep.txt"}) {
        INFO(r);
        const std::string path = (dir.path / r).string();
        auto read = ingest::read_file(path);
        auto a = pipeline::analyze(std::move(std::get<SourceDocument>(read)));
        // The scan of every plan that the index replaces.
        const pipeline::PlanEntry* want = nullptr;
        int best = 0;
        for (int c : extract::plan_citations(a->model))
            for (const auto& e : idx.plans) {
                int s = extract::pairing_score(a->model, a->model.citations[static_cast<size_t>(c)], e.id);
                if (s > best) best = s, want = &e;
            }
        auto got = pipeline::check_file(path, book(), opts);
        if (!want) {
            CHECK_FALSE(got.progress);
            continue;
        }
        REQUIRE(got.progress);
        CHECK(got.progress->plan_path == want->path);
        CHECK(fs::path(want->path).filename() == "ke-hoach-tan-phu.txt");
        ++paired;
    }
    CHECK(paired == 3);
}

TEST_CASE("progress: the index read by workers, in chunks, is the index read in-process", "[progress]") {
    // More files than three chunks hold, plans and reports mixed, so that
    // chunks end inside runs of either and the last chunk is short.
    test::TempDir dir("index-chunks");
    const std::string plan = test::slurp(folder() / "ke-hoach-tan-phu.txt");
    const std::string report = test::slurp(folder() / "bao-cao-day-du.txt");
    const std::string number = "Số: 45/KH-UBND";
    REQUIRE(plan.find(number) != std::string::npos);
    std::vector<std::string> paths;
    for (int n = 1; n <= 101; ++n) {
        if (n % 3 == 0) {
            paths.push_back(dir.write("bao-cao-" + std::to_string(n) + ".txt", report));
            continue;
        }
        std::string s = plan;
        s.replace(s.find(number), number.size(), "Số: " + std::to_string(n) + "/KH-UBND");
        paths.push_back(dir.write("ke-hoach-" + std::to_string(n) + ".txt", s));
    }
    pipeline::Budget budget;
    auto alone = pipeline::index_plans(paths, {}, 1, budget, false);
    auto workers = pipeline::index_plans(paths, {}, 2, budget, true);
    REQUIRE(alone.plans.size() == 68);  // 101 files, every third a report
    REQUIRE(workers.plans.size() == alone.plans.size());
    for (size_t i = 0; i < alone.plans.size(); ++i) {
        INFO(alone.plans[i].path);
        CHECK(workers.plans[i].path == alone.plans[i].path);
        CHECK(workers.plans[i].id.number == alone.plans[i].id.number);
        CHECK(workers.plans[i].id.symbol == alone.plans[i].id.symbol);
        CHECK(workers.plans[i].id.date.year == alone.plans[i].id.date.year);
        CHECK(workers.plans[i].id.agency == alone.plans[i].id.agency);
    }
    CHECK(alone.plans.back().id.number == "101");
}

TEST_CASE("progress: a plan paired again is read again only once it changed", "[progress]") {
    // Reports of one plan share its targets (pairing.cpp keeps them per file
    // while it is unchanged): the table is the one built from the plan's
    // model, and an edit to the plan shows in the next report's table.
    test::TempDir dir("plan-memo");
    std::string plan = test::slurp(folder() / "ke-hoach-tan-phu.txt");
    const std::string plan_path = dir.write("ke-hoach-tan-phu.txt", plan);
    const std::string report_path = dir.write("bao-cao-mot-phan.txt", test::slurp(folder() / "bao-cao-mot-phan.txt"));
    auto opts = paired_options("", {dir.path.string()});

    auto direct = [&] {
        auto p = std::get<SourceDocument>(ingest::read_file(plan_path));
        auto r = std::get<SourceDocument>(ingest::read_file(report_path));
        auto pa = pipeline::analyze(std::move(p));
        auto ra = pipeline::analyze(std::move(r));
        return table_text(extract::build_progress(pa->model, ra->model), "r", "p");
    };
    for (int round = 0; round < 2; ++round) {
        auto r = pipeline::check_file(report_path, book(), opts);
        REQUIRE(r.progress);
        CHECK(r.progress->rows[0].target == Approx(100));
        CHECK(table_text(*r.progress, "r", "p") == direct());
    }
    const auto first = plan.find("phấn đấu 100%");
    REQUIRE(first != std::string::npos);
    plan.replace(first, std::string("phấn đấu 100%").size(), "phấn đấu 95%");
    test::spit(plan_path, plan);
    auto again = pipeline::check_file(report_path, book(), opts);
    REQUIRE(again.progress);
    CHECK(again.progress->rows[0].target == Approx(95));
    CHECK(table_text(*again.progress, "r", "p") == direct());
}

namespace {
std::unique_ptr<pipeline::Analysis> analysed(const std::string& path) {
    return pipeline::analyze(std::get<SourceDocument>(ingest::read_file(path)));
}
}  // namespace

TEST_CASE("progress: a plan's targets cross the worker pipe whole", "[progress]") {
    // Another worker builds its tables from what arrives: each report's table
    // must be the one built from the plan's model here.
    auto plan = analysed((folder() / "ke-hoach-tan-phu.txt").string());
    const extract::PlanTargets targets = extract::plan_targets(plan->model);
    REQUIRE_FALSE(targets.targets.empty());
    REQUIRE_FALSE(targets.months.empty());
    extract::PlanTargets back;
    REQUIRE(pipeline::deserialize_targets(pipeline::serialize_targets(targets), back));
    int reports = 0;
    for (const auto& e : fs::directory_iterator(folder())) {
        if (e.path().extension() != ".txt" || e.path().filename().string().rfind("bao-cao", 0) != 0) continue;
        auto report = analysed(e.path().string());
        CHECK(pipeline::serialize_progress(extract::build_progress(back, report->model)) ==
              pipeline::serialize_progress(extract::build_progress(targets, report->model)));
        ++reports;
    }
    CHECK(reports >= 4);
    // Every bit of a value: 0.1 + 0.2 is not 0.3 (put_double keeps six decimals).
    extract::PlanTargets odd = targets;
    odd.targets[0].figure.value = 0.1 + 0.2;
    odd.targets[0].figure.at_least = !odd.targets[0].figure.at_least;
    REQUIRE(pipeline::deserialize_targets(pipeline::serialize_targets(odd), back));
    CHECK(back.targets[0].figure.value == 0.1 + 0.2);
    CHECK(back.targets[0].figure.at_least == odd.targets[0].figure.at_least);
    CHECK(back.targets[0].figure.words == odd.targets[0].figure.words);
    CHECK(back.months[0].mention.what == odd.months[0].mention.what);
    // Cut short: refused, not misread.
    const std::string bytes = pipeline::serialize_targets(targets);
    CHECK_FALSE(pipeline::deserialize_targets(std::string_view(bytes).substr(0, bytes.size() - 3), back));
    CHECK_FALSE(pipeline::deserialize_targets(bytes + "x", back));
}

TEST_CASE("progress: a plan another worker analysed is used while its file is unchanged", "[progress]") {
    test::TempDir dir("plan-shared");
    const std::string plan_path = dir.write("ke-hoach-tan-phu.txt", test::slurp(folder() / "ke-hoach-tan-phu.txt"));
    const std::string report_path = dir.write("bao-cao-mot-phan.txt", test::slurp(folder() / "bao-cao-mot-phan.txt"));
    auto opts = paired_options("", {dir.path.string()});
    struct stat st {};
    REQUIRE(::stat(plan_path.c_str(), &st) == 0);
    // As another worker would send it, with a target this file does not have:
    // the table shows it, so the plan was not read again.
    extract::PlanTargets t = extract::plan_targets(analysed(plan_path)->model);
    REQUIRE(t.targets[0].figure.value == Approx(100));
    t.targets[0].figure.value = 77;
    pipeline::add_plans(pipeline::shared_plan(plan_path, opts.ingest, st, t));
    auto r = pipeline::check_file(report_path, book(), opts);
    REQUIRE(r.progress);
    CHECK(r.progress->rows[0].target == Approx(77));
    // Sent again, it does not replace what this process has.
    t.targets[0].figure.value = 66;
    pipeline::add_plans(pipeline::shared_plan(plan_path, opts.ingest, st, t));
    r = pipeline::check_file(report_path, book(), opts);
    REQUIRE(r.progress);
    CHECK(r.progress->rows[0].target == Approx(77));
    // The file written since (the same text, a new state): read again.
    timespec times[2] = {{st.st_mtim.tv_sec + 5, 0}, {st.st_mtim.tv_sec + 5, 0}};
    REQUIRE(::utimensat(AT_FDCWD, plan_path.c_str(), times, 0) == 0);
    r = pipeline::check_file(report_path, book(), opts);
    REQUIRE(r.progress);
    CHECK(r.progress->rows[0].target == Approx(100));
    // Damaged bytes add nothing and break nothing.
    std::string bad = pipeline::shared_plan(plan_path, opts.ingest, st, t);
    pipeline::add_plans(std::string_view(bad).substr(0, bad.size() / 2));
    pipeline::add_plans("");
    r = pipeline::check_file(report_path, book(), opts);
    REQUIRE(r.progress);
    CHECK(r.progress->rows[0].target == Approx(100));
}

TEST_CASE("progress: a check's table is the full table without the unplanned rows", "[progress]") {
    // The rules read a table built without the rows for results the plan has
    // no target for (a long report states tens of thousands); every other row
    // must be the one the full table has, in the same order. The reports of
    // corpus/progress, and one made long with unplanned figures and a second
    // figure for a target, so that results compete for it.
    auto plan = analysed((folder() / "ke-hoach-tan-phu.txt").string());
    const auto targets = extract::plan_targets(plan->model);
    REQUIRE(!targets.targets.empty());
    test::TempDir dir("unplanned");
    std::vector<std::string> paths;
    for (const auto& e : fs::directory_iterator(folder()))
        if (e.path().extension() == ".txt" && e.path().filename().string().rfind("bao-cao", 0) == 0)
            paths.push_back(e.path().string());
    std::string longer = test::slurp(folder() / "bao-cao-day-du.txt");
    std::string more;
    for (int k = 0; k < 300; ++k) more += "Thôn " + std::to_string(k + 1) + " tổ chức " + std::to_string(k + 2) + " buổi sinh hoạt câu lạc bộ.\n";
    more += "Đến nay, 97% cán bộ, đảng viên, người lao động trên địa bàn xã được tuyên truyền.\n";
    const size_t at = longer.find("II. TỒN TẠI");
    REQUIRE(at != std::string::npos);
    longer.insert(at, more);  // in the body, under part I (the results)
    paths.push_back(dir.write("bao-cao-dai.txt", longer));
    size_t unplanned_rows = 0, compared = 0;
    for (const auto& path : paths) {
        INFO(path);
        auto report = analysed(path);
        const ProgressTable full = extract::build_progress(targets, report->model, true);
        const ProgressTable lean = extract::build_progress(targets, report->model, false);
        std::vector<const ProgressRow*> kept;
        for (const auto& r : full.rows)
            if (r.status == ProgressStatus::NoTarget) ++unplanned_rows;
            else kept.push_back(&r);
        REQUIRE(lean.rows.size() == kept.size());
        for (size_t i = 0; i < kept.size(); ++i) {
            CHECK(lean.rows[i].status == kept[i]->status);
            CHECK(lean.rows[i].subject == kept[i]->subject);
            CHECK(lean.rows[i].result == kept[i]->result);
            CHECK(lean.rows[i].result_line == kept[i]->result_line);
            CHECK(lean.rows[i].target_line == kept[i]->target_line);
            compared += kept[i]->has_result;
        }
    }
    CHECK(unplanned_rows >= 300);
    CHECK(compared >= 3);
}

TEST_CASE("progress: a report's figures kept for the table are the figures found again", "[progress]") {
    // Pairing keeps a report's figures (keep_figures) and figure.contradiction
    // reads them from there: the same figures, in the same order, whether
    // results only or all.
    auto text_of = [](const extract::Figure& f) {
        std::ostringstream os;
        os << f.kind << '|' << f.value << '|' << f.unit << '|' << f.year << '|' << f.subject << '|' << f.ref.block << ','
           << f.ref.begin << ',' << f.ref.end << '|' << f.sentence.block << ',' << f.sentence.begin << ','
           << f.sentence.end << '|' << f.target << f.change << f.condition << f.at_least << '|';
        for (const auto& w : f.words) os << w << ' ';
        return os.str();
    };
    auto all = [&](const Model& m, bool results_only) {
        std::vector<std::string> out;
        extract::each_figure(m, [&](extract::Figure&& f) { out.push_back(text_of(f)); }, results_only);
        return out;
    };
    int checked = 0;
    for (const auto& e : fs::directory_iterator(folder())) {
        if (e.path().extension() != ".txt") continue;
        auto a = analysed(e.path().string());
        const auto results = all(a->model, true), every = all(a->model, false);
        extract::keep_figures(a->model);
        REQUIRE(a->model.figures);
        CHECK(all(a->model, true) == results);
        CHECK(all(a->model, false) == every);
        CHECK(extract::figures_of(a->model).size() == every.size());
        checked += every.size() > results.size() && !results.empty();
    }
    CHECK(checked >= 1);  // a document with both results and other figures
    // A report stating more figures than kept is read again by each.
    std::string many = test::slurp(folder() / "bao-cao-mot-phan.txt");
    for (size_t k = 0; k <= extract::kMaxKeptFigures; ++k) many += "Huyện tổ chức " + std::to_string(k + 1) + " hội nghị.\n";
    test::TempDir dir("many-figures");
    auto big = analysed(dir.write("bao-cao.txt", many));
    extract::keep_figures(*const_cast<Model*>(&big->model));
    CHECK_FALSE(big->model.figures);
}
