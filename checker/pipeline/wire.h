// The length-prefixed encoding of what crosses the worker pipes (results,
// plan identities, progress tables): little-endian u32 fields, strings as a
// u32 length and their bytes. A Reader that runs short sets ok = false and
// returns zeros and empty strings from then on, so a damaged payload is never
// misread.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace plancheck::pipeline::wire {

inline void put_u32(std::string& out, uint32_t v) {
    for (int k = 0; k < 4; ++k) out += static_cast<char>((v >> (8 * k)) & 0xFF);
}
inline void put_str(std::string& out, std::string_view s) {
    put_u32(out, static_cast<uint32_t>(s.size()));
    out.append(s);
}
inline void put_int(std::string& out, int v) { put_u32(out, static_cast<uint32_t>(v)); }
inline void put_double(std::string& out, double v) { put_str(out, std::to_string(v)); }
inline void put_u64(std::string& out, uint64_t v) {
    put_u32(out, static_cast<uint32_t>(v)), put_u32(out, static_cast<uint32_t>(v >> 32));
}
// A double as its bits: put_double rounds to six decimals, which a value
// compared again (a plan's target) must not be.
inline void put_f64(std::string& out, double v) {
    uint64_t bits = 0;
    static_assert(sizeof bits == sizeof v);
    std::memcpy(&bits, &v, sizeof v);
    put_u64(out, bits);
}

struct Reader {
    std::string_view in;
    size_t at = 0;
    bool ok = true;
    uint32_t u32() {
        if (in.size() - at < 4) return ok = false, 0;
        uint32_t v = 0;
        for (int k = 0; k < 4; ++k) v |= static_cast<uint32_t>(static_cast<unsigned char>(in[at + k])) << (8 * k);
        at += 4;
        return v;
    }
    int i32() { return static_cast<int>(u32()); }
    uint64_t u64() {
        uint64_t lo = u32();
        return lo | static_cast<uint64_t>(u32()) << 32;
    }
    double f64() {
        uint64_t bits = u64();
        double v = 0;
        std::memcpy(&v, &bits, sizeof v);
        return v;
    }
    std::string str() {
        uint32_t n = u32();
        if (!ok || in.size() - at < n) return ok = false, std::string();
        std::string s(in.substr(at, n));
        at += n;
        return s;
    }
    double dbl() {
        std::string s = str();
        if (!ok) return 0;
        try {
            return std::stod(s);
        } catch (...) {
            ok = false;
            return 0;
        }
    }
};

}  // namespace plancheck::pipeline::wire
