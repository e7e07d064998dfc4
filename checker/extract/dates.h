// Dates as Vietnamese administrative documents write them:
// "21/11/2019", "21-11-2019", "21.11.2019" and "21 tháng 11 năm 2019"
// (optionally introduced by "ngày"), and the place-date line of a header
// whose day or month may be left blank ("ngày   tháng 12 năm 2021").
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "plancheck/citation.h"

namespace plancheck::extract {

struct DateMatch {
    Date date;
    size_t begin = 0, end = 0;  // byte offsets of the date itself (without a leading "ngày")
};

// A date starting exactly at `pos` (no leading "ngày"): numeric with one
// separator used twice, or the long form. Values are kept as written, so an
// impossible date such as 31/02/2019 is returned (rules judge it).
std::optional<DateMatch> parse_date_at(std::string_view text, size_t pos);

// "ngày <date>" at `pos` (case-insensitive "ngày"); `begin` is the date's start.
std::optional<DateMatch> parse_ngay_date_at(std::string_view text, size_t pos);

// The date of a place-date line ("Khánh Hòa, ngày 05 tháng 3 năm 2021"):
// blank parts are 0. Empty Date when there is no "năm yyyy".
Date parse_place_date(std::string_view text);

// "dd/mm/yyyy" for messages; absent parts print as "..".
std::string format_date(const Date& d);
// Parses exactly "d/m/yyyy" (also with '-' or '.'), for registry files.
std::optional<Date> parse_date_string(std::string_view s);

}  // namespace plancheck::extract
