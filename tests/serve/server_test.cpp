// `plancheck serve`: the pieces (names, formats, content types, worker
// processes) in-process, then the built binary serving on a free port: the
// corpus through /api/check against `check --format json`, the limits (413,
// 415, 400 for a cut-off request, 503 or an answer for 50 at once), the page.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <future>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "helpers.h"
#include "ingest/convert.h"
#include "ingest/pdf_writer.h"
#include "serve/server.h"
#include "serve/spawn.h"
#include "serve/upload.h"

namespace fs = std::filesystem;
using namespace plancheck;
using nlohmann::json;

TEST_CASE("serve: client file names are made safe and pick the reader", "[serve]") {
    CHECK(serve::sanitize_name("Kế hoạch số 12.docx") == "Kế hoạch số 12.docx");
    CHECK(serve::sanitize_name("../../etc/passwd") == "passwd");
    CHECK(serve::sanitize_name("C:\\Users\\clerk\\Báo cáo.pdf") == "Báo cáo.pdf");
    CHECK(serve::sanitize_name("") == "document");
    CHECK(serve::sanitize_name("..") == "document");
    CHECK(serve::sanitize_name("/") == "document");
    CHECK(serve::sanitize_name("-rf plan.txt") == "rf plan.txt");
    CHECK(serve::sanitize_name("a\x1b[31mred\x07.txt") == "a[31mred.txt");
    CHECK(serve::sanitize_name("x\xe2\x80\xae" "fdp.txt") == "xfdp.txt");  // no bidi override
    CHECK(serve::sanitize_name("bad\xff\xfe.md") == "bad.md");            // invalid UTF-8 dropped
    CHECK(serve::sanitize_name("a\"b<c>.html") == "a_b_c_.html");
    std::string long_name(500, 'x');
    auto s = serve::sanitize_name(long_name + ".docx");
    CHECK(utf8::count(s) == 120);
    CHECK(s.substr(s.size() - 5) == ".docx");
    // Decomposed Vietnamese (as macOS writes names) comes out composed.
    CHECK(serve::sanitize_name("Ke\xcc\x82\xcc\x81 hoa\xcc\xa3" "ch.txt") == "Kế hoạch.txt");

    CHECK(serve::upload_format("a.DOCX") == std::optional<std::string>("docx"));
    CHECK(serve::upload_format("a.htm") == std::optional<std::string>("html"));
    CHECK(serve::upload_format("a.markdown") == std::optional<std::string>("md"));
    CHECK(serve::upload_format("a.pdf") == std::optional<std::string>("pdf"));
    CHECK_FALSE(serve::upload_format("a.exe"));
    CHECK_FALSE(serve::upload_format("docx"));
    CHECK_FALSE(serve::upload_format(".txt"));
    CHECK(serve::upload_format("a.doc") == std::optional<std::string>("doc"));
    CHECK(serve::upload_format("a.RTF") == std::optional<std::string>("rtf"));
    CHECK_FALSE(serve::upload_format("a.xlsx"));

    CHECK(serve::raw_content_type_ok(""));
    CHECK(serve::raw_content_type_ok("application/octet-stream"));
    CHECK(serve::raw_content_type_ok("Text/Plain; charset=utf-8"));
    CHECK(serve::raw_content_type_ok("application/pdf"));
    CHECK_FALSE(serve::raw_content_type_ok("application/json"));
    CHECK_FALSE(serve::raw_content_type_ok("image/png"));
    CHECK_FALSE(serve::raw_content_type_ok("application/x-www-form-urlencoded"));

    CHECK(serve::is_loopback("127.0.0.1"));
    CHECK(serve::is_loopback("127.1.2.3"));
    CHECK(serve::is_loopback("::1"));
    CHECK(serve::is_loopback("localhost"));
    CHECK_FALSE(serve::is_loopback("0.0.0.0"));
    CHECK_FALSE(serve::is_loopback("192.168.1.10"));
    CHECK_FALSE(serve::is_loopback("::"));
}

