// The one in-memory model every later stage reads: a Boost.Graph `adjacency_list` whose vertices
// are resources (actors, places, meetings, proposals, statements, documents) and whose edges are
// relations between them, each with its evidence. Built by `resolve`, read by `rdf`, `export`,
// `validate` and `eval`.
#pragma once

#include "core/document.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace parley {

enum class NodeKind {
    Person,
    Organization,
    Country,
    Place,
    Meeting,
    Proposal,
    Statement,
    Document
};

/// `Person`, `Organization`, ... (the ontology class local name).
[[nodiscard]] const char* to_string(NodeKind k);
[[nodiscard]] std::optional<NodeKind> node_kind_from_string(std::string_view s);
/// Person, Organization and Country are actors (pl:Actor).
[[nodiscard]] bool is_actor(NodeKind k);

enum class Relation {
    Participant,           ///< meeting -> actor
    Host,                  ///< meeting -> actor (sub-property of participant)
    Location,              ///< meeting -> place or country
    ProposedBy,            ///< proposal -> actor
    Supports,              ///< actor -> proposal
    Demands,               ///< actor -> proposal (sub-property of supports)
    Opposes,               ///< actor -> proposal
    Rejects,               ///< actor -> proposal (sub-property of opposes)
    ConditionallySupports, ///< actor -> proposal offered under a condition
    ConditionalOn,         ///< proposal (offer) -> proposal (condition)
    Speaker,               ///< statement -> actor
    Affiliation,           ///< person -> organization or country
    MentionedIn            ///< any resource -> document
};

/// The ontology property local name, e.g. `participant`, `proposedBy`, `mentionedIn`.
[[nodiscard]] const char* to_string(Relation r);
[[nodiscard]] std::optional<Relation> relation_from_string(std::string_view s);

struct NodeProps {
    NodeKind kind = NodeKind::Person;
    std::string key;   ///< deterministic IRI local part, e.g. `person/volodymyr-zelensky`
    std::string label; ///< preferred name (rdfs:label)
    std::set<std::string> aliases;  ///< other surface forms (skos:altLabel), never the label
    std::string qid;                ///< Wikidata id or empty
    std::set<std::string> roles;    ///< pl:role values
    std::optional<Date> date;       ///< meeting date; document publication date
    std::string text;               ///< statement text (pl:text); document title
    std::set<std::string> sources;  ///< ids of the documents that mention this resource
    std::vector<Evidence> evidence; ///< sorted, unique
};

struct EdgeProps {
    Relation rel = Relation::MentionedIn;
    std::vector<Evidence> evidence;          ///< sorted, unique
    [[nodiscard]] double confidence() const; ///< the highest evidence confidence
    [[nodiscard]] std::set<std::string> sources() const;
};

using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeProps, EdgeProps>;
using Vertex = BoostGraph::vertex_descriptor;
using Edge = BoostGraph::edge_descriptor;

/// A de-duplicated graph: one vertex per key, one edge per (source, relation, target).
class KnowledgeGraph {
public:
    KnowledgeGraph();
    /// A deep copy (the edge index is rebuilt for the copy's own edges).
    KnowledgeGraph(const KnowledgeGraph& other);
    KnowledgeGraph& operator=(const KnowledgeGraph& other);
    /// Moves take the graph over without copying it (Boost's `adjacency_list` has no move of
    /// its own; its `swap` copies); the moved-from graph is empty.
    KnowledgeGraph(KnowledgeGraph&& other);
    KnowledgeGraph& operator=(KnowledgeGraph&& other);
    ~KnowledgeGraph();

    /// Returns the vertex with `key`, creating it with `kind` and `label` when new.
    Vertex node(NodeKind kind, const std::string& key, const std::string& label);
    [[nodiscard]] std::optional<Vertex> find(const std::string& key) const;
    /// Adds (or extends with `ev`) the edge `from -rel-> to`.
    Edge relate(Vertex from, Relation rel, Vertex to, const Evidence& ev);
    /// Adds (or extends) the edge without evidence (e.g. mentionedIn, affiliation from a lexicon).
    Edge relate(Vertex from, Relation rel, Vertex to);

    [[nodiscard]] BoostGraph& boost() { return *g_; }
    [[nodiscard]] const BoostGraph& boost() const { return *g_; }
    [[nodiscard]] NodeProps& operator[](Vertex v) { return (*g_)[v]; }
    [[nodiscard]] const NodeProps& operator[](Vertex v) const { return (*g_)[v]; }
    [[nodiscard]] EdgeProps& operator[](Edge e) { return (*g_)[e]; }
    [[nodiscard]] const EdgeProps& operator[](Edge e) const { return (*g_)[e]; }
    [[nodiscard]] std::size_t num_nodes() const { return boost::num_vertices(*g_); }
    [[nodiscard]] std::size_t num_edges() const { return boost::num_edges(*g_); }

    /// Vertices sorted by key: the deterministic iteration order for every writer.
    [[nodiscard]] std::vector<Vertex> sorted_nodes() const;
    /// Out-edges of `v` sorted by (relation, target key).
    [[nodiscard]] std::vector<Edge> sorted_out_edges(Vertex v) const;
    /// Targets of `v` over `rel`, sorted by key.
    [[nodiscard]] std::vector<Vertex> targets(Vertex v, Relation rel) const;
    /// Sources pointing to `v` over `rel`, sorted by key.
    [[nodiscard]] std::vector<Vertex> sources(Vertex v, Relation rel) const;

private:
    /// Never null. Held by pointer so that moving a `KnowledgeGraph` moves the pointer: the
    /// edge descriptors in `edges_` point into the graph's edge storage and stay valid.
    std::unique_ptr<BoostGraph> g_;
    std::map<std::string, Vertex> by_key_;
    std::map<std::tuple<Vertex, Relation, Vertex>, Edge> edges_;
};

} // namespace parley
