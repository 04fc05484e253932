// Scoring a hand-built graph against tests/data/gold-mini. Every expected figure is computed by
// hand in the comments, following tools/score.py.
#include "core/error.hpp"
#include "eval/gold.hpp"
#include "eval/report.hpp"
#include "eval/score.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace parley;
using Catch::Matchers::Contains;

namespace {

const std::filesystem::path kMini = std::filesystem::path(PARLEY_TEST_DATA) / "gold-mini";

/// The system side: 9 entities, 3 meetings, 3 proposals, 3 statements.
KnowledgeGraph mini_graph() {
    KnowledgeGraph g;
    const Vertex marta = g.node(NodeKind::Person, "person/marta-olsen", "Marta Olsen");
    g[marta].qid = "Q901";
    // A second resource for Marta Olsen (label = an alias): a duplicate, so a false positive.
    const Vertex olsen = g.node(NodeKind::Person, "person/olsen", "Olsen");
    // Matches Pavel Novak only through an altLabel (strength 1).
    const Vertex pavel = g.node(NodeKind::Person, "person/pavel-novak", "P. Novak");
    g[pavel].aliases = {"Pavel Nov\u00e1k"};
    const Vertex freedonia = g.node(NodeKind::Country, "country/freedonia", "Freedonia");
    // Typed as a Place, but Sylvania is a Country in the gold: untyped match, typed miss.
    const Vertex sylvania = g.node(NodeKind::Place, "place/sylvania", "Sylvania");
    const Vertex lakeview = g.node(NodeKind::Place, "place/lakeview", "Lakeview");
    const Vertex harbor = g.node(NodeKind::Organization, "organization/harbor-union", "HU");
    const Vertex atlantis = g.node(NodeKind::Place, "place/atlantis", "Atlantis");
    // Only referenced in a gold meeting, never declared: no entity match, but a participant.
    const Vertex guard = g.node(NodeKind::Organization, "organization/coast-guard", "Coast Guard");

    const Vertex x1 = g.node(NodeKind::Meeting, "meeting/x1", "talks in Lakeview");
    g.relate(x1, Relation::Participant, marta);
    g.relate(x1, Relation::Participant, olsen);
    g.relate(x1, Relation::Participant, pavel);
    g.relate(x1, Relation::Host, freedonia);
    g.relate(x1, Relation::Location, lakeview);
    g[x1].date = Date{2030, 3, 1};
    const Vertex x2 = g.node(NodeKind::Meeting, "meeting/x2", "follow-up");
    g.relate(x2, Relation::Participant, sylvania);
    g.relate(x2, Relation::Participant, atlantis);
    g.relate(x2, Relation::Participant, guard);
    g[x2].date = Date{2030, 3, 6};
    const Vertex x3 = g.node(NodeKind::Meeting, "meeting/x3", "union meeting");
    g.relate(x3, Relation::Participant, harbor);

    const Vertex quota = g.node(NodeKind::Proposal, "proposal/quota", "the fishing quota for cod");
    const Vertex patrol = g.node(NodeKind::Proposal, "proposal/patrol", "sea patrols");
    g[patrol].aliases = {"a Joint  Patrol"};
    const Vertex tax = g.node(NodeKind::Proposal, "proposal/tax", "a port tax");
    g.relate(quota, Relation::ProposedBy, freedonia);
    g.relate(patrol, Relation::ProposedBy, sylvania);
    g.relate(tax, Relation::ProposedBy, freedonia);

    g.relate(marta, Relation::Demands, quota);  // demands counts as supports
    g.relate(olsen, Relation::Supports, quota); // the same stance again (same gold actor)
    g.relate(sylvania, Relation::Rejects, quota);
    g.relate(freedonia, Relation::Supports, quota);
    g.relate(pavel, Relation::ConditionallySupports, patrol); // not a stance
    g.relate(freedonia, Relation::Opposes, patrol);           // false positive

    const Vertex s1 = g.node(NodeKind::Statement, "statement/s1", "");
    g[s1].text = "We will protect the waters together";
    g.relate(s1, Relation::Speaker, marta);
    const Vertex s2 = g.node(NodeKind::Statement, "statement/s2", "");
    g[s2].text = "Patrols begin soon."; // 2 of 5 gold tokens: below 60 %
    g.relate(s2, Relation::Speaker, pavel);
    const Vertex s3 = g.node(NodeKind::Statement, "statement/s3", "");
    g[s3].text = "patrols begin in autumn"; // 3 of 5 gold tokens: exactly 60 %
    g.relate(s3, Relation::Speaker, pavel);
    return g;
}

void check_row(const Prf& r, std::size_t gold, std::size_t sys, std::size_t tp_gold,
               std::size_t tp_sys, double p, double rc, double f1) {
    CHECK(r.gold == gold);
    CHECK(r.system == sys);
    CHECK(r.tp_gold == tp_gold);
    CHECK(r.tp_system == tp_sys);
    REQUIRE(r.precision.has_value());
    REQUIRE(r.recall.has_value());
    REQUIRE(r.f1.has_value());
    CHECK(*r.precision == p);
    CHECK(*r.recall == rc);
    CHECK(*r.f1 == f1);
}

const std::vector<std::string>& field(const EvalReport& rep, const std::string& cat,
                                      const std::string& name) {
    for (const auto& c : rep.errors)
        if (c.name == cat)
            for (const auto& f : c.fields)
                if (f.name == name) return f.lines;
    FAIL("no error field " << cat << "." << name);
    static const std::vector<std::string> none;
    return none;
}

} // namespace

