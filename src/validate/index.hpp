// Internal to the validate stage: an indexed, de-duplicated snapshot of an RDF graph with interned
// terms, so that SHACL evaluation does hashed look-ups instead of scanning a librdf "memory" model
// (whose `find_statements` is a linear scan). No librdf types here; `snapshot` in index.cpp reads
// a `librdf_model*` through its public stream API.
#pragma once

#include "rdf/triples.hpp"

#include <cstdint>
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
};

/// One graph as three hash indexes over interned ids. Statements are unique.
class Graph {
public:
    using Pairs = std::vector<std::pair<TermId, TermId>>;

    /// Adds `s p o`; duplicates are ignored.
    void add(TermId s, TermId p, TermId o);
    /// Objects of `s p ?o`, in insertion order (unique).
    [[nodiscard]] std::vector<TermId> objects(TermId s, TermId p) const;
    /// Subjects of `?s p o`, in insertion order (unique).
    [[nodiscard]] std::vector<TermId> subjects(TermId p, TermId o) const;
    /// The first object of `s p ?o`, or `fallback`.
    [[nodiscard]] TermId object(TermId s, TermId p, TermId fallback) const;
    /// `(p, o)` pairs of subject `s`.
    [[nodiscard]] const Pairs& out(TermId s) const;
    /// `(s, o)` pairs of predicate `p`.
    [[nodiscard]] const Pairs& with_predicate(TermId p) const;
    [[nodiscard]] bool has(TermId s, TermId p, TermId o) const;
    [[nodiscard]] std::size_t size() const { return size_; }
    /// Members of the RDF list starting at `head` (`rdf:first`/`rdf:rest`), stopping at
    /// `rdf:nil`, at a malformed cell or at a cycle.
    [[nodiscard]] std::vector<TermId> list(TermId head, TermId first, TermId rest,
                                           TermId nil) const;

private:
    static std::uint64_t key(TermId a, TermId b) { return (std::uint64_t{a} << 32) | b; }
    std::unordered_map<std::uint64_t, std::vector<TermId>> sp_; ///< (s,p) -> objects
    std::unordered_map<std::uint64_t, std::vector<TermId>> po_; ///< (p,o) -> subjects
    std::unordered_map<TermId, Pairs> s_;                       ///< s -> (p,o)
    std::unordered_map<TermId, Pairs> p_;                       ///< p -> (s,o)
    std::size_t size_ = 0;
};

/// Copies every statement of `model` (not owned) into `graph`, interning terms in `terms` with
/// blank-node scope `scope`. Literals typed `xsd:string` become plain literals (RDF 1.1: the
/// same term). Throws `ParleyError` when librdf cannot stream the model.
void snapshot(librdf_model_s* model, TermTable& terms, unsigned scope, Graph& graph);

} // namespace parley::validate::detail
