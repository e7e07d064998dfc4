// A report against its plan: identities, the plan's citation, horizon and
// period, figures and the progress table (docs/progress.md).
#include "extract/progress.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <set>
#include <unordered_set>

#include "core/string_hash.h"
#include "core/utf8.h"
#include "extract/dates.h"
#include "extract/extract.h"
#include "extract/scan.h"


namespace plancheck::extract {

namespace {

std::string joined(const SourceDocument& doc, const std::vector<uint32_t>& blocks) {
    std::string out;
    for (uint32_t b : blocks) {
        if (b >= doc.blocks.size()) continue;
        if (!out.empty()) out += ' ';
        out += utf8::trim(doc.blocks[b].text);
    }
    return out;
}

uint32_t line_of(const Model& m, const TextRef& r) {
    if (r.block >= m.doc->blocks.size()) return 0;
    return m.doc->blocks[r.block].locate(r.begin).line;
}

const std::unordered_set<std::string, StringHash, std::equal_to<>>& stopwords() {
    static const std::unordered_set<std::string, StringHash, std::equal_to<>> s = {
        "va", "cua", "cac", "nhung", "duoc", "ve", "trong", "den", "nam", "dat", "phan", "dau", "khoang",
        "la", "co", "cho", "voi", "tu", "theo", "da", "so", "ty", "le", "tren", "toi", "thieu", "it", "nhat",
        "moi", "hang", "hon", "cung", "nay", "do", "tai", "o", "mot", "khong", "duoi", "ca", "deu", "tat",
        "xa", "huyen", "tinh", "thi", "phuong", "dia", "ban", "don", "vi", "co", "quan", "nhu", "sau", "ra",
        "the", "thuc", "hien", "ket", "qua", "tong", "chi", "tieu", "muc", "so", "sanh", "bao", "gom"};
    return s;
}

std::vector<std::string> content_words(std::string_view text) {
    std::string f = utf8::fold(text);
    std::vector<std::string> out;
    size_t i = 0;
    while (i < f.size()) {
        while (i < f.size() && !std::isalpha(static_cast<unsigned char>(f[i]))) ++i;
        size_t j = i;
        while (j < f.size() && std::isalnum(static_cast<unsigned char>(f[j]))) ++j;
        if (j > i) {
            std::string_view w = std::string_view(f).substr(i, j - i);
            bool digits = std::any_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
            // First occurrence only (a clause has a few dozen words: a scan beats a set).
            if (!digits && !stopwords().count(w) && std::find(out.begin(), out.end(), w) == out.end())
                out.emplace_back(w);
        }
        i = j;
    }
    return out;
}

// The next number at or after `from` that may be a count: 1-6 digits, or
// 1-3 digits and groups of three after '.' or ',' ("80.639"), not glued to a
// digit, '.', ',', '/', '%' or '-' before it (a date, a share, a code), and
// followed by spaces or tabs ("45 người"). [begin, end) is the number, `after`
// is past its spacing. As the pattern
// (^|[^0-9.,/%-])([0-9]{1,3}(?:[.,][0-9]{3})+|[0-9]{1,6})[ \t]+ searched from
// `from` would find it, without a regular expression's captures (a fifth of
// the figure check).
struct NumberAt {
    size_t begin, end, after;
};
std::optional<NumberAt> next_count_number(std::string_view t, size_t from) {
    auto digit = [&](size_t i) { return i < t.size() && t[i] >= '0' && t[i] <= '9'; };
    auto space = [&](size_t i) { return i < t.size() && (t[i] == ' ' || t[i] == '\t'); };
    auto glue = [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '/' || c == '%' || c == '-'; };
    for (size_t s = from; s < t.size(); ++s) {
        if (!digit(s)) continue;
        // The character before the number is part of the match: at or after `from`.
        if (s == 0 ? from != 0 : (s - 1 < from || glue(t[s - 1]))) continue;
        size_t r = s;
        while (digit(r)) ++r;
        size_t end = std::string_view::npos;
        if (r - s <= 3) {  // grouped thousands, greedily; fewer groups never end in a space
            size_t p = r;
            while (p < t.size() && (t[p] == '.' || t[p] == ',') && digit(p + 1) && digit(p + 2) && digit(p + 3)) p += 4;
            if (p > r && space(p)) end = p;
        }
        if (end == std::string_view::npos && r - s <= 6 && space(r)) end = r;
        if (end == std::string_view::npos) {
            s = r - 1;  // no later start inside this run of digits (each is glued to a digit)
            continue;
        }
        size_t after = end;
        while (space(after)) ++after;
        return NumberAt{s, end, after};
    }
    return std::nullopt;
}

// The first comma in t[from, to) that separates words, not the decimal comma of "6,4".
size_t separating_comma(std::string_view t, size_t from, size_t to) {
    for (size_t i = from; i < to && i < t.size(); ++i) {
        if (t[i] != ',') continue;
        bool digits = i > 0 && i + 1 < t.size() && std::isdigit(static_cast<unsigned char>(t[i - 1])) &&
                      std::isdigit(static_cast<unsigned char>(t[i + 1]));
        if (!digits) return i;
    }
    return std::string_view::npos;
}

// On text already folded (utf8::fold): the phrase as whole words inside it,
// or at its end. Figures fold their lead once and test it many times.
bool has_words(std::string_view f, std::string_view p) {
    for (size_t at = f.find(p); at != std::string_view::npos; at = f.find(p, at + 1))
        if ((at == 0 || f[at - 1] == ' ') && (at + p.size() == f.size() || f[at + p.size()] == ' ')) return true;
    return false;
}
bool ends_with_words(std::string_view f, std::string_view p) {
    return f.size() >= p.size() && f.substr(f.size() - p.size()) == p &&
           (f.size() == p.size() || f[f.size() - p.size() - 1] == ' ');
}

// The lead before a value (folded) says it is a target, not a result.
bool target_lead_folded(std::string_view lead) {
    for (const char* p : {"phan dau", "muc tieu", "chi tieu", "ke hoach de ra", "ke hoach giao", "de ra"})
        if (has_words(lead, p)) return true;
    return false;
}

// A condition, not a result: "trường hợp đạt 100% thì ...", "nếu đạt 95%".
bool condition_lead_folded(std::string_view lead) {
    for (const char* p : {"truong hop", "neu", "khi", "duoi"})
        if (has_words(lead, p)) return true;
    return false;
}

// A change ("tăng 5%", "5% so với"): `lead` folded, `after` as written.
bool change_around_folded(std::string_view lead, std::string_view after) {
    for (const char* p : {"tang", "giam", "tang them", "vuot", "tang len", "giam xuong", "tang so", "bang"})
        if (ends_with_words(lead, p)) return true;
    std::string f = utf8::fold(after.substr(0, std::min<size_t>(after.size(), 24)));
    return f.rfind("so voi", 0) == 0 || f.rfind("so cung ky", 0) == 0;
}

// Counted nouns a plan sets a number of and a report gives the number of.
const std::vector<std::string>& count_units() {
    static const std::vector<std::string> u = {
        "hội nghị", "lớp tập huấn", "lớp", "buổi", "tin, bài", "tin bài", "tin", "bài viết", "bài", "lượt người",
        "lượt", "phóng sự", "chuyên mục", "tờ gấp", "tờ rơi", "băng rôn", "pa nô", "cuộc", "hộ gia đình",
        "doanh nghiệp", "người"};
    return u;
}

// Vietnamese style (1.234,5) unless the document writes 1,234.5.
bool comma_decimal(const SourceDocument& doc) {
    static const RE2 dot_thousands("[0-9]\\.[0-9]{3}(?:[^0-9]|$)"), comma_small("[0-9],[0-9]{1,2}(?:[^0-9]|$)");
    static const RE2 comma_thousands("[0-9],[0-9]{3}(?:[^0-9]|$)"), dot_small("[0-9]\\.[0-9]{1,2}(?:[^0-9.]|$)");
    int vn = 0, en = 0;
    for (const auto& b : doc.blocks) {
        if (!has_digit(b.text)) continue;
        vn += RE2::PartialMatch(b.text, dot_thousands) + RE2::PartialMatch(b.text, comma_small);
        en += RE2::PartialMatch(b.text, comma_thousands) + RE2::PartialMatch(b.text, dot_small);
    }
    return vn >= en;
}

std::optional<double> parse_count(std::string s, bool vn) {
    if (vn) {
        s.erase(std::remove(s.begin(), s.end(), '.'), s.end());
        std::replace(s.begin(), s.end(), ',', '.');
    } else {
        s.erase(std::remove(s.begin(), s.end(), ','), s.end());
    }
    try {
        return std::stod(s);
    } catch (...) {
        return std::nullopt;
    }
}

std::string section_label(const Model& m, uint32_t block) {
    std::vector<std::string> parts;
    for (int s = section_at(m.outline, block); s >= 0; s = m.outline.sections[static_cast<size_t>(s)].parent) {
        std::string l = m.outline.sections[static_cast<size_t>(s)].label;
        while (!l.empty() && (l.back() == '.' || l.back() == ')' || l.back() == ' ')) l.pop_back();
        if (!l.empty() && l != "-" && l != "+" && l != "–") parts.push_back(l);
    }
    std::reverse(parts.begin(), parts.end());
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ".") + p;
    return out;
}

std::string clause_text(const Model& m, const TextRef& r) {
    return std::string(utf8::trim(m.text(r)));
}

// What a figure measures, for people: the clause without its list dash, its
// year lead ("Đến năm 2025,") and target verbs, the value's place marked "…".
std::string display_subject(std::string_view subject) {
    std::string s(utf8::trim(subject));
    while (!s.empty() && (s[0] == '-' || s[0] == '+' || s[0] == '*' || s[0] == ' ')) s.erase(0, 1);
    static const RE2 lead("(?i)^(?:(?:đến|tới|trong|hằng|hàng|cuối)\\s+(?:năm\\s+(?:(?:19|20)[0-9]{2})?|năm)\\s*,?\\s*)?(?:phấn đấu|đạt|có)?\\s*");
    re2::StringPiece in(s);
    if (RE2::Consume(&in, lead)) s = std::string(in.data(), in.size());
    // "phấn đấu" as typed, also misspelt ("phân đầu"): compare folded.
    for (const char* verb : {"phan dau ", "dat "}) {
        size_t cut = 0, words = 0, want = std::string(verb) == "dat " ? 1 : 2;
        while (cut < s.size() && words < want) {
            size_t sp = s.find(' ', cut);
            if (sp == std::string::npos) break;
            cut = sp + 1, ++words;
        }
        if (words == want && utf8::fold(s.substr(0, cut)) + " " == verb) s.erase(0, cut);
    }
    for (const char* verb : {" phấn đấu …", " đạt …", " là …", " có …"}) {
        auto k = s.find(verb);
        if (k != std::string::npos && k + std::strlen(verb) == s.find("…") + std::strlen("…")) s.replace(k, std::strlen(verb), " …");
    }
    if (s.rfind("…", 0) == 0) s = std::string(utf8::trim(std::string_view(s).substr(std::strlen("…"))));
    return s;
}

bool is_objectives_title(std::string_view title) {
    std::string f = utf8::fold(title);
    return f.find("muc tieu") != std::string::npos || f.find("chi tieu") != std::string::npos;
}

}  // namespace

