// A librdf model ("memory" storage with contexts) filled from parley's de-duplicated triples or
// from RDF files, for SPARQL (`parley query`) and SHACL validation. parley's own `TripleSet` is the
// source of truth; this model is a fast container for querying it.
//
// Why "memory" with contexts: librdf's "memory" storage checks every context-less add against the
// whole statement list (quadratic), while adds into a context skip that check (~640k statements/s)
// but keep duplicates. So every statement is added into a context, and parley de-duplicates before
// adding.
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

/// The context of every statement of a model built from triples or loaded with `Graphs::Union`.
inline constexpr std::string_view kUnionGraph = "https://w3id.org/parley/id/graph/union";

class Model {
public:
    /// How `from_files` treats named graphs (N-Quads).
    enum class Graphs {
        /// Every distinct triple once, whatever graphs it was in; all in the `kUnionGraph`
        /// context. Queries without GRAPH see the merged graph without duplicate rows.
        Union,
        /// Every distinct quad once, in its own context (statements without a graph first and
        /// without context). `GRAPH ?g { … }` works; a pattern outside GRAPH matches a triple once
        /// per graph holding it.
        Named
    };

    /// The triples of `build_triples(g, docs, {entail, provenance})`.
    [[nodiscard]] static Model from_graph(World& world, const KnowledgeGraph& g,
                                          const std::vector<Document>& docs, bool entail = true,
                                          bool provenance = true);
    [[nodiscard]] static Model from_triples(World& world, const TripleSet& triples);
    /// Parses each file by extension: .ttl (Turtle), .nt (N-Triples), .nq (N-Quads),
    /// .rdf/.owl/.xml (RDF/XML). Throws `ParleyError` (exit 2) naming the file (and the line) for a
    /// missing file, an unknown extension or a syntax error.
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
    /// Every statement of the model as `Triple`s, sorted and de-duplicated (contexts dropped).
    [[nodiscard]] std::vector<Triple> triples() const;

private:
    struct Impl;
    explicit Model(std::unique_ptr<Impl> impl);
    /// An empty "memory" model with contexts.
    static std::unique_ptr<Impl> new_memory_model(World& world);
    std::unique_ptr<Impl> impl_;
};

} // namespace parley::rdf
