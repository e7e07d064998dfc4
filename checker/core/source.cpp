#include <algorithm>

#include "core/utf8.h"
#include "plancheck/source.h"

namespace plancheck {

Pos Block::locate(size_t offset) const {
    if (anchors.empty()) return {};
    offset = std::min(offset, text.size());
    auto it = std::upper_bound(anchors.begin(), anchors.end(), offset,
                               [](size_t off, const Anchor& a) { return off < a.offset; });
    const Anchor& a = *(it == anchors.begin() ? it : it - 1);
    size_t from = std::min<size_t>(a.offset, offset);
    auto cps = utf8::count(std::string_view(text).substr(from, offset - from));
    return {a.line, a.column + static_cast<uint32_t>(cps)};
}

std::string_view Block::source_line(uint32_t ln) const {
    std::string_view s = original();
    uint32_t cur = line();
    size_t start = 0;
    while (cur < ln) {
        auto nl = s.find('\n', start);
        if (nl == std::string_view::npos) break;
        start = nl + 1;
        ++cur;
    }
    auto nl = s.find('\n', start);
    return s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
}

Block make_block(std::string text, uint32_t line, uint32_t column, BlockKind kind) {
    Block b;
    b.kind = kind;
    b.source = text;
    b.text = std::move(text);
    b.anchors.push_back({0, line, column});
    return b;
}

}  // namespace plancheck