TEST_CASE("entities: one-to-one matching, aliases, duplicates, typed mismatch", "[eval]") {
    const EvalReport rep = evaluate(mini_graph(), read_gold(kMini));
    // 7 gold entities, 9 system entities; matched: Marta (QID/label), Pavel (altLabel),
    // Freedonia, Sylvania (untyped only), Lakeview, Harbor Union (label = alias "HU").
    // person/olsen is a duplicate of Marta; Atlantis and Coast Guard match nothing.
    // P = 6/9, R = 6/7, F1 = 2PR/(P+R) = 0.75.
    check_row(rep.entities, 7, 9, 6, 6, 0.6667, 0.8571, 0.75);
    // Typed: Sylvania (system Place, gold Country) drops out: P = 5/9, R = 5/7, F1 = 50/80.
    check_row(rep.entities_typed, 7, 9, 5, 5, 0.5556, 0.7143, 0.625);
    // By type: Person 2/3 and 2/3; Organization 1/2 and 1/1; Country 1/1 and 1/2; Place 1/3, 1/1.
    check_row(rep.entities_by_type[0], 3, 3, 2, 2, 0.6667, 0.6667, 0.6667);
    check_row(rep.entities_by_type[1], 1, 2, 1, 1, 0.5, 1.0, 0.6667);
    check_row(rep.entities_by_type[2], 2, 1, 1, 1, 1.0, 0.5, 0.6667);
    check_row(rep.entities_by_type[3], 1, 3, 1, 1, 0.3333, 1.0, 0.5);

    const auto& fp = field(rep, "entities", "false_positives");
    REQUIRE(fp.size() == 3);
    CHECK_THAT(fp[1],
               Contains("pr:person/olsen") && Contains("(duplicate: Marta Olsen already matched)"));
    CHECK(field(rep, "entities", "false_negatives").size() == 1);
    CHECK_THAT(field(rep, "entities", "false_negatives")[0], Contains("Ria Costa [Person]"));
    const auto& mism = field(rep, "entities_typed", "type_mismatches");
    REQUIRE(mism.size() == 1);
    CHECK_THAT(mism[0], Contains("system Place, gold Country (Sylvania)"));
}

