#include "pipeline/collect.h"

#include <dirent.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "ingest/ingest.h"

namespace plancheck::pipeline {

namespace fs = std::filesystem;

bool is_lock_file(const std::string& name) {
    if (name.rfind("~$", 0) == 0) return true;  // Word's owner file next to an open document
    return name.rfind(".~lock.", 0) == 0 && !name.empty() && name.back() == '#';  // LibreOffice
}

bool is_hidden(const std::string& name) { return name.size() > 1 && name[0] == '.' && name != ".."; }

std::string not_checked_reason(const Input& in, const std::string& lang) {
    const bool en = lang == "en";
    if (in.extension.empty()) return en ? "unsupported format (no extension)" : "định dạng không được hỗ trợ (không có phần mở rộng)";
    return (en ? "unsupported format " : "định dạng không được hỗ trợ ") + in.extension;
}

std::vector<Input> collect_inputs(const std::vector<std::string>& paths, const CollectOptions& opts) {
    std::vector<Input> out;
    for (const auto& p : paths) {
        std::error_code ec;
        auto st = fs::status(p, ec);
        if (ec || !fs::exists(st)) {
            out.push_back({p, "no such file or folder", "", false});
            continue;
        }
        if (!fs::is_directory(st)) {
            out.push_back({p, "", "", false});
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
            out.push_back({p, why, "", false});
            continue;
        }
        std::vector<Input> found;
        auto dopts = fs::directory_options::skip_permission_denied;
        for (auto it = fs::recursive_directory_iterator(p, dopts, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            std::error_code e2;
            const std::string name = it->path().filename().string();
            const bool left_out = !opts.include_hidden && (is_hidden(name) || is_lock_file(name));
            if (it->is_symlink(e2) && it->is_directory(e2)) {
                it.disable_recursion_pending();
                continue;
            }
            if (it->is_directory(e2)) {
                if (left_out) it.disable_recursion_pending();
                else if (std::string why = unreadable_dir(it->path()); !why.empty())
                    found.push_back({it->path().string(), why, "", false});
                continue;
            }
            if (!it->is_regular_file(e2) || left_out) continue;
            Input in{it->path().string(), "", "", false};
            if (ingest::format_of(in.path).empty()) {
                in.unsupported = true;
                in.extension = it->path().extension().string();
            }
            found.push_back(std::move(in));
        }
        if (ec) out.push_back({p, "cannot read folder: " + ec.message(), "", false});
        std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
        for (auto& f : found) out.push_back(std::move(f));
    }
    return out;
}

}  // namespace plancheck::pipeline
