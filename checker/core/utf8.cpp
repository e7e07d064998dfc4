#include "core/utf8.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace plancheck::utf8 {

char32_t next(std::string_view s, size_t& i) {
    auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    int n = 0;
    char32_t cp = 0;
    if ((b0 & 0xE0) == 0xC0) { n = 1; cp = b0 & 0x1F; }
    else if ((b0 & 0xF0) == 0xE0) { n = 2; cp = b0 & 0x0F; }
    else if ((b0 & 0xF8) == 0xF0) { n = 3; cp = b0 & 0x07; }
    else { ++i; return 0xFFFD; }
    if (i + n >= s.size()) { ++i; return 0xFFFD; }  // truncated sequence
    for (int k = 1; k <= n; ++k) {
        auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) { ++i; return 0xFFFD; }
        cp = (cp << 6) | (b & 0x3F);
    }
    // Reject overlong forms and surrogates so valid() agrees with decoders.
    static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++i; return 0xFFFD; }
    i += n + 1;
    return cp;
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

size_t count(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

bool valid(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        size_t before = i;
        char32_t cp = next(s, i);
        if (cp == 0xFFFD && !(i - before == 3 && s.substr(before, 3) == "\xEF\xBF\xBD")) return false;
    }
    return true;
}

size_t floor_boundary(std::string_view s, size_t offset) {
    if (offset >= s.size()) return s.size();
    while (offset > 0 && (static_cast<unsigned char>(s[offset]) & 0xC0) == 0x80) --offset;
    return offset;
}

namespace {
struct FreeDeleter {
    void operator()(void* p) const { std::free(p); }
};

std::string map(std::string_view s, int options) {
    utf8proc_uint8_t* out = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                          static_cast<utf8proc_ssize_t>(s.size()), &out,
                          static_cast<utf8proc_option_t>(options));
    std::unique_ptr<utf8proc_uint8_t, FreeDeleter> hold(out);
    if (n < 0) return std::string(s);
    return std::string(reinterpret_cast<char*>(out), static_cast<size_t>(n));
}
}  // namespace

std::string nfc(std::string_view s) { return map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE); }

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x2007 ||
           c == 0x202F || (c >= 0x2000 && c <= 0x200B) || c == 0x3000 || c == 0xFEFF;
}
bool is_letter(char32_t c) {
    auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

std::string fold(std::string_view s) {
    std::string decomposed = map(s, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                        UTF8PROC_CASEFOLD);
    std::string out;
    out.reserve(decomposed.size());
    bool pending_space = false;
    for (size_t i = 0; i < decomposed.size();) {
        char32_t c = next(decomposed, i);
        if (c == 0x0111 || c == 0x0110 || c == 0x00D0 || c == 0x00F0) c = 'd';
        if (is_letter(c) || is_digit(c)) {
            if (pending_space && !out.empty()) out += ' ';
            pending_space = false;
            append(out, c);
        } else {
            pending_space = true;
        }
    }
    return out;
}

std::string lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        char32_t c = next(s, i);
        append(out, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))));
    }
    return out;
}

std::string upper(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        char32_t c = next(s, i);
        append(out, static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(c))));
    }
    return out;
}

bool is_upper_text(std::string_view s) {
    bool any = false;
    for (size_t i = 0; i < s.size();) {
        char32_t c = next(s, i);
        auto cp = static_cast<utf8proc_int32_t>(c);
        if (utf8proc_tolower(cp) != cp) any = true;
        else if (utf8proc_toupper(cp) != cp) return false;
    }
    return any;
}

std::string_view trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e) {
        size_t i = b;
        if (!is_space(next(s, i))) break;
        b = i;
    }
    while (e > b) {
        size_t start = floor_boundary(s, e - 1), i = start;
        if (!is_space(next(s, i))) break;
        e = start;
    }
    return s.substr(b, e - b);
}

}  // namespace plancheck::utf8
