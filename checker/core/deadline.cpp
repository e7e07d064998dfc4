#include "core/deadline.h"

#include <cmath>
#include <cstdio>

namespace plancheck {

Deadline Deadline::after(double seconds) {
    Deadline d;
    if (!(seconds > 0) || !std::isfinite(seconds)) return d;
    d.seconds_ = seconds;
    d.end_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    return d;
}

double Deadline::left() const {
    if (none()) return 1e12;
    double s = std::chrono::duration<double>(end_ - Clock::now()).count();
    return s > 0 ? s : 0;
}

Deadline Deadline::earlier(const Deadline& a, const Deadline& b) {
    if (a.none()) return b;
    if (b.none()) return a;
    return a.end_ <= b.end_ ? a : b;
}

DeadlineExceeded::DeadlineExceeded(double s) : std::runtime_error(deadline::stopped_reason(s)), seconds(s) {}

namespace deadline {
namespace {
thread_local Deadline tl_current;
thread_local unsigned tl_calls = 0;
}  // namespace

const Deadline& current() { return tl_current; }

Scope::Scope(const Deadline& d) : saved_(tl_current) { tl_current = Deadline::earlier(saved_, d); }
Scope::~Scope() { tl_current = saved_; }

void check_now() {
    if (tl_current.passed()) throw DeadlineExceeded(tl_current.seconds());
}

void check() {
    if (tl_current.none() || (++tl_calls & 63) != 0) return;
    check_now();
}

std::string stopped_reason(double seconds) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", seconds);
    return std::string("stopped after ") + buf + " s (raise the limit with --timeout)";
}

}  // namespace deadline
}  // namespace plancheck
