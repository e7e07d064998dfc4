#include "serve/server.h"

#include <arpa/inet.h>
#include <signal.h>
#include <sys/socket.h>

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <iostream>
#include <mutex>
#include <sstream>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "pipeline/pipeline.h"
#include "report/report.h"
#include "serve/annotate.h"
#include "serve/assets.h"
#include "serve/spawn.h"
#include "serve/upload.h"

namespace plancheck::serve {

bool is_loopback(const std::string& host) {
    if (host == "localhost" || host == "::1" || host == "[::1]") return true;
    in_addr a{};
    if (inet_pton(AF_INET, host.c_str(), &a) == 1) return (ntohl(a.s_addr) >> 24) == 127;
    return false;
}

namespace {

using Clock = std::chrono::steady_clock;

// At most `n` checks at once; the rest wait, each at most `wait` seconds.
class Slots {
public:
    explicit Slots(unsigned n) : free_(n) {}
    bool acquire(double wait_seconds) {
        std::unique_lock<std::mutex> lock(m_);
        ++waiting_;
        bool got = cv_.wait_for(lock, std::chrono::duration<double>(wait_seconds), [&] { return free_ > 0; });
        --waiting_;
        if (got) --free_;
        return got;
    }
    void release() {
        {
            std::lock_guard<std::mutex> lock(m_);
            ++free_;
        }
        cv_.notify_one();
    }
    unsigned waiting() {
        std::lock_guard<std::mutex> lock(m_);
        return waiting_;
    }

private:
    std::mutex m_;
    std::condition_variable cv_;
    unsigned free_;
    unsigned waiting_ = 0;
};

struct SlotGuard {
    Slots& s;
    ~SlotGuard() { s.release(); }
};

bool english(const std::string& lang) { return lang == "en"; }

// A JSON error body: {"error": {"status": 413, "code": "too-large", "message": "..."}}.
void json_error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
    res.status = status;
    nlohmann::json j = {{"error", {{"status", status}, {"code", code}, {"message", message}}}};
    res.set_content(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n",
                    "application/json; charset=utf-8");
}

std::string http_date_now() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// Content-Disposition for a download named `name` (RFC 6266 / 5987: an ASCII
// fallback and the UTF-8 name).
std::string disposition(const std::string& name) {
    std::string ascii, enc;
    for (unsigned char c : name) {
        ascii += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%') ? static_cast<char>(c) : '_';
        if (std::isalnum(c) || c == '.' || c == '-' || c == '_') enc += static_cast<char>(c);
        else {
            char b[4];
            std::snprintf(b, sizeof b, "%%%02X", c);
            enc += b;
        }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + enc;
}

thread_local const httplib::Request* tl_request = nullptr;
thread_local Clock::time_point tl_start;

}  // namespace

struct Server::Impl {
    ServerOptions o;
    httplib::Server http;
    Slots slots;
    unsigned pool_threads;
    std::mutex log_mutex;
    int listen_fd = -1;

    explicit Impl(ServerOptions opts)
        : o(std::move(opts)), slots(std::max(1u, o.max_concurrent)),
          pool_threads(std::max(64u, std::max(1u, o.max_concurrent) * 16)) {}

    std::string lang_of(const httplib::Request& req) const {
        if (req.has_param("lang")) return req.get_param_value("lang");
        return o.lang;
    }

    struct Upload {
        std::string name, format, lang;
        std::string_view bytes;
    };

