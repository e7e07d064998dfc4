// Command-line errors in the user's language. They are written in English at
// the place they arise; say() gives the Vietnamese through the phrase table
// below (the default language), and command_line_error() words the errors of
// boost::program_options. The --help texts stay English (docs/packaging.md, Language).
#include <cstring>

#include "cli/commands.h"
#include "core/phrases.h"

namespace plancheck::cli {

namespace {

using phrases::Phrase;

constexpr Phrase kPhrases[] = {
    // main.cpp, common.cpp
    {"unknown command '{}'", "không có lệnh '{}'"},
    {"--lang must be vi or en", "--lang phải là vi hoặc en"},
    {"--format must be {}", "--format phải là {}"},
    {"unknown --encoding '{}'", "không có bảng mã --encoding '{}'"},
    {"error in rules: {}", "lỗi trong tệp quy tắc: {}"},
    {"cannot load rules from {}: {}", "không nạp được quy tắc từ {}: {}"},
    // Rule files that cannot be read (rules/ruleset.cpp); what is wrong inside
    // one is told to its author in English.
    {"{}: rules directory not found", "{}: không tìm thấy thư mục quy tắc"},
    {"{}: cannot open rule file", "{}: không mở được tệp quy tắc"},
    // serve_exec.cpp
    {"cannot find the plancheck program (/proc/self/exe)", "không tìm thấy chương trình plancheck (/proc/self/exe)"},
    {"cannot run {}: {}", "không chạy được {}: {}"},
    {"the web server is a program of its own, installed next to plancheck: reinstall plancheck",
     "máy chủ web là một chương trình riêng, cài cạnh plancheck: hãy cài lại plancheck"},
    // check.cpp
    {"no files given", "chưa chỉ ra tệp nào để kiểm tra"},
    {"error in config: {}", "lỗi trong tệp cấu hình: {}"},
    {"unknown --format '{}' (one of: {})", "không có định dạng --format '{}' (một trong: {})"},
    {"unknown --encoding '{}' (auto, utf-8, utf-16le, utf-16be, cp1258, tcvn3, vni)",
     "không có bảng mã --encoding '{}' (auto, utf-8, utf-16le, utf-16be, cp1258, tcvn3, vni)"},
    {"--fail-on must be error, warning, info or none", "--fail-on phải là error, warning, info hoặc none"},
    {"--color must be auto, always or never", "--color phải là auto, always hoặc never"},
    {"--max-size must be a positive number of megabytes (at most 1048576)",
     "--max-size phải là số megabyte dương (tối đa 1048576)"},
    {"--timeout must be a positive number of seconds", "--timeout phải là số giây dương"},
    {"--max-memory must be a number of megabytes, at least 64", "--max-memory phải là số megabyte, ít nhất 64"},
    {"--dry-run needs --fix (or use --diff)", "--dry-run cần đi cùng --fix (hoặc dùng --diff)"},
    {"- (standard input) can be given once", "- (đầu vào chuẩn) chỉ được nêu một lần"},
    // pipeline/pairing.cpp (--plan, --plans)
    {"--plan {}: no such file", "--plan {}: không có tệp này"},
    {"--plan {}: cannot read the plan", "--plan {}: không đọc được kế hoạch"},
    {"--plans {}: not a folder", "--plans {}: không phải thư mục"},
    {"--stdin-filename names standard input: give - as a path",
     "--stdin-filename đặt tên cho đầu vào chuẩn: hãy nêu - trong danh sách đường dẫn"},
    {"--stdin-filename {}: its extension is not a format plancheck reads (.docx .txt .md .html .pdf ...)",
     "--stdin-filename {}: phần mở rộng không phải định dạng plancheck đọc được (.docx .txt .md .html .pdf ...)"},
    {"--csv-separator must be one of , ; tab |", "--csv-separator phải là một trong , ; tab |"},
    {"--fix and --diff rewrite files: they cannot take standard input (-)",
     "--fix và --diff sửa tệp: không dùng được với đầu vào chuẩn (-)"},
    {"--summary prints a table instead of the report; to get both, write the {} report to a file with --output",
     "--summary in bảng tổng hợp thay cho báo cáo; muốn có cả hai, hãy ghi báo cáo {} ra tệp bằng --output"},
    {"--summary and --diff both use standard output; use one of them",
     "--summary và --diff cùng dùng đầu ra chuẩn; chỉ dùng một trong hai"},
    {"--output {} is one of the documents to check", "--output {} là một trong các văn bản cần kiểm tra"},
    {"--output {} is the document {} being checked; choose another report file",
     "--output {} là văn bản {} đang được kiểm tra; hãy chọn tệp báo cáo khác"},
    {"no rules found in {}: every document would pass; check --rules (or the config's rules:)",
     "không tìm thấy quy tắc nào trong {}: mọi văn bản đều sẽ đạt; hãy kiểm tra --rules (hoặc mục rules: của tệp cấu hình)"},
    {"the rules folder", "thư mục quy tắc"},
    {"unknown rule set '{}'", "không có bộ quy tắc '{}'"},
    {"{}: unknown rule or category '{}' (did you mean '{}'?); `plancheck rules list` and `plancheck explain "
     "--categories` list them",
     "{}: không có quy tắc hay nhóm '{}' (có phải là '{}'?); `plancheck rules list` và `plancheck explain "
     "--categories` liệt kê chúng"},
    {"{}: unknown rule or category '{}'; `plancheck rules list` and `plancheck explain --categories` list them",
     "{}: không có quy tắc hay nhóm '{}'; `plancheck rules list` và `plancheck explain --categories` liệt kê chúng"},
    {"unknown rule or category '{}' (did you mean '{}'?); `plancheck rules list` and `plancheck explain "
     "--categories` list them",
     "không có quy tắc hay nhóm '{}' (có phải là '{}'?); `plancheck rules list` và `plancheck explain "
     "--categories` liệt kê chúng"},
    {"unknown rule or category '{}'; `plancheck rules list` and `plancheck explain --categories` list them",
     "không có quy tắc hay nhóm '{}'; `plancheck rules list` và `plancheck explain --categories` liệt kê chúng"},
    {"cannot write {}: {}", "không ghi được {}: {}"},
    // explain, registry, rules
    {"no rule or category '{}'", "không có quy tắc hay nhóm '{}'"},
    {"no known document '{}' ({} documents in the registry)", "không có văn bản '{}' trong danh mục ({} văn bản)"},
    {"unknown subcommand '{}'", "không có lệnh con '{}'"},
    // The system's words for the usual errors (strerror).
    {"No such file or directory", "không có tệp hoặc thư mục này"},
    {"Permission denied", "không có quyền truy cập"},
    {"Is a directory", "là một thư mục"},
    {"No space left on device", "hết dung lượng đĩa"},
    {"Read-only file system", "hệ thống tệp chỉ đọc"},
    // Last: it would match inside every message above ("tree or json" in --format must be ...).
    {"{} or {}", "{} hoặc {}"},
};

}  // namespace

std::string say(const std::string& en, const std::string& lang) {
    if (lang == "en") return en;
    return phrases::translate(en, kPhrases);
}

std::string lang_of(const Args& args) {
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--") break;
        if (args[i] == "--lang" && i + 1 < args.size()) return args[i + 1] == "en" ? "en" : "vi";
        if (args[i].rfind("--lang=", 0) == 0) return args[i].substr(7) == "en" ? "en" : "vi";
    }
    return "vi";
}

