#include "pipeline/collect.h"

#include <dirent.h>
#include <fnmatch.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/file.h"
#include "ingest/ingest.h"

namespace plancheck::pipeline {

namespace fs = std::filesystem;

bool is_lock_file(const std::string& name) {
    if (name.rfind("~$", 0) == 0) return true;  // Word's owner file next to an open document
    if (name.size() > 1 && name.back() == '~') return true;  // a backup (editors', and --fix's NAME~)
    return name.rfind(".~lock.", 0) == 0 && !name.empty() && name.back() == '#';  // LibreOffice
}

bool is_hidden(const std::string& name) { return name.size() > 1 && name[0] == '.' && name != ".."; }

std::string not_checked_reason(const Input& in, const std::string& lang) {
    const bool en = lang == "en";
    if (in.extension.empty()) return en ? "unsupported format (no extension)" : "định dạng không được hỗ trợ (không có phần mở rộng)";
    return (en ? "unsupported format " : "định dạng không được hỗ trợ ") + in.extension;
}

namespace {

bool match_segments(const std::vector<std::string_view>& p, size_t pi, const std::vector<std::string_view>& s, size_t si) {
    if (pi == p.size()) return si == s.size();
    if (p[pi] == "**") {
        for (size_t k = si; k <= s.size(); ++k)
            if (match_segments(p, pi + 1, s, k)) return true;
        return false;
    }
    if (si == s.size()) return false;
    std::string pat(p[pi]), seg(s[si]);
    return ::fnmatch(pat.c_str(), seg.c_str(), 0) == 0 && match_segments(p, pi + 1, s, si + 1);
}

std::vector<std::string_view> segments(std::string_view s) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i <= s.size()) {
        size_t e = s.find('/', i);
        if (e == std::string_view::npos) e = s.size();
        if (e > i) out.push_back(s.substr(i, e - i));
        i = e + 1;
    }
    return out;
}

std::string_view base_name(std::string_view rel) {
    auto slash = rel.rfind('/');
    return slash == std::string_view::npos ? rel : rel.substr(slash + 1);
}

// A glob from the command line: with a '/', against the whole relative path;
// without, against the name (at any depth).
bool cli_glob(const std::string& pattern, std::string_view rel) {
    return pattern.find('/') == std::string::npos ? glob_match(pattern, base_name(rel)) : glob_match(pattern, rel);
}

// The rules of one .plancheckignore and the folder it is in, relative to the
// walked folder ("" or "a/b/").
struct IgnoreLayer {
    std::string dir;
    std::vector<IgnoreRule> rules;
};

bool left_out_by_rules(const std::vector<IgnoreLayer>& layers, const std::string& rel, bool is_dir) {
    bool out = false;
    for (const auto& l : layers) {  // outermost first: a nearer file decides last
        if (rel.compare(0, l.dir.size(), l.dir) != 0) continue;
        if (auto v = ignored_by(l.rules, std::string_view(rel).substr(l.dir.size()), is_dir)) out = *v;
    }
    return out;
}

std::string unreadable_dir(const fs::path& d) {
    DIR* h = ::opendir(d.c_str());
    if (h) {
        ::closedir(h);
        return {};
    }
    return std::string("cannot read folder: ") + std::strerror(errno);
}

