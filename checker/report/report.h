// Report stage: diagnostics of many files -> text, JSON, SARIF, JUnit, HTML, CSV.
//
// The report stage depends on core only: what it needs to know about rules
// (for the SARIF rule table) comes in as plain RuleInfo values built by the CLI.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include <memory>

#include "plancheck/diagnostic.h"
#include "plancheck/progress.h"

namespace plancheck::report {

struct FileReport {
    std::string path;
    std::string format;
    std::vector<Diagnostic> diagnostics;
    // A report paired with its plan: its progress table (the batch HTML's
    // progress view, progress_html.cpp); null otherwise.
    std::shared_ptr<const ProgressTable> progress = nullptr;
    // For the near-copy index only (pipeline::FileResult::text, ::date); the
    // CLI moves them into the index as soon as the file is checked.
    std::string text = {}, date = {};
};

struct Summary {
    size_t files = 0, unreadable = 0, clean = 0;
    size_t not_checked = 0;  // files found in folders and not checked (Options::not_checked)
    size_t errors = 0, warnings = 0, infos = 0;
    size_t suppressed = 0;  // findings switched off by inline directives: in none of the counts above
    std::map<std::string, size_t> by_category;
};
Summary summarize(const std::vector<FileReport>& files);
// Adds one file to a summary (summarize() does this for every file).
void tally(Summary& s, const FileReport& f);

// What a report needs to know about one rule (SARIF rule table, HTML legend).
struct RuleInfo {
    std::string id;
    std::string category;
    Severity severity = Severity::Warning;
    std::string legal_basis;
    std::string summary;      // the message template in the chosen language
    std::string description;  // longer explanation, may be empty
    std::string kind_summary; // one line on what the rule kind checks (English), may be empty
};

// A file found in a folder and not checked, with why (in the report's
// language): e.g. "unsupported format .xlsx". Not a finding: it never fails a run.
struct NotChecked {
    std::string path;
    std::string reason;
};

// Two files from different folders (units) that share long passages: a
// batch-level finding (near_copies.h finds them), not a per-file diagnostic.
struct NearCopy {
    struct Side {
        std::string path;
        std::string date;  // the document's date from its header, ISO yyyy-mm-dd; "" when unknown
        double share = 0;  // fraction of its words inside passages shared with the other file
    };
    Side a, b;               // a is the earlier document when the dates tell
    bool dated = false;      // both dates known and different: a was issued first
    size_t shared_words = 0; // words in the passages the two files share
    size_t passages = 0;     // how many separate shared passages
    std::string passage;     // the longest shared passage, as written in a
};

struct Options {
    std::string lang = "vi";
    std::vector<NearCopy> near_copies;  // batch-level: listed by text, JSON, HTML and the summary table
    std::vector<NotChecked> not_checked;  // listed by text, JSON and the summary table
    bool color = false;     // ANSI colours (text and summary table only)
    bool summary = true;    // print the closing summary (text only)
    bool show_suppressed = false;  // text: also print findings an inline directive switched off
    std::string tool_version = "0";
    std::string tool_uri;   // SARIF informationUri; omitted when empty
    std::string rules_uri;  // where rule docs live, for SARIF helpUri ({id} is replaced)
    std::vector<RuleInfo> rules;  // every loaded rule, in rule-book order
    // Findings at least this severe fail (JUnit failure vs. a passing note);
    // Severity values shifted by one so that 3 means "none" (--fail-on none).
    int fail_rank = static_cast<int>(Severity::Error);
    char csv_separator = ',';  // --csv-separator: ';' for Excel with Vietnamese regional settings
};

// The files without their suppressed findings: what the formats that cannot
// mark a finding suppressed (CSV, JUnit, HTML, github, codequality, the
// summary table) are given.
std::vector<FileReport> without_suppressed(const std::vector<FileReport>& files);
FileReport without_suppressed(const FileReport& f);

// Names accepted by --format.
const std::vector<std::string>& formats();

// Writes the report in `format`. Unknown formats throw std::invalid_argument.
void write(std::ostream& os, const std::string& format, const std::vector<FileReport>& files,
           const Options& opts);

// Writes a report one file at a time, in input order, for the formats that
// allow it (text, JSON, CSV): a batch of thousands of documents then never
// holds every diagnostic in memory. The output is byte for byte what write()
// prints for the same files.
class Stream {
public:
    static bool supports(const std::string& format);
    Stream(std::ostream& os, std::string format, const Options& opts);
    void add(const FileReport& f);
    void finish();  // the closing summary (and, for JSON, the closing brackets)
    const Summary& summary() const { return summary_; }

private:
    std::ostream& os_;
    std::string format_;
    const Options& opts_;
    Summary summary_;
};

// The per-file pieces of the streamable formats (text.cpp, json.cpp, csv.cpp).
void write_text_file(std::ostream& os, const FileReport& f, const Options& opts);
void write_json_file(std::ostream& os, const FileReport& f, bool first);
void write_json_summary(std::ostream& os, const Summary& s);
void write_text_not_checked(std::ostream& os, const Options& opts);
void write_json_not_checked(std::ostream& os, const Options& opts);
void write_json_near_copies(std::ostream& os, const Options& opts);
void write_csv_header(std::ostream& os, char sep = ',');
void write_csv_file(std::ostream& os, const FileReport& f, char sep = ',');
void write_gnu_file(std::ostream& os, const FileReport& f);

// The batch HTML's progress view (progress_html.cpp): one row per unit with
// its plan, its report and each target's status; nothing when no file of the
// batch was paired with a plan.
void write_progress_html(std::ostream& os, const std::vector<FileReport>& files, const Options& opts);

// One writer per file.
void write_text(std::ostream& os, const std::vector<FileReport>& files, const Options& opts);
void write_json(std::ostream& os, const std::vector<FileReport>& files, const Options& opts);
void write_sarif(std::ostream& os, const std::vector<FileReport>& files, const Options& opts);
void write_junit(std::ostream& os, const std::vector<FileReport>& files, const Options& opts);
void write_html(std::ostream& os, const std::vector<FileReport>& files, const Options& opts);
void write_csv(std::ostream& os, const std::vector<FileReport>& files, const Options& opts);
// GitHub Actions workflow commands, plus a Markdown summary appended to
// $GITHUB_STEP_SUMMARY when it is set (github.cpp).
void write_github(std::ostream& os, const std::vector<FileReport>& files, const Options& opts);
// GitLab Code Quality JSON (codequality.cpp).
void write_codequality(std::ostream& os, const std::vector<FileReport>& files, const Options& opts);

// The reviewer's closing table (summary.cpp): findings per category and
// severity, then the files with the most serious findings (at most `worst`),
// then the unreadable files.
void write_summary_table(std::ostream& os, const std::vector<FileReport>& files, const Options& opts,
                         size_t worst = 10);

}  // namespace plancheck::report
