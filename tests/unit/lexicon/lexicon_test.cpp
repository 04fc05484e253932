// Tests of the lexicon loader and its lookups: the real mappings/ directory, small lexicons
// written by the tests, and bad configurations under tests/data/bad/mappings-*/ that must fail
// with "FILE:LINE:COLUMN: message".
#include "core/error.hpp"
#include "lexicon/lexicon.hpp"

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unistd.h>
#include <utility>

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using Catch::Matchers::Matches;
using parley::Date;
using parley::EntityType;
using parley::Lexicon;
using parley::ParleyError;

namespace {

/// The real lexicon, loaded once for the whole test run.
const Lexicon& real() {
    static const Lexicon lex = Lexicon::load(fs::path(PARLEY_SOURCE_DIR) / "mappings");
    return lex;
}

Date day(const char* iso) {
    const auto d = Date::parse(iso);
    REQUIRE(d);
    return *d;
}

/// The message of the `ParleyError` thrown by loading `dir`; fails the test if none is thrown.
std::string load_error(const fs::path& dir) {
    try {
        (void)Lexicon::load(dir);
    } catch (const ParleyError& e) {
        CHECK(e.code() == parley::ExitCode::Usage);
        return e.what();
    }
    FAIL("loading " << dir << " did not throw");
    return {};
}

fs::path bad(const char* name) {
    return fs::path(PARLEY_TEST_DATA) / "bad" / name;
}

/// A temporary directory of YAML files, removed at the end of the test.
class TempMappings {
public:
    explicit TempMappings(const std::map<std::string, std::string>& files) {
        // Unique per process and per instance: CTest runs test cases in parallel processes.
        static std::atomic<int> counter{0};
        dir_ = fs::temp_directory_path() / ("parley-lexicon-test-" + std::to_string(::getpid()) +
                                            "-" + std::to_string(counter++));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        for (const auto& [name, text] : files)
            std::ofstream(dir_ / name) << text;
    }
    ~TempMappings() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    TempMappings(const TempMappings&) = delete;
    TempMappings& operator=(const TempMappings&) = delete;
    [[nodiscard]] const fs::path& path() const { return dir_; }

private:
    fs::path dir_;
};

} // namespace

TEST_CASE("the real mappings load and hold every sovereign state", "[lexicon]") {
    const Lexicon& lex = real();
    const auto countries = std::count_if(lex.entries.begin(), lex.entries.end(), [](const auto& e) {
        return e.type == EntityType::Country;
    });
    CHECK(countries >= 197);
    for (const auto& e : lex.entries) {
        CHECK_FALSE(e.name.empty());
        if (e.type == EntityType::Organization) CHECK_FALSE(e.kind.empty());
        if (!e.country.empty()) {
            const auto* c = lex.by_id(e.country);
            REQUIRE(c != nullptr);
        }
    }
    for (const char* id : {"country:US", "country:PS", "country:XK", "country:TW", "country:VA",
                           "country:GB", "country:SS", "org:nato", "org:eu", "org:un", "org:rsf",
                           "org:reuters", "place:donbas", "place:crimea"})
        CHECK(lex.by_id(id) != nullptr);
    CHECK(lex.by_id("country:ZZ") == nullptr);
}