TEST_CASE("entity matching reassigns along an augmenting path (Kuhn)", "[eval]") {
    KnowledgeGraph g;
    // r1: label = Freedonia (3) and a stray altLabel Sylvania (1); tried first, takes Freedonia.
    const Vertex r1 = g.node(NodeKind::Country, "country/a", "Freedonia");
    g[r1].aliases = {"Sylvania"};
    // r2: label = the alias "Fredonia" (2); only Freedonia fits, so r1 moves on to Sylvania.
    g.node(NodeKind::Country, "country/b", "Fredonia");
    const EvalReport rep = evaluate(g, read_gold(kMini));
    CHECK(rep.entities.tp_system == 2);
    CHECK(rep.entities_typed.tp_system == 2);
}

TEST_CASE("meetings: merged gold events, aligned participation, place and date", "[eval]") {
    const EvalReport rep = evaluate(mini_graph(), read_gold(kMini));
    // Gold events: {Marta, Pavel, Freedonia} (a#m1 + b#m1) and {Ria, Sylvania, Coast Guard}: 6.
    // System: x1 {Marta (twice), Pavel, Freedonia} = 3, x2 {Sylvania, Atlantis, Coast Guard} = 3,
    // x3 {Harbor Union} = 1: 7 pairs. Aligned x1 (3 shared) and x2 (2 shared): tp 5.
    // P = 5/7, R = 5/6, F1 = 50/65.
    check_row(rep.meeting_participants, 6, 7, 5, 5, 0.7143, 0.8333, 0.7692);
    CHECK(rep.meetings.gold_meetings == 3);
    CHECK(rep.meetings.gold_events == 2);
    CHECK(rep.meetings.system_meetings == 3);
    CHECK(rep.meetings.aligned == 2);
    CHECK(rep.meetings.location.correct == 1);
    CHECK(rep.meetings.location.total == 1);
    CHECK(rep.meetings.date.correct == 1); // x2 has 2030-03-06, the gold says 2030-03-05
    CHECK(rep.meetings.date.total == 2);
    CHECK(rep.meetings.date.accuracy == 0.5);
}

TEST_CASE("proposals and proposers match by keyword containment", "[eval]") {
    const EvalReport rep = evaluate(mini_graph(), read_gold(kMini));
    // quota matches a#p1 and b#p1, patrol matches a#p2 via its altLabel, tax nothing.
    check_row(rep.proposals, 3, 3, 3, 2, 0.6667, 1.0, 0.8);
    // Pairs: (quota, Freedonia) finds a#p1 and b#p1, (patrol, Sylvania) finds a#p2,
    // (tax, Freedonia) is false; (a#p2, Pavel Novak) is missed. P = 2/3, R = 3/4, F1 = 12/17.
    check_row(rep.proposal_proposer, 4, 3, 3, 2, 0.6667, 0.75, 0.7059);
}

TEST_CASE("stances: demands counts as supports, rejects as opposes, conditional not", "[eval]") {
    const EvalReport rep = evaluate(mini_graph(), read_gold(kMini));
    // System stances (as a set): Marta supports quota (demands + the duplicate's supports),
    // Sylvania opposes quota (rejects), Freedonia supports quota, Freedonia opposes patrol.
    // P = 3/4, R = 3/3, F1 = 1.5/1.75.
    check_row(rep.stances, 3, 4, 3, 3, 0.75, 1.0, 0.8571);
    const auto& fp = field(rep, "stances", "false_positives");
    REQUIRE(fp.size() == 1);
    CHECK_THAT(fp[0], Contains("Freedonia opposes pr:proposal/patrol"));
}

