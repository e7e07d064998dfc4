// Code tables: Windows-1258 and TCVN 5712:1993 (the upper half of VN1, which
// contains the TCVN3/ABC letters the .VnTime fonts use) were generated
// byte by byte from glibc iconv (CP1258, TCVN5712-1); VNI-Windows is a pair
// scheme (base letter + mark byte) and is described by rules below.
#include "core/legacy_vn.h"

#include <algorithm>
#include <array>
#include <map>
#include <utf8proc.h>

#include "core/utf8.h"

namespace plancheck::legacy {

namespace {

constexpr char32_t U = 0xFFFD;  // undefined in the table

const std::array<char32_t, 128> kCp1258 = {
    0x20AC, U,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, U,      0x2039, 0x0152, U,      U,      U,
    U,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, U,      0x203A, 0x0153, U,      U,      0x0178,
    0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
    0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
    0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
    0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF,
    0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7,
    0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF,
    0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF,
    0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7,
    0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF,
};

const std::array<char32_t, 128> kTcvn3 = {
    0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8,
    0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,
    0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8,
    0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,
    0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
    0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,
    0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,
    0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,
    0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,
    0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,
    0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
    0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
    0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
    0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
    0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
    0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
};

// Windows-1252 0x80-0x9F (0xA0-0xFF is Latin-1). VNI fonts sit on this page.
const std::array<char32_t, 32> kCp1252Low = {
    0x20AC, U,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, U,      0x017D, U,
    U,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, U,      0x017E, 0x0178,
};

char32_t cp1252(unsigned char b) {
    if (b < 0x80) return b;
    if (b < 0xA0) return kCp1252Low[b - 0x80];
    return b;
}

// VNI mark bytes (lower-case forms; upper-case forms are 0x20 less).
// Combining sequence each stands for: modifier (0 / U+0302 / U+0306) + tone.
struct VniMark {
    unsigned char byte;
    char32_t modifier;
    char32_t tone;
};
constexpr VniMark kVniMarks[] = {
    {0xF9, 0, 0x0301}, {0xF8, 0, 0x0300}, {0xFB, 0, 0x0309}, {0xF5, 0, 0x0303}, {0xEF, 0, 0x0323},
    {0xE2, 0x0302, 0}, {0xE1, 0x0302, 0x0301}, {0xE0, 0x0302, 0x0300}, {0xE5, 0x0302, 0x0309},
    {0xE3, 0x0302, 0x0303}, {0xE4, 0x0302, 0x0323},
    {0xEA, 0x0306, 0}, {0xE9, 0x0306, 0x0301}, {0xE8, 0x0306, 0x0300}, {0xFA, 0x0306, 0x0309},
    {0xFC, 0x0306, 0x0303}, {0xEB, 0x0306, 0x0323},
};

const VniMark* vni_mark(unsigned char b) {
    for (const auto& m : kVniMarks)
        if (m.byte == b || m.byte - 0x20 == b) return &m;
    return nullptr;
}

// Single-byte VNI letters.
char32_t vni_single(unsigned char b) {
    switch (b) {
        case 0xF1: return 0x0111;  // đ
        case 0xD1: return 0x0110;  // Đ
        case 0xF4: return 0x01A1;  // ơ
        case 0xD4: return 0x01A0;  // Ơ
        case 0xF6: return 0x01B0;  // ư
        case 0xD6: return 0x01AF;  // Ư
        case 0xED: return 0x00ED;  // í
        case 0xEC: return 0x00EC;  // ì
        case 0xE6: return 0x1EC9;  // ỉ
        case 0xF3: return 0x0129;  // ĩ
        case 0xF2: return 0x1ECB;  // ị
        case 0xCD: return 0x00CD;
        case 0xCC: return 0x00CC;
        case 0xC6: return 0x1EC8;
        case 0xD3: return 0x0128;
        case 0xD2: return 0x1ECA;
        case 0xEE: return 0x1EF5;  // ỵ
        case 0xCE: return 0x1EF4;
        default: return 0;
    }
}

std::string compose(std::u32string_view seq) {
    std::string s;
    for (char32_t c : seq) utf8::append(s, c);
    return utf8::nfc(s);
}

// Whether `base` (a VNI letter already decoded) accepts mark `m`.
bool vni_accepts(char32_t base, const VniMark& m) {
    char32_t lo = base < 0x80 ? static_cast<char32_t>(std::tolower(static_cast<int>(base))) : base;
    if (m.modifier == 0x0306) return lo == 'a';
    if (m.modifier == 0x0302) return lo == 'a' || lo == 'e' || lo == 'o';
    return lo == 'a' || lo == 'e' || lo == 'o' || lo == 'u' || lo == 'y' || lo == 0x01A1 ||
           lo == 0x01B0 || base == 0x01A0 || base == 0x01AF;
}

std::string decode_vni(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 4);
    char32_t pending = 0;  // a base letter that a mark byte may still modify
    auto flush = [&] {
        if (pending) utf8::append(out, pending);
        pending = 0;
    };
    for (unsigned char b : bytes) {
        if (pending) {
            if (const VniMark* m = vni_mark(b); m && vni_accepts(pending, *m)) {
                std::u32string seq{pending};
                if (m->modifier) seq += m->modifier;
                if (m->tone) seq += m->tone;
                out += compose(seq);
                pending = 0;
                continue;
            }
            flush();
        }
        char32_t single = vni_single(b);
        char32_t c = single ? single : cp1252(b);
        if (c < 0x80 || c == 0x01A1 || c == 0x01A0 || c == 0x01B0 || c == 0x01AF) {
            bool base = c >= 0x80 || std::string_view("aeouyAEOUY").find(static_cast<char>(c)) !=
                                         std::string_view::npos;
            if (base) {
                pending = c;
                continue;
            }
        }
        utf8::append(out, c);
    }
    flush();
    return out;
}

const std::array<char32_t, 128>& table(Encoding e) { return e == Encoding::Tcvn3 ? kTcvn3 : kCp1258; }

std::u32string decompose(char32_t c) {
    std::string s;
    utf8::append(s, c);
    utf8proc_uint8_t* out = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                          static_cast<utf8proc_ssize_t>(s.size()), &out,
                          static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE));
    std::u32string r;
    if (n >= 0) {
        std::string_view v(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
        for (size_t i = 0; i < v.size();) r += utf8::next(v, i);
    }
    std::free(out);
    return r;
}

