#include "rules/params.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

namespace plancheck::rules {

RuleFileError::RuleFileError(const std::string& f, int l, int c, const std::string& message)
    : std::runtime_error(f + ":" + std::to_string(l) + ":" + std::to_string(c) + ": " + message),
      file(f), line(l), column(c) {}

namespace {

const yaml::Node& empty_map() {
    static const yaml::Node n{yaml::Type::Map, 0, 0, {}, {}};
    return n;
}

// yaml-cpp's conversions, applied to a scalar's text (same spellings accepted).
template <class T>
bool decode(const yaml::Node& n, T& v) {
    return n.is_scalar() && YAML::convert<T>::decode(YAML::Node(n.scalar), v);
}

}  // namespace

Params::Params(yaml::Tree tree, const yaml::Node* node, std::string file, std::string where)
    : tree_(std::move(tree)), node_(node), file_(std::move(file)), where_(std::move(where)) {
    if (node_ && !node_->is_null() && !node_->is_map()) fail_at(*node_, where_ + " must be a mapping");
}

Params::Params(yaml::Tree tree, std::string file, std::string where)
    : Params(tree, tree.get(), std::move(file), std::move(where)) {}

const yaml::Node& Params::node() const {
    return node_ && node_->is_map() ? *node_ : empty_map();
}

void Params::fail_at(const yaml::Node& at, const std::string& message) const {
    throw RuleFileError(file_, static_cast<int>(at.line) + 1, static_cast<int>(at.column) + 1, message);
}

void Params::fail(const std::string& key, const std::string& message) const {
    const yaml::Node* at = node().find(key);
    fail_at(at ? *at : node_ ? *node_ : empty_map(), where_ + "." + key + ": " + message);
}

const yaml::Node* Params::value(const std::string& key) const {
    used_.insert(key);
    const yaml::Node* n = node().find(key);
    return n && !n->is_null() ? n : nullptr;
}

bool Params::has(const std::string& key) const { return value(key) != nullptr; }

const yaml::Node& Params::get(const std::string& key) const {
    const yaml::Node* n = value(key);
    if (!n) fail_at(node_ ? *node_ : empty_map(), where_ + ": missing required key '" + key + "'");
    return *n;
}

std::string Params::str(const std::string& key) const {
    const auto& n = get(key);
    if (!n.is_scalar()) fail(key, "expected a string");
    return n.scalar;
}

std::string Params::str(const std::string& key, const std::string& fallback) const {
    return has(key) ? str(key) : fallback;
}

long Params::integer(const std::string& key) const {
    long v = 0;
    if (!decode(get(key), v)) fail(key, "expected an integer");
    return v;
}

long Params::integer(const std::string& key, long fallback) const {
    return has(key) ? integer(key) : fallback;
}

double Params::number(const std::string& key, double fallback) const {
    if (!has(key)) return fallback;
    double v = 0;
    if (!decode(get(key), v)) fail(key, "expected a number");
    return v;
}

bool Params::boolean(const std::string& key, bool fallback) const {
    if (!has(key)) return fallback;
    bool v = false;
    if (!decode(get(key), v)) fail(key, "expected true or false");
    return v;
}

std::vector<std::string> Params::strings(const std::string& key) const {
    const auto& n = get(key);
    std::vector<std::string> out;
    if (n.is_scalar()) {
        out.push_back(n.scalar);
    } else if (n.is_sequence()) {
        for (const auto& e : n.children) {
            if (!e.is_scalar()) fail_at(e, where_ + "." + key + ": expected a list of strings");
            out.push_back(e.scalar);
        }
    } else {
        fail(key, "expected a string or a list of strings");
    }
    return out;
}

std::vector<std::string> Params::strings_or_empty(const std::string& key) const {
    return has(key) ? strings(key) : std::vector<std::string>{};
}

std::shared_ptr<re2::RE2> Params::compile(const std::string& pattern, const yaml::Node& at,
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
    const auto& n = get(key);
    if (!n.is_scalar()) fail(key, "expected a pattern string");
    return compile(n.scalar, n, key);
}

Params Params::child(const std::string& key) const {
    const auto& n = get(key);
    if (!n.is_map()) fail(key, "expected a mapping");
    return Params(tree_, &n, file_, where_ + "." + key);
}

std::vector<Params> Params::list(const std::string& key) const {
    const auto& n = get(key);
    if (!n.is_sequence()) fail(key, "expected a list");
    std::vector<Params> out;
    out.reserve(n.children.size());
    for (size_t i = 0; i < n.children.size(); ++i) {
        const auto& e = n.children[i];
        std::string where = where_ + "." + key + "[" + std::to_string(i) + "]";
        if (!e.is_map()) fail_at(e, where + ": expected a mapping");
        out.emplace_back(tree_, &e, file_, std::move(where));
    }
    return out;
}

std::vector<Params> Params::list_or_empty(const std::string& key) const {
    return has(key) ? list(key) : std::vector<Params>{};
}

std::vector<std::string> Params::keys() const {
    std::vector<std::string> out;
    const auto& m = node();
    for (size_t i = 0; i < m.children.size(); i += 2) out.push_back(m.children[i].scalar);
    return out;
}

void Params::finish() const {
    const auto& m = node();
    for (size_t i = 0; i < m.children.size(); i += 2) {
        const auto& k = m.children[i];
        if (!used_.count(k.scalar)) fail_at(k, where_ + ": unknown key '" + k.scalar + "'");
    }
}

}  // namespace plancheck::rules
