#include "pipeline/config.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include "core/file.h"
#include "rules/params.h"

namespace plancheck::pipeline {

namespace fs = std::filesystem;

namespace {
// A top-level key written twice ("lang: vi" ... "lang: en"): the parser keeps
// one without a word, so the file is refused with both lines named.
void refuse_duplicate_keys(const std::string& text, const std::string& path) {
    std::map<std::string, uint32_t> seen;
    uint32_t line = 0;
    size_t i = 0;
    while (i <= text.size()) {
        size_t e = text.find('\n', i);
        if (e == std::string::npos) e = text.size();
        ++line;
        std::string_view l(text.data() + i, e - i);
        if (!l.empty() && l[0] != ' ' && l[0] != '\t' && l[0] != '#' && l[0] != '-') {
            if (l.substr(0, 3) == "---" || l.substr(0, 3) == "...") seen.clear();  // a new document
            size_t colon = l.find(':');
            if (colon != std::string_view::npos && colon > 0 && l[0] != '"' && l[0] != '\'' &&
                (colon + 1 == l.size() || l[colon + 1] == ' ' || l[colon + 1] == '\t' || l[colon + 1] == '\r')) {
                std::string key(l.substr(0, colon));
                while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.pop_back();
                auto [it, fresh] = seen.emplace(key, line);
                if (!fresh)
                    throw rules::RuleFileError(path, static_cast<int>(line), 1, "key '" + key + "' given twice (first on line " +
                                                                  std::to_string(it->second) + ")");
            }
        }
        i = e + 1;
    }
}

double positive(rules::Params& p, const std::string& key) {
    double v = p.number(key, 0);
    if (!std::isfinite(v) || v <= 0) p.fail(key, "expected a positive number");
    return v;
}
}  // namespace

Config load_config(const std::string& path) {
    std::string text;
    if (!file::read(path, text)) throw rules::RuleFileError(path, 0, 0, "cannot open config file");
    refuse_duplicate_keys(text, path);
    rules::yaml::Tree root = rules::yaml::parse(text, path);
    Config c;
    c.path = path;
    if (root->is_null()) return c;  // an empty file is a valid, empty config
    rules::Params p(root, path, "config");
    if (p.has("rules")) {
        fs::path dir = p.str("rules");
        if (dir.is_relative()) dir = fs::path(path).parent_path() / dir;
        c.rules_dir = dir.lexically_normal().string();
    }
    c.rulesets = p.strings_or_empty("rulesets");
    c.disable = p.strings_or_empty("disable");
    c.enable = p.strings_or_empty("enable");
    if (p.has("root")) c.root = p.boolean("root", false);
    for (const auto& id : c.disable)
        if (id == "input.unreadable") p.fail("disable", "input.unreadable cannot be disabled");
    if (p.has("severity")) {
        rules::Params sev = p.child("severity");
        for (const auto& key : sev.keys()) {
            auto s = parse_severity(sev.str(key));
            if (!s) sev.fail(key, "expected error, warning or info");
            c.severity[key] = *s;
        }
        sev.finish();
    }
    if (p.has("fail_on")) {
        std::string f = p.str("fail_on");
        if (f != "error" && f != "warning" && f != "info" && f != "none")
            p.fail("fail_on", "expected error, warning, info or none");
        c.fail_on = f;
    }
    if (p.has("lang")) {
        std::string l = p.str("lang");
        if (l != "vi" && l != "en") p.fail("lang", "expected vi or en");
        c.lang = l;
    }
    if (p.has("draft")) c.draft = p.boolean("draft", false);
    if (p.has("timeout")) c.timeout = positive(p, "timeout");
    if (p.has("max_memory")) c.max_memory = positive(p, "max_memory");
    p.finish();
    return c;
}

std::string find_config(const std::string& start) {
    std::error_code ec;
    fs::path dir = fs::absolute(start, ec);
    if (ec) return {};
    if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
    for (; !dir.empty(); dir = dir.parent_path()) {
        fs::path f = dir / ".plancheck.yaml";
        if (fs::is_regular_file(f, ec)) return f.string();
        if (dir == dir.root_path()) break;
    }
    return {};
}

Config merge(const Config& outer, const Config& inner) {
    Config c = outer;
    c.path = inner.path;
    c.root = outer.root || inner.root;
    if (inner.rules_dir) c.rules_dir = inner.rules_dir;
    if (!inner.rulesets.empty()) c.rulesets = inner.rulesets;
    for (const auto& d : inner.disable)
        if (std::find(c.disable.begin(), c.disable.end(), d) == c.disable.end()) c.disable.push_back(d);
    for (const auto& e : inner.enable) {
        c.disable.erase(std::remove(c.disable.begin(), c.disable.end(), e), c.disable.end());
        if (std::find(c.enable.begin(), c.enable.end(), e) == c.enable.end()) c.enable.push_back(e);
    }
    for (const auto& [k, v] : inner.severity) c.severity[k] = v;
    if (inner.fail_on) c.fail_on = inner.fail_on;
    if (inner.lang) c.lang = inner.lang;
    if (inner.draft) c.draft = inner.draft;
    if (inner.timeout) c.timeout = inner.timeout;
    if (inner.max_memory) c.max_memory = inner.max_memory;
    return c;
}

const Config& ConfigResolver::for_dir(const std::string& dir) {
    if (auto it = by_dir_.find(dir); it != by_dir_.end()) return *it->second;
    fs::path d(dir);
    Config here;
    std::error_code ec;
    fs::path f = d / ".plancheck.yaml";
    bool has = fs::is_regular_file(f, ec);
    if (has) {
        here = load_config(f.string());
        files_.push_back(here);
    }
    Config merged;
    if (has && here.root) merged = here;
    else if (d.has_parent_path() && d.parent_path() != d) merged = has ? merge(for_dir(d.parent_path().string()), here)
                                                                      : for_dir(d.parent_path().string());
    else merged = here;
    return *by_dir_.emplace(dir, std::make_unique<Config>(std::move(merged))).first->second;
}

const Config& ConfigResolver::for_path(const std::string& file) {
    std::error_code ec;
    fs::path p = fs::absolute(file, ec);
    if (ec) p = fs::path(file);
    p = p.lexically_normal();
    if (!fs::is_directory(p, ec)) p = p.parent_path();
    std::string dir = p.string();
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    return for_dir(dir);
}

void apply_config(const Config& cfg, std::vector<Diagnostic>& diags) {
    auto listed = [](const std::vector<std::string>& v, const Diagnostic& d) {
        return std::find(v.begin(), v.end(), d.rule) != v.end() ||
               std::find(v.begin(), v.end(), d.category) != v.end();
    };
    diags.erase(std::remove_if(diags.begin(), diags.end(),
                               [&](const Diagnostic& d) {
                                   return d.category != "input.unreadable" && listed(cfg.disable, d);
                               }),
                diags.end());
    for (auto& d : diags) {
        if (d.category == "input.unreadable") continue;
        if (auto it = cfg.severity.find(d.rule); it != cfg.severity.end()) d.severity = it->second;
        else if (auto jt = cfg.severity.find(d.category); jt != cfg.severity.end()) d.severity = jt->second;
    }
}

}  // namespace plancheck::pipeline