    // Reads the document out of a request (multipart field "file", or the raw
    // body named by ?filename=); on failure fills `res` and returns false.
    bool upload(const httplib::Request& req, httplib::Response& res, Upload& up) {
        up.lang = lang_of(req);
        if (up.lang != "vi" && up.lang != "en") {
            json_error(res, 400, "bad-lang", "lang must be vi or en");
            return false;
        }
        const bool en = english(up.lang);
        std::string raw_name;
        if (req.is_multipart_form_data()) {
            if (!req.has_file("file")) {
                json_error(res, 400, "no-file",
                           en ? "the form has no \"file\" field" : "biểu mẫu không có trường \"file\" chứa văn bản");
                return false;
            }
            const auto& f = req.files.find("file")->second;
            raw_name = f.filename;
            up.bytes = f.content;
        } else {
            if (!raw_content_type_ok(req.get_header_value("Content-Type"))) {
                json_error(res, 415, "unsupported-media-type",
                           en ? "send the document as multipart/form-data (field \"file\") or as the raw body "
                                "(application/octet-stream) with ?filename="
                              : "hãy gửi văn bản dạng multipart/form-data (trường \"file\") hoặc nguyên nội dung "
                                "(application/octet-stream) kèm ?filename=");
                return false;
            }
            if (!req.has_param("filename")) {
                json_error(res, 400, "no-filename",
                           en ? "a raw upload needs ?filename= (its extension picks the reader)"
                              : "gửi nguyên nội dung cần ?filename= (phần mở rộng cho biết định dạng)");
                return false;
            }
            raw_name = req.get_param_value("filename");
            up.bytes = req.body;
        }
        up.name = sanitize_name(raw_name);
        auto fmt = upload_format(up.name);
        if (!fmt) {
            json_error(res, 415, "unsupported-format",
                       en ? "plancheck reads .docx, .pdf, .txt, .md and .html files (and .doc, .rtf, .odt with LibreOffice)"
                          : "plancheck đọc được tệp .docx, .pdf, .txt, .md và .html (và .doc, .rtf, .odt nhờ LibreOffice)");
            return false;
        }
        up.format = *fmt;
        if (up.bytes.size() > o.max_upload_bytes) {
            too_large(res, en);
            return false;
        }
        return true;
    }

    void too_large(httplib::Response& res, bool en) const {
        std::string mb = std::to_string(o.max_upload_bytes >> 20);
        json_error(res, 413, "too-large",
                   en ? "the document is larger than the server's limit of " + mb + " MB"
                      : "văn bản lớn hơn giới hạn " + mb + " MB của máy chủ");
    }

    // Runs the worker for `up` in `mode`; fills `res` on failure and returns
    // nullopt, else the worker's outcome (a failed check included).
    std::optional<SpawnResult> run_worker(const Upload& up, const std::string& mode, httplib::Response& res) {
        const bool en = english(up.lang);
        // Leave threads for /healthz and the page while checks queue up.
        if (slots.waiting() + 4 >= pool_threads || !slots.acquire(o.timeout_seconds)) {
            res.set_header("Retry-After", "10");
            json_error(res, 503, "busy",
                       en ? "the server is busy checking other documents; try again in a moment"
                          : "máy chủ đang bận kiểm tra văn bản khác; vui lòng thử lại sau ít phút");
            return std::nullopt;
        }
        SlotGuard guard{slots};
        std::vector<std::string> argv = o.worker;
        argv.insert(argv.end(), {"--name", up.name, "--format", up.format, "--lang", up.lang, "--mode", mode,
                                 "--max-memory", std::to_string(o.max_memory_mb), "--timeout",
                                 std::to_string(o.timeout_seconds)});
        pipeline::Budget budget;
        budget.timeout_seconds = o.timeout_seconds;
        budget.max_memory_mb = o.max_memory_mb;
        auto r = spawn_check(argv, up.bytes, budget);
        if (r.outcome.failure == pipeline::WorkerFailure::Crash && r.outcome.signal == 0 && r.exit_code != 0 &&
            r.exit_code != kWorkerOutOfMemory) {
            // The worker refused or could not start (the rules failed to load,
            // the program is gone): the server's fault, not the document's.
            if (!o.quiet) {
                std::lock_guard<std::mutex> lock(log_mutex);
                std::cerr << "plancheck serve: worker failed (exit " << r.exit_code << "): " << r.err << "\n";
            }
            json_error(res, 500, "worker-failed",
                       en ? "the server could not check the document (see its log)"
                          : "máy chủ không kiểm tra được văn bản (xem nhật ký của máy chủ)");
            return std::nullopt;
        }
        return r;
    }

