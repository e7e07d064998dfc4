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
    TextRef ref;              // the citation as written: type .. number-symbol .. date .. issuer
                              // (the summary is not part of it; see summary_ref)
    std::string type;         // canonical type name: "Quyết định", "Nghị quyết", "Luật", ...
    std::string type_written; // the type words as written ("QĐ", "Chương trình hành động"),
                              // "" when the type was inherited (lists) or inferred from the symbol
    bool type_inferred = false;  // type taken from the symbol's abbreviation, not written
    std::string number;       // "1676", "28", "58"
    std::string symbol;       // "QĐ-TTg", "NQ/TW", "2014/QH13" (everything after the number's separator)
    std::string key;          // canonical registry key: "1676/QĐ-TTg", "28-NQ/TW", "58/2014/QH13";
                              // for a back-reference ("Quyết định 1676") the key of the earlier
                              // full citation with that type and number, else ""
    TextRef number_ref;       // the number-symbol (or the bare number of a back-reference)
    int symbol_year = 0;      // year inside the symbol ("58/2014/QH13" -> 2014), 0 if none
    bool party_form = false;  // "28-NQ/TW" (hyphen after the number)
    Date date;                // issue date as written, empty if none; a year alone ("năm 2014")
                              // gives {0, 0, 2014}
    TextRef date_ref;
    std::string issuer;       // "Thủ tướng Chính phủ", "" if not written
    TextRef issuer_ref;
    std::string summary;      // trích yếu / title after the citation, "" if not written
    TextRef summary_ref;
    std::string name;         // a Law's name: "Bảo hiểm xã hội" for "Luật Bảo hiểm xã hội"
    bool short_form = false;  // back-reference: type and number (or number-symbol) only
    bool list_member = false; // "và số 102/NQ-CP" after "Nghị quyết số 125/NQ-CP"
    bool in_bases = false;    // inside a "Căn cứ"/"Thực hiện" legal-basis block
    bool basis_item = false;  // in_bases and it is what the basis clause cites (first citation of
                              // a ';'-separated item, or listed right after one), not a document
                              // mentioned inside another citation's summary
    bool continued = false;   // a .txt citation wrapped onto the next physical line: `ref` ends at
                              // the end of its block and `tail` holds the rest
    TextRef tail;             // valid only when `continued`
};

}  // namespace plancheck
