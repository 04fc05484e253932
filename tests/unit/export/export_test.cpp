// Tests of src/export: filters, GraphML (parsed back with Boost.PropertyTree), DOT escaping, the
// HTML page's data, and reading the graph back from parley's RDF triples.
#include "core/error.hpp"
#include "export/export.hpp"
#include "rdf/triples.hpp"

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <sstream>
#include <string>

using namespace parley;
using Catch::Matchers::Contains;

namespace {

Evidence ev(const std::string& doc, const std::string& text, double confidence = 0.8) {
    Evidence e;
    e.doc = doc;
    e.text = text;
    e.begin = 3;
    e.end = 9;
    e.rule = "test.rule";
    e.confidence = confidence;
    return e;
}

/// A small graph of two invented articles: a meeting in Lakeside of two people, a proposal with
/// stances, a statement, and the two documents.
KnowledgeGraph sample_graph() {
    KnowledgeGraph g;
    const Vertex ana = g.node(NodeKind::Person, "person/ana-berg", "Ana Berg");
    g[ana].aliases = {"Berg"};
    g[ana].roles = {"Foreign Minister"};
    g[ana].sources = {"a.txt", "b.txt"};
    const Vertex tom = g.node(NodeKind::Person, "person/tom-ruiz", "Tom Ruiz");
    g[tom].sources = {"a.txt"};
    const Vertex north = g.node(NodeKind::Country, "country/northland", "Northland");
    g[north].qid = "Q1";
    g[north].sources = {"a.txt", "b.txt"};
    const Vertex south = g.node(NodeKind::Country, "country/southland", "Southland");
    g[south].sources = {"b.txt"};
    const Vertex lake = g.node(NodeKind::Place, "place/lakeside", "Lakeside");
    g[lake].sources = {"a.txt"};
    const Vertex meet =
        g.node(NodeKind::Meeting, "meeting/2025-01-02-lakeside", "Talks in Lakeside");
    g[meet].date = Date::parse("2025-01-02");
    g[meet].sources = {"a.txt"};
    const Vertex plan = g.node(NodeKind::Proposal, "proposal/truce", "a truce along the river");
    g[plan].sources = {"a.txt", "b.txt"};
    const Vertex quote = g.node(NodeKind::Statement, "statement/abc", "statement by Ana Berg");
    g[quote].text = "We want peace.";
    g[quote].sources = {"b.txt"};
    const Vertex da = g.node(NodeKind::Document, "document/a-txt", "a.txt");
    g[da].text = "Talks at the lake";
    g[da].date = Date::parse("2025-01-03");
    const Vertex db = g.node(NodeKind::Document, "document/b-txt", "b.txt");
    g[db].text = "A truce?";

    g.relate(meet, Relation::Participant, ana, ev("a.txt", "Berg met Ruiz in Lakeside."));
    g.relate(meet, Relation::Participant, tom, ev("a.txt", "Berg met Ruiz in Lakeside."));
    g.relate(meet, Relation::Location, lake, ev("a.txt", "Berg met Ruiz in Lakeside."));
    g.relate(ana, Relation::Affiliation, north);
    g.relate(plan, Relation::ProposedBy, north, ev("a.txt", "Northland proposed a truce."));
    g.relate(ana, Relation::Supports, plan, ev("a.txt", "Berg backed the truce.", 0.9));
    g.relate(ana, Relation::Supports, plan, ev("b.txt", "Berg again backed the truce.", 0.7));
    g.relate(south, Relation::Opposes, plan, ev("b.txt", "Southland rejected the truce."));
    g.relate(quote, Relation::Speaker, ana, ev("b.txt", "\"We want peace,\" Berg said."));
    for (Vertex v : {ana, tom, north, lake, meet, plan})
        g.relate(v, Relation::MentionedIn, da);
    for (Vertex v : {ana, north, south, plan, quote})
        g.relate(v, Relation::MentionedIn, db);
    return g;
}

std::set<std::string> keys(const KnowledgeGraph& g) {
    std::set<std::string> out;
    for (Vertex v : g.sorted_nodes())
        out.insert(g[v].key);
    return out;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1))
        ++n;
    return n;
}

