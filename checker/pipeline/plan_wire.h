// A plan's targets as the batch's workers pass them to each other
// (pipeline/pairing.cpp: take_new_plans, add_plans).
#pragma once

#include <sys/stat.h>

#include <string>
#include <string_view>

#include "extract/progress.h"
#include "ingest/ingest.h"

namespace plancheck::pipeline {

// What take_new_plans writes for one plan: the file's path and state when it
// was read (with the reading options: the memo's key), and its targets.
std::string shared_plan(const std::string& path, const ingest::Options& opts, const struct stat& st,
                        const extract::PlanTargets& targets);
// A plan's targets across the worker pipe, every field as it was.
std::string serialize_targets(const extract::PlanTargets& t);
bool deserialize_targets(std::string_view bytes, extract::PlanTargets& t);

}  // namespace plancheck::pipeline
