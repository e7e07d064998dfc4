#include "serve/upload.h"

#include <utf8proc.h>

#include <algorithm>
#include <vector>

#include "core/utf8.h"
#include "serve/assets.h"

namespace plancheck::serve {

namespace {
constexpr size_t kMaxNameCodePoints = 120;

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}
}  // namespace

std::string sanitize_name(std::string_view name) {
    if (auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) name = name.substr(slash + 1);
    std::vector<char32_t> cps;
    for (size_t i = 0; i < name.size();) {
        char32_t c = utf8::next(name, i);
        auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
        // Controls, format characters (bidi overrides, zero-width), unassigned,
        // surrogates and private use never reach a report or a log line.
        if (cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_CN ||
            cat == UTF8PROC_CATEGORY_CS || cat == UTF8PROC_CATEGORY_CO || c == 0xFFFD)
            continue;
        if (cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP) c = ' ';
        // Characters a shell, a Content-Disposition header or a Windows folder treat specially.
        if (c == '"' || c == '<' || c == '>' || c == '|' || c == ':' || c == '*' || c == '?' || c == '`' || c == '$')
            c = '_';
        cps.push_back(c);
    }
    auto is_blank = [](char32_t c) { return c == ' ' || utf8::is_space(c); };
    while (!cps.empty() && (is_blank(cps.front()) || cps.front() == '-')) cps.erase(cps.begin());
    while (!cps.empty() && (is_blank(cps.back()) || cps.back() == '.')) cps.pop_back();
    if (cps.size() > kMaxNameCodePoints) {
        // Keep the extension (up to 10 code points) so the format survives.
        size_t dot = kMaxNameCodePoints;
        for (size_t i = cps.size(); i-- > 0 && cps.size() - i <= 11;)
            if (cps[i] == '.') {
                dot = i;
                break;
            }
        std::vector<char32_t> ext(cps.begin() + static_cast<std::ptrdiff_t>(std::min(dot, cps.size())), cps.end());
        if (dot == kMaxNameCodePoints) ext.clear();
        cps.resize(kMaxNameCodePoints - ext.size());
        cps.insert(cps.end(), ext.begin(), ext.end());
    }
    std::string out;
    for (char32_t c : cps) utf8::append(out, c);
    if (out.empty() || out == "." || out == "..") return "document";
    return utf8::nfc(out);
}

std::optional<std::string> upload_format(std::string_view name) {
    auto dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return std::nullopt;
    std::string ext = lower_ascii(name.substr(dot + 1));
    if (ext == "docx" || ext == "pdf" || ext == "txt" || ext == "md" || ext == "html") return ext;
    // Converted by LibreOffice in a private folder the reader removes (ingest/convert.cpp).
    if (ext == "doc" || ext == "rtf" || ext == "odt") return ext;
    if (ext == "htm") return "html";
    if (ext == "markdown") return "md";
    return std::nullopt;
}

bool raw_content_type_ok(std::string_view content_type) {
    std::string media = lower_ascii(content_type.substr(0, content_type.find(';')));
    while (!media.empty() && (media.back() == ' ' || media.back() == '\t')) media.pop_back();
    while (!media.empty() && (media.front() == ' ' || media.front() == '\t')) media.erase(0, 1);
    static const char* const ok[] = {
        "",
        "application/octet-stream",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/pdf",
        "text/plain",
        "text/markdown",
        "text/x-markdown",
        "text/html",
        "application/msword",
        "application/rtf",
        "text/rtf",
        "application/vnd.oasis.opendocument.text",
    };
    return std::find(std::begin(ok), std::end(ok), media) != std::end(ok);
}

const Asset* find_asset(std::string_view name) {
    for (const auto& a : assets())
        if (a.name == name) return &a;
    return nullptr;
}

const char* asset_type(std::string_view name) {
    auto ends = [&](std::string_view ext) {
        return name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext;
    };
    if (ends(".html")) return "text/html; charset=utf-8";
    if (ends(".js")) return "text/javascript; charset=utf-8";
    if (ends(".css")) return "text/css; charset=utf-8";
    if (ends(".svg")) return "image/svg+xml";
    if (ends(".png")) return "image/png";
    return "application/octet-stream";
}

}  // namespace plancheck::serve
