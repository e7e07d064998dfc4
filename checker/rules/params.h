// Strict reading of rule files (step 1 of 2: read strictly, then compile once).
//
// Every accessor records the key as used; finish() fails on any key left
// unread, so a typo in a rule file is an error at file:line, never a silent
// no-op. Patterns are compiled with RE2 here, at load time.
#pragma once


#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "rules/yaml_tree.h"

namespace re2 { class RE2; }

namespace plancheck::rules {

class RuleFileError : public std::runtime_error {
public:
    RuleFileError(const std::string& file, int line, int column, const std::string& message);
    std::string file;
    int line = 0, column = 0;
};

class Params {
public:
    // `node` lives in `tree` (which the Params keeps alive); nullptr or a Null
    // node reads as an empty mapping.
    Params(yaml::Tree tree, const yaml::Node* node, std::string file, std::string where);
    // The root of a parsed file.
    Params(yaml::Tree tree, std::string file, std::string where);

    bool has(const std::string& key) const;
    std::string str(const std::string& key) const;
    std::string str(const std::string& key, const std::string& fallback) const;
    long integer(const std::string& key) const;
    long integer(const std::string& key, long fallback) const;
    double number(const std::string& key, double fallback) const;
    bool boolean(const std::string& key, bool fallback) const;
    // A scalar or a list of scalars.
    std::vector<std::string> strings(const std::string& key) const;
    std::vector<std::string> strings_or_empty(const std::string& key) const;
    // A pattern compiled with RE2 (UTF-8, linear time). Bad syntax is an error
    // naming the file, line and key.
    std::shared_ptr<re2::RE2> regex(const std::string& key) const;
    std::shared_ptr<re2::RE2> compile(const std::string& pattern, const yaml::Node& at,
                                      const std::string& key) const;
    Params child(const std::string& key) const;
    std::vector<Params> list(const std::string& key) const;  // a list of mappings
    std::vector<Params> list_or_empty(const std::string& key) const;
    // Keys of a mapping child, in file order (for maps such as lang -> text).
    std::vector<std::string> keys() const;
    // The mapping itself (an empty mapping when absent), and one value of it.
    const yaml::Node& node() const;
    const yaml::Node* value(const std::string& key) const;
    const std::string& file() const { return file_; }

    // Fails on keys that no accessor read. Call after reading everything.
    void finish() const;
    [[noreturn]] void fail(const std::string& key, const std::string& message) const;
    [[noreturn]] void fail_at(const yaml::Node& at, const std::string& message) const;

private:
    const yaml::Node& get(const std::string& key) const;  // required
    yaml::Tree tree_;
    const yaml::Node* node_ = nullptr;
    std::string file_, where_;
    mutable std::set<std::string> used_;
};

}  // namespace plancheck::rules
