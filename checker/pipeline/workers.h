// Worker isolation for batches (docs/architecture.md, "Worker processes").
//
// A batch is checked by a pool of forked worker processes. The parent stays
// single-threaded: it hands each idle worker the index of the next file over a
// pipe and collects the serialized result from another. A worker that crashes,
// runs past its time budget (killed with SIGKILL) or past its memory budget
// (setrlimit RLIMIT_AS: allocation fails, or it dies near the limit) is
// replaced by a fresh fork, and its file gets a failure the caller turns into
// one input.unreadable finding. Results are handed back with their index, so
// the caller can report in input order.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "plancheck/diagnostic.h"

namespace plancheck::pipeline {

struct Budget {
    double timeout_seconds = 30;  // per file; 0 = no limit
    uint64_t max_memory_mb = 1024;  // per worker process; 0 = no limit
};

enum class WorkerFailure { None, Timeout, Memory, Crash };

struct WorkerOutcome {
    WorkerFailure failure = WorkerFailure::None;
    std::string payload;  // the task's result when failure == None
    int signal = 0;       // the signal that ended a crashed worker
};

// What the workers of one run pass on to each other (the plans' targets,
// pipeline/pairing.cpp), so that work one of them did is not done again by
// the others. In a worker, after each task, `take` returns what it learnt
// (empty: nothing); the parent sends it with the next task of every other
// worker (and of a replacement), whose `give` receives each piece, in the
// order they were taken. Kept by the parent up to kMaxSharedBytes in all;
// past that, workers keep what they learn to themselves.
struct Sharing {
    std::function<std::string()> take;
    std::function<void(std::string_view)> give;
};
inline constexpr size_t kMaxSharedBytes = 32u << 20;

// Runs task(i) for every i in [0, n) in `jobs` worker processes. `task` runs in
// the child and returns the serialized result; `done` runs in the parent, once
// per index, in completion order. Must be called while the process has a
// single thread (fork). Returns false (and runs nothing) when no worker could
// be started; the caller then checks in-process.
bool run_in_workers(size_t n, unsigned jobs, const Budget& budget,
                    const std::function<std::string(size_t)>& task,
                    const std::function<void(size_t, WorkerOutcome)>& done,
                    const Sharing* sharing = nullptr);

// run_in_workers for tasks that take a millisecond each (the plan index's
// files), where a pipe round trip per index (parent and worker waking each
// other twice) costs as much as the task: `chunk` indices go to a worker in
// one message. A chunk whose worker fails (crash, time or memory budget, the
// time budget counting for the chunk as a whole) is run again one index per
// message, so a failure costs only its own index, which `done` receives with
// the failure. Same contract as run_in_workers otherwise.
bool run_chunked_in_workers(size_t n, size_t chunk, unsigned jobs, const Budget& budget,
                            const std::function<std::string(size_t)>& task,
                            const std::function<void(size_t, WorkerOutcome)>& done);

// The input.unreadable reason for a failed worker, e.g. "stopped after 30 s".
std::string failure_reason(const WorkerOutcome& o, const Budget& b, const std::string& lang);

// A file's result across the pipe: its format, diagnostics and, for the
// near-copy index, its body text and date (FileResult::text, ::date; empty
// when not asked for).
std::string serialize_result(const std::string& format, const std::vector<Diagnostic>& diags,
                             const std::string& text = {}, const std::string& date = {});
bool deserialize_result(std::string_view bytes, std::string& format, std::vector<Diagnostic>& diags);
bool deserialize_result(std::string_view bytes, std::string& format, std::vector<Diagnostic>& diags,
                        std::string& text, std::string& date);

}  // namespace plancheck::pipeline
