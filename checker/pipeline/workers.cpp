#include "pipeline/workers.h"

#include <algorithm>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <deque>
#include <new>

#include "pipeline/wire.h"

namespace plancheck::pipeline {

namespace {

using namespace wire;

// ---- pipes ----
bool write_all(int fd, const char* p, size_t n) {
    while (n) {
        ssize_t w = ::write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w, n -= static_cast<size_t>(w);
    }
    return true;
}
bool read_all(int fd, char* p, size_t n) {
    while (n) {
        ssize_t r = ::read(fd, p, n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return false;
        p += r, n -= static_cast<size_t>(r);
    }
    return true;
}

// Parent -> worker: the task's index (u64), the length of what other workers
// shared (u64), then each piece they shared as a u64 length and its bytes.
// Worker -> parent: a header (kind, the result's length, the length of what
// the worker shares: kHead bytes), the result, what it shares.
constexpr char kOk = 'R', kOutOfMemory = 'M';
constexpr size_t kHead = 17;

// A worker is sent its next task while it runs one, so that it goes on
// without waiting for the parent: the pipes' wake-ups (each side waking the
// other, twice per file) were 5 % of a batch of small files. A task is sent
// ahead only when its message fits in PIPE_BUF (the least a pipe holds): the
// worker has read every earlier message or is reading it, so the write
// cannot block while the worker blocks writing its result to the parent. A
// task sent ahead to a worker that then fails is handed out again. Near the
// end of a run (fewer tasks left than kQueueDepth per worker) tasks go to
// idle workers only, so that none waits behind a slow file while a worker is idle.
constexpr size_t kQueueDepth = 2;
constexpr size_t kAheadMessageMax = PIPE_BUF;

struct Head {
    char kind = 0;
    uint64_t result = 0, shared = 0;
};
Head head_of(const std::string& buf) {
    Head h;
    h.kind = buf[0];
    std::memcpy(&h.result, buf.data() + 1, sizeof h.result);
    std::memcpy(&h.shared, buf.data() + 9, sizeof h.shared);
    return h;
}

// Reads what other workers shared (`len` bytes of pieces) and gives each
// piece to `sharing`. Sharing only saves work: a piece that cannot be held
// is read past, not given. False when the pipe ended.
bool receive_shared(int in, uint64_t len, const Sharing* sharing) {
    while (len >= 8) {
        uint64_t n = 0;
        if (!read_all(in, reinterpret_cast<char*>(&n), sizeof n)) return false;
        len -= 8;
        if (n > len) return false;  // a damaged message: cannot happen between parent and child
        len -= n;
        std::string piece;
        try {
            piece.resize(static_cast<size_t>(n));
        } catch (const std::bad_alloc&) {
            char skip[65536];
            for (; n; n -= std::min<uint64_t>(n, sizeof skip))
                if (!read_all(in, skip, static_cast<size_t>(std::min<uint64_t>(n, sizeof skip)))) return false;
            continue;
        }
        if (!read_all(in, piece.data(), piece.size())) return false;
        if (sharing && sharing->give) {
            try {
                sharing->give(piece);
            } catch (...) {
            }
        }
    }
    return len == 0;
}

struct Worker {
    pid_t pid = -1;
    int to = -1, from = -1;  // task pipe (write end), result pipe (read end)
    // The tasks sent and not yet answered, in the order sent: the front one is
    // running, the next waits in the pipe (kQueueDepth).
    std::deque<size_t> tasks;
    size_t seen = 0;  // the pieces of the run's shared log this worker has been offered
    std::chrono::steady_clock::time_point started;  // of the front task
    std::string buf;  // result bytes received so far
};

[[noreturn]] void child_loop(int in, int out, const Budget& budget, const std::function<std::string(size_t)>& task,
                             const Sharing* sharing) {
    if (budget.max_memory_mb) {
        // The budget is on top of what the process already maps (code, rules;
        // under AddressSanitizer its shadow memory, terabytes of reservations).
        unsigned long long pages = 0;
        if (FILE* f = std::fopen("/proc/self/statm", "r")) {
            if (std::fscanf(f, "%llu", &pages) != 1) pages = 0;
            std::fclose(f);
        }
        rlimit rl{};
        rl.rlim_cur = rl.rlim_max =
            static_cast<rlim_t>(pages * static_cast<unsigned long long>(sysconf(_SC_PAGESIZE))) +
            (static_cast<rlim_t>(budget.max_memory_mb) << 20);
        setrlimit(RLIMIT_AS, &rl);
    }
    signal(SIGPIPE, SIG_DFL);
    // Standard output belongs to the parent: a copy of its unflushed report
    // buffer lives in this process too, and a library that calls exit() (as
    // tree-sitter does when an allocation fails) would flush it a second time.
    if (int null = open("/dev/null", O_WRONLY | O_CLOEXEC); null >= 0) {
        dup2(null, STDOUT_FILENO);
        close(null);
    }
    for (;;) {
        uint64_t msg[2] = {};  // the task's index, the length of what was shared
        if (!read_all(in, reinterpret_cast<char*>(msg), sizeof msg)) _exit(0);  // the parent closed: done
        if (!receive_shared(in, msg[1], sharing)) _exit(0);
        // The header and the payload, written as they are: a long report's
        // payload is tens of MB, not copied once more.
        char head[kHead] = {};
        std::string r, learnt;
        try {
            r = task(static_cast<size_t>(msg[0]));
            head[0] = kOk;
        } catch (const std::bad_alloc&) {
            r = std::string();
            head[0] = kOutOfMemory;
        }
        if (head[0] == kOk && sharing && sharing->take) {
            try {
                learnt = sharing->take();
            } catch (...) {
                learnt = std::string();
            }
        }
        uint64_t len = r.size(), shared = learnt.size();
        std::memcpy(&head[1], &len, sizeof len);
        std::memcpy(&head[9], &shared, sizeof shared);
        if (!write_all(out, head, sizeof head) || !write_all(out, r.data(), r.size()) ||
            !write_all(out, learnt.data(), learnt.size()))
            _exit(1);
    }
}

bool spawn(Worker& w, std::vector<Worker>& all, const Budget& budget, const std::function<std::string(size_t)>& task,
           const Sharing* sharing) {
    int down[2], up[2];
    if (pipe2(down, O_CLOEXEC) != 0) return false;
    if (pipe2(up, O_CLOEXEC) != 0) {
        close(down[0]), close(down[1]);
        return false;
    }
    pid_t pid = fork();
    if (pid < 0) {
        close(down[0]), close(down[1]), close(up[0]), close(up[1]);
        return false;
    }
    if (pid == 0) {
        close(down[1]), close(up[0]);
        for (auto& o : all)  // the other workers' pipes: a sibling must see EOF when the parent closes them
            if (&o != &w && o.pid > 0) close(o.to), close(o.from);
        child_loop(down[0], up[1], budget, task, sharing);
    }
    close(down[0]), close(up[1]);
    w = Worker{};
    w.pid = pid, w.to = down[1], w.from = up[0];
    fcntl(w.from, F_SETFL, fcntl(w.from, F_GETFL) | O_NONBLOCK);
    return true;
}

// Ends a worker and reaps it; the signal that ended it (0 on a normal exit)
// and its peak resident size in KiB.
int reap(Worker& w, bool kill_it, long& maxrss_kb) {
    if (w.pid <= 0) return 0;
    if (kill_it) kill(w.pid, SIGKILL);
    if (w.to >= 0) close(w.to);
    if (w.from >= 0) close(w.from);
    int status = 0;
    rusage ru{};
    while (wait4(w.pid, &status, 0, &ru) < 0 && errno == EINTR) {
    }
    maxrss_kb = ru.ru_maxrss;
    w.pid = -1, w.to = w.from = -1;
    return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

}  // namespace

bool run_in_workers(size_t n, unsigned jobs, const Budget& budget,
                    const std::function<std::string(size_t)>& task,
                    const std::function<void(size_t, WorkerOutcome)>& done, const Sharing* sharing) {
    if (n == 0) return true;
    // A dead worker's pipe must not kill the parent.
    struct sigaction ignore {}, old_pipe {};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ignore, &old_pipe);
    std::vector<Worker> pool(std::max<size_t>(1, std::min<size_t>(jobs, n)));
    size_t started = 0;
    for (auto& w : pool)
        if (spawn(w, pool, budget, task, sharing)) ++started;
    if (!started) {
        sigaction(SIGPIPE, &old_pipe, nullptr);
        return false;
    }
    size_t next = 0, finished = 0;
    // Tasks sent ahead to a worker that failed before starting them: handed
    // out again before `next`.
    std::deque<size_t> again;
    auto take_task = [&] {
        if (!again.empty()) {
            size_t i = again.front();
            again.pop_front();
            return i;
        }
        return next++;
    };
    auto to_hand_out = [&] { return again.size() + (n - next); };
    // A worker that is gone: what it was sent and did not start goes back to
    // the front of the queue, in order, from task `from` on (1: the front one
    // was running and gets its own outcome; 0: it had finished that one too).
    auto requeue = [&](Worker& w, size_t from) {
        for (size_t k = w.tasks.size(); k > from; --k) again.push_front(w.tasks[k - 1]);
        w.tasks.clear();
    };
    // What workers shared, in the order it came, and who sent it (a worker is
    // not sent its own; its replacement, a fresh fork, is).
    struct Piece {
        pid_t from;
        std::string bytes;
    };
    std::vector<Piece> shared_log;
    size_t shared_bytes = 0;
    // The file's own deadline (pipeline::Options::timeout_seconds) ends it
    // cleanly at the budget; the signal is for code that cannot notice it
    // (inside a library call): 10% later, at least one second.
    const auto limit = std::chrono::duration<double>(budget.timeout_seconds +
                                                     std::max(1.0, budget.timeout_seconds * 0.1));
    auto fail = [&](Worker& w, WorkerFailure why, bool kill_it) {
        size_t i = w.tasks.front();
        requeue(w, 1);
        long rss = 0;
        int sig = reap(w, kill_it, rss);
        WorkerOutcome o;
        o.failure = why;
        o.signal = sig;
        // Died near its memory budget: the allocation that failed killed it.
        if (why == WorkerFailure::Crash && budget.max_memory_mb &&
            static_cast<double>(rss) > 0.8 * static_cast<double>(budget.max_memory_mb) * 1024)
            o.failure = WorkerFailure::Memory;
        ++finished;
        done(i, std::move(o));
        spawn(w, pool, budget, task, sharing);  // a replacement; if fork fails, the pool shrinks
    };
    while (finished < n) {
        // Hand out work.
        bool any_alive = false;
        for (auto& w : pool) {
            if (w.pid <= 0) continue;
            any_alive = true;
            while (to_hand_out() > 0 && w.pid > 0) {
                const bool ahead = !w.tasks.empty();
                if (ahead && (w.tasks.size() >= kQueueDepth || to_hand_out() < kQueueDepth * pool.size())) break;
                size_t bytes = 16, upto = w.seen;
                for (; upto < shared_log.size(); ++upto)
                    if (shared_log[upto].from != w.pid) bytes += 8 + shared_log[upto].bytes.size();
                if (ahead && bytes > kAheadMessageMax) break;  // sent once the worker is idle
                const size_t i = take_task();
                std::string msg(16, '\0');
                msg.reserve(bytes);
                for (; w.seen < upto; ++w.seen) {
                    const Piece& p = shared_log[w.seen];
                    if (p.from == w.pid) continue;
                    uint64_t len = p.bytes.size();
                    msg.append(reinterpret_cast<const char*>(&len), sizeof len);
                    msg += p.bytes;
                }
                const uint64_t head[2] = {i, msg.size() - 16};
                std::memcpy(msg.data(), head, sizeof head);
                if (!write_all(w.to, msg.data(), msg.size())) {
                    again.push_front(i);
                    if (w.tasks.empty()) {  // died between tasks: a fresh one, nothing lost
                        long rss = 0;
                        reap(w, true, rss);
                        spawn(w, pool, budget, task, sharing);
                    } else {  // died in its task
                        fail(w, WorkerFailure::Crash, true);
                    }
                    break;
                }
                if (!ahead) w.started = std::chrono::steady_clock::now(), w.buf.clear();
                w.tasks.push_back(i);
            }
        }
        if (!any_alive) {
            // Nothing can run the rest (fork keeps failing): they fail as crashes would.
            while (to_hand_out() > 0) ++finished, done(take_task(), WorkerOutcome{WorkerFailure::Crash, {}, 0});
            break;
        }
        std::vector<pollfd> fds;
        std::vector<Worker*> who;
        int wait_ms = -1;
        auto now = std::chrono::steady_clock::now();
        for (auto& w : pool) {
            if (w.pid <= 0 || w.tasks.empty()) continue;
            fds.push_back({w.from, POLLIN, 0});
            who.push_back(&w);
            if (budget.timeout_seconds > 0) {
                auto left = std::chrono::duration_cast<std::chrono::milliseconds>(limit - (now - w.started)).count();
                left = std::max<long long>(0, left) + 1;
                if (wait_ms < 0 || left < wait_ms) wait_ms = static_cast<int>(std::min<long long>(left, 1 << 30));
            }
        }
        if (fds.empty()) continue;
        int r = poll(fds.data(), fds.size(), wait_ms);
        if (r < 0 && errno != EINTR) break;
        for (size_t k = 0; k < fds.size(); ++k) {
            Worker& w = *who[k];
            if (fds[k].revents) {
                char chunk[65536];
                bool eof = false;
                for (;;) {
                    ssize_t got = ::read(w.from, chunk, sizeof chunk);
                    if (got > 0) {
                        // Once the length is known, room for the whole payload at once
                        // (growing by doubling held up to twice a long report's payload).
                        const bool had_head = w.buf.size() >= kHead;
                        w.buf.append(chunk, static_cast<size_t>(got));
                        if (!had_head && w.buf.size() >= kHead) {
                            Head h = head_of(w.buf);
                            uint64_t want = h.result + h.shared;
                            w.buf.reserve(kHead + static_cast<size_t>(std::min<uint64_t>(want, uint64_t{1} << 30)));
                        }
                        continue;
                    }
                    if (got < 0 && errno == EINTR) continue;
                    eof = got == 0;
                    break;
                }
                // Every whole result in the buffer: a worker that was sent a task
                // ahead may have answered it too before the parent read.
                while (w.pid > 0 && !w.tasks.empty() && w.buf.size() >= kHead) {
                    const Head h = head_of(w.buf);
                    const uint64_t need = h.result + h.shared;
                    if (w.buf.size() - kHead < need) break;
                    std::string rest;
                    if (w.buf.size() - kHead > need) rest = w.buf.substr(kHead + static_cast<size_t>(need));
                    WorkerOutcome o;
                    if (h.kind != kOk) {
                        o.failure = WorkerFailure::Memory;
                    } else {
                        if (h.shared && shared_bytes + h.shared <= kMaxSharedBytes) {
                            shared_log.push_back({w.pid, w.buf.substr(kHead + h.result, h.shared)});
                            shared_bytes += h.shared;
                        }
                        w.buf.resize(kHead + h.result);
                        o.payload = std::move(w.buf.erase(0, kHead));
                    }
                    w.buf = std::move(rest);  // not the capacity of the longest report so far
                    if (w.buf.size() >= kHead) {
                        const Head next_head = head_of(w.buf);
                        w.buf.reserve(kHead + static_cast<size_t>(std::min<uint64_t>(
                                                  next_head.result + next_head.shared, uint64_t{1} << 30)));
                    }
                    const size_t i = w.tasks.front();
                    w.tasks.pop_front();
                    w.started = std::chrono::steady_clock::now();  // of the task sent ahead, if any
                    ++finished;
                    if (o.failure == WorkerFailure::Memory) {
                        requeue(w, 0);
                        // Its heap may be fragmented or half-initialised: start afresh.
                        long rss = 0;
                        reap(w, true, rss);
                        spawn(w, pool, budget, task, sharing);
                    }
                    done(i, std::move(o));
                }
                if (eof) {
                    if (!w.tasks.empty()) {
                        fail(w, WorkerFailure::Crash, false);
                    } else if (w.pid > 0) {  // gone between tasks: a fresh one
                        long rss = 0;
                        reap(w, false, rss);
                        spawn(w, pool, budget, task, sharing);
                    }
                    continue;
                }
            }
            if (!w.tasks.empty() && budget.timeout_seconds > 0 && std::chrono::steady_clock::now() - w.started >= limit)
                fail(w, WorkerFailure::Timeout, true);
        }
    }
    for (auto& w : pool) {
        long rss = 0;
        if (w.pid > 0) reap(w, false, rss);  // closing the task pipe ends an idle worker
    }
    sigaction(SIGPIPE, &old_pipe, nullptr);
    return true;
}

bool run_chunked_in_workers(size_t n, size_t chunk, unsigned jobs, const Budget& budget,
                            const std::function<std::string(size_t)>& task,
                            const std::function<void(size_t, WorkerOutcome)>& done) {
    chunk = std::max<size_t>(1, chunk);
    const size_t chunks = (n + chunk - 1) / chunk;
    std::vector<size_t> again;  // the indices of the chunks that failed
    bool ran = run_in_workers(
        chunks, jobs, budget,
        [&](size_t c) {
            std::string out;
            for (size_t i = c * chunk; i < std::min(n, (c + 1) * chunk); ++i) wire::put_str(out, task(i));
            return out;
        },
        [&](size_t c, WorkerOutcome o) {
            const size_t from = c * chunk, to = std::min(n, from + chunk);
            std::vector<std::string> got;
            wire::Reader r{o.payload};
            for (size_t i = from; i < to && o.failure == WorkerFailure::None && r.ok; ++i) got.push_back(r.str());
            if (o.failure != WorkerFailure::None || !r.ok || r.at != o.payload.size() || got.size() != to - from) {
                for (size_t i = from; i < to; ++i) again.push_back(i);
                return;
            }
            for (size_t i = from; i < to; ++i) done(i, WorkerOutcome{WorkerFailure::None, std::move(got[i - from]), 0});
        });
    if (!ran) return false;
    if (again.empty()) return true;
    std::sort(again.begin(), again.end());
    if (!run_in_workers(again.size(), jobs, budget, [&](size_t k) { return task(again[k]); },
                        [&](size_t k, WorkerOutcome o) { done(again[k], std::move(o)); }))
        // No worker could be started for the second round: those indices fail as crashes would.
        for (size_t i : again) done(i, WorkerOutcome{WorkerFailure::Crash, {}, 0});
    return true;
}

std::string failure_reason(const WorkerOutcome& o, const Budget& b, const std::string& lang) {
    const bool en = lang == "en";
    auto number = [](double v) {
        char s[32];
        std::snprintf(s, sizeof s, "%g", v);
        return std::string(s);
    };
    switch (o.failure) {
        case WorkerFailure::Timeout:
            return en ? "stopped after " + number(b.timeout_seconds) + " s (raise the limit with --timeout)"
                      : "dừng sau " + number(b.timeout_seconds) + " giây (tăng giới hạn bằng --timeout)";
        case WorkerFailure::Memory: {
            std::string size = b.max_memory_mb % 1024 == 0 ? number(static_cast<double>(b.max_memory_mb / 1024)) + " GB"
                                                            : number(static_cast<double>(b.max_memory_mb)) + " MB";
            return en ? "needed more than " + size + " of memory (raise the limit with --max-memory)"
                      : "cần nhiều hơn " + size + " bộ nhớ (tăng giới hạn bằng --max-memory)";
        }
        case WorkerFailure::Crash: {
            std::string sig = o.signal ? std::string(" (") + (strsignal(o.signal) ? strsignal(o.signal) : "signal") + ")" : "";
            return en ? "crashed while reading" + sig + ": please report it, with the file"
                      : "plancheck gặp lỗi khi đọc" + sig + ": xin báo lỗi, kèm tệp này";
        }
        case WorkerFailure::None: break;
    }
    return {};
}

std::string serialize_result(const std::string& format, const std::vector<Diagnostic>& diags,
                             const std::string& text, const std::string& date) {
    std::string out;
    put_str(out, format);
    put_u32(out, static_cast<uint32_t>(diags.size()));
    for (const auto& d : diags) {
        put_str(out, d.rule);
        put_str(out, d.category);
        put_u32(out, static_cast<uint32_t>(d.severity));
        put_str(out, d.message);
        for (uint32_t v : {d.line, d.column, d.end_line, d.end_column, d.page, d.page_line}) put_u32(out, v);
        put_str(out, d.excerpt);
        put_str(out, d.legal_basis);
        put_u32(out, d.fix ? 1 : 0);
        if (d.fix) {
            for (uint32_t v : {d.fix->line, d.fix->column, d.fix->end_line, d.fix->end_column}) put_u32(out, v);
            put_str(out, d.fix->replacement);
        }
        put_u32(out, d.page);
        put_u32(out, d.page_line);
        put_str(out, d.context);
        put_u32(out, d.suppressed ? 1 : 0);
        if (d.suppressed) {
            put_str(out, d.suppressed_by);
            put_u32(out, d.suppressed_line);
        }
    }
    put_str(out, text);
    put_str(out, date);
    return out;
}

bool deserialize_result(std::string_view bytes, std::string& format, std::vector<Diagnostic>& diags) {
    std::string text, date;
    return deserialize_result(bytes, format, diags, text, date);
}

bool deserialize_result(std::string_view bytes, std::string& format, std::vector<Diagnostic>& diags,
                        std::string& text, std::string& date) {
    Reader r{bytes};
    format = r.str();
    uint32_t n = r.u32();
    diags.clear();
    for (uint32_t k = 0; k < n && r.ok; ++k) {
        Diagnostic d;
        d.rule = r.str();
        d.category = r.str();
        uint32_t sev = r.u32();
        if (sev > 2) return false;
        d.severity = static_cast<Severity>(sev);
        d.message = r.str();
        d.line = r.u32(), d.column = r.u32(), d.end_line = r.u32(), d.end_column = r.u32();
        d.page = r.u32(), d.page_line = r.u32();  // PDF; once dropped, so a batch lost them
        d.excerpt = r.str();
        d.legal_basis = r.str();
        if (r.u32()) {
            Fix f;
            f.line = r.u32(), f.column = r.u32(), f.end_line = r.u32(), f.end_column = r.u32();
            f.replacement = r.str();
            d.fix = std::move(f);
        }
        d.page = r.u32(), d.page_line = r.u32();
        d.context = r.str();
        if (r.u32()) {
            d.suppressed = true;
            d.suppressed_by = r.str();
            d.suppressed_line = r.u32();
        }
        if (r.ok) diags.push_back(std::move(d));
    }
    text = r.str();
    date = r.str();
    return r.ok && r.at == bytes.size();
}

}  // namespace plancheck::pipeline
