// The RDF view of a `KnowledgeGraph`: a sorted, de-duplicated set of triples, each with the named
// graphs (source documents) it belongs to. Every serializer and every librdf model is filled from
// this one set, so all outputs hold the same triples by construction ("change the sink").
//
// The set is compact: each distinct term is stored once in a `TermTable` (its strings in one
// arena), numbered in term order, and a triple is three 32-bit term ids (12 bytes). Because id
// order is term order, sorting the id triples sorts the triples by (s, p, o) as `Term`s.
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
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
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

/// A term by reference: views of the strings of a `TermTable` entry or of a `Term`, valid while
/// that table or term lives unchanged. Views made from a table or a `Term` are NUL-terminated
/// (`value.data()[value.size()] == '\0'`, likewise `tag`), so C APIs may read them as C strings.
/// Compares like `Term` (kind, then value, then tag, bytewise).
struct TermRef {
    Term::Kind kind = Term::Kind::Iri;
    std::string_view value;
    std::string_view tag;

    TermRef() = default;
    TermRef(Term::Kind k, std::string_view v, std::string_view t) : kind(k), value(v), tag(t) {}
    /// Views of `t` (implicit, so a `Term` can be passed wherever a `TermRef` is expected).
    TermRef(const Term& t) : kind(t.kind), value(t.value), tag(t.tag) {} // NOLINT
    [[nodiscard]] bool is_literal() const { return kind >= Term::Kind::Plain; }
    /// A copy of the term.
    [[nodiscard]] Term term() const { return {kind, std::string(value), std::string(tag)}; }

    friend bool operator==(const TermRef&, const TermRef&) = default;
    friend auto operator<=>(const TermRef&, const TermRef&) = default;
};

/// `term` in Turtle/N-Triples syntax with full IRIs: `<iri>`, `_:b`, `"v"`, `"v"@en`,
/// `"v"^^<dt>` (escaping as in rdf/escape.hpp; UTF-8 kept as is).
[[nodiscard]] std::string to_turtle(TermRef term);

struct Triple {
    Term s, p, o;
    friend bool operator==(const Triple&, const Triple&) = default;
    friend auto operator<=>(const Triple&, const Triple&) = default;
};

/// The distinct terms of a `TripleSet`, each stored once and numbered in term order: for ids `a`
/// and `b`, `a < b` exactly when `(*this)[a] < (*this)[b]`. The strings live in an arena owned by
/// the table (about the bytes of the strings plus 17 bytes a term); copying a table copies it.
class TermTable {
public:
    using Id = std::uint32_t;

    TermTable();
    TermTable(const TermTable& other);
    TermTable& operator=(const TermTable& other);
    TermTable(TermTable&&) noexcept;
    TermTable& operator=(TermTable&&) noexcept;
    ~TermTable();

    [[nodiscard]] std::size_t size() const { return entries_.size(); }
    [[nodiscard]] bool empty() const { return entries_.empty(); }
    /// The term `id` (`id < size()`), as views into the table.
    [[nodiscard]] TermRef operator[](Id id) const {
        const Entry& e = entries_[id];
        return {e.kind, {e.data, e.size}, tags_[e.tag]};
    }
    [[nodiscard]] Term::Kind kind(Id id) const { return entries_[id].kind; }
    /// A copy of the term `id`.
    [[nodiscard]] Term term(Id id) const { return (*this)[id].term(); }
    /// The id of `t`, or nothing when the table does not hold it (a binary search).
    [[nodiscard]] std::optional<Id> find(TermRef t) const;

private:
    friend struct TermTableAccess; // the builder in triples.cpp fills and sorts the table
    struct Entry {
        const char* data;   ///< points into `blocks_`, NUL-terminated
        std::uint32_t size; ///< bytes of the value, without the NUL
        std::uint16_t tag;  ///< index into `tags_` (0: no tag)
        Term::Kind kind;
    };
    std::vector<Entry> entries_;
    /// Distinct tags (language tags and datatype IRIs); views into `blocks_`, except entry 0 ("").
    std::vector<std::string_view> tags_;
    std::vector<std::unique_ptr<char[]>> blocks_; ///< the arena of NUL-terminated strings
    char* free_ = nullptr;                        ///< the first free byte of `blocks_.back()`
    std::size_t block_free_ = 0;                  ///< bytes left after `free_`
};

/// A triple as three ids of a `TermTable`; ordered like the terms they stand for.
struct IdTriple {
    TermTable::Id s = 0, p = 0, o = 0;
    friend bool operator==(const IdTriple&, const IdTriple&) = default;
    friend auto operator<=>(const IdTriple&, const IdTriple&) = default;
};

/// Sorted, unique triples with their named graphs.
struct TripleSet {
    TermTable terms;               ///< every term of `triples`, and no other
    std::vector<IdTriple> triples; ///< sorted by (s, p, o), unique
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
    /// A copy of triple `i` as terms.
    [[nodiscard]] Triple triple(std::size_t i) const;
    /// Copies of all triples as terms, in the set's order.
    [[nodiscard]] std::vector<Triple> to_triples() const;
};

/// `triples` as a `TripleSet` (sorted, duplicates dropped), every triple in the named graph
/// `graph` ("" = the default graph).
[[nodiscard]] TripleSet make_triple_set(const std::vector<Triple>& triples,
                                        const std::string& graph = "");

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
