#include <cstring>
#include <iostream>
#include <new>
#include <string_view>

#include "cli/commands.h"

namespace plancheck::cli {
namespace {

// Sorted by name.
const Command kCommands[] = {
    {"annotate", "write the findings into a copy of a .docx as Word comments (or tracked changes)", cmd_annotate},
    {"check", "check documents against the rule sets (the default command)", cmd_check},
    {"citations", "list the legal documents a document cites, with registry status", cmd_citations},
    {"coverage", "show which objectives, contents and solutions of the parent decision a plan addresses",
     cmd_coverage},
    {"explain", "describe a rule, a rule kind or a diagnostic category", cmd_explain},
    {"outline", "print the recognised structure of a document", cmd_outline},
    {"progress", "set a report against its plan: each target, the result reported, met or not", cmd_progress},
    {"registry", "look up known legal documents: `registry lookup KEY`, `registry list`", cmd_registry},
    {"rules", "work with rule sets: `rules test` runs every rule on its own examples", cmd_rules},
    {"serve", "serve a web page (and an HTTP API) for checking one document at a time", cmd_serve},
};

void usage(std::ostream& os) {
    os << "plancheck " << PLANCHECK_VERSION
       << " - checks Vietnamese administrative plans and reports (Decision 1676/QĐ-TTg,\n"
          "Resolution 28-NQ/TW, Decree 30/2020/NĐ-CP) for missing, duplicated, malformed or\n"
          "inconsistent content.\n\n"
          "Usage: plancheck <command> [options] [FILE|DIR]...\n"
          "       plancheck FILE|DIR...            (same as `plancheck check`)\n\nCommands:\n";
    for (const auto& c : kCommands) os << "  " << c.name << std::string(12 - std::strlen(c.name), ' ') << c.summary << "\n";
    os << "\nRun `plancheck <command> --help` for the options of a command.\n"
          "Exit codes: 0 no findings at the --fail-on level, 1 findings, 2 usage error or unreadable input.\n\n"
          "Environment:\n"
          "  PLANCHECK_RULES       rules folder (default: the shipped rules)\n"
          "  PLANCHECK_CACHE_DIR   cache of parsed rule files (default: ~/.cache/plancheck; off: none)\n"
          "  PLANCHECK_PLUGIN_DIR  the only folder to load the .docx/PDF reader modules from\n"
          "  PLANCHECK_SOFFICE     LibreOffice program for .doc/.rtf/.odt (default: soffice on PATH; off: none)\n"
          "  NO_COLOR              no colours in automatic mode\n";
}

}  // namespace
}  // namespace plancheck::cli

namespace {
// Out of memory outside a file's check (writing the report, collecting a huge
// tree): a clear message and exit 2, not std::terminate's abort (issue 17).
int out_of_memory(int argc, char** argv) {
    bool en = false;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        en = en || a == "--lang=en" || (a == "--lang" && i + 1 < argc && std::string_view(argv[i + 1]) == "en");
    }
    std::cout.flush();
    std::cerr << (en ? "plancheck: ran out of memory; the report is incomplete (check fewer files at once, or raise the "
                       "memory limit of this process)\n"
                     : "plancheck: hết bộ nhớ; báo cáo không đầy đủ (hãy kiểm tra ít tệp hơn mỗi lần, hoặc tăng giới hạn "
                       "bộ nhớ của tiến trình)\n");
    return plancheck::cli::kExitUsage;
}
int run(int argc, char** argv);
}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::bad_alloc&) {
        return out_of_memory(argc, argv);
    }
}

namespace {
int run(int argc, char** argv) {
    using namespace plancheck::cli;
    std::ios::sync_with_stdio(false);
    if (argc < 2) {
        usage(std::cerr);
        return kExitUsage;
    }
    std::string first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
        usage(std::cout);
        return kExitClean;
    }
    if (first == "--version" || first == "-V") {
        std::cout << "plancheck " << PLANCHECK_VERSION << "\n";
        return kExitClean;
    }
    for (const auto& c : kCommands) {
        if (first == c.name) return c.run(Args(argv + 2, argv + argc));
    }
    if (!first.empty() && first[0] != '-' && first.find_first_of("./") == std::string::npos) {
        std::cerr << "plancheck: " << say("unknown command '" + first + "'", lang_of(Args(argv + 2, argv + argc)))
                  << "\n\n";
        usage(std::cerr);
        return kExitUsage;
    }
    return cmd_check(Args(argv + 1, argv + argc));
}
}  // namespace
