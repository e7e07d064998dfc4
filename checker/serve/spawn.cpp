#include "serve/spawn.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <chrono>
#include <cstdio>

namespace plancheck::serve {

namespace {
constexpr size_t kMaxErr = 64 * 1024;

struct Fd {
    int fd = -1;
    Fd() = default;
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }
    void reset() {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
};

bool make_pipe(Fd& r, Fd& w) {
    int p[2];
    if (::pipe2(p, O_CLOEXEC) != 0) return false;
    r.fd = p[0];
    w.fd = p[1];
    return true;
}
}  // namespace

namespace {
// write(2) to a pipe whose reader may be gone (a worker that ended early):
// EPIPE, without the SIGPIPE that would end a caller that does not ignore it
// (the server ignores it; a test or another caller need not). The signal is
// the writing thread's: blocked around the call and taken back if raised.
ssize_t write_no_sigpipe(int fd, const char* data, size_t n) {
    sigset_t pipe_set, old;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    const bool was_pending = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
    ssize_t w = ::write(fd, data, n);
    int saved = errno;
    if (w < 0 && saved == EPIPE && !was_pending) {
        timespec zero{0, 0};
        while (sigtimedwait(&pipe_set, nullptr, &zero) < 0 && errno == EINTR) {
        }
    }
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    errno = saved;
    return w;
}
}  // namespace

SpawnResult spawn_check(const std::vector<std::string>& argv, std::string_view input, const pipeline::Budget& budget,
                        size_t max_output) {
    SpawnResult res;
    res.outcome.failure = pipeline::WorkerFailure::Crash;
    if (argv.empty()) return res;
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    Fd in_r, in_w, out_r, out_w, err_r, err_w;
    if (!make_pipe(in_r, in_w) || !make_pipe(out_r, out_w) || !make_pipe(err_r, err_w)) {
        res.err = "cannot create pipes";
        return res;
    }
    const bool limit_mem = budget.max_memory_mb > 0;
    sigset_t empty_mask;
    sigemptyset(&empty_mask);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = ::fork();
    if (pid < 0) {
        res.err = "cannot fork";
        return res;
    }
    if (pid == 0) {
        // Child: async-signal-safe calls only.
        ::dup2(in_r.fd, 0);
        ::dup2(out_w.fd, 1);
        ::dup2(err_w.fd, 2);
        // Nothing else of the server (its listening socket, other requests'
        // pipes) stays open in the worker.
        ::syscall(SYS_close_range, 3u, ~0u, 0u);
        // The server ignores SIGPIPE and may block signals; exec keeps both.
        struct sigaction dfl {};
        dfl.sa_handler = SIG_DFL;
        ::sigaction(SIGPIPE, &dfl, nullptr);
        ::sigprocmask(SIG_SETMASK, &empty_mask, nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    in_r.reset();
    out_w.reset();
    err_w.reset();
    for (int fd : {in_w.fd, out_r.fd, err_r.fd}) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);

    size_t written = 0;
    if (input.empty()) in_w.reset();
    bool killed = false, too_much = false;
    char buf[65536];
    while (out_r.fd >= 0 || err_r.fd >= 0) {
        double left = budget.timeout_seconds > 0
                          ? budget.timeout_seconds -
                                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()
                          : 3600;
        if (left <= 0) {
            ::kill(pid, SIGKILL);
            killed = true;
            res.outcome.failure = pipeline::WorkerFailure::Timeout;
            break;
        }
        pollfd fds[3];
        nfds_t n = 0;
        int which[3];
        if (in_w.fd >= 0) fds[n] = {in_w.fd, POLLOUT, 0}, which[n++] = 0;
        if (out_r.fd >= 0) fds[n] = {out_r.fd, POLLIN, 0}, which[n++] = 1;
        if (err_r.fd >= 0) fds[n] = {err_r.fd, POLLIN, 0}, which[n++] = 2;
        int ms = static_cast<int>(std::min(left * 1000 + 1, 1000.0));
        int got = ::poll(fds, n, ms);
        if (got < 0 && errno != EINTR) break;
        if (got <= 0) continue;
        for (nfds_t k = 0; k < n; ++k) {
            if (!fds[k].revents) continue;
            if (which[k] == 0) {
                ssize_t w = write_no_sigpipe(in_w.fd, input.data() + written,
                                             std::min<size_t>(input.size() - written, 1 << 16));
                if (w > 0) written += static_cast<size_t>(w);
                if ((w < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) in_w.reset();
                continue;
            }
            Fd& fd = which[k] == 1 ? out_r : err_r;
            ssize_t r = ::read(fd.fd, buf, sizeof buf);
            if (r > 0) {
                if (which[k] == 1) {
                    if (res.outcome.payload.size() + static_cast<size_t>(r) > max_output) too_much = true;
                    else res.outcome.payload.append(buf, static_cast<size_t>(r));
                } else if (res.err.size() < kMaxErr) {
                    res.err.append(buf, std::min(static_cast<size_t>(r), kMaxErr - res.err.size()));
                }
            } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
                fd.reset();
            }
        }
        if (too_much) {
            ::kill(pid, SIGKILL);
            killed = true;
            res.err += "\nplancheck: the worker's output exceeded the limit";
            break;
        }
    }
    in_w.reset();
    int status = 0;
    rusage ru{};
    while (::wait4(pid, &status, 0, &ru) < 0 && errno == EINTR) {
    }
    if (killed) {
        if (res.outcome.failure != pipeline::WorkerFailure::Timeout) res.outcome.failure = pipeline::WorkerFailure::Crash;
        res.outcome.payload.clear();
        return res;
    }
    if (WIFSIGNALED(status)) {
        res.outcome.signal = WTERMSIG(status);
        // Near its address-space limit a library's failed allocation can end
        // in an abort or a fault: a peak resident size near the budget says so.
        const long budget_kb = static_cast<long>(budget.max_memory_mb) * 1024;
        res.outcome.failure = limit_mem && ru.ru_maxrss > budget_kb * 8 / 10 ? pipeline::WorkerFailure::Memory
                                                                            : pipeline::WorkerFailure::Crash;
        res.outcome.payload.clear();
        return res;
    }
    res.exit_code = WEXITSTATUS(status);
    if (res.exit_code == kWorkerOutOfMemory) {
        res.outcome.failure = pipeline::WorkerFailure::Memory;
        res.outcome.payload.clear();
        return res;
    }
    res.outcome.failure = res.exit_code == 0 ? pipeline::WorkerFailure::None : pipeline::WorkerFailure::Crash;
    if (res.exit_code != 0) res.outcome.payload.clear();
    return res;
}

void limit_own_memory(uint64_t max_memory_mb) {
    if (!max_memory_mb) return;
    // On top of what the process already maps (code, rules; under
    // AddressSanitizer its shadow memory, terabytes of reservations).
    unsigned long long pages = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%llu", &pages) != 1) pages = 0;
        std::fclose(f);
    }
    rlimit rl{};
    rl.rlim_cur = rl.rlim_max = static_cast<rlim_t>(pages * static_cast<unsigned long long>(sysconf(_SC_PAGESIZE))) +
                                (static_cast<rlim_t>(max_memory_mb) << 20);
    ::setrlimit(RLIMIT_AS, &rl);
}

}  // namespace plancheck::serve
