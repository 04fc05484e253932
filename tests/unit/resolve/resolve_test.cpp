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
