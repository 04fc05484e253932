// Filters and the GraphML and DOT writers (Boost.Graph `write_graphml` / `write_graphviz` with
// dynamic properties). The HTML page is in html.cpp, the RDF reader in from_rdf.cpp.
#include "export/export.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "export/text_util.hpp"
#include "rdf/iri.hpp"

#include <algorithm>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <boost/property_map/property_map.hpp>
#include <cstdio>
#include <deque>
#include <sstream>

namespace parley {

namespace {

/// True when `p`'s label, an alias, its key or the key's last segment is the focus name (names
/// compared with `name_key`: case, diacritics and punctuation ignored; keys case-insensitively).
bool names_exactly(const NodeProps& p, const std::string& key, const std::string& folded) {
    if (!key.empty() && name_key(p.label) == key) return true;
    if (export_detail::fold(p.key) == folded) return true;
    const auto slash = p.key.rfind('/');
    if (slash != std::string::npos && export_detail::fold(p.key.substr(slash + 1)) == folded)
        return true;
    return !key.empty() && std::any_of(p.aliases.begin(), p.aliases.end(),
                                       [&](const std::string& a) { return name_key(a) == key; });
}

/// True when `p`'s label or an alias contains the focus name (compared with `name_key`).
bool names_partly(const NodeProps& p, const std::string& key) {
    if (key.empty()) return false;
    if (name_key(p.label).find(key) != std::string::npos) return true;
    return std::any_of(p.aliases.begin(), p.aliases.end(), [&](const std::string& a) {
        return name_key(a).find(key) != std::string::npos;
    });
}

/// The vertices named by one `--focus` value; throws a usage error when there is none.
std::vector<Vertex> focus_nodes(const KnowledgeGraph& g, const std::string& name) {
    const std::string folded = export_detail::fold(name);
    const std::string key = name_key(name);
    std::vector<Vertex> exact, partial;
    for (Vertex v : g.sorted_nodes()) {
        if (g[v].kind == NodeKind::Document) continue;
        if (names_exactly(g[v], key, folded))
            exact.push_back(v);
        else if (names_partly(g[v], key))
            partial.push_back(v);
    }
    if (!exact.empty()) return exact;
    if (!partial.empty()) return partial;
    throw io_error("--focus '" + name + "': no node has this name, alias or key");
}

std::string join(const std::set<std::string>& items, const char* sep) {
    std::string out;
    for (const auto& s : items) {
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

/// A short decimal for a confidence (at most 3 decimals, no trailing zeros): "0.8", "1".
std::string decimal(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", x);
    std::string s = buf;
    while (!s.empty() && s.back() == '0')
        s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

/// Removes the characters XML 1.0 forbids (C0 controls other than tab, newline, return).
std::string xml_safe(std::string s) {
    std::erase_if(s, [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 && c != '\t' && c != '\n' && c != '\r';
    });
    return s;
}

} // namespace

std::set<NodeKind> default_kinds(std::string_view format) {
    std::set<NodeKind> kinds = {NodeKind::Person,   NodeKind::Organization, NodeKind::Country,
                                NodeKind::Place,    NodeKind::Meeting,      NodeKind::Proposal,
                                NodeKind::Statement};
    if (format == "dot") kinds.erase(NodeKind::Statement);
    return kinds;
}

std::set<NodeKind> parse_kinds(std::string_view list) {
    std::set<NodeKind> kinds;
    std::size_t start = 0;
    while (start <= list.size()) {
        auto end = list.find(',', start);
        if (end == std::string_view::npos) end = list.size();
        std::string item(list.substr(start, end - start));
        std::erase_if(item, [](char c) { return c == ' ' || c == '\t'; });
        if (!item.empty()) {
            std::optional<NodeKind> kind;
            for (int k = 0; k <= static_cast<int>(NodeKind::Document); ++k) {
                const auto nk = static_cast<NodeKind>(k);
                if (export_detail::fold(to_string(nk)) == export_detail::fold(item)) kind = nk;
            }
            if (!kind)
                throw io_error("--kinds: unknown kind '" + item +
                               "' (known: Person, Organization, Country, Place, Meeting, "
                               "Proposal, Statement, Document)");
            kinds.insert(*kind);
        }
        start = end + 1;
    }
    return kinds;
}

KnowledgeGraph filter_graph(const KnowledgeGraph& g, const ExportOptions& options) {
    if (options.depth < 0) throw io_error("--depth must be 0 or more");
    const BoostGraph& bg = g.boost();
    const std::size_t n = g.num_nodes();
    const std::set<NodeKind> kinds =
        options.kinds.empty() ? default_kinds(options.format) : options.kinds;
    const bool show_documents = kinds.count(NodeKind::Document) > 0;

    std::vector<char> reached(n, options.focus.empty() ? 1 : 0);
    std::vector<char> centre(n, 0);
    if (!options.focus.empty()) {
        // Breadth-first walk from the focus nodes over edges in both directions. Document nodes
        // may be reached but are never walked through: every resource of an article is two
        // steps away from every other one over `mentionedIn`.
        std::vector<int> dist(n, -1);
        std::deque<Vertex> queue;
        for (const auto& name : options.focus) {
            for (Vertex v : focus_nodes(g, name)) {
                centre[v] = 1;
                if (dist[v] < 0) {
                    dist[v] = 0;
                    queue.push_back(v);
                }
            }
        }
        auto visit = [&](Vertex from, Vertex to) {
            if (dist[to] >= 0) return;
            dist[to] = dist[from] + 1;
            if (bg[to].kind != NodeKind::Document) queue.push_back(to);
        };
        while (!queue.empty()) {
            const Vertex v = queue.front();
            queue.pop_front();
            if (dist[v] >= options.depth) continue;
            for (auto [it, end] = boost::out_edges(v, bg); it != end; ++it)
                visit(v, boost::target(*it, bg));
            for (auto [it, end] = boost::in_edges(v, bg); it != end; ++it)
                visit(v, boost::source(*it, bg));
        }
        for (std::size_t i = 0; i < n; ++i)
            reached[i] = dist[i] >= 0 ? 1 : 0;
    }

    std::vector<char> keep(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const NodeProps& p = bg[i];
        const bool passes =
            kinds.count(p.kind) > 0 && static_cast<long>(p.sources.size()) >= options.min_sources;
        keep[i] = centre[i] || (reached[i] && passes) ? 1 : 0;
        if (p.kind == NodeKind::Document && !show_documents) keep[i] = 0;
    }

    KnowledgeGraph out;
    std::map<Vertex, Vertex> copy;
    for (Vertex v : g.sorted_nodes()) {
        if (!keep[v]) continue;
        const Vertex c = out.node(g[v].kind, g[v].key, g[v].label);
        out[c] = g[v];
        copy.emplace(v, c);
    }
    for (Vertex v : g.sorted_nodes()) {
        if (!keep[v]) continue;
        for (Edge e : g.sorted_out_edges(v)) {
            const Vertex t = boost::target(e, bg);
            if (!keep[t]) continue;
            if (g[e].rel == Relation::MentionedIn && !show_documents) continue;
            const Edge c = out.relate(copy.at(v), g[e].rel, copy.at(t));
            out[c].evidence = g[e].evidence;
        }
    }
    return out;
}

DocumentIndex document_index(const KnowledgeGraph& g) {
    DocumentIndex index;
    for (Vertex v : g.sorted_nodes()) {
        const NodeProps& p = g[v];
        if (p.kind != NodeKind::Document) continue;
        DocumentInfo info{p.text.empty() ? p.label : p.text, p.date ? p.date->iso() : ""};
        // Evidence names a document by its file name (`Document::id`); the node's label is that
        // name in graphs read from RDF, and its key is `document/` + the file name's slug.
        if (!p.label.empty()) index.emplace(p.label, info);
        for (const auto& id : p.sources)
            index.emplace(id, info);
        const auto slash = p.key.find('/');
        index.emplace("#" + p.key.substr(slash == std::string::npos ? 0 : slash + 1), info);
    }
    return index;
}

// ---------------------------------------------------------------------------------------------
// GraphML

std::string to_graphml(const KnowledgeGraph& g) {
    const BoostGraph& bg = g.boost();
    const std::size_t n = g.num_nodes();
    std::vector<std::string> kind(n), label(n), aliases(n), role(n), date(n), iri(n), qid(n);
    std::vector<int> num_sources(n);
    for (std::size_t i = 0; i < n; ++i) {
        const NodeProps& p = bg[i];
        kind[i] = to_string(p.kind);
        label[i] = xml_safe(p.label);
        aliases[i] = xml_safe(join(p.aliases, " | "));
        role[i] = xml_safe(join(p.roles, " | "));
        date[i] = p.date ? p.date->iso() : "";
        iri[i] = xml_safe(rdf::resource_iri(p.key));
        qid[i] = xml_safe(p.qid);
        num_sources[i] = static_cast<int>(p.sources.size());
    }
    const auto index = boost::get(boost::vertex_index, bg);
    boost::dynamic_properties dp;
    dp.property("kind", boost::make_iterator_property_map(kind.begin(), index));
    dp.property("label", boost::make_iterator_property_map(label.begin(), index));
    dp.property("aliases", boost::make_iterator_property_map(aliases.begin(), index));
    dp.property("role", boost::make_iterator_property_map(role.begin(), index));
    dp.property("date", boost::make_iterator_property_map(date.begin(), index));
    dp.property("iri", boost::make_iterator_property_map(iri.begin(), index));
    dp.property("qid", boost::make_iterator_property_map(qid.begin(), index));
    dp.property("num_sources", boost::make_iterator_property_map(num_sources.begin(), index));
    dp.property("relation", boost::make_function_property_map<Edge, std::string>(
                                [&bg](Edge e) { return std::string(to_string(bg[e].rel)); }));
    dp.property("num_sources", boost::make_function_property_map<Edge, int>([&bg](Edge e) {
                    return static_cast<int>(bg[e].sources().size());
                }));
    // The confidence is written as a short decimal string ("0.8"), which `lexical_cast<double>`
    // would print as "0.80000000000000004"; its key is declared a double below.
    dp.property("confidence", boost::make_function_property_map<Edge, std::string>(
                                  [&bg](Edge e) { return decimal(bg[e].confidence()); }));

    std::ostringstream out;
    boost::write_graphml(out, bg, index, dp, true);
    std::string xml = out.str();
    const std::string typed = "attr.name=\"confidence\" attr.type=\"string\"";
    if (auto pos = xml.find(typed); pos != std::string::npos)
        xml.replace(pos, typed.size(), "attr.name=\"confidence\" attr.type=\"double\"");
    return xml;
}

// ---------------------------------------------------------------------------------------------
// DOT

namespace {

struct KindStyle {
    const char* shape;
    const char* fill;
    const char* border;
    const char* fontsize;
    int wrap; ///< characters per label line
};

KindStyle kind_style(NodeKind k) {
    switch (k) {
    case NodeKind::Person:
        return {"ellipse", "#dbe8f7", "#3a6ea5", "11", 18};
    case NodeKind::Organization:
        return {"box", "#e9def5", "#6a4c93", "11", 20};
    case NodeKind::Country:
        return {"octagon", "#fde3c3", "#c06000", "12", 20};
    case NodeKind::Place:
        return {"house", "#ddefd9", "#3d7a35", "11", 20};
    case NodeKind::Meeting:
        return {"hexagon", "#ffdf6b", "#9a7400", "13", 24};
    case NodeKind::Proposal:
        return {"note", "#f7d4d4", "#a33a3a", "12", 28};
    case NodeKind::Statement:
        return {"plaintext", "#ffffff", "#666666", "10", 36};
    case NodeKind::Document:
        return {"folder", "#eeeeee", "#777777", "10", 24};
    }
    return {"ellipse", "#ffffff", "#000000", "10", 24};
}

struct RelStyle {
    const char* color;
    const char* style;
    const char* label; ///< empty: no label (the colour and the legend say it)
    const char* dir;
    double width;
};

RelStyle rel_style(Relation r) {
    switch (r) {
    case Relation::Participant:
        return {"#8a8a8a", "solid", "", "none", 1.0};
    case Relation::Host:
        return {"#5a5a5a", "solid", "host", "none", 2.4};
    case Relation::Location:
        return {"#3d7a35", "dashed", "", "none", 1.2};
    case Relation::ProposedBy:
        return {"#1f5fa8", "solid", "", "forward", 1.4};
    case Relation::Supports:
        return {"#2a8a2a", "solid", "supports", "forward", 1.6};
    case Relation::Demands:
        return {"#2a8a2a", "bold", "demands", "forward", 2.4};
    case Relation::Opposes:
        return {"#cc2222", "solid", "opposes", "forward", 1.6};
    case Relation::Rejects:
        return {"#cc2222", "bold", "rejects", "forward", 2.4};
    case Relation::ConditionallySupports:
        return {"#e07b00", "dashed", "supports if", "forward", 1.6};
    case Relation::ConditionalOn:
        return {"#e07b00", "dotted", "on condition", "forward", 1.6};
    case Relation::Speaker:
        return {"#7a4fb0", "solid", "", "none", 1.0};
    case Relation::Affiliation:
        return {"#b0b0b0", "dashed", "", "none", 1.0};
    case Relation::MentionedIn:
        return {"#d0d0d0", "dotted", "", "forward", 0.8};
    }
    return {"#000000", "solid", "", "forward", 1.0};
}

/// Escapes a string for a DOT quoted string (Boost escapes only the double quotes): every
/// backslash is doubled so that a label never forms a Graphviz escape such as `\N` or `\l`.
std::string dot_text(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n' || c == '\r' || c == '\t')
            out += ' ';
        else if (static_cast<unsigned char>(c) >= 0x20 || c < 0)
            out += c;
    }
    return out;
}

/// A DOT label: `text` wrapped at `width` code points per line (at most `max_lines` lines, the
/// last one ending in an ellipsis when cut), each line escaped, joined with the DOT `\n`.
std::string dot_label(std::string_view text, int width, int max_lines) {
    const auto lines = export_detail::wrap(text, static_cast<std::size_t>(width),
                                           static_cast<std::size_t>(max_lines));
    std::string out;
    for (const auto& line : lines) {
        if (!out.empty()) out += "\\n";
        out += dot_text(line);
    }
    return out;
}

/// Writes the graph attributes, node and edge defaults, and the legend.
class DotGraphWriter {
public:
    explicit DotGraphWriter(std::size_t nodes) : nodes_(nodes) {}
    void operator()(std::ostream& out) const {
        // neato (stress majorization) gives the most even drawings of graphs of this size; sfdp
        // scales to thousands of nodes. `overlap=prism` removes node overlaps, `sep` keeps room
        // for the labels.
        const bool large = nodes_ > 250;
        out << "graph [layout=" << (large ? "sfdp" : "neato")
            << ", overlap=prism, overlap_scaling=" << (large ? "2" : "-4")
            << ", sep=\"+12\", splines=true, outputorder=edgesfirst"
            << ", fontname=\"Helvetica\", fontsize=11, pad=0.4"
            << (large ? ", K=1.2, repulsiveforce=2" : ", mode=major, model=subset")
            << ", labelloc=b, labeljust=l, label=<" << legend() << ">];\n"
            << "node [fontname=\"Helvetica\", style=filled, penwidth=1.2, margin=\"0.08,0.04\"];\n"
            << "edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n";
    }

private:
    static std::string legend() {
        std::string s = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"4\">"
                        "<TR><TD ALIGN=\"LEFT\"><B>Nodes</B></TD>";
        for (NodeKind k : {NodeKind::Person, NodeKind::Organization, NodeKind::Country,
                           NodeKind::Place, NodeKind::Meeting, NodeKind::Proposal}) {
            const auto st = kind_style(k);
            s += std::string("<TD BGCOLOR=\"") + st.fill + "\" BORDER=\"1\" COLOR=\"" + st.border +
                 "\">" + to_string(k) + " (" + st.shape + ")</TD>";
        }
        s += "</TR><TR><TD ALIGN=\"LEFT\"><B>Edges</B></TD>";
        const std::pair<Relation, const char*> rels[] = {
            {Relation::Participant, "participant"},
            {Relation::ProposedBy, "proposed by"},
            {Relation::Supports, "supports / demands"},
            {Relation::Opposes, "opposes / rejects"},
            {Relation::ConditionallySupports, "supports on a condition"},
            {Relation::Location, "location"}};
        for (const auto& [rel, text] : rels) {
            s += std::string("<TD><FONT COLOR=\"") + rel_style(rel).color + "\">&#8212;&#8212; " +
                 text + "</FONT></TD>";
        }
        s += "</TR></TABLE>";
        return s;
    }

    std::size_t nodes_;
};

} // namespace

std::string to_dot(const KnowledgeGraph& g) {
    const BoostGraph& bg = g.boost();
    const std::size_t n = g.num_nodes();
    std::vector<std::string> id(n), label(n), shape(n), fill(n), color(n), fontsize(n), tooltip(n);
    for (std::size_t i = 0; i < n; ++i) {
        const NodeProps& p = bg[i];
        const KindStyle st = kind_style(p.kind);
        id[i] = dot_text(p.key);
        std::string text = p.kind == NodeKind::Statement && !p.text.empty() ? p.text : p.label;
        if (p.kind == NodeKind::Meeting && p.date && text.find(p.date->iso()) == std::string::npos)
            text += " (" + p.date->iso() + ")";
        const int max_lines = p.kind == NodeKind::Proposal || p.kind == NodeKind::Statement ? 4 : 3;
        label[i] = dot_label(text, st.wrap, max_lines);
        shape[i] = st.shape;
        fill[i] = st.fill;
        color[i] = st.border;
        fontsize[i] = st.fontsize;
        std::string tip = std::string(to_string(p.kind)) + ": " + p.label;
        if (!p.aliases.empty()) tip += " (also " + join(p.aliases, ", ") + ")";
        if (!p.roles.empty()) tip += "; " + join(p.roles, ", ");
        tip += "; " + std::to_string(p.sources.size()) +
               (p.sources.size() == 1 ? " source" : " sources");
        tooltip[i] = dot_text(tip);
    }
    const auto index = boost::get(boost::vertex_index, bg);
    boost::dynamic_properties dp;
    dp.property("label", boost::make_iterator_property_map(label.begin(), index));
    dp.property("shape", boost::make_iterator_property_map(shape.begin(), index));
    dp.property("fillcolor", boost::make_iterator_property_map(fill.begin(), index));
    dp.property("color", boost::make_iterator_property_map(color.begin(), index));
    dp.property("fontsize", boost::make_iterator_property_map(fontsize.begin(), index));
    dp.property("tooltip", boost::make_iterator_property_map(tooltip.begin(), index));
    auto edge_attr = [&bg](auto pick) {
        return boost::make_function_property_map<Edge, std::string>(
            [&bg, pick](Edge e) { return std::string(pick(rel_style(bg[e].rel), bg[e])); });
    };
    dp.property("color", edge_attr([](const RelStyle& s, const EdgeProps&) { return s.color; }));
    dp.property("fontcolor",
                edge_attr([](const RelStyle& s, const EdgeProps&) { return s.color; }));
    dp.property("style", edge_attr([](const RelStyle& s, const EdgeProps&) { return s.style; }));
    dp.property("label", edge_attr([](const RelStyle& s, const EdgeProps&) { return s.label; }));
    dp.property("dir", edge_attr([](const RelStyle& s, const EdgeProps&) { return s.dir; }));
    dp.property("penwidth", edge_attr([](const RelStyle& s, const EdgeProps& e) {
                    const auto more = std::min<std::size_t>(e.sources().size(), 5);
                    return decimal(s.width + 0.6 * (more > 1 ? more - 1 : 0));
                }));
    dp.property("tooltip", edge_attr([](const RelStyle&, const EdgeProps& e) {
                    const auto k = e.sources().size();
                    return std::string(to_string(e.rel)) + " (" + std::to_string(k) +
                           (k == 1 ? " source)" : " sources)");
                }));

    std::ostringstream out;
    boost::write_graphviz(out, bg, boost::dynamic_vertex_properties_writer(dp, "node_id"),
                          boost::dynamic_properties_writer(dp), DotGraphWriter(n),
                          boost::make_iterator_property_map(id.begin(), index));
    return out.str();
}

std::string export_graph(const KnowledgeGraph& g, const ExportOptions& options) {
    if (options.format != "graphml" && options.format != "dot" && options.format != "html")
        throw io_error("--format: unknown format '" + options.format +
                       "' (known: graphml, dot, html)");
    const KnowledgeGraph shown = filter_graph(g, options);
    if (options.format == "graphml") return to_graphml(shown);
    if (options.format == "dot") return to_dot(shown);
    return to_html(shown, document_index(g));
}

} // namespace parley
