// Rule files as an owned, immutable tree (step 0 of loading: parse).
//
// yaml-cpp parses the text once; the result is copied into this plain tree
// (type, 0-based line/column, scalar text, children), which is what Params
// reads. The tree can be written to and read back from a compact binary form,
// so that a process can skip yaml-cpp's scanner when the same rule file was
// parsed before (see TreeCache): on the shipped rules that scanner is about
// 80 % of the start-up time of `plancheck check` on a small file.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancheck::rules::yaml {

enum class Type : uint8_t { Null, Scalar, Sequence, Map };

struct Node {
    Type type = Type::Null;
    uint32_t line = 0, column = 0;  // 0-based, as yaml-cpp's Mark
    std::string scalar;             // Type::Scalar only
    // Sequence: the items. Map: key, value, key, value, ... in file order.
    std::vector<Node> children;

    bool is_null() const { return type == Type::Null; }
    bool is_scalar() const { return type == Type::Scalar; }
    bool is_sequence() const { return type == Type::Sequence; }
    bool is_map() const { return type == Type::Map; }
    // Items of a sequence or pairs of a map.
    size_t size() const { return type == Type::Map ? children.size() / 2 : children.size(); }
    // The value under `key` in a map (nullptr when absent or not a map).
    const Node* find(std::string_view key) const;
};

using Tree = std::shared_ptr<const Node>;

// Parses one YAML document with yaml-cpp. An empty document is a Null root.
// Throws RuleFileError(name, line, column, message) on a syntax error.
Tree parse(const std::string& text, const std::string& name);

// Binary form of a tree, tied to the exact source text it came from.
std::string serialize(const Node& root, std::string_view source);
// Returns nothing unless `bytes` is a complete, well-formed serialisation made
// from exactly `source` by this version of the format. Never trusts `bytes`:
// every length and the nesting depth are checked, so a damaged or foreign file
// is a cache miss, not a crash.
std::optional<Node> deserialize(std::string_view bytes, std::string_view source);

// Content-addressed cache of parsed trees in a directory (default: see
// default_cache_dir). Entries are named by a hash of the source text, so an
// edited rule file simply misses; stale entries are pruned when the directory
// grows past a limit. All cache failures are silent: the text is parsed instead.
class TreeCache {
public:
    TreeCache() = default;  // disabled
    // `dir` is read and written; `shipped` (optional) is only read, after
    // `dir`: the entries for the shipped rules, written when plancheck is built,
    // so that even a user's first run skips yaml-cpp.
    explicit TreeCache(std::string dir, std::string shipped = {})
        : dir_(std::move(dir)), shipped_(dir_.empty() ? std::string() : std::move(shipped)) {}
    bool enabled() const { return !dir_.empty(); }
    const std::string& dir() const { return dir_; }
    // parse(text, name), through the cache when enabled.
    Tree load(const std::string& text, const std::string& name) const;

private:
    std::string dir_, shipped_;
};

// $PLANCHECK_CACHE_DIR, else $XDG_CACHE_HOME/plancheck, else ~/.cache/plancheck;
// "" (no cache) when PLANCHECK_CACHE_DIR is set to "off" or nothing applies.
std::string default_cache_dir();

}  // namespace plancheck::rules::yaml
