// The citation grammar, as officials write it (FACTS.md §6):
//
//   citation := TYPE ["số"[":"]] NUMSYM [[","] DATE] [ISSUER] [DATE]
//             | TYPE ["số"] NUMBER [DATE] [ISSUER]            (back-reference)
//             | LAWTYPE NAME ["số" NUMSYM] [DATE] [ISSUER]     (a Law by name)
//             | [CONNECTOR] ["số"] NUMSYM [DATE] [ISSUER]      (list member or bare symbol)
//   NUMSYM   := N "/" [YYYY "/"] GROUP ("-"|"/" GROUP)*        (State form)
//             | N "-" GROUP ("/"|"-" GROUP)+                   (Party form)
//   DATE     := "ngày" (d/m/yyyy | d-m-yyyy | d.m.yyyy | d "tháng" m "năm" yyyy) | "năm" yyyy
//   ISSUER   := "của" NAME-WORDS | an issuing body named right after the number or date
//
// The scanner walks word starts left to right and tries the alternatives at
// each; a match resumes after its span, so every byte is looked at a bounded
// number of times (linear time). This is the one algorithmic core of the
// extract stage, hence its length.
#include "extract/citation_scan.h"

#include <array>
#include <bitset>
#include <cstdint>
#include <optional>

#include "core/utf8.h"
#include "extract/citation_lexicon.h"
#include "extract/citation_text.h"
#include "extract/dates.h"

namespace plancheck::extract {
namespace {

struct TypeWord {
    std::string_view low;  // lower case as matched
    std::string_view canonical;
};

// Longest first where one is a prefix of another.
constexpr std::array<TypeWord, 29> kTypeWords = {{
    {"thông tư liên tịch", "Thông tư liên tịch"},
    {"nghị quyết liên tịch", "Nghị quyết liên tịch"},
    {"chương trình hành động", "Chương trình"},
    {"thông báo kết luận", "Thông báo"},
    {"quyết định", "Quyết định"},
    {"nghị quyết", "Nghị quyết"},
    {"nghị định", "Nghị định"},
    {"chỉ thị", "Chỉ thị"},
    {"thông tư", "Thông tư"},
    {"bộ luật", "Bộ luật"},
    {"pháp lệnh", "Pháp lệnh"},
    {"hiến pháp", "Hiến pháp"},
    {"kế hoạch", "Kế hoạch"},
    {"chương trình", "Chương trình"},
    {"thông báo", "Thông báo"},
    {"thông cáo", "Thông cáo"},
    {"hướng dẫn", "Hướng dẫn"},
    {"công văn", "Công văn"},
    {"công điện", "Công điện"},
    {"tờ trình", "Tờ trình"},
    {"báo cáo", "Báo cáo"},
    {"kết luận", "Kết luận"},
    {"quy định", "Quy định"},
    {"quy chế", "Quy chế"},
    {"đề án", "Đề án"},
    {"phương án", "Phương án"},
    {"thông tri", "Thông tri"},
    {"văn bản", "Văn bản"},
    {"luật", "Luật"},
}};

// Type abbreviations used as type words ("QĐ số 1676/QĐ-TTg"); case-sensitive
// and only before "số" or a number-symbol.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kAbbrWords = {{
    {"QĐ", "Quyết định"}, {"NQ", "Nghị quyết"}, {"NĐ", "Nghị định"}, {"CT", "Chỉ thị"},
    {"TT", "Thông tư"},   {"KH", "Kế hoạch"},   {"CTr", "Chương trình"}, {"TB", "Thông báo"},
    {"HD", "Hướng dẫn"},  {"BC", "Báo cáo"},    {"CV", "Công văn"},  {"TTr", "Tờ trình"},
    {"KL", "Kết luận"},   {"ĐA", "Đề án"},
}};

bool named_type(std::string_view canonical) {
    return canonical == "Luật" || canonical == "Bộ luật" || canonical == "Pháp lệnh" || canonical == "Hiến pháp";
}

struct TypeMatch {
    std::string_view canonical;
    size_t end = 0;
    bool abbr = false;
};