TEST_CASE("serve: a worker process gets the input, and is stopped at its time budget", "[serve]") {
    pipeline::Budget b;
    b.timeout_seconds = 10;
    b.max_memory_mb = 0;
    std::string big(3 << 20, 'a');  // larger than a pipe's buffer both ways
    auto r = serve::spawn_check({"/bin/cat"}, big, b);
    CHECK(r.outcome.failure == pipeline::WorkerFailure::None);
    CHECK(r.outcome.payload == big);

    b.timeout_seconds = 0.3;
    auto start = std::chrono::steady_clock::now();
    r = serve::spawn_check({"/bin/sleep", "20"}, "", b);
    double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(r.outcome.failure == pipeline::WorkerFailure::Timeout);
    CHECK(took < 5);

    b.timeout_seconds = 10;
    r = serve::spawn_check({"/bin/sh", "-c", "echo oops >&2; exit 9"}, "", b);
    CHECK(r.outcome.failure == pipeline::WorkerFailure::Crash);
    CHECK(r.exit_code == 9);
    CHECK(r.err.find("oops") != std::string::npos);

    r = serve::spawn_check({"/bin/sh", "-c", "kill -SEGV $$"}, "", b);
    CHECK(r.outcome.failure == pipeline::WorkerFailure::Crash);
    CHECK(r.outcome.signal == SIGSEGV);

    r = serve::spawn_check({"/nonexistent/program"}, "x", b);
    CHECK(r.outcome.failure == pipeline::WorkerFailure::Crash);

    // Output past the cap is refused, not buffered without end.
    r = serve::spawn_check({"/bin/cat"}, big, b, 1 << 20);
    CHECK(r.outcome.failure == pipeline::WorkerFailure::Crash);
    CHECK(r.outcome.payload.empty());
}

// Regression: a worker that ended before reading its input made the write
// raise SIGPIPE, which ends a caller that does not ignore it (this test
// program does not; the server does). CI saw it once as a crash of the test above.
TEST_CASE("serve: a worker that ends without reading its input costs its caller no SIGPIPE", "[serve]") {
    pipeline::Budget b;
    b.timeout_seconds = 10;
    b.max_memory_mb = 0;
    std::string big(3 << 20, 'a');  // more than a pipe holds: the write meets a closed pipe
    for (int i = 0; i < 10; ++i) {
        auto r = serve::spawn_check({"/bin/true"}, big, b);
        CHECK(r.exit_code == 0);
        r = serve::spawn_check({"/nonexistent/program"}, big, b);
        CHECK(r.outcome.failure == pipeline::WorkerFailure::Crash);
    }
}

namespace {

// The built binary serving on a free port; stopped with SIGTERM.
struct ServeProcess {
    pid_t pid = -1;
    int port = 0;
    int err_fd = -1;
    std::thread drain;
    std::mutex m;
    std::string log;

    explicit ServeProcess(std::vector<std::string> extra) {
        std::vector<std::string> argv = {PLANCHECK_BINARY, "serve", "--port", "0"};
        argv.insert(argv.end(), extra.begin(), extra.end());
        std::vector<char*> args;
        for (auto& a : argv) args.push_back(a.data());
        args.push_back(nullptr);
        int p[2];
        REQUIRE(pipe(p) == 0);
        pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            dup2(p[1], 2);
            close(p[0]);
            close(p[1]);
            setenv("PLANCHECK_RULES", PLANCHECK_SOURCE_DIR "/rules", 1);
            execv(args[0], args.data());
            _exit(127);
        }
        close(p[1]);
        err_fd = p[0];
        // The first line names the address: "... http://127.0.0.1:PORT/ ...".
        std::string first;
        char c;
        while (read(err_fd, &c, 1) == 1 && c != '\n') first += c;
        auto at = first.find("http://127.0.0.1:");
        INFO(first);
        REQUIRE(at != std::string::npos);
        port = std::stoi(first.substr(at + 17));
        drain = std::thread([this] {
            char buf[4096];
            for (ssize_t n; (n = read(err_fd, buf, sizeof buf)) > 0;) {
                std::lock_guard<std::mutex> lock(m);
                log.append(buf, static_cast<size_t>(n));
            }
        });
    }
    int stop() {
        if (pid < 0) return -1;
        kill(pid, SIGTERM);
        int status = 0;
        waitpid(pid, &status, 0);
        pid = -1;
        if (drain.joinable()) drain.join();
        close(err_fd);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    ~ServeProcess() { stop(); }
    std::string logged() {
        std::lock_guard<std::mutex> lock(m);
        return log;
    }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(120, 0);
        c.set_write_timeout(60, 0);
        return c;
    }
};

