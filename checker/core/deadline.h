// A time budget for one file (issue 17): `--timeout` ends a check cleanly from
// inside the process, not only by the worker's signal.
//
// The pipeline opens a deadline::Scope for the file it checks; the long loops
// of the readers, stages and rules call deadline::check(), which throws
// DeadlineExceeded once the budget is spent. The pipeline turns that into one
// input.unreadable finding, "stopped after N s". The thread-local deadline is
// per thread (the in-process thread pool checks one file per thread). The
// .docx and .pdf readers are plug-in modules with their own copy of this code:
// they get the deadline through ingest::Options::deadline and open their own
// Scope (ingest/plugin.h).
#pragma once

#include <chrono>
#include <stdexcept>
#include <string>

namespace plancheck {

class Deadline {
public:
    using Clock = std::chrono::steady_clock;
    Deadline() = default;  // none: never passes
    // `seconds` from now; 0 or less: none.
    static Deadline after(double seconds);
    bool none() const { return seconds_ <= 0; }
    bool passed() const { return !none() && Clock::now() >= end_; }
    // Seconds left (a large number when there is none), never below 0.
    double left() const;
    double seconds() const { return seconds_; }  // the budget it was opened with
    Clock::time_point end() const { return end_; }
    // The earlier of two deadlines.
    static Deadline earlier(const Deadline& a, const Deadline& b);

private:
    Clock::time_point end_{};
    double seconds_ = 0;
};

// Thrown by deadline::check() when the budget is spent.
struct DeadlineExceeded : std::runtime_error {
    explicit DeadlineExceeded(double s);
    double seconds;
};

namespace deadline {

// This thread's deadline (none outside a Scope).
const Deadline& current();

// Sets this thread's deadline while it lives; an enclosing earlier one stays.
class Scope {
public:
    explicit Scope(const Deadline& d);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

private:
    Deadline saved_;
};

// Throws DeadlineExceeded when this thread's deadline has passed. Cheap: the
// clock is read on every 64th call, so hot loops may call it per item.
void check();
// The same, reading the clock every time: for loops whose items are slow.
void check_now();

// "stopped after 30 s (raise the limit with --timeout)": the reason of the
// input.unreadable finding, in English (ingest::localized translates it).
std::string stopped_reason(double seconds);

}  // namespace deadline
}  // namespace plancheck