// Prefix keys: most word starts match no key and are turned away with one
// look-up; the others are compared only with the words sharing their key
// (match_type runs at every word start; it was a fifth of a full check).
// Abbreviations: their first two bytes. Type words (lower case): their first
// four bytes hashed to 16 bits; two bytes let every "th", "ch", "ng", "qu"
// word through, and every type word has at least four bytes ("luật").
size_t prefix_key(std::string_view s) {
    return static_cast<size_t>(static_cast<unsigned char>(s[0])) << 8 | static_cast<unsigned char>(s[1]);
}
constexpr size_t kTypeKeyBytes = 4;
size_t type_key(std::string_view s) {
    uint32_t v = 0;
    for (size_t k = 0; k < kTypeKeyBytes; ++k) v = v * 131 + static_cast<unsigned char>(s[k]);
    return (v ^ (v >> 16)) & 0xFFFF;
}

struct TypePrefixes {
    std::bitset<65536> low, exact;
    std::array<size_t, kTypeWords.size()> word_key{};
    TypePrefixes() {
        for (size_t k = 0; k < kTypeWords.size(); ++k) low.set(word_key[k] = type_key(kTypeWords[k].low));
        for (const auto& a : kAbbrWords) exact.set(prefix_key(a.first));
    }
};
static_assert([] {
    for (const auto& w : kTypeWords)
        if (w.low.size() < kTypeKeyBytes) return false;
    return true;
}());

std::optional<TypeMatch> match_type(const Text& x, size_t i) {
    static const TypePrefixes prefixes;
    if (i + 2 > x.t.size()) return std::nullopt;  // every type word has two bytes or more
    const bool room = i + kTypeKeyBytes <= x.t.size();  // shorter: no type word fits
    size_t low_key = room ? type_key(std::string_view(x.low).substr(i)) : 0;
    if (room && prefixes.low.test(low_key)) {
        for (size_t k = 0; k < kTypeWords.size(); ++k) {
            if (prefixes.word_key[k] != low_key) continue;
            const auto& w = kTypeWords[k];
            if (size_t n = x.lit(i, w.low)) {
                // "Luật", "Bộ luật" only capitalised: "pháp luật", "luật sư" are not citations.
                if ((w.canonical == "Luật" || w.canonical == "Bộ luật" || w.canonical == "Hiến pháp") &&
                    !x.upper_initial(i))
                    return std::nullopt;
                return TypeMatch{w.canonical, i + n, false};
            }
        }
    }
    if (!prefixes.exact.test(prefix_key(x.t.substr(i)))) return std::nullopt;
    for (const auto& [a, canon] : kAbbrWords)
        if (size_t n = x.exact(i, a)) return TypeMatch{canon, i + n, true};
    return std::nullopt;
}

// ---- number-symbol -------------------------------------------------------

bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_d_stroke(std::string_view t, size_t i) {  // Đ (C4 90) or đ (C4 91)
    return i + 1 < t.size() && static_cast<unsigned char>(t[i]) == 0xC4 &&
           (static_cast<unsigned char>(t[i + 1]) == 0x90 || static_cast<unsigned char>(t[i + 1]) == 0x91);
}

// One symbol group ("QĐ", "TTg", "QH13", "CTL&BHXH") at i: its end, or i.
size_t parse_group(const Text& x, size_t i) {
    std::string_view t = x.t;
    bool first = true;
    int lowers = 0, uppers = 0;
    size_t j = i;
    while (j < t.size()) {
        if (is_d_stroke(t, j)) {
            if (static_cast<unsigned char>(t[j + 1]) == 0x91) ++lowers;
            else ++uppers;
            j += 2;
        } else if (ascii_upper(t[j])) {
            ++uppers;
            ++j;
        } else if (!first && (ascii_lower(t[j]) || (t[j] >= '0' && t[j] <= '9') || t[j] == '&')) {
            if (ascii_lower(t[j])) ++lowers;
            ++j;
        } else {
            break;
        }
        if (first && uppers == 0) return i;  // must start with an upper-case letter
        first = false;
    }
    if (j == i || lowers > 2 || j - i > 24) return i;
    return j;
}

