// The progress table of a report against its plan (docs/progress.md), as
// text, JSON and a self-contained HTML page (`plancheck progress`), and the
// pieces the batch HTML's progress view shares (progress_html.cpp).
#pragma once

#include <ostream>
#include <string>

#include "plancheck/progress.h"

namespace plancheck::report {

// "đạt" / "met", ... in `lang`.
const char* status_label(ProgressStatus s, const std::string& lang);
// "100%", "12 hội nghị", "tháng 5".
std::string row_value(const ProgressRow& r, double v);

void write_progress_text(std::ostream& os, const ProgressTable& t, const std::string& lang);
void write_progress_json(std::ostream& os, const ProgressTable& t);
void write_progress_page(std::ostream& os, const ProgressTable& t, const std::string& lang);

}  // namespace plancheck::report
