// Cross-document resolution tests on small texts written for these tests.
#include "extract/extract.hpp"
#include "ingest/ingest.hpp"
#include "lexicon/lexicon.hpp"
#include "resolve/resolve.hpp"

#include <catch2/catch.hpp>

using namespace parley;

namespace {

const Lexicon& lexicon() {
    static const Lexicon lex = Lexicon::load(std::string(PARLEY_SOURCE_DIR) + "/mappings");
    return lex;
}

struct Built {
    KnowledgeGraph graph;
    ResolveSummary summary;
};

Built build(const std::vector<std::string>& texts) {
    std::vector<Document> docs;
    std::vector<DocExtraction> ex;
    IngestOptions o;
    o.date = Date::parse("2025-03-10");
    for (std::size_t i = 0; i < texts.size(); ++i) {
        docs.push_back(make_document("d" + std::to_string(i) + ".txt", texts[i], o));
        ex.push_back(extract_document(docs.back(), lexicon()));
    }
    Built b;
    b.graph = build_graph(docs, ex, lexicon(), &b.summary);
    return b;
}

std::vector<std::string> proposal_labels(const KnowledgeGraph& g) {
    std::vector<std::string> out;
    for (auto v : g.sorted_nodes())
        if (g[v].kind == NodeKind::Proposal) out.push_back(g[v].label);
    return out;
}

} // namespace

TEST_CASE("the same proposal worded differently by two outlets is one proposal", "[resolve]") {
    auto b = build({"Ukraine proposed a partial truce in the air and at sea on Monday. Russia "
                    "rejected the partial truce in the air and at sea.\n",
                    "Ukraine wants a partial ceasefire in the air and at sea, its negotiators "
                    "said on Monday.\n"});
    const auto labels = proposal_labels(b.graph);
    REQUIRE(labels.size() == 1);
    CHECK(labels[0].find("air and at sea") != std::string::npos);
}

TEST_CASE("a concession and the thing conceded stay two proposals", "[resolve]") {
    auto b = build({"Ukraine has long sought NATO membership, Ukrainian officials said.\n",
                    "Ukraine could forgo NATO membership, President Volodymyr Zelensky said.\n"});
    const auto labels = proposal_labels(b.graph);
    CHECK(labels.size() == 2);
}

TEST_CASE("opposite stances of one actor across outlets count as a conflict", "[resolve]") {
    auto b = build({"Armenia accepted the withdrawal of third-country forces from the border.\n",
                    "Armenia rejected the withdrawal of third-country forces, Armenian officials "
                    "said.\n"});
    CHECK(b.summary.conflicts == 1);
}

namespace {

/// Everything the writers read of a graph, in key order, as one string per node.
std::vector<std::string> dump(const KnowledgeGraph& g) {
    std::vector<std::string> out;
    auto evidence = [](const std::vector<Evidence>& list) {
        std::string s;
        for (const auto& ev : list)
            s += " [" + ev.doc + " " + std::to_string(ev.sentence) + " " +
                 std::to_string(ev.begin) + "-" + std::to_string(ev.end) + " " + ev.rule + " " +
                 ev.text + "]";
        return s;
    };
    for (auto v : g.sorted_nodes()) {
        const NodeProps& n = g[v];
        std::string s = std::string(to_string(n.kind)) + " " + n.key + " | " + n.label + " | " +
                        n.qid + " | " + n.text + " | " + (n.date ? n.date->iso() : "-");
        for (const auto& a : n.aliases)
            s += " alias:" + a;
        for (const auto& r : n.roles)
            s += " role:" + r;
        for (const auto& d : n.sources)
            s += " source:" + d;
        s += evidence(n.evidence);
        for (auto e : g.sorted_out_edges(v))
            s += "\n  " + std::string(to_string(g[e].rel)) + " " +
                 g[boost::target(e, g.boost())].key + evidence(g[e].evidence);
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace

TEST_CASE("resolution gives the same graph with one thread or several", "[resolve]") {
    std::vector<std::string> warnings;
    const auto docs = read_documents(collect_inputs({std::string(PARLEY_SOURCE_DIR) + "/examples"}),
                                     IngestOptions{}, warnings);
    REQUIRE(docs.size() >= 5);
    std::vector<DocExtraction> ex;
    for (const auto& d : docs)
        ex.push_back(extract_document(d, lexicon()));
    ResolveSummary s1, s3;
    const KnowledgeGraph one = build_graph(docs, ex, lexicon(), &s1, 1);
    const KnowledgeGraph three = build_graph(docs, ex, lexicon(), &s3, 3);
    REQUIRE(one.num_nodes() > 50);
    CHECK(one.num_nodes() == three.num_nodes());
    CHECK(one.num_edges() == three.num_edges());
    CHECK(s1.conflicts == s3.conflicts);
    CHECK(dump(one) == dump(three));
}
