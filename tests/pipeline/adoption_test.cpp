// Adopting plancheck on an existing repository: baselines (findings matched on
// rule, file and fingerprint, surviving unrelated edits), --disable/--enable,
// and rule names that do not exist (a usage error that suggests the closest).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "helpers.h"

using namespace plancheck;

namespace {
using Run = test::ShellRun;
// plancheck in `dir` with `args`; both streams in `out` (the tests look for
// messages wherever they are written).
Run run(const test::TempDir& dir, const std::string& args) {
    Run r = test::run_shell(dir.path, "PLANCHECK_RULES=" + test::shell_quote(test::source_dir() + "/rules") + " " +
                                          test::shell_quote(PLANCHECK_BINARY) + " " + args);
    r.out += r.err;
    return r;
}
const char* kPlan =
    "ỦY BAN NHÂN DÂN TỈNH BẮC NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 12/KH-UBND\nBắc Nam, ngày 10 tháng 3 năm 2022\n\nKẾ HOẠCH\nTuyên truyền năm 2022\n\n"
    "I. MỤC TIÊU\n1. Tăng cường công tác tuyên chuyền về bảo hiểm xã hội.\n";
}  // namespace

TEST_CASE("baseline: recorded findings are not reported again, new ones are, after unrelated edits", "[adoption]") {
    test::TempDir dir("baseline");
    dir.write("plan.txt", kPlan);
    auto first = run(dir, "check --fail-on warning plan.txt");
    REQUIRE(first.code == 1);
    REQUIRE(first.out.find("tuyên chuyền") != std::string::npos);
    auto wrote = run(dir, "check --fail-on warning --write-baseline base.json plan.txt");
    CHECK(wrote.code == 0);
    auto j = nlohmann::json::parse(test::slurp(dir.path / "base.json"));
    CHECK(j["plancheck_baseline"] == 1);
    REQUIRE(j["findings"].size() >= 1);
    // Unrelated edit: two lines above the finding; the finding moves down.
    std::string edited = kPlan;
    edited.insert(edited.find("I. MỤC TIÊU"), "Ghi chú thêm một dòng.\n\n");
    dir.write("plan.txt", edited);
    auto again = run(dir, "check --fail-on warning --baseline base.json plan.txt");
    CHECK(again.code == 0);
    CHECK(again.out.find("[text.typo.confusions]") == std::string::npos);
    CHECK(again.out.find("baseline") != std::string::npos);
    // A new defect is reported.
    dir.write("plan.txt", edited + "2. Giảm nghiều thủ tục và chương chình rườm rà.\n");
    auto added = run(dir, "check --fail-on warning --baseline base.json plan.txt");
    CHECK(added.code == 1);
    CHECK(added.out.find("chương chình") != std::string::npos);
    CHECK(added.out.find("\"tuyên chuyền\"") == std::string::npos);
    // A file that is not a baseline is a usage error.
    dir.write("bad.json", "{}");
    CHECK(run(dir, "check --baseline bad.json plan.txt").code == 2);
}

TEST_CASE("disable and enable options take rule ids and categories; unknown names suggest the closest", "[adoption]") {
    test::TempDir dir("disable");
    dir.write("plan.txt", kPlan);
    auto off = run(dir, "check --fail-on warning --disable text.typo plan.txt");
    CHECK(off.out.find("[text.typo.") == std::string::npos);
    auto rule_off = run(dir, "check --fail-on warning --disable text.typo.confusions plan.txt");
    CHECK(rule_off.out.find("[text.typo.confusions]") == std::string::npos);
    dir.write(".plancheck.yaml", "disable: [text.typo.confusions]\n");
    auto on = run(dir, "check --fail-on warning --enable text.typo.confusions plan.txt");
    CHECK(on.out.find("[text.typo.confusions]") != std::string::npos);
    auto typo = run(dir, "check --disable text.typo.confusion plan.txt");
    CHECK(typo.code == 2);
    CHECK(typo.out.find("có phải là 'text.typo.confusions'?") != std::string::npos);  // Vietnamese by default
    CHECK(run(dir, "check --lang en --disable text.typo.confusion plan.txt").out.find("did you mean 'text.typo.confusions'") !=
          std::string::npos);
    dir.write(".plancheck.yaml", "disable: [text.typo.confusoins]\n");
    auto cfg = run(dir, "check plan.txt");
    CHECK(cfg.code == 2);
    CHECK(cfg.out.find(".plancheck.yaml: disable: không có quy tắc hay nhóm 'text.typo.confusoins'") != std::string::npos);
}
