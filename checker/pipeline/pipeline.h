// The whole pipeline for one input: ingest -> normalize -> structure ->
// extract -> rules. Used by the CLI, `rules test` and the corpus tests.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "pipeline/pairing.h"
#include "rules/engine.h"

namespace plancheck::pipeline {

// A document and its model. Heap-allocated because Model points into doc.
struct Analysis {
    SourceDocument doc;
    Model model;
};

// normalize + structure + extract on an ingested document.
std::unique_ptr<Analysis> analyze(SourceDocument doc);
// The stages up to the header only (layout, normalize's text, the header and kind of
// the structure stage; no sections, no extraction): enough to know a
// document's kind and identity, as the batch's index of candidate plans needs
// for every file. model.outline holds the header and kind, nothing else.
std::unique_ptr<Analysis> analyze_header(SourceDocument doc);

struct FileResult {
    std::string path;
    std::string format;
    std::vector<Diagnostic> diagnostics;
    bool unreadable = false;
    std::vector<rules::AppliedSet> sets;  // empty when unreadable
    std::optional<ProgressTable> progress = std::nullopt;  // a report paired with its plan (Options::plans)
    // With Options::keep_text: the body's text (blocks between the legal
    // bases and the closing, one per line) and the document's date from its
    // header (yyyy-mm-dd, "" when not found), for the near-copy index.
    std::string text = {}, date = {};
};

struct Options {
    ingest::Options ingest;
    rules::CheckOptions check;
    std::vector<std::string> rulesets;  // --ruleset
    // Pairing (docs/progress.md): the plans a report may be checked against
    // (a batch, --plans, --plan); null: no pairing.
    std::shared_ptr<const PlanIndex> plans;
    bool keep_text = false;             // fill FileResult::text and ::date
    bool keep_progress = true;          // fill FileResult::progress (a paired report's table)
    bool fix_backup = true;             // --fix keeps the original as NAME~ (off: --no-backup)
    // --timeout: the time budget of one file, in seconds (0: none). The
    // readers, stages and rules check it (core/deadline.h); a file that runs
    // past it gets one input.unreadable finding, "stopped after N s".
    double timeout_seconds = 0;
};

// Checks one file end to end. Unreadable input becomes one input.unreadable
// diagnostic; this never throws for bad input (std::bad_alloc aside: the
// caller knows the memory budget and says so).
FileResult check_file(const std::string& path, const rules::RuleBook& book, const Options& opts);
FileResult check_bytes(std::string_view bytes, std::string_view format, const std::string& path,
                       const rules::RuleBook& book, const Options& opts);
// The rest of the pipeline on what a reader returned (a document or why it is
// unreadable): for callers that run a reader themselves (the fuzz harness
// calls the .docx and .pdf readers without their plug-in modules).
FileResult check_ingested(ingest::Result r, const std::string& path, std::string format,
                          const rules::RuleBook& book, const Options& opts);

// Why a read document has no usable text (nothing but white space, controls
// or symbols; or too few words that are Vietnamese syllables: poor OCR, binary
// junk), or nullopt when it has. Run on the body after layout and normalize.
std::optional<UnreadableInput> unusable_text(const SourceDocument& doc);

// The input.unreadable diagnostic for `path` (the contract's fixed shape), its reason
// and hint in `lang` (ingest::localized).
Diagnostic unreadable(const std::string& path, const UnreadableInput& why, const std::string& lang);

}  // namespace plancheck::pipeline
