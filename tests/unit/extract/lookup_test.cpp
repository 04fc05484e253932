// The extractor's look-up structures: the flat string map and the trigger index must answer
// exactly as the ordered sets they stand in for.
#include "extract/flat_map.hpp"
#include "extract/gazetteer.hpp"
#include "extract/internal.hpp"
#include "lexicon/lexicon.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

using namespace parley;
using namespace parley::extract;

namespace {

const Lexicon& lexicon() {
    static const Lexicon lex = Lexicon::load(std::string(PARLEY_SOURCE_DIR) + "/mappings");
    return lex;
}

} // namespace

TEST_CASE("FlatStringMap finds every key and nothing else", "[extract][lookup]") {
    std::vector<std::pair<std::string, int>> items;
    for (int i = 0; i < 3000; ++i)
        items.emplace_back("word" + std::to_string(i), i);
    items.emplace_back("", -1);
    items.emplace_back("a much longer key with several spaces in it", -2);
    const FlatStringMap<int> map(items);
    REQUIRE(map.size() == items.size());
    for (const auto& [key, value] : items) {
        const int* found = map.find(key);
        REQUIRE(found != nullptr);
        CHECK(*found == value);
    }
    CHECK(map.find("word3000") == nullptr);
    CHECK(map.find("Word1") == nullptr);
    CHECK(map.find("word1 ") == nullptr);
    CHECK(map.find("a much longer key with several spaces in it!") == nullptr);
    CHECK_FALSE(FlatStringMap<int>().contains("anything"));
}

TEST_CASE("TriggerIndex answers as the lexicon's trigger sets", "[extract][lookup]") {
    const Lexicon& lex = lexicon();
    const Gazetteer gz(lex);
    const TriggerIndex& index = gz.triggers();
    REQUIRE_FALSE(lex.triggers.empty());
    std::vector<std::string> probes = {"", "the", "said", "xyzzy", "Said", "said "};
    for (const auto& [category, words] : lex.triggers)
        for (const auto& w : words) {
            probes.push_back(w);
            probes.push_back(w + "s");
        }
    std::size_t positives = 0;
    for (const auto& [category, words] : lex.triggers)
        for (const auto& p : probes) {
            const bool expected = words.count(p) > 0;
            positives += expected ? 1 : 0;
            INFO(category << " / '" << p << "'");
            REQUIRE(index.has(category.c_str(), p) == expected);
        }
    CHECK(positives > 100);
    CHECK_FALSE(index.has("no_such_category", "said"));
}
