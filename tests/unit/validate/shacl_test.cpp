// SHACL validation: every graph of tests/data/shacl/cases/ gives the number of results its
// `# expect: N` line says (tests/cli/shacl_agrees.sh checks the same graphs against an npm SHACL
// engine); reports are deterministic and parse back; the human report quotes the source sentence;
// the class hierarchy comes from the ontology; malformed shapes and files fail with exit code 2.
#include "../rdf/sample_graph.hpp"
#include "core/error.hpp"
#include "rdf/model.hpp"
#include "rdf/world.hpp"
#include "validate/report.hpp"
#include "validate/shacl.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace parley;
using namespace parley::validate;
using Catch::Matchers::Contains;

namespace {

const fs::path kData = fs::path(PARLEY_TEST_DATA) / "shacl";
const fs::path kShapes = fs::path(PARLEY_SOURCE_DIR) / "ontology" / "shapes.ttl";

struct Case {
    fs::path file;
    fs::path shapes;
    std::size_t expect = 0;
};

/// The graphs of tests/data/shacl/cases with their `# expect: N` and `# shapes: FILE` lines.
std::vector<Case> cases() {
    std::vector<Case> out;
    for (const auto& entry : fs::directory_iterator(kData / "cases")) {
        if (entry.path().extension() != ".ttl") continue;
        Case c{entry.path(), kShapes, 0};
        std::ifstream in(entry.path());
        std::string line;
        bool has_expect = false;
        for (int i = 0; i < 3 && std::getline(in, line); ++i) {
            if (line.starts_with("# expect: ")) {
                c.expect = std::stoul(line.substr(10));
                has_expect = true;
            }
            if (line.starts_with("# shapes: ")) c.shapes = kData / line.substr(10);
        }
        INFO(entry.path().string());
        REQUIRE(has_expect);
        out.push_back(c);
    }
    std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.file < b.file; });
    return out;
}

ValidationReport run(rdf::World& world, const fs::path& data, const fs::path& shapes,
                     const fs::path& ontology = kData / "ontology") {
    const auto model = rdf::Model::from_files(world, {data});
    return validate_model(world, model.get(), shapes, ontology);
}

/// A file in a fresh temporary directory, removed at the end of the test.
struct TempFile {
    fs::path dir;
    fs::path path;
    TempFile(const std::string& name, const std::string& content) {
        dir = fs::temp_directory_path() / ("parley-shacl-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        path = dir / name;
        std::ofstream(path, std::ios::binary) << content;
    }
    ~TempFile() {
        std::error_code ec;
        fs::remove(path, ec);
        fs::remove(dir, ec); // only when empty
    }
};

constexpr const char* kPrefixes = R"(@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix pl: <https://w3id.org/parley/ontology#> .
@prefix ex: <http://example.org/ns#> .
)";

} // namespace

TEST_CASE("every SHACL test graph gives its expected number of results", "[validate]") {
    rdf::World world;
    const auto all = cases();
    REQUIRE(all.size() >= 40);
    std::set<std::string> components;
    for (const auto& c : all) {
        INFO(c.file.filename().string());
        const auto report = run(world, c.file, c.shapes);
        CHECK(report.results.size() == c.expect);
        CHECK(report.conforms == (c.expect == 0));
        CHECK(report.unsupported.empty());
        const bool bad = c.file.stem().string().ends_with("-bad");
        CHECK(bad == (c.expect > 0));
        for (const auto& r : report.results)
            components.insert(r.component);
    }
    // Every constraint component parley evaluates is triggered by at least one graph.
    for (const char* name :
         {"Class",     "Datatype",  "NodeKind",     "MinCount",     "MaxCount",
          "In",        "HasValue",  "Pattern",      "LanguageIn",   "UniqueLang",
          "MinLength", "MaxLength", "MinInclusive", "MaxInclusive", "MaxExclusive",
          "Node",      "And",       "Or",           "Not",          "Xone"}) {
        INFO(name);
        CHECK(components.contains(std::string(kSh) + name + "ConstraintComponent"));
    }
}

TEST_CASE("every violating SHACL test graph has a conforming sibling", "[validate]") {
    for (const auto& c : cases()) {
        const auto stem = c.file.stem().string();
        if (!stem.ends_with("-bad")) continue;
        INFO(stem);
        CHECK(fs::exists(c.file.parent_path() / (stem.substr(0, stem.size() - 4) + "-ok.ttl")));
    }
}

