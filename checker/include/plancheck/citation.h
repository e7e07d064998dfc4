// Citations of legal and Party documents found in the text (extract stage).
#pragma once

#include <string>
#include <vector>

#include "plancheck/source.h"

namespace plancheck {

struct Date {
    int day = 0, month = 0, year = 0;  // 0 = absent
    bool empty() const { return day == 0 && month == 0 && year == 0; }
    bool complete() const { return day && month && year; }
    friend bool operator==(const Date&, const Date&) = default;
};
// Chronological comparison (year, month, day); absent parts compare as 0.
int compare(const Date& a, const Date& b);
bool is_real_date(const Date& d);  // a day that exists in the Gregorian calendar

struct Citation {
    TextRef ref;              // the whole citation as written
    std::string type;         // canonical type name: "Quyết định", "Nghị quyết", "Luật", ...
    std::string number;       // "1676", "28", "58"
    std::string symbol;       // "QĐ-TTg", "NQ/TW" (hyphen form: symbol after the dash)
    std::string key;          // canonical registry key: "1676/QĐ-TTg", "28-NQ/TW", "58/2014/QH13"
    int symbol_year = 0;      // year inside the symbol ("58/2014/QH13" -> 2014), 0 if none
    bool party_form = false;  // "28-NQ/TW" (hyphen after the number)
    Date date;                // issue date as written, empty if none
    TextRef date_ref;
    std::string issuer;       // "Thủ tướng Chính phủ", "" if not written
    std::string summary;      // trích yếu / name, "" if not written
    bool short_form = false;  // back-reference such as "Quyết định 1676"
    bool in_bases = false;    // inside a "Căn cứ"/"Thực hiện" legal basis
};

}  // namespace plancheck
