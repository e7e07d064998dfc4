#include "pipeline/collect.h"

#include <algorithm>
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
        std::vector<std::string> found;
        auto opts = fs::directory_options::skip_permission_denied;
        for (auto it = fs::recursive_directory_iterator(p, opts, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            std::error_code e2;
            if (it->is_symlink(e2) && it->is_directory(e2)) {
                it.disable_recursion_pending();
                continue;
            }
            if (!it->is_regular_file(e2)) continue;
            if (!ingest::format_of(it->path().string()).empty()) found.push_back(it->path().string());
        }
        if (ec) out.push_back({p, "cannot read folder: " + ec.message()});
        std::sort(found.begin(), found.end());
        for (auto& f : found) out.push_back({std::move(f), ""});
    }
    return out;
}

}  // namespace plancheck::pipeline
