// The compact triple set: its term table holds each distinct term once and numbers the terms in
// term order, so the id triples sort like the term triples; graphs are merged per triple.
#include "core/error.hpp"
#include "rdf/iri.hpp"
#include "rdf/triples.hpp"
#include "sample_graph.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <set>

using namespace parley;
using namespace parley::rdf;

namespace {

/// Terms that differ only in kind, tag, a prefix, an embedded NUL or a byte above 0x7F, plus
/// empty strings.
std::vector<Term> tricky_terms() {
    const std::string xsd_int = term(kXsd, "integer");
    const std::string xsd_str = term(kXsd, "string");
    std::vector<Term> out = {
        Term::iri("http://example.org/a"),
        Term::iri("http://example.org/a/b"),
        Term::iri("http://example.org/\xC3\xA9"),
        Term::iri("http://example.org/z"),
        Term::blank("b1"),
        Term::blank("http://example.org/a"),
        Term::plain(""),
        Term::plain("http://example.org/a"),
        Term::plain("x"),
        Term::plain(std::string("x\0y", 3)),
        Term::plain("x\x7F"),
        Term::plain("x\xC3\xA9"),
        Term::lang("x", "en"),
        Term::lang("x", "de"),
        Term::lang("x", "en-GB"),
        Term::lang("", "en"),
        Term::typed("1", xsd_int),
        Term::typed("10", xsd_int),
        Term::typed("1", xsd_str),
        Term::typed("x", xsd_str),
    };
    return out;
}

/// Triples over `terms` in a shuffled order, each at least twice.
std::vector<Triple> shuffled_triples(const std::vector<Term>& terms) {
    std::vector<Triple> out;
    const std::vector<Term> predicates = {Term::iri("http://example.org/p"),
                                          Term::iri("http://example.org/a")};
    for (const auto& s : terms) {
        if (s.is_literal()) continue;
        for (const auto& p : predicates)
            for (const auto& o : terms)
                out.push_back({s, p, o});
    }
    const std::vector<Triple> once = out;
    for (std::size_t i = 0; i < once.size(); i += 3)
        out.push_back(once[i]);
    out.insert(out.end(), once.begin(), once.end());
    std::mt19937 rng(7);
    std::shuffle(out.begin(), out.end(), rng);
    return out;
}

} // namespace

TEST_CASE("rdf: the term table numbers terms in term order", "[rdf]") {
    const auto terms = tricky_terms();
    const TripleSet set = make_triple_set(shuffled_triples(terms));
    const TermTable& table = set.terms;
    // Every term once: the distinct terms of the input, plus the predicate `p`.
    std::set<Term> distinct(terms.begin(), terms.end());
    distinct.insert(Term::iri("http://example.org/p"));
    REQUIRE(table.size() == distinct.size());
    TermTable::Id id = 0;
    for (const Term& t : distinct) { // std::set iterates in term order
        CHECK(table.term(id) == t);
        CHECK(table[id] == TermRef(t));
        CHECK(table.kind(id) == t.kind);
        // Views are NUL-terminated.
        CHECK(table[id].value.data()[table[id].value.size()] == '\0');
        CHECK(table[id].tag.data()[table[id].tag.size()] == '\0');
        CHECK(table.find(t) == id);
        ++id;
    }
    for (TermTable::Id a = 0; a + 1 < table.size(); ++a)
        CHECK(table[a] < table[a + 1]);
    CHECK_FALSE(table.find(Term::iri("http://example.org/missing")).has_value());
    CHECK_FALSE(table.find(Term::lang("x", "fr")).has_value());
    CHECK_FALSE(table.find(Term::typed("x", term(kXsd, "date"))).has_value());
}

TEST_CASE("rdf: id triples sort like term triples, without duplicates", "[rdf]") {
    const auto input = shuffled_triples(tricky_terms());
    const TripleSet set = make_triple_set(input, "http://example.org/g");
    const std::set<Triple> expected(input.begin(), input.end());
    REQUIRE(set.size() == expected.size());
    CHECK(std::vector<Triple>(expected.begin(), expected.end()) == set.to_triples());
    CHECK(std::adjacent_find(set.triples.begin(), set.triples.end(),
                             [](const IdTriple& a, const IdTriple& b) { return !(a < b); }) ==
          set.triples.end());
    CHECK(set.triple(0) == *expected.begin());
    // One graph per triple, the named one.
    REQUIRE(set.graph_names == std::vector<std::string>{"", "http://example.org/g"});
    CHECK(set.quad_count() == set.size());
    for (std::size_t i = 0; i < set.size(); ++i)
        CHECK((set.graphs_of(i).size() == 1 && set.graphs_of(i)[0] == 1));
    // Without a graph name, every triple is in the default graph.
    const TripleSet plain = make_triple_set(input);
    CHECK(plain.graph_names == std::vector<std::string>{""});
    CHECK(plain.graph_ids == std::vector<std::uint32_t>(plain.size(), 0));
}

TEST_CASE("rdf: an empty triple set has an empty table", "[rdf]") {
    const TripleSet set = make_triple_set({});
    CHECK(set.size() == 0);
    CHECK(set.terms.size() == 0);
    CHECK(set.graph_offsets == std::vector<std::uint32_t>{0});
    CHECK_FALSE(set.terms.find(Term::plain("x")).has_value());
}

TEST_CASE("rdf: a copied term table holds the same terms in its own arena", "[rdf]") {
    const TripleSet set = make_triple_set(shuffled_triples(tricky_terms()));
    TermTable copy = set.terms;
    REQUIRE(copy.size() == set.terms.size());
    for (TermTable::Id id = 0; id < copy.size(); ++id) {
        CHECK(copy[id] == set.terms[id]);
        CHECK(copy[id].value.data() != set.terms[id].value.data());
    }
    const TermTable moved = std::move(copy);
    CHECK(moved.size() == set.terms.size());
    CHECK(moved[0] == set.terms[0]);
    TripleSet again = set;
    CHECK(again.to_triples() == set.to_triples());
}

