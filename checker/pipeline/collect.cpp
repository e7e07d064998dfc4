#include "pipeline/collect.h"

#include <dirent.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "ingest/ingest.h"

namespace plancheck::pipeline {

namespace fs = std::filesystem;

std::vector<Input> collect_inputs(const std::vector<std::string>& paths) {
    std::vector<Input> out;
    for (const auto& p : paths) {
        std::error_code ec;
        auto st = fs::status(p, ec);
        if (ec || !fs::exists(st)) {
            out.push_back({p, "no such file or folder"});
            continue;
        }
        if (!fs::is_directory(st)) {
            out.push_back({p, ""});
            continue;
        }
        // A folder that cannot be opened (permissions) is named with its
        // reason and counts as unreadable, at the top and below: skipping it
        // silently reported "0 files checked" with exit 0.
        auto unreadable_dir = [](const fs::path& d) -> std::string {
            DIR* h = ::opendir(d.c_str());
            if (h) {
                ::closedir(h);
                return {};
            }
            return std::string("cannot read folder: ") + std::strerror(errno);
        };
        if (std::string why = unreadable_dir(p); !why.empty()) {
            out.push_back({p, why});
            continue;
        }
        std::vector<Input> found;
        auto opts = fs::directory_options::skip_permission_denied;
        for (auto it = fs::recursive_directory_iterator(p, opts, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            std::error_code e2;
            if (it->is_symlink(e2) && it->is_directory(e2)) {
                it.disable_recursion_pending();
                continue;
            }
            if (it->is_directory(e2)) {
                if (std::string why = unreadable_dir(it->path()); !why.empty()) found.push_back({it->path().string(), why});
                continue;
            }
            if (!it->is_regular_file(e2)) continue;
            if (!ingest::format_of(it->path().string()).empty()) found.push_back({it->path().string(), ""});
        }
        if (ec) out.push_back({p, "cannot read folder: " + ec.message()});
        std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
        for (auto& f : found) out.push_back(std::move(f));
    }
    return out;
}

}  // namespace plancheck::pipeline
