// `plancheck serve`: the web page and HTTP API for checking one document
// (checker/serve, docs/api.md). The same command, with --worker, is the
// worker process the server starts for each request: it reads the document
// from standard input and prints what the request needs.
#include <signal.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>
#include <thread>

#include "cli/commands.h"
#include "core/utf8.h"
#include "ingest/annotate.h"
#include "pipeline/config.h"
#include "report/report.h"
#include "serve/annotate.h"
#include "serve/server.h"
#include "serve/spawn.h"
#include "serve/upload.h"

namespace plancheck::cli {

namespace {

constexpr const char* kUsage =
    "Usage: plancheck serve [options]\n\n"
    "Serves a web page for checking one document at a time (.docx .pdf .txt .md .html,\n"
    "and .doc .rtf .odt through LibreOffice),\n"
    "in Vietnamese (English with ?lang=en), and its HTTP API (docs/api.md), on\n"
    "http://127.0.0.1:8080/ by default. Each document is checked in its own worker\n"
    "process, in memory, within the time and memory limits; nothing is written to disk.\n"
    "Listening beyond this computer (--host 0.0.0.0, a LAN address) needs --allow-remote.";

// The source lines a document's findings point into, numbered as plancheck
// numbers them (docs/api.md, "lines"): each is what a finding's excerpt shows
// (Block::source_line) and the column its first character is at. Usually the
// whole original line, at column 1; blocks split from one line keep either
// the whole line (a two-column .txt or PDF header: one entry) or their own
// part (a .docx paragraph split at a tab: one entry per part, each at its
// column). A part is recognised by its text starting where its source does.
nlohmann::json document_lines(const SourceDocument& doc) {
    std::map<std::pair<uint32_t, uint32_t>, std::string> segs;  // (line, column) -> text
    for (const auto& b : doc.blocks) {
        if (b.anchors.empty() || b.line() == 0) continue;
        uint32_t ln = b.line();
        for (size_t start = 0, k = 0;; ++k, ++ln) {
            const std::string_view whole = b.original();
            size_t nl = whole.find('\n', start);
            std::string part(whole.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
            uint32_t column = 1;
            if (k == 0 && b.anchors.front().column > 1) {
                size_t i = 0, lead = 0;
                while (i < part.size() && (part[i] == ' ' || part[i] == '\t')) ++i, ++lead;
                // The first word of the source (after its indent) and of the text.
                auto first_word = [](std::string_view s, size_t from) {
                    std::u32string w;
                    for (size_t at = from; at < s.size();) {
                        char32_t c = utf8::next(s, at);
                        if (c == ' ' || c == '\t') break;
                        w += utf8::lower_cp(c);
                    }
                    return w;
                };
                auto src = first_word(part, i), txt = first_word(b.text, 0);
                if (!src.empty() && src == txt && b.anchors.front().column > lead)
                    column = b.anchors.front().column - static_cast<uint32_t>(lead);
            }
            segs.emplace(std::make_pair(ln, column), std::move(part));
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
    }
    auto out = nlohmann::json::array();
    for (const auto& [at, text] : segs) out.push_back({{"line", at.first}, {"column", at.second}, {"text", text}});
    return out;
}

int run_worker(const RuleOptions& ro, const std::string& name, const std::string& format, const std::string& mode,
               uint64_t max_memory_mb, double timeout_s) {
    std::string bytes{std::istreambuf_iterator<char>(std::cin), {}};
    rules::RuleBook book;
    if (!load_rules(ro, book)) return 4;
    serve::limit_own_memory(max_memory_mb);
    try {
        pipeline::Options opts;
        opts.check.lang = ro.lang;
        opts.ingest.max_bytes = std::max<uint64_t>(opts.ingest.max_bytes, bytes.size() + 1);
        // A LibreOffice conversion (.doc, .rtf, .odt) gives up, and removes its
        // private folder, before the server kills this worker at its budget.
        opts.ingest.convert_timeout_seconds = std::max(1, static_cast<int>(timeout_s) - 2);
        auto fr = pipeline::check_bytes(bytes, format, name, book, opts);
        pipeline::apply_config(pipeline::Config{}, fr.diagnostics);  // as `check` with no .plancheck.yaml
        if (mode == "annotate") {
            // Nothing on standard output: the package cannot be annotated (422).
            if (fr.unreadable || !serve::annotator()) return 0;
            std::string annotated;
            try {
                annotated = serve::annotator()(bytes, fr.diagnostics, ro.lang);
            } catch (const std::bad_alloc&) {
                throw;
            } catch (const std::exception& e) {
                std::cerr << "plancheck serve --worker: cannot annotate: " << e.what() << "\n";
                return 0;
            }
            std::cout << annotated;
            return 0;
        }
        report::Options ropts;
        ropts.lang = ro.lang;
        ropts.tool_version = PLANCHECK_VERSION;
        std::vector<report::FileReport> reports{{name, fr.format, fr.diagnostics}};
        std::ostringstream check_json;
        report::write(check_json, "json", reports, ropts);
        if (mode == "check") {
            std::cout << check_json.str();
            return 0;
        }
        std::ostringstream html;
        report::write(html, "html", reports, ropts);
        nlohmann::json out = {{"name", name},          {"format", fr.format},     {"check_json", check_json.str()},
                              {"report_html", html.str()}, {"outline", nullptr}, {"coverage", nullptr},
                              {"citations", nullptr},  {"lines", nlohmann::json::array()}};
        auto r = ingest::read_bytes(bytes, format, name, opts.ingest);
        if (auto* doc = std::get_if<SourceDocument>(&r)) {
            auto a = pipeline::analyze(std::move(*doc));
            out["lines"] = document_lines(a->doc);
            if (!fr.unreadable) {
                auto sets = rules::select_sets(book, a->model, {});
                out["outline"] = outline_json(*a, sets);
                out["coverage"] = coverage_json(*a, sets, false);
                out["citations"] = citations_json(*a, book);
            }
        }
        std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return 0;
    } catch (const std::bad_alloc&) {
        return serve::kWorkerOutOfMemory;
    } catch (const std::exception& e) {
        std::cerr << "plancheck serve --worker: " << e.what() << "\n";
        return 6;
    }
}

}  // namespace

int cmd_serve(const Args& args) {
    // The page's annotated Word file: the findings as Word comments (the
    // same function as `plancheck annotate`, in the .docx module).
    serve::annotator() = [](std::string_view docx, const std::vector<Diagnostic>& diags, const std::string& lang) {
        ingest::AnnotateOptions aopts;
        aopts.lang = lang;
        if (const char* date = std::getenv("PLANCHECK_ANNOTATE_DATE"); date && *date) aopts.date = date;
        std::string error;
        auto out = ingest::annotate_docx(docx, diags, aopts, &error, nullptr);
        if (!out) throw std::runtime_error(error.empty() ? "the .docx could not be annotated" : error);
        return *out;
    };
    RuleOptions ro;
    serve::ServerOptions so;
    double max_upload_mb = 20, timeout_s = 30, max_memory_mb = 1024;
    unsigned max_concurrent = std::max(1u, std::thread::hardware_concurrency());
    bool allow_remote = false, worker = false;
    std::string name, format, mode = "analyze";
    po::options_description desc("Options");
    add_rule_options(desc, ro);
    desc.add_options()
        ("host", po::value(&so.host)->default_value("127.0.0.1")->value_name("ADDR"),
         "address to listen on (beyond loopback only with --allow-remote)")
        ("port", po::value(&so.port)->default_value(8080)->value_name("PORT"), "port to listen on (0: any free port)")
        ("allow-remote", po::bool_switch(&allow_remote),
         "allow --host to be an address other computers can reach (the page has no login: "
         "anyone who reaches it can check documents)")
        ("max-upload", po::value(&max_upload_mb)->default_value(20)->value_name("MB"),
         "largest document accepted (413 above it)")
        ("timeout", po::value(&timeout_s)->default_value(30)->value_name("SECONDS"),
         "time one check may take (the document is then reported unreadable); also how long a "
         "request waits for a free slot before it is answered 503")
        ("max-concurrent", po::value(&max_concurrent)->value_name("N"),
         "checks running at once (default: one per core)")
        ("read-timeout", po::value(&so.read_timeout_seconds)->default_value(30)->value_name("SECONDS"),
         "a client that sends nothing for this long in the middle of a request is answered 400")
        ("max-memory", po::value(&max_memory_mb)->default_value(1024)->value_name("MB"),
         "memory one check may use");
    // The worker's own options (`serve --worker ...`, started by the server;
    // not in --help): the document on standard input, its name and reader.
    worker = !args.empty() && args.front() == "--worker";
    if (worker) {
        desc.add_options()
            ("worker", po::bool_switch(&worker), "check the document on standard input")
            ("name", po::value(&name)->value_name("NAME"), "the document's name")
            ("format", po::value(&format)->value_name("FMT"), "docx, pdf, txt, md or html")
            ("mode", po::value(&mode)->value_name("MODE"), "check, analyze or annotate");
    }
    po::positional_options_description pos;
    po::variables_map vm;
    int code = 0;
    if (!parse(args, desc, pos, vm, kUsage, code)) return code;
    const bool en = ro.lang == "en";
    auto usage_error = [](const std::string& msg) {
        std::cerr << "plancheck serve: " << msg << "\n";
        return kExitUsage;
    };
    if (worker) {
        if (mode != "check" && mode != "analyze" && mode != "annotate")
            return usage_error("--mode must be check, analyze or annotate");
        if (name.empty() || !serve::upload_format(name) || *serve::upload_format(name) != format)
            return usage_error("--worker needs --name and the --format its extension names");
        return run_worker(ro, name, format, mode, static_cast<uint64_t>(max_memory_mb), timeout_s);
    }
    if (so.port < 0 || so.port > 65535) return usage_error(en ? "--port must be 0-65535" : "--port phải trong khoảng 0-65535");
    if (!std::isfinite(max_upload_mb) || max_upload_mb <= 0 || max_upload_mb > 1024)
        return usage_error(en ? "--max-upload must be a number of megabytes, at most 1024"
                              : "--max-upload phải là số megabyte dương, tối đa 1024");
    if (!std::isfinite(timeout_s) || timeout_s <= 0 || timeout_s > 3600)
        return usage_error(en ? "--timeout must be a number of seconds, at most 3600"
                              : "--timeout phải là số giây dương, tối đa 3600");
    if (!std::isfinite(max_memory_mb) || max_memory_mb < 64 || max_memory_mb > 1024.0 * 1024)
        return usage_error(en ? "--max-memory must be a number of megabytes, at least 64"
                              : "--max-memory phải là số megabyte, ít nhất 64");
    if (!std::isfinite(so.read_timeout_seconds) || so.read_timeout_seconds < 0.1 || so.read_timeout_seconds > 3600)
        return usage_error(en ? "--read-timeout must be 0.1-3600 seconds" : "--read-timeout phải trong khoảng 0,1-3600 giây");
    if (max_concurrent < 1 || max_concurrent > 256)
        return usage_error(en ? "--max-concurrent must be 1-256" : "--max-concurrent phải trong khoảng 1-256");
    if (!serve::is_loopback(so.host) && !allow_remote)
        return usage_error(en ? "--host " + so.host + " can be reached from other computers; add --allow-remote to mean it"
                              : "--host " + so.host + " cho phép máy khác truy cập; thêm --allow-remote nếu đúng ý bạn");

    // Fail now, not on the first upload, when the rules cannot be loaded.
    rules::RuleBook book;
    if (!load_rules(ro, book)) return kExitUsage;

    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return usage_error("cannot find the plancheck program (/proc/self/exe)");
    so.worker = {exe.string(), "serve", "--worker"};
    if (!ro.rules_dir.empty()) so.worker.insert(so.worker.end(), {"--rules", std::filesystem::absolute(ro.rules_dir).string()});
    if (ro.no_cache) so.worker.push_back("--no-cache");
    so.max_upload_bytes = static_cast<size_t>(max_upload_mb * 1024 * 1024);
    so.timeout_seconds = timeout_s;
    so.max_memory_mb = static_cast<uint64_t>(max_memory_mb);
    so.max_concurrent = max_concurrent;
    so.lang = ro.lang;
    so.version = PLANCHECK_VERSION;

    // SIGINT and SIGTERM end the server cleanly: one thread waits for them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    serve::Server server(so);
    std::thread([&server, stop_signals] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        server.stop();
    }).detach();
    bool ok = server.run([&](int port) {
        std::string host = so.host.find(':') != std::string::npos ? "[" + so.host + "]" : so.host;
        std::cerr << "plancheck serve: " << (en ? "serving on " : "đang phục vụ tại ") << "http://" << host << ":"
                  << port << "/" << (en ? " (Ctrl+C stops)" : " (Ctrl+C để dừng)") << std::endl;
    });
    if (!ok) {
        std::cerr << "plancheck serve: " << (en ? "cannot listen on " : "không mở được cổng ") << so.host << ":"
                  << so.port << "\n";
        return kExitUsage;
    }
    return kExitClean;
}

}  // namespace plancheck::cli