TEST_CASE("the Turtle report is deterministic and parses back", "[validate]") {
    rdf::World world;
    const auto first = run(world, kData / "cases" / "label-bad.ttl", kShapes);
    const auto second = run(world, kData / "cases" / "label-bad.ttl", kShapes);
    const auto ttl = to_turtle(first);
    CHECK(ttl == to_turtle(second));
    CHECK(to_text(first) == to_text(second));
    REQUIRE(first.results.size() == 3);

    TempFile file("report.ttl", ttl);
    const auto model = rdf::Model::from_files(world, {file.path});
    const auto triples = model.triples();
    const auto count = [&](const std::string& p) {
        return std::count_if(triples.begin(), triples.end(),
                             [&](const rdf::Triple& t) { return t.p.value == p; });
    };
    const std::string sh(kSh);
    CHECK(count(sh + "result") == 3);
    CHECK(count(sh + "focusNode") == 3);
    CHECK(count(sh + "resultPath") == 3);
    CHECK(count(sh + "sourceShape") == 3);
    CHECK(count(sh + "resultSeverity") == 3);
    CHECK(count(sh + "resultMessage") == 3);
    CHECK(std::any_of(triples.begin(), triples.end(), [&](const rdf::Triple& t) {
        return t.p.value == sh + "conforms" && t.o.value == "false";
    }));
    CHECK_THAT(ttl, Contains("sh:sourceConstraintComponent sh:MinCountConstraintComponent"));
    CHECK_THAT(ttl, Contains("sh:sourceShape plsh:ProposalShape-label"));
}

TEST_CASE("a conforming graph gives a conforming report", "[validate]") {
    rdf::World world;
    const auto report = run(world, kData / "cases" / "pattern-ok.ttl", kShapes);
    CHECK(report.conforms);
    CHECK(summary(report) == "0 violations (0 warnings) in 0 focus nodes");
    CHECK(to_text(report).empty());
    CHECK_THAT(to_turtle(report), Contains("sh:conforms true ."));
}

TEST_CASE("the human report quotes the sentence and document of the offending fact", "[validate]") {
    rdf::World world;
    const auto report = run(world, kData / "cli" / "meeting-no-participants.ttl", kShapes);
    REQUIRE(report.results.size() == 1);
    const auto& r = report.results.front();
    CHECK(r.focus.value == "https://w3id.org/parley/id/meeting/2031-03-01-port-aurel");
    CHECK(r.focus_label == "meeting in Port Aurel on 2031-03-01");
    CHECK(r.component == std::string(kSh) + "MinCountConstraintComponent");
    REQUIRE(r.sources.size() == 1);
    CHECK(r.sources.front().document == "harbour-01.txt");
    const auto text = to_text(report);
    CHECK_THAT(text, Contains("Violation: pr:meeting/2031-03-01-port-aurel"));
    CHECK_THAT(text, Contains("plsh:MeetingShape-participant"));
    CHECK_THAT(text, Contains("source: \"Delegations gathered in Port Aurel on Saturday for a "
                              "first round of harbour talks.\" (harbour-01.txt)"));
    CHECK(summary(report) == "1 violation (0 warnings) in 1 focus node");
}

TEST_CASE("a result on a fact edge quotes that fact's sentence", "[validate]") {
    rdf::World world;
    TempFile data("edge.ttl", std::string(kPrefixes) + R"(
<https://w3id.org/parley/id/d> a pl:Document ; pl:fileName "d.txt" .
<https://w3id.org/parley/id/m> a pl:Meeting ; pl:mentionedIn <https://w3id.org/parley/id/d> ;
    pl:participant <https://w3id.org/parley/id/a>, <https://w3id.org/parley/id/d> .
<https://w3id.org/parley/id/a> a pl:Actor ; rdfs:label "A" ; pl:mentionedIn <https://w3id.org/parley/id/d> .
<https://w3id.org/parley/id/f1> a pl:Fact ; rdf:subject <https://w3id.org/parley/id/m> ;
    rdf:predicate pl:participant ; rdf:object <https://w3id.org/parley/id/a> ;
    pl:evidence <https://w3id.org/parley/id/e1> .
<https://w3id.org/parley/id/f2> a pl:Fact ; rdf:subject <https://w3id.org/parley/id/m> ;
    rdf:predicate pl:participant ; rdf:object <https://w3id.org/parley/id/d> ;
    pl:evidence <https://w3id.org/parley/id/e2> .
<https://w3id.org/parley/id/e1> a pl:Evidence ; pl:document <https://w3id.org/parley/id/d> ;
    pl:sentence "A met someone." ; pl:rule "meeting.met" .
<https://w3id.org/parley/id/e2> a pl:Evidence ; pl:document <https://w3id.org/parley/id/d> ;
    pl:sentence "A met the document." ; pl:rule "meeting.met" .
)");
    const auto report = run(world, data.path, kShapes);
    REQUIRE(report.results.size() == 1);
    const auto& r = report.results.front();
    CHECK(r.component == std::string(kSh) + "ClassConstraintComponent");
    REQUIRE(r.value);
    CHECK(r.value->value == "https://w3id.org/parley/id/d");
    REQUIRE(r.sources.size() == 1);
    CHECK(r.sources.front().sentence == "A met the document.");
    CHECK(r.sources.front().document == "d.txt");
}