struct NumSym {
    size_t begin = 0, end = 0;
    std::string number, symbol, key;
    int year = 0;
    bool party = false;
};

std::optional<NumSym> parse_numsym(const Text& x, size_t i) {
    std::string_view t = x.t;
    if (!x.digit(i) || (i > 0 && x.word_char(x.prev(i)))) return std::nullopt;
    size_t j = i;
    while (x.digit(j) && j - i < 6) ++j;
    if (x.digit(j)) return std::nullopt;
    if (j < t.size() && ascii_lower(t[j]) && j + 1 < t.size() && (t[j + 1] == '/' || t[j + 1] == '-')) ++j;  // "30a/2008/NQ-CP"
    if (j >= t.size() || (t[j] != '/' && t[j] != '-')) return std::nullopt;
    NumSym ns;
    ns.begin = i;
    ns.number = std::string(t.substr(i, j - i));
    ns.party = t[j] == '-';
    char sep = t[j];
    size_t k = j + 1;
    if (sep == '/' && k + 4 < t.size() && x.digit(k) && x.digit(k + 1) && x.digit(k + 2) && x.digit(k + 3) &&
        t[k + 4] == '/') {
        ns.year = std::stoi(std::string(t.substr(k, 4)));
        k += 5;
    }
    std::vector<std::string> groups;
    std::string seps;
    size_t g = parse_group(x, k);
    if (g == k) return std::nullopt;
    groups.emplace_back(t.substr(k, g - k));
    k = g;
    while (k + 1 < t.size() && (t[k] == '-' || t[k] == '/')) {
        size_t e = parse_group(x, k + 1);
        if (e == k + 1) break;
        seps += t[k];
        groups.emplace_back(t.substr(k + 1, e - k - 1));
        k = e;
    }
    if (!x.boundary(k)) return std::nullopt;
    if (groups.size() < 2 && !ns.year) return std::nullopt;
    ns.end = k;
    std::string sym = ns.year ? std::to_string(ns.year) + "/" : "";
    for (size_t n = 0; n < groups.size(); ++n) {
        if (n) sym += seps[n - 1];
        sym += canonical_group(groups[n]);
    }
    ns.symbol = sym;
    ns.key = ns.number + sep + sym;
    return ns;
}

// ---- dates and issuers ------------------------------------------------------

// [","] "ngày" DATE, or "năm" YYYY (a year alone) when allow_year.
std::optional<DateMatch> parse_date_clause(const Text& x, size_t i, bool allow_year, size_t* clause_end) {
    size_t j = x.skip_spaces(i);
    if (j < x.size() && x.t[j] == ',') j = x.skip_spaces(j + 1);
    if (auto d = parse_ngay_date_at(x.t, j)) {
        *clause_end = d->end;
        return d;
    }
    // In parentheses: "số 1676/QĐ-TTg (ngày 21/11/2019) của Thủ tướng ...".
    if (j < x.size() && x.t[j] == '(') {
        if (auto d = parse_ngay_date_at(x.t, x.skip_spaces(j + 1))) {
            size_t close = x.skip_spaces(d->end);
            if (close < x.size() && x.t[close] == ')') {
                *clause_end = close + 1;
                return d;
            }
        }
    }
    if (allow_year) {
        if (size_t n = x.lit(j, "năm")) {
            size_t y = x.skip_spaces(j + n);
            if (x.digit(y) && x.digit(y + 1) && x.digit(y + 2) && x.digit(y + 3) && x.boundary(y + 4)) {
                int year = std::stoi(std::string(x.t.substr(y, 4)));
                *clause_end = y + 4;
                return DateMatch{{0, 0, year}, y, y + 4};
            }
        }
    }
    return std::nullopt;
}

