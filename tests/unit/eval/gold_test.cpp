// Reading gold YAML (tests/data/gold-mini: two invented files) the way tools/score.py does.
#include "core/error.hpp"
#include "eval/gold.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

using namespace parley;
using Catch::Matchers::Contains;

namespace {

const std::filesystem::path kMini = std::filesystem::path(PARLEY_TEST_DATA) / "gold-mini";

/// A fresh temporary directory holding one gold file with `content`.
std::filesystem::path gold_dir_with(const std::string& name, const std::string& content) {
    const auto dir = std::filesystem::temp_directory_path() / ("parley-eval-test-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / (name + ".gold.yaml")) << content;
    return dir;
}

bool has_warning(const GoldSet& g, const std::string& part) {
    for (const auto& w : g.warnings)
        if (w.find(part) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("gold entities of several files merge by normalised canonical name", "[eval]") {
    const GoldSet g = read_gold(kMini);
    REQUIRE(g.files.size() == 2);
    CHECK(std::filesystem::path(g.files[0]).filename() == "a.gold.yaml");
    REQUIRE(g.entities.size() == 7);
    const GoldEntity& marta = g.entities.at("marta olsen");
    CHECK(marta.name == "Marta Olsen");
    CHECK(marta.type == "Person");
    CHECK(marta.aliases == std::set<std::string>{"M. Olsen", "Olsen"});
    CHECK(marta.qids == std::set<std::string>{"Q901"});
    CHECK(marta.docs == std::set<std::string>{"a.gold.yaml", "b.gold.yaml"});
    CHECK(g.name_index.at("m olsen") == std::set<std::string>{"marta olsen"});
    CHECK(g.name_index.at("hu") == std::set<std::string>{"harbor union"});
    CHECK(g.qid_index.at("Q902") == std::set<std::string>{"freedonia"});
}

TEST_CASE("gold relations resolve names, aliases and undeclared names", "[eval]") {
    const GoldSet g = read_gold(kMini);
    // "Fredonia" in b.gold.yaml is an alias of Freedonia.
    CHECK(g.proposals.at({"b.gold.yaml", "p1"}).proposers == std::set<std::string>{"freedonia"});
    CHECK(has_warning(g, "b.gold.yaml: proposal p1 proposed_by refers to 'Fredonia', an alias of "
                         "'freedonia'"));
    // "Coast Guard" is declared nowhere: kept as its own key and indexed for the system side.
    CHECK(g.refs_only == std::set<std::string>{"coast guard"});
    CHECK(g.name_index.at("coast guard") == std::set<std::string>{"coast guard"});
    REQUIRE(g.meetings.size() == 3);
    CHECK(g.meetings[0].participants ==
          std::set<std::string>{"marta olsen", "pavel novak", "freedonia"}); // host included
    CHECK(g.meetings[0].location == std::optional<std::string>("lakeview"));
    CHECK(g.meetings[2].date == std::optional<std::string>("2030-03-05"));
    CHECK_FALSE(g.meetings[2].location.has_value());
}

TEST_CASE("gold proposals keep kw_norm'ed keywords, and only supports/opposes stances count",
          "[eval]") {
    const GoldSet g = read_gold(kMini);
    REQUIRE(g.proposals.size() == 3);
    CHECK(g.proposals.at({"b.gold.yaml", "p1"}).keywords ==
          std::vector<std::string>{"fishing quota"});
    CHECK(g.proposals.at({"a.gold.yaml", "p2"}).proposers ==
          std::set<std::string>{"sylvania", "pavel novak"});
    REQUIRE(g.stances.size() == 3);
    CHECK(g.stances[0] == GoldStance{"marta olsen", "supports", {"a.gold.yaml", "p1"}});
    CHECK(g.stances[2] == GoldStance{"freedonia", "supports", {"b.gold.yaml", "p1"}});
    CHECK(has_warning(g, "'conditional' is not in the contract"));
    CHECK(g.warnings.size() == 3);
}

TEST_CASE("gold quotes carry token multisets", "[eval]") {
    const GoldSet g = read_gold(kMini);
    REQUIRE(g.quotes.size() == 3);
    CHECK(g.quotes[0].speaker == "marta olsen");
    CHECK(g.quotes[0].tokens.size() == 7);
    CHECK(g.quotes[0].tokens.at("together") == 1);
    CHECK(token_bag("the cat saw the other cat.") ==
          TokenBag{{"the", 2}, {"cat", 2}, {"saw", 1}, {"other", 1}});
}

TEST_CASE("gold meetings of different files describing one event merge", "[eval]") {
    const auto evs = read_gold(kMini).events();
    REQUIRE(evs.size() == 2);
    CHECK(evs[0].members == std::vector<std::string>{"a.gold.yaml#m1", "b.gold.yaml#m1"});
    CHECK(evs[0].participants.size() == 3);
    CHECK(evs[0].location == std::optional<std::string>("lakeview"));
    CHECK(evs[1].members == std::vector<std::string>{"b.gold.yaml#m2"});
    CHECK(evs[1].participants == std::set<std::string>{"ria costa", "sylvania", "coast guard"});
}

TEST_CASE("gold meetings with conflicting dates or of the same file stay apart", "[eval]") {
    GoldSet g;
    g.meetings = {{"x.gold.yaml", "m1", {"a", "b"}, std::nullopt, "2030-01-01", ""},
                  {"x.gold.yaml", "m2", {"a", "b"}, std::nullopt, "2030-01-01", ""},
                  {"y.gold.yaml", "m1", {"a", "b"}, std::nullopt, "2030-01-02", ""},
                  {"z.gold.yaml", "m1", {"a", "b", "c"}, std::nullopt, "2030-01-02", ""}};
    const auto evs = g.events();
    REQUIRE(evs.size() == 3); // y#m1 and z#m1 share the date and two participants
    CHECK(evs[2].members == std::vector<std::string>{"y.gold.yaml#m1", "z.gold.yaml#m1"});
}

TEST_CASE("kw_norm: NFKC, typographic quotes and dashes, lower case, spaces", "[eval]") {
    CHECK(kw_norm("  Cross\u2011Border\u00a0 \u201cPatrol\u201d ") == "cross-border \"patrol\"");
    CHECK(kw_norm("\uff26ishing \ufb01sh \u2018quota\u2019 \u2014 20\u2013point") ==
          "fishing fish 'quota' - 20-point");
    CHECK(kw_norm("") == "");
}

TEST_CASE("malformed gold YAML is a content error naming file, line and column", "[eval]") {
    const auto dir = gold_dir_with("bad", "document: bad.txt\nentities:\n  - name: [unclosed\n");
    try {
        (void)read_gold(dir);
        FAIL("no error");
    } catch (const ParleyError& e) {
        CHECK(e.code() == ExitCode::Content);
        CHECK_THAT(e.what(), Contains("bad.gold.yaml:") && Contains("malformed gold YAML"));
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("a gold file with a wrong structure is a content error with its position", "[eval]") {
    const auto dir =
        gold_dir_with("shape", "document: s.txt\nentities:\n  - name: A\n    aliases: x\n");
    try {
        (void)read_gold(dir);
        FAIL("no error");
    } catch (const ParleyError& e) {
        CHECK(e.code() == ExitCode::Content);
        CHECK_THAT(e.what(),
                   Contains("shape.gold.yaml:4:14") && Contains("`aliases` must be a list"));
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("a missing or empty gold directory is an I/O error", "[eval]") {
    CHECK_THROWS_AS(read_gold("/nonexistent/parley-gold"), ParleyError);
    const auto dir = std::filesystem::temp_directory_path() / "parley-eval-test-empty";
    std::filesystem::create_directories(dir);
    try {
        (void)read_gold(dir);
        FAIL("no error");
    } catch (const ParleyError& e) {
        CHECK(e.code() == ExitCode::Usage);
        CHECK_THAT(e.what(), Contains("no *.gold.yaml"));
    }
    std::filesystem::remove_all(dir);
}
