// The RDF view of a `KnowledgeGraph`: a sorted, de-duplicated set of triples, each with the named
// graphs (source documents) it belongs to. Every serializer and every librdf model is filled from
// this one set, so all outputs hold the same triples by construction ("change the sink").
//
// Mapping (see also the "RDF model" section of the README):
//  - node: `pr:<key> rdf:type pl:<Kind>`; `rdfs:label` (documents: `dcterms:title`@en);
//    `skos:altLabel` per alias; `owl:sameAs <http://www.wikidata.org/entity/Q…>` when the QID is
//    known; `pl:role` per role; `pl:date "…"^^xsd:date` (meetings, statements, proposals with a
//    date; documents: `pl:published`); `pl:text "…"@en` (statements); `pl:mentionedIn` per source
//    document; `pl:numSources N` (xsd:integer, when N > 0).
//  - edge `S -rel-> O`: `S pl:<rel> O`. With evidence (and `provenance`), the fact is reified:
//    `pr:fact/<h> a pl:Fact; rdf:subject S; rdf:predicate P; rdf:object O; pl:numSources N;
//    pl:confidence "c"^^xsd:decimal; pl:evidence pr:evidence/<h2>` and every evidence becomes
//    `pr:evidence/<h2> a pl:Evidence; pl:document D; prov:wasDerivedFrom D; pl:sentence "…"@en;
//    pl:beginOffset n; pl:endOffset n; pl:rule "…"; pl:confidence "c"^^xsd:decimal`.
//    `<h>` is FNV-1a 64 of the S, P and O IRIs, `<h2>` of the fact IRI and the evidence fields.
//  - document (from the `Document` list): `pr:document/<slug> a pl:Document; pl:fileName;
//    dcterms:title@en; pl:published xsd:date; pl:outlet`.
//  - entailment (`entail`): `rdf:type pl:Actor` for persons, organizations and countries; the
//    super-property triple of `pl:host` (`pl:participant`), `pl:demands` (`pl:supports`) and
//    `pl:rejects` (`pl:opposes`). Entailed triples get no evidence of their own.
//  - named graphs: node triples belong to the graphs of the node's source documents, edge and fact
//    triples to the documents of the edge's evidence (an edge without evidence: a `mentionedIn`
//    edge to its document, else the source node's documents), evidence triples to their document,
//    document triples to the document's own graph; a triple with no document is in the default
//    graph. Graph IRIs are the document IRIs.
#pragma once

#include "core/document.hpp"
#include "graph/graph.hpp"

#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace parley::rdf {

/// An RDF term as plain strings.
struct Term {
    enum class Kind : std::uint8_t {
        Iri,   ///< `value` is the IRI
        Blank, ///< `value` is the blank node label
        Plain, ///< literal without language or datatype (xsd:string)
        Lang,  ///< literal with language tag `tag`
        Typed  ///< literal with datatype IRI `tag`
    };
    Kind kind = Kind::Iri;
    std::string value;
    std::string tag;

    [[nodiscard]] static Term iri(std::string v) { return {Kind::Iri, std::move(v), {}}; }
    [[nodiscard]] static Term blank(std::string v) { return {Kind::Blank, std::move(v), {}}; }
    [[nodiscard]] static Term plain(std::string v) { return {Kind::Plain, std::move(v), {}}; }
    [[nodiscard]] static Term lang(std::string v, std::string language) {
        return {Kind::Lang, std::move(v), std::move(language)};
    }
    [[nodiscard]] static Term typed(std::string v, std::string datatype) {
        return {Kind::Typed, std::move(v), std::move(datatype)};
    }
    [[nodiscard]] bool is_literal() const { return kind >= Kind::Plain; }

    friend bool operator==(const Term&, const Term&) = default;
    friend auto operator<=>(const Term&, const Term&) = default;
};

/// `term` in Turtle/N-Triples syntax with full IRIs: `<iri>`, `_:b`, `"v"`, `"v"@en`,
/// `"v"^^<dt>` (escaping as in rdf/escape.hpp; UTF-8 kept as is).
[[nodiscard]] std::string to_turtle(const Term& term);

struct Triple {
    Term s, p, o;
    friend bool operator==(const Triple&, const Triple&) = default;
    friend auto operator<=>(const Triple&, const Triple&) = default;
};

/// Sorted, unique triples with their named graphs.
struct TripleSet {
    std::vector<Triple> triples; ///< sorted by (s, p, o), unique
    /// Graph IRIs in sorted order; index 0 is "" (the default graph).
    std::vector<std::string> graph_names{""};
    /// Graphs of triple `i`: `graph_ids[graph_offsets[i] .. graph_offsets[i + 1])`, sorted,
    /// never empty (0 = default graph, only when the triple has no document).
    std::vector<std::uint32_t> graph_offsets{0};
    std::vector<std::uint32_t> graph_ids;

    [[nodiscard]] std::size_t size() const { return triples.size(); }
    [[nodiscard]] std::span<const std::uint32_t> graphs_of(std::size_t i) const {
        return std::span<const std::uint32_t>(graph_ids).subspan(
            graph_offsets[i], graph_offsets[i + 1] - graph_offsets[i]);
    }
    /// Number of (triple, graph) pairs: the line count of the N-Quads output.
    [[nodiscard]] std::size_t quad_count() const { return graph_ids.size(); }
};

struct TripleOptions {
    bool entail = true;     ///< add the RDFS entailments listed above
    bool provenance = true; ///< reify facts with their evidence
};

/// Maps `g` and the documents `docs` to RDF as described at the top of this file.
[[nodiscard]] TripleSet build_triples(const KnowledgeGraph& g, const std::vector<Document>& docs,
                                      const TripleOptions& options = {});

/// The super-property of `r` (`Host` -> `Participant`, `Demands` -> `Supports`, `Rejects` ->
/// `Opposes`), or `r` itself when it has none.
[[nodiscard]] Relation super_property(Relation r);

} // namespace parley::rdf
