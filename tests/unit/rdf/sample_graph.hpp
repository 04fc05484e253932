// A small hand-built knowledge graph shared by the rdf and query tests: two persons, a country,
// a meeting with a date, a proposal, a quote and a stance whose evidence sentence holds every
// character that needs escaping somewhere.
#pragma once

#include "core/document.hpp"
#include "graph/graph.hpp"

#include <string>
#include <vector>

namespace parley::test {

/// Quotes, backslashes, a newline, a tab, an emoji (non-BMP), Turtle-looking text and, when
/// `control` is set, a control character (U+0001).
inline std::string tricky_sentence(bool control = true) {
    std::string s = "Zelensky said \"no\" to the plan \\ twice.\nThen\ta \xF0\x9F\x98\x80 "
                    "@prefix x: <http://x/> . <x> \"\"\" end";
    if (control) s += " \x01.";
    return s;
}

struct Sample {
    KnowledgeGraph graph;
    std::vector<Document> docs;
};

inline Sample sample_graph(bool control = true) {
    Sample s;
    Document a;
    a.id = "dev-01.txt";
    a.title = "Talks in Berlin";
    a.published = Date{2025, 12, 14};
    a.outlet = "Reuters";
    Document b;
    b.id = "dev-02.txt";
    b.title = "Envoy \"optimistic\"";
    s.docs = {a, b};

    KnowledgeGraph& g = s.graph;
    const Vertex zel = g.node(NodeKind::Person, "person/volodymyr-zelensky", "Volodymyr Zelensky");
    g[zel].aliases = {"Zelenskyy", "Zelenskiy"};
    g[zel].qid = "Q3874799";
    g[zel].roles = {"President"};
    g[zel].sources = {"dev-01.txt", "dev-02.txt"};
    const Vertex wit = g.node(NodeKind::Person, "person/steve-witkoff", "Steve Witkoff");
    g[wit].roles = {"Special Envoy"};
    g[wit].sources = {"dev-02.txt"};
    const Vertex ua = g.node(NodeKind::Country, "country/ukraine", "Ukraine");
    g[ua].qid = "Q212";
    g[ua].sources = {"dev-01.txt"};
    const Vertex meeting =
        g.node(NodeKind::Meeting, "meeting/2025-12-14-berlin", "Berlin talks on 2025-12-14");
    g[meeting].date = Date{2025, 12, 14};
    g[meeting].sources = {"dev-01.txt", "dev-02.txt"};
    const Vertex plan = g.node(NodeKind::Proposal, "proposal/20-point-plan", "20-point plan");
    g[plan].sources = {"dev-01.txt"};
    const Vertex quote = g.node(NodeKind::Statement, "statement/dev-01-txt-1", "quote");
    g[quote].text = tricky_sentence(control);
    g[quote].sources = {"dev-01.txt"};

    Evidence met{"dev-01.txt", 0, 0, 20, "Zelensky met Witkoff in Berlin.", "meeting.met", 0.8};
    g.relate(meeting, Relation::Participant, zel, met);
    g.relate(meeting, Relation::Host, wit, met);
    Evidence rej{"dev-01.txt", 1, 21, 60, tricky_sentence(control), "stance.reject", 0.7};
    Evidence rej2{"dev-02.txt", 3, 100, 140, "Zelensky rejected the plan.", "stance.reject", 0.9};
    g.relate(zel, Relation::Rejects, plan, rej);
    g.relate(zel, Relation::Rejects, plan, rej2);
    g.relate(plan, Relation::ProposedBy, wit, rej2);
    g.relate(quote, Relation::Speaker, zel, rej);
    g.relate(zel, Relation::Affiliation, ua);
    return s;
}

} // namespace parley::test
