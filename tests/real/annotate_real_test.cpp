// plancheck annotate on the real .docx files of ../shared/real (skipped when
// absent): every finding of `check` becomes exactly one comment, anchored on
// exactly as many characters as its span, and the annotated copy reads back
// with the same findings.
#include <zip.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "core/utf8.h"
#include "helpers.h"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

std::string entry(const std::string& bytes, const char* name) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
    std::string out;
    if (!z) return out;
    if (zip_file_t* f = zip_fopen(z, name, 0)) {
        char buf[65536];
        for (zip_int64_t n; (n = zip_fread(f, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
        zip_fclose(f);
    }
    zip_discard(z);
    zip_error_fini(&err);
    return out;
}

// Comment id -> code points of text (w:t, w:tab) between its markers, outside mc:Fallback.
std::map<std::string, size_t> anchored_lengths(const std::string& xml) {
    pugi::xml_document d;
    REQUIRE(d.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata));
    std::map<std::string, size_t> len;
    std::set<std::string> open;
    struct W : pugi::xml_tree_walker {
        std::map<std::string, size_t>* len;
        std::set<std::string>* open;
        bool for_each(pugi::xml_node& n) override {
            std::string_view name = n.name();
            std::string id = n.attribute("w:id").value();
            if (name == "w:commentRangeStart") open->insert(id), (*len)[id];
            else if (name == "w:commentRangeEnd") open->erase(id);
            else if (name == "w:t" || name == "w:tab") {
                for (auto p = n.parent(); p; p = p.parent())
                    if (std::string_view(p.name()) == "mc:Fallback") return true;
                size_t k = name == "w:tab" ? 1 : plancheck::utf8::count(n.child_value());
                for (const auto& o : *open) (*len)[o] += k;
            }
            return true;
        }
    } w;
    w.len = &len;
    w.open = &open;
    d.traverse(w);
    return len;
}

}  // namespace

TEST_CASE("real documents: annotate puts each finding on its own words", "[real][annotate]") {
    std::string real = plancheck::test::shared_dir() + "/real";
    std::error_code ec;
    if (!fs::is_directory(real, ec)) {
        WARN("skipped: ../shared/real is not present");
        return;
    }
    plancheck::test::TempDir tmp("annotate-real");
    std::string bin = plancheck::test::shell_quote(PLANCHECK_BINARY);
    size_t files = 0, findings = 0;
    for (const auto& e : fs::directory_iterator(real)) {
        if (e.path().extension() != ".docx") continue;
        std::string in = plancheck::test::shell_quote(e.path().string());
        auto check = plancheck::test::run_shell(tmp.path, bin + " check --format json --fail-on none " + in);
        auto diags = json::parse(check.out)["files"][0]["diagnostics"];
        if (!diags.empty() && diags[0]["category"] == "input.unreadable") continue;
        auto run = plancheck::test::run_shell(tmp.path, bin + " annotate --fail-on none " + in + " -o out.docx");
        INFO(e.path().filename().string() << ": " << run.err);
        REQUIRE(run.code == 0);
        ++files;
        std::string out = plancheck::test::slurp(tmp.path / "out.docx");
        pugi::xml_document c;
        std::string comments = entry(out, "word/comments.xml");
        std::vector<std::string> ids;
        if (!comments.empty()) {
            REQUIRE(c.load_string(comments.c_str()));
            for (auto n : c.document_element().children("w:comment"))
                if (std::string_view(n.attribute("w:author").value()) == "plancheck") ids.push_back(n.attribute("w:id").value());
        }
        REQUIRE(ids.size() == diags.size());
        auto len = anchored_lengths(entry(out, "word/document.xml"));
        for (size_t i = 0; i < ids.size(); ++i) {
            const auto& d = diags[i];
            INFO(d.dump());
            REQUIRE(len.count(ids[i]));
            if (d["line"] == d["end_line"] && d["line"].get<int>() > 0) {
                int span = std::max(1, d["end_column"].get<int>() - d["column"].get<int>());
                CHECK(len[ids[i]] == static_cast<size_t>(span));
            }
            ++findings;
        }
        auto again = plancheck::test::run_shell(tmp.path, bin + " check --format json --fail-on none out.docx");
        CHECK(json::parse(again.out)["files"][0]["diagnostics"].size() == diags.size());
    }
    CHECK(files >= 1);
    WARN("annotated " << files << " real .docx files, " << findings << " findings");
}
