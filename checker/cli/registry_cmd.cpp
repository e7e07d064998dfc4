// `plancheck registry lookup KEY` / `plancheck registry list`: the known
// documents of rules/registry/*.yaml (loading validates them).
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/utf8.h"
#include "extract/citation_scan.h"
#include "extract/dates.h"

namespace plancheck::cli {
namespace {

std::string date_or_dash(const Date& d) { return d.empty() ? "-" : extract::format_date(d); }

nlohmann::json reps_json(const std::vector<rules::Replacement>& reps) {
    auto a = nlohmann::json::array();
    for (const auto& r : reps)
        a.push_back({{"id", r.id}, {"effective", r.effective.empty() ? nlohmann::json(nullptr) : nlohmann::json(extract::format_date(r.effective))},
                     {"confidence", rules::to_string(r.confidence)}});
    return a;
}

nlohmann::json entry_json(const rules::RegistryEntry& e) {
    auto opt = [](const Date& d) { return d.empty() ? nlohmann::json(nullptr) : nlohmann::json(extract::format_date(d)); };
    return {{"id", e.id}, {"key", e.key}, {"type", e.type}, {"name", e.name}, {"date", opt(e.date)},
            {"date_confidence", rules::to_string(e.date_confidence)}, {"issuer", e.issuer},
            {"issuer_aliases", e.issuer_aliases}, {"title", e.title}, {"effective", opt(e.effective)},
            {"replaced_by", reps_json(e.replaced_by)}, {"replaces", reps_json(e.replaces)}, {"local", e.local},
            {"confidence", rules::to_string(e.confidence)}, {"source", e.source}, {"note", e.note},
            {"file", e.file}, {"line", e.line}};
}

void print_entry(std::ostream& os, const rules::RegistryEntry& e, bool en) {
    // Labels padded to one column (counted in code points, not bytes).
    auto label = [&](const char* eng, const char* vi) {
        std::string l = en ? eng : vi;
        const size_t column = en ? 13 : 19, width = utf8::count(l) + 1;
        return "  " + l + ":" + std::string(width < column ? column - width : 1, ' ');
    };
    auto from = [&](const rules::Replacement& r) {
        return r.id + (en ? " from " : " từ ") + date_or_dash(r.effective) + " (" + confidence_label(r.confidence, en) + ")";
    };
    os << e.id << "\n"
       << label("type", "loại") << e.type << (e.name.empty() ? "" : " " + e.name) << "\n"
       << label("key", "số, ký hiệu") << e.key << "\n"
       << label("date", "ngày ban hành") << date_or_dash(e.date)
       << (e.date.empty() ? "" : " (" + confidence_label(e.date_confidence, en) + ")") << "\n"
       << label("issuer", "cơ quan ban hành") << e.issuer << "\n";
    if (!e.title.empty()) os << label("title", "trích yếu") << e.title << "\n";
    os << label("effective", "hiệu lực từ") << date_or_dash(e.effective) << "\n";
    for (const auto& r : e.replaced_by) os << label("replaced by", "bị thay bởi") << from(r) << "\n";
    for (const auto& r : e.replaces) os << label("replaces", "thay thế") << from(r) << "\n";
    if (e.local)
        os << label("local", "địa phương")
           << (en ? "yes (matches only with its issuer)" : "có (chỉ khớp khi trích dẫn nêu cơ quan ban hành)") << "\n";
    os << label("confidence", "độ tin cậy") << confidence_label(e.confidence, en) << "\n"
       << label("source", "nguồn") << e.source << "\n";
    if (!e.note.empty()) os << label("note", "ghi chú") << e.note << "\n";
    os << label("defined at", "khai báo tại") << e.file << ":" << e.line << "\n";
}

}  // namespace

// How sure the registry is of a fact, in the reader's language (the JSON keeps
// the registry's own CONFIRMED / PARTLY CONFIRMED / SINGLE SOURCE).
std::string confidence_label(rules::Confidence c, bool en) {
    if (en) return rules::to_string(c);
    switch (c) {
        case rules::Confidence::Confirmed: return "đã xác nhận";
        case rules::Confidence::PartlyConfirmed: return "xác nhận một phần";
        case rules::Confidence::SingleSource: return "một nguồn";
    }
    return rules::to_string(c);
}

int cmd_registry(const Args& args) {
    static const char* kUsage =
        "Usage: plancheck registry lookup KEY [options]\n"
        "       plancheck registry list [options]\n\n"
        "The registry of known legal documents (rules/registry/*.yaml). `lookup` accepts the\n"
        "number-symbol in any case or accent form (1676/QĐ-TTg, 1676/qd-ttg) or a citation\n"
        "such as \"Quyết định số 1676/QĐ-TTg\". Loading validates the files; errors name file:line.";
    RuleOptions ro;
    std::string format = "text", action, key;
    po::options_description desc("Options");
    add_rule_options(desc, ro);
    desc.add_options()
        ("format,f", po::value(&format)->default_value("text"), "text or json")
        ("action", po::value(&action)->required(), "lookup or list")
        ("key", po::value(&key), "number-symbol for lookup");
    po::positional_options_description pos;
    pos.add("action", 1).add("key", 1);
    po::variables_map vm;
    int code = 0;
    if (!parse(args, desc, pos, vm, kUsage, code)) return code;
    if ((format != "text" && format != "json") || (action != "lookup" && action != "list") ||
        (action == "lookup" && key.empty())) {
        std::cerr << kUsage << "\n";
        return kExitUsage;
    }
    rules::RuleBook book;
    if (!load_rules(ro, book)) return kExitUsage;
    const rules::Registry& reg = *book.registry;
    std::vector<const rules::RegistryEntry*> found;
    if (action == "list") {
        for (const auto& e : reg.entries()) found.push_back(&e);
    } else {
        if (const auto* e = reg.by_id(key)) found.push_back(e);
        if (found.empty()) found = reg.by_key(key);
        if (found.empty()) {  // a citation as written: look up what it names
            for (const auto& c : extract::scan_citations(key)) {
                auto r = rules::resolve(reg, c);
                if (r.entry) found.push_back(r.entry);
                else if (!c.key.empty()) found = reg.by_key(c.key);
                if (!found.empty()) break;
            }
        }
        if (found.empty()) {
            std::cerr << "plancheck registry: "
                      << say("no known document '" + key + "' (" + std::to_string(reg.size()) +
                                 " documents in the registry)",
                             ro.lang)
                      << "\n";
            return kExitFindings;
        }
    }
    if (format == "json") {
        auto a = nlohmann::json::array();
        for (const auto* e : found) a.push_back(entry_json(*e));
        std::cout << (action == "lookup" && found.size() == 1 ? a[0] : a).dump(2) << "\n";
        return kExitClean;
    }
    if (action == "list") {
        for (const auto* e : found)
            std::cout << e->id << "\t" << e->type << "\t" << date_or_dash(e->date) << "\t" << e->issuer << "\t"
                      << confidence_label(e->confidence, ro.lang == "en")
                      << (e->replaced_by.empty() ? ""
                                                 : (ro.lang == "en" ? "\treplaced by " : "\tbị thay bởi ") +
                                                       e->replaced_by.front().id)
                      << "\n";
        return kExitClean;
    }
    for (const auto* e : found) print_entry(std::cout, *e, ro.lang == "en");
    return kExitClean;
}

}  // namespace plancheck::cli