TEST_CASE("names, aliases, demonyms and metonyms resolve", "[lexicon]") {
    const Lexicon& lex = real();

    const auto* us = lex.find_name("U.S.");
    REQUIRE(us != nullptr);
    CHECK(us->id == "country:US");
    CHECK(us->name == "United States");
    CHECK(us->qid == "Q30");
    CHECK(us->type == EntityType::Country);
    CHECK(lex.find_name("United States of America") == us);
    CHECK(lex.find_name("the United States") == us);
    CHECK(lex.find_name("UK")->name == "United Kingdom");
    CHECK(lex.find_name("Türkiye")->id == "country:TR");
    CHECK(lex.find_name("North Atlantic Treaty Organization")->qid == "Q7184");
    CHECK(lex.find_name("U.S. Congress")->name == "United States Congress");

    // Acronyms never match a lower-case word, and entries marked exact_case keep their case.
    CHECK(lex.find_name("us") == nullptr);
    CHECK(lex.find_name("who") == nullptr);
    CHECK(lex.find_name("turkey") == nullptr);
    CHECK(lex.find_name("guardian") == nullptr);
    // Lower-case and upper-case forms of ordinary names do match.
    REQUIRE(lex.find_name("kyiv") != nullptr);
    CHECK(lex.find_name("kyiv")->id == "place:kyiv");
    CHECK(lex.find_name("MOSCOW")->id == "place:moscow");
    CHECK(lex.find_name("Kiev")->id == "place:kyiv");
    CHECK(lex.find_name("Odessa")->id == "place:odesa");
    CHECK(lex.find_name("Donbass")->id == "place:donbas");
    CHECK(lex.find_name("Ruritania") == nullptr);

    const auto* ua = lex.find_demonym("Ukrainian");
    REQUIRE(ua != nullptr);
    CHECK(ua->id == "country:UA");
    CHECK(lex.find_demonym("Ukrainians") == ua);
    CHECK(lex.find_demonym("Emirati")->id == "country:AE");
    CHECK(lex.find_demonym("Sudanese")->id == "country:SD");
    CHECK(lex.find_demonym("Ukraine") == nullptr);

    const auto* ru = lex.find_metonym("the Kremlin");
    REQUIRE(ru != nullptr);
    CHECK(ru->id == "country:RU");
    CHECK(lex.find_metonym("Kremlin") == ru);
    CHECK(lex.find_metonym("The Kremlin") == ru);
    CHECK(lex.find_metonym("Moscow") == ru);
    CHECK(lex.find_metonym("Washington")->id == "country:US");
    CHECK(lex.find_metonym("Brussels")->id == "org:eu");
    CHECK(lex.find_metonym("Kyiv") == ua);
    CHECK(lex.find_metonym("Berlin")->id == "country:DE");

    const auto* kyiv = lex.capital_of("country:UA");
    REQUIRE(kyiv != nullptr);
    CHECK(kyiv->name == "Kyiv");
    CHECK(kyiv->type == EntityType::Place);
    CHECK(kyiv->country == "country:UA");
    CHECK(kyiv->qid == "Q1899");
    CHECK(lex.capital_of("country:PS") == nullptr);

    const auto all = lex.find_names("Kremlin");
    REQUIRE_FALSE(all.empty());
    CHECK(all.front()->type == EntityType::Place);
}

TEST_CASE("role holders are found by title, country and date", "[lexicon]") {
    const Lexicon& lex = real();
    const auto* now = lex.holder("President", "country:US", day("2025-12-14"));
    REQUIRE(now != nullptr);
    CHECK(now->person == "Donald Trump");
    CHECK(now->qid == "Q22686");
    const auto* before = lex.holder("President", "country:US", day("2024-06-01"));
    REQUIRE(before != nullptr);
    CHECK(before->person == "Joe Biden");
    // `to` is exclusive: on inauguration day the office belongs to the successor.
    CHECK(lex.holder("president", "country:US", day("2025-01-20"))->person == "Donald Trump");
    CHECK(lex.holder("President", "country:US", day("2025-01-19"))->person == "Joe Biden");
    CHECK(lex.holder("Chancellor", "country:DE", day("2025-05-05"))->person == "Olaf Scholz");
    CHECK(lex.holder("Chancellor", "country:DE", day("2025-05-06"))->person == "Friedrich Merz");
    CHECK(lex.holder("Secretary General", "org:nato", day("2025-01-01"))->person == "Mark Rutte");
    CHECK(lex.holder("Secretary-General", "org:un", day("2025-01-01"))->person ==
          "António Guterres");
    CHECK(lex.holder("President", "country:US", day("1990-01-01")) == nullptr);
    CHECK(lex.holder("Grand Vizier", "country:US", day("2025-01-01")) == nullptr);

    const auto* fm = lex.find_role("foreign minister");
    REQUIRE(fm != nullptr);
    CHECK(fm->title == "Foreign Minister");
    CHECK(lex.find_role("Defence Minister")->title == "Defense Minister");
    CHECK(lex.find_role("SPOKESWOMAN")->title == "Spokeswoman");
    CHECK(lex.find_role("President")->head_of_state);
    CHECK_FALSE(lex.find_role("Prime Minister")->head_of_state);
    CHECK(lex.find_role("Dogcatcher") == nullptr);

    const auto held = lex.roles_of("Volodymyr Zelensky", day("2025-12-14"));
    REQUIRE(held.size() == 1);
    CHECK(held.front().role->title == "President");
    CHECK(held.front().holder->country == "country:UA");
    CHECK(lex.roles_of("Donald Trump", std::nullopt).size() == 2);
}