httplib::Result upload(httplib::Client& c, const std::string& path, const std::string& name, const std::string& bytes,
                       const std::string& query = "") {
    httplib::MultipartFormDataItems items = {{"file", bytes, name, "application/octet-stream"}};
    return c.Post((path + query).c_str(), items);
}

// The API's "lines": the parts of each line, each at its column.
struct Part {
    size_t column;
    std::u32string text;
};
std::multimap<int, Part> parts_of(const json& lines) {
    std::multimap<int, Part> out;
    for (const auto& l : lines) {
        std::string t = l["text"].get<std::string>();
        std::u32string cps;
        for (size_t i = 0; i < t.size();) cps += utf8::next(t, i);
        out.emplace(l["line"].get<int>(), Part{l["column"].get<size_t>(), cps});
    }
    return out;
}
std::string utf8_of(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) utf8::append(out, c);
    return out;
}
// Whether some part of the finding's line is its excerpt.
bool excerpt_is_a_part(const std::multimap<int, Part>& parts, const json& d) {
    auto [a, b] = parts.equal_range(d["line"].get<int>());
    for (auto it = a; it != b; ++it)
        if (utf8_of(it->second.text) == d["excerpt"].get<std::string>()) return true;
    return false;
}
// What a one-line finding's columns select, in the part that holds them; "" when none does.
std::string selected(const std::multimap<int, Part>& parts, const json& d) {
    auto [a, b] = parts.equal_range(d["line"].get<int>());
    size_t from = d["column"].get<size_t>(), to = d["end_column"].get<size_t>();
    for (auto it = a; it != b; ++it) {
        const auto& p = it->second;
        if (from >= p.column && to <= p.column + p.text.size())
            return utf8_of(p.text.substr(from - p.column, to - from));
    }
    return "";
}

std::vector<fs::path> corpus_documents() {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(test::source_dir() + "/corpus")) {
        if (!e.is_regular_file()) continue;
        auto ext = e.path().extension().string();
        if (ext == ".txt" || ext == ".md" || ext == ".docx" || ext == ".html" || ext == ".pdf" || ext == ".doc" ||
            ext == ".rtf")
            out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool is_json_error(const httplib::Result& r, int status) {
    if (!r || r->status != status) return false;
    auto j = json::parse(r->body, nullptr, false);
    return !j.is_discarded() && j.contains("error") && j["error"]["status"] == status &&
           !j["error"]["message"].get<std::string>().empty();
}

// A raw HTTP exchange: `request` is sent (all of it, or with `close_early`
// the connection is then closed), and the answer read: its status line,
// headers and Content-Length bytes of body.
std::string raw_exchange(int port, const std::string& request, bool close_early = false) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        close(s);
        return "";
    }
    timeval tv{30, 0};
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    (void)!write(s, request.data(), request.size());
    std::string out;
    if (close_early) {
        close(s);
        return out;
    }
    char buf[4096];
    for (ssize_t n; (n = read(s, buf, sizeof buf)) > 0;) {
        out.append(buf, static_cast<size_t>(n));
        auto end = out.find("\r\n\r\n");
        if (end == std::string::npos) continue;
        auto cl = out.find("Content-Length: ");
        size_t len = cl == std::string::npos ? 0 : std::stoul(out.substr(cl + 16));
        if (out.size() >= end + 4 + len) break;
    }
    close(s);
    return out;
}

}  // namespace

