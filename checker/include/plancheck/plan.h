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
};

struct Objective {
    int year = 0;          // "Đến năm 2025" -> 2025, 0 if none
    double value = 0;      // 100, 45, 2.5
    std::string unit;      // "%", "người", ...
    bool approximate = false;  // "khoảng", "~"
    std::string subject;   // the sentence text the target applies to
    TextRef ref;           // the value as written
    TextRef sentence;      // the whole clause
};

struct MonthMention {      // "Lấy tháng 5 là tháng vận động ..."
    int month = 0;
    std::string what;
    TextRef ref;
};

}  // namespace plancheck