namespace pt = boost::property_tree;

/// GraphML parsed back: node count, edge count, and each node's data by attribute name.
struct ParsedGraphml {
    std::size_t nodes = 0, edges = 0;
    std::map<std::string, std::map<std::string, std::string>> node_data; ///< by label
    std::map<std::string, std::string> key_types;                        ///< attr.name -> type
    std::vector<std::map<std::string, std::string>> edge_data;
};

ParsedGraphml parse_graphml(const std::string& xml) {
    std::istringstream in(xml);
    pt::ptree tree;
    pt::read_xml(in, tree);
    ParsedGraphml out;
    std::map<std::string, std::string> names; // key id -> attr.name
    for (const auto& [tag, child] : tree.get_child("graphml")) {
        if (tag != "key") continue;
        names[child.get<std::string>("<xmlattr>.id")] =
            child.get<std::string>(pt::ptree::path_type("<xmlattr>/attr.name", '/'));
        out.key_types[child.get<std::string>(pt::ptree::path_type("<xmlattr>/attr.name", '/')) +
                      "@" + child.get<std::string>("<xmlattr>.for")] =
            child.get<std::string>(pt::ptree::path_type("<xmlattr>/attr.type", '/'));
    }
    for (const auto& [tag, child] : tree.get_child("graphml.graph")) {
        std::map<std::string, std::string> data;
        for (const auto& [dtag, d] : child)
            if (dtag == "data") data[names[d.get<std::string>("<xmlattr>.key")]] = d.data();
        if (tag == "node") {
            ++out.nodes;
            out.node_data[data["label"]] = data;
        } else if (tag == "edge") {
            ++out.edges;
            out.edge_data.push_back(data);
        }
    }
    return out;
}

} // namespace

TEST_CASE("without filters every node but the documents is kept", "[export]") {
    const KnowledgeGraph g = sample_graph();
    const KnowledgeGraph f = filter_graph(g, ExportOptions{});
    CHECK(f.num_nodes() == 8);
    // 8 relations, none of the 11 mentionedIn edges.
    CHECK(f.num_edges() == 8);
    CHECK_FALSE(keys(f).count("document/a-txt"));
}

TEST_CASE("filter: --kinds Document keeps documents and mentionedIn edges", "[export]") {
    ExportOptions o;
    o.kinds = {NodeKind::Person, NodeKind::Document};
    const KnowledgeGraph f = filter_graph(sample_graph(), o);
    CHECK(keys(f) == std::set<std::string>{"document/a-txt", "document/b-txt", "person/ana-berg",
                                           "person/tom-ruiz"});
    CHECK(f.num_edges() == 3); // ana -> a, ana -> b, tom -> a
}

TEST_CASE("filter: --kinds keeps only the named kinds and the edges among them", "[export]") {
    ExportOptions o;
    o.kinds = parse_kinds("person, Meeting");
    const KnowledgeGraph f = filter_graph(sample_graph(), o);
    CHECK(keys(f) == std::set<std::string>{"meeting/2025-01-02-lakeside", "person/ana-berg",
                                           "person/tom-ruiz"});
    CHECK(f.num_edges() == 2);
}

TEST_CASE("an unknown kind is a usage error naming it", "[export]") {
    try {
        (void)parse_kinds("Person,Dragon");
        FAIL("no exception");
    } catch (const ParleyError& e) {
        CHECK(e.code() == ExitCode::Usage);
        CHECK_THAT(e.what(), Contains("Dragon"));
    }
}

TEST_CASE("filter: --focus with --depth walks edges in both directions", "[export]") {
    ExportOptions o;
    o.focus = {"tom ruiz"};
    o.depth = 1;
    CHECK(keys(filter_graph(sample_graph(), o)) ==
          std::set<std::string>{"meeting/2025-01-02-lakeside", "person/tom-ruiz"});
    o.depth = 2;
    CHECK(keys(filter_graph(sample_graph(), o)) ==
          std::set<std::string>{"meeting/2025-01-02-lakeside", "person/ana-berg", "person/tom-ruiz",
                                "place/lakeside"});
    o.depth = 0;
    CHECK(keys(filter_graph(sample_graph(), o)) == std::set<std::string>{"person/tom-ruiz"});
}