char32_t compose2(char32_t a, char32_t b) {
    std::string c = compose(std::u32string{a, b});
    size_t i = 0;
    char32_t r = utf8::next(c, i);
    return i == c.size() ? r : 0;
}

bool is_tone(char32_t c) { return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323; }

// Typographic punctuation TCVN3 lacks, as typists wrote it.
std::string ascii_fallback(char32_t c) {
    switch (c) {
        case 0x201C: case 0x201D: case 0x201E: return "\"";
        case 0x2018: case 0x2019: case 0x201A: return "'";
        case 0x2013: case 0x2014: case 0x2012: return "-";
        case 0x2026: return "...";
        case 0x2022: return "-";
        default: return "?";
    }
}

// Table encoders (cp1258, tcvn3): a letter the table lacks is written as its
// base (with vowel modifier) followed by combining tone bytes when the table
// has them.
std::string encode_table(std::string_view utf8s, Encoding e) {
    const auto& t = table(e);
    std::map<char32_t, unsigned char> rev;
    for (int i = 127; i >= 0; --i)
        if (t[static_cast<size_t>(i)] != U) rev[t[static_cast<size_t>(i)]] = static_cast<unsigned char>(0x80 + i);
    auto put = [&](std::string& out, char32_t c) {
        if (c < 0x80) { out += static_cast<char>(c); return true; }
        auto it = rev.find(c);
        if (it == rev.end()) return false;
        out += static_cast<char>(it->second);
        return true;
    };
    std::string out;
    for (size_t i = 0; i < utf8s.size();) {
        char32_t c = utf8::next(utf8s, i);
        if (put(out, c)) continue;
        // Base letter with its vowel modifiers (circumflex, breve, horn), then
        // the tone marks (NFD orders a dot below before a breve).
        std::u32string d = decompose(c);
        std::string piece;
        bool ok = !d.empty();
        char32_t base = ok ? d[0] : 0;
        std::u32string tones;
        for (size_t k = 1; ok && k < d.size(); ++k) {
            if (is_tone(d[k])) tones += d[k];
            else base = compose2(base, d[k]);
        }
        ok = ok && base && put(piece, base);
        for (size_t k = 0; ok && k < tones.size(); ++k) ok = put(piece, tones[k]);
        if (!ok) piece = ascii_fallback(c);
        out += piece;
    }
    return out;
}

