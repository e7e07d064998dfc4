// Vietnamese pre-Unicode code tables (TCVN3/ABC, VNI-Windows, Windows-1258)
// and a small Vietnamese syllable checker used to tell them apart.
//
// Old plans were typed with .VnTime (TCVN3) or VNI-Times (VNI) fonts: the
// bytes are a font-specific code table, not Unicode. Decree 30/2020/ND-CP
// Appendix I requires Unicode (TCVN 6909:2001), so ingest converts such text
// and records that it did.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace plancheck::legacy {

enum class Encoding { Utf8, Utf16LE, Utf16BE, Cp1258, Tcvn3, Vni };

// Accepts the names --encoding documents plus common aliases ("utf8",
// "windows-1258", "abc", "vni-windows"); nullopt for anything else.
std::optional<Encoding> parse_encoding(std::string_view name);
// Canonical name: "utf-8", "utf-16le", "utf-16be", "cp1258", "tcvn3", "vni".
std::string_view name(Encoding e);
// Human name for messages: "TCVN3 (ABC)", "VNI-Windows", "Windows-1258".
std::string_view display_name(Encoding e);

// Decodes 8-bit text in cp1258, tcvn3 or vni to UTF-8. Never fails: bytes the
// table does not define become U+FFFD. Each VNI letter + mark byte pair becomes
// one precomposed letter. Windows-1258 tone marks stay combining (normalize
// composes them). Bytes below 0x80 are ASCII in all three tables.
std::string decode(std::string_view bytes, Encoding e);

// Encodes UTF-8 into cp1258, tcvn3 or vni (used by tests and by mojibake
// detection); characters the table cannot express become '?'.
std::string encode(std::string_view utf8, Encoding e);

// The Windows-1252 byte that displays as `c`, or -1 (reverses mojibake: legacy
// bytes shown through a Western code page).
int cp1252_byte(char32_t c);

// True when `word` (UTF-8, any case, NFC or NFD) is a well-formed Vietnamese
// syllable: onset + rime with at most one tone mark. Accepts some syllables
// that are not real words; it only has to separate Vietnamese from mojibake.
bool is_syllable(std::string_view word);

// How Vietnamese a decoded text looks. Only words with a non-ASCII letter
// count (ASCII words decode the same in every table).
struct Score {
    int valid = 0;    // words with a non-ASCII letter that are syllables
    int invalid = 0;  // words with a non-ASCII letter that are not
    int bad = 0;      // U+FFFD, C0/C1 controls, stray symbols typical of a wrong table
    int points() const { return valid - invalid - 2 * bad; }
    double ratio() const {
        int all = valid + invalid + bad;
        return all ? static_cast<double>(valid) / all : 0.0;
    }
};
Score score(std::string_view utf8);

}  // namespace plancheck::legacy
