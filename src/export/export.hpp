// Pictures of the knowledge graph for external viewers: GraphML (Gephi, Cytoscape, yEd, NetworkX),
// DOT (Graphviz) and one self-contained HTML page to explore it in a browser. The filters cut a
// large graph down to what matters (a focus with a depth, node kinds, a minimum number of sources).
#pragma once

#include "graph/graph.hpp"

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

namespace rdf {
class World;
struct Triple;
} // namespace rdf

struct ExportOptions {
    std::string format = "graphml"; ///< `graphml`, `dot` or `html`
    /// Names (label, alias or key, case-insensitive) of the nodes to centre the picture on; empty
    /// means the whole graph.
    std::vector<std::string> focus;
    int depth = 2; ///< with `focus`: keep nodes at most `depth` edges away (either direction)
    /// Node kinds to keep; empty means `default_kinds(format)`. Document nodes and `mentionedIn`
    /// edges are kept only when this set names `Document`.
    std::set<NodeKind> kinds;
    int min_sources = 0; ///< keep nodes mentioned in at least this many documents
};

/// The kinds shown when `--kinds` is not given: every kind but `Document`; DOT also leaves out
/// `Statement` (quotes are long texts that make a drawing unreadable).
[[nodiscard]] std::set<NodeKind> default_kinds(std::string_view format);

/// Parses "Person,Meeting" (case-insensitive, spaces allowed). Throws `ParleyError` (exit 2)
/// naming the unknown kind.
[[nodiscard]] std::set<NodeKind> parse_kinds(std::string_view list);

/// Returns the subgraph of `g` induced by the nodes that pass the filters of `options`:
///  - `focus`: the nodes whose label, alias or key equals a focus name (ignoring case,
///    diacritics and punctuation; when none does, those whose label or alias contains it), and
///    every node reachable from them within `depth` edges in either direction; the walk never
///    passes through Document nodes;
///  - `kinds` and `min_sources` (over `NodeProps::sources`), which the focus nodes themselves are
///    exempt from so that the centre of the picture is always shown.
/// Nodes keep their properties; the result's vertices are in key order and edges in
/// (source key, relation, target key) order, so the writers' output is deterministic.
/// Throws `ParleyError` (exit 2) when a focus name matches no node.
[[nodiscard]] KnowledgeGraph filter_graph(const KnowledgeGraph& g, const ExportOptions& options);

/// Document titles and dates by document id (`Evidence::doc`), gathered from the Document nodes
/// of a graph (before filtering) for the HTML page.
struct DocumentInfo {
    std::string title;
    std::string date; ///< "YYYY-MM-DD" or empty
};
using DocumentIndex = std::map<std::string, DocumentInfo>;
[[nodiscard]] DocumentIndex document_index(const KnowledgeGraph& g);

/// GraphML written with Boost.Graph's `write_graphml`. Node data: kind, label, aliases (joined
/// with " | "), role (roles joined with " | "), date, num_sources, iri, qid; edge data: relation,
/// num_sources, confidence.
[[nodiscard]] std::string to_graphml(const KnowledgeGraph& g);

/// DOT for Graphviz (Boost.Graph's `write_graphviz` with dynamic properties): node kinds as
/// shapes and colours, meetings and proposals as large hubs, stance edges coloured and labelled,
/// a legend, and a force-directed layout (`neato`, or `sfdp` for large graphs) chosen in the
/// graph attributes so that `dot -Tsvg` draws it legibly.
[[nodiscard]] std::string to_dot(const KnowledgeGraph& g);

/// One self-contained HTML page (no network needed): an SVG force layout written in plain
/// JavaScript, a search box, kind filters, and a panel listing a clicked node's facts with their
/// source sentences. `docs` gives document titles for the evidence (may be empty). The page
/// selects the node whose key follows `#select=` in the URL on load.
[[nodiscard]] std::string to_html(const KnowledgeGraph& g, const DocumentIndex& docs = {});

/// Filters `g` with `options` and renders it in `options.format`. Throws `ParleyError` (exit 2)
/// for an unknown format.
[[nodiscard]] std::string export_graph(const KnowledgeGraph& g, const ExportOptions& options);

/// Rebuilds a `KnowledgeGraph` from parley's RDF (the mapping of rdf/triples.hpp): resources typed
/// with a pl: node class become nodes (key = the IRI without the `pr:` namespace, percent-decoded),
/// pl: relations become edges (without the entailed super-property triples: `participant`
/// beside `host` without a `pl:Fact` of its own, ...), `pl:mentionedIn` fills `NodeProps::sources`
/// with the documents' file names, and each `pl:Fact` with its `pl:Evidence` becomes the evidence
/// of its edge.
[[nodiscard]] KnowledgeGraph graph_from_triples(const std::vector<rdf::Triple>& triples);

/// `graph_from_triples` of RDF files (`.ttl`, `.nt`, `.nq`; loaded with
/// `rdf::Model::from_files`). Throws `ParleyError` (exit 2) naming the file when one cannot be
/// read or parsed.
[[nodiscard]] KnowledgeGraph graph_from_rdf(rdf::World& world,
                                            const std::vector<std::filesystem::path>& files);

} // namespace parley
