// Batch statistics shared by the summary table, the text summary line and
// the HTML report.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "report/report.h"

namespace plancheck::report {

struct CategoryRow {
    std::string category;
    std::array<size_t, 3> count{};  // indexed by Severity (info, warning, error)
    size_t files = 0;               // files with at least one finding of the category
};
// Categories that occur, most serious first.
std::vector<CategoryRow> category_rows(const std::vector<FileReport>& files);

struct FileRow {
    size_t index = 0;  // into the files vector
    std::array<size_t, 3> count{};
    bool unreadable = false;
    size_t total() const { return count[0] + count[1] + count[2]; }
};
// Every file, the most serious first (errors, then warnings, then notes);
// ties keep input order.
std::vector<FileRow> file_rows(const std::vector<FileReport>& files);

// The unit a file belongs to: the folder of its displayed path ("." for a
// file in the current folder). Units group the batch report and near-copies.
std::string unit_of(std::string_view path);

// The batch's near-copies (Options::near_copies) as text: a heading, then
// per pair both paths with their dates (the earlier first), the shared word
// count and the longest shared passage. Nothing when there are none.
void write_near_copies_text(std::ostream& os, const Options& opts);

// "lỗi" / "error", ... for table labels.
const char* severity_label(Severity s, const std::string& lang);

// "Đã kiểm tra N tệp: ..." / "N files checked: ...".
void write_summary_line(std::ostream& os, const Summary& s, const std::string& lang);

}  // namespace plancheck::report
