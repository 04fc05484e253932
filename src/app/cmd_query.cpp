// `parley query`: SPARQL over the written graph with the embedded engine (librdf + rasqal).
#include "app/build_runner.hpp"
#include "app/commands.hpp"
#include "core/error.hpp"
#include "query/query.hpp"
#include "rdf/model.hpp"
#include "rdf/world.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace parley {

namespace {

struct QueryOptions {
    std::vector<std::string> data;
    std::string file;
    std::string text;
    std::string results = "table";
    std::string graphs = "auto";
    bool timing = false;
};

constexpr const char* kQueryHelp =
    R"(Runs a SPARQL query (SELECT, ASK, CONSTRUCT) over RDF files with the embedded engine
(Redland librdf + rasqal 0.9.33) and prints the result.

  parley query queries/04-meetings-in-date-range.rq
  parley query --data out/graph.ttl -e 'SELECT ?p WHERE { ?p a <https://w3id.org/parley/ontology#Person> }'
  parley query --results csv queries/05-facts-with-two-sources.rq

Data: --data FILE (repeatable; .ttl .nt .nq .rdf .json); default out/graph.nq if it exists,
else out/graph.ttl. SELECT prints an aligned table (or --results csv|tsv|json, the SPARQL 1.1
result formats), ASK prints true or false, CONSTRUCT prints N-Triples.

Named graphs: in N-Quads every triple is in the graph of each document that states it. By
default (--graphs auto) a query that uses GRAPH sees those named graphs (a pattern outside GRAPH
then matches a triple once per graph); any other query sees the merged graph, each triple once.

rasqal has no SPARQL 1.1 property paths (p/q, p|q, p*); parley build writes the RDFS
entailments (pl:Actor types, pl:participant for pl:host, pl:supports for pl:demands, pl:opposes
for pl:rejects) so that queries do not need them. For graphs of more than a few hundred thousand
triples, load the output into a triple store (see the README).)";

std::string read_query_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw io_error("cannot read query file " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw io_error("cannot read query file " + path);
    return ss.str();
}

void run_query_command(const QueryOptions& o, AppContext& ctx) {
    if (o.file.empty() == o.text.empty())
        throw ParleyError(ExitCode::Usage,
                          "query: give exactly one of a QUERY.rq file or -e 'SPARQL text'");
    const std::string sparql = o.text.empty() ? read_query_file(o.file) : o.text;

    const std::vector<std::filesystem::path> data = default_data(o.data, "query");
    const auto format = query::result_format_from_string(o.results);
    if (!format) throw ParleyError(ExitCode::Usage, "query: unknown --results " + o.results);
    const bool named =
        o.graphs == "named" || (o.graphs == "auto" && query::uses_graph_keyword(sparql));

    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    const rdf::Model model = rdf::Model::from_files(
        ctx.world, data, named ? rdf::Model::Graphs::Named : rdf::Model::Graphs::Union);
    const auto t1 = Clock::now();
    const query::QueryResult result = query::run_query(model, sparql);
    const auto t2 = Clock::now();
    query::write_result(std::cout, result, *format, ctx.world);
    std::cout.flush();
    if (!std::cout) throw io_error("query: cannot write the results to standard output");
    if (o.timing) {
        const std::chrono::duration<double> load = t1 - t0, run = t2 - t1;
        std::cerr << "parley query: loaded " << model.size() << " statements in " << load.count()
                  << " s; query ran in " << run.count() << " s\n";
    }
}

} // namespace

void register_query(CLI::App& app, AppContext& ctx) {
    auto opts = std::make_shared<QueryOptions>();
    CLI::App* cmd = app.add_subcommand("query", "Run a SPARQL query over the written graph");
    cmd->footer(kQueryHelp);
    cmd->add_option("query", opts->file, "File with the SPARQL query (e.g. queries/*.rq)");
    cmd->add_option("-e,--execute", opts->text, "SPARQL query text instead of a file");
    // One file per --data, so that `--data F QUERY.rq` leaves QUERY.rq to the positional.
    cmd->add_option("--data", opts->data,
                    "RDF file to query (repeatable; default out/graph.nq, else out/graph.ttl)")
        ->allow_extra_args(false);
    cmd->add_option("--results", opts->results, "SELECT result format")
        ->check(CLI::IsMember({"table", "csv", "tsv", "json"}))
        ->capture_default_str();
    cmd->add_option("--graphs", opts->graphs,
                    "Named graphs: auto (when the query uses GRAPH), union or named")
        ->check(CLI::IsMember({"auto", "union", "named"}))
        ->capture_default_str();
    cmd->add_flag("--timing", opts->timing, "Print load and query times to standard error");
    cmd->callback([opts, &ctx]() { run_query_command(*opts, ctx); });
}

} // namespace parley
