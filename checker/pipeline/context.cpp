#include "pipeline/context.h"

#include <algorithm>
#include <map>

#include "core/utf8.h"

namespace plancheck::pipeline {

std::string first_words(std::string_view text) {
    std::string out;
    size_t words = 0, chars = 0;
    bool space = true, cut = false;
    for (size_t i = 0; i < text.size();) {
        size_t at = i;
        char32_t c = utf8::next(text, i);
        bool sp = c == ' ' || c == '\t' || c == '\n' || c == 0xA0;
        if (sp) {
            if (!space && !out.empty()) out += ' ';
            space = true;
            continue;
        }
        if (space && ++words > kContextWords) {
            cut = true;
            break;
        }
        if (++chars > kContextChars && space) {
            cut = true;
            break;
        }
        space = false;
        out.append(text.substr(at, i - at));
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (cut) out += "\xE2\x80\xA6";  // …
    return out;
}

void locate_docx(const SourceDocument& doc, std::vector<Diagnostic>& diags) {
    if (doc.format != "docx") return;
    // Paragraph -> its first piece's text (a paragraph read as several blocks,
    // two columns or soft line breaks, starts with the lowest column).
    std::map<uint32_t, std::pair<uint32_t, const Block*>> first;
    for (const auto* list : {&doc.blocks, &doc.aside})
        for (const auto& b : *list) {
            if (b.anchors.empty() || b.line() == 0 || b.kind == BlockKind::Comment) continue;
            uint32_t col = b.anchors.front().column;
            auto [it, fresh] = first.try_emplace(b.line(), col, &b);
            if (!fresh && col < it->second.first) it->second = {col, &b};
        }
    for (auto& d : diags) {
        if (d.line == 0) continue;
        auto it = first.find(d.line);
        if (it == first.end()) continue;
        d.context = first_words(it->second.second->original());
        if (doc.page_breaks.empty() || it->second.second->kind == BlockKind::Footnote) continue;
        Pos at{d.line, std::max<uint32_t>(d.column, 1)};
        auto before = std::upper_bound(doc.page_breaks.begin(), doc.page_breaks.end(), at, [](const Pos& a, const Pos& b) {
            return a.line != b.line ? a.line < b.line : a.column < b.column;
        });
        d.page = static_cast<uint32_t>(before - doc.page_breaks.begin()) + 1;
    }
}

}  // namespace plancheck::pipeline