// Lower-case words that start a summary (trích yếu) or a new clause, so end an
// issuer's name: "của Thủ tướng Chính phủ phê duyệt ...".
bool issuer_stop(std::string_view w, std::string_view next) {
    static constexpr std::string_view kStops[] = {
        "về", "phê", "triển", "thực", "quy", "hướng", "sửa", "bổ", "tăng", "đẩy", "giao", "nhằm",
        "để", "đối", "trong", "tại", "theo", "với", "cho", "là", "đã", "được", "có", "thì", "khi",
        "gồm", "kèm", "số", "ngày", "năm", "tiếp", "nâng", "đổi", "lãnh", "xây", "phát", "công",
        "tuyên", "kiện", "hỗ", "giải", "điều", "phân", "hoàn", "tập", "chỉ", "v", "mà", "này", "như",
        "cải", "ứng", "áp", "đảm", "bảo", "vận", "chấn", "chương", "kế", "đề", "sau", "trước",
        "các", "những", "cùng", "hoặc", "nay", "từ", "đến", "giai", "việc",
        // prepositions and verbs that go on the sentence after a body citation
        // ("... của Chính phủ vào các buổi sinh hoạt")
        "vào", "ra", "nêu", "yêu", "đặt", "bằng", "gắn", "lồng", "quán", "rà", "tới", "qua"};
    for (auto s : kStops)
        if (w == s) return true;
    if (w == "ban" && next == "hành") return true;
    if (w == "tổ" && next == "chức") return true;
    if (w == "thành" && next == "lập") return true;
    return false;
}

// A body that issues documents, named without "của" right after a number or
// date ("... ngày 10/10/2018 Tỉnh ủy Khánh Hòa triển khai ...").
bool issuer_head(const Text& x, size_t i) {
    if (!x.upper_initial(i)) return false;
    std::string_view w = x.low_word(i);
    size_t n = x.skip_spaces(x.word_end(i));
    std::string_view w2 = x.low_word(n);
    if (w == "ubnd" || w == "hđnd" || w == "bhxh" || w == "ban" || w == "sở" || w == "liên") return true;
    if (w == "bộ") return w2 != "luật";
    if (w == "tỉnh" || w == "thành" || w == "huyện" || w == "đảng" || w == "quận" || w == "thị")
        return w2 == "ủy" || w2 == "uỷ";
    if (w == "ủy" || w == "uỷ") return w2 == "ban";
    if (w == "hội") return w2 == "đồng" || w2 == "nghị";
    if (w == "thủ") return w2 == "tướng";
    if (w == "chính") return w2 == "phủ";
    if (w == "quốc") return w2 == "hội";
    if (w == "văn") return w2 == "phòng";
    if (w == "đại") return w2 == "hội";
    if (w == "tổng") return w2 == "bí";
    if (w == "chủ") return w2 == "tịch";
    return false;
}

// The issuer's words from i: returns their end (== i when none).
size_t parse_issuer_words(const Text& x, size_t i) {
    if (!x.upper_initial(i)) return i;
    size_t end = i, j = i;
    for (int words = 0; words < 18 && j < x.size();) {
        if (x.t[j] == '-' || x.t[j] == '&') {  // "Lao động - Thương binh và Xã hội"
            size_t n = x.skip_spaces(j + 1);
            if (!x.upper_initial(n)) break;
            j = n;
            continue;
        }
        if (!x.word_char(j)) break;
        size_t we = x.word_end(j);
        std::string_view w = x.low_word(j);
        size_t n = x.skip_spaces(we);
        std::string_view next = x.low_word(n);
        if (words > 0 && x.upper_initial(j) && match_type(x, j) && !issuer_head(x, j)) break;
        bool upper = x.upper_initial(j);
        if (!upper && issuer_stop(w, next)) break;
        if (x.digit(j) && we - j > 2) break;  // a year or a number starts something else
        if (w == "và" && !x.upper_initial(n)) break;
        if (w == "và" && match_type(x, n)) break;
        if (w != "và") end = we;
        ++words;
        j = n;
        if (j < x.size() && x.t[j] == '/' ) break;
    }
    return end;
}

struct Issuer {
    size_t begin = 0, end = 0, clause_end = 0;
};

