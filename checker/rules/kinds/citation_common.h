// Helpers shared by the citation rule kinds (citation_*.cpp).
#pragma once

#include <string>

#include "plancheck/model.h"
#include "rules/registry.h"
#include "rules/rule.h"

namespace plancheck::rules {

// The document's own date: Model::issue_date, else what the place-date line
// shows (its day or month may be blank: "ngày   tháng 12 năm 2021"). Empty when unknown.
Date document_date(const Model& m);
// Earliest / latest day a partial date can stand for ({0,12,2021} -> 01/12/2021 / 31/12/2021).
Date earliest(const Date& d);
Date latest(const Date& d);

// "Quyết định số 1676/QĐ-TTg" (or the span as written when it has no number).
std::string cite_label(const Model& m, const Citation& c);
// The citation's text as written (first line only for a wrapped citation).
std::string cite_text(const Model& m, const Citation& c);

// A rule's severity capped for facts that are not CONFIRMED: SINGLE SOURCE
// and PARTLY CONFIRMED facts give warnings at most.
Severity capped(Severity s, Confidence c);

// The registry entry a citation names (null without a registry).
Resolution lookup(const Context& ctx, const Citation& c);

// The document's own number-symbol from its "Số:" line, lower case, without
// spaces ("Số: 144 /KH-UBND" -> "144/kh-ubnd"); "" when absent or blank.
std::string own_key(const Model& m);

// Whether two citations name the same document (key, or Law name and date).
std::string identity(const Citation& c);

}  // namespace plancheck::rules