TEST_CASE("trigger sets are lower-case and open-ended", "[lexicon]") {
    const Lexicon& lex = real();
    for (const char* category :
         {"meeting_verbs", "meeting_nouns", "proposal_nouns", "propose_verbs", "support_verbs",
          "demand_verbs", "oppose_verbs", "reject_verbs", "conditional_markers", "hedges",
          "negations", "speech_verbs", "org_heads", "place_heads", "person_particles", "not_names"})
        CHECK_FALSE(lex.trigger(category).empty());
    CHECK(lex.trigger("meeting_verbs").count("met") == 1);
    CHECK(lex.trigger("not_names").count("the") == 1);
    CHECK(lex.trigger("not_names").count("The") == 0);
    CHECK(lex.has_trigger("not_names", "December"));
    CHECK(lex.has_trigger("reject_verbs", "Ruled  Out"));
    CHECK(lex.has_trigger("org_heads", "Council"));
    CHECK_FALSE(lex.has_trigger("meeting_verbs", "Ukraine"));
    CHECK(lex.trigger("no_such_category").empty());
    for (const auto& [category, words] : lex.triggers)
        for (const auto& w : words)
            CHECK(std::none_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
}

TEST_CASE("match_at finds the longest surface at word boundaries", "[lexicon]") {
    const Lexicon& lex = real();
    const std::string text = "On Sunday the Trump administration met Ukrainians in Kyiv’s centre.";

    const auto admin = lex.match_at(text, text.find("the Trump"));
    REQUIRE(admin);
    CHECK(admin.length == std::string("the Trump administration").size());
    CHECK(admin.hits.front().entry->id == "country:US");
    CHECK(admin.hits.front().kind == parley::SurfaceKind::Metonym);

    const auto demonym = lex.match_at(text, text.find("Ukrainians"));
    REQUIRE(demonym);
    CHECK(demonym.length == std::string("Ukrainians").size());
    CHECK(demonym.hits.front().kind == parley::SurfaceKind::Demonym);

    // "Kyiv" followed by a curly apostrophe: a place name and a metonym of Ukraine.
    const auto kyiv = lex.match_at(text, text.find("Kyiv"));
    REQUIRE(kyiv);
    CHECK(kyiv.length == 4);
    REQUIRE(kyiv.hits.size() >= 2);
    CHECK(kyiv.hits[0].entry->id == "place:kyiv");
    CHECK(kyiv.hits[0].kind == parley::SurfaceKind::Name);
    const bool metonym = std::any_of(kyiv.hits.begin(), kyiv.hits.end(), [](const auto& h) {
        return h.entry->id == "country:UA" && h.kind == parley::SurfaceKind::Metonym;
    });
    CHECK(metonym);

    // No match in the middle of a word or on an unknown word.
    CHECK_FALSE(lex.match_at(text, text.find("krainians")));
    CHECK_FALSE(lex.match_at(text, text.find("met")));
    CHECK_FALSE(lex.match_at(text, text.size()));

    const std::string dateline = "MOSCOW, Dec 3 (Reuters) - U.S. envoys";
    CHECK(lex.match_at(dateline, 0).hits.front().entry->id == "place:moscow");
    CHECK(lex.match_at(dateline, dateline.find("Reuters")).hits.front().entry->id == "org:reuters");
    const auto us = lex.match_at(dateline, dateline.find("U.S."));
    CHECK(us.length == 4);
    CHECK(us.hits.front().entry->id == "country:US");
    // Acronyms stay case-sensitive in running text.
    const std::string pronoun = "he told us that";
    CHECK_FALSE(lex.match_at(pronoun, pronoun.find("us")));
}

TEST_CASE("surfaces are sorted and complete", "[lexicon]") {
    const Lexicon& lex = real();
    const auto all = lex.surfaces();
    REQUIRE(all.size() > 2000);
    CHECK(std::is_sorted(all.begin(), all.end(), [](const auto& a, const auto& b) {
        return std::tie(a.text, a.kind, a.entry->id) < std::tie(b.text, b.kind, b.entry->id);
    }));
    const auto has = [&](const std::string& text, const char* id, parley::SurfaceKind kind) {
        return std::any_of(all.begin(), all.end(), [&](const auto& s) {
            return s.text == text && s.entry->id == id && s.kind == kind;
        });
    };
    CHECK(has("U.S.", "country:US", parley::SurfaceKind::Alias));
    CHECK(has("Ukraine", "country:UA", parley::SurfaceKind::Name));
    CHECK(has("Ukrainian", "country:UA", parley::SurfaceKind::Demonym));
    CHECK(has("the Kremlin", "country:RU", parley::SurfaceKind::Metonym));
    CHECK(has("Kremlin", "country:RU", parley::SurfaceKind::Metonym));
}

TEST_CASE("a lexicon stays valid after a copy and a move", "[lexicon]") {
    Lexicon moved = Lexicon::load(fs::path(PARLEY_SOURCE_DIR) / "mappings");
    const Lexicon copy = moved;
    const Lexicon target = std::move(moved);
    for (const Lexicon* lex : {&copy, &target}) {
        const auto* us = lex->find_name("USA");
        REQUIRE(us != nullptr);
        // The pointer points into this very object, not into the moved-from one.
        CHECK(us >= lex->entries.data());
        CHECK(us < lex->entries.data() + lex->entries.size());
        CHECK(lex->by_id("country:US") == us);
        CHECK(lex->find_role("Chancellor") >= lex->roles.data());
        CHECK(lex->match_at("USA", 0).hits.front().entry == us);
    }
}

TEST_CASE("small lexicons: capitals, generic entities, merged triggers", "[lexicon]") {
    const TempMappings dir({
        {"a.yaml", "countries:\n"
                   "  - id: country:XA\n"
                   "    name: Examplia\n"
                   "    demonyms: [Examplian]\n"
                   "    metonyms: [the Citadel]\n"
                   "    capital: {name: Exampleville, aliases: [Old Town]}\n"
                   "  - id: country:XB\n"
                   "    name: Chad\n"
                   "    exact_case: true\n"
                   "    capital: Bébéville\n"
                   "triggers:\n"
                   "  meeting_verbs: [Met, huddled]\n"},
        {"b.yaml", "entities:\n"
                   "  - {id: person:jane-doe, type: Person, name: Jane Doe, qid: Q42,\n"
                   "     country: country:XA}\n"
                   "  - {id: org:guild, type: Organization, name: Guild, kind: other,\n"
                   "     exact_case: false}\n"
                   "roles:\n"
                   "  - title: Grand Vizier\n"
                   "    holders:\n"
                   "      - {person: Jane Doe, country: country:XA, to: 2020-01-01}\n"
                   "triggers:\n"
                   "  meeting_verbs: [conferred]\n"
                   "  brand_new_category: [Alpha]\n"},
        {"ignored.txt", "not: [yaml"},
    });
    const Lexicon lex = Lexicon::load(dir.path());
    const auto* cap = lex.capital_of("country:XA");
    REQUIRE(cap != nullptr);
    CHECK(cap->id == "place:exampleville");
    CHECK(cap->kind == "capital");
    CHECK(lex.find_name("Old Town") == cap);
    CHECK(lex.capital_of("country:XB")->id == "place:bebeville");
    CHECK(lex.find_metonym("Citadel")->id == "country:XA");
    CHECK(lex.find_demonym("examplian")->id == "country:XA");
    CHECK(lex.find_name("chad") == nullptr);
    CHECK(lex.find_name("Chad")->id == "country:XB");
    CHECK(lex.find_name("guild")->id == "org:guild");

    const auto* holder = lex.holder("grand vizier", "country:XA", day("2019-12-31"));
    REQUIRE(holder != nullptr);
    CHECK(holder->qid == "Q42"); // shared from the person entry
    CHECK(lex.holder("Grand Vizier", "country:XA", day("2020-01-01")) == nullptr);

    CHECK(lex.trigger("meeting_verbs") == std::set<std::string>{"conferred", "huddled", "met"});
    CHECK(lex.has_trigger("brand_new_category", "alpha"));
}

TEST_CASE("bad mapping directories fail with file, line and column", "[lexicon]") {
    SECTION("malformed YAML") {
        const auto msg = load_error(bad("mappings-malformed"));
        CHECK_THAT(msg, Matches(".*mappings-malformed/countries\\.yaml:[0-9]+:[0-9]+: "
                                "malformed YAML: .*"));
    }
    SECTION("unknown key") {
        const auto msg = load_error(bad("mappings-unknown-key"));
        CHECK_THAT(msg, Contains("organizations.yaml:5:5: unknown key 'acronym'"));
    }
    SECTION("wrong type") {
        const auto msg = load_error(bad("mappings-wrong-type"));
        CHECK_THAT(msg, Contains("countries.yaml:5:7: 'aliases' must be a list of strings"));
    }
    SECTION("duplicate id across files") {
        const auto msg = load_error(bad("mappings-duplicate-id"));
        CHECK_THAT(msg, Contains("20-second.yaml:4:5: duplicate id 'place:geneva'"));
        CHECK_THAT(msg, Contains("10-first.yaml:2:5"));
    }
    SECTION("missing required key") {
        const auto msg = load_error(bad("mappings-missing-key"));
        CHECK_THAT(msg, Contains("roles.yaml:4:9: missing required key 'country'"));
    }
    SECTION("reference to an unknown id") {
        const auto msg = load_error(bad("mappings-bad-ref"));
        CHECK_THAT(msg, Contains("places.yaml:4:14: 'country' refers to unknown id 'country:ZZ'"));
    }
    SECTION("invalid date") {
        const auto msg = load_error(bad("mappings-bad-date"));
        CHECK_THAT(msg, Contains("roles.yaml:6:55: 'from' must be a date YYYY-MM-DD"));
    }
    SECTION("overlapping holder periods") {
        const auto msg = load_error(bad("mappings-overlap"));
        CHECK_THAT(msg, Contains("roles.yaml:7:9: holder period of Second Person overlaps"));
    }
    SECTION("directory without YAML") {
        const auto msg = load_error(bad("mappings-no-yaml"));
        CHECK_THAT(msg, Contains("mappings-no-yaml: mapping directory has no *.yaml file"));
    }
    SECTION("missing directory") {
        const auto msg = load_error(bad("mappings-does-not-exist"));
        CHECK_THAT(msg, Contains("mappings-does-not-exist: mapping directory does not exist"));
    }
}

TEST_CASE("schema violations written inline are reported precisely", "[lexicon]") {
    const auto error_of = [](const std::string& yaml) {
        const TempMappings dir({{"x.yaml", yaml}});
        return load_error(dir.path());
    };
    CHECK_THAT(error_of("countries:\n  - {id: country:ua, name: Ukraine}\n"),
               Contains("x.yaml:2:10: id 'country:ua' must have the form country:XX"));
    CHECK_THAT(error_of("organizations:\n  - {id: org:x, name: X, kind: club}\n"),
               Contains("x.yaml:2:32: organization kind 'club' is not one of"));
    CHECK_THAT(error_of("places:\n  - {id: place:x, qid: 123}\n"),
               Contains("x.yaml:2:5: missing required key 'name'"));
    CHECK_THAT(error_of("places:\n  - {id: place:x, name: X, qid: X1}\n"),
               Contains("x.yaml:2:33: 'qid' must be a Wikidata id"));
    CHECK_THAT(error_of("places:\n  - {id: place:x, name: X, exact_case: maybe}\n"),
               Contains("x.yaml:2:40: 'exact_case' must be true or false"));
    CHECK_THAT(error_of("places:\n  - {id: place:x, name: X, id: place:y}\n"),
               Contains("x.yaml:2:28: duplicate key 'id'"));
    CHECK_THAT(error_of("triggers:\n  meeting_verbs: met\n"),
               Contains("x.yaml:2:18: 'meeting_verbs' must be a list of strings"));
    CHECK_THAT(error_of("triggers:\n  a: [x]\n  a: [y]\n"),
               Contains("x.yaml:3:3: duplicate trigger category 'a'"));
    CHECK_THAT(error_of("triggers:\n  Bad-Name: [x]\n"),
               Contains("x.yaml:2:3: trigger category 'Bad-Name'"));
    CHECK_THAT(error_of("people:\n  - {id: person:x, name: X}\n"),
               Contains("x.yaml:1:1: unknown key 'people'"));
    CHECK_THAT(error_of("- just\n- a list\n"), Contains("x.yaml:1:1: the top level"));
    CHECK_THAT(error_of("roles:\n  - {title: King}\n  - {title: Monarch, variants: [KING]}\n"),
               Contains("x.yaml:3:33: role title or variant 'KING' is already used by role"));
    CHECK_THAT(error_of("entities:\n  - {id: place:x, type: Planet, name: X}\n"),
               Contains("x.yaml:2:25: type 'Planet' is not one of"));
    CHECK_THAT(error_of("countries:\n  - {id: country:XA, name: A, kind: state}\n"),
               Contains("x.yaml:2:31: unknown key 'kind'"));
    CHECK_THAT(error_of("places:\n  - {id: place:x, name: \"bad \xff byte\"}\n"),
               Contains("x.yaml:2:30: invalid UTF-8"));
}
