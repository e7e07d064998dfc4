// `plancheck citations FILE`: every citation the extractor found, with its
// parts, whether it is in the legal bases, and what the registry knows of it.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "extract/dates.h"
#include "pipeline/pipeline.h"

namespace plancheck::cli {
namespace {

struct Row {
    const Citation& c;
    Pos start, end;
    rules::Resolution res;
};

std::string status(const Row& r, bool en) {
    if (!r.res.entry) return en ? "unknown" : "chưa có trong danh mục";
    const auto& e = *r.res.entry;
    std::string s = (en ? "known: " : "đã biết: ") + e.id + " (" + confidence_label(e.confidence, en) + ")";
    for (const auto& rep : e.replaced_by)
        s += (en ? "; replaced by " : "; được thay thế bởi ") + rep.id +
             (rep.effective.empty() ? "" : (en ? " from " : " từ ") + extract::format_date(rep.effective));
    return s;
}

nlohmann::json to_json(const Row& r) {
    const Citation& c = r.c;
    nlohmann::json j = {
        {"line", r.start.line}, {"column", r.start.column}, {"end_line", r.end.line}, {"end_column", r.end.column},
        {"type", c.type}, {"type_written", c.type_written}, {"number", c.number}, {"symbol", c.symbol},
        {"key", c.key}, {"symbol_year", c.symbol_year}, {"party_form", c.party_form},
        {"date", c.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(extract::format_date(c.date))},
        {"issuer", c.issuer}, {"summary", c.summary}, {"name", c.name}, {"short_form", c.short_form},
        {"list_member", c.list_member}, {"in_bases", c.in_bases}, {"basis_item", c.basis_item},
        {"continued", c.continued}};
    if (r.res.entry) {
        const auto& e = *r.res.entry;
        j["registry"] = {{"id", e.id}, {"confidence", rules::to_string(e.confidence)}, {"by_form", r.res.by_form}};
        auto reps = nlohmann::json::array();
        for (const auto& rep : e.replaced_by)
            reps.push_back({{"id", rep.id}, {"effective", extract::format_date(rep.effective)}});
        j["registry"]["replaced_by"] = reps;
    } else {
        j["registry"] = nullptr;
    }
    return j;
}

std::vector<Row> rows_of(const pipeline::Analysis& a, const rules::RuleBook& book) {
    std::vector<Row> rows;
    for (const auto& c : a.model.citations) {
        const TextRef& last = c.continued ? c.tail : c.ref;
        rows.push_back({c, a.doc.blocks[c.ref.block].locate(c.ref.begin), a.doc.blocks[last.block].locate(last.end),
                        book.registry ? rules::resolve(*book.registry, c) : rules::Resolution{}});
    }
    return rows;
}

}  // namespace

nlohmann::json citations_json(const pipeline::Analysis& a, const rules::RuleBook& book) {
    auto arr = nlohmann::json::array();
    for (const auto& row : rows_of(a, book)) arr.push_back(to_json(row));
    return {{"path", a.doc.path}, {"citations", arr}};
}

int cmd_citations(const Args& args) {
    static const char* kUsage =
        "Usage: plancheck citations [options] FILE\n\n"
        "Lists every citation of a legal or Party document found in FILE: position, type,\n"
        "number, symbol, year, date, issuer, whether it is in the legal bases, and its\n"
        "status in the registry of known documents (rules/registry/).";
    int code = 0;
    auto doc = open_document(args, {"citations", kUsage, {"text", "json"}, false}, code);
    if (!doc) return code;
    const auto& ro = doc->ro;
    const auto& book = doc->book;
    const auto& a = doc->analysis;
    const std::string& format = doc->format;
    bool en = ro.lang == "en";
    if (format == "json") {
        std::cout << citations_json(*a, book).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return kExitClean;
    }
    const std::vector<Row> rows = rows_of(*a, book);
    for (const auto& row : rows) {
        const Citation& c = row.c;
        std::cout << a->doc.path << ":" << row.start.line << ":" << row.start.column << "-" << row.end.line << ":"
                  << row.end.column << "  " << std::string_view(a->doc.blocks[c.ref.block].text).substr(c.ref.begin, c.ref.end - c.ref.begin)
                  << (c.continued ? " …" : "") << "\n";
        std::cout << "    " << (en ? "type" : "loại") << ": " << (c.type.empty() ? "-" : c.type)
                  << (c.type_inferred ? (en ? " (from the symbol)" : " (theo ký hiệu)") : "")
                  << " | " << (en ? "number" : "số") << ": " << (c.number.empty() ? "-" : c.number)
                  << " | " << (en ? "symbol" : "ký hiệu") << ": " << (c.symbol.empty() ? "-" : c.symbol)
                  << " | " << (en ? "key" : "khóa") << ": " << (c.key.empty() ? "-" : c.key)
                  << " | " << (en ? "year" : "năm") << ": " << (c.symbol_year ? std::to_string(c.symbol_year) : "-")
                  << " | " << (en ? "date" : "ngày") << ": " << (c.date.empty() ? "-" : extract::format_date(c.date))
                  << "\n    " << (en ? "issuer" : "cơ quan ban hành") << ": " << (c.issuer.empty() ? "-" : c.issuer)
                  << (c.name.empty() ? "" : std::string(" | ") + (en ? "name" : "tên") + ": " + c.name)
                  << " | " << (c.in_bases ? (c.basis_item ? (en ? "legal basis" : "căn cứ") : (en ? "inside a basis" : "trong đoạn căn cứ"))
                                          : (en ? "body" : "nội dung"))
                  << (c.short_form ? (en ? ", short form" : ", dạng rút gọn") : "")
                  << "\n    " << (en ? "registry" : "danh mục") << ": " << status(row, en) << "\n";
    }
    if (rows.empty()) std::cout << (en ? "No citations found.\n" : "Không tìm thấy trích dẫn văn bản nào.\n");
    return kExitClean;
}

}  // namespace plancheck::cli
