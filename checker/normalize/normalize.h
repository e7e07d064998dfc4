// Normalize stage: canonical text for matching, positions preserved.
//
// - Unicode NFC (precomposed Vietnamese letters), per combining sequence so
//   each output code point keeps the position of the sequence it came from;
// - look-alike letters from other scripts replaced (U+00D0 Ð -> U+0110 Đ,
//   U+00F0 ð -> U+0111 đ, Cyrillic а/е/о/р/с/х inside Latin words), each
//   recorded as an Observation "text.mixed-script" for the mixed-script rule;
// - white space: tabs, no-break and zero-width spaces become plain spaces, runs
//   collapse to one, ends are trimmed; line breaks inside a block become spaces.
// Block::source is left untouched.
#pragma once

#include "plancheck/document.h"

namespace plancheck::normalize {

void normalize(SourceDocument& doc);
// The text only: every block normalized, without the whole-document
// observations (detect_mojibake), which only rules read. For a reader that
// needs the text and the structure and no findings (the batch's index of plans).
void normalize_text(SourceDocument& doc);

// Normalizes one block in place (exposed for tests). Observations are appended
// with ref.block == index.
// Records an "encoding.mojibake" Observation when the (normalized) text is
// legacy TCVN3/VNI text shown through a Western code page (mojibake.cpp).
void detect_mojibake(SourceDocument& doc);

void normalize_block(Block& block, uint32_t index, std::vector<Observation>& observations);

}  // namespace plancheck::normalize