TEST_CASE("filter: --focus matches aliases and keys, then parts of names", "[export]") {
    ExportOptions o;
    o.depth = 0;
    o.focus = {"BERG"};
    CHECK(keys(filter_graph(sample_graph(), o)) == std::set<std::string>{"person/ana-berg"});
    o.focus = {"country/southland"};
    CHECK(keys(filter_graph(sample_graph(), o)) == std::set<std::string>{"country/southland"});
    o.focus = {"ANA BÉRG"}; // case and diacritics are ignored
    CHECK(keys(filter_graph(sample_graph(), o)) == std::set<std::string>{"person/ana-berg"});
    o.focus = {"land"}; // no exact name: every name containing it
    CHECK(keys(filter_graph(sample_graph(), o)) ==
          std::set<std::string>{"country/northland", "country/southland"});
}

TEST_CASE("a focus that matches nothing is a usage error", "[export]") {
    ExportOptions o;
    o.focus = {"Nobody Known"};
    try {
        (void)filter_graph(sample_graph(), o);
        FAIL("no exception");
    } catch (const ParleyError& e) {
        CHECK(e.code() == ExitCode::Usage);
        CHECK_THAT(e.what(), Contains("Nobody Known"));
    }
}

TEST_CASE("filter: --min-sources keeps well-sourced nodes, and focus nodes always stay",
          "[export]") {
    ExportOptions o;
    o.min_sources = 2;
    CHECK(keys(filter_graph(sample_graph(), o)) ==
          std::set<std::string>{"country/northland", "person/ana-berg", "proposal/truce"});
    o.focus = {"Tom Ruiz"};
    o.depth = 2;
    CHECK(keys(filter_graph(sample_graph(), o)) ==
          std::set<std::string>{"person/ana-berg", "person/tom-ruiz"});
}

TEST_CASE("GraphML parses back with the graph's nodes, edges and data", "[export]") {
    const KnowledgeGraph f = filter_graph(sample_graph(), ExportOptions{});
    const std::string xml = to_graphml(f);
    const ParsedGraphml p = parse_graphml(xml);
    CHECK(p.nodes == f.num_nodes());
    CHECK(p.edges == f.num_edges());
    const auto& ana = p.node_data.at("Ana Berg");
    CHECK(ana.at("kind") == "Person");
    CHECK(ana.at("aliases") == "Berg");
    CHECK(ana.at("role") == "Foreign Minister");
    CHECK(ana.at("num_sources") == "2");
    CHECK(ana.at("iri") == "https://w3id.org/parley/id/person/ana-berg");
    CHECK(p.node_data.at("Talks in Lakeside").at("date") == "2025-01-02");
    CHECK(p.key_types.at("num_sources@node") == "int");
    CHECK(p.key_types.at("num_sources@edge") == "int");
    CHECK(p.key_types.at("confidence@edge") == "double");
    bool found = false;
    for (const auto& e : p.edge_data) {
        if (e.at("relation") != "supports") continue;
        found = true;
        CHECK(e.at("num_sources") == "2");
        CHECK(e.at("confidence") == "0.9");
    }
    CHECK(found);
    CHECK(to_graphml(f) == xml); // deterministic
}

TEST_CASE("GraphML escapes markup and drops control characters", "[export]") {
    KnowledgeGraph g;
    const Vertex v = g.node(NodeKind::Organization, "org/x", "A & B <Partners> \"Ltd\"\x01");
    g[v].aliases = {"x'y"};
    const std::string xml = to_graphml(g);
    const ParsedGraphml p = parse_graphml(xml);
    REQUIRE(p.nodes == 1);
    CHECK(p.node_data.count("A & B <Partners> \"Ltd\""));
    CHECK(p.node_data.begin()->second.at("aliases") == "x'y");
}