void walk(const fs::path& dir, const std::string& rel_dir, std::vector<IgnoreLayer>& layers, const CollectOptions& opts,
          std::vector<Input>& found, int depth) {
    if (depth > 256) return;  // deeper than any real tree: a bind-mount loop
    bool pushed = false;
    if (opts.ignore_files) {
        std::error_code e;
        fs::path f = dir / ".plancheckignore";
        if (fs::is_regular_file(f, e)) {
            std::string text;
            file::read(f.string(), text);  // unreadable: no patterns, as before
            layers.push_back({rel_dir, parse_ignore(text)});
            pushed = true;
        }
    }
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::error_code e2;
        const std::string name = it->path().filename().string();
        const std::string rel = rel_dir + name;
        const bool left_out = !opts.include_hidden && (is_hidden(name) || is_lock_file(name));
        if (it->is_symlink(e2) && it->is_directory(e2)) continue;  // links to folders are not followed
        if (it->is_directory(e2)) {
            if (left_out || left_out_by_rules(layers, rel, true)) continue;
            bool excluded = false;
            for (const auto& x : opts.exclude) excluded = excluded || cli_glob(x, rel);
            if (excluded) continue;
            if (std::string why = unreadable_dir(it->path()); !why.empty())
                found.push_back({it->path().string(), why, "", false});
            else
                walk(it->path(), rel + "/", layers, opts, found, depth + 1);
            continue;
        }
        const bool regular = it->is_regular_file(e2);
        // A named pipe, socket or device is never opened (a FIFO would block
        // the walk); with a document extension it is named, not skipped.
        if (!regular && (e2 || !it->exists(e2) || ingest::format_of(name).empty())) continue;
        if (left_out || left_out_by_rules(layers, rel, false)) continue;
        bool excluded = false;
        for (const auto& x : opts.exclude) excluded = excluded || cli_glob(x, rel);
        bool included = opts.include.empty();
        for (const auto& x : opts.include) included = included || cli_glob(x, rel);
        if (excluded || !included) continue;
        Input in{it->path().string(), "", "", false};
        if (!regular) {
            in.problem = ingest::not_regular_reason(it->status(e2).type());
        } else if (ingest::format_of(in.path).empty()) {
            in.unsupported = true;
            in.extension = it->path().extension().string();
        }
        found.push_back(std::move(in));
    }
    if (ec) found.push_back({dir.string(), "cannot read folder: " + ec.message(), "", false});
    if (pushed) layers.pop_back();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
    return match_segments(segments(pattern), 0, segments(path), 0);
}

std::vector<IgnoreRule> parse_ignore(std::string_view text) {
    std::vector<IgnoreRule> out;
    size_t i = 0;
    while (i < text.size()) {
        size_t e = text.find('\n', i);
        if (e == std::string_view::npos) e = text.size();
        std::string line(text.substr(i, e - i));
        i = e + 1;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
        if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // a BOM from Notepad
        if (line.empty() || line[0] == '#') continue;
        IgnoreRule r;
        if (line[0] == '!') r.negate = true, line.erase(0, 1);
        else if (line.rfind("\\!", 0) == 0 || line.rfind("\\#", 0) == 0) line.erase(0, 1);
        if (!line.empty() && line.back() == '/') r.dir_only = true, line.pop_back();
        if (line.find('/') != std::string::npos) r.anchored = true;
        while (!line.empty() && line[0] == '/') line.erase(0, 1);
        if (line.empty()) continue;
        r.pattern = line;
        out.push_back(std::move(r));
    }
    return out;
}

std::optional<bool> ignored_by(const std::vector<IgnoreRule>& rules, std::string_view rel, bool is_dir) {
    std::optional<bool> out;
    for (const auto& r : rules) {
        if (r.dir_only && !is_dir) continue;
        bool hit = r.anchored ? glob_match(r.pattern, rel) : glob_match(r.pattern, base_name(rel));
        if (hit) out = !r.negate;
    }
    return out;
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
            // Named explicitly: a pipe, socket or device is reported, never
            // opened (reading a FIFO blocks until a writer comes).
            out.push_back({p, fs::is_regular_file(st) ? std::string() : ingest::not_regular_reason(st.type()), "", false});
            continue;
        }
        // A folder that cannot be opened (permissions) is named with its
        // reason and counts as unreadable, at the top and below: skipping it
        // silently reported "0 files checked" with exit 0.
        if (std::string why = unreadable_dir(p); !why.empty()) {
            out.push_back({p, why, "", false});
            continue;
        }
        std::vector<Input> found;
        std::vector<IgnoreLayer> layers;
        walk(p, "", layers, opts, found, 0);
        std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
        for (auto& f : found) out.push_back(std::move(f));
    }
    return out;
}

}  // namespace plancheck::pipeline
