// Test fixtures produced from text fixtures: a plan typed as UTF-8 text saved
// as .docx (one paragraph per physical line, so paragraph numbers equal line
// numbers), optionally with its typed labels turned into Word automatic
// numbering the way Word would store them.
#pragma once

#include <map>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/docx_writer.h"

namespace plancheck::test {

namespace detail {
inline int roman_to_int(const std::string& r) {
    static const std::map<char, int> v{{'I', 1}, {'V', 5}, {'X', 10}};
    int n = 0;
    for (size_t i = 0; i < r.size(); ++i) {
        int a = v.at(r[i]), b = i + 1 < r.size() ? v.at(r[i + 1]) : 0;
        n += a < b ? -a : a;
    }
    return n;
}
}  // namespace detail

inline std::vector<std::string> physical_lines(std::string_view text) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i <= text.size()) {
        size_t e = text.find_first_of("\r\n", i);
        if (e == std::string_view::npos) e = text.size();
        out.emplace_back(text.substr(i, e - i));
        if (e >= text.size()) break;
        i = e + ((text[e] == '\r' && e + 1 < text.size() && text[e + 1] == '\n') ? 2 : 1);
    }
    return out;
}

// Typed labels I. / 1. / a) / - / + become numPr paragraphs of one list
// (levels 0-4); a typed number Word would not produce next (a gap, a repeat)
// becomes a new w:num with a startOverride, as Word's "Set Numbering Value"
// does, so the reader sees exactly the typed labels. Labels Word cannot
// produce (đ), and multi-level ones (2.1.), stay typed.
inline std::string txt_to_docx(std::string_view text, bool auto_numbering) {
    DocxWriter w;
    w.numbering = DocxWriter::plan_abstract(1);
    std::string nums = DocxWriter::num(1, 1);
    int next_num = 2, current = 1;
    // startOverride also applies when a level restarts (ECMA-376 17.9.27), so
    // the current w:num's overrides decide what a restarted level shows.
    std::map<int, int> overrides;
    std::optional<int> cnt[5];
    static const std::regex kLabel(R"(^(?:([IVX]+)\.|(\d{1,2})\.|([a-z])\)|(-)|(\+))[ \t]+(\S.*)$)");
    for (const auto& line : physical_lines(text)) {
        std::smatch m;
        if (!auto_numbering || !std::regex_match(line, m, kLabel)) {
            w.body += DocxWriter::para(line);
            continue;
        }
        int level = m[1].matched ? 0 : m[2].matched ? 1 : m[3].matched ? 2 : m[4].matched ? 3 : 4;
        int value = m[1].matched ? detail::roman_to_int(m[1]) : m[2].matched ? std::stoi(m[2]) : m[3].matched ? m[3].str()[0] - 'a' + 1 : 0;
        if (level <= 2) {
            int expected = cnt[level] ? *cnt[level] + 1 : overrides.count(level) ? overrides[level] : 1;
            if (value != expected) {
                overrides = {{level, value}};
                nums += DocxWriter::num(next_num, 1, overrides);
                current = next_num++;
            }
            cnt[level] = value;
        }
        for (int d = level + 1; d < 5; ++d) cnt[d].reset();
        w.body += DocxWriter::para(m[6].str(), current, level);
    }
    w.numbering += nums;
    return w.build();
}

// Markdown: every text line becomes its own block (a blank line after each),
// so text line n is Markdown line 2n - 1. Markup characters are escaped; typed
// labels "1." "-" "+" become Markdown list markers, which the reader returns
// as container labels.
inline std::string txt_to_md(std::string_view text) {
    std::string out;
    for (const auto& raw : physical_lines(text)) {
        std::string_view line = raw;
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        std::string esc;
        for (size_t i = 0; i < line.size(); ++i) {
            char c = line[i];
            bool marker = i == 0 && (c == '-' || c == '+') && line.size() > 1 && line[1] == ' ';
            if (!marker && std::string_view("\\*_`[]<>#|").find(c) != std::string_view::npos) esc += '\\';
            esc += c;
        }
        out += esc + "\n\n";
    }
    return out;
}

// HTML: one <p> per text line, on the same line number.
inline std::string txt_to_html(std::string_view text) {
    std::string out = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>p{margin:0}</style></head><body>";
    for (const auto& line : physical_lines(text)) {
        std::string esc;
        for (char c : line) {
            if (c == '&') esc += "&amp;";
            else if (c == '<') esc += "&lt;";
            else if (c == '>') esc += "&gt;";
            else esc += c;
        }
        out += "<p>" + esc + "</p>\n";
    }
    return out + "</body></html>\n";
}

}  // namespace plancheck::test
