// One hash for unordered containers keyed by std::string that are searched
// with a std::string_view (no temporary string per lookup): use it with
// std::equal_to<> as the key-equal.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace plancheck {

struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

}  // namespace plancheck