std::optional<Issuer> parse_issuer(const Text& x, size_t i) {
    size_t j = x.skip_spaces(i);
    if (size_t n = x.lit(j, "của")) {
        size_t b = x.skip_spaces(j + n);
        size_t e = parse_issuer_words(x, b);
        if (e > b) return Issuer{b, e, e};
        return std::nullopt;
    }
    if (issuer_head(x, j) && !match_type(x, j)) {
        size_t e = parse_issuer_words(x, j);
        if (e > j) return Issuer{j, e, e};
    }
    return std::nullopt;
}

// ---- a Law's name -------------------------------------------------------

bool name_stop(const Text& x, size_t j, std::string_view w) {
    static constexpr std::string_view kStops[] = {
        "của", "về", "đã", "được", "hiện", "có", "thì", "để", "theo", "tại", "trong", "với",
        "cho", "đối", "khi", "này", "đó", "là", "mà", "nhằm", "cũng", "sẽ", "đang", "các", "những",
        "mới", "hướng", "và", "năm", "số", "ngày", "thực", "triển", "nêu", "trên", "gồm", "cùng"};
    if (x.upper_initial(j)) return false;
    if (w == "quy") return x.lit(x.skip_spaces(x.word_end(j)), "định") > 0;  // "quy phạm" is in names
    for (auto s : kStops)
        if (w == s) return true;
    return false;
}

// NAME after "Luật": capitalised first word, then words up to a stop. Handles
// "Luật Sửa đổi, bổ sung một số điều của Luật A và Luật B".
size_t parse_law_name(const Text& x, size_t i) {
    bool amending = x.lit(i, "sửa") && x.lit(x.skip_spaces(x.word_end(i)), "đổi");  // often lower case
    if (!x.upper_initial(i) && !amending) return i;
    size_t end = i, j = i;
    for (int words = 0; words < 24 && j < x.size(); ++words) {
        if (x.t[j] == ',' && amending) {  // ", bổ sung một số điều của"
            size_t n = x.skip_spaces(j + 1);
            if (!x.lit(n, "bổ")) break;
            j = n;
            continue;
        }
        if (x.t[j] == '-' && x.upper_initial(x.skip_spaces(j + 1))) {
            j = x.skip_spaces(j + 1);
            continue;
        }
        if (!x.word_char(j)) break;
        std::string_view w = x.low_word(j);
        size_t we = x.word_end(j);
        size_t n = x.skip_spaces(we);
        if (amending && (w == "số" || w == "của") && !x.digit(n)) {  // "một số điều của Luật"
            j = n;
            continue;
        }
        if (amending && w == "và" && x.exact(n, "Luật")) {
            j = n;
            continue;
        }
        if (words > 0 && w == "luật" && x.upper_initial(j) && !amending) break;
        if (w == "và" && x.upper_initial(n) && !match_type(x, n)) {  // "Khoa học và Công nghệ"
            j = n;
            continue;
        }
        if (words > 0 && name_stop(x, j, w)) break;
        if (x.digit(j)) break;
        end = we;
        j = n;
    }
    return end;
}

// ---- summary ------------------------------------------------------------

bool is_open_quote(std::string_view t, size_t i) { return t.substr(i, 3) == "“" || t[i] == '"'; }

// The trích yếu after a citation: from `i` to the end of its clause (';', a
// sentence end, or the end of the text), skipping a parenthesised aside
// "(sau đây viết tắt là ...)". Empty when a comma, colon or stop follows.
std::pair<size_t, size_t> summary_span(const Text& x, size_t i) {
    std::string_view t = x.t;
    size_t j = x.skip_spaces(i);
    if (j < t.size() && t[j] == '(') {
        size_t close = t.find(')', j);
        if (close == std::string_view::npos) return {j, j};
        j = x.skip_spaces(close + 1);
    }
    if (j >= t.size() || t[j] == ',' || t[j] == ';' || t[j] == '.' || t[j] == ':' || t[j] == ')') return {j, j};
    size_t b = j;
    bool quoted = false;
    // Bounded so that a block of many citations without a ';' stays linear.
    size_t e = std::min(t.size(), j + 2000);
    e = utf8::floor_boundary(t, e);
    for (size_t k = j; k < e; ++k) {
        if (t.substr(k, 3) == "“") quoted = true;
        else if (t.substr(k, 3) == "”") quoted = false;
        else if (t[k] == '"') quoted = !quoted;
        if (quoted) continue;
        if (t[k] == ';') { e = k; break; }
        if (t[k] == '.' && (k + 1 >= t.size() || t[k + 1] == ' ')) { e = k; break; }
    }
    while (e > b && (t[e - 1] == ' ' || t[e - 1] == ',' || t[e - 1] == ':')) --e;
    (void)is_open_quote;
    return {b, e};
}

