// Legacy .doc, .rtf, .odt and Word XML files, read by converting them to
// .docx with LibreOffice and reading that with the .docx reader.
//
// The conversion runs `soffice --headless --convert-to docx` as a child
// process: arguments passed as argv (no shell), a private profile, temporary
// folder and HOME inside one private folder (mode 0700) that is removed
// afterwards, its own process group (killed as a whole on timeout and after
// it exits, so no helper process outlives a conversion), standard input from
// /dev/null, and a time limit (Options::convert_timeout_seconds).
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "ingest/ingest.h"

extern char** environ;

namespace plancheck::ingest {

namespace fs = std::filesystem;

namespace {

// What the user calls the format in messages.
std::string shown(std::string_view format) {
    if (format == "wordxml") return "Word XML";
    return "." + std::string(format);
}

std::string extension(std::string_view format) {
    if (format == "wordxml") return "xml";
    return std::string(format);
}

// LibreOffice's import filter for the format: named, so that a damaged file
// fails instead of being imported as plain text (LibreOffice's fallback).
// Flat OPC (<pkg:package>) is left to LibreOffice's detection.
std::string import_filter(std::string_view format, std::string_view bytes) {
    if (format == "doc") return "MS Word 97";
    if (format == "rtf") return "Rich Text Format";
    if (format == "odt") return "writer8";
    if (format == "wordxml" && bytes.substr(0, 4096).find("<w:wordDocument") != std::string_view::npos)
        return "MS Word 2003 XML";
    return "";
}

bool executable(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

// A private folder removed with everything in it when done.
struct PrivateDir {
    fs::path path;
    PrivateDir() {
        std::error_code ec;
        fs::path base = fs::temp_directory_path(ec);
        if (ec) base = "/tmp";
        std::string tmpl = (base / "plancheck-convert-XXXXXX").string();
        if (char* p = ::mkdtemp(tmpl.data())) path = p;  // mkdtemp creates it with mode 0700
    }
    ~PrivateDir() {
        std::error_code ec;
        if (!path.empty()) fs::remove_all(path, ec);
    }
    PrivateDir(const PrivateDir&) = delete;
    PrivateDir& operator=(const PrivateDir&) = delete;
};

// file:// URL of an absolute path, percent-encoding all but unreserved bytes.
std::string file_url(const fs::path& p) {
    static const char* hex = "0123456789ABCDEF";
    std::string out = "file://";
    for (unsigned char c : p.string()) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string slurp(const fs::path& p, size_t limit) {
    std::ifstream in(p, std::ios::binary);
    std::string s(limit, '\0');
    in.read(s.data(), static_cast<std::streamsize>(limit));
    s.resize(static_cast<size_t>(in.gcount()));
    return s;
}

enum class Run { Finished, TimedOut, SpawnFailed };

// Runs argv with the given environment in a new process group; waits at most
// `timeout`. Every process left in the group is killed before returning.
Run run(const std::vector<std::string>& argv, const std::vector<std::string>& env, const fs::path& log,
        std::chrono::milliseconds timeout, std::string& error) {
    std::vector<char*> args, envp;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);

    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    posix_spawn_file_actions_init(&fa);
    posix_spawnattr_init(&attr);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, args[0], &fa, &attr, args.data(), envp.data());
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) {
        error = std::strerror(rc);
        return Run::SpawnFailed;
    }
    auto deadline = std::chrono::steady_clock::now() + timeout;
    Run result = Run::TimedOut;
    auto pause = std::chrono::milliseconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
        // WNOWAIT: the exited leader stays a zombie, so its pid (the group id)
        // cannot be reused before the group is killed below.
        siginfo_t info{};
        if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid) {
            result = Run::Finished;
            break;
        }
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(100));
    }
    ::kill(-pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return result;
}

}  // namespace

