// Worker isolation (pipeline/workers.h): results come back by index; a worker
// that crashes, overruns its time or its memory is replaced and its task
// reported as such, and the other tasks still complete.
#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <thread>
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
