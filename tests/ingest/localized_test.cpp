// Every reason a reader gives for an unreadable file, and its hint, has a
// Vietnamese form (the default language): the sources are scanned for each
// UnreadableInput{reason, hint} and reader-module failure text, a sample of it
// is made (each computed part becomes "7"), and ingest::localized must turn
// it into text with no English left. A reason added without a translation
// fails here, naming its file and line.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <regex>

#include "helpers.h"
#include "ingest/ingest.h"
#include "language.h"

namespace fs = std::filesystem;
using namespace plancheck;

namespace {

// A C++ expression of string literals and other operands joined by '+' ->
// the text it makes with every other operand as "7". Empty when it has no literal.
std::string sample_of(const std::string& expr) {
    std::string out;
    bool literal = false;
    size_t i = 0;
    auto skip_space = [&] {
        while (i < expr.size() && isspace(static_cast<unsigned char>(expr[i]))) ++i;
    };
    while (i < expr.size()) {
        skip_space();
        if (i >= expr.size()) break;
        // One operand, up to the next top-level '+'.
        size_t start = i;
        int depth = 0;
        std::string lits;
        bool only_literals = true;
        while (i < expr.size() && !(depth == 0 && expr[i] == '+')) {
            char c = expr[i];
            if (c == '"') {
                ++i;
                while (i < expr.size() && expr[i] != '"') {
                    if (expr[i] == '\\' && i + 1 < expr.size()) {
                        ++i;
                        lits += expr[i] == 'n' ? '\n' : expr[i];
                    } else {
                        lits += expr[i];
                    }
                    ++i;
                }
                ++i;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') ++depth;
            if (c == ')' || c == ']' || c == '}') --depth;
            if (!isspace(static_cast<unsigned char>(c))) only_literals = false;
            ++i;
        }
        std::string operand = expr.substr(start, i - start);
        // std::string("...") is its literal.
        static const std::regex wrapped(R"(^\s*std::string\(\s*"[^"]*"\s*\)\s*$)");
        if ((only_literals || std::regex_match(operand, wrapped)) && !lits.empty()) {
            out += lits;
            literal = true;
        } else {
            out += "7";
        }
        if (i < expr.size()) ++i;  // the '+'
    }
    return literal ? out : "";
}

// The top-level comma-separated arguments of the call or braces opening at `open`.
std::vector<std::string> arguments(const std::string& src, size_t open, size_t& line_end) {
    std::vector<std::string> args;
    int depth = 0;
    std::string cur;
    for (size_t i = open; i < src.size(); ++i) {
        char c = src[i];
        if (c == '"') {  // a literal, copied whole
            size_t j = i + 1;
            while (j < src.size() && src[j] != '"') j += src[j] == '\\' ? 2 : 1;
            cur += src.substr(i, j - i + 1);
            i = j;
            continue;
        }
        if (c == '(' || c == '{' || c == '[') {
            if (depth++ == 0) continue;
        } else if (c == ')' || c == '}' || c == ']') {
            if (--depth == 0) {
                args.push_back(cur);
                line_end = i;
                return args;
            }
        } else if (c == ',' && depth == 1) {
            args.push_back(cur);
            cur.clear();
            continue;
        }
        cur += c;
    }
    return args;
}

struct Found {
    std::string where, text;
};

std::vector<Found> reasons_in_sources() {
    std::vector<Found> found;
    fs::path root = fs::path(test::source_dir()) / "checker";
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        auto ext = e.path().extension();
        if (ext != ".cpp" && ext != ".h") continue;
        std::string src = test::slurp(e.path());
        auto line_of = [&](size_t at) { return std::to_string(std::count(src.begin(), src.begin() + at, '\n') + 1); };
        std::string rel = fs::relative(e.path(), root).string();
        for (const char* opener : {"UnreadableInput{", "PLANCHECK_READER_MODULE("}) {
            for (size_t at = src.find(opener); at != std::string::npos; at = src.find(opener, at + 1)) {
                // Not the macro's own definition or a mention in a comment.
                size_t bol = src.rfind('\n', at);
                std::string before = src.substr(bol + 1, at - bol - 1);
                if (before.find("//") != std::string::npos || before.find("#define") != std::string::npos) continue;
                size_t end = 0;
                auto args = arguments(src, at + std::strlen(opener) - 1, end);
                std::vector<std::string> texts;
                if (std::string(opener) == "PLANCHECK_READER_MODULE(") {
                    if (args.size() == 3) texts = {sample_of(args[1] + " + e"), sample_of(args[2])};
                } else {
                    for (const auto& a : args) texts.push_back(sample_of(a));
                }
                for (const auto& t : texts)
                    if (!t.empty()) found.push_back({rel + ":" + line_of(at), t});
            }
        }
    }
    return found;
}

}  // namespace

TEST_CASE("localized: the sample of a reason keeps its literals and marks computed parts") {
    CHECK(sample_of(R"("the file is empty")") == "the file is empty");
    CHECK(sample_of(R"("cannot open the file: " + ec.message())") == "cannot open the file: 7");
    CHECK(sample_of(R"(std::string("cannot open: ") + std::strerror(errno))") == "cannot open: 7");
    CHECK(sample_of(R"x("a (" + std::to_string(n >> 20) + " MiB)")x") == "a (7 MiB)");
    CHECK(sample_of(R"("the text is " "split")") == "the text is split");
    CHECK(sample_of("hint") == "");
}

TEST_CASE("localized: every reason and hint a reader gives has a Vietnamese form") {
    auto found = reasons_in_sources();
    // The readers give dozens; far fewer means the scan broke.
    REQUIRE(found.size() >= 60);
    for (const auto& f : found) {
        INFO(f.where << ": \"" << f.text << "\"");
        std::string vi = ingest::localized({f.text, ""}, "vi").reason;
        INFO("Vietnamese: \"" << vi << "\"");
        CHECK(vi != f.text);
        CHECK(test::english_words(vi).empty());
        CHECK(ingest::localized({f.text, ""}, "en").reason == f.text);
    }
}

TEST_CASE("localized: the system's and libzip's words for a failure are translated inside a reason") {
    CHECK(ingest::localized({"cannot open the file: No such file or directory", ""}, "vi").reason ==
          "không mở được tệp: không có tệp hoặc thư mục này");
    CHECK(ingest::localized({"the file is damaged: it is not a valid .docx (zip) container (Not a zip archive)", ""},
                            "vi")
              .reason == "tệp bị hỏng: không phải gói .docx (zip) hợp lệ (không phải tệp zip)");
}