TEST_CASE("serve: /api/check answers what `check --format json` prints, and every limit properly", "[serve]") {
    ServeProcess srv({"--max-upload", "1", "--max-concurrent", "2", "--timeout", "60", "--read-timeout", "1"});
    auto c = srv.client();

    SECTION("health, info, the page") {
        auto h = c.Get("/healthz");
        REQUIRE(h);
        CHECK(h->status == 200);
        CHECK(json::parse(h->body)["status"] == "ok");
        auto i = c.Get("/api/info");
        REQUIRE(i);
        auto info = json::parse(i->body);
        CHECK(info["max_upload_bytes"] == 1 << 20);
        CHECK(info["annotate"].is_boolean());
        CHECK(info["formats"].size() == 8);
        auto page = c.Get("/");
        REQUIRE(page);
        CHECK(page->status == 200);
        CHECK(page->get_header_value("Content-Type").find("text/html") == 0);
        CHECK(page->body.find("app.js") != std::string::npos);
        CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'self'") != std::string::npos);
        auto js = c.Get("/app.js");
        REQUIRE(js);
        CHECK(js->status == 200);
        CHECK(js->body.find("api/analyze") != std::string::npos);
        // No CDN: the page and its script name no other host.
        CHECK(page->body.find("http") == std::string::npos);
        CHECK(js->body.find("https://") == std::string::npos);
        CHECK(is_json_error(c.Get("/nothing-here"), 404));
        CHECK(is_json_error(c.Get("/../../etc/passwd"), 404));
    }

    SECTION("the corpus, through the API and through `check`") {
        auto docs = corpus_documents();
        REQUIRE(docs.size() > 100);
        // One `check` per folder gives every file's entry; a few files are
        // also compared byte for byte with `check` on that file alone.
        std::map<fs::path, std::vector<fs::path>> by_dir;
        for (const auto& d : docs) by_dir[d.parent_path()].push_back(d);
        std::map<fs::path, json> expected;
        for (const auto& [dir, files] : by_dir) {
            std::string cmd = test::shell_quote(PLANCHECK_BINARY) + " check --format json --no-config";
            for (const auto& f : files) cmd += " " + test::shell_quote(f.filename().string());
            auto run = test::run_shell(dir, cmd);
            auto j = json::parse(run.out);
            for (const auto& f : j["files"]) expected[dir / f["path"].get<std::string>()] = f;
        }
        // A report among its plan in a folder is paired with it (docs/progress.md);
        // the page checks one file alone, as `check` does on that file.
        for (auto& [path, entry] : expected) {
            bool paired = false;
            for (const auto& d : entry["diagnostics"]) paired |= d["rule"].get<std::string>().rfind("progress.", 0) == 0;
            if (!paired) continue;
            auto run = test::run_shell(path.parent_path(), test::shell_quote(PLANCHECK_BINARY) +
                                                               " check --format json --no-config " +
                                                               test::shell_quote(path.filename().string()));
            entry = json::parse(run.out)["files"][0];
        }
        std::atomic<size_t> next{0};
        std::mutex m;
        std::vector<std::string> problems;
        auto worker = [&] {
            auto cl = srv.client();
            for (size_t i; (i = next++) < docs.size();) {
                const auto& d = docs[i];
                auto r = upload(cl, "/api/check", d.filename().string(), test::slurp(d));
                std::lock_guard<std::mutex> lock(m);
                if (!r || r->status != 200) {
                    problems.push_back(d.string() + ": no answer or status " + (r ? std::to_string(r->status) : "-"));
                    continue;
                }
                auto j = json::parse(r->body);
                if (j["files"].size() != 1 || j["files"][0] != expected[d])
                    problems.push_back(d.string() + ": differs from check\n" + r->body);
            }
        };
        std::vector<std::thread> pool;
        for (int t = 0; t < 3; ++t) pool.emplace_back(worker);
        for (auto& t : pool) t.join();
        INFO((problems.empty() ? std::string() : problems.front()));
        CHECK(problems.empty());

        for (const auto& d : {docs.front(), docs[docs.size() / 2], docs.back()}) {
            auto run = test::run_shell(d.parent_path(), test::shell_quote(PLANCHECK_BINARY) +
                                                           " check --format json --no-config " +
                                                           test::shell_quote(d.filename().string()));
            std::string bytes = test::slurp(d);
            auto r = upload(c, "/api/check", d.filename().string(), bytes);
            REQUIRE(r);
            CHECK(r->body == run.out);
            // The raw body with ?filename= is the same request.
            auto raw = c.Post(("/api/check?filename=" + httplib::detail::encode_query_param(d.filename().string())).c_str(),
                              bytes, "application/octet-stream");
            REQUIRE(raw);
            CHECK(raw->body == run.out);
            // English on request, as `check --lang en`.
            auto en = test::run_shell(d.parent_path(), test::shell_quote(PLANCHECK_BINARY) +
                                                           " check --format json --no-config --lang en " +
                                                           test::shell_quote(d.filename().string()));
            auto re = upload(c, "/api/check", d.filename().string(), bytes, "?lang=en");
            REQUIRE(re);
            CHECK(re->body == en.out);
        }
    }

    SECTION("a plan as .docx, .pdf and .html: the same answer as `check` on that file") {
        test::TempDir dir("serve-formats");
        std::string text = test::slurp(test::source_dir() + "/corpus/plans/semantics-header-missing.txt");
        test::PdfWriter pdf;
        uint32_t n = 0;
        for (const auto& line : test::physical_lines(text)) pdf.paragraph(line, ++n);
        for (const auto& [name, bytes] : std::vector<std::pair<std::string, std::string>>{
                 {"kế hoạch.docx", test::txt_to_docx(text, true)},
                 {"kế hoạch.pdf", pdf.build()},
                 {"kế hoạch.html", test::txt_to_html(text)}}) {
            INFO(name);
            dir.write(name, bytes);
            auto run = test::run_shell(dir.path, test::shell_quote(PLANCHECK_BINARY) +
                                                     " check --format json --no-config " + test::shell_quote(name));
            auto r = upload(c, "/api/check", name, bytes);
            REQUIRE(r);
            CHECK(r->status == 200);
            CHECK(r->body == run.out);
            CHECK(json::parse(r->body)["files"][0]["diagnostics"].size() > 0);
            auto a = upload(c, "/api/analyze", name, bytes);
            REQUIRE(a);
            auto j = json::parse(a->body);
            CHECK(j["check_json"] == run.out);
            auto parts = parts_of(j["lines"]);
            const json expected = json::parse(run.out);
            for (const auto& d : expected["files"][0]["diagnostics"]) {
                INFO(d.dump());
                CHECK(excerpt_is_a_part(parts, d));
            }
        }
    }

    SECTION("a finding's columns select its words in the API's lines") {
        // Indented Markdown, a two-column header in a .txt and in a .docx
        // (split at tabs: the parts are at their own columns).
        const std::string header = "UBND TỈNH LONG HẢI\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                                   "SỞ NỘI VỤ\t\tĐộc lập - Tự do - Hạnh phúc\n"
                                   "Số:    /KH-SNV\t\tLong Hải, ngày     tháng 5 năm 2023\n"
                                   "KẾ HOẠCH\nĐổi mới công tác tuyên chuyền năm 2023\n"
                                   "Công tác tuyên chuyền được đổi mới.\n";
        for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
                 {"tabs.docx", test::txt_to_docx(header, false)},
                 {"indented.md", "# Kế hoạch\n\n   Đổi mới công tác tuyên chuyền để người dân hiểu rõ.\n"},
                 {"columns.txt", "UBND TỈNH LONG HẢI                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                                 "SỞ NỘI VỤ                          Độc lập - Tự do - Hạnh phúc\n"
                                 "Số: 12/KH-SNV                      Long Hải, ngày 9 tháng 5 năm 2023\n"
                                 "KẾ HOẠCH\nĐổi mới công tác tuyên chuyền năm 2023\n"
                                 "Công tác tuyên chuyền   được đổi mới, tuyên chuyền rộng rãi.\n"}}) {
            INFO(name);
            auto r = upload(c, "/api/analyze", name, text);
            REQUIRE(r);
            auto j = json::parse(r->body);
            auto parts = parts_of(j["lines"]);
            int typos = 0;
            const json check = json::parse(j["check_json"].get<std::string>());
            for (const auto& d : check["files"][0]["diagnostics"]) {
                INFO(d.dump());
                CHECK(excerpt_is_a_part(parts, d));
                if (d["line"] == d["end_line"] && d["end_column"] > d["column"]) CHECK(!selected(parts, d).empty());
                if (d["rule"].get<std::string>().rfind("text.typo", 0) != 0) continue;
                ++typos;
                CHECK(selected(parts, d) == "tuyên chuyền");
            }
            CHECK(typos > 0);
        }
    }

    SECTION("the page's bundle: the check JSON, the document's lines, the outline") {
        fs::path plan = test::source_dir() + "/corpus/plans/citations-anachronism.txt";
        std::string bytes = test::slurp(plan);
        auto r = upload(c, "/api/analyze", plan.filename().string(), bytes);
        REQUIRE(r);
        REQUIRE(r->status == 200);
        auto j = json::parse(r->body);
        auto check = upload(c, "/api/check", plan.filename().string(), bytes);
        REQUIRE(check);
        CHECK(j["check_json"] == check->body);
        CHECK(j["format"] == "txt");
        CHECK(j["outline"]["kind"].is_string());
        CHECK(j["outline"]["rulesets"].size() > 0);
        CHECK(j["citations"]["citations"].size() > 0);
        CHECK(j["coverage"].contains("items"));
        CHECK(j["report_html"].get<std::string>().find("<html") != std::string::npos);
        // Every finding's excerpt is the text of the line it starts on.
        std::map<int, std::string> lines;
        for (const auto& l : j["lines"]) lines[l["line"].get<int>()] = l["text"].get<std::string>();
        auto diags = json::parse(check->body)["files"][0]["diagnostics"];
        REQUIRE(diags.size() > 0);
        for (const auto& d : diags) {
            INFO(d.dump());
            REQUIRE(lines.count(d["line"].get<int>()));
            CHECK(lines[d["line"].get<int>()] == d["excerpt"].get<std::string>());
        }
        // The lines are the physical lines of the file.
        std::vector<std::string> physical;
        for (size_t from = 0; from <= bytes.size();) {
            auto nl = bytes.find('\n', from);
            physical.push_back(bytes.substr(from, nl == std::string::npos ? std::string::npos : nl - from));
            if (nl == std::string::npos) break;
            from = nl + 1;
        }
        for (const auto& [n, text] : lines) CHECK(physical.at(static_cast<size_t>(n - 1)) == text);
    }

    SECTION("too large, wrong type, malformed, cut off: proper codes with JSON bodies") {
        std::string big(static_cast<size_t>(1.5 * (1 << 20)), 'a');
        CHECK(is_json_error(upload(c, "/api/check", "big.txt", big), 413));
        CHECK(is_json_error(c.Post("/api/check?filename=big.txt", big, "text/plain"), 413));
        // Past the request limit itself: cpp-httplib refuses it before reading.
        std::string huge(3 << 20, 'a');
        CHECK(is_json_error(c.Post("/api/check?filename=huge.txt", huge, "text/plain"), 413));
        CHECK(is_json_error(upload(c, "/api/check", "program.exe", "MZ"), 415));
        CHECK(is_json_error(upload(c, "/api/check", "sheet.xlsx", "x"), 415));
        CHECK(is_json_error(c.Post("/api/check?filename=a.txt", "{}", "application/json"), 415));
        CHECK(is_json_error(c.Post("/api/check?filename=a.png", "x", "application/octet-stream"), 415));
        CHECK(is_json_error(c.Post("/api/check", "x", "application/octet-stream"), 400));  // no name
        CHECK(is_json_error(upload(c, "/api/check", "a.txt", "x", "?lang=fr"), 400));
        httplib::MultipartFormDataItems other = {{"document", "x", "a.txt", "text/plain"}};
        CHECK(is_json_error(c.Post("/api/check", other), 400));
        // Without the annotator (GET /api/info says) 501, with it 415 for a .txt.
        auto info = c.Get("/api/info");
        REQUIRE(info);
        const bool can_annotate = json::parse(info->body)["annotate"].get<bool>();
        CHECK(is_json_error(upload(c, "/api/annotate", "a.txt", "x"), can_annotate ? 415 : 501));
        if (!can_annotate) CHECK(is_json_error(upload(c, "/api/annotate", "a.docx", "PK"), 501));
        // `plancheck serve` connects the annotator: a Word file comes back as
        // a .docx with the comments part that `plancheck annotate` writes.
        CHECK(can_annotate);
        if (can_annotate) {
            auto docx = test::slurp(fs::path(PLANCHECK_SOURCE_DIR) / "corpus/docx/plan-word-layouts.docx");
            auto r = upload(c, "/api/annotate", "plan-word-layouts.docx", docx);
            REQUIRE(r);
            CHECK(r->status == 200);
            CHECK(r->body.rfind("PK", 0) == 0);
            CHECK(r->body.find("word/comments.xml") != std::string::npos);  // a name in the zip directory
            CHECK(r->body.size() > docx.size());
        }

        // Content-Length promises more than arrives: the client stalls (400
        // after --read-timeout), or goes away (nobody to answer; the server
        // logs the 400 and goes on).
        const std::string partial = "POST /api/check?filename=cut.txt HTTP/1.1\r\nHost: x\r\n"
                                    "Content-Type: text/plain\r\nContent-Length: 5000\r\n\r\n" +
                                    std::string(100, 'a');
        std::string cut = raw_exchange(srv.port, partial);
        CHECK(cut.rfind("HTTP/1.1 400", 0) == 0);
        CHECK(cut.find("\"error\"") != std::string::npos);
        raw_exchange(srv.port, partial, true);
        // A multipart body that stops before its closing boundary.
        std::string body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                           "Content-Type: text/plain\r\n\r\nKẾ HOẠCH\r\n";
        std::string mp = raw_exchange(srv.port,
                                      "POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; "
                                      "boundary=XyZ\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
        CHECK(mp.rfind("HTTP/1.1 400", 0) == 0);
        // Garbage instead of HTTP.
        CHECK(raw_exchange(srv.port, "\x16\x03\x01garbage\r\n\r\n").rfind("HTTP/1.1 400", 0) == 0);

        // An empty or binary document is a finding, not a failure.
        auto empty = upload(c, "/api/check", "empty.txt", "");
        REQUIRE(empty);
        CHECK(empty->status == 200);
        CHECK(json::parse(empty->body)["files"][0]["diagnostics"][0]["rule"] == "input.unreadable");
        auto junk = upload(c, "/api/check", "junk.docx", std::string(2000, '\x01'));
        REQUIRE(junk);
        CHECK(junk->status == 200);
        CHECK(json::parse(junk->body)["files"][0]["diagnostics"][0]["rule"] == "input.unreadable");

        auto h = c.Get("/healthz");
        REQUIRE(h);
        CHECK(h->status == 200);
    }

    SECTION("50 uploads at once: each answered, the server stays up") {
        fs::path plan = test::source_dir() + "/corpus/plans/citations-anachronism.txt";
        std::string bytes = test::slurp(plan);
        auto one = upload(c, "/api/check", plan.filename().string(), bytes);
        REQUIRE(one);
        REQUIRE(one->status == 200);
        std::atomic<int> ok{0}, busy{0}, bad{0};
        std::mutex why_mutex;
        std::string why;
        std::vector<std::thread> clients;
        for (int i = 0; i < 50; ++i)
            clients.emplace_back([&] {
                auto cl = srv.client();
                auto r = upload(cl, "/api/check", plan.filename().string(), bytes);
                if (r && r->status == 200 && r->body == one->body) ++ok;
                else if (is_json_error(r, 503) && r->has_header("Retry-After")) ++busy;
                else {
                    ++bad;
                    std::lock_guard<std::mutex> lock(why_mutex);
                    why = r ? std::to_string(r->status) + " " + r->body : "no answer: " + httplib::to_string(r.error());
                }
            });
        for (auto& t : clients) t.join();
        INFO(why);
        CHECK(bad == 0);
        CHECK(ok + busy == 50);
        CHECK(ok > 0);
        auto h = c.Get("/healthz");
        REQUIRE(h);
        CHECK(h->status == 200);
    }

    CHECK(srv.stop() == 0);  // SIGTERM: a clean exit
    // One line per request on standard error, without the client's file name.
    auto log = srv.logged();
    CHECK(log.find(" 200 ") != std::string::npos);
    CHECK(log.find("filename=") == std::string::npos);
    CHECK(log.find("\x16") == std::string::npos);
}

