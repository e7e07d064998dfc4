// Worker isolation (pipeline/workers.h): results come back by index; a worker
// that crashes, overruns its time or its memory is replaced and its task
// reported as such, and the other tasks still complete.
#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "pipeline/workers.h"

using namespace plancheck;
using pipeline::WorkerFailure;

TEST_CASE("workers: a result survives serialization, fix included") {
    Diagnostic d;
    d.rule = "text.typo";
    d.category = "text.spelling";
    d.severity = Severity::Error;
    d.message = "Sai chính tả: «thựcc»";
    d.line = 3, d.column = 5, d.end_line = 3, d.end_column = 11;
    d.excerpt = std::string("a\0b\n", 4);
    d.legal_basis = "Nghị định 30/2020/NĐ-CP";
    d.fix = Fix{3, 5, 3, 11, "thực"};
    d.page = 2, d.page_line = 7;
    Diagnostic plain;
    plain.rule = "x";
    std::string bytes = pipeline::serialize_result("md", {d, plain});
    std::string format;
    std::vector<Diagnostic> back;
    REQUIRE(pipeline::deserialize_result(bytes, format, back));
    CHECK(format == "md");
    REQUIRE(back.size() == 2);
    CHECK(back[0].message == d.message);
    CHECK(back[0].excerpt == d.excerpt);
    CHECK(back[0].severity == Severity::Error);
    CHECK(back[0].end_column == 11);
    CHECK(back[0].page == 2);
    CHECK(back[0].page_line == 7);
    REQUIRE(back[0].fix);
    CHECK(back[0].fix->replacement == "thực");
    CHECK_FALSE(back[1].fix);
    // Truncated or padded bytes are refused, never read past.
    for (size_t cut : {size_t(0), size_t(3), bytes.size() / 2, bytes.size() - 1})
        CHECK_FALSE(pipeline::deserialize_result(std::string_view(bytes).substr(0, cut), format, back));
    CHECK_FALSE(pipeline::deserialize_result(bytes + "x", format, back));
}

TEST_CASE("workers: crash, timeout and memory cost only their own task") {
    pipeline::Budget budget;
    budget.timeout_seconds = 5;  // long enough for the memory hog to reach its limit on a loaded machine
    budget.max_memory_mb = 512;
    std::map<size_t, pipeline::WorkerOutcome> got;
    auto start = std::chrono::steady_clock::now();
    bool ran = pipeline::run_in_workers(
        7, 2, budget,
        [](size_t i) -> std::string {
            if (i == 1) raise(SIGSEGV);
            if (i == 2) std::this_thread::sleep_for(std::chrono::seconds(30));
            if (i == 3) {
                std::vector<std::vector<char>> hog;
                for (;;) hog.emplace_back(64u << 20, 'x');  // until the budget refuses
            }
            if (i == 5) return std::string(1 << 20, 'y');  // larger than a pipe's buffer
            return "ok" + std::to_string(i);
        },
        [&](size_t i, pipeline::WorkerOutcome o) {
            CHECK(got.count(i) == 0);
            got[i] = std::move(o);
        });
    auto took = std::chrono::steady_clock::now() - start;
    REQUIRE(ran);
    REQUIRE(got.size() == 7);
    for (size_t i : {0, 4, 6}) {
        CHECK(got[i].failure == WorkerFailure::None);
        CHECK(got[i].payload == "ok" + std::to_string(i));
    }
    CHECK(got[5].payload.size() == size_t(1) << 20);
    CHECK(got[1].failure == WorkerFailure::Crash);
    // SIGSEGV; under AddressSanitizer (abort_on_error) its handler aborts instead.
    CHECK((got[1].signal == SIGSEGV || got[1].signal == SIGABRT));
    CHECK(got[2].failure == WorkerFailure::Timeout);
    CHECK(got[3].failure == WorkerFailure::Memory);
    CHECK(took < std::chrono::seconds(20));  // the sleeper was killed, not waited for

    CHECK(pipeline::failure_reason(got[2], budget, "en").find("stopped after 5 s") != std::string::npos);
    CHECK(pipeline::failure_reason(got[3], budget, "en").find("needed more than 512 MB") != std::string::npos);
    CHECK(pipeline::failure_reason(got[1], budget, "en").find("crashed while reading") != std::string::npos);
    CHECK(pipeline::failure_reason(got[1], budget, "en").find("please report it, with the file") != std::string::npos);
    CHECK(pipeline::failure_reason(got[2], budget, "vi").find("dừng sau 5 giây") != std::string::npos);
    budget.max_memory_mb = 1024;
    CHECK(pipeline::failure_reason(got[3], budget, "en").find("needed more than 1 GB") != std::string::npos);
}

