// A reader module from "another build": right entry point, wrong ABI string.
// plancheck must refuse it (the file becomes input.unreadable), not call it.
#include "ingest/plugin.h"

namespace {
plancheck::ingest::Result never(std::string_view, const std::string&, const plancheck::ingest::Options&) {
    __builtin_trap();
}
}  // namespace

extern "C" __attribute__((visibility("default"))) const plancheck::ingest::plugin::Api* plancheck_ingest_plugin_v1() {
    static auto api = plancheck::ingest::plugin::make_api(&never);
    api.abi = "plancheck-0.0.0/another-compiler";
    return &api;
}
