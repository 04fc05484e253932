// A librdf model filled from parley's de-duplicated triples or from RDF files, for SPARQL
// (`parley query`) and SHACL validation. parley's own `TripleSet` is the source of truth; this
// model is an in-memory container for querying it.
//
// Storage, chosen by measurement (see ../shared/notes/librdf-facts.md and the README):
//  - librdf "memory" keeps a plain list: a context-less add scans the whole list (quadratic), an
//    add into a context is fast, but every lookup with a bound term scans the list too, so a
//    two-pattern SPARQL join is O(n*m): 97 s for 48k triples on the 2-core test machine.
//  - librdf "hashes" with hash-type "memory" indexes subject+predicate, predicate+object,
//    subject+object and predicate: the same join takes 0.08 s; loading runs at ~60k statements/s
//    (parse, de-duplicate, index). It silently stops adding at about 2M statements, so parley uses
//    it up to `kMaxIndexedStatements`.
// Both storages keep duplicate statements, so parley de-duplicates before adding, and every
// statement is added into a context (both storages support them).
#pragma once

#include "core/document.hpp"
#include "graph/graph.hpp"
#include "rdf/triples.hpp"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

struct librdf_model_s;

namespace parley::rdf {

class World;

/// The largest model parley builds on the indexed ("hashes") storage. Above it, `from_triples`
/// falls back to the list storage and `from_files` refuses (rasqal would need hours for a join).
inline constexpr std::size_t kMaxIndexedStatements = 1'500'000;

/// The context of every statement of a model built from triples or loaded with `Graphs::Union`.
inline constexpr std::string_view kUnionGraph = "https://w3id.org/parley/id/graph/union";

class Model {
public:
    /// How `from_files` treats named graphs (N-Quads).
    enum class Graphs {
        /// Every distinct triple once, whatever graphs it was in; all in the `kUnionGraph`
        /// context. Queries without GRAPH see the merged graph without duplicate rows.
        Union,
        /// Every distinct quad once, in its own context (statements without a graph without a
        /// context). `GRAPH ?g { … }` works; a pattern outside GRAPH matches a triple once
        /// per graph holding it.
        Named
    };

    /// The triples of `build_triples(g, docs, {entail, provenance})`.
    [[nodiscard]] static Model from_graph(World& world, const KnowledgeGraph& g,
                                          const std::vector<Document>& docs, bool entail = true,
                                          bool provenance = true);
    [[nodiscard]] static Model from_triples(World& world, const TripleSet& triples);
    /// Parses each file by extension: .ttl (Turtle), .nt (N-Triples), .nq (N-Quads),
    /// .rdf/.owl/.xml (RDF/XML), .json (RDF/JSON). Throws `ParleyError` (exit 2) naming the file
    /// (and the line) for a missing file, an unknown extension, a syntax error or more than
    /// `kMaxIndexedStatements` statements.
    [[nodiscard]] static Model from_files(World& world,
                                          const std::vector<std::filesystem::path>& files,
                                          Graphs graphs = Graphs::Union);

    Model(Model&&) noexcept;
    Model& operator=(Model&&) noexcept;
    ~Model();

    /// Number of statements in the model (counting a triple once per context holding it).
    [[nodiscard]] std::size_t size() const;
    /// The underlying `librdf_model*`, owned by this object and valid while it lives. Callers may
    /// query it and add statements (into a context, see above) but must not free it.
    [[nodiscard]] librdf_model_s* get() const;
    [[nodiscard]] World& world() const;
    /// True on the indexed ("hashes") storage, false on the list ("memory") storage.
    [[nodiscard]] bool indexed() const;
    /// Every statement of the model as `Triple`s, sorted and de-duplicated (contexts dropped).
    [[nodiscard]] std::vector<Triple> triples() const;

private:
    struct Impl;
    explicit Model(std::unique_ptr<Impl> impl);
    enum class Storage { Indexed, List };
    /// An empty model with contexts on `storage`.
    static std::unique_ptr<Impl> new_model(World& world, Storage storage);
    std::unique_ptr<Impl> impl_;
};

} // namespace parley::rdf