DocIdentity identity_of(const Model& m) {
    DocIdentity id;
    const auto& h = m.outline.header;
    const auto& doc = *m.doc;
    if (h.number && *h.number < doc.blocks.size()) {
        static const RE2 re("(?i)s[ốô]\\s*:?\\s*([0-9]*)\\s*/\\s*([^\\s,;]+)");
        std::string num, sym;
        if (RE2::PartialMatch(doc.blocks[*h.number].text, re, &num, &sym)) {
            id.number = num;
            while (!sym.empty() && (sym.back() == '.' || sym.back() == ')')) sym.pop_back();
            id.symbol = sym;
        }
        id.number_line = doc.blocks[*h.number].line();
    }
    if (h.place_date && *h.place_date < doc.blocks.size()) {
        id.date = parse_place_date(doc.blocks[*h.place_date].text);
        id.date_line = doc.blocks[*h.place_date].line();
    }
    id.agency = joined(doc, h.agency);
    id.title = joined(doc, h.title);
    return id;
}

std::string identity_name(const char* type, const DocIdentity& id) {
    std::string s = type;
    if (!id.number.empty() || !id.symbol.empty()) s += " số " + id.number + "/" + id.symbol;
    if (id.date.complete())
        s += " ngày " + std::to_string(id.date.day) + "/" + std::to_string(id.date.month) + "/" + std::to_string(id.date.year);
    else if (id.date.year)
        s += (id.date.month ? " tháng " + std::to_string(id.date.month) : std::string()) + " năm " + std::to_string(id.date.year);
    return s;
}