TEST_CASE("DOT escapes quotes and backslashes in labels", "[export]") {
    KnowledgeGraph g;
    const Vertex a = g.node(NodeKind::Person, "person/a", "Say \"no\" \\N now");
    const Vertex b = g.node(NodeKind::Proposal, "proposal/b",
                            "a very long proposal label that has to be wrapped over lines");
    g.relate(a, Relation::Opposes, b, ev("a.txt", "A opposed B."));
    const std::string dot = to_dot(g);
    CHECK_THAT(dot, Contains("label=\"Say \\\"no\\\" \\\\N now\""));
    CHECK_THAT(dot, Contains("\"person/a\"->\"proposal/b\""));
    CHECK_THAT(dot, Contains("a very long proposal label\\nthat has to be wrapped over\\nlines"));
    CHECK_THAT(dot, Contains("shape=note"));
    CHECK_THAT(dot, Contains("label=opposes"));
    CHECK_THAT(dot, Contains("layout=neato"));
    CHECK(count(dot, "->") == 1);
}

TEST_CASE("DOT leaves statements out by default", "[export]") {
    ExportOptions o;
    o.format = "dot";
    const std::string dot = export_graph(sample_graph(), o);
    CHECK_FALSE(dot.find("statement/abc") != std::string::npos);
    CHECK_THAT(dot, Contains("\"person/ana-berg\""));
}

TEST_CASE("the HTML page embeds the graph as script-safe JSON", "[export]") {
    KnowledgeGraph g = sample_graph();
    g[*g.find("person/tom-ruiz")].label = "Tom </script><b>Ruiz";
    ExportOptions o;
    o.format = "html";
    const std::string page = export_graph(g, o);
    CHECK(count(page, "</script>") == 2); // the data element and the program
    CHECK_THAT(page, Contains("Tom \\u003c/script\\u003e\\u003cb\\u003eRuiz"));
    CHECK_THAT(page, Contains("\"Southland rejected the truce.\""));
    CHECK_THAT(page, Contains("\"title\":\"Talks at the lake\""));
    CHECK(count(page, "\"id\":\"") == 8);
    CHECK(page.find("http://") == page.find("http://www.w3.org/2000/svg"));
}

TEST_CASE("an unknown format is a usage error", "[export]") {
    ExportOptions o;
    o.format = "png";
    CHECK_THROWS_AS(export_graph(sample_graph(), o), ParleyError);
}

TEST_CASE("the graph read back from parley's triples has the same nodes, edges and evidence",
          "[export]") {
    const KnowledgeGraph g = sample_graph();
    Document a, b;
    a.id = "a.txt";
    a.title = "Talks at the lake";
    a.published = Date::parse("2025-01-03");
    b.id = "b.txt";
    b.title = "A truce?";
    const rdf::TripleSet triples = rdf::build_triples(g, {a, b});
    const KnowledgeGraph r = graph_from_triples(triples.to_triples());
    CHECK(keys(r) == keys(g));
    CHECK(r.num_edges() == g.num_edges());
    const Vertex ana = *r.find("person/ana-berg");
    CHECK(r[ana].label == "Ana Berg");
    CHECK(r[ana].aliases == std::set<std::string>{"Berg"});
    CHECK(r[ana].roles == std::set<std::string>{"Foreign Minister"});
    CHECK(r[ana].sources == std::set<std::string>{"a.txt", "b.txt"});
    CHECK(r[*r.find("country/northland")].qid == "Q1");
    CHECK(r[*r.find("meeting/2025-01-02-lakeside")].date == Date::parse("2025-01-02"));
    CHECK(r[*r.find("statement/abc")].text == "We want peace.");
    const auto plan = r.targets(ana, Relation::Supports);
    REQUIRE(plan.size() == 1);
    const Edge e = boost::edge(ana, plan[0], r.boost()).first;
    REQUIRE(r[e].evidence.size() == 2);
    CHECK(r[e].sources() == std::set<std::string>{"a.txt", "b.txt"});
    CHECK(r[e].confidence() == Approx(0.9));
    CHECK(r[e].evidence.front().text.find("backed the truce") != std::string::npos);
    CHECK(r[e].evidence.front().rule == "test.rule");
    // The GraphML of both graphs is the same.
    CHECK(to_graphml(filter_graph(r, {})) == to_graphml(filter_graph(g, {})));
}
