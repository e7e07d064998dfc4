// The page's "annotated Word file" download: the clerk's .docx with one Word
// comment per finding. The annotate stage (`plancheck annotate`) provides the
// function; until it is connected, annotator() is empty and the server answers
// POST /api/annotate with 501 (the page then hides the download).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "plancheck/diagnostic.h"

namespace plancheck::serve {

// docx: the uploaded package; diags: what `check` found in it (positions as in
// the check JSON); lang: "vi" or "en". Returns the annotated package's bytes;
// throws std::exception when the package cannot be annotated.
using Annotator = std::function<std::string(std::string_view docx, const std::vector<Diagnostic>& diags,
                                            const std::string& lang)>;

// The connected annotator (empty by default). Set it once at the top of
// cli::cmd_serve (cli/serve_cmd.cpp), before anything else runs: the server
// process reads it for GET /api/info and the 501 answer, and its worker
// (`serve --worker --mode annotate`, the same command) calls it.
Annotator& annotator();

}  // namespace plancheck::serve
