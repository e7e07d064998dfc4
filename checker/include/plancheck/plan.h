// Phases and quantified objectives (extract stage).
#pragma once

#include <string>
#include <vector>

#include "plancheck/source.h"

namespace plancheck {

struct Phase {
    int from = 0, to = 0;  // years, inclusive; from == to for a single year
    TextRef ref;
    int section = -1;      // index into Outline::sections, -1 if outside any
    bool heading = false;  // the phase names a section ("1. Giai đoạn 2020 - 2025")
    // Part of the plan's roadmap: a heading, an item or a table row that opens
    // with the period ("Giai đoạn 2021 - 2025:", "Năm 2022:"), or a period in a
    // "lộ trình"/"giai đoạn" section. Ranges met in passing ("nhiệm kỳ
    // 2020-2025" in a citation) are extracted but not roadmap phases.
    bool roadmap = false;
    bool in_title = false;  // in the document's summary title (its overall horizon)
    int parent_phase = -1;  // index of an enclosing roadmap phase (a step inside it), -1 if none
};

struct Objective {
    int year = 0;          // "Đến năm 2025" -> 2025, 0 if none
    double value = 0;      // 100, 45, 2.5
    std::string unit;      // "%", "người", ...
    bool approximate = false;  // "khoảng", "~"
    bool at_least = false;     // "trên", "ít nhất", "tối thiểu", ">"
    // The text around the value that names what it measures, before and after
    // it (trimmed; extract::subject_of joins them): ranges, not a copy (a long
    // report states a share in every other paragraph).
    TextRef subject_before, subject_after;
    TextRef ref;           // the value as written
    TextRef sentence;      // the whole clause
};

struct MonthMention {      // "Lấy tháng 5 là tháng vận động ..."
    int month = 0;
    std::string what;      // the clause naming what the month is for
    TextRef ref;           // "tháng 5"
};

}  // namespace plancheck
