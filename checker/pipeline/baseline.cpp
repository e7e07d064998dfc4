#include "pipeline/baseline.h"

#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "pipeline/atomic_file.h"
#include "report/escape.h"
#include "report/fingerprint.h"

namespace plancheck::pipeline {

namespace {
std::mutex g_mu;  // filter() runs on worker threads; the counts are shared
}

Baseline Baseline::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read baseline " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    auto j = nlohmann::json::parse(ss.str(), nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("plancheck_baseline") || !j["findings"].is_array())
        throw std::runtime_error(path + " is not a plancheck baseline (write one with --write-baseline)");
    if (j["plancheck_baseline"] != 1)
        throw std::runtime_error(path + ": baseline version " + j["plancheck_baseline"].dump() + " is not supported");
    Baseline b;
    for (const auto& e : j["findings"]) {
        if (!e.is_object() || !e["file"].is_string() || !e["rule"].is_string() || !e["fingerprint"].is_string())
            throw std::runtime_error(path + ": an entry lacks file, rule or fingerprint");
        Key k{e["file"], e["rule"], e["fingerprint"]};
        ++b.count_[k];
        if (e.contains("message") && e["message"].is_string()) b.message_[k] = e["message"];
    }
    return b;
}

Baseline Baseline::of(const std::vector<report::FileReport>& files) {
    Baseline b;
    for (const auto& f : files)
        for (const auto& d : f.diagnostics) {
            if (d.category == "input.unreadable" || d.suppressed) continue;
            Key k{report::display_path(f.path), d.rule, report::fingerprint(f, d)};
            ++b.count_[k];
            b.message_.emplace(k, d.message);
        }
    return b;
}

bool Baseline::save(const std::string& path, std::string& error) const {
    nlohmann::json findings = nlohmann::json::array();
    for (const auto& [k, n] : count_)
        for (size_t i = 0; i < n; ++i) {
            nlohmann::json e = {{"file", std::get<0>(k)}, {"rule", std::get<1>(k)}, {"fingerprint", std::get<2>(k)}};
            if (auto it = message_.find(k); it != message_.end()) e["message"] = it->second;
            findings.push_back(std::move(e));
        }
    nlohmann::json j = {{"plancheck_baseline", 1}, {"findings", findings}};
    return write_atomically(path, j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n", error);
}

size_t Baseline::filter(report::FileReport& f) {
    std::string file = report::display_path(f.path);
    size_t removed = 0;
    std::vector<Diagnostic> kept;
    kept.reserve(f.diagnostics.size());
    std::lock_guard<std::mutex> lock(g_mu);
    for (auto& d : f.diagnostics) {
        auto it = count_.find({file, d.rule, report::fingerprint(f, d)});
        if (d.category != "input.unreadable" && !d.suppressed && it != count_.end() && it->second > 0) {
            --it->second;
            ++removed;
            continue;
        }
        kept.push_back(std::move(d));
    }
    f.diagnostics = std::move(kept);
    return removed;
}

size_t Baseline::size() const {
    size_t n = 0;
    for (const auto& [k, c] : count_) n += c;
    return n;
}

}  // namespace plancheck::pipeline
