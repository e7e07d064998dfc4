// A report set against the plan it reports on (issue 16): how the plan names
// itself, how the report was paired with it, and the progress table (each
// target of the plan, the result the report gives for it, and its status).
// See docs/progress.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "plancheck/citation.h"
#include "plancheck/source.h"

namespace plancheck {

struct Model;

// How a document names itself in its header: "Số: 45/KH-UBND", the place-date
// line, the issuing body. Empty fields were not written (a blank number).
struct DocIdentity {
    std::string number;  // "45"
    std::string symbol;  // "KH-UBND"
    Date date;           // from the place-date line
    std::string agency;  // the issuing body's line(s), joined by " "
    std::string title;   // the summary title, joined by " "
    uint32_t number_line = 0, date_line = 0;  // where they are (0: not written)
};

enum class ProgressStatus : uint8_t {
    Met,         // the result reaches the target
    NotMet,      // the result is below the target
    NotReported, // the plan has the target, the report gives no result for it
    NoTarget,    // the report gives a result the plan has no target for
};
const char* to_string(ProgressStatus s);  // "met", "not-met", "not-reported", "no-target"

// One line of the progress table. Positions are lines as `plancheck check`
// prints them (0: none) and the text as written, so a row survives the
// documents it came from (batch reports, worker processes).
struct ProgressRow {
    std::string kind;           // "share" (a percentage), "count", "month"
    std::string subject;        // what is measured, from the plan (or the report for no-target rows)
    double target = 0;          // the plan's value (month number for "month")
    std::string unit;           // "%", "hội nghị", ...
    int target_year = 0;        // the year the target is due, 0 if none
    bool at_least = false;      // "trên", "ít nhất"
    std::string target_text;    // the plan's clause
    uint32_t target_line = 0;
    std::string target_section; // the plan's item holding it ("I.2")
    bool has_result = false;
    double result = 0;
    std::string result_text;    // the report's clause
    uint32_t result_line = 0;
    ProgressStatus status = ProgressStatus::NotReported;
    bool due = false;           // the report's period has reached the target year (or no year)
    // Within the documents the row was built from (rules point at them);
    // meaningless once the documents are gone.
    TextRef target_ref, result_ref;
};

struct ProgressTable {
    std::string plan_path, report_path;
    std::string plan_name;      // "Kế hoạch số 45/KH-UBND ngày 12/3/2022"
    std::string report_name;    // "Báo cáo số 30/BC-UBND ngày 10/12/2023"
    std::string unit;           // the report's issuing body
    int period_from = 0, period_to = 0;    // the report's period (years), 0 if unknown
    int horizon_from = 0, horizon_to = 0;  // the plan's horizon (years), 0 if unknown
    std::vector<ProgressRow> rows;
};

// Set by the pipeline on a report's model when pairing ran (a batch of several
// files, --plan or --plans): the plan it was paired with, or why none was.
struct PlanLink {
    bool attempted = false;      // pairing was asked for
    bool explicit_plan = false;  // --plan: paired whatever the citation says
    bool paired = false;         // a plan was found and linked (its identity and table below)
    std::string plan_path;
    int citation = -1;           // index into the report's citations: how it names its plan (-1: none)
    DocIdentity identity;        // the paired plan's header
    ProgressTable table;         // filled when `plan` is set
};

}  // namespace plancheck