std::string encode_vni(std::string_view utf8s) {
    std::string out;
    for (size_t i = 0; i < utf8s.size();) {
        char32_t c = utf8::next(utf8s, i);
        if (c < 0x80) { out += static_cast<char>(c); continue; }
        // Single-byte letters first (đ, ơ, ư, i with tones, ỵ).
        bool done = false;
        for (int b = 0xC0; b <= 0xFF && !done; ++b)
            if (vni_single(static_cast<unsigned char>(b)) == c) {
                out += static_cast<char>(b);
                done = true;
            }
        if (done) continue;
        std::u32string d = decompose(c);
        if (d.empty()) { out += '?'; continue; }
        char32_t base = d[0], modifier = 0, tone = 0;
        for (size_t k = 1; k < d.size(); ++k) {
            if (is_tone(d[k])) tone = d[k];
            else if (d[k] == 0x031B) base = compose2(base, d[k]);  // horn: ơ, ư
            else modifier = d[k];
        }
        bool upper = base < 0x80 ? (base >= 'A' && base <= 'Z') : (base == 0x01A0 || base == 0x01AF);
        std::string piece;
        if (base < 0x80) piece += static_cast<char>(base);
        else {
            int sb = -1;
            for (int b = 0xC0; b <= 0xFF; ++b)
                if (vni_single(static_cast<unsigned char>(b)) == base) sb = b;
            if (sb < 0) { out += '?'; continue; }
            piece += static_cast<char>(sb);
        }
        if (modifier || tone) {
            const VniMark* found = nullptr;
            for (const auto& m : kVniMarks)
                if (m.modifier == modifier && m.tone == tone) found = &m;
            if (!found) {
                // Latin-1 letters outside Vietnamese (ç, ñ...): as Windows-1252.
                out += (c >= 0xA0 && c <= 0xFF) ? std::string(1, static_cast<char>(c)) : std::string("?");
                continue;
            }
            piece += static_cast<char>(upper ? found->byte - 0x20 : found->byte);
        }
        out += piece;
    }
    return out;
}

}  // namespace

std::optional<Encoding> parse_encoding(std::string_view n) {
    std::string s(n);
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (s == "utf-8" || s == "utf8") return Encoding::Utf8;
    if (s == "utf-16le" || s == "utf16le") return Encoding::Utf16LE;
    if (s == "utf-16be" || s == "utf16be") return Encoding::Utf16BE;
    if (s == "cp1258" || s == "windows-1258") return Encoding::Cp1258;
    if (s == "tcvn3" || s == "abc" || s == "tcvn") return Encoding::Tcvn3;
    if (s == "vni" || s == "vni-windows") return Encoding::Vni;
    return std::nullopt;
}

std::string_view name(Encoding e) {
    switch (e) {
        case Encoding::Utf8: return "utf-8";
        case Encoding::Utf16LE: return "utf-16le";
        case Encoding::Utf16BE: return "utf-16be";
        case Encoding::Cp1258: return "cp1258";
        case Encoding::Tcvn3: return "tcvn3";
        case Encoding::Vni: return "vni";
    }
    return "utf-8";
}

std::string_view display_name(Encoding e) {
    switch (e) {
        case Encoding::Cp1258: return "Windows-1258";
        case Encoding::Tcvn3: return "TCVN3 (ABC)";
        case Encoding::Vni: return "VNI-Windows";
        default: return name(e);
    }
}

// TCVN 5712 VN1 also puts capitals with tones on C0 control bytes (glibc
// iconv writes them); no text file uses those bytes as controls.
char32_t tcvn3_control(unsigned char b) {
    switch (b) {
        case 0x01: return 0x00DA; case 0x02: return 0x1EE4; case 0x04: return 0x1EEA;
        case 0x05: return 0x1EEC; case 0x06: return 0x1EEE; case 0x11: return 0x1EE8;
        case 0x12: return 0x1EF0; case 0x13: return 0x1EF2; case 0x14: return 0x1EF6;
        case 0x15: return 0x1EF8; case 0x16: return 0x00DD; case 0x17: return 0x1EF4;
        default: return b;
    }
}

std::string decode(std::string_view bytes, Encoding e) {
    if (e == Encoding::Vni) return decode_vni(bytes);
    const auto& t = table(e);
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) {
        char32_t c = b >= 0x80 ? t[b - 0x80] : (e == Encoding::Tcvn3 && b < 0x20) ? tcvn3_control(b) : char32_t(b);
        utf8::append(out, c);
    }
    return out;
}

std::string encode(std::string_view utf8s, Encoding e) {
    if (e == Encoding::Vni) return encode_vni(utf8s);
    if (e == Encoding::Cp1258 || e == Encoding::Tcvn3) return encode_table(utf8s, e);
    return std::string(utf8s);
}

int cp1252_byte(char32_t c) {
    if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) return static_cast<int>(c);
    for (size_t i = 0; i < kCp1252Low.size(); ++i)
        if (kCp1252Low[i] == c && c != U) return static_cast<int>(0x80 + i);
    return -1;
}

}  // namespace plancheck::legacy
