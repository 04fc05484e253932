// SPARQL over a librdf model with rasqal (librdf's "sparql" query language), results materialized
// as parley types and printed as an aligned table, CSV, TSV or SPARQL 1.1 JSON. rasqal 0.9.33 has
// no SPARQL 1.1 property paths; `parley build` writes the RDFS entailments instead.
#pragma once

#include "rdf/triples.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace parley::rdf {
class Model;
class World;
} // namespace parley::rdf

namespace parley::query {

enum class ResultFormat { Table, Csv, Tsv, Json };

/// `table`, `csv`, `tsv`, `json`; nullopt for anything else.
[[nodiscard]] std::optional<ResultFormat> result_format_from_string(std::string_view s);

struct QueryResult {
    enum class Kind { Bindings, Boolean, Graph };
    Kind kind = Kind::Bindings;
    std::vector<std::string> variables;                      ///< SELECT: names without `?`
    std::vector<std::vector<std::optional<rdf::Term>>> rows; ///< SELECT: nullopt = unbound
    bool boolean = false;                                    ///< ASK
    std::vector<rdf::Triple> triples;                        ///< CONSTRUCT/DESCRIBE, sorted
};

/// Runs `sparql` over `model`. Throws `ParleyError` (exit 2) with rasqal's message (and line) for a
/// query that does not parse or cannot run.
[[nodiscard]] QueryResult run_query(const rdf::Model& model, std::string_view sparql);

/// True when `sparql` uses the GRAPH keyword outside comments, strings and IRIs: such a query needs
/// the named graphs of the data (`Model::Graphs::Named`).
[[nodiscard]] bool uses_graph_keyword(std::string_view sparql);

/// Writes `result`: SELECT in `format`; ASK as `true`/`false` (JSON: `{"head":{},"boolean":…}`);
/// CONSTRUCT as N-Triples (any format). The table abbreviates IRIs with the output prefixes
/// (`pl:`, `pr:person/…`) and shows literals by their text.
void write_result(std::ostream& out, const QueryResult& result, ResultFormat format,
                  rdf::World& world);

} // namespace parley::query
