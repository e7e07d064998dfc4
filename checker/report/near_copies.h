// Near-copies across units: pairs of files from different folders that share
// long passages, found with an index that stays linear in the batch size.
//
// Each file's body text (pipeline::FileResult::text: without header, legal
// bases and closing) is split into words (letters and digits, lower case);
// every run of `shingle` consecutive words is hashed, and winnowing keeps the
// smallest hash of each `window` consecutive shingles (with its position), so
// any passage of at least shingle + window - 1 words shared by two files
// leaves at least one fingerprint in both. Fingerprints go into one flat
// inverted index (hash -> files), sorted once at the end: no file is ever
// compared with every other. A fingerprint found in more than `max_files`
// files is boilerplate (a template paragraph, a common phrase), not evidence.
// Pairs of files in different folders that share fingerprints are then
// verified word by word: seeds are extended to the longest common runs, and a
// pair is reported when its longest shared run has at least `min_words`
// words. The earlier document (by the date in its header) comes first.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "report/report.h"

namespace plancheck::report {

class NearCopyIndex {
public:
    struct Params {
        size_t shingle = 8;      // words per shingle
        size_t window = 8;       // winnowing window (shingles)
        size_t max_files = 4;    // a fingerprint in more files than this is boilerplate
        size_t min_words = 40;   // the longest shared passage must have this many words
        size_t max_pairs = 200;  // report at most this many pairs (most shared first)
    };
    NearCopyIndex() = default;
    explicit NearCopyIndex(Params p) : p_(p) {}

    // Adds one file (its path as given, body text, date yyyy-mm-dd or "").
    // `order`: its place in the batch (files may be added as they finish, in
    // any order; find() works in this order, so its result does not depend
    // on which worker finished first). Default: the order of the calls.
    void add(const std::string& path, std::string text, const std::string& date, size_t order = SIZE_MAX);
    // The pairs found, most shared words first.
    std::vector<NearCopy> find();

    size_t files() const { return docs_.size(); }
    size_t fingerprints() const { return index_.size(); }

private:
    struct Doc {
        std::string path, unit, date, text;
        uint32_t words = 0;
        size_t order = 0;
    };
    struct Entry {
        uint64_t hash;
        uint32_t doc, pos;  // pos: the shingle's first word
    };
    Params p_;
    std::vector<Doc> docs_;
    std::vector<Entry> index_;
};

// Word boundaries in `text` as (begin, end) byte offsets (exposed for tests).
std::vector<std::pair<uint32_t, uint32_t>> near_copy_words(std::string_view text);

}  // namespace plancheck::report
