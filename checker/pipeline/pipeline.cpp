#include "pipeline/pipeline.h"

#include <algorithm>
#include <cstdio>

#include "core/vn_syllable.h"
#include "extract/extract.h"
#include "layout/layout.h"
#include "layout/pdf_pages.h"
#include "normalize/normalize.h"
#include "pipeline/context.h"
#include "pipeline/suppress.h"
#include "pipeline/today.h"
#include "structure/structure.h"

namespace plancheck::pipeline {

namespace {
// Thresholds measured on the 103 real documents and corpus/ (docs/formats.md,
// "Usable text"): readable documents have 79-98% of their words Vietnamese
// syllables, poor OCR (a Vietnamese scan read as English) 33-40%. Below
// kMinWordsForShare words the share says too little to reject anything.
constexpr double kMinSyllableShare = 0.60;
constexpr long kMinWordsForShare = 20;
// A PDF whose text layer holds fewer words than this is a scan with only a
// signature stamp or a watermark as text (7-11 words measured; the shortest
// real document has over 100 words). Typed formats have no such minimum: a
// short text is what its author wrote, and the rules say what is missing.
constexpr long kMinPdfWords = 30;

// The body a unit wrote itself: between the legal bases and the closing (the
// header, the Căn cứ lines and the recipients are shared by design). When the
// outline found no body, everything after the header.
void keep_text(const Analysis& a, FileResult& fr) {
    const auto& o = a.model.outline;
    const auto& blocks = a.doc.blocks;
    size_t begin = o.body_begin, end = std::min<size_t>(o.body_end, blocks.size());
    if (begin >= end) begin = o.header.end, end = blocks.size();
    for (size_t i = begin; i < end; ++i) {
        if (blocks[i].text.empty()) continue;
        fr.text += blocks[i].text;
        fr.text += '\n';
    }
    const Date& d = a.model.issue_date;
    if (d.complete()) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
        fr.date = buf;
    }
}
}  // namespace

namespace {
std::unique_ptr<Analysis> analyze_to(SourceDocument doc, Outline (*structure)(const SourceDocument&),
                                     void (*normalize)(SourceDocument&)) {
    auto a = std::make_unique<Analysis>();
    a->doc = std::move(doc);
    // Between the stages the clock is read every time (their loops check it too).
    layout::recover(a->doc);
    deadline::check_now();
    normalize(a->doc);
    deadline::check_now();
    a->model.doc = &a->doc;
    a->model.outline = structure(a->doc);
    deadline::check_now();
    return a;
}
}  // namespace

std::unique_ptr<Analysis> analyze_header(SourceDocument doc) {
    return analyze_to(std::move(doc), structure::build_header, normalize::normalize_text);
}

std::unique_ptr<Analysis> analyze(SourceDocument doc) {
    auto a = analyze_to(std::move(doc), structure::build_outline, normalize::normalize);
    extract::extract_all(a->model);
    deadline::check_now();
    return a;
}

std::optional<UnreadableInput> unusable_text(const SourceDocument& doc) {
    vn::TextMeasure m;
    for (const auto& b : doc.blocks) m += vn::measure(b.text);
    const char* hint = "if it is a scan, OCR it with Vietnamese selected; otherwise check that the right file was saved";
    if (doc.format == "pdf" && m.words < kMinPdfWords)
        return UnreadableInput{"the document has no usable text: its text layer has only " + std::to_string(m.words) +
                                   (m.words == 1 ? " word" : " words") + " (a signature stamp or a watermark on a scan?)",
                               hint};
    if (m.words == 0)
        return UnreadableInput{"the document has no usable text: it contains only white space, control characters or symbols",
                               hint};
    if (m.syllables == 0)
        return UnreadableInput{"the document has no usable text: none of its " + std::to_string(m.words) +
                                   (m.words == 1 ? " word" : " words") + " is a Vietnamese syllable",
                               hint};
    if (m.words >= kMinWordsForShare && m.share() < kMinSyllableShare)
        return UnreadableInput{"the document has no usable text: only " + std::to_string(m.syllables) + " of its " +
                                   std::to_string(m.words) + " words are Vietnamese syllables (poor OCR, or not Vietnamese text?)",
                               hint};
    return std::nullopt;
}

