// `plancheck serve`: a small HTTP server (cpp-httplib) for checking one
// document from a browser. It serves the embedded page (assets.h), GET
// /healthz and GET /api/info, and POST /api/check, /api/analyze,
// /api/annotate (docs/api.md). Every check runs in a worker process
// (spawn.h) with a time and memory budget; at most max_concurrent run at
// once, and a request that finds no free slot within the time budget is
// answered 503. One line per request goes to standard error.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace plancheck::serve {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;                         // 0: any free port (on_listening says which)
    size_t max_upload_bytes = 20u << 20;     // the document itself
    double timeout_seconds = 30;             // per check (the worker is killed after it)
    uint64_t max_memory_mb = 1024;           // per worker process
    unsigned max_concurrent = 2;             // checks running at once
    double read_timeout_seconds = 30;        // a client silent this long mid-request gets 400
    std::string lang = "vi";                 // messages when a request names no ?lang=
    std::string version;                     // reported by /api/info
    bool quiet = false;                      // no request log (tests)
    // The worker's command line up to its per-request arguments, e.g.
    // {"/usr/bin/plancheck", "serve", "--worker"}; the server appends
    // --name NAME --format FMT --lang vi|en --mode check|analyze|annotate.
    std::vector<std::string> worker;
};

class Server {
public:
    explicit Server(ServerOptions opts);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;
    // Binds and serves until stop(). on_listening(port) runs once, after the
    // socket is bound. Returns false when the address could not be bound.
    bool run(const std::function<void(int port)>& on_listening);
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Whether `host` is a loopback address (127.0.0.0/8, ::1, localhost):
// anything else must be asked for with --allow-remote.
bool is_loopback(const std::string& host);

}  // namespace plancheck::serve