std::vector<int> plan_citations(const Model& r) {
    const auto& o = r.outline;
    std::set<uint32_t> title(o.header.title.begin(), o.header.title.end());
    std::vector<int> in_title, early;
    // The opening: the bases and the paragraphs before the first numbered part
    // (a plan mentioned inside the report's items is not the one it reports on).
    uint32_t opening_end = std::min<uint32_t>(o.body_end, o.body_begin + 2);
    if (!o.sections.empty()) opening_end = std::min(opening_end, o.sections.front().block);
    for (size_t i = 0; i < r.citations.size(); ++i) {
        const Citation& c = r.citations[i];
        if (c.type != "Kế hoạch" && c.type != "Chương trình") continue;
        if (c.number.empty() || c.symbol.empty()) continue;
        if (title.count(c.ref.block)) in_title.push_back(static_cast<int>(i));
        else if (c.basis_item || (c.ref.block >= o.body_begin && c.ref.block < opening_end))
            early.push_back(static_cast<int>(i));
    }
    in_title.insert(in_title.end(), early.begin(), early.end());
    return in_title;
}

namespace {
// The words that name a body: "Ủy ban nhân dân xã Tân Phú" and "UBND XÃ TÂN PHÚ".
std::vector<std::string> body_words(std::string_view s) {
    std::string f = " " + utf8::fold(s) + " ";
    for (auto [abbr, full] : {std::pair<const char*, const char*>{" ubnd ", " uy ban nhan dan "},
                              {" hdnd ", " hoi dong nhan dan "}, {" bhxh ", " bao hiem xa hoi "}}) {
        for (size_t k; (k = f.find(abbr)) != std::string::npos;) f.replace(k, std::strlen(abbr), full);
    }
    std::vector<std::string> out;
    size_t i = 0;
    while (i < f.size()) {
        while (i < f.size() && f[i] == ' ') ++i;
        size_t j = f.find(' ', i);
        if (j == std::string::npos) j = f.size();
        if (j > i) out.push_back(f.substr(i, j - i));
        i = j;
    }
    return out;
}
// Shares the proper name of a body (the words after the generic ones).
bool same_body(std::string_view a, std::string_view b) {
    static const std::set<std::string> generic = {"uy", "ban", "nhan", "dan", "hoi", "dong", "so", "phong", "xa",
                                                  "huyen", "tinh", "thanh", "pho", "quan", "phuong", "thi", "tran",
                                                  "bao", "hiem", "cua", "va", "tm", "cong", "an", "ban"};
    auto wa = body_words(a), wb = body_words(b);
    std::set<std::string> sb(wb.begin(), wb.end());
    int shared = 0, named = 0;
    for (const auto& w : wa) {
        if (generic.count(w)) continue;
        ++named;
        shared += sb.count(w) > 0;
    }
    return named > 0 && shared * 2 >= named;
}
}  // namespace

