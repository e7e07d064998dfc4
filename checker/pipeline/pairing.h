// Pairing a report with the plan it reports on (docs/progress.md).
//
// Candidates are the plans among a batch's files, in a --plans folder, or the
// one --plan file. Each is read once up front (in worker processes when they
// can be forked) and only its identity is kept: number, symbol, date, issuing
// body. A report is paired, while it is checked, with the candidate its plan
// citation names best; the plan is then read again in full for the rules and
// the progress table.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/ingest.h"
#include "pipeline/workers.h"
#include "plancheck/model.h"

namespace plancheck::pipeline {

struct Analysis;
struct Options;

struct PlanEntry {
    std::string path;
    DocIdentity id;
};

struct PlanIndex {
    std::vector<PlanEntry> plans;
    // --plan: every report is checked against plans[0], whatever it cites.
    bool explicit_plan = false;
    // The plans with a symbol, by extract::symbol_key of it and number_key of
    // their number (none when blank), in the order of `plans`: a citation can
    // pair only with a plan of its symbol whose number is its own or blank
    // (extract::pairing_score), so a report looks at those, not at every plan
    // of a batch of thousands. Built by index().
    std::unordered_map<std::string, std::vector<uint32_t>> by_key;
    void index();
    // Indices of the plans citation `c` may pair with, in the order of `plans`.
    std::vector<uint32_t> candidates(const Citation& c) const;
};

// Reads `paths` and keeps the plans and programmes among them. `jobs` worker
// processes with `budget` when `workers` (a file that fails is no candidate);
// in-process otherwise.
// `any_kind`: keep every readable document (--plan: the user says it is the plan).
PlanIndex index_plans(const std::vector<std::string>& paths, const ingest::Options& opts, unsigned jobs,
                      const Budget& budget, bool workers, bool any_kind = false);

// True when `m` is a document that reports on a plan: a Báo cáo.
bool is_report(const Model& m);

// Pairs `report` with the best candidate of `index` (sets report.model.plan:
// the plan's identity and the progress table; the plan's own model is read
// for them and freed). Returns whether it was paired; model.plan.attempted
// is set either way. unplanned: the table also lists the results the plan has
// no target for (what a reader is shown; the rules need only the targets).
bool pair_report(Analysis& report, const PlanIndex& index, const ingest::Options& opts, bool unplanned = true);

// The plans this process analysed for pairing since the last call, for the
// batch's other workers (pipeline::Sharing): empty when none.
std::string take_new_plans();
// What take_new_plans wrote in another worker: kept like this process's own
// (each still checked against its file's state before it is used).
void add_plans(std::string_view bytes);
// A Sharing of the two, for run_in_workers.
Sharing plan_sharing();

// Links an analysed report and plan (`rules test`, the progress command):
// always when `explicit_plan`, else only when a citation of the report names
// the plan. Returns whether they were linked; report.plan.attempted is set.
bool link_plan(Model& report, const Model& plan, const std::string& plan_path, bool explicit_plan);

// A progress table across the worker pipe.
std::string serialize_progress(const ProgressTable& t);
bool deserialize_progress(std::string_view bytes, ProgressTable& t);

}  // namespace plancheck::pipeline

namespace plancheck::pipeline {

// Sets opts.plans for a run of `check` (docs/progress.md): the one --plan
// file (every report is checked against it), else the plans among `batch`
// (when it has several files) and in the --plans folders. Returns an error
// for the command line ("" when fine).
std::string configure_pairing(Options& opts, const std::string& plan, const std::vector<std::string>& plan_dirs,
                              const std::vector<std::string>& batch, unsigned jobs, const Budget& budget,
                              bool workers);

// A worker's payload with the file's progress table appended (null: none).
std::string pack_progress(std::string payload, const ProgressTable* t);
// Splits what pack_progress wrote; `progress` is set when a table came along.
std::string_view unpack_progress(std::string_view payload, std::shared_ptr<const ProgressTable>& progress);

}  // namespace plancheck::pipeline
