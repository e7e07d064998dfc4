// `plancheck serve` in the plancheck program: runs plancheck-serve, the same
// command line built with the server (checker/serve, cpp-httplib), installed
// next to it. The server's libraries (cpp-httplib with OpenSSL, zlib and
// brotli) cost every process about 4 ms to load and initialise, a third of
// a one-file check; `plancheck check` no longer pays for them.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace plancheck::cli {

int cmd_serve(const Args& args) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    const std::string lang = lang_of(args);
    if (ec) {
        std::cerr << "plancheck: " << say("cannot find the plancheck program (/proc/self/exe)", lang) << "\n";
        return kExitUsage;
    }
    fs::path server = exe.parent_path() / "plancheck-serve";
    std::vector<std::string> argv_s = {server.string(), "serve"};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::cout.flush();
    ::execv(server.c_str(), argv.data());
    std::cerr << "plancheck: " << say("cannot run " + server.string() + ": " + std::strerror(errno), lang) << "\n"
              << "plancheck: " << say("the web server is a program of its own, installed next to plancheck: reinstall plancheck", lang)
              << "\n";
    return kExitUsage;
}

}  // namespace plancheck::cli
