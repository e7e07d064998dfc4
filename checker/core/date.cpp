#include "plancheck/citation.h"

#include <tuple>

namespace plancheck {

int compare(const Date& a, const Date& b) {
    auto ta = std::tie(a.year, a.month, a.day), tb = std::tie(b.year, b.month, b.day);
    return ta < tb ? -1 : (tb < ta ? 1 : 0);
}

bool is_real_date(const Date& d) {
    if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int max = kDays[d.month - 1];
    bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    if (d.month == 2 && leap) max = 29;
    return d.day <= max;
}

}  // namespace plancheck