std::string number_key(std::string_view number) {
    std::string out;
    for (char c : number)
        if (c >= '0' && c <= '9') out += c;
    while (out.size() > 1 && out[0] == '0') out.erase(0, 1);
    return out;
}

std::string symbol_key(std::string_view symbol) {
    std::string out;
    for (char c : utf8::fold(symbol))
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;  // fold gives lower case
    return out;
}

int pairing_score(const Model& report, const Citation& c, const DocIdentity& plan) {
    if (plan.symbol.empty() || symbol_key(c.symbol) != symbol_key(plan.symbol)) return 0;
    int score = 1;
    bool number = !plan.number.empty() && number_key(c.number) == number_key(plan.number);
    if (!plan.number.empty() && !number) return 0;
    if (number) score += 4;
    bool date_known = c.date.year && plan.date.year;
    bool same_date = date_known && c.date.year == plan.date.year &&
                     (!c.date.month || !plan.date.month || c.date.month == plan.date.month) &&
                     (!c.date.day || !plan.date.day || c.date.day == plan.date.day);
    if (same_date) score += 2;
    else if (date_known && !number) return 0;  // a blank number: the date must agree
    else if (date_known && c.date.year != plan.date.year) score -= 1;
    std::string issuer = c.issuer.empty() ? joined(*report.doc, report.outline.header.agency) : c.issuer;
    if (!issuer.empty() && !plan.agency.empty()) {
        if (same_body(issuer, plan.agency) || same_body(plan.agency, issuer)) score += 2;
        else score -= 2;
    }
    if (!number && !same_date) return 0;
    return std::max(score, 1);
}

