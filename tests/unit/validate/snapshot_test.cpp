// The validator's snapshot of a triple set adopts the set's term table: the same ids, no copy
// of the terms, the triples borrowed as the (s, p, o) index.
#include "../rdf/sample_graph.hpp"
#include "rdf/iri.hpp"
#include "rdf/triples.hpp"
#include "validate/index.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace parley;
using namespace parley::rdf;
using namespace parley::validate::detail;

TEST_CASE("validate: a triple set snapshot reuses the ids of its term table", "[validate]") {
    const auto sample = test::sample_graph();
    const TripleSet set = build_triples(sample.graph, sample.docs);
    parley::validate::detail::TermTable terms;
    Graph graph;
    snapshot(set, terms, 1, graph);
    REQUIRE(terms.size() == set.terms.size());
    for (TermId id = 0; id < set.terms.size(); ++id)
        CHECK(terms.term(id) == set.terms[id]);
    CHECK(graph.size() == set.size());
    for (const IdTriple& t : set.triples)
        CHECK(graph.has(t.s, t.p, t.o));
    // Look-ups of data terms find the table's ids; other terms are added after them.
    const auto type = set.terms.find(Term::iri(term(kRdf, "type")));
    REQUIRE(type.has_value());
    CHECK(terms.iri(term(kRdf, "type")) == *type);
    const TermId shape = terms.iri("http://example.org/shape");
    CHECK(shape == set.terms.size());
    CHECK(terms.term(shape) == TermRef(Term::iri("http://example.org/shape")));
    CHECK(terms.iri("http://example.org/shape") == shape);
    // Both indexes answer like the triples.
    const auto person = set.terms.find(Term::iri(term(kPl, "Person")));
    REQUIRE(person.has_value());
    std::vector<TermId> expected;
    for (const IdTriple& t : set.triples)
        if (t.p == *type && t.o == *person) expected.push_back(t.s);
    CHECK(graph.subjects(*type, *person) == expected);
    CHECK(graph.with_predicate(*type).size() ==
          static_cast<std::size_t>(std::count_if(set.triples.begin(), set.triples.end(),
                                                 [&](const IdTriple& t) { return t.p == *type; })));
}

TEST_CASE("validate: blank nodes and xsd:string literals of a triple set snapshot", "[validate]") {
    const std::string s = "http://example.org/s", p = "http://example.org/p";
    const TripleSet set = make_triple_set({
        {Term::iri(s), Term::iri(p), Term::blank("b1")},
        {Term::iri(s), Term::iri(p), Term::plain("x")},
        {Term::iri(s), Term::iri(p), Term::typed("x", term(kXsd, "string"))},
        {Term::iri(s), Term::iri(p), Term::typed("y", term(kXsd, "string"))},
    });
    REQUIRE(set.size() == 4);
    parley::validate::detail::TermTable terms;
    Graph graph;
    snapshot(set, terms, 1, graph);
    // "x"^^xsd:string is "x"; "y"^^xsd:string becomes a new plain term.
    CHECK(graph.size() == 3);
    const TermId x = *set.terms.find(Term::plain("x"));
    CHECK(terms.intern(Term::typed("x", term(kXsd, "string")), 2) == x);
    const TermId y = terms.intern(Term::plain("y"), 1);
    CHECK(y >= set.terms.size());
    const TermId si = *set.terms.find(Term::iri(s)), pi = *set.terms.find(Term::iri(p));
    CHECK(graph.objects(si, pi).size() == 3);
    CHECK(graph.has(si, pi, x));
    CHECK(graph.has(si, pi, y));
    // The blank node is the data graph's: another scope gets a node of its own.
    const TermId b = *set.terms.find(Term::blank("b1"));
    CHECK(terms.intern(Term::blank("b1"), 1) == b);
    CHECK(terms.intern(Term::blank("b1"), 2) != b);
}