std::string command_line_error(const po::error& e, const std::string& lang) {
    if (lang == "en") return e.what();
    std::string name;
    if (const auto* named = dynamic_cast<const po::error_with_option_name*>(&e)) name = named->get_option_name();
    auto quoted = [&] { return "'" + name + "'"; };
    if (dynamic_cast<const po::unknown_option*>(&e)) return "không có tùy chọn " + quoted();
    if (dynamic_cast<const po::ambiguous_option*>(&e))
        return "tùy chọn " + quoted() + " không rõ ràng: nó là đầu của nhiều tùy chọn";
    if (dynamic_cast<const po::multiple_occurrences*>(&e)) return "tùy chọn " + quoted() + " chỉ được dùng một lần";
    if (dynamic_cast<const po::required_option*>(&e)) {
        // The positional document of outline, citations and coverage.
        if (name == "--file") return "chưa chỉ ra tệp văn bản cần đọc";
        return "thiếu tham số bắt buộc " + quoted();
    }
    if (dynamic_cast<const po::too_many_positional_options_error*>(&e))
        return "thừa đối số: lệnh này nhận ít tệp hoặc giá trị hơn số đã cho";
    if (const auto* syntax = dynamic_cast<const po::invalid_command_line_syntax*>(&e)) {
        switch (syntax->kind()) {
            case po::invalid_syntax::missing_parameter: return "tùy chọn " + quoted() + " cần một giá trị";
            case po::invalid_syntax::extra_parameter: return "tùy chọn " + quoted() + " không nhận giá trị";
            case po::invalid_syntax::empty_adjacent_parameter:
                return "tùy chọn " + quoted() + " có giá trị rỗng";
            default: return "cú pháp dòng lệnh không hợp lệ ở " + quoted();
        }
    }
    if (const auto* bad = dynamic_cast<const po::validation_error*>(&e)) {
        switch (bad->kind()) {
            case po::validation_error::multiple_values_not_allowed:
                return "tùy chọn " + quoted() + " chỉ nhận một giá trị";
            case po::validation_error::at_least_one_value_required:
                return "tùy chọn " + quoted() + " cần ít nhất một giá trị";
            default: return "giá trị không hợp lệ cho tùy chọn " + quoted();
        }
    }
    if (!name.empty()) return "lỗi ở tùy chọn " + quoted() + ": " + e.what();
    return std::string("lỗi dòng lệnh: ") + e.what();
}

}  // namespace plancheck::cli