TEST_CASE("sh:targetClass and sh:class use the ontology's rdfs:subClassOf", "[validate]") {
    rdf::World world;
    TempFile data("person.ttl", std::string(kPrefixes) + "ex:bob a pl:Person .\n");
    // pl:Person is a pl:Actor only through tests/data/shacl/ontology/hierarchy.ttl.
    const auto with = run(world, data.path, kShapes);
    CHECK(with.results.size() == 2); // no rdfs:label, no pl:mentionedIn
    const auto without = run(world, data.path, kShapes, fs::path());
    CHECK(without.results.empty());
}

TEST_CASE("xsd:date literals are checked against the calendar", "[validate]") {
    rdf::World world;
    TempFile shapes("date-shapes.ttl", std::string(kPrefixes) + R"(
ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:on ;
    sh:property [ sh:path ex:on ; sh:datatype xsd:date ] .
)");
    TempFile data("dates.ttl", std::string(kPrefixes) + R"(
ex:a ex:on "2024-02-29"^^xsd:date .
ex:b ex:on "2023-02-29"^^xsd:date .
ex:c ex:on "2025-04-31"^^xsd:date .
ex:d ex:on "2025-12-14"^^xsd:date .
ex:e ex:on "2025-12-14Z"^^xsd:date .
)");
    const auto report = run(world, data.path, shapes.path, fs::path());
    std::set<std::string> bad;
    for (const auto& r : report.results)
        bad.insert(r.focus.value);
    CHECK(bad == std::set<std::string>{"http://example.org/ns#b", "http://example.org/ns#c"});
}

TEST_CASE("malformed shapes fail with exit code 2 naming the shape", "[validate]") {
    rdf::World world;
    TempFile data("data.ttl", std::string(kPrefixes) + "ex:a ex:p 1 .\n");
    SECTION("a non-integer sh:minCount") {
        TempFile shapes("shapes.ttl", std::string(kPrefixes) +
                                          "ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; "
                                          "sh:minCount \"two\" ] .\n");
        try {
            (void)run(world, data.path, shapes.path, fs::path());
            FAIL("no exception");
        } catch (const ParleyError& e) {
            CHECK(e.code() == ExitCode::Usage);
            CHECK_THAT(e.what(), Contains("sh:minCount"));
            CHECK_THAT(e.what(), Contains("shape"));
        }
    }
    SECTION("an invalid sh:pattern") {
        TempFile shapes("shapes.ttl", std::string(kPrefixes) +
                                          "ex:S sh:targetNode ex:a ; sh:pattern \"([a-z\" .\n");
        try {
            (void)run(world, data.path, shapes.path, fs::path());
            FAIL("no exception");
        } catch (const ParleyError& e) {
            CHECK(e.code() == ExitCode::Usage);
            CHECK_THAT(e.what(), Contains("ns#S"));
            CHECK_THAT(e.what(), Contains("shapes.ttl: shape"));
            CHECK_THAT(e.what(), Contains("sh:pattern"));
        }
    }
    SECTION("a syntax error names the file and line") {
        TempFile shapes("broken-shapes.ttl", std::string(kPrefixes) +
                                                 "ex:S sh:targetNode ex:a\n"
                                                 "ex:T sh:targetNode ex:b .\n");
        try {
            (void)run(world, data.path, shapes.path, fs::path());
            FAIL("no exception");
        } catch (const ParleyError& e) {
            CHECK(e.code() == ExitCode::Usage);
            CHECK_THAT(e.what(), Contains("broken-shapes.ttl:8"));
        }
    }
}

