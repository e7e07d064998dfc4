#include "ingest/decode.h"

#include <array>

#include "core/legacy_vn.h"
#include "core/utf8.h"

namespace plancheck::ingest {

namespace {

using legacy::Encoding;

std::string decode_utf16(std::string_view b, bool le) {
    std::string out;
    out.reserve(b.size());
    auto unit = [&](size_t i) -> char32_t {
        auto lo = static_cast<unsigned char>(b[le ? i : i + 1]);
        auto hi = static_cast<unsigned char>(b[le ? i + 1 : i]);
        return static_cast<char32_t>(hi << 8 | lo);
    };
    size_t i = 0;
    for (; i + 1 < b.size(); i += 2) {
        char32_t c = unit(i);
        if (c >= 0xD800 && c <= 0xDBFF && i + 3 < b.size()) {
            char32_t c2 = unit(i + 2);
            if (c2 >= 0xDC00 && c2 <= 0xDFFF) {
                utf8::append(out, 0x10000 + ((c - 0xD800) << 10) + (c2 - 0xDC00));
                i += 2;
                continue;
            }
        }
        if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
        utf8::append(out, c);
    }
    if (i < b.size()) utf8::append(out, 0xFFFD);  // odd trailing byte
    return out;
}

// UTF-32 (4 bytes per code point): invalid code points become U+FFFD.
Decoded decode_utf32(std::string_view b, bool le) {
    Decoded d;
    d.encoding = le ? "utf-32le" : "utf-32be";
    d.text.reserve(b.size() / 2);
    size_t i = 0;
    for (; i + 3 < b.size(); i += 4) {
        auto u = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(b[i + (le ? k : 3 - k)])); };
        char32_t c = u(0) | u(1) << 8 | u(2) << 16 | u(3) << 24;
        if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD, ++d.replaced;
        utf8::append(d.text, c);
    }
    if (i < b.size()) utf8::append(d.text, 0xFFFD), ++d.replaced;  // a cut last unit
    return d;
}

// UTF-32 without a BOM: in every 4-byte unit of Vietnamese text the two high
// bytes are zero and the low one is not (almost always). UTF-16 never looks so:
// its units alternate a zero byte with a non-zero one.
std::optional<bool> sniff_utf32(std::string_view b) {
    if (b.size() < 16 || b.size() % 4 != 0) return std::nullopt;
    size_t n = std::min<size_t>(b.size(), 4096) & ~size_t{3}, le = 0, be = 0;
    for (size_t i = 0; i < n; i += 4) {
        le += b[i] != 0 && b[i + 2] == 0 && b[i + 3] == 0;
        be += b[i + 3] != 0 && b[i] == 0 && b[i + 1] == 0;
    }
    if (le * 10 >= n / 4 * 9) return true;
    if (be * 10 >= n / 4 * 9) return false;
    return std::nullopt;
}

// UTF-8 with invalid sequences replaced; counts both kinds of sequence.
std::string decode_utf8_lossy(std::string_view b, size_t& bad, size_t& multibyte) {
    std::string out;
    out.reserve(b.size());
    bad = multibyte = 0;
    for (size_t i = 0; i < b.size();) {
        size_t s = i;
        char32_t c = utf8::next(b, i);
        if (c == 0xFFFD && b.substr(s, i - s) != "\xEF\xBF\xBD") ++bad;
        else if (i - s > 1) ++multibyte;
        utf8::append(out, c);
    }
    return out;
}

// UTF-16 without a BOM: Vietnamese and ASCII text has a zero byte in almost
// every other position.
std::optional<Encoding> sniff_utf16(std::string_view b) {
    if (b.size() < 8) return std::nullopt;
    size_t even = 0, odd = 0, n = std::min<size_t>(b.size(), 4096) & ~size_t{1};
    for (size_t i = 0; i < n; i += 2) {
        even += b[i] == 0;
        odd += b[i + 1] == 0;
    }
    if (odd * 10 >= n / 2 * 4 && even * 10 < n / 2) return Encoding::Utf16LE;
    if (even * 10 >= n / 2 * 4 && odd * 10 < n / 2) return Encoding::Utf16BE;
    return std::nullopt;
}

Decoded make(std::string text, Encoding e) {
    Decoded d;
    d.text = std::move(text);
    d.encoding = std::string(legacy::name(e));
    d.legacy = e == Encoding::Tcvn3 || e == Encoding::Vni || e == Encoding::Cp1258;
    return d;
}

