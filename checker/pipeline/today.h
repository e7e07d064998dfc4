// Today's date on the system clock (local time), for the "not in the future"
// check of the header date. check_file/check_bytes use it when
// CheckOptions::today is empty; tests set `today` themselves.
#pragma once

#include "plancheck/citation.h"

namespace plancheck::pipeline {

Date system_today();

}  // namespace plancheck::pipeline
