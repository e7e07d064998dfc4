#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

// Tests (and the plancheck processes they start) keep the cache of parsed rule
// files in the build tree, never in the user's ~/.cache.
int main(int argc, char* argv[]) {
    setenv("PLANCHECK_CACHE_DIR", PLANCHECK_TEST_CACHE_DIR, 0);
    return Catch::Session().run(argc, argv);
}