namespace {
const RE2& range_re() {
    static const RE2 re("((?:19|20)[0-9]{2})\\s*[-–—]\\s*((?:19|20)[0-9]{2})");
    return re;
}
const RE2& year_re() {
    static const RE2 re("(?i)năm\\s+((?:19|20)[0-9]{2})");
    return re;
}
std::pair<int, int> years_in_title(std::string_view t) {
    int a = 0, b = 0;
    if (RE2::PartialMatch(t, range_re(), &a, &b) && a <= b) return {a, b};
    re2::StringPiece in(t.data(), t.size());
    int y = 0, last = 0;
    while (RE2::FindAndConsume(&in, year_re(), &y)) last = y;
    return {last, last};
}
}  // namespace

std::pair<int, int> plan_horizon(const Model& p) {
    auto [a, b] = years_in_title(joined(*p.doc, p.outline.header.title));
    if (a && a != b) return {a, b};
    int from = a, to = b;
    auto widen = [&](int x, int y) {
        if (!x) return;
        from = from ? std::min(from, x) : x;
        to = std::max(to, y ? y : x);
    };
    for (const auto& ph : p.phases)
        if (ph.roadmap || ph.in_title) widen(ph.from, ph.to);
    for (const auto& o : p.objectives) widen(o.year, o.year);
    if (p.issue_date.year) widen(p.issue_date.year, p.issue_date.year);
    return {from, to};
}

std::pair<int, int> report_period(const Model& r) {
    auto t = years_in_title(joined(*r.doc, r.outline.header.title));
    if (t.first) return t;
    if (r.issue_date.year) return {r.issue_date.year, r.issue_date.year};
    return {0, 0};
}

// "19xx" or "20xx" somewhere in `s`.
bool has_year_digits(std::string_view s) {
    for (size_t at = s.find_first_of("12"); at != std::string_view::npos && at + 4 <= s.size();
         at = s.find_first_of("12", at + 1))
        if (((s[at] == '1' && s[at + 1] == '9') || (s[at] == '2' && s[at + 1] == '0')) && std::isdigit(static_cast<unsigned char>(s[at + 2])) &&
            std::isdigit(static_cast<unsigned char>(s[at + 3])))
            return true;
    return false;
}

std::vector<Figure> figures_of(const Model& m) {
    if (m.figures) return m.figures->all;
    std::vector<Figure> out;
    each_figure(m, [&](Figure&& f) { out.push_back(std::move(f)); });
    return out;
}

void keep_figures(Model& m) {
    if (m.figures) return;
    auto list = std::make_shared<FigureList>();
    // Past kMaxKeptFigures nothing is held: a 2 MB report states tens of
    // thousands, and holding them all only to drop them set a worker's peak.
    bool over = false;
    each_figure(m, [&](Figure&& f) {
        if (over) return;
        if (list->all.size() == kMaxKeptFigures) {
            over = true;
            std::vector<Figure>().swap(list->all);
            return;
        }
        list->all.push_back(std::move(f));
    });
    if (!over) m.figures = std::move(list);
}