// ---- the scanner ----------------------------------------------------------

TextRef span(size_t b, size_t e) { return TextRef{0, static_cast<uint32_t>(b), static_cast<uint32_t>(e)}; }

// Connector between list members: ",", "và", ", và", "và các", "hoặc".
// With `allow_none`, also true when [b, e) holds only spaces: the start of a
// gap that may still turn into a connector.
bool connector_only(const Text& x, size_t b, size_t e, bool allow_none = false) {
    size_t j = b;
    bool any = allow_none;
    while (j < e) {
        j = x.skip_spaces(j);
        if (j >= e) break;
        if (x.t[j] == ',') { ++j; any = true; continue; }
        size_t n = 0;
        if ((n = x.lit(j, "và")) || (n = x.lit(j, "hoặc")) || (n = x.lit(j, "các")) || (n = x.lit(j, "cùng"))) {
            j += n;
            any = true;
            continue;
        }
        return false;
    }
    return any;
}

class Scanner {
public:
    explicit Scanner(std::string_view text) : x_(text) {}

    std::vector<Citation> run(size_t from, size_t limit) {
        // Each code point is decoded once on the way: `in_word` carries whether
        // the one before it is a letter or digit (Text::word_start decoded both
        // for every position, a fifth of the scan).
        size_t i = from;
        bool in_word = i > 0 && i <= x_.size() && x_.word_char(x_.prev(i));
        while (i < x_.size()) {
            size_t len = 1;
            char32_t cp = x_.cp(i, &len);
            bool wc = Text::word_cp(cp);
            if (!wc || in_word) {
                in_word = wc;
                i += len;
                continue;
            }
            if (i >= limit && (out_.empty() || !connector_only(x_, out_.back().ref.end, i, true))) break;
            std::optional<Citation> c = typed(i);
            if (!c) c = numbered(i);
            if (c) {
                i = c->ref.end;
                out_.push_back(std::move(*c));
                in_word = i > 0 && i <= x_.size() && x_.word_char(x_.prev(i));
                continue;
            }
            i = x_.word_end(i);
            in_word = true;
        }
        fill_summaries();
        return std::move(out_);
    }

private:
    // Date and issuer after the number (or name), in either order.
    void tail(Citation& c, size_t& end, bool allow_year) {
        size_t ce = 0;
        if (auto d = parse_date_clause(x_, end, allow_year, &ce)) {
            c.date = d->date;
            c.date_ref = span(d->begin, d->end);
            end = ce;
        }
        if (auto is = parse_issuer(x_, end)) {
            c.issuer = std::string(x_.t.substr(is->begin, is->end - is->begin));
            c.issuer_ref = span(is->begin, is->end);
            end = is->clause_end;
            if (c.date.empty()) {
                if (auto d = parse_date_clause(x_, end, false, &ce)) {
                    c.date = d->date;
                    c.date_ref = span(d->begin, d->end);
                    end = ce;
                }
            }
        }
    }

    void take_numsym(Citation& c, const NumSym& ns) {
        c.number = ns.number;
        c.symbol = ns.symbol;
        c.key = ns.key;
        c.symbol_year = ns.year;
        c.party_form = ns.party;
        c.number_ref = span(ns.begin, ns.end);
    }

