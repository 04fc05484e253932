// `parley query`'s engine: SPARQL over a model built from the graph or loaded from N-Quads, and
// the result formats.
#include "../rdf/sample_graph.hpp"
#include "core/error.hpp"
#include "query/query.hpp"
#include "rdf/iri.hpp"
#include "rdf/model.hpp"
#include "rdf/world.hpp"
#include "rdf/writer.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>
#include <unistd.h>

using namespace parley;
using namespace parley::query;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

const std::string kPrefixes = "PREFIX pl: <https://w3id.org/parley/ontology#>\n"
                              "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";

std::string render(const QueryResult& r, ResultFormat f, rdf::World& world) {
    std::ostringstream out;
    write_result(out, r, f, world);
    return out.str();
}

} // namespace

TEST_CASE("query: SELECT over the graph model returns the expected rows", "[query]") {
    rdf::World world;
    const auto sample = test::sample_graph();
    const auto model = rdf::Model::from_graph(world, sample.graph, sample.docs);
    const auto r = run_query(model, kPrefixes + "SELECT ?person ?label WHERE { ?person a "
                                                "pl:Person ; rdfs:label ?label } ORDER BY ?label");
    REQUIRE(r.kind == QueryResult::Kind::Bindings);
    CHECK(r.variables == std::vector<std::string>{"person", "label"});
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0][0]->value == rdf::resource_iri("person/steve-witkoff"));
    CHECK(r.rows[0][1]->value == "Steve Witkoff");
    CHECK(r.rows[1][1]->value == "Volodymyr Zelensky");

    // Entailment lets a query without property paths find the opposition.
    const auto opp = run_query(model, kPrefixes + "SELECT ?a WHERE { ?a pl:opposes ?p }");
    CHECK(opp.rows.size() == 1);

    CHECK(render(r, ResultFormat::Csv, world) ==
          "person,label\r\n"
          "https://w3id.org/parley/id/person/steve-witkoff,Steve Witkoff\r\n"
          "https://w3id.org/parley/id/person/volodymyr-zelensky,Volodymyr Zelensky\r\n");
    CHECK(render(r, ResultFormat::Tsv, world) ==
          "?person\t?label\n"
          "<https://w3id.org/parley/id/person/steve-witkoff>\t\"Steve Witkoff\"\n"
          "<https://w3id.org/parley/id/person/volodymyr-zelensky>\t\"Volodymyr Zelensky\"\n");
    const std::string table = render(r, ResultFormat::Table, world);
    CHECK_THAT(table, Contains(" person                       | label\n"));
    CHECK_THAT(table, Contains(" pr:person/steve-witkoff      | Steve Witkoff\n"));
    CHECK_THAT(table, Contains("(2 rows)"));
    const std::string json = render(r, ResultFormat::Json, world);
    CHECK_THAT(json, Contains("\"vars\" : [ \"person\", \"label\" ]"));
    CHECK_THAT(json, Contains("{ \"person\" : { \"type\" : \"uri\", \"value\" : "
                              "\"https://w3id.org/parley/id/person/steve-witkoff\" }, \"label\" : "
                              "{ \"type\" : \"literal\", \"value\" : \"Steve Witkoff\" } }"));
}

TEST_CASE("query: literals with tricky characters in CSV, TSV and JSON", "[query]") {
    rdf::World world;
    const auto sample = test::sample_graph(false);
    const auto model = rdf::Model::from_graph(world, sample.graph, sample.docs);
    const auto r = run_query(model, kPrefixes + "SELECT ?t WHERE { ?s pl:text ?t }");
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0][0]->value == test::tricky_sentence(false));
    CHECK(r.rows[0][0]->tag == "en");
    const std::string csv = render(r, ResultFormat::Csv, world);
    CHECK_THAT(csv, Contains("\"Zelensky said \"\"no\"\" to the plan \\ twice.\nThen\t"));
    const std::string tsv = render(r, ResultFormat::Tsv, world);
    CHECK_THAT(tsv, Contains("\"Zelensky said \\\"no\\\" to the plan \\\\ twice.\\nThen\\ta "));
    CHECK_THAT(tsv, Contains("\"@en\n"));
    const std::string json = render(r, ResultFormat::Json, world);
    CHECK_THAT(json, Contains("\\\"no\\\" to the plan \\\\ twice.\\nThen\\ta \xF0\x9F\x98\x80"));
    CHECK_THAT(json, Contains("\"xml:lang\" : \"en\""));
    // The table keeps every row on one line.
    const std::string table = render(r, ResultFormat::Table, world);
    CHECK_THAT(table, Contains("twice.\\nThen\\ta"));
}