void each_figure(const Model& m, const std::function<void(Figure&&)>& emit, bool results_only) {
    const auto& doc = *m.doc;
    // A figure stated as a target, a change or a condition, or in a table: not
    // a result (results_only leaves it out before its words are taken).
    auto not_result = [&](const Figure& f) {
        return results_only && (f.target || f.change || f.condition || doc.blocks[f.ref.block].in_table);
    };
    if (m.figures) {
        // The same figures, kept: not_result needs none of what it leaves out.
        for (const Figure& kept : m.figures->all) {
            if (not_result(kept)) continue;
            Figure f = kept;
            emit(std::move(f));
        }
        return;
    }
    for (const auto& o : m.objectives) {
        Figure f;
        f.kind = "share";
        f.value = o.value;
        f.unit = "%";
        f.year = o.year;
        f.ref = o.ref;
        f.sentence = o.sentence;
        f.at_least = o.at_least;
        std::string_view t = doc.blocks[o.ref.block].text;
        std::string_view lead = t.substr(o.sentence.begin, o.ref.begin - o.sentence.begin);
        std::string_view after = t.substr(o.ref.end, o.sentence.end > o.ref.end ? o.sentence.end - o.ref.end : 0);
        std::string folded_lead = utf8::fold(lead);
        f.target = target_lead_folded(folded_lead);
        f.change = change_around_folded(folded_lead, after);
        f.condition = condition_lead_folded(folded_lead);
        if (not_result(f)) continue;
        f.subject = subject_of(doc, o);
        f.words = content_words(f.subject);
        emit(std::move(f));
    }
    bool vn = comma_decimal(doc);
    // A count's subject is its clause up to the next count of the clause: with
    // two counts in one clause ("Có 40 doanh nghiệp được kiểm tra, trong đó 7
    // doanh nghiệp chậm đóng"), the first ends at the comma before the other
    // (or at the other), so the two have different subjects and the second is
    // not taken for the first said again.
    struct Count {
        size_t nb, after;  // the number's start; just past the number and its spacing
        const std::string* unit;
        double value;
        size_t cb, ce;     // its clause
    };
    std::vector<Count> counts;
    for (uint32_t b = m.outline.body_begin; b < m.outline.body_end && b < doc.blocks.size(); ++b) {
        std::string_view t = doc.blocks[b].text;
        if (!has_digit(t)) continue;
        size_t pos = 0;
        counts.clear();
        while (pos < t.size()) {
            auto num = next_count_number(t, pos);
            if (!num) break;
            const size_t nb = num->begin, ne = num->end, after = num->after;
            pos = ne;
            std::string rest = utf8::lower(t.substr(after, 40));
            const std::string* unit = nullptr;
            for (const auto& u : count_units())
                if (rest.rfind(u, 0) == 0 && (rest.size() == u.size() || !std::isalpha(static_cast<unsigned char>(rest[u.size()])))) {
                    unit = &u;
                    break;
                }
            if (!unit) continue;
            // Dates and references: "ngày 12", "số 45", "Điều 5" before the number.
            std::string before = utf8::fold(t.substr(nb >= 12 ? nb - 12 : 0, nb >= 12 ? 12 : nb));
            if (ends_with_words(before, "ngay") || ends_with_words(before, "so") || ends_with_words(before, "thang") ||
                ends_with_words(before, "nam") || ends_with_words(before, "dieu") || ends_with_words(before, "khoan"))
                continue;
            auto v = parse_count(std::string(t.substr(nb, ne - nb)), vn);
            if (!v) continue;
            auto [cb, ce] = clause_around(t, nb);
            counts.push_back({nb, after, unit, *v, cb, ce});
        }
        for (size_t k = 0; k < counts.size(); ++k) {
            const Count& c = counts[k];
            const size_t nb = c.nb, after = c.after, cb = c.cb, ce = c.ce;
            const size_t end = after + c.unit->size();
            // What follows it ends at the comma before the next count of the
            // clause, or at that count; its lead is the clause's (the actor).
            size_t se = ce;
            if (k + 1 < counts.size() && counts[k + 1].cb == cb) {
                size_t next = counts[k + 1].nb;
                size_t comma = separating_comma(t, end, next);
                se = comma != std::string_view::npos ? comma : next;
            }
            Figure f;
            f.kind = "count";
            f.value = c.value;
            f.unit = *c.unit;
            f.ref = {b, static_cast<uint32_t>(nb), static_cast<uint32_t>(end)};
            f.sentence = {b, static_cast<uint32_t>(cb), static_cast<uint32_t>(ce)};
            std::string_view lead = t.substr(cb, nb - cb);
            std::string folded_lead = utf8::fold(lead);
            f.target = target_lead_folded(folded_lead);
            f.change = change_around_folded(folded_lead, t.substr(end));
            f.condition = condition_lead_folded(folded_lead);
            if (not_result(f)) continue;
            f.subject = std::string(utf8::trim(t.substr(cb, ce - cb)));
            f.words = content_words(std::string(lead) + " " +
                                    std::string(t.substr(after, se > after ? se - after : 0)));
            f.at_least = ends_with_words(folded_lead, "it nhat") || ends_with_words(folded_lead, "toi thieu") ||
                         ends_with_words(folded_lead, "tren");
            static const RE2 due("(?i)(?:đến|trong|vào|cuối|hết)\\s+năm\\s+((?:19|20)[0-9]{2})");
            int y = 0;
            std::string_view clause = t.substr(cb, ce - cb);
            // Both patterns end in a year 19xx or 20xx: none in the clause, no match.
            if (has_year_digits(clause)) {
                re2::StringPiece cp(clause.data(), clause.size());
                if (RE2::PartialMatch(cp, due, &y)) f.year = y;
                else if (RE2::PartialMatch(cp, year_re(), &y)) f.year = y;
            }
            emit(std::move(f));
        }
    }
}