TEST_CASE("serve: a check past its time budget is reported unreadable, as in a batch", "[serve]") {
    ServeProcess srv({"--timeout", "0.001"});
    auto c = srv.client();
    auto r = upload(c, "/api/check", "plan.txt", "KẾ HOẠCH\nTriển khai công tác năm 2025\n");
    REQUIRE(r);
    CHECK(r->status == 200);
    auto d = json::parse(r->body)["files"][0]["diagnostics"];
    REQUIRE(d.size() == 1);
    CHECK(d[0]["rule"] == "input.unreadable");
    auto a = upload(c, "/api/analyze", "plan.txt", "KẾ HOẠCH\n");
    REQUIRE(a);
    // The slot wait is bounded by the same budget: either answer is proper.
    CHECK((a->status == 200 || is_json_error(a, 503)));
    auto h = c.Get("/healthz");
    REQUIRE(h);
    CHECK(h->status == 200);
}

TEST_CASE("serve: listening beyond this computer must be asked for", "[serve]") {
    test::TempDir dir("serve");
    auto r = test::run_shell(dir.path, test::shell_quote(PLANCHECK_BINARY) + " serve --host 0.0.0.0 --port 0");
    CHECK(r.code == 2);
    CHECK(r.err.find("--allow-remote") != std::string::npos);
    r = test::run_shell(dir.path, test::shell_quote(PLANCHECK_BINARY) + " serve --max-upload 0");
    CHECK(r.code == 2);
    r = test::run_shell(dir.path, test::shell_quote(PLANCHECK_BINARY) + " serve --timeout nan");
    CHECK(r.code == 2);
}