    // The check JSON for a document whose worker did not finish: one
    // input.unreadable finding with why, as `check` reports such a file in a batch.
    std::string failed_check(const Upload& up, const SpawnResult& r) const {
        pipeline::Budget budget;
        budget.timeout_seconds = o.timeout_seconds;
        budget.max_memory_mb = o.max_memory_mb;
        report::FileReport f;
        f.path = up.name;
        f.format = up.format;
        f.diagnostics = {pipeline::unreadable(up.name, {pipeline::failure_reason(r.outcome, budget, up.lang), ""}, up.lang)};
        report::Options ro;
        ro.lang = up.lang;
        std::ostringstream out;
        report::write(out, "json", {f}, ro);
        return out.str();
    }

    void handle_check(const httplib::Request& req, httplib::Response& res) {
        Upload up;
        if (!upload(req, res, up)) return;
        auto r = run_worker(up, "check", res);
        if (!r) return;
        if (r->outcome.failure != pipeline::WorkerFailure::None)
            res.set_content(failed_check(up, *r), "application/json; charset=utf-8");
        else
            res.set_content(r->outcome.payload, "application/json; charset=utf-8");
    }

    void handle_analyze(const httplib::Request& req, httplib::Response& res) {
        Upload up;
        if (!upload(req, res, up)) return;
        auto r = run_worker(up, "analyze", res);
        if (!r) return;
        if (r->outcome.failure != pipeline::WorkerFailure::None) {
            nlohmann::json j = {{"name", up.name}, {"format", up.format}, {"check_json", failed_check(up, *r)},
                                {"report_html", nullptr}, {"outline", nullptr}, {"coverage", nullptr},
                                {"citations", nullptr}, {"lines", nlohmann::json::array()}};
            res.set_content(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                            "application/json; charset=utf-8");
        } else {
            res.set_content(r->outcome.payload, "application/json; charset=utf-8");
        }
    }

    void handle_annotate(const httplib::Request& req, httplib::Response& res) {
        Upload up;
        if (!upload(req, res, up)) return;
        const bool en = english(up.lang);
        if (!annotator()) {
            json_error(res, 501, "not-available",
                       en ? "this plancheck cannot annotate Word files yet"
                          : "bản plancheck này chưa ghi được nhận xét vào tệp Word");
            return;
        }
        if (up.format != "docx") {
            json_error(res, 415, "not-docx",
                       en ? "only a .docx file can be annotated" : "chỉ ghi nhận xét được vào tệp .docx");
            return;
        }
        auto r = run_worker(up, "annotate", res);
        if (!r) return;
        if (r->outcome.failure != pipeline::WorkerFailure::None || r->outcome.payload.empty()) {
            json_error(res, 422, "cannot-annotate",
                       en ? "the file could not be annotated (open the HTML report instead)"
                          : "không ghi được nhận xét vào tệp này (hãy xem báo cáo HTML)");
            return;
        }
        std::string stem = up.name.substr(0, up.name.rfind('.'));
        res.set_header("Content-Disposition", disposition(stem + ".checked.docx"));
        res.set_content(r->outcome.payload, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    // A request line's pieces as they may appear in the log: printable ASCII
    // (percent-encoded UTF-8 stays as sent), at most 200 bytes.
    static std::string printable(const std::string& s) {
        std::string out;
        for (char ch : s.substr(0, 200)) out += (ch > 0x20 && ch < 0x7f) ? ch : '?';
        return out.empty() ? "-" : out;
    }

    void log(const httplib::Request& req, const httplib::Response& res) {
        if (o.quiet) return;
        std::string ms = "-";
        if (tl_request == &req)
            ms = std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - tl_start).count());
        std::lock_guard<std::mutex> lock(log_mutex);
        // The path only: a query may carry the client's file name.
        std::cerr << http_date_now() << " " << printable(req.remote_addr) << " " << printable(req.method) << " "
                  << printable(req.path) << " " << res.status << " " << res.body.size() << "B " << ms << "ms\n";
    }

