#include "normalize/normalize.h"

#include <utf8proc.h>

#include <algorithm>

#include "core/deadline.h"
#include "core/utf8.h"

namespace plancheck::normalize {

namespace {

struct Cp {
    char32_t c;
    Pos pos;
};

// Latin letter a look-alike stands for, or 0.
char32_t latin_lookalike(char32_t c) {
    switch (c) {
        case 0x00D0: return 0x0110;  // Ð (Eth) typed for Đ
        case 0x00F0: return 0x0111;  // ð typed for đ
        case 0x0430: return 'a';
        case 0x0435: return 'e';
        case 0x043E: return 'o';
        case 0x0440: return 'p';
        case 0x0441: return 'c';
        case 0x0445: return 'x';
        case 0x0410: return 'A';
        case 0x0415: return 'E';
        case 0x041E: return 'O';
        case 0x0420: return 'P';
        case 0x0421: return 'C';
        case 0x0425: return 'X';
        default: return 0;
    }
}

bool is_cyrillic(char32_t c) { return c >= 0x0400 && c <= 0x04FF; }

bool latin_neighbour(const std::vector<Cp>& cps, size_t i) {
    auto latin = [](char32_t c) { return (c < 0x0250 && utf8::is_letter(c)) || (c >= 0x1E00 && c <= 0x1EFF); };
    return (i > 0 && latin(cps[i - 1].c)) || (i + 1 < cps.size() && latin(cps[i + 1].c));
}

bool is_space_like(char32_t c) { return utf8::is_space(c) || c == 0x200B || c == 0x200C || c == 0x200D; }

// An anchor wherever positions stop advancing one by one, and at least every
// kAnchorStride bytes so Block::locate() never counts far.
constexpr size_t kAnchorStride = 256;

// Code points that normalisation leaves as they are when they stand alone:
// printable ASCII and Latin letters (but not Ð/ð), precomposed Vietnamese, the
// usual dashes, quotes and ellipsis. None is a mark, a space or a look-alike.
bool plain_cp(char32_t c) {
    if (c < 0x80) return c > 0x20 && c < 0x7F;
    if (c < 0x250) return c > 0xA0 && c != 0xD0 && c != 0xF0;
    if (c >= 0x1E00 && c <= 0x1EFF) return true;
    return c == 0x2013 || c == 0x2014 || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x2026;
}

// Most paragraphs are already normal: only plain code points, single spaces
// between words. Then the text stays as it is, and only the anchors are
// rebuilt, exactly as the full pass below would build them. False (and
// nothing changed) when anything needs the full pass.
bool already_normal(Block& block) {
    const std::string& t = block.text;
    if (t.empty() || block.anchors.empty()) return false;
    std::vector<Anchor> anchors;
    size_t i = 0, a = 0;
    Pos p{}, last{};
    bool have_last = false, after_space = true;  // true at the start: no leading space
    while (i < t.size()) {
        if (a < block.anchors.size() && block.anchors[a].offset <= i) {
            while (a + 1 < block.anchors.size() && block.anchors[a + 1].offset <= i) ++a;
            p = {block.anchors[a].line,
                 block.anchors[a].column +
                     static_cast<uint32_t>(utf8::count(std::string_view(t).substr(block.anchors[a].offset,
                                                                                  i - block.anchors[a].offset)))};
            ++a;
        }
        size_t at = i;
        auto b = static_cast<unsigned char>(t[i]);
        char32_t c = b < 0x80 ? (++i, b) : utf8::next_multibyte(t, i);
        if (c == ' ') {
            if (after_space) return false;
            after_space = true;
        } else {
            if (!plain_cp(c) || (c == 0xFFFD && i - at != 3)) return false;
            after_space = false;
        }
        if (!have_last || p.line != last.line || p.column != last.column + 1 ||
            at - anchors.back().offset >= kAnchorStride)
            anchors.push_back({static_cast<uint32_t>(at), p.line, p.column});
        last = p;
        have_last = true;
        ++p.column;
    }
    if (after_space) return false;  // trailing space
    block.anchors = std::move(anchors);
    return true;
}

}  // namespace

void normalize_block(Block& block, uint32_t index, std::vector<Observation>& observations) {
    if (already_normal(block)) return;
    // Observations an earlier stage recorded on this block (ingest's
    // encoding.legacy) hold byte offsets into the text about to be rewritten:
    // they are moved onto the new text below.
    const size_t earlier = observations.size();
    // 1. Decode with original positions.
    std::vector<Cp> in;
    std::vector<size_t> in_byte;  // byte offset in the old text of each code point
    in.reserve(block.text.size());
    in_byte.reserve(block.text.size());
    {
        // One pass over text and anchors together (calling locate() per code
        // point would be quadratic on long paragraphs).
        size_t i = 0, a = 0;
        Pos p{};
        while (i < block.text.size()) {
            if (a < block.anchors.size() && block.anchors[a].offset <= i) {
                while (a + 1 < block.anchors.size() && block.anchors[a + 1].offset <= i) ++a;
                p = {block.anchors[a].line, block.anchors[a].column + static_cast<uint32_t>(utf8::count(
                                                std::string_view(block.text).substr(block.anchors[a].offset,
                                                                                    i - block.anchors[a].offset)))};
                ++a;
            }
            in_byte.push_back(i);
            char32_t c = utf8::next(block.text, i);
            in.push_back({c, p});
            ++p.column;
        }
    }
    // 2. Look-alikes (Ð always; Cyrillic only next to Latin letters, so real
    //    Cyrillic words are left alone).
    std::vector<std::pair<size_t, char32_t>> lookalikes;  // index in `in`, original char
    for (size_t i = 0; i < in.size(); ++i) {
        char32_t repl = latin_lookalike(in[i].c);
        if (!repl) continue;
        if (is_cyrillic(in[i].c) && !latin_neighbour(in, i)) continue;
        lookalikes.emplace_back(i, in[i].c);
        in[i].c = repl;
    }
    // 3. NFC per combining sequence, white space folding, trimming.
    std::string text;
    std::vector<Anchor> anchors;
    std::vector<size_t> in_to_out(in.size() + 1, 0);
    Pos last_pos{};
    bool have_last = false;
    auto emit = [&](char32_t c, Pos p) {
        if (!have_last || p.line != last_pos.line || p.column != last_pos.column + 1 ||
            text.size() - anchors.back().offset >= kAnchorStride)
            anchors.push_back({static_cast<uint32_t>(text.size()), p.line, p.column});
        utf8::append(text, c);
        last_pos = p;
        have_last = true;
    };
    bool pending_space = false;
    Pos space_pos{};
    size_t i = 0;
    while (i < in.size()) {
        if (is_space_like(in[i].c)) {
            if (!pending_space) space_pos = in[i].pos;
            pending_space = true;
            in_to_out[i] = text.size();
            ++i;
            continue;
        }
        if (pending_space && !text.empty()) emit(' ', space_pos);
        pending_space = false;
        size_t j = i + 1;
        while (j < in.size() && utf8proc_get_property(static_cast<utf8proc_int32_t>(in[j].c))->combining_class != 0)
            ++j;
        for (size_t k = i; k < j; ++k) in_to_out[k] = text.size();
        if (j - i == 1 && in[i].c < 0x300) {
            emit(in[i].c, in[i].pos);
        } else {
            std::string seq;
            for (size_t k = i; k < j; ++k) utf8::append(seq, in[k].c);
            std::string composed = utf8::nfc(seq);
            size_t q = 0;
            while (q < composed.size()) emit(utf8::next(composed, q), in[i].pos);
        }
        i = j;
    }
    in_to_out[in.size()] = text.size();
    if (anchors.empty()) {
        Pos p = in.empty() ? block.locate(0) : in.front().pos;
        anchors.push_back({0, p.line, p.column});
    }
    for (auto& [idx, orig] : lookalikes) {
        Observation o;
        o.kind = "text.mixed-script";
        o.ref = {index, static_cast<uint32_t>(in_to_out[idx]),
                 static_cast<uint32_t>(in_to_out[idx + 1] > in_to_out[idx] ? in_to_out[idx + 1]
                                                                             : in_to_out[idx])};
        // The replaced letter is one code point; make the range cover it.
        size_t end = o.ref.begin;
        if (end < text.size()) utf8::next(text, end);
        o.ref.end = static_cast<uint32_t>(end);
        std::string d;
        utf8::append(d, orig);
        o.detail = d;
        observations.push_back(std::move(o));
    }
    auto moved = [&](uint32_t old_offset) {
        size_t k = static_cast<size_t>(std::lower_bound(in_byte.begin(), in_byte.end(), old_offset) - in_byte.begin());
        return static_cast<uint32_t>(in_to_out[std::min(k, in.size())]);
    };
    for (size_t k = 0; k < earlier; ++k) {
        TextRef& r = observations[k].ref;
        if (r.block != index) continue;
        r.begin = moved(r.begin);
        r.end = std::max(r.begin, moved(r.end));
    }
    if (block.source_is_text && text != block.text) {  // the old text is what the user typed
        block.source = std::move(block.text);
        block.source_is_text = false;
    }
    block.text = std::move(text);
    block.anchors = std::move(anchors);
}

void normalize_text(SourceDocument& doc) {
    for (uint32_t b = 0; b < doc.blocks.size(); ++b) {
        deadline::check();
        normalize_block(doc.blocks[b], b, doc.observations);
    }
}

void normalize(SourceDocument& doc) {
    normalize_text(doc);
    detect_mojibake(doc);
}

}  // namespace plancheck::normalize
