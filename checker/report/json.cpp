#include <cmath>
#include <nlohmann/json.hpp>

#include "report/report.h"

namespace plancheck::report {

nlohmann::json to_json(const Diagnostic& d) {
    nlohmann::json j = {
        {"rule", d.rule},         {"category", d.category},
        {"severity", std::string(to_string(d.severity))},
        {"message", d.message},   {"line", d.line},
        {"column", d.column},     {"end_line", d.end_line},
        {"end_column", d.end_column}, {"excerpt", d.excerpt},
        {"legal_basis", d.legal_basis},
    };
    if (d.fix) j["fix"] = {{"replacement", d.fix->replacement}};
    if (d.page > 0) j["page"] = d.page;  // PDF, and .docx where the file records page breaks (additive)
    if (d.page_line > 0) j["page_line"] = d.page_line;  // PDF only (additive)
    if (!d.context.empty()) j["context"] = d.context;  // .docx only (additive)
    if (d.suppressed) {  // additive: switched off by an inline directive (docs/config.md)
        j["suppressed"] = true;
        j["suppression"] = {{"directive", d.suppressed_by}, {"line", d.suppressed_line}};
    }
    return j;
}

namespace {

// `j` dumped with an indent of 2, every line after the first shifted right by
// `shift` spaces: pieces printed this way read as one document dumped whole.
void dump_nested(std::ostream& os, const nlohmann::json& j, size_t shift) {
    std::string text = j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string pad(shift, ' ');
    size_t from = 0;
    for (size_t nl; (nl = text.find('\n', from)) != std::string::npos; from = nl + 1)
        os.write(text.data() + from, static_cast<std::streamsize>(nl + 1 - from)) << pad;
    os.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
}

}  // namespace

// The file's object as nlohmann would dump it whole (keys sorted:
// diagnostics, format, path), one diagnostic at a time: a report with 10,000
// findings held their JSON objects and its text three times over.
void write_json_file(std::ostream& os, const FileReport& f, bool first) {
    auto scalar = [](const std::string& v) {
        return nlohmann::json(v).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    };
    os << (first ? "\n    {\n" : ",\n    {\n") << "      \"diagnostics\": [";
    for (size_t i = 0; i < f.diagnostics.size(); ++i) {
        os << (i ? ",\n        " : "\n        ");
        dump_nested(os, to_json(f.diagnostics[i]), 8);
    }
    os << (f.diagnostics.empty() ? "],\n" : "\n      ],\n");
    os << "      \"format\": " << scalar(f.format) << ",\n";
    os << "      \"path\": " << scalar(f.path) << "\n    }";
}

void write_json_not_checked(std::ostream& os, const Options& opts) {
    if (opts.not_checked.empty()) return;
    nlohmann::json list = nlohmann::json::array();
    for (const auto& n : opts.not_checked) list.push_back({{"path", n.path}, {"reason", n.reason}});
    os << "  \"not_checked\": ";
    dump_nested(os, list, 2);
    os << ",\n";
}

// "near_copies": [{"files": [{"path","date","share"}, ...], "earlier", "shared_words",
// "passages", "passage"}], present only when there are some (batch-level, additive).
void write_json_near_copies(std::ostream& os, const Options& opts) {
    if (opts.near_copies.empty()) return;
    nlohmann::json list = nlohmann::json::array();
    for (const auto& nc : opts.near_copies) {
        nlohmann::json files = nlohmann::json::array();
        for (const auto* sd : {&nc.a, &nc.b})
            files.push_back({{"path", sd->path},
                             {"date", sd->date.empty() ? nlohmann::json() : nlohmann::json(sd->date)},
                             {"share", std::round(sd->share * 1000) / 1000}});
        list.push_back({{"files", files},
                        {"earlier", nc.dated ? nlohmann::json(nc.a.path) : nlohmann::json()},
                        {"shared_words", nc.shared_words},
                        {"passages", nc.passages},
                        {"passage", nc.passage}});
    }
    os << "  \"near_copies\": ";
    dump_nested(os, list, 2);
    os << ",\n";
}

void write_json_summary(std::ostream& os, const Summary& s) {
    nlohmann::json js = {{"files", s.files},   {"unreadable", s.unreadable}, {"clean", s.clean},
                         {"errors", s.errors}, {"warnings", s.warnings},     {"infos", s.infos},
                         {"by_category", s.by_category}};
    if (s.not_checked) js["not_checked"] = s.not_checked;
    if (s.suppressed) js["suppressed"] = s.suppressed;
    os << "  \"summary\": ";
    dump_nested(os, js, 2);
}

// {"files": [...], "summary": {...}}, keys in nlohmann's (sorted) order.
void write_json(std::ostream& os, const std::vector<FileReport>& files, const Options& opts) {
    Stream out(os, "json", opts);
    for (const auto& f : files) out.add(f);
    out.finish();
}

}  // namespace plancheck::report