std::string find_soffice(const Options& opts) {
    std::string want = opts.soffice;
    if (want.empty())
        if (const char* e = std::getenv("PLANCHECK_SOFFICE"); e && *e) want = e;
    if (want == "off") return "";
    if (!want.empty() && want.find('/') != std::string::npos) return executable(want) ? want : "";
    std::vector<std::string> names = want.empty() ? std::vector<std::string>{"soffice", "libreoffice"}
                                                  : std::vector<std::string>{want};
    const char* path = std::getenv("PATH");
    std::string dirs = path && *path ? path : "/usr/local/bin:/usr/bin:/bin";
    for (const auto& name : names) {
        std::stringstream ss(dirs);
        for (std::string dir; std::getline(ss, dir, ':');) {
            if (dir.empty()) continue;
            fs::path p = fs::path(dir) / name;
            if (executable(p)) return p.string();
        }
    }
    return "";
}

Result read_converted(std::string_view bytes, std::string_view format, const std::string& path,
                      const Options& opts) {
    const std::string what = shown(format);
    std::string soffice = find_soffice(opts);
    if (soffice.empty())
        return UnreadableInput{"cannot read " + what + " files without LibreOffice",
                               "install LibreOffice (libreoffice-writer-nogui) or save it as .docx"};
    PrivateDir tmp;
    if (tmp.path.empty())
        return UnreadableInput{"cannot convert the " + what + " file: no temporary folder: " + std::strerror(errno),
                               "set TMPDIR to a writable folder"};
    std::error_code ec;
    fs::create_directory(tmp.path / "in", ec);
    fs::create_directory(tmp.path / "out", ec);
    fs::create_directory(tmp.path / "tmp", ec);
    fs::path input = tmp.path / "in" / ("document." + extension(format));
    {
        std::ofstream out(input, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) return UnreadableInput{"cannot convert the " + what + " file: the temporary copy could not be written",
                                         "free some disk space"};
    }
    std::vector<std::string> argv = {soffice,
                                     "-env:UserInstallation=" + file_url(tmp.path / "profile"),
                                     "--headless",
                                     "--invisible",
                                     "--nologo",
                                     "--norestore",
                                     "--nolockcheck",
                                     "--nodefault"};
    if (std::string filter = import_filter(format, bytes); !filter.empty()) argv.push_back("--infilter=" + filter);
    for (const std::string& a : {std::string("--convert-to"), std::string("docx"), std::string("--outdir"),
                                 (tmp.path / "out").string(), input.string()})
        argv.push_back(a);
    // The child sees the environment with its temporary files and HOME in the
    // private folder (nothing is left in the user's home).
    std::vector<std::string> env;
    for (char** e = environ; e && *e; ++e) {
        std::string_view v(*e);
        if (v.rfind("HOME=", 0) == 0 || v.rfind("TMPDIR=", 0) == 0) continue;
        env.emplace_back(v);
    }
    env.push_back("HOME=" + tmp.path.string());
    env.push_back("TMPDIR=" + (tmp.path / "tmp").string());

    std::string error;
    int seconds = std::max(1, opts.convert_timeout_seconds);
    Run r = run(argv, env, tmp.path / "log", std::chrono::seconds(seconds), error);
    if (r == Run::SpawnFailed)
        return UnreadableInput{"cannot start LibreOffice (" + soffice + "): " + error,
                               "reinstall LibreOffice (libreoffice-writer-nogui) or save it as .docx"};
    if (r == Run::TimedOut)
        return UnreadableInput{"LibreOffice did not finish converting the " + what + " file within " +
                                   std::to_string(seconds) + " seconds",
                               "open it in Word or LibreOffice and save it as .docx"};
    fs::path output = tmp.path / "out" / "document.docx";
    auto size = fs::file_size(output, ec);
    if (ec || size == 0)
        return UnreadableInput{"LibreOffice could not open the " + what +
                                   " file: it is damaged, password-protected or not a document",
                               "open it in Word or LibreOffice and save it as .docx"};
    if (size > opts.max_inflated_bytes)
        return UnreadableInput{"the converted document is too large", "split the document"};
    std::string docx = slurp(output, static_cast<size_t>(size));
    // Positions are those of the converted document's paragraphs.
    return read_docx(docx, path, opts);
}

}  // namespace plancheck::ingest
