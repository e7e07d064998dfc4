#include "pipeline/pipeline.h"

#include "extract/extract.h"
#include "layout/layout.h"
#include "layout/pdf_pages.h"
#include "normalize/normalize.h"
#include "pipeline/today.h"
#include "structure/structure.h"

namespace plancheck::pipeline {

std::unique_ptr<Analysis> analyze(SourceDocument doc) {
    auto a = std::make_unique<Analysis>();
    a->doc = std::move(doc);
    layout::recover(a->doc);
    normalize::normalize(a->doc);
    a->model.doc = &a->doc;
    a->model.outline = structure::build_outline(a->doc);
    extract::extract_all(a->model);
    return a;
}

Diagnostic unreadable(const std::string& path, const UnreadableInput& why, const std::string& lang) {
    Diagnostic d;
    d.rule = "input.unreadable";
    d.category = "input.unreadable";
    d.severity = Severity::Error;
    if (lang == "en") {
        d.message = path + ": cannot read the document: " + why.reason;
        if (!why.hint.empty()) d.message += " (" + why.hint + ")";
    } else {
        d.message = path + ": không đọc được văn bản: " + why.reason;
        if (!why.hint.empty()) d.message += " (" + why.hint + ")";
    }
    d.line = d.column = d.end_line = d.end_column = 1;
    d.legal_basis = "plancheck: input must be a readable .docx, .txt, .md, .html or .pdf file";
    return d;
}

FileResult check_ingested(ingest::Result r, const std::string& path, std::string format,
                          const rules::RuleBook& book, const Options& opts) {
    FileResult fr;
    fr.path = path;
    fr.format = std::move(format);
    if (auto* bad = std::get_if<UnreadableInput>(&r)) {
        fr.unreadable = true;
        fr.diagnostics.push_back(unreadable(path, *bad, opts.check.lang));
        return fr;
    }
    auto a = analyze(std::move(std::get<SourceDocument>(r)));
    fr.sets = rules::select_sets(book, a->model, opts.rulesets);
    rules::CheckOptions check = opts.check;
    if (check.today.empty()) check.today = system_today();
    fr.diagnostics = rules::evaluate(book, fr.sets, a->model, check);
    layout::locate_pages(a->doc, fr.diagnostics);
    return fr;
}

FileResult check_file(const std::string& path, const rules::RuleBook& book, const Options& opts) {
    return check_ingested(ingest::read_file(path, opts.ingest), path, ingest::format_of(path), book, opts);
}

FileResult check_bytes(std::string_view bytes, std::string_view format, const std::string& path,
                       const rules::RuleBook& book, const Options& opts) {
    return check_ingested(ingest::read_bytes(bytes, format, path, opts.ingest), path, std::string(format),
                          book, opts);
}

}  // namespace plancheck::pipeline
