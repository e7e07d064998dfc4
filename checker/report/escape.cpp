#include "report/escape.h"

#include <filesystem>

#include "core/utf8.h"

namespace plancheck::report {

std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (size_t i = 0; i < s.size();) {
        size_t start = i;
        char32_t c = utf8::next(s, i);
        // utf8::next returns U+FFFD for an invalid byte; a genuine U+FFFD is 3 bytes.
        bool invalid = c == 0xFFFD && i - start != 3;
        bool forbidden = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE ||
                         c == 0xFFFF || (c >= 0xD800 && c <= 0xDFFF);
        if (invalid || forbidden) {
            out += "\xEF\xBF\xBD";
            continue;
        }
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out.append(s.substr(start, i - start));
        }
    }
    return out;
}

std::string terminal_safe(std::string_view s, bool keep_newlines) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        size_t start = i;
        char32_t c = utf8::next(s, i);
        bool invalid = c == 0xFFFD && i - start != 3;
        if (invalid) {
            for (size_t k = start; k < i; ++k) {
                unsigned char b = static_cast<unsigned char>(s[k]);
                out += "\\x";
                out += hex[b >> 4];
                out += hex[b & 15];
            }
            continue;
        }
        bool control = (c < 0x20 && c != '\t' && !(keep_newlines && c == '\n')) || (c >= 0x7F && c <= 0x9F);
        bool bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F ||
                    c == 0x061C;
        if (control) {
            out += "\\x";
            out += hex[(c >> 4) & 15];
            out += hex[c & 15];
        } else if (bidi) {
            out += "\\u";
            for (int sh = 12; sh >= 0; sh -= 4) out += hex[(c >> sh) & 15];
        } else {
            out.append(s.substr(start, i - start));
        }
    }
    return out;
}

std::string path_to_uri(std::string_view path) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    if (!path.empty() && path.front() == '/') out = "file://";
    for (unsigned char c : path) {
        bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
        if (keep) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string display_path(std::string_view path) {
    namespace fs = std::filesystem;
    fs::path p{std::string(path)};
    if (p.is_absolute()) {
        std::error_code ec;
        fs::path cwd = fs::current_path(ec);
        if (!ec) {
            fs::path rel = p.lexically_relative(cwd);
            if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
        }
        return p.generic_string();
    }
    fs::path n = p.lexically_normal();
    return n.empty() ? std::string(path) : n.generic_string();
}

}  // namespace plancheck::report
