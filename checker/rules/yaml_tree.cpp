#include "rules/yaml_tree.h"

#include <yaml-cpp/yaml.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

#include "core/file.h"
#include "rules/params.h"

namespace plancheck::rules::yaml {

namespace fs = std::filesystem;

const Node* Node::find(std::string_view key) const {
    if (type != Type::Map) return nullptr;
    for (size_t i = 0; i + 1 < children.size(); i += 2)
        if (children[i].type == Type::Scalar && children[i].scalar == key) return &children[i + 1];
    return nullptr;
}

namespace {

// Aliases make yaml-cpp share nodes, and copying a shared node copies it again
// at every use: nested aliases ("billion laughs") would grow without bound.
// No real rule file comes near this.
constexpr size_t kMaxNodes = 2'000'000;
constexpr size_t kMaxDepth = 256;

uint32_t mark_part(int v) { return v < 0 ? 0u : static_cast<uint32_t>(v); }

void convert(const YAML::Node& in, Node& out, size_t depth, size_t& count, const std::string& name) {
    if (++count > kMaxNodes || depth > kMaxDepth) {
        auto m = in.Mark();
        throw RuleFileError(name, m.line + 1, m.column + 1,
                            "the document is too large or too deeply nested once aliases are expanded");
    }
    auto m = in.Mark();
    out.line = mark_part(m.line);
    out.column = mark_part(m.column);
    switch (in.Type()) {
        case YAML::NodeType::Scalar:
            out.type = Type::Scalar;
            out.scalar = in.Scalar();
            break;
        case YAML::NodeType::Sequence:
            out.type = Type::Sequence;
            out.children.resize(in.size());
            for (size_t i = 0; i < in.size(); ++i) convert(in[i], out.children[i], depth + 1, count, name);
            break;
        case YAML::NodeType::Map: {
            out.type = Type::Map;
            out.children.reserve(2 * in.size());
            for (const auto& kv : in) {
                convert(kv.first, out.children.emplace_back(), depth + 1, count, name);
                convert(kv.second, out.children.emplace_back(), depth + 1, count, name);
            }
            break;
        }
        default:
            out.type = Type::Null;
    }
}

// ---- binary form ------------------------------------------------------------
// "PCYT" | u32 version | u64 source length | source bytes | u64 FNV-1a of the
// node bytes | node (pre-order):
//   u8 type | u32 line | u32 column | Scalar: u32 length + bytes
//                                   | Sequence/Map: u32 child count + children
// Integers are little-endian. Keeping the source makes a hit exact: the entry
// is used only if its source equals the text being loaded, byte for byte; the
// checksum catches damage to the tree itself (any single changed byte).
uint64_t fnv1a(std::string_view s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

constexpr char kMagic[4] = {'P', 'C', 'Y', 'T'};
constexpr uint32_t kVersion = 2;

void put32(std::string& s, uint32_t v) {
    for (int i = 0; i < 4; ++i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put64(std::string& s, uint64_t v) {
    for (int i = 0; i < 8; ++i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

void write_node(std::string& s, const Node& n) {
    s.push_back(static_cast<char>(n.type));
    put32(s, n.line);
    put32(s, n.column);
    if (n.type == Type::Scalar) {
        put32(s, static_cast<uint32_t>(n.scalar.size()));
        s += n.scalar;
    } else if (n.type != Type::Null) {
        put32(s, static_cast<uint32_t>(n.children.size()));
        for (const auto& c : n.children) write_node(s, c);
    }
}

class Reader {
public:
    explicit Reader(std::string_view b) : b_(b) {}
    bool get(void* out, size_t n) {
        if (b_.size() - pos_ < n) return false;
        std::memcpy(out, b_.data() + pos_, n);
        pos_ += n;
        return true;
    }
    bool u32(uint32_t& v) {
        unsigned char c[4];
        if (!get(c, 4)) return false;
        v = c[0] | (c[1] << 8) | (c[2] << 16) | (static_cast<uint32_t>(c[3]) << 24);
        return true;
    }
    bool u64(uint64_t& v) {
        uint32_t lo, hi;
        if (!u32(lo) || !u32(hi)) return false;
        v = lo | (static_cast<uint64_t>(hi) << 32);
        return true;
    }
    bool bytes(size_t n, std::string_view& out) {
        if (b_.size() - pos_ < n) return false;
        out = b_.substr(pos_, n);
        pos_ += n;
        return true;
    }
    size_t left() const { return b_.size() - pos_; }

    bool node(Node& n, size_t depth) {
        if (depth > kMaxDepth) return false;
        uint8_t t;
        if (!get(&t, 1) || t > static_cast<uint8_t>(Type::Map)) return false;
        n.type = static_cast<Type>(t);
        if (!u32(n.line) || !u32(n.column)) return false;
        if (n.type == Type::Null) return true;
        uint32_t count;
        if (!u32(count)) return false;
        if (n.type == Type::Scalar) {
            std::string_view s;
            if (!bytes(count, s)) return false;
            n.scalar.assign(s);
            return true;
        }
        // Every node takes at least 9 bytes: a count beyond that is damage.
        if (count > left() / 9 || (n.type == Type::Map && count % 2 != 0)) return false;
        n.children.resize(count);
        for (auto& c : n.children)
            if (!node(c, depth + 1)) return false;
        return true;
    }

private:
    std::string_view b_;
    size_t pos_ = 0;
};

bool read_whole(const fs::path& p, std::string& out) { return file::read(p.string(), out); }

// Keeps the directory from growing with every edit of a rule file: past
// kMaxEntries, the least recently written entries go.
constexpr size_t kMaxEntries = 128, kKeepEntries = 96;

void prune(const fs::path& dir) {
    std::error_code ec;
    std::vector<std::pair<fs::file_time_type, fs::path>> entries;
    for (const auto& de : fs::directory_iterator(dir, ec)) {
        if (de.path().extension() != ".yt") continue;
        entries.emplace_back(de.last_write_time(ec), de.path());
    }
    if (entries.size() <= kMaxEntries) return;
    std::sort(entries.begin(), entries.end());
    for (size_t i = 0; i + kKeepEntries < entries.size(); ++i) fs::remove(entries[i].second, ec);
}

// Writes next to the final name, then renames: readers never see half a file,
// and concurrent writers of the same entry write the same bytes.
void store(const fs::path& dir, const fs::path& file, const std::string& bytes) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return;
    thread_local std::mt19937_64 rng{std::random_device{}()};
    fs::path tmp = dir / (file.filename().string() + ".tmp." + std::to_string(::getpid()) + "." +
                          std::to_string(rng()));
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return;
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) {
            fs::remove(tmp, ec);
            return;
        }
    }
    fs::rename(tmp, file, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return;
    }
    prune(dir);
}

}  // namespace

Tree parse(const std::string& text, const std::string& name) {
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        throw RuleFileError(name, e.mark.line + 1, e.mark.column + 1, e.msg);
    }
    auto out = std::make_shared<Node>();
    size_t count = 0;
    if (root) convert(root, *out, 0, count, name);
    return out;
}

std::string serialize(const Node& root, std::string_view source) {
    std::string s(kMagic, sizeof kMagic);
    put32(s, kVersion);
    put64(s, source.size());
    s += source;
    std::string nodes;
    write_node(nodes, root);
    put64(s, fnv1a(nodes));
    s += nodes;
    return s;
}

std::optional<Node> deserialize(std::string_view bytes, std::string_view source) {
    Reader r(bytes);
    char magic[4];
    uint32_t version;
    uint64_t len;
    std::string_view src;
    if (!r.get(magic, 4) || std::memcmp(magic, kMagic, 4) != 0) return std::nullopt;
    if (!r.u32(version) || version != kVersion) return std::nullopt;
    if (!r.u64(len) || len != source.size() || !r.bytes(len, src) || src != source) return std::nullopt;
    uint64_t sum;
    std::string_view nodes;
    if (!r.u64(sum) || !r.bytes(r.left(), nodes) || fnv1a(nodes) != sum) return std::nullopt;
    r = Reader(nodes);
    Node root;
    if (!r.node(root, 0) || r.left() != 0) return std::nullopt;
    return root;
}

Tree TreeCache::load(const std::string& text, const std::string& name) const {
    if (dir_.empty()) return parse(text, name);
    char key[40];
    std::snprintf(key, sizeof key, "%016llx-%zx.yt", static_cast<unsigned long long>(fnv1a(text)), text.size());
    fs::path file = fs::path(dir_) / key;
    std::string bytes;
    for (const auto& dir : {dir_, shipped_}) {
        if (dir.empty() || !read_whole(fs::path(dir) / key, bytes)) continue;
        if (auto n = deserialize(bytes, text)) return std::make_shared<const Node>(std::move(*n));
    }
    Tree tree = parse(text, name);  // a syntax error throws before anything is cached
    store(dir_, file, serialize(*tree, text));
    return tree;
}

std::string default_cache_dir() {
    if (const char* d = std::getenv("PLANCHECK_CACHE_DIR"); d && *d)
        return std::strcmp(d, "off") == 0 ? std::string() : std::string(d);
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x && x[0] == '/')
        return (fs::path(x) / "plancheck").string();
    if (const char* h = std::getenv("HOME"); h && *h && h[0] == '/')
        return (fs::path(h) / ".cache" / "plancheck").string();
    return {};
}

}  // namespace plancheck::rules::yaml
