#include "pipeline/suppress.h"

#include <algorithm>
#include <limits>

namespace plancheck::pipeline {

namespace {

constexpr uint32_t kEnd = std::numeric_limits<uint32_t>::max();
const char* kBasis = "plancheck: inline suppressions (docs/config.md)";

size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

// Where one name of one directive applies: lines from..to (inclusive), and
// the whole file (findings at line 0 too) when it is open before the first
// line of text to the end.
struct Scope {
    const Directive* directive;
    std::string name;  // "" = every rule
    uint32_t from = 0, to = 0;
    bool whole_file = false;
    size_t used = 0;
};

Diagnostic finding(const Directive& d, const char* rule, Severity sev, std::string message) {
    Diagnostic out;
    out.rule = out.category = rule;
    out.severity = sev;
    out.message = std::move(message);
    out.line = d.line;
    out.column = d.column ? d.column : 1;
    out.end_line = d.end_line ? d.end_line : d.line;
    out.end_column = d.end_column ? d.end_column : out.column + 1;
    if (out.end_line == out.line && out.end_column <= out.column) out.end_column = out.column + 1;
    out.excerpt = d.source;
    out.legal_basis = kBasis;
    return out;
}

std::string quoted(const std::string& s, bool en) { return en ? "'" + s + "'" : "“" + s + "”"; }

}  // namespace

std::string closest_name(const std::string& name, const std::vector<std::string>& known) {
    if (name.size() > 80) return {};  // no rule id is that long; and the distance costs its length
    std::string best;
    size_t best_d = std::string::npos;
    for (const auto& k : known)
        if (size_t d = edit_distance(name, k); d < best_d) best_d = d, best = k;
    return best_d <= std::max<size_t>(3, name.size() / 4) ? best : std::string();
}

void apply_directives(const SourceDocument& doc, const rules::RuleBook& book, std::vector<Diagnostic>& diags,
                      const std::string& lang) {
    if (doc.directives.empty()) return;
    const bool en = lang == "en";
    std::vector<std::string> known;
    for (const auto& s : book.sets)
        for (const auto& r : s.rules) known.push_back(r->meta().id);
    for (auto c : all_categories()) known.emplace_back(c);
    auto is_known = [&](const std::string& n) { return std::find(known.begin(), known.end(), n) != known.end(); };

    std::vector<uint32_t> text_lines;  // lines holding document text, sorted (a block may span several)
    for (const auto& b : doc.blocks)
        for (const auto& a : b.anchors)
            if (a.line > 0 && (text_lines.empty() || text_lines.back() != a.line)) text_lines.push_back(a.line);
    std::sort(text_lines.begin(), text_lines.end());
    text_lines.erase(std::unique(text_lines.begin(), text_lines.end()), text_lines.end());
    const uint32_t first_text = text_lines.empty() ? kEnd : text_lines.front();

    std::vector<Diagnostic> added;
    size_t suggestions = 0;  // closest names looked up: bounded, hostile documents hold thousands
    std::vector<Scope> scopes;
    std::vector<size_t> open;  // indexes into scopes of disables not yet closed
    for (const auto& d : doc.directives) {
        if (d.kind == Directive::Kind::Overflow) {
            std::string n = std::to_string(kMaxDirectives);
            added.push_back(finding(d, "suppression.unknown", Severity::Warning,
                                    en ? "More than " + n + " directives in one document: this one and those after it are not applied"
                                       : "Văn bản có hơn " + n + " chỉ thị: chỉ thị này và các chỉ thị sau không được áp dụng"));
            continue;
        }
        if (d.kind == Directive::Kind::Unknown) {
            static const std::vector<std::string> kWords = {"plancheck-disable", "plancheck-enable",
                                                            "plancheck-disable-next-line"};
            std::string best = closest_name(d.names.front(), kWords);
            std::string msg = en ? "Unknown directive " + quoted(d.names.front(), en) + " (plancheck-disable, plancheck-enable or plancheck-disable-next-line)"
                                 : "Chỉ thị không hợp lệ " + quoted(d.names.front(), en) + " (plancheck-disable, plancheck-enable hoặc plancheck-disable-next-line)";
            if (!best.empty()) msg += en ? "; did you mean " + quoted(best, en) + "?" : "; có phải là " + quoted(best, en) + "?";
            added.push_back(finding(d, "suppression.unknown", Severity::Warning, msg));
            continue;
        }
        std::vector<std::string> names;
        for (const auto& n : d.names) {
            if (is_known(n)) {
                names.push_back(n);
                continue;
            }
            std::string best = ++suggestions <= 32 ? closest_name(n, known) : std::string();
            std::string msg = en ? "The directive " + quoted(d.text, en) + " names " + quoted(n, en) + ", which is no rule or category"
                                 : "Chỉ thị " + quoted(d.text, en) + " nêu " + quoted(n, en) + ", không phải quy tắc hay nhóm lỗi nào";
            if (!best.empty()) msg += en ? "; did you mean " + quoted(best, en) + "?" : "; có phải là " + quoted(best, en) + "?";
            msg += en ? " (`plancheck rules list` lists them)" : " (xem `plancheck rules list`)";
            added.push_back(finding(d, "suppression.unknown", Severity::Warning, msg));
        }
        if (!d.names.empty() && names.empty()) continue;  // every name was wrong: nothing to apply
        if (d.names.empty()) names.push_back("");
        if (d.kind == Directive::Kind::Enable) {
            for (auto it = open.begin(); it != open.end();) {
                auto& s = scopes[*it];
                if (names.front().empty() || std::find(names.begin(), names.end(), s.name) != names.end()) {
                    s.to = d.line > 0 ? d.line - 1 : 0;
                    it = open.erase(it);
                } else {
                    ++it;
                }
            }
            continue;
        }
        for (const auto& n : names) {
            Scope s{&d, n};
            if (d.anchored) {
                s.from = d.first_line, s.to = d.last_line;
            } else if (d.kind == Directive::Kind::DisableNextLine) {
                auto next = std::upper_bound(text_lines.begin(), text_lines.end(), d.end_line);
                s.from = s.to = next == text_lines.end() ? 0 : *next;
            } else {
                s.from = d.end_line + 1, s.to = kEnd;
                s.whole_file = d.line < first_text;
                open.push_back(scopes.size());
            }
            scopes.push_back(std::move(s));
        }
    }
    for (size_t k : open) scopes[k].to = kEnd;
    for (auto& s : scopes)  // closed before the end: not the whole file after all
        if (s.to != kEnd) s.whole_file = false;

    for (auto& diag : diags) {
        if (diag.category == "input.unreadable" || diag.suppressed) continue;
        for (auto& s : scopes) {
            if (!s.name.empty() && s.name != diag.rule && s.name != diag.category) continue;
            bool inside = diag.line == 0 ? s.whole_file : (s.from > 0 && diag.line >= s.from && diag.line <= s.to);
            if (!inside) continue;
            diag.suppressed = true;
            diag.suppressed_by = s.directive->text;
            diag.suppressed_line = s.directive->line;
            ++s.used;
            break;
        }
    }
    for (const auto& s : scopes) {
        if (s.used) continue;
        const Directive& d = *s.directive;
        std::string what = s.name.empty() ? (en ? "no finding" : "phát hiện nào")
                                          : (en ? "no finding of " : "phát hiện nào của ") + quoted(s.name, en);
        std::string msg = en ? "The directive " + quoted(d.text, en) + " suppresses " + what + ": it can be removed"
                             : "Chỉ thị " + quoted(d.text, en) + " không bỏ qua " + what + ": có thể xoá chỉ thị này";
        if (d.kind == Directive::Kind::DisableNextLine && s.from == 0)
            msg = en ? "The directive " + quoted(d.text, en) + " has no line of text after it"
                     : "Chỉ thị " + quoted(d.text, en) + " không có dòng văn bản nào sau nó";
        added.push_back(finding(d, "suppression.unused", Severity::Info, msg));
    }
    for (auto& a : added) diags.push_back(std::move(a));
    sort_diagnostics(diags);
}

}  // namespace plancheck::pipeline