TEST_CASE("shape parameters parley does not evaluate are listed", "[validate]") {
    rdf::World world;
    TempFile data("data.ttl", std::string(kPrefixes) + "ex:a ex:p 1 .\n");
    TempFile shapes("closed.ttl", std::string(kPrefixes) +
                                      "ex:S sh:targetNode ex:a ; sh:closed true ; "
                                      "sh:property [ sh:path ex:p ; sh:maxCount 1 ] .\n");
    const auto report = run(world, data.path, shapes.path, fs::path());
    CHECK(report.conforms);
    CHECK(report.unsupported == std::vector<std::string>{std::string(kSh) + "closed"});
}

TEST_CASE("severities are counted apart and results are sorted", "[validate]") {
    rdf::World world;
    const auto report =
        run(world, kData / "cases" / "core-book-bad.ttl", kData / "core-shapes.ttl");
    CHECK(report.violations() == 1);
    CHECK(report.warnings() == 1);
    CHECK(report.focus_nodes() == 2);
    CHECK(summary(report) == "1 violation (1 warning) in 2 focus nodes");
    REQUIRE(report.results.size() == 2);
    CHECK(report.results[0].focus.value < report.results[1].focus.value);
    CHECK(report.results[1].severity == Severity::Warning);
    CHECK_THAT(to_turtle(report), Contains("sh:resultSeverity sh:Warning"));
}

TEST_CASE("the RDF writer's sample graph conforms to ontology/shapes.ttl", "[validate]") {
    rdf::World world;
    const auto sample = test::sample_graph();
    const auto model = rdf::Model::from_graph(world, sample.graph, sample.docs);
    const auto report =
        validate_model(world, model.get(), kShapes, fs::path(PARLEY_SOURCE_DIR) / "ontology");
    INFO(to_text(report));
    CHECK(report.violations() == 0);
    CHECK(report.shapes >= 10);
}

namespace {

/// The triples of `model` as a `TripleSet` (all in the default graph).
rdf::TripleSet triple_set(const rdf::Model& model) {
    return rdf::make_triple_set(model.triples());
}

} // namespace

TEST_CASE("validating a triple set gives the report of validating the same model", "[validate]") {
    rdf::World world;
    std::size_t with_results = 0;
    for (const auto& c : cases()) {
        INFO(c.file.string());
        const auto model = rdf::Model::from_files(world, {c.file});
        // One load of the shapes for both, so that their blank nodes have the same labels.
        const auto shapes = rdf::Model::from_files(world, {c.shapes});
        const auto files = ontology_files(kData / "ontology", c.shapes);
        REQUIRE(!files.empty());
        const auto ontology = rdf::Model::from_files(world, files);
        const auto from_model =
            parley::validate::validate(model.get(), shapes.get(), ontology.get());
        const auto from_set =
            parley::validate::validate(triple_set(model), shapes.get(), ontology.get());
        CHECK(from_set.results.size() == c.expect);
        CHECK(from_set.data_triples == from_model.data_triples);
        CHECK(to_turtle(from_set) == to_turtle(from_model));
        CHECK(to_text(from_set) == to_text(from_model));
        if (!from_set.results.empty()) ++with_results;
    }
    CHECK(with_results > 5);
    // The graph `parley build` validates: the triple set of the RDF writer's sample graph.
    const auto sample = test::sample_graph();
    const auto set = rdf::build_triples(sample.graph, sample.docs);
    const auto model = rdf::Model::from_triples(world, set);
    const fs::path ontology = fs::path(PARLEY_SOURCE_DIR) / "ontology";
    const auto a = validate_triples(world, set, kShapes, ontology);
    const auto b = validate_model(world, model.get(), kShapes, ontology);
    CHECK(a.data_triples == set.size());
    CHECK(to_turtle(a) == to_turtle(b));
    CHECK(a.seconds >= 0);
    CHECK_THAT(timing(a), Contains("validate ") && Contains("s"));
}

TEST_CASE("a typed xsd:string literal in a triple set is the plain literal", "[validate]") {
    rdf::World world;
    const std::string s = "http://example.org/s";
    const std::string p = "http://example.org/p";
    const rdf::TripleSet set =
        rdf::make_triple_set({{rdf::Term::iri(s), rdf::Term::iri(p), rdf::Term::plain("x")},
                              {rdf::Term::iri(s), rdf::Term::iri(p),
                               rdf::Term::typed("x", "http://www.w3.org/2001/XMLSchema#string")}});
    REQUIRE(set.size() == 2);
    const auto report = validate_triples(world, set, kShapes, {});
    CHECK(report.data_triples == 1);
}

TEST_CASE("validating a triple set without shapes is a contract violation", "[validate]") {
    rdf::TripleSet set;
    CHECK_THROWS_AS(parley::validate::validate(set, nullptr, nullptr), InternalError);
}
