// Opens the reader modules on first use (see plugin.h).
#include <dlfcn.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>

#include "ingest/plugin.h"

namespace plancheck::ingest {

namespace fs = std::filesystem;

std::vector<std::string> plugin::search_dirs() {
    // An explicit folder is the only place looked at (packagers, tests).
    if (const char* d = std::getenv("PLANCHECK_PLUGIN_DIR"); d && *d) return {d};
    std::vector<std::string> dirs;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        dirs.push_back(exe.parent_path().string());
        dirs.push_back((exe.parent_path().parent_path() / "lib" / "plancheck").string());
    }
    // Test binaries live elsewhere in the build tree; an installed plancheck
    // never falls back to the build it came from.
    std::string root = std::string(PLANCHECK_BUILD_ROOT) + "/";
    if (ec || exe.string().compare(0, root.size(), root) == 0) dirs.emplace_back(PLANCHECK_PLUGIN_BUILD_DIR);
    return dirs;
}

namespace {

struct Loaded {
    const plugin::Api* api = nullptr;
    std::string error;  // why not, when api is null
};

Loaded open_module(const std::string& name) {
    std::string file = "plancheck-" + name + ".so";
    std::string looked, problem;
    for (const auto& dir : plugin::search_dirs()) {
        fs::path p = fs::path(dir) / file;
        looked += (looked.empty() ? "" : ", ") + dir;
        std::error_code ec;
        if (!fs::is_regular_file(p, ec)) continue;
        void* h = dlopen(p.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!h) {
            const char* e = dlerror();
            problem = p.string() + " cannot be loaded: " + (e ? e : "unknown error");
            continue;
        }
        auto entry = reinterpret_cast<const plugin::Api* (*)()>(dlsym(h, plugin::kEntry));
        const plugin::Api* api = entry ? entry() : nullptr;
        if (!api) {
            problem = p.string() + " is not a plancheck reader module";
        } else if (std::strcmp(api->abi, plugin::kAbi) != 0 || api->document_size != sizeof(SourceDocument) ||
                   api->block_size != sizeof(Block) || api->options_size != sizeof(Options) ||
                   api->diagnostic_size != sizeof(Diagnostic) ||
                   api->annotate_options_size != sizeof(AnnotateOptions)) {
            problem = p.string() + " belongs to another build of plancheck (" + api->abi + ", this is " +
                      plugin::kAbi + ")";
        } else {
            return {api, ""};  // stays loaded for the life of the process
        }
        dlclose(h);
    }
    if (problem.empty()) problem = file + " was not found (looked in " + looked + ")";
    return {nullptr, problem};
}

const Loaded& module(const std::string& name) {
    static std::mutex m;
    static std::map<std::string, Loaded> loaded;
    std::lock_guard<std::mutex> lock(m);
    auto it = loaded.find(name);
    if (it == loaded.end()) it = loaded.emplace(name, open_module(name)).first;
    return it->second;
}

Result read_with(const std::string& name, const std::string& what, std::string_view bytes,
                 const std::string& path, const Options& opts) {
    const Loaded& m = module(name);
    if (!m.api)
        return UnreadableInput{"this installation of plancheck cannot read " + what + " files: its " + what +
                                   " reader is missing or broken: " + m.error,
                               "reinstall plancheck, or save the document as .txt"};
    return m.api->read(bytes, path, opts);
}

}  // namespace

Result read_docx(std::string_view bytes, const std::string& path, const Options& opts) {
    return read_with("docx", ".docx", bytes, path, opts);
}

std::variant<DocxFix, UnreadableInput> fix_docx_page(std::string_view bytes, const Options& opts, const DocxBodyFix& body) {
    const Loaded& m = module("docx");
    if (!m.api || !m.api->fix_page)
        return UnreadableInput{"this installation of plancheck cannot change .docx files: its .docx module is missing "
                               "or broken: " + m.error,
                               "reinstall plancheck"};
    try {
        return m.api->fix_page(bytes, opts, body);
    } catch (const std::exception& e) {
        return UnreadableInput{std::string("the .docx could not be changed: ") + e.what(),
                               "open it in Word or LibreOffice and save it again"};
    }
}

Result read_pdf(std::string_view bytes, const std::string& path, const Options& opts) {
    return read_with("pdf", "PDF", bytes, path, opts);
}

std::optional<std::string> annotate_docx(std::string_view bytes, const std::vector<Diagnostic>& diags,
                                         const AnnotateOptions& opts, std::string* error, AnnotateSummary* summary) {
    const Loaded& m = module("docx");
    if (!m.api || !m.api->annotate) {
        if (error)
            *error = "this installation of plancheck cannot write .docx files: its .docx module is missing or broken: " +
                     m.error;
        return std::nullopt;
    }
    return m.api->annotate(bytes, diags, opts, error, summary);
}

}  // namespace plancheck::ingest
