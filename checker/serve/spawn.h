// One check in its own process: the server forks and execs the plancheck
// binary (`plancheck serve --worker ...`), writes the document to its standard
// input and reads the result from its standard output. The worker limits its
// own memory (limit_own_memory, RLIMIT_AS) and is killed (SIGKILL) when it
// runs past its time budget, so a document that hangs a reader, crashes it or exhausts memory
// costs only its own answer; the server's threads never run a reader.
// Only async-signal-safe calls happen between fork and exec (the server is
// multi-threaded).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/workers.h"

namespace plancheck::serve {

// The worker's exit code when it ran out of memory (std::bad_alloc).
constexpr int kWorkerOutOfMemory = 3;

struct SpawnResult {
    pipeline::WorkerOutcome outcome;  // failure None: payload is the child's standard output
    int exit_code = 0;                // when the child exited
    std::string err;                  // its standard error (at most 64 KiB)
};

// Runs argv[0] with `argv`, `input` on its standard input. The budget's
// timeout counts from the fork; max_memory_mb only tells a crash near the
// memory budget (peak resident size) from another crash: the worker sets the
// limit itself.
// Output beyond `max_output` bytes counts as a crash.
SpawnResult spawn_check(const std::vector<std::string>& argv, std::string_view input,
                        const pipeline::Budget& budget, size_t max_output = size_t(256) << 20);

// Caps this process's address space at what it maps now plus max_memory_mb
// (0: no limit), as the batch workers do (pipeline/workers.cpp): allocations
// past it throw std::bad_alloc.
void limit_own_memory(uint64_t max_memory_mb);

}  // namespace plancheck::serve
