// The place-and-date line of the header ("Khánh Hòa, ngày 05 tháng 3 năm 2021"),
// parsed with the position of each part so rules can point at the day or month.
#pragma once

#include <optional>
#include <string>

#include "plancheck/citation.h"
#include "plancheck/document.h"

namespace plancheck::extract {

struct DateLine {
    Date date;              // parts left blank in the text are 0
    std::string day_text, month_text, year_text;  // digits as typed ("05", "3"), "" when blank
    TextRef day, month, year;  // where the digits are (or where they belong when blank)
    TextRef whole;          // "ngày ... năm yyyy"
    std::string place;      // text before ", ngày" (trimmed), "" when none
    bool slash_form = false;  // "ngày 05/3/2021"
};

// Whether the text before the date can be a place name ("Hà Nội", "Phường 3",
// nothing): not a V/v summary line or a sentence citing a document ("V/v dự
// thảo ... số 12/2020/TT-BTC ngày 11/11/2020"), which a header may put where
// the place and date usually stand.
bool place_like(const DateLine& dl);

// Parses block `b` of `doc`; nullopt when it holds no "ngày ... tháng ... năm ..." or
// "ngày dd/mm/yyyy" date.
std::optional<DateLine> parse_date_line(const SourceDocument& doc, uint32_t b);

}  // namespace plancheck::extract