    void setup() {
        ::signal(SIGPIPE, SIG_IGN);  // a worker that exits early must not take the server with it
        // The listening socket, to deepen its backlog after bind (cpp-httplib
        // 0.11 listens with a backlog of 5: a burst of uploads overflowed it).
        http.set_socket_options([this](socket_t sock) {
            httplib::default_socket_options(sock);
            listen_fd = sock;
        });
        const size_t threads = pool_threads;
        http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
        // Multipart framing on top of the document itself.
        http.set_payload_max_length(o.max_upload_bytes + (1u << 20));
        const auto rt = static_cast<time_t>(o.read_timeout_seconds);
        http.set_read_timeout(rt, static_cast<time_t>((o.read_timeout_seconds - static_cast<double>(rt)) * 1e6));
        http.set_write_timeout(30, 0);
        http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                                  {"Referrer-Policy", "no-referrer"},
                                  {"Cache-Control", "no-store"}});
        http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
            tl_request = &req;
            tl_start = Clock::now();
            return httplib::Server::HandlerResponse::Unhandled;
        });
        http.set_logger([this](const httplib::Request& req, const httplib::Response& res) { log(req, res); });
        // Every error has a JSON body, also those cpp-httplib answers itself
        // (413 over the payload limit, 400 for a cut-off or malformed request, 404).
        http.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            const bool en = english(lang_of(req));
            switch (res.status) {
            case 413: too_large(res, en); break;
            case 400:
                json_error(res, 400, "bad-request",
                           en ? "the request is malformed or was cut off" : "yêu cầu bị lỗi hoặc bị cắt ngang");
                break;
            case 404: json_error(res, 404, "not-found", en ? "no such page" : "không có trang này"); break;
            case 405: json_error(res, 405, "method-not-allowed", en ? "method not allowed" : "phương thức không hợp lệ"); break;
            default: json_error(res, res.status, "error", en ? "request failed" : "yêu cầu không thành công"); break;
            }
            return httplib::Server::HandlerResponse::Handled;
        }));
        http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
            std::string what = "unknown";
            try {
                if (ep) std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            json_error(res, 500, "internal", "internal error: " + what);
        });

        http.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
            res.set_content("{\"status\": \"ok\"}\n", "application/json; charset=utf-8");
        });
        http.Get("/api/info", [this](const httplib::Request&, httplib::Response& res) {
            nlohmann::json j = {{"version", o.version},
                                {"lang", o.lang},
                                {"max_upload_bytes", o.max_upload_bytes},
                                {"timeout_seconds", o.timeout_seconds},
                                {"max_concurrent", o.max_concurrent},
                                {"formats", {"docx", "pdf", "txt", "md", "html", "doc", "rtf", "odt"}},
                                {"annotate", static_cast<bool>(annotator())}};
            res.set_content(j.dump(2) + "\n", "application/json; charset=utf-8");
        });
        http.Post("/api/check", [this](const httplib::Request& req, httplib::Response& res) { handle_check(req, res); });
        http.Post("/api/analyze", [this](const httplib::Request& req, httplib::Response& res) { handle_analyze(req, res); });
        http.Post("/api/annotate", [this](const httplib::Request& req, httplib::Response& res) { handle_annotate(req, res); });
        auto page = [](const httplib::Request& req, httplib::Response& res) {
            std::string name = req.matches.size() > 1 ? std::string(req.matches[1]) : "index.html";
            if (name.empty()) name = "index.html";
            const Asset* a = find_asset(name);
            if (!a) {
                res.status = 404;
                return;
            }
            res.set_header("Content-Security-Policy",
                           "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
                           "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
            res.set_content(std::string(a->data), asset_type(name));
        };
        http.Get("/", page);
        http.Get(R"(/([A-Za-z0-9_-]+\.(?:html|js|css|svg|png)))", page);
    }
};

Server::Server(ServerOptions opts) : impl_(std::make_unique<Impl>(std::move(opts))) { impl_->setup(); }
Server::~Server() = default;

bool Server::run(const std::function<void(int)>& on_listening) {
    int port = impl_->o.port;
    if (port == 0) {
        port = impl_->http.bind_to_any_port(impl_->o.host);
        if (port <= 0) return false;
    } else if (!impl_->http.bind_to_port(impl_->o.host, port)) {
        return false;
    }
    // Linux lets a listening socket's backlog be changed by listening again.
    if (impl_->listen_fd >= 0) ::listen(impl_->listen_fd, 1024);
    if (on_listening) on_listening(port);
    return impl_->http.listen_after_bind();
}

void Server::stop() { impl_->http.stop(); }

}  // namespace plancheck::serve
