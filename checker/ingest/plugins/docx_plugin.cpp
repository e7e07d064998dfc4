// Entry point of plancheck-docx.so (see ingest/plugin.h).
#include <exception>

#include "ingest/plugin.h"

namespace {

plancheck::ingest::Result read(std::string_view bytes, const std::string& path,
                               const plancheck::ingest::Options& opts) {
    try {
        return plancheck::ingest::read_docx_document(bytes, path, opts);
    } catch (const std::exception& e) {  // never let an exception cross the module boundary
        return plancheck::UnreadableInput{std::string("the .docx could not be read: ") + e.what(),
                                          "open it in Word or LibreOffice and save it again"};
    }
}

}  // namespace

extern "C" __attribute__((visibility("default"))) const plancheck::ingest::plugin::Api* plancheck_ingest_plugin_v1() {
    static const auto api = plancheck::ingest::plugin::make_api(&read);
    return &api;
}
