#include "graph/graph.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <array>

namespace parley {

namespace {
constexpr std::array kNodeKinds = {"Person",  "Organization", "Country",   "Place",
                                   "Meeting", "Proposal",     "Statement", "Document"};
constexpr std::array kRelations = {"participant",   "host",     "location",
                                   "proposedBy",    "supports", "demands",
                                   "opposes",       "rejects",  "conditionallySupports",
                                   "conditionalOn", "speaker",  "affiliation",
                                   "mentionedIn"};
} // namespace

const char* to_string(NodeKind k) {
    return kNodeKinds.at(static_cast<std::size_t>(k));
}

std::optional<NodeKind> node_kind_from_string(std::string_view s) {
    for (std::size_t i = 0; i < kNodeKinds.size(); ++i)
        if (s == kNodeKinds[i]) return static_cast<NodeKind>(i);
    return std::nullopt;
}

bool is_actor(NodeKind k) {
    return k == NodeKind::Person || k == NodeKind::Organization || k == NodeKind::Country;
}

const char* to_string(Relation r) {
    return kRelations.at(static_cast<std::size_t>(r));
}

std::optional<Relation> relation_from_string(std::string_view s) {
    for (std::size_t i = 0; i < kRelations.size(); ++i)
        if (s == kRelations[i]) return static_cast<Relation>(i);
    return std::nullopt;
}

double EdgeProps::confidence() const {
    double c = 0.0;
    for (const auto& e : evidence)
        c = std::max(c, e.confidence);
    return evidence.empty() ? 1.0 : c;
}

std::set<std::string> EdgeProps::sources() const {
    std::set<std::string> s;
    for (const auto& e : evidence)
        s.insert(e.doc);
    return s;
}

KnowledgeGraph::KnowledgeGraph() : g_(std::make_unique<BoostGraph>()) {}

KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other)
    : g_(std::make_unique<BoostGraph>(*other.g_)), by_key_(other.by_key_) {
    // The copied descriptors would point into `other`'s edges: index the copy's own.
    for (auto [it, end] = boost::edges(*g_); it != end; ++it)
        edges_.emplace(
            std::make_tuple(boost::source(*it, *g_), (*g_)[*it].rel, boost::target(*it, *g_)), *it);
}

KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
    if (this != &other) *this = KnowledgeGraph(other);
    return *this;
}

KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&& other) : KnowledgeGraph() {
    *this = std::move(other);
}

KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&& other) {
    if (this == &other) return *this;
    std::swap(g_, other.g_);
    by_key_.swap(other.by_key_);
    edges_.swap(other.edges_);
    // Leave `other` empty, as a moved-from graph is expected to be.
    other.g_->clear();
    other.by_key_.clear();
    other.edges_.clear();
    return *this;
}

KnowledgeGraph::~KnowledgeGraph() = default;

Vertex KnowledgeGraph::node(NodeKind kind, const std::string& key, const std::string& label) {
    PARLEY_CHECK(!key.empty(), "a node needs a key");
    if (auto it = by_key_.find(key); it != by_key_.end()) return it->second;
    Vertex v = boost::add_vertex(*g_);
    (*g_)[v].kind = kind;
    (*g_)[v].key = key;
    (*g_)[v].label = label;
    by_key_.emplace(key, v);
    return v;
}

std::optional<Vertex> KnowledgeGraph::find(const std::string& key) const {
    if (auto it = by_key_.find(key); it != by_key_.end()) return it->second;
    return std::nullopt;
}

Edge KnowledgeGraph::relate(Vertex from, Relation rel, Vertex to) {
    auto k = std::make_tuple(from, rel, to);
    if (auto it = edges_.find(k); it != edges_.end()) return it->second;
    auto [e, added] = boost::add_edge(from, to, *g_);
    PARLEY_CHECK(added, "parallel edges are allowed in the adjacency list");
    (*g_)[e].rel = rel;
    edges_.emplace(k, e);
    return e;
}

Edge KnowledgeGraph::relate(Vertex from, Relation rel, Vertex to, const Evidence& ev) {
    Edge e = relate(from, rel, to);
    add_evidence((*g_)[e].evidence, ev);
    return e;
}

std::vector<Vertex> KnowledgeGraph::sorted_nodes() const {
    std::vector<Vertex> out;
    out.reserve(by_key_.size());
    for (const auto& [key, v] : by_key_)
        out.push_back(v);
    return out;
}

std::vector<Edge> KnowledgeGraph::sorted_out_edges(Vertex v) const {
    std::vector<Edge> out;
    for (auto [it, end] = boost::out_edges(v, *g_); it != end; ++it)
        out.push_back(*it);
    std::sort(out.begin(), out.end(), [&](const Edge& a, const Edge& b) {
        return std::tie((*g_)[a].rel, (*g_)[boost::target(a, *g_)].key) <
               std::tie((*g_)[b].rel, (*g_)[boost::target(b, *g_)].key);
    });
    return out;
}

std::vector<Vertex> KnowledgeGraph::targets(Vertex v, Relation rel) const {
    std::vector<Vertex> out;
    for (auto [it, end] = boost::out_edges(v, *g_); it != end; ++it)
        if ((*g_)[*it].rel == rel) out.push_back(boost::target(*it, *g_));
    std::sort(out.begin(), out.end(),
              [&](Vertex a, Vertex b) { return (*g_)[a].key < (*g_)[b].key; });
    return out;
}

std::vector<Vertex> KnowledgeGraph::sources(Vertex v, Relation rel) const {
    std::vector<Vertex> out;
    for (auto [it, end] = boost::in_edges(v, *g_); it != end; ++it)
        if ((*g_)[*it].rel == rel) out.push_back(boost::source(*it, *g_));
    std::sort(out.begin(), out.end(),
              [&](Vertex a, Vertex b) { return (*g_)[a].key < (*g_)[b].key; });
    return out;
}

} // namespace parley