TEST_CASE("quotes: speaker and at least 60 % of the gold tokens", "[eval]") {
    const EvalReport rep = evaluate(mini_graph(), read_gold(kMini));
    // s1: 6 of 7 tokens; s2: 2 of 5 (no); s3: 3 of 5 = 60 % (yes); Ria Costa's quote is missed.
    check_row(rep.quotes, 3, 3, 2, 2, 0.6667, 0.6667, 0.6667);
    const auto& fp = field(rep, "quotes", "false_positives");
    REQUIRE(fp.size() == 1);
    CHECK_THAT(fp[0], Contains("pr:statement/s2") && Contains("'Patrols begin soon.'"));
}

TEST_CASE("an empty graph gives undefined precision and zero recall", "[eval]") {
    const EvalReport rep = evaluate(KnowledgeGraph{}, read_gold(kMini));
    CHECK(rep.entities.system == 0);
    CHECK_FALSE(rep.entities.precision.has_value());
    CHECK(rep.entities.recall == 0.0);
    CHECK_FALSE(rep.entities.f1.has_value());
    CHECK(rep.meetings.aligned == 0);
    CHECK_FALSE(rep.meetings.location.accuracy.has_value());
}

TEST_CASE("the report prints score.py's table layout and JSON", "[eval]") {
    const GoldSet gold = read_gold(kMini);
    const EvalReport rep = evaluate(mini_graph(), gold);
    EvalInfo info;
    info.inputs = {"x"};
    info.gold_dir = "gold-mini";
    info.gold_files = gold.files.size();
    info.gold_entities = gold.entities.size();
    info.warnings = gold.warnings;
    const std::string table = format_table(rep, info);
    CHECK_THAT(table, Contains("\ncategory                gold   sys tp_gold tp_sys      P      R"
                               "     F1\n"));
    CHECK_THAT(table, Contains("\nentities (typed)           7     9       5      5  0.556  0.714"
                               "  0.625\n"));
    CHECK_THAT(table, Contains("Country P 1.000 R 0.500 | Place P 0.333 R 1.000\n"));
    CHECK_THAT(table, Contains("meetings: 3 gold meetings = 2 events, 3 system, 2 aligned; "
                               "location 1/1, date 1/2\n"));
    CHECK_THAT(table, Contains("gold warnings (3):\n"));

    const std::string json = format_json(rep, info, true);
    CHECK(json.rfind("{\n \"info\": {\n  \"inputs\": [\n   \"x\"\n  ],", 0) == 0);
    CHECK_THAT(json, Contains("\"stances\": {\n  \"gold\": 3,\n  \"system\": 4,\n  \"tp_gold\": 3,"
                              "\n  \"tp_system\": 3,\n  \"precision\": 0.75,\n  \"recall\": 1.0,"
                              "\n  \"f1\": 0.8571\n }"));
    CHECK_THAT(json, Contains("\"date\": {\n   \"correct\": 1,\n   \"total\": 2,\n"
                              "   \"accuracy\": 0.5\n  }"));
    CHECK_THAT(json, Contains("\"false_positives_typed\": 4"));
    CHECK(json.substr(json.size() - 3) == "\n}\n");
    CHECK_THAT(format_errors(rep), Contains("## meetings\n"));
}

TEST_CASE("min F1 thresholds (--min): parsing and misses", "[eval]") {
    const EvalReport rep = evaluate(mini_graph(), read_gold(kMini));
    CHECK(failed_thresholds(rep, {parse_min_f1("stances=0.85")}).empty());
    const auto failed = failed_thresholds(
        rep, {parse_min_f1("stances=0.90"), parse_min_f1("entities_typed=0.625")});
    REQUIRE(failed.size() == 1);
    CHECK(failed[0] == "stances F1 0.857 < 0.900");
    CHECK_THROWS_AS(parse_min_f1("nonsense=0.5"), ParleyError);
    CHECK_THROWS_AS(parse_min_f1("stances"), ParleyError);
    CHECK_THROWS_AS(parse_min_f1("stances=1.5"), ParleyError);
    CHECK_THROWS_AS(parse_min_f1("stances=abc"), ParleyError);
}