    // "số", "số:" at i: the position after it (i when absent).
    size_t skip_so(size_t i) const {
        if (size_t n = x_.lit(i, "số")) {
            size_t j = i + n;
            if (j < x_.size() && x_.t[j] == ':') ++j;
            return x_.skip_spaces(j);
        }
        return i;
    }

    std::optional<Citation> typed(size_t i) {
        auto tm = match_type(x_, i);
        if (!tm) return std::nullopt;
        Citation c;
        c.type = std::string(tm->canonical);
        c.type_written = std::string(x_.t.substr(i, tm->end - i));
        size_t j = x_.skip_spaces(tm->end);
        if (!tm->abbr && !named_type(c.type) && !x_.lit(j, "số") && !parse_numsym(x_, j)) {
            // A qualifier between the type and "số": "Chương trình phối hợp số 15/...",
            // "Kế hoạch liên tịch số ...": up to three lower-case words. Not after a
            // Law's type, whose lower-case words are a name or another word
            // altogether ("Luật sư").
            size_t k = j;
            for (int w = 0; w < 3 && x_.word_char(k) && !x_.upper_initial(k) && !x_.digit(k); ++w) {
                k = x_.skip_spaces(x_.word_end(k));
                if (x_.lit(k, "số") && parse_numsym(x_, skip_so(k))) {
                    c.type_written = std::string(x_.t.substr(i, x_.word_end(x_.prev(k - 1)) - i));
                    j = k;
                    break;
                }
            }
        }
        size_t after_so = skip_so(j);
        bool has_so = after_so != j;
        size_t end = 0;
        if (auto ns = parse_numsym(x_, after_so)) {
            take_numsym(c, *ns);
            end = ns->end;
            tail(c, end, named_type(c.type));
        } else if (named_type(c.type) && !tm->abbr) {
            size_t ne = parse_law_name(x_, j);
            if (ne == j) {
                // A name typed in lower case ("Luật tổ chức Chính phủ số 63/2025/QH15")
                // is a name when a National Assembly number closes it ("Đoàn Luật
                // sư tỉnh tại Tờ trình số 34/TTr-ĐLS" names no law).
                size_t k = j;
                for (int w = 0; w < 8 && x_.word_char(k) && !x_.digit(k) && !x_.lit(k, "số") && !match_type(x_, k);
                     ++w) {
                    size_t we = x_.word_end(k);
                    k = x_.skip_spaces(we);
                    if (!x_.lit(k, "số")) continue;
                    auto law_ns = parse_numsym(x_, skip_so(k));
                    if (law_ns && law_ns->key.find("QH") != std::string::npos) ne = we;
                    break;
                }
            }
            if (ne > j) {
                c.name = std::string(x_.t.substr(j, ne - j));
                c.summary = c.name;
                c.summary_ref = span(j, ne);
            }
            end = ne > j ? ne : tm->end;
            size_t s = skip_so(x_.skip_spaces(end));
            if (s != x_.skip_spaces(end)) {
                if (auto ns2 = parse_numsym(x_, s)) {
                    take_numsym(c, *ns2);
                    end = ns2->end;
                }
            }
            size_t before = end;
            tail(c, end, true);
            // The year may come before the number: "Bộ luật Lao động năm 2019 số 45/2019/QH14".
            if (c.number.empty() && !c.date.empty() && !c.date.month) {
                size_t sp = x_.skip_spaces(end);
                size_t s2 = skip_so(sp);
                if (s2 != sp) {
                    if (auto ns3 = parse_numsym(x_, s2)) {
                        take_numsym(c, *ns3);
                        end = ns3->end;
                        Date year_only = c.date;
                        TextRef year_ref = c.date_ref;
                        c.date = {};
                        tail(c, end, false);
                        if (c.date.empty()) {
                            c.date = year_only;
                            c.date_ref = year_ref;
                        }
                    }
                }
            }
            if (c.name.empty() && c.number.empty() && (c.type != "Hiến pháp" || end == before)) return std::nullopt;
        } else if (!tm->abbr) {
            auto num = backref_number(after_so, has_so);
            if (!num) return std::nullopt;
            c.number = std::string(x_.t.substr(after_so, *num - after_so));
            c.number_ref = span(after_so, *num);
            end = *num;
            tail(c, end, false);
            c.short_form = true;
        } else {
            return std::nullopt;
        }
        c.ref = span(i, end);
        if (!c.short_form) c.short_form = c.date.empty() && c.issuer.empty() && c.name.empty();
        return c;
    }

