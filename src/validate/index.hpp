// Internal to the validate stage: an indexed, de-duplicated snapshot of an RDF graph with interned
// terms, so that SHACL evaluation does hashed look-ups instead of scanning a librdf "memory" model
// (whose `find_statements` is a linear scan). No librdf types here; `snapshot` in index.cpp reads
// a `librdf_model*` through its public stream API, or parley's own `rdf::TripleSet` directly.
#pragma once

#include "rdf/triples.hpp"

#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

struct librdf_model_s;

namespace parley::validate::detail {

using TermId = std::uint32_t;

/// Interned terms shared by the data, ontology and shapes graphs. Blank nodes are interned per
/// graph (`scope`), so equal labels in two different graphs stay different nodes. Literals typed
/// `xsd:string` are interned as the plain literal (RDF 1.1: the same term).
///
/// A table may start from the `rdf::TermTable` of a triple set (`adopt`): its ids are then the
/// ids of that table, which is borrowed rather than copied, and only the terms it lacks (those of
/// the shapes and the ontology) are stored here.
class TermTable {
public:
    /// Makes the terms of `base` (borrowed: it must outlive this table) the ids
    /// `0 .. base.size() - 1`, its blank nodes in scope `scope`. Only on an empty table.
    void adopt(const rdf::TermTable& base, unsigned scope);
    /// The id of `term` (interned on first use). `scope` only matters for blank nodes.
    TermId intern(rdf::TermRef term, unsigned scope = 0);
    /// The id of the IRI `iri`.
    TermId iri(std::string_view iri);
    /// The term `id`: views valid while this table (and an adopted base) lives.
    [[nodiscard]] rdf::TermRef term(TermId id) const {
        return id < base_size_ ? (*base_)[id] : rdf::TermRef(own_[id - base_size_]);
    }
    [[nodiscard]] std::size_t size() const { return base_size_ + own_.size(); }

private:
    const rdf::TermTable* base_ = nullptr; ///< borrowed (see `adopt`), or none
    TermId base_size_ = 0;
    unsigned base_scope_ = 0;
    std::deque<rdf::Term> own_; ///< ids from `base_size_` on; a deque keeps views valid
    std::unordered_map<std::string, TermId> ids_; ///< of `own_`
    std::string key_;                             ///< reused buffer for the look-up key
};

/// One graph as two sorted arrays of interned ids: (s, p, o) and (p, o, s), 24 bytes per
/// statement. Fill it with `add`, then `seal` it (sort and de-duplicate) before the first query;
/// the look-ups are binary searches. Results come in id order.
class Graph {
public:
    /// `s`, `p`, `o` (the layout of a triple set's triples, so a graph can borrow them).
    using Statement = rdf::IdTriple;
    using Statements = std::span<const Statement>;

    Graph() = default;
    /// Not copyable: `spo_` may point into the graph's own array.
    Graph(const Graph&) = delete;
    Graph& operator=(const Graph&) = delete;
    Graph(Graph&&) noexcept = default; // a moved vector keeps its array, so `spo_` stays valid
    Graph& operator=(Graph&&) noexcept = default;

    /// Adds `s p o` (duplicates are dropped by `seal`). The graph must be sealed again.
    void add(TermId s, TermId p, TermId o);
    /// Prepares for about `statements` more statements.
    void reserve(std::size_t statements);
    /// Sorts and de-duplicates the statements and builds the (p, o, s) index.
    void seal();
    /// Makes `spo` (borrowed: it must outlive the graph or the next `add`; sorted by (s, p, o)
    /// and unique) the statements of the graph and builds the (p, o, s) index, without copying
    /// or sorting `spo`. The graph is sealed.
    void assign_sorted(Statements spo);

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
    std::vector<Statement> own_spo_; ///< the statements, unless borrowed
    Statements spo_;                 ///< `own_spo_` or borrowed; sorted by (s, p, o) once sealed
    std::vector<Statement> pos_;     ///< sorted by (p, o, s) once sealed
    bool sealed_ = true;
};

/// Copies every statement of `model` (not owned) into `graph` and seals it, interning terms in
/// `terms` with blank-node scope `scope`. Literals typed `xsd:string` become plain literals
/// (RDF 1.1: the same term). Throws `ParleyError` when librdf cannot stream the model.
void snapshot(librdf_model_s* model, TermTable& terms, unsigned scope, Graph& graph);

/// Makes the triples of `triples` the statements of `graph` like the model overload (the named
/// graphs are dropped: each triple once), without going through librdf: `terms` (empty) adopts
/// the set's term table and `graph` borrows its triples, so `triples` must outlive both. Only
/// when the set holds literals typed `xsd:string` are the triples copied (and those literals
/// mapped to plain ones).
void snapshot(const rdf::TripleSet& triples, TermTable& terms, unsigned scope, Graph& graph);

} // namespace parley::validate::detail