TEST_CASE("rdf: the mapping holds each term once and merges the graphs of each triple", "[rdf]") {
    const auto sample = test::sample_graph();
    const TripleSet set = build_triples(sample.graph, sample.docs);
    const auto triples = set.to_triples();
    CHECK(std::is_sorted(triples.begin(), triples.end()));
    CHECK(std::adjacent_find(triples.begin(), triples.end()) == triples.end());
    // The table holds exactly the terms of the triples.
    std::set<Term> used;
    for (const auto& t : triples)
        used.insert({t.s, t.p, t.o});
    REQUIRE(set.terms.size() == used.size());
    TermTable::Id id = 0;
    for (const Term& t : used)
        CHECK(set.terms.term(id++) == t);
    // Graphs: sorted, never empty, the default graph only alone, and the quad count their sum.
    REQUIRE(set.graph_offsets.size() == set.size() + 1);
    std::size_t quads = 0;
    for (std::size_t i = 0; i < set.size(); ++i) {
        const auto gs = set.graphs_of(i);
        REQUIRE(!gs.empty());
        CHECK(std::adjacent_find(gs.begin(), gs.end(), std::greater_equal<>()) == gs.end());
        if (gs.size() > 1) CHECK(gs.front() != 0);
        for (const auto g : gs)
            CHECK(g < set.graph_names.size());
        quads += gs.size();
    }
    CHECK(quads == set.quad_count());
    CHECK(std::is_sorted(set.graph_names.begin(), set.graph_names.end()));
    // A triple stated by both documents (the rejection, with its entailed opposition) is in both
    // graphs, once each.
    const auto zel = Term::iri(resource_iri("person/volodymyr-zelensky"));
    const auto it = std::find_if(triples.begin(), triples.end(), [&](const Triple& t) {
        return t.s == zel && t.p == Term::iri(term(kPl, "opposes"));
    });
    REQUIRE(it != triples.end());
    const auto gs = set.graphs_of(static_cast<std::size_t>(it - triples.begin()));
    REQUIRE(gs.size() == 2);
    CHECK(set.graph_names[gs[0]] == document_iri("dev-01.txt"));
    CHECK(set.graph_names[gs[1]] == document_iri("dev-02.txt"));
}

TEST_CASE("rdf: terms longer than an arena block are stored whole", "[rdf]") {
    const std::string long_iri = "http://example.org/" + std::string((1u << 20) + 5, 'i');
    const std::string long_text((3u << 20) / 2, 'q');
    const TripleSet set = make_triple_set({
        {Term::iri(long_iri), Term::iri("http://example.org/p"), Term::plain(long_text)},
        {Term::iri("http://example.org/s"), Term::iri("http://example.org/p"), Term::plain("q")},
        {Term::iri("http://example.org/s"), Term::iri("http://example.org/p"),
         Term::lang(long_text, "en")},
    });
    REQUIRE(set.size() == 3);
    const auto triples = set.to_triples();
    CHECK(triples[0].s.value == long_iri);
    CHECK(triples[0].o.value == long_text);
    CHECK(triples[2].o == Term::lang(long_text, "en"));
    CHECK(set.terms.find(Term::plain(long_text)).has_value());
}

TEST_CASE("rdf: many terms with long shared prefixes are numbered in term order", "[rdf]") {
    // Enough terms for the partitioning sort (not only the small-range insertion sort): IRIs
    // and literals sharing long prefixes, values that are prefixes of others, equal values of
    // several kinds and tags, bytes above 0x7F and NUL.
    std::mt19937 rng(11);
    const std::string alphabet = std::string("ab/\xC3\xA9-") + '\0';
    const std::vector<std::string> tags = {"", "en", "de", term(kXsd, "integer")};
    std::vector<Term> terms;
    for (int i = 0; i < 3000; ++i) {
        std::string v = i % 3 == 0 ? "https://w3id.org/parley/id/evidence/" : "x";
        const std::size_t len = rng() % 12;
        for (std::size_t k = 0; k < len; ++k)
            v.push_back(alphabet[rng() % alphabet.size()]);
        switch (rng() % 5) {
        case 0:
            terms.push_back(Term::iri(v));
            break;
        case 1:
            terms.push_back(Term::blank(v));
            break;
        case 2:
            terms.push_back(Term::plain(v));
            break;
        case 3:
            terms.push_back(Term::lang(v, tags[1 + rng() % 2]));
            break;
        default:
            terms.push_back(Term::typed(v, tags[3]));
            break;
        }
    }
    std::vector<Triple> triples;
    const Term p = Term::iri("http://example.org/p");
    for (std::size_t i = 0; i < terms.size(); ++i)
        triples.push_back({Term::iri("http://example.org/s" + std::to_string(i % 7)), p, terms[i]});
    const TripleSet set = make_triple_set(triples);
    std::set<Term> expected(terms.begin(), terms.end());
    for (const auto& t : triples) {
        expected.insert(t.s);
        expected.insert(t.p);
    }
    REQUIRE(set.terms.size() == expected.size());
    TermTable::Id id = 0;
    bool in_order = true;
    for (const Term& t : expected)
        in_order = in_order && set.terms.term(id++) == t;
    CHECK(in_order);
    const std::set<Triple> want(triples.begin(), triples.end());
    CHECK(set.to_triples() == std::vector<Triple>(want.begin(), want.end()));
}