double subject_similarity(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() || b.empty()) return 0;
    std::set<std::string> sb(b.begin(), b.end());
    size_t shared = 0;
    for (const auto& w : a) shared += sb.count(w);
    return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size());
}

PlanTargets plan_targets(const Model& plan) {
    PlanTargets p;
    p.path = plan.doc->path;
    p.identity = identity_of(plan);
    std::tie(p.horizon_from, p.horizon_to) = plan_horizon(plan);
    // The plan's targets: the figures under its objectives (the whole body if
    // it has no such part), not changes.
    bool has_obj = std::any_of(plan.outline.sections.begin(), plan.outline.sections.end(),
                               [](const Section& s) { return is_objectives_title(s.title); });
    for (auto& f : figures_of(plan)) {
        if (f.change) continue;
        int s = section_at(plan.outline, f.ref.block);
        if (has_obj && !(under_title(plan.outline, s, "muc tieu") || under_title(plan.outline, s, "chi tieu"))) continue;
        PlanTargets::Target t;
        t.text = clause_text(plan, f.sentence);
        t.line = line_of(plan, f.ref);
        t.section = section_label(plan, f.ref.block);
        t.figure = std::move(f);
        p.targets.push_back(std::move(t));
    }
    for (const auto& mm : plan.months) {
        PlanTargets::Month m;
        m.mention = mm;
        m.text = std::string(utf8::trim(plan.doc->blocks[mm.ref.block].text));
        m.line = line_of(plan, mm.ref);
        m.section = section_label(plan, mm.ref.block);
        p.months.push_back(std::move(m));
    }
    return p;
}

ProgressTable build_progress(const Model& plan, const Model& report, bool unplanned) {
    return build_progress(plan_targets(plan), report, unplanned);
}

