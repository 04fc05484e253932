// Internal to the validate stage: an indexed, de-duplicated snapshot of an RDF graph with interned
// terms, so that SHACL evaluation does hashed look-ups instead of scanning a librdf "memory" model
// (whose `find_statements` is a linear scan). No librdf types here; `snapshot` in index.cpp reads
// a `librdf_model*` through its public stream API, or parley's own `rdf::TripleSet` directly.
#pragma once

#include "rdf/triples.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

struct librdf_model_s;

namespace parley::validate::detail {

using TermId = std::uint32_t;

/// Interned terms shared by the data, ontology and shapes graphs. Blank nodes are interned per
/// graph (`scope`), so equal labels in two different graphs stay different nodes.
class TermTable {
public:
    /// The id of `term` (interned on first use). `scope` only matters for blank nodes.
    TermId intern(const rdf::Term& term, unsigned scope = 0);
    /// The id of the IRI `iri`.
    TermId iri(std::string_view iri);
    [[nodiscard]] const rdf::Term& term(TermId id) const { return terms_[id]; }
    [[nodiscard]] std::size_t size() const { return terms_.size(); }

private:
    std::vector<rdf::Term> terms_;
    std::unordered_map<std::string, TermId> ids_;
    std::string key_; ///< reused buffer for the look-up key
};

/// One graph as two sorted arrays of interned ids: (s, p, o) and (p, o, s), 24 bytes per
/// statement. Fill it with `add`, then `seal` it (sort and de-duplicate) before the first query;
/// the look-ups are binary searches. Results come in id order.
class Graph {
public:
    struct Statement {
        TermId s, p, o;
        friend bool operator==(const Statement&, const Statement&) = default;
    };
    using Statements = std::span<const Statement>;

    /// Adds `s p o` (duplicates are dropped by `seal`). The graph must be sealed again.
    void add(TermId s, TermId p, TermId o);
    /// Prepares for about `statements` more statements.
    void reserve(std::size_t statements);
    /// Sorts and de-duplicates the statements and builds the (p, o, s) index.
    void seal();

    /// Objects of `s p ?o`.
    [[nodiscard]] std::vector<TermId> objects(TermId s, TermId p) const;
    /// Subjects of `?s p o`.
    [[nodiscard]] std::vector<TermId> subjects(TermId p, TermId o) const;
    /// The first object of `s p ?o`, or `fallback`.
    [[nodiscard]] TermId object(TermId s, TermId p, TermId fallback) const;
    /// The statements with subject `s` (sorted by predicate, then object).
    [[nodiscard]] Statements out(TermId s) const;
    /// The statements with predicate `p` (sorted by object, then subject).
    [[nodiscard]] Statements with_predicate(TermId p) const;
    [[nodiscard]] bool has(TermId s, TermId p, TermId o) const;
    /// Number of distinct statements (once sealed).
    [[nodiscard]] std::size_t size() const { return spo_.size(); }
    /// Members of the RDF list starting at `head` (`rdf:first`/`rdf:rest`), stopping at
    /// `rdf:nil`, at a malformed cell or at a cycle.
    [[nodiscard]] std::vector<TermId> list(TermId head, TermId first, TermId rest,
                                           TermId nil) const;

private:
    [[nodiscard]] Statements sp_range(TermId s, TermId p) const;
    std::vector<Statement> spo_; ///< sorted by (s, p, o) once sealed
    std::vector<Statement> pos_; ///< sorted by (p, o, s) once sealed
    bool sealed_ = true;
};

/// Copies every statement of `model` (not owned) into `graph` and seals it, interning terms in
/// `terms` with blank-node scope `scope`. Literals typed `xsd:string` become plain literals
/// (RDF 1.1: the same term). Throws `ParleyError` when librdf cannot stream the model.
void snapshot(librdf_model_s* model, TermTable& terms, unsigned scope, Graph& graph);

/// Copies every triple of `triples` into `graph` like the model overload (the named graphs are
/// dropped: each triple once), without going through librdf.
void snapshot(const rdf::TripleSet& triples, TermTable& terms, unsigned scope, Graph& graph);

} // namespace parley::validate::detail