TEST_CASE("workers: no tasks, and more workers than tasks") {
    pipeline::Budget budget;
    size_t calls = 0;
    CHECK(pipeline::run_in_workers(0, 4, budget, [](size_t) { return std::string(); }, [&](size_t, auto) { ++calls; }));
    CHECK(calls == 0);
    CHECK(pipeline::run_in_workers(2, 8, budget, [](size_t i) { return std::to_string(i); },
                                   [&](size_t i, pipeline::WorkerOutcome o) {
                                       ++calls;
                                       CHECK(o.payload == std::to_string(i));
                                   }));
    CHECK(calls == 2);
}

namespace {

// What a worker process of the sharing tests has seen: the pieces given to it,
// in order. Lives in the child (each fork has its own copy).
std::vector<std::string> g_given;
std::string g_learnt;

// "task:pid" for every piece given so far, then "|" and this worker's pid.
std::string given_so_far() {
    std::string r;
    for (auto& p : g_given) r += p + ",";
    return r + "|" + std::to_string(getpid());
}

struct Received {
    std::vector<std::pair<size_t, long>> pieces;  // (task that shared it, pid that ran that task)
    long pid = 0;                                 // the worker that ran this task
};

Received parse(const std::string& payload) {
    Received r;
    size_t bar = payload.rfind('|');
    REQUIRE(bar != std::string::npos);
    r.pid = std::stol(payload.substr(bar + 1));
    size_t at = 0;
    while (at < bar) {
        size_t comma = payload.find(',', at), colon = payload.find(':', at);
        REQUIRE(comma != std::string::npos);
        REQUIRE(colon < comma);
        r.pieces.emplace_back(std::stoul(payload.substr(at, colon - at)),
                              std::stol(payload.substr(colon + 1, comma - colon - 1)));
        at = comma + 1;
    }
    return r;
}

}  // namespace

TEST_CASE("workers: what one worker shares reaches the others once, in order, never itself") {
    pipeline::Sharing sharing{[] { return std::exchange(g_learnt, std::string()); },
                              [](std::string_view piece) { g_given.emplace_back(piece); }};
    pipeline::Budget budget;
    constexpr size_t kTasks = 12;
    std::map<size_t, Received> got;
    std::map<size_t, long> ran_by;
    REQUIRE(pipeline::run_in_workers(
        kTasks, 2, budget,
        [](size_t i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(40));
            std::string r = given_so_far();
            // Every other task teaches something; the rest share nothing.
            if (i % 2 == 0) g_learnt = std::to_string(i) + ":" + std::to_string(getpid());
            return r;
        },
        [&](size_t i, pipeline::WorkerOutcome o) {
            REQUIRE(o.failure == WorkerFailure::None);
            got[i] = parse(o.payload);
            ran_by[i] = got[i].pid;
        },
        &sharing));
    REQUIRE(got.size() == kTasks);
    size_t received = 0;
    std::map<long, std::vector<size_t>> by_worker;  // what each worker was given, as of its last task
    for (auto& [i, r] : got) {
        for (auto [task, pid] : r.pieces) {
            CHECK(task % 2 == 0);        // only what was taken is sent
            CHECK(pid != r.pid);         // never a worker's own piece
            CHECK(ran_by.at(task) == pid);
        }
        auto& seen = by_worker[r.pid];
        if (r.pieces.size() >= seen.size()) {
            seen.clear();
            for (auto [task, pid] : r.pieces) seen.push_back(task);
        }
        received += r.pieces.size();
    }
    // Each worker got each of the other's pieces at most once, in the order taken.
    for (auto& [pid, tasks] : by_worker) {
        for (size_t k = 1; k < tasks.size(); ++k) CHECK(tasks[k - 1] < tasks[k]);
    }
    // Twelve 40 ms tasks on two workers: both worked, and pieces crossed.
    CHECK(by_worker.size() == 2);
    CHECK(received > 0);
}

TEST_CASE("workers: a replacement worker is given what the dead one had shared") {
    pipeline::Sharing sharing{[] { return std::exchange(g_learnt, std::string()); },
                              [](std::string_view piece) { g_given.emplace_back(piece); }};
    pipeline::Budget budget;
    std::map<size_t, pipeline::WorkerOutcome> got;
    REQUIRE(pipeline::run_in_workers(
        4, 1, budget,
        [](size_t i) {
            if (i == 2) raise(SIGSEGV);
            std::string r = given_so_far();
            g_learnt = std::to_string(i) + ":" + std::to_string(getpid());
            return r;
        },
        [&](size_t i, pipeline::WorkerOutcome o) { got[i] = std::move(o); },
        &sharing));
    REQUIRE(got.size() == 4);
    CHECK(got[2].failure == WorkerFailure::Crash);
    Received first = parse(got[1].payload), after = parse(got[3].payload);
    CHECK(first.pieces.empty());  // one worker: its own pieces are not sent back to it
    CHECK(after.pid != first.pid);
    REQUIRE(after.pieces.size() == 2);  // tasks 0 and 1, from the worker that crashed on task 2
    CHECK(after.pieces[0] == std::make_pair(size_t(0), first.pid));
    CHECK(after.pieces[1] == std::make_pair(size_t(1), first.pid));
}