Decoded decode_as(std::string_view b, Encoding e) {
    switch (e) {
        case Encoding::Utf16LE: return make(decode_utf16(b, true), e);
        case Encoding::Utf16BE: return make(decode_utf16(b, false), e);
        case Encoding::Utf8: {
            size_t bad = 0, mb = 0;
            Decoded d = make(decode_utf8_lossy(b, bad, mb), e);
            d.replaced = bad;
            return d;
        }
        default: return make(legacy::decode(b, e), e);
    }
}

}  // namespace

bool known_encoding(std::string_view name) { return name == "auto" || legacy::parse_encoding(name).has_value(); }

std::optional<Decoded> decode_in_place(std::string_view b, const Options& opts) {
    // The same tests, in the same order, as decode_text up to its plain UTF-8 case.
    if (opts.encoding != "auto") return std::nullopt;
    if (b.substr(0, 3) == "\xEF\xBB\xBF" || b.substr(0, 2) == "\xFF\xFE" || b.substr(0, 2) == "\xFE\xFF" ||
        b.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4) || sniff_utf32(b) || !utf8::valid(b))
        return std::nullopt;
    return make(std::string(), Encoding::Utf8);
}

std::variant<Decoded, UnreadableInput> decode_text(std::string_view b, const Options& opts) {
    bool bom8 = b.substr(0, 3) == "\xEF\xBB\xBF";
    // UTF-32 first: its little-endian BOM begins with UTF-16's (FF FE).
    if (opts.encoding == "auto") {
        if (b.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4)) return decode_utf32(b.substr(4), true);
        if (b.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4)) return decode_utf32(b.substr(4), false);
        if (auto le = sniff_utf32(b)) return decode_utf32(b, *le);
    }
    bool bom16le = b.substr(0, 2) == "\xFF\xFE";
    bool bom16be = b.substr(0, 2) == "\xFE\xFF";
    if (opts.encoding != "auto") {
        auto e = legacy::parse_encoding(opts.encoding);
        if (!e)
            return UnreadableInput{"unknown encoding \"" + opts.encoding + "\"",
                                   "use one of: auto, utf-8, utf-16le, utf-16be, cp1258, tcvn3, vni"};
        if ((*e == Encoding::Utf8 && bom8)) b.remove_prefix(3);
        if ((*e == Encoding::Utf16LE && bom16le) || (*e == Encoding::Utf16BE && bom16be)) b.remove_prefix(2);
        return decode_as(b, *e);
    }
    if (bom8) return decode_as(b.substr(3), Encoding::Utf8);
    if (bom16le) return decode_as(b.substr(2), Encoding::Utf16LE);
    if (bom16be) return decode_as(b.substr(2), Encoding::Utf16BE);
    if (utf8::valid(b)) return make(std::string(b), Encoding::Utf8);
    if (auto e16 = sniff_utf16(b)) return decode_as(b, *e16);

    size_t bad = 0, multibyte = 0;
    std::string lossy = decode_utf8_lossy(b, bad, multibyte);
    if (multibyte >= 20 * bad) {
        Decoded d = make(std::move(lossy), Encoding::Utf8);
        d.replaced = bad;
        return d;
    }
    // Legacy tables: keep the one whose words read most like Vietnamese.
    std::optional<Decoded> best;
    legacy::Score best_score;
    for (Encoding e : {Encoding::Tcvn3, Encoding::Vni, Encoding::Cp1258}) {
        Decoded d = decode_as(b, e);
        legacy::Score s = legacy::score(d.text);
        if (!best || s.points() > best_score.points()) {
            best = std::move(d);
            best_score = s;
        }
    }
    if (best && best_score.valid > 0 && best_score.ratio() >= 0.6) return std::move(*best);
    return UnreadableInput{
        "the text is not UTF-8 and does not read as Vietnamese in TCVN3 (ABC), VNI-Windows or "
        "Windows-1258",
        "save the file as UTF-8 (Unicode), or name its encoding with --encoding"};
}

void record_decoding(SourceDocument& doc, const Decoded& d) {
    doc.encoding = d.encoding;
    if (doc.blocks.empty()) return;
    if (d.legacy) doc.observations.push_back({"encoding.legacy", {0, 0, 0}, d.encoding});
    if (d.replaced) {
        // Point at the first replacement character.
        for (uint32_t b = 0; b < doc.blocks.size(); ++b) {
            auto pos = doc.blocks[b].text.find("\xEF\xBF\xBD");
            if (pos == std::string::npos) continue;
            doc.observations.push_back({"text.invalid-utf8",
                                        {b, static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + 3)},
                                        std::to_string(d.replaced)});
            break;
        }
    }
}

}  // namespace plancheck::ingest