TEST_CASE("query: ASK, CONSTRUCT and errors", "[query]") {
    rdf::World world;
    const auto sample = test::sample_graph();
    const auto model = rdf::Model::from_graph(world, sample.graph, sample.docs);
    const auto yes = run_query(model, kPrefixes + "ASK { ?m pl:host ?a }");
    CHECK(yes.kind == QueryResult::Kind::Boolean);
    CHECK(yes.boolean);
    CHECK(render(yes, ResultFormat::Table, world) == "true\n");
    CHECK(render(yes, ResultFormat::Json, world) == "{ \"head\" : { }, \"boolean\" : true }\n");
    CHECK_FALSE(run_query(model, kPrefixes + "ASK { ?a pl:supports ?p }").boolean);

    const auto g = run_query(model, kPrefixes + "CONSTRUCT { ?a pl:against ?p } WHERE { ?a "
                                                "pl:rejects ?p }");
    CHECK(g.kind == QueryResult::Kind::Graph);
    CHECK(render(g, ResultFormat::Table, world) ==
          "<https://w3id.org/parley/id/person/volodymyr-zelensky> "
          "<https://w3id.org/parley/ontology#against> "
          "<https://w3id.org/parley/id/proposal/20-point-plan> .\n");

    try {
        (void)run_query(model, "SELECT ?x WHERE { ?x ?y }");
        FAIL("expected a ParleyError");
    } catch (const ParleyError& e) {
        CHECK(e.code() == ExitCode::Usage);
        CHECK_THAT(e.what(), Contains("SPARQL"));
    }
}

TEST_CASE("query: GRAPH over N-Quads finds the documents of a fact", "[query]") {
    rdf::World world;
    const auto sample = test::sample_graph();
    const fs::path dir = fs::temp_directory_path() / ("parley-query-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    (void)rdf::write_graph(world, sample.graph, sample.docs, {dir, {"nq"}});
    const std::string q =
        kPrefixes + "SELECT ?g WHERE { GRAPH ?g { ?a pl:rejects ?p } } ORDER BY ?g";
    CHECK(uses_graph_keyword(q));
    const auto named = rdf::Model::from_files(world, {dir / "graph.nq"}, rdf::Model::Graphs::Named);
    const auto r = run_query(named, q);
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0][0]->value == rdf::document_iri("dev-01.txt"));
    CHECK(r.rows[1][0]->value == rdf::document_iri("dev-02.txt"));
    // In union mode a plain pattern sees each triple once.
    const auto merged = rdf::Model::from_files(world, {dir / "graph.nq"});
    CHECK(run_query(merged, kPrefixes + "SELECT ?l WHERE { ?p rdfs:label ?l }").rows.size() ==
          run_query(merged, kPrefixes + "SELECT DISTINCT ?p ?l WHERE { ?p rdfs:label ?l }")
              .rows.size());
    fs::remove_all(dir);
}

TEST_CASE("query: GRAPH keyword detection ignores comments, strings, IRIs and names", "[query]") {
    CHECK(uses_graph_keyword("SELECT * { graph ?g { ?s ?p ?o } }"));
    CHECK_FALSE(uses_graph_keyword("# GRAPH in a comment\nSELECT * { ?s ?p ?o }"));
    CHECK_FALSE(uses_graph_keyword("SELECT * { ?s ?p \"GRAPH\" }"));
    CHECK_FALSE(uses_graph_keyword("SELECT * { ?s <http://x/GRAPH> ?graph . ?s ex:graph ?o }"));
    CHECK(result_format_from_string("csv") == ResultFormat::Csv);
    CHECK_FALSE(result_format_from_string("xml"));
}
