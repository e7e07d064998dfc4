#include "fuzz/harness.h"

#include <nlohmann/json.hpp>

#include <sstream>
#include <tuple>

#include "core/utf8.h"
#include "ingest/plugin.h"
#include "pipeline/fix.h"
#include "pipeline/pipeline.h"
#include "report/report.h"

namespace plancheck::fuzz {
namespace {

[[noreturn]] void fail(const Diagnostic& d, const std::string& what) {
    throw Violation(d.rule + " at " + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + what);
}

void check_diagnostic(const Diagnostic& d, size_t max_line) {
    if (d.rule.empty()) fail(d, "no rule id");
    if (!is_category(d.category)) fail(d, "category '" + d.category + "' is not in the contract");
    if (d.message.empty()) fail(d, "empty message");
    if (d.legal_basis.empty()) fail(d, "empty legal_basis");
    if (d.line == 0) {  // the whole file
        if (d.column || d.end_line || d.end_column) fail(d, "whole-file diagnostic with a column or an end");
        return;
    }
    if (d.column == 0 || d.end_line == 0 || d.end_column == 0) fail(d, "a 0 in a 1-based position");
    if (std::tie(d.end_line, d.end_column) < std::tie(d.line, d.column)) fail(d, "ends before it starts");
    if (max_line && d.end_line > max_line) fail(d, "line past the end of the file (" + std::to_string(max_line) + ")");
}

// Lines the original has at most: every '\n' or '\r' may end one.
size_t line_bound(std::string_view bytes) {
    size_t n = 1;
    for (char c : bytes) n += c == '\n' || c == '\r';
    return n;
}

void check_reports(const pipeline::FileResult& fr) {
    std::vector<report::FileReport> files{{fr.path, fr.format, fr.diagnostics}};
    report::Options opts;
    opts.lang = "en";
    for (const auto& format : report::formats()) {
        std::ostringstream os;
        report::write(os, format, files, opts);
        if (format == "json" || format == "sarif") {
            try {
                auto parsed = nlohmann::json::parse(os.str());
                if (!parsed.is_object()) throw Violation("the " + format + " report is not a JSON object");
            } catch (const nlohmann::json::exception& e) {
                throw Violation("the " + format + " report is not valid JSON: " + e.what());
            }
        }
    }
}

ingest::Result read(std::string_view bytes, std::string_view format, const ingest::Options& opts) {
    const std::string path = "fuzz." + std::string(format);
    if (format == "docx") return ingest::read_docx_document(bytes, path, opts);
    if (format == "pdf") return ingest::read_pdf_document(bytes, path, opts);
    return ingest::read_bytes(bytes, format, path, opts);
}

}  // namespace

void check_input(std::string_view bytes, std::string_view format, const rules::RuleBook& book) {
    pipeline::Options opts;
    opts.check.lang = "en";
    opts.check.today = Date{30, 11, 2026};  // results must not depend on the day it runs
    opts.ingest.pdf_in_child = g_pdf_in_child;
    opts.ingest.soffice = "off";  // a mutated text that looks like RTF or .doc: no LibreOffice run per input
    auto fr = pipeline::check_ingested(read(bytes, format, opts.ingest), "fuzz." + std::string(format),
                                       std::string(format), book, opts);
    const bool line_based = format == "txt" || format == "md" || format == "html";
    const size_t max_line = line_based ? line_bound(bytes) : 0;  // once: per finding it was quadratic
    for (const auto& d : fr.diagnostics) check_diagnostic(d, max_line);
    if (fr.unreadable && (fr.diagnostics.size() != 1 || fr.diagnostics[0].category != "input.unreadable"))
        throw Violation("an unreadable input must give exactly one input.unreadable diagnostic");
    check_reports(fr);
    if ((format == "txt" || format == "md") && !fr.unreadable && utf8::valid(bytes)) {
        auto plan = pipeline::plan_fixes(bytes, fr.diagnostics);
        if (!utf8::valid(plan.result)) throw Violation("--fix would write invalid UTF-8");
    }
}

}  // namespace plancheck::fuzz
