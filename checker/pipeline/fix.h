// --fix: applies the replacements diagnostics carry (Diagnostic::fix) to
// plain-text and Markdown files, and on a .docx sets the page setup Decree 30
// asks for (paper, margins: ingest::fix_docx_page) when the margins or paper
// rule finds it wrong; `diff` then lists the changes ("lề trái: 25 mm → 30 mm").
// Nothing else in plancheck writes a user's file.
//
// Guarantees: only .txt/.md in UTF-8 are changed; the byte order mark and the
// line ends (LF, CRLF, CR) are kept; the file is replaced atomically (see
// atomic_file.h) and only when at least one replacement changes it; of
// overlapping fixes the first (in diagnostic order) wins, the rest are skipped.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/pipeline.h"

namespace plancheck::pipeline {

// One replacement as a byte range of the file.
struct Edit {
    size_t begin = 0, end = 0;
    std::string replacement;
};

struct FixPlan {
    std::vector<Edit> edits;  // applied, in byte order, non-overlapping
    size_t overlapping = 0;   // skipped: overlaps an earlier fix
    size_t out_of_range = 0;  // skipped: position not in the file (stale diagnostic)
    std::string result;       // the file's bytes after the edits
};

// Maps the fixes of `diags` (original line/column in code points; column 1
// of line 1 is just after a BOM) onto `bytes` and applies them.
FixPlan plan_fixes(std::string_view bytes, const std::vector<Diagnostic>& diags);

// Unified diff (3 lines of context) turning `before` into plan.result;
// both header lines name `path`, so `patch -p0` applies it. Empty when
// there are no edits. Original line ends are kept in the diff lines.
std::string unified_diff(const std::string& path, std::string_view before, const FixPlan& plan);

enum class FixStatus {
    Fixed,         // file rewritten (or, in a dry run, would be)
    NothingToFix,  // no applicable fix: file untouched
    NotFixable,    // format other than .txt/.md: untouched
    NotUtf8,       // legacy/UTF-16 encoding (detail: its name): untouched
    HardLinks,     // several hard links (detail: how many): untouched
    ReadOnly,      // the user may not write the file (a rename could, but should not): untouched
    Changed,       // modified by someone else while being fixed: untouched
    Unreadable,    // could not be read: untouched
    WriteFailed,   // the atomic replace failed (detail: why): untouched
};

struct FixOutcome {
    FixStatus status = FixStatus::NothingToFix;
    std::string detail;     // see FixStatus; the CLI words the message in --lang
    size_t applied = 0;
    size_t skipped = 0;     // overlapping or out of range
    std::string diff;       // filled in dry runs
    std::string backup;     // Fixed (not a dry run): where the original bytes were kept ("" with Options::fix_backup off)
    FileResult remaining;   // diagnostics after fixing (in a dry run: what would remain)
};

// Project settings applied to a file's diagnostics before anything else
// (.plancheck.yaml disable/severity): a disabled rule's fix is not applied.
using Adjust = std::function<void(std::vector<Diagnostic>&)>;

// Checks `path`, applies its fixes and writes the file atomically (unless
// `dry_run`, which only fills `diff`), then re-checks the result. `adjust`,
// when given, filters the diagnostics of every check it makes.
FixOutcome fix_file(const std::string& path, const rules::RuleBook& book, const Options& opts, bool dry_run,
                    const Adjust& adjust = {});

}  // namespace plancheck::pipeline