TEST_CASE("workers: chunked tasks travel together, and a failure costs only its own index") {
    pipeline::Budget budget;
    constexpr size_t kTasks = 70, kChunk = 32;
    std::map<size_t, pipeline::WorkerOutcome> got;
    size_t calls = 0;
    REQUIRE(pipeline::run_chunked_in_workers(
        kTasks, kChunk, 2, budget,
        [](size_t i) -> std::string {
            if (i == 40) raise(SIGSEGV);
            if (i == 45) return std::string(1 << 20, 'y');  // larger than a pipe's buffer
            return std::to_string(i) + "@" + std::to_string(getpid());
        },
        [&](size_t i, pipeline::WorkerOutcome o) {
            ++calls;
            CHECK(got.count(i) == 0);
            got[i] = std::move(o);
        }));
    CHECK(calls == kTasks);
    REQUIRE(got.size() == kTasks);
    auto pid_of = [&](size_t i) { return got[i].payload.substr(got[i].payload.find('@') + 1); };
    for (size_t i = 0; i < kTasks; ++i) {
        if (i == 40) continue;
        CHECK(got[i].failure == WorkerFailure::None);
        if (i == 45) CHECK(got[i].payload.size() == size_t(1) << 20);
        else CHECK(got[i].payload.rfind(std::to_string(i) + "@", 0) == 0);
    }
    CHECK(got[40].failure == WorkerFailure::Crash);
    // The first chunk was one task of one worker; so was the last.
    for (size_t i = 1; i < kChunk; ++i) CHECK(pid_of(i) == pid_of(0));
    for (size_t i = 2 * kChunk + 1; i < kTasks; ++i) CHECK(pid_of(i) == pid_of(2 * kChunk));
    // Nothing at all, and chunks of one.
    calls = 0;
    CHECK(pipeline::run_chunked_in_workers(0, kChunk, 2, budget, [](size_t) { return std::string(); },
                                           [&](size_t, auto) { ++calls; }));
    CHECK(calls == 0);
    CHECK(pipeline::run_chunked_in_workers(3, 0, 2, budget, [](size_t i) { return std::to_string(i); },
                                           [&](size_t i, pipeline::WorkerOutcome o) {
                                               ++calls;
                                               CHECK(o.payload == std::to_string(i));
                                           }));
    CHECK(calls == 3);
}

TEST_CASE("workers: tasks sent ahead to a worker that fails are run by its replacement") {
    // One worker, so that every task but the last few is sent while the one
    // before runs; quick tasks, so that results often arrive together.
    pipeline::Budget budget;
    budget.timeout_seconds = 2;
    budget.max_memory_mb = 512;
    constexpr size_t kTasks = 40;
    std::map<size_t, pipeline::WorkerOutcome> got;
    REQUIRE(pipeline::run_in_workers(
        kTasks, 1, budget,
        [](size_t i) -> std::string {
            if (i == 5 || i == 6) raise(SIGSEGV);  // twice running: the replacement too
            if (i == 12) std::this_thread::sleep_for(std::chrono::seconds(30));
            if (i == 20) {
                std::vector<std::vector<char>> hog;
                for (;;) hog.emplace_back(64u << 20, 'x');
            }
            if (i == 30) return std::string(200'000, 'z');  // spans reads, with results behind it
            return "ok" + std::to_string(i);
        },
        [&](size_t i, pipeline::WorkerOutcome o) {
            CHECK(got.count(i) == 0);
            got[i] = std::move(o);
        }));
    REQUIRE(got.size() == kTasks);
    for (size_t i = 0; i < kTasks; ++i) {
        INFO(i);
        if (i == 5 || i == 6) CHECK(got[i].failure == WorkerFailure::Crash);
        else if (i == 12) CHECK(got[i].failure == WorkerFailure::Timeout);
        else if (i == 20) CHECK(got[i].failure == WorkerFailure::Memory);
        else if (i == 30) CHECK(got[i].payload == std::string(200'000, 'z'));
        else CHECK(got[i].payload == "ok" + std::to_string(i));
    }
}
