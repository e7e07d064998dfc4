// Baselines: adopting plancheck on a repository that already holds hundreds
// of documents. `--write-baseline FILE` records every finding of a run;
// `--baseline FILE` then reports only findings that are not recorded, so a
// team can gate new defects without first fixing the old ones.
//
// An entry is matched on the rule, the file (as reports show it) and the
// finding's fingerprint (report/fingerprint.h: the offending text and its
// words, not line numbers), so it survives unrelated edits. Entries are
// counted: a baseline holding one "của của" in a file hides one such finding
// there, not a second one added later.
//
// File format (JSON, stable, sorted so that it diffs well in review):
//   {"plancheck_baseline": 1,
//    "findings": [{"file": "...", "rule": "...", "fingerprint": "...",
//                  "message": "..."}, ...]}
// `message` is for people reading the file; matching ignores it.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "report/report.h"

namespace plancheck::pipeline {

class Baseline {
public:
    // Reads a baseline file; throws std::runtime_error naming the file and
    // the problem when it cannot be read or is not a plancheck baseline.
    static Baseline load(const std::string& path);
    // The baseline of a whole run (input.unreadable is never baselined: an
    // unreadable file is not a defect of the document that may wait).
    static Baseline of(const std::vector<report::FileReport>& files);
    // Writes the file atomically; returns false with `error` set on failure.
    bool save(const std::string& path, std::string& error) const;

    // Removes from `f` the findings the baseline holds (each entry once) and
    // returns how many were removed. Thread-safe for distinct files.
    size_t filter(report::FileReport& f);
    size_t size() const;

private:
    using Key = std::tuple<std::string, std::string, std::string>;  // file, rule, fingerprint
    std::map<Key, size_t> count_;
    std::map<Key, std::string> message_;
};

}  // namespace plancheck::pipeline
