// One hash for unordered containers keyed by std::string that are searched
// with a std::string_view (no temporary string per lookup): use it with
// std::equal_to<> as the key-equal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace plancheck {

// Eight bytes at a time, each word mixed by a multiply and a shift. The keys
// are words and short phrases (a syllable is 1-7 letters, up to 21 bytes):
// std::hash (murmur over bytes, out of line) was half the cost of the
// syllable memo's look-up, called for every word of a text by several stages.
// Not for keys an adversary picks to collide: the containers are bounded or
// built from rule files.
struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept {
        constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
        uint64_t h = static_cast<uint64_t>(s.size()) * kMul;
        const char* p = s.data();
        size_t n = s.size();
        for (; n >= 8; p += 8, n -= 8) {
            uint64_t w;
            std::memcpy(&w, p, 8);
            h = (h ^ w) * kMul;
            h ^= h >> 29;
        }
        if (n) {
            uint64_t w = 0;
            for (size_t k = 0; k < n; ++k) w |= static_cast<uint64_t>(static_cast<unsigned char>(p[k])) << (8 * k);
            h = (h ^ w) * kMul;
            h ^= h >> 29;
        }
        return static_cast<size_t>(h);
    }
};

}  // namespace plancheck
