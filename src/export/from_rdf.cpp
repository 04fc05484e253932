// Rebuilds a `KnowledgeGraph` from the RDF that parley writes (the mapping of rdf/triples.hpp):
// the files are loaded with `rdf::Model::from_files`, and its sorted triples are collected per
// subject, then turned into nodes, edges and evidence.
#include "export/export.hpp"
#include "rdf/iri.hpp"
#include "rdf/model.hpp"

#include <charconv>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace parley {

namespace {

using rdf::kDcterms;
using rdf::kOwl;
using rdf::kPl;
using rdf::kPr;
using rdf::kRdf;
using rdf::kRdfs;
using rdf::kSkos;
using rdf::kWikidata;

/// Everything read about one subject.
struct Subject {
    std::set<std::string> types; ///< local names of pl: classes
    std::string label;
    std::set<std::string> aliases;
    std::string qid;
    std::set<std::string> roles;
    std::string date;      ///< pl:date, or pl:published for documents
    std::string text;      ///< pl:text
    std::string title;     ///< dcterms:title
    std::string file_name; ///< pl:fileName
    // pl:Fact
    std::string fact_subject, fact_predicate, fact_object;
    std::vector<std::string> evidence;
    // pl:Evidence (and pl:Fact for the confidence)
    std::string document, sentence, rule;
    std::size_t begin = 0, end = 0;
    double confidence = 1.0;
    bool has_confidence = false;
};

struct Link {
    std::string s;
    Relation rel;
    std::string o;
};

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

std::size_t to_size(const std::string& s) {
    std::size_t v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

double to_double(const std::string& s) {
    double v = 1.0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// The `NodeProps::key` of a resource IRI: the IRI without the `pr:` namespace, percent-decoded
/// (the inverse of `rdf::resource_iri`). Other IRIs are kept whole.
std::string key_of(const std::string& iri) {
    if (!starts_with(iri, kPr)) return iri;
    std::string out;
    for (std::size_t i = kPr.size(); i < iri.size(); ++i) {
        if (iri[i] == '%' && i + 2 < iri.size() && hex(iri[i + 1]) >= 0 && hex(iri[i + 2]) >= 0) {
            out += static_cast<char>(hex(iri[i + 1]) * 16 + hex(iri[i + 2]));
            i += 2;
        } else {
            out += iri[i];
        }
    }
    return out;
}

std::optional<NodeKind> kind_of(const Subject& s) {
    for (const auto& t : s.types)
        if (auto k = node_kind_from_string(t)) return k;
    return std::nullopt;
}

/// The relation whose entailed super-property triple `r` may be (`participant` for `host`...).
std::optional<Relation> sub_property_of(Relation r) {
    switch (r) {
    case Relation::Participant:
        return Relation::Host;
    case Relation::Supports:
        return Relation::Demands;
    case Relation::Opposes:
        return Relation::Rejects;
    default:
        return std::nullopt;
    }
}

} // namespace

KnowledgeGraph graph_from_triples(const std::vector<rdf::Triple>& triples) {
    const std::string rdf_type = rdf::term(kRdf, "type");
    std::map<std::string, Subject> subjects;
    std::vector<Link> links;
    for (const auto& t : triples) {
        if (t.s.kind == rdf::Term::Kind::Blank || t.p.kind != rdf::Term::Kind::Iri) continue;
        const std::string& p = t.p.value;
        const std::string& o = t.o.value;
        Subject& subj = subjects[t.s.value];
        if (p == rdf_type) {
            if (starts_with(o, kPl)) subj.types.insert(o.substr(kPl.size()));
        } else if (p == rdf::term(kRdfs, "label")) {
            subj.label = o;
        } else if (p == rdf::term(kSkos, "altLabel")) {
            subj.aliases.insert(o);
        } else if (p == rdf::term(kOwl, "sameAs")) {
            if (starts_with(o, kWikidata)) subj.qid = o.substr(kWikidata.size());
        } else if (p == rdf::term(kDcterms, "title")) {
            subj.title = o;
        } else if (p == rdf::term(kRdf, "subject")) {
            subj.fact_subject = o;
        } else if (p == rdf::term(kRdf, "predicate")) {
            subj.fact_predicate = o;
        } else if (p == rdf::term(kRdf, "object")) {
            subj.fact_object = o;
        } else if (starts_with(p, kPl)) {
            const std::string local = p.substr(kPl.size());
            if (local == "role")
                subj.roles.insert(o);
            else if (local == "date" || local == "published")
                subj.date = o;
            else if (local == "text")
                subj.text = o;
            else if (local == "fileName")
                subj.file_name = o;
            else if (local == "evidence")
                subj.evidence.push_back(o);
            else if (local == "document")
                subj.document = o;
            else if (local == "sentence")
                subj.sentence = o;
            else if (local == "rule")
                subj.rule = o;
            else if (local == "beginOffset")
                subj.begin = to_size(o);
            else if (local == "endOffset")
                subj.end = to_size(o);
            else if (local == "confidence") {
                subj.confidence = to_double(o);
                subj.has_confidence = true;
            } else if (auto rel = relation_from_string(local); rel && !t.o.is_literal()) {
                links.push_back({t.s.value, *rel, o});
            }
        }
    }

    // The document id that evidence uses (`Document::id`): the file name when known.
    auto doc_id = [&](const std::string& iri) {
        if (auto it = subjects.find(iri); it != subjects.end() && !it->second.file_name.empty())
            return it->second.file_name;
        const std::string key = key_of(iri);
        const auto slash = key.rfind('/');
        return slash == std::string::npos ? key : key.substr(slash + 1);
    };

    // Nodes, in key order.
    std::map<std::string, std::pair<std::string, const Subject*>> by_key; // key -> (iri, subject)
    for (const auto& [iri, s] : subjects)
        if (kind_of(s)) by_key.emplace(key_of(iri), std::make_pair(iri, &s));
    KnowledgeGraph g;
    std::map<std::string, Vertex> vertex_of;
    for (const auto& [key, entry] : by_key) {
        const auto& [iri, s] = entry;
        const NodeKind kind = *kind_of(*s);
        std::string label = s->label;
        if (kind == NodeKind::Document && !s->file_name.empty()) label = s->file_name;
        if (label.empty()) label = key;
        const Vertex v = g.node(kind, key, label);
        NodeProps& p = g[v];
        p.aliases = s->aliases;
        p.aliases.erase(p.label);
        p.qid = s->qid;
        p.roles = s->roles;
        p.date = Date::parse(s->date);
        p.text = kind == NodeKind::Document ? (s->title.empty() ? s->label : s->title) : s->text;
        vertex_of.emplace(iri, v);
    }

    // Edges. An entailed super-property triple (`participant` beside `host`, ...) is left out
    // unless a fact reifies it: entailed triples carry no evidence of their own and would draw
    // every such edge twice.
    std::set<std::tuple<std::string, Relation, std::string>> present, reified;
    for (const auto& l : links)
        present.emplace(l.s, l.rel, l.o);
    for (const auto& [iri, fact] : subjects) {
        if (!fact.types.count("Fact") || !starts_with(fact.fact_predicate, kPl)) continue;
        if (auto rel = relation_from_string(fact.fact_predicate.substr(kPl.size())))
            reified.emplace(fact.fact_subject, *rel, fact.fact_object);
    }
    for (const auto& l : links) {
        auto from = vertex_of.find(l.s), to = vertex_of.find(l.o);
        if (from == vertex_of.end() || to == vertex_of.end()) continue;
        if (auto sub = sub_property_of(l.rel);
            sub && present.count({l.s, *sub, l.o}) && !reified.count({l.s, l.rel, l.o}))
            continue;
        g.relate(from->second, l.rel, to->second);
        if (l.rel == Relation::MentionedIn) g[from->second].sources.insert(doc_id(l.o));
    }

    // Evidence of the reified facts.
    for (const auto& [iri, fact] : subjects) {
        if (!fact.types.count("Fact") || !starts_with(fact.fact_predicate, kPl)) continue;
        auto from = vertex_of.find(fact.fact_subject), to = vertex_of.find(fact.fact_object);
        if (from == vertex_of.end() || to == vertex_of.end()) continue;
        const auto rel = relation_from_string(fact.fact_predicate.substr(kPl.size()));
        if (!rel) continue;
        const Edge e = g.relate(from->second, *rel, to->second);
        for (const auto& ev_iri : fact.evidence) {
            auto it = subjects.find(ev_iri);
            if (it == subjects.end()) continue;
            const Subject& ev = it->second;
            Evidence evidence;
            evidence.doc = ev.document.empty() ? std::string() : doc_id(ev.document);
            evidence.begin = ev.begin;
            evidence.end = ev.end;
            evidence.text = ev.sentence;
            evidence.rule = ev.rule;
            evidence.confidence = ev.has_confidence ? ev.confidence : fact.confidence;
            add_evidence(g[e].evidence, evidence);
        }
    }
    return g;
}

KnowledgeGraph graph_from_rdf(rdf::World& world, const std::vector<std::filesystem::path>& files) {
    return graph_from_triples(rdf::Model::from_files(world, files).triples());
}

} // namespace parley