ProgressTable build_progress(const PlanTargets& plan, const Model& report, bool unplanned) {
    ProgressTable t;
    t.plan_path = plan.path;
    t.report_path = report.doc->path;
    DocIdentity rid = identity_of(report);
    t.plan_name = identity_name("Kế hoạch", plan.identity);
    t.report_name = identity_name("Báo cáo", rid);
    t.unit = rid.agency;
    std::tie(t.period_from, t.period_to) = report_period(report);
    t.horizon_from = plan.horizon_from, t.horizon_to = plan.horizon_to;

    std::vector<const Figure*> targets;
    for (const auto& tg : plan.targets) targets.push_back(&tg.figure);

    // Each target takes the result most like it; a result answers one target,
    // or several whose subjects are alike (the same measure due in 2025 and 2030).
    // The report's results are scored as they are found; only those some
    // target could take are kept, unless the table lists the unplanned ones
    // too (a long report states tens of thousands of figures).
    struct Cand { size_t t, r; double score; };
    std::vector<Cand> cands;
    std::vector<Figure> results;
    each_figure(report, [&](Figure&& r) {
        if (r.target || r.change) return;
        const size_t ri = results.size();
        bool candidate = false;
        for (size_t ti = 0; ti < targets.size(); ++ti) {
            const Figure& tg = *targets[ti];
            if (r.kind != tg.kind || r.unit != tg.unit) continue;
            if (r.year && t.period_to && r.year > t.period_to) continue;
            double sc = subject_similarity(tg.words, r.words);
            if (sc > 0.5) cands.push_back({ti, ri, sc}), candidate = true;
        }
        if (candidate || unplanned) results.push_back(std::move(r));
    });
    std::vector<char> used(results.size());
    // Best first; among equals, by target and then by result, in the order
    // the report states them.
    std::sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.t != b.t ? a.t < b.t : a.r < b.r;
    });
    std::vector<int> match(targets.size(), -1);
    std::vector<std::vector<size_t>> answered(results.size());
    for (const auto& c : cands) {
        if (match[c.t] >= 0) continue;
        bool ok = true;
        for (size_t other : answered[c.r])
            if (subject_similarity(targets[other]->words, targets[c.t]->words) < 0.8) ok = false;
        if (!ok) continue;
        match[c.t] = static_cast<int>(c.r);
        answered[c.r].push_back(c.t);
        used[c.r] = 1;
    }
    for (size_t ti = 0; ti < targets.size(); ++ti) {
        const Figure& tg = *targets[ti];
        const PlanTargets::Target& pt = plan.targets[ti];
        ProgressRow row;
        row.kind = tg.kind;
        row.subject = display_subject(tg.subject);
        row.target = tg.value;
        row.unit = tg.unit;
        row.target_year = tg.year;
        row.at_least = tg.at_least;
        row.target_text = pt.text;
        row.target_line = pt.line;
        row.target_ref = tg.ref;
        row.target_section = pt.section;
        row.due = !tg.year || (t.period_to && t.period_to >= tg.year);
        if (match[ti] >= 0) {
            const Figure& r = results[static_cast<size_t>(match[ti])];
            row.has_result = true;
            row.result = r.value;
            row.result_text = clause_text(report, r.sentence);
            row.result_line = line_of(report, r.ref);
            row.result_ref = r.ref;
            row.status = r.value + 1e-9 >= tg.value ? ProgressStatus::Met : ProgressStatus::NotMet;
        }
        t.rows.push_back(std::move(row));
    }
    // The months the plan fixes ("Lấy tháng 5 là tháng vận động ..."): the
    // report names the same campaign, and the month it held it.
    static const RE2 month_re("(?i)tháng\\s+(0?[1-9]|1[0-2])(?:[^0-9]|$)");
    for (const auto& pm : plan.months) {
        const MonthMention& mm = pm.mention;
        ProgressRow row;
        row.kind = "month";
        row.subject = mm.what;
        row.target = mm.month;
        row.unit = "tháng";
        row.target_text = pm.text;
        row.target_line = pm.line;
        row.target_ref = mm.ref;
        row.target_section = pm.section;
        row.due = true;
        auto key_words = content_words(mm.what);
        if (key_words.size() > 3) key_words.resize(3);
        std::string key;
        for (const auto& w : key_words) key += (key.empty() ? "" : " ") + w;
        for (uint32_t b = report.outline.body_begin; b < report.outline.body_end && !key.empty(); ++b) {
            std::string_view bt = report.doc->blocks[b].text;
            std::string f = utf8::fold(bt);
            size_t k = f.find(key);
            if (k == std::string::npos) continue;
            // Skip a heading that only names the campaign when a later block gives the month.
            row.has_result = true;
            row.result_text = std::string(utf8::trim(bt));
            row.result_ref = {b, 0, static_cast<uint32_t>(bt.size())};
            row.result_line = report.doc->blocks[b].line();
            // The month is said in the block, or in the paragraph under a heading naming the campaign.
            std::string month;
            int found = 0;
            uint32_t at_block = b;
            for (uint32_t kb = b; kb < report.outline.body_end && kb <= b + 1 && !found; ++kb) {
                std::string_view kt = report.doc->blocks[kb].text;
                re2::StringPiece in(kt.data(), kt.size());
                if (RE2::FindAndConsume(&in, month_re, &month)) found = std::stoi(month), at_block = kb;
            }
            if (found) {
                bt = report.doc->blocks[at_block].text;
                row.result_text = std::string(utf8::trim(bt));
                row.result_line = report.doc->blocks[at_block].line();
            }
            if (found) {
                row.result = found;
                row.status = found == mm.month ? ProgressStatus::Met : ProgressStatus::NotMet;
                size_t at = bt.find("tháng " + month);
                if (at == std::string_view::npos) at = 0;
                row.result_ref = {at_block, static_cast<uint32_t>(at),
                                  static_cast<uint32_t>(std::min(bt.size(), at + 7 + month.size()))};
                break;
            }
            row.status = ProgressStatus::Met;  // the campaign is reported; its month is not said here
        }
        t.rows.push_back(std::move(row));
    }
    // What the report gives a figure for and the plan has no target for.
    for (size_t i = 0; unplanned && i < results.size(); ++i) {
        if (used[i]) continue;
        const Figure& r = results[i];
        bool near_target = false;
        for (const Figure* tg : targets)
            if (tg->kind == r.kind && tg->unit == r.unit && subject_similarity(tg->words, r.words) > 0.5) near_target = true;
        if (near_target || r.words.empty()) continue;
        ProgressRow row;
        row.kind = r.kind;
        row.subject = display_subject(r.subject);
        row.unit = r.unit;
        row.has_result = true;
        row.result = r.value;
        row.result_text = clause_text(report, r.sentence);
        row.result_line = line_of(report, r.ref);
        row.result_ref = r.ref;
        row.status = ProgressStatus::NoTarget;
        row.due = true;
        t.rows.push_back(std::move(row));
    }
    return t;
}

}  // namespace plancheck::extract