Diagnostic unreadable(const std::string& path, const UnreadableInput& raw, const std::string& lang) {
    const UnreadableInput why = ingest::localized(raw, lang);
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
    d.legal_basis = lang == "en"
                        ? "plancheck: input must be a readable .docx, .txt, .md, .html or .pdf file (.doc, .rtf, .odt "
                          "with LibreOffice)"
                        : "plancheck: dữ liệu vào phải là tệp .docx, .txt, .md, .html hoặc .pdf đọc được (.doc, .rtf, "
                          ".odt qua LibreOffice)";
    return d;
}

namespace {

FileResult unreadable_result(const std::string& path, std::string format, const UnreadableInput& why,
                             const Options& opts) {
    FileResult fr;
    fr.path = path;
    fr.format = std::move(format);
    fr.unreadable = true;
    fr.diagnostics.push_back(unreadable(path, why, opts.check.lang));
    return fr;
}

FileResult check_read(ingest::Result r, const std::string& path, std::string format, const rules::RuleBook& book,
                      const Options& opts) {
    if (auto* bad = std::get_if<UnreadableInput>(&r)) return unreadable_result(path, std::move(format), *bad, opts);
    FileResult fr;
    fr.path = path;
    fr.format = std::move(format);
    auto a = analyze(std::move(std::get<SourceDocument>(r)));
    if (auto why = unusable_text(a->doc)) {
        fr.unreadable = true;
        fr.diagnostics.push_back(unreadable(path, *why, opts.check.lang));
        return fr;
    }
    // The paired plan's model goes once the report holds its identity and the
    // progress table: the rules need no more of it, and a long report checked
    // against a long plan held both models.
    // The table leaves the check only for --format html; without it the rules
    // need its targets' rows only.
    if (opts.plans && pair_report(*a, *opts.plans, opts.ingest, opts.keep_progress) && opts.keep_progress)
        fr.progress = a->model.plan.table;
    fr.sets = rules::select_sets(book, a->model, opts.rulesets);
    rules::CheckOptions check = opts.check;
    if (check.today.empty()) check.today = system_today();
    fr.diagnostics = rules::evaluate(book, fr.sets, a->model, check);
    layout::locate_pages(a->doc, fr.diagnostics);
    locate_docx(a->doc, fr.diagnostics);
    apply_directives(a->doc, book, fr.diagnostics, opts.check.lang);
    if (opts.keep_text) keep_text(*a, fr);
    return fr;
}

// Runs `body` (read, then check_read) under the file's deadline: a spent
// budget, wherever a loop noticed it, is the file's one input.unreadable.
template <class Body>
FileResult within_budget(const std::string& path, const std::string& format, const Options& opts, Body body) {
    deadline::Scope scope(Deadline::after(opts.timeout_seconds));
    try {
        Options o = opts;
        o.ingest.deadline = deadline::current();
        return body(o);
    } catch (const DeadlineExceeded& e) {
        return unreadable_result(path, format, {deadline::stopped_reason(e.seconds), ""}, opts);
    }
}

}  // namespace

FileResult check_ingested(ingest::Result r, const std::string& path, std::string format,
                          const rules::RuleBook& book, const Options& opts) {
    return within_budget(path, format, opts, [&](const Options& o) {
        return check_read(std::move(r), path, format, book, o);
    });
}

FileResult check_file(const std::string& path, const rules::RuleBook& book, const Options& opts) {
    const std::string format = ingest::format_of(path);
    return within_budget(path, format, opts, [&](const Options& o) {
        return check_read(ingest::read_file(path, o.ingest), path, format, book, o);
    });
}

FileResult check_bytes(std::string_view bytes, std::string_view format, const std::string& path,
                       const rules::RuleBook& book, const Options& opts) {
    return within_budget(path, std::string(format), opts, [&](const Options& o) {
        return check_read(ingest::read_bytes(bytes, format, path, o.ingest), path, std::string(format), book, o);
    });
}

}  // namespace plancheck::pipeline