namespace {

// A Server in this process whose "worker" is a shell script (the server
// appends its --name ... arguments; sh takes them as $1...).
struct InProcessServer {
    serve::Server server;
    std::thread thread;
    int port = 0;
    explicit InProcessServer(serve::ServerOptions o) : server(std::move(o)) {
        std::promise<int> bound;
        auto got = bound.get_future();
        thread = std::thread([&] {
            if (!server.run([&](int p) { bound.set_value(p); })) bound.set_value(-1);
        });
        port = got.get();
    }
    ~InProcessServer() {
        server.stop();
        thread.join();
    }
};

serve::ServerOptions script_worker(const std::string& script) {
    serve::ServerOptions o;
    o.port = 0;
    o.worker = {"/bin/sh", "-c", script, "worker"};
    o.quiet = true;
    return o;
}

}  // namespace

TEST_CASE("serve: too many waiting is 503 with Retry-After, a crashed worker is one unreadable finding, a refusing one 500", "[serve]") {
    SECTION("busy") {
        auto o = script_worker("cat >/dev/null; sleep 0.2; printf '{\"ok\": true}'");
        o.max_concurrent = 1;
        o.timeout_seconds = 1;
        InProcessServer srv(o);
        REQUIRE(srv.port > 0);
        std::atomic<int> ok{0}, busy{0}, bad{0};
        std::vector<std::thread> clients;
        for (int i = 0; i < 80; ++i)
            clients.emplace_back([&] {
                httplib::Client cl("127.0.0.1", srv.port);
                cl.set_read_timeout(30, 0);
                auto r = cl.Post("/api/check?filename=a.txt", "x", "text/plain");
                if (r && r->status == 200 && r->body == "{\"ok\": true}") ++ok;
                else if (is_json_error(r, 503) && r->get_header_value("Retry-After") == "10") ++busy;
                else ++bad;
            });
        // The page and /healthz stay answerable while checks queue.
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        httplib::Client probe("127.0.0.1", srv.port);
        auto h = probe.Get("/healthz");
        for (auto& t : clients) t.join();
        REQUIRE(h);
        CHECK(h->status == 200);
        CHECK(bad == 0);
        CHECK(ok > 0);
        CHECK(busy > 0);
        CHECK(ok + busy == 80);
    }
    SECTION("crash") {
        InProcessServer srv(script_worker("cat >/dev/null; kill -SEGV $$"));
        httplib::Client cl("127.0.0.1", srv.port);
        auto r = cl.Post("/api/check?filename=plan.docx&lang=en", "PK", "application/octet-stream");
        REQUIRE(r);
        CHECK(r->status == 200);
        auto d = json::parse(r->body)["files"][0]["diagnostics"];
        REQUIRE(d.size() == 1);
        CHECK(d[0]["rule"] == "input.unreadable");
        CHECK(d[0]["message"].get<std::string>().find("plan.docx") == 0);
        CHECK(json::parse(r->body)["files"][0]["path"] == "plan.docx");
    }
    SECTION("a worker that refuses") {
        InProcessServer srv(script_worker("cat >/dev/null; echo broken >&2; exit 4"));
        httplib::Client cl("127.0.0.1", srv.port);
        // The server's fault, not the document's: 500.
        CHECK(is_json_error(cl.Post("/api/analyze?filename=a.md", "x", "text/markdown"), 500));
        auto h = cl.Get("/healthz");
        REQUIRE(h);
        CHECK(h->status == 200);
    }
}
