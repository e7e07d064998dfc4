// English messages to Vietnamese through a table of phrases with holes: the
// readers' reasons a file is unreadable (ingest/ingest.cpp) and the
// command-line errors (cli/messages.cpp) are written in English once and
// shown in Vietnamese by default.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace plancheck::phrases {

// `en` with {} holes -> `vi` with the same holes, in order.
struct Phrase {
    std::string_view en, vi;
};

// The Vietnamese of `text` by the first phrase of `table` it matches: {}
// stands for any non-empty run (the shortest that lets the next literal
// follow), and the holes are translated too, at most `depth` deep (a reason
// made of phrases). Text no phrase matches is returned unchanged.
std::string translate(std::string_view text, std::span<const Phrase> table, int depth = 3);

}  // namespace plancheck::phrases
