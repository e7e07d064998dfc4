#include "rules/params.h"

#include <re2/re2.h>

namespace plancheck::rules {

RuleFileError::RuleFileError(const std::string& f, int l, int c, const std::string& message)
    : std::runtime_error(f + ":" + std::to_string(l) + ":" + std::to_string(c) + ": " + message),
      file(f), line(l), column(c) {}

Params::Params(YAML::Node node, std::string file, std::string where)
    : node_(std::move(node)), file_(std::move(file)), where_(std::move(where)) {
    if (node_ && !node_.IsNull() && !node_.IsMap()) fail_at(node_, where_ + " must be a mapping");
}

void Params::fail_at(const YAML::Node& at, const std::string& message) const {
    auto m = at.Mark();
    throw RuleFileError(file_, m.line + 1, m.column + 1, message);
}

void Params::fail(const std::string& key, const std::string& message) const {
    YAML::Node at = node_ && node_.IsMap() && node_[key] ? node_[key] : node_;
    fail_at(at, where_ + "." + key + ": " + message);
}

bool Params::has(const std::string& key) const {
    used_.insert(key);
    return node_ && node_.IsMap() && node_[key] && !node_[key].IsNull();
}

YAML::Node Params::get(const std::string& key, bool required) const {
    used_.insert(key);
    if (!node_ || !node_.IsMap() || !node_[key] || node_[key].IsNull()) {
        if (required) fail_at(node_, where_ + ": missing required key '" + key + "'");
        return YAML::Node();
    }
    return node_[key];
}

std::string Params::str(const std::string& key) const {
    auto n = get(key, true);
    if (!n.IsScalar()) fail(key, "expected a string");
    return n.Scalar();
}

std::string Params::str(const std::string& key, const std::string& fallback) const {
    if (!has(key)) return fallback;
    auto n = get(key, true);
    if (!n.IsScalar()) fail(key, "expected a string");
    return n.Scalar();
}

long Params::integer(const std::string& key) const {
    auto n = get(key, true);
    long v = 0;
    if (!n.IsScalar() || !YAML::convert<long>::decode(n, v)) fail(key, "expected an integer");
    return v;
}

long Params::integer(const std::string& key, long fallback) const {
    return has(key) ? integer(key) : fallback;
}

double Params::number(const std::string& key, double fallback) const {
    if (!has(key)) return fallback;
    auto n = get(key, true);
    double v = 0;
    if (!n.IsScalar() || !YAML::convert<double>::decode(n, v)) fail(key, "expected a number");
    return v;
}

bool Params::boolean(const std::string& key, bool fallback) const {
    if (!has(key)) return fallback;
    auto n = get(key, true);
    bool v = false;
    if (!n.IsScalar() || !YAML::convert<bool>::decode(n, v)) fail(key, "expected true or false");
    return v;
}

std::vector<std::string> Params::strings(const std::string& key) const {
    auto n = get(key, true);
    std::vector<std::string> out;
    if (n.IsScalar()) {
        out.push_back(n.Scalar());
    } else if (n.IsSequence()) {
        for (const auto& e : n) {
            if (!e.IsScalar()) fail_at(e, where_ + "." + key + ": expected a list of strings");
            out.push_back(e.Scalar());
        }
    } else {
        fail(key, "expected a string or a list of strings");
    }
    return out;
}

std::vector<std::string> Params::strings_or_empty(const std::string& key) const {
    return has(key) ? strings(key) : std::vector<std::string>{};
}

std::shared_ptr<re2::RE2> Params::compile(const std::string& pattern, const YAML::Node& at,
                                          const std::string& key) const {
    RE2::Options o;
    o.set_encoding(RE2::Options::EncodingUTF8);
    o.set_log_errors(false);
    o.set_max_mem(8 << 20);  // bounded automaton size: hostile patterns fail here, at load
    auto re = std::make_shared<re2::RE2>(pattern, o);
    if (!re->ok()) fail_at(at, where_ + "." + key + ": bad pattern: " + re->error());
    return re;
}

std::shared_ptr<re2::RE2> Params::regex(const std::string& key) const {
    auto n = get(key, true);
    if (!n.IsScalar()) fail(key, "expected a pattern string");
    return compile(n.Scalar(), n, key);
}

Params Params::child(const std::string& key) const {
    auto n = get(key, true);
    if (!n.IsMap()) fail(key, "expected a mapping");
    return Params(n, file_, where_ + "." + key);
}

std::vector<Params> Params::list(const std::string& key) const {
    auto n = get(key, true);
    if (!n.IsSequence()) fail(key, "expected a list");
    std::vector<Params> out;
    size_t i = 0;
    for (const auto& e : n) {
        if (!e.IsMap()) fail_at(e, where_ + "." + key + "[" + std::to_string(i) + "]: expected a mapping");
        out.emplace_back(e, file_, where_ + "." + key + "[" + std::to_string(i) + "]");
        ++i;
    }
    return out;
}

std::vector<Params> Params::list_or_empty(const std::string& key) const {
    return has(key) ? list(key) : std::vector<Params>{};
}

std::vector<std::string> Params::keys() const {
    std::vector<std::string> out;
    if (node_ && node_.IsMap())
        for (const auto& kv : node_) out.push_back(kv.first.Scalar());
    return out;
}

void Params::finish() const {
    if (!node_ || !node_.IsMap()) return;
    for (const auto& kv : node_) {
        const std::string& k = kv.first.Scalar();
        if (!used_.count(k)) fail_at(kv.first, where_ + ": unknown key '" + k + "'");
    }
}

}  // namespace plancheck::rules