    // The number of a back-reference ("Quyết định 1676", "Nghị quyết số 28"): its end.
    std::optional<size_t> backref_number(size_t i, bool has_so) const {
        if (!x_.digit(i)) return std::nullopt;
        size_t j = i;
        while (x_.digit(j) && j - i < 5) ++j;
        if (x_.digit(j) || !x_.boundary(j)) return std::nullopt;
        std::string_view t = x_.t;
        if (j < t.size() && (t[j] == '/' || t[j] == '-' || t[j] == '%')) return std::nullopt;
        if (j + 1 < t.size() && (t[j] == '.' || t[j] == ',') && x_.digit(j + 1)) return std::nullopt;
        int v = std::stoi(std::string(t.substr(i, j - i)));
        if (!has_so && j - i == 4 && v >= 1900 && v <= 2100) return std::nullopt;  // "Kế hoạch 2022"
        size_t n = x_.skip_spaces(j);
        if (n >= t.size() || !x_.word_char(n)) return j;  // punctuation or end
        std::string_view w = x_.low_word(n);
        static constexpr std::string_view kFollow[] = {"của", "và", "về", "đã", "được", "thì", "là", "trong",
                                                       "tại", "theo", "với", "đến", "cho", "nhằm", "để",
                                                       "hoặc", "đó", "này", "nêu", "có", "sẽ", "cũng"};
        for (auto f : kFollow)
            if (w == f) return j;
        if (w == "ngày" && parse_ngay_date_at(t, n)) return j;
        if (x_.upper_initial(n) && !has_so) return std::nullopt;
        if (x_.upper_initial(n)) return j;
        return std::nullopt;  // "Kế hoạch 5 năm", "Chương trình 3 nội dung"
    }

    std::optional<Citation> numbered(size_t i) {
        size_t j = skip_so(i);
        auto ns = parse_numsym(x_, j);
        if (!ns) return std::nullopt;
        Citation c;
        take_numsym(c, *ns);
        size_t end = ns->end;
        const Citation* prev = out_.empty() ? nullptr : &out_.back();
        if (prev && connector_only(x_, prev->ref.end, i)) {
            c.list_member = true;
            c.type = prev->type;
        } else {
            SymbolParts p = symbol_parts(c);
            c.type = std::string(p.has_type_slot ? type_for_abbr(p.type_abbr) : std::string_view());
            c.type_inferred = !c.type.empty();
        }
        tail(c, end, false);
        c.ref = span(i, end);
        c.short_form = c.date.empty() && c.issuer.empty();
        return c;
    }

    void fill_summaries() {
        for (size_t n = 0; n < out_.size(); ++n) {
            Citation& c = out_[n];
            if (!c.name.empty()) continue;  // a Law's name is its summary
            if (n + 1 < out_.size() && out_[n + 1].list_member) continue;  // the list shares the last one's
            auto [b, e] = summary_span(x_, c.ref.end);
            if (e > b) {
                c.summary = std::string(x_.t.substr(b, e - b));
                c.summary_ref = span(b, e);
            }
        }
        // List members share the issuer and summary written after the last one.
        for (size_t n = out_.size(); n-- > 1;) {
            Citation& c = out_[n];
            if (!c.list_member) continue;
            Citation& p = out_[n - 1];
            if (p.issuer.empty()) { p.issuer = c.issuer; p.issuer_ref = c.issuer_ref; }
            if (p.summary.empty()) { p.summary = c.summary; p.summary_ref = c.summary_ref; }
        }
    }

    Text x_;
    std::vector<Citation> out_;
};

}  // namespace

std::vector<Citation> scan_citations(std::string_view text, size_t from, size_t limit) {
    return Scanner(text).run(from, limit);
}

}  // namespace plancheck::extract
