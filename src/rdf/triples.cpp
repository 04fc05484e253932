#include "rdf/triples.hpp"

#include "core/error.hpp"
#include "rdf/iri.hpp"

#include <algorithm>
#include <limits>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace parley::rdf {

Relation super_property(Relation r) {
    switch (r) {
    case Relation::Host:
        return Relation::Participant;
    case Relation::Demands:
        return Relation::Supports;
    case Relation::Rejects:
        return Relation::Opposes;
    default:
        return r;
    }
}

namespace {

/// Collects triples with their graphs and turns them into a `TripleSet`. Graph ids handed out
/// while collecting are provisional; `finish()` renumbers them in IRI order. Each `add` stores its
/// triple once, whatever the number of graphs (those go into a pool of ids), and `finish()` sorts
/// a permutation and moves the triples into place, so the strings are never copied and at most one
/// copy of the graph is in memory.
class Builder {
public:
    using Graphs = std::vector<std::uint32_t>;

    Builder() { graph_id(""); }

    /// Prepares for about `triples` calls of `add`. An over-estimate costs address space, not
    /// memory: the pages past the last triple are never touched. Without it, the vector of
    /// triples doubles as it grows, and while it moves the old and the new array (216 bytes a
    /// triple each) are both alive: up to three times the memory the triples need.
    void reserve(std::size_t triples) {
        triples_.reserve(triples);
        spans_.reserve(triples);
        pool_.reserve(triples + triples / 4);
    }

    /// The provisional id of graph `iri` ("" = default graph).
    std::uint32_t graph_id(const std::string& iri) {
        auto [it, added] = graph_ids_.try_emplace(iri, static_cast<std::uint32_t>(names_.size()));
        if (added) names_.push_back(iri);
        return it->second;
    }

    /// The IRI of the document `doc_id` and the id of its graph (computed once per document).
    const std::pair<std::string, std::uint32_t>& document(const std::string& doc_id) {
        auto it = documents_.find(doc_id);
        if (it == documents_.end()) {
            std::string iri = document_iri(doc_id);
            const std::uint32_t id = graph_id(iri);
            it = documents_.emplace(doc_id, std::make_pair(std::move(iri), id)).first;
        }
        return it->second;
    }

    /// The graphs of the documents `doc_ids` (the default graph when there are none).
    Graphs doc_graphs(const std::set<std::string>& doc_ids) {
        Graphs out;
        for (const auto& id : doc_ids)
            out.push_back(document(id).second);
        if (out.empty()) out.push_back(0);
        return out;
    }

    void add(const std::string& s, const std::string& p, Term o, const Graphs& graphs) {
        PARLEY_CHECK(!graphs.empty(), "a triple needs at least one graph");
        if (triples_.empty() || triples_.back().s.value != s)
            runs_.push_back(static_cast<std::uint32_t>(triples_.size()));
        triples_.push_back(Triple{Term::iri(s), Term::iri(p), std::move(o)});
        spans_.push_back(
            {static_cast<std::uint32_t>(pool_.size()), static_cast<std::uint32_t>(graphs.size())});
        pool_.insert(pool_.end(), graphs.begin(), graphs.end());
    }

    TripleSet finish() {
        // Renumber graphs in IRI order; "" (the default graph) sorts first and stays 0.
        std::vector<std::uint32_t> order(names_.size());
        for (std::uint32_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return names_[a] < names_[b]; });
        std::vector<std::uint32_t> rank(names_.size());
        TripleSet out;
        out.graph_names.clear();
        for (std::uint32_t r = 0; r < order.size(); ++r) {
            rank[order[r]] = r;
            out.graph_names.push_back(names_[order[r]]);
        }
        for (auto& g : pool_)
            g = rank[g];

        // Sort a permutation of the triples, then merge the graphs of equal triples.
        PARLEY_CHECK(triples_.size() < std::numeric_limits<std::uint32_t>::max(),
                     "too many triples");
        std::vector<std::uint32_t> idx = sorted_order();
        std::vector<std::uint32_t>().swap(runs_);
        std::vector<std::uint32_t> keep; // the first member of each run of equal triples
        out.graph_ids.reserve(pool_.size());
        Graphs graphs;
        for (std::size_t i = 0; i < idx.size();) {
            std::size_t j = i;
            graphs.clear();
            for (; j < idx.size() && triples_[idx[j]] == triples_[idx[i]]; ++j) {
                const Span sp = spans_[idx[j]];
                graphs.insert(graphs.end(), pool_.begin() + sp.first,
                              pool_.begin() + sp.first + sp.count);
            }
            std::sort(graphs.begin(), graphs.end());
            graphs.erase(std::unique(graphs.begin(), graphs.end()), graphs.end());
            // A triple that some document states is not also put in the default graph.
            const bool has_doc = graphs.back() != 0;
            for (const std::uint32_t g : graphs)
                if (!has_doc || g != 0) out.graph_ids.push_back(g);
            out.graph_offsets.push_back(static_cast<std::uint32_t>(out.graph_ids.size()));
            keep.push_back(idx[i]);
            i = j;
        }
        std::vector<Span>().swap(spans_);
        std::vector<std::uint32_t>().swap(pool_);
        std::vector<std::uint32_t>().swap(idx);

        // Move the kept triples into sorted order in place: position k takes `keep[k]`. Walk
        // the cycles of the permutation `from` (new position -> old position; the dropped
        // duplicates fill the tail), moving each triple once, so no second array of triples is
        // ever allocated.
        const auto none = std::numeric_limits<std::uint32_t>::max();
        std::vector<std::uint32_t> from(triples_.size(), none);
        {
            std::vector<bool> kept(triples_.size());
            for (std::uint32_t k = 0; k < keep.size(); ++k) {
                from[k] = keep[k];
                kept[keep[k]] = true;
            }
            auto tail = static_cast<std::uint32_t>(keep.size());
            for (std::uint32_t i = 0; i < kept.size(); ++i)
                if (!kept[i]) from[tail++] = i;
        }
        std::vector<std::uint32_t>().swap(keep);
        for (std::uint32_t i = 0; i < from.size(); ++i) {
            if (from[i] == i) continue;
            Triple first = std::move(triples_[i]);
            for (std::uint32_t j = i;;) {
                const std::uint32_t k = from[j];
                from[j] = j;
                if (k == i) {
                    triples_[j] = std::move(first);
                    break;
                }
                triples_[j] = std::move(triples_[k]);
                j = k;
            }
        }
        triples_.resize(out.graph_offsets.size() - 1);
        out.triples = std::move(triples_);
        triples_.clear();
        return out;
    }

private:
    struct Span {
        std::uint32_t first; ///< index into `pool_`
        std::uint32_t count;
    };

    /// The indices of `triples_` in (subject, predicate, object) order. The mapping adds the
    /// triples of one subject in runs, so the runs are sorted by subject (about a fifth as many
    /// string comparisons as sorting every triple, each of them long: IRIs share a prefix), and
    /// then each subject's triples by predicate and object. Subjects are always IRIs.
    std::vector<std::uint32_t> sorted_order() const {
        const auto run_end = [&](std::size_t r) {
            return r + 1 < runs_.size() ? runs_[r + 1]
                                        : static_cast<std::uint32_t>(triples_.size());
        };
        const auto subject = [&](std::size_t r) -> const std::string& {
            return triples_[runs_[r]].s.value;
        };
        std::vector<std::uint32_t> runs(runs_.size());
        for (std::uint32_t r = 0; r < runs.size(); ++r)
            runs[r] = r;
        std::sort(runs.begin(), runs.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return subject(a) < subject(b); });
        std::vector<std::uint32_t> idx;
        idx.reserve(triples_.size());
        for (std::size_t k = 0; k < runs.size();) {
            const std::string& s = subject(runs[k]);
            const std::size_t first = idx.size();
            for (; k < runs.size() && subject(runs[k]) == s; ++k)
                for (std::uint32_t i = runs_[runs[k]]; i < run_end(runs[k]); ++i)
                    idx.push_back(i);
            std::sort(idx.begin() + static_cast<std::ptrdiff_t>(first), idx.end(),
                      [&](std::uint32_t a, std::uint32_t b) {
                          const Triple& x = triples_[a];
                          const Triple& y = triples_[b];
                          return std::tie(x.p, x.o) < std::tie(y.p, y.o);
                      });
        }
        return idx;
    }

    std::unordered_map<std::string, std::uint32_t> graph_ids_;
    /// Document id -> (document IRI, graph id).
    std::unordered_map<std::string, std::pair<std::string, std::uint32_t>> documents_;
    std::vector<std::string> names_;
    std::vector<Triple> triples_;     ///< in the order of `add`
    std::vector<Span> spans_;         ///< graphs of `triples_[i]` in `pool_`
    std::vector<std::uint32_t> runs_; ///< first triple of each run of one subject in `triples_`
    std::vector<std::uint32_t> pool_;
};

/// IRIs of the vocabulary terms used by the mapping, built once per call.
struct Vocab {
    std::string type = term(kRdf, "type");
    std::string subject = term(kRdf, "subject");
    std::string predicate = term(kRdf, "predicate");
    std::string object = term(kRdf, "object");
    std::string label = term(kRdfs, "label");
    std::string alt_label = term(kSkos, "altLabel");
    std::string same_as = term(kOwl, "sameAs");
    std::string title = term(kDcterms, "title");
    std::string derived_from = term(kProv, "wasDerivedFrom");
    std::string xsd_date = term(kXsd, "date");
    std::string xsd_integer = term(kXsd, "integer");
    std::string xsd_decimal = term(kXsd, "decimal");
    std::string actor = term(kPl, "Actor");
    std::string fact = term(kPl, "Fact");
    std::string evidence_class = term(kPl, "Evidence");
    std::string document_class = term(kPl, "Document");
    std::string role = term(kPl, "role");
    std::string date = term(kPl, "date");
    std::string published = term(kPl, "published");
    std::string text = term(kPl, "text");
    std::string mentioned_in = term(kPl, "mentionedIn");
    std::string num_sources = term(kPl, "numSources");
    std::string confidence = term(kPl, "confidence");
    std::string evidence = term(kPl, "evidence");
    std::string document = term(kPl, "document");
    std::string sentence = term(kPl, "sentence");
    std::string begin = term(kPl, "beginOffset");
    std::string end = term(kPl, "endOffset");
    std::string rule = term(kPl, "rule");
    std::string file_name = term(kPl, "fileName");
    std::string outlet = term(kPl, "outlet");
};

class Mapper {
public:
    Mapper(const KnowledgeGraph& g, const std::vector<Document>& docs, const TripleOptions& o)
        : g_(g), docs_(docs), options_(o) {
        for (const auto& d : docs_)
            doc_iris_.insert(document_iri(d.id));
    }

    TripleSet run() {
        b_.reserve(estimate());
        for (const auto& d : docs_)
            map_document(d);
        for (const Vertex v : g_.sorted_nodes()) {
            map_node(v);
            for (const Edge e : g_.sorted_out_edges(v))
                map_edge(e);
        }
        return b_.finish();
    }

private:
    /// An upper bound of the number of triples `run` adds (see `map_document`, `map_node`,
    /// `map_edge` and `map_evidence`), so the builder allocates its arrays once.
    std::size_t estimate() const {
        std::size_t n = 5 * docs_.size();
        const BoostGraph& bg = g_.boost();
        for (auto [it, end] = boost::vertices(bg); it != end; ++it) {
            const NodeProps& p = bg[*it];
            n += 8 + p.aliases.size() + p.roles.size() + p.sources.size();
        }
        for (auto [it, end] = boost::edges(bg); it != end; ++it) {
            const std::size_t evidence = bg[*it].evidence.size();
            n += 2 + (evidence ? 6 + 9 * evidence : 0);
        }
        return n;
    }

    Term integer(std::size_t n) const { return Term::typed(std::to_string(n), vocab_.xsd_integer); }
    Term decimal(double d) const { return Term::typed(decimal_lexical(d), vocab_.xsd_decimal); }
    Term date(const Date& d) const { return Term::typed(d.iso(), vocab_.xsd_date); }

    void map_document(const Document& d) {
        const std::string iri = document_iri(d.id);
        const Builder::Graphs gs{b_.graph_id(iri)};
        b_.add(iri, vocab_.type, Term::iri(vocab_.document_class), gs);
        b_.add(iri, vocab_.file_name, Term::plain(d.id), gs);
        if (!d.title.empty()) b_.add(iri, vocab_.title, Term::lang(d.title, "en"), gs);
        if (d.published) b_.add(iri, vocab_.published, date(*d.published), gs);
        if (!d.outlet.empty()) b_.add(iri, vocab_.outlet, Term::plain(d.outlet), gs);
    }

    void map_node(Vertex v) {
        const NodeProps& n = g_[v];
        const std::string s = resource_iri(n.key);
        const bool is_doc = n.kind == NodeKind::Document;
        const Builder::Graphs gs =
            is_doc ? Builder::Graphs{b_.graph_id(s)} : b_.doc_graphs(n.sources);
        b_.add(s, vocab_.type, Term::iri(term(kPl, to_string(n.kind))), gs);
        if (options_.entail && is_actor(n.kind))
            b_.add(s, vocab_.type, Term::iri(vocab_.actor), gs);
        if (is_doc) {
            // The `Document` list is authoritative for documents it holds.
            if (!doc_iris_.contains(s)) {
                const std::string& title = n.text.empty() ? n.label : n.text;
                if (!title.empty()) b_.add(s, vocab_.title, Term::lang(title, "en"), gs);
                if (n.date) b_.add(s, vocab_.published, date(*n.date), gs);
            }
        } else if (!n.label.empty()) {
            b_.add(s, vocab_.label, Term::plain(n.label), gs);
        }
        for (const auto& alias : n.aliases)
            if (alias != n.label) b_.add(s, vocab_.alt_label, Term::plain(alias), gs);
        if (const std::string wd = wikidata_iri(n.qid); !wd.empty())
            b_.add(s, vocab_.same_as, Term::iri(wd), gs);
        for (const auto& role : n.roles)
            b_.add(s, vocab_.role, Term::plain(role), gs);
        if (n.date && !is_doc) b_.add(s, vocab_.date, date(*n.date), gs);
        if (n.kind == NodeKind::Statement && !n.text.empty())
            b_.add(s, vocab_.text, Term::lang(n.text, "en"), gs);
        if (!is_doc) {
            for (const auto& doc : n.sources) {
                const auto& [d, graph] = b_.document(doc);
                b_.add(s, vocab_.mentioned_in, Term::iri(d), {graph});
            }
            if (!n.sources.empty()) b_.add(s, vocab_.num_sources, integer(n.sources.size()), gs);
        }
    }

    void map_edge(Edge e) {
        const EdgeProps& ep = g_[e];
        const BoostGraph& bg = g_.boost();
        const NodeProps& from = g_[boost::source(e, bg)];
        const NodeProps& to = g_[boost::target(e, bg)];
        const std::string s = resource_iri(from.key);
        const std::string p = term(kPl, to_string(ep.rel));
        const std::string o = resource_iri(to.key);

        const std::set<std::string> docs = ep.sources();
        Builder::Graphs gs;
        if (!docs.empty()) {
            gs = b_.doc_graphs(docs);
        } else if (ep.rel == Relation::MentionedIn && to.kind == NodeKind::Document) {
            gs = {b_.graph_id(o)};
        } else {
            gs = b_.doc_graphs(from.sources);
        }
        b_.add(s, p, Term::iri(o), gs);
        if (const Relation sup = super_property(ep.rel); options_.entail && sup != ep.rel)
            b_.add(s, term(kPl, to_string(sup)), Term::iri(o), gs);
        if (!options_.provenance || ep.evidence.empty()) return;

        const std::string fact = term(kPr, "fact/" + hash_hex(s + '\n' + p + '\n' + o));
        b_.add(fact, vocab_.type, Term::iri(vocab_.fact), gs);
        b_.add(fact, vocab_.subject, Term::iri(s), gs);
        b_.add(fact, vocab_.predicate, Term::iri(p), gs);
        b_.add(fact, vocab_.object, Term::iri(o), gs);
        b_.add(fact, vocab_.num_sources, integer(docs.size()), gs);
        b_.add(fact, vocab_.confidence, decimal(ep.confidence()), gs);
        for (const Evidence& ev : ep.evidence)
            map_evidence(fact, ev);
    }

    void map_evidence(const std::string& fact, const Evidence& ev) {
        const std::string conf = decimal_lexical(ev.confidence);
        std::string key = fact;
        for (const std::string* part : {&ev.doc, &ev.rule, &ev.text, &conf})
            key += '\n' + *part;
        key += '\n' + std::to_string(ev.sentence) + ':' + std::to_string(ev.begin) + ':' +
               std::to_string(ev.end);
        const std::string iri = term(kPr, "evidence/" + hash_hex(key));
        const auto& [doc, graph] = b_.document(ev.doc);
        const Builder::Graphs gs{graph};
        b_.add(fact, vocab_.evidence, Term::iri(iri), gs);
        b_.add(iri, vocab_.type, Term::iri(vocab_.evidence_class), gs);
        b_.add(iri, vocab_.document, Term::iri(doc), gs);
        b_.add(iri, vocab_.derived_from, Term::iri(doc), gs);
        if (!ev.text.empty()) b_.add(iri, vocab_.sentence, Term::lang(ev.text, "en"), gs);
        b_.add(iri, vocab_.begin, integer(ev.begin), gs);
        b_.add(iri, vocab_.end, integer(ev.end), gs);
        if (!ev.rule.empty()) b_.add(iri, vocab_.rule, Term::plain(ev.rule), gs);
        b_.add(iri, vocab_.confidence, Term::typed(conf, vocab_.xsd_decimal), gs);
    }

    const KnowledgeGraph& g_;
    const std::vector<Document>& docs_;
    TripleOptions options_;
    Vocab vocab_;
    std::set<std::string> doc_iris_;
    Builder b_;
};

} // namespace

TripleSet build_triples(const KnowledgeGraph& g, const std::vector<Document>& docs,
                        const TripleOptions& options) {
    return Mapper(g, docs, options).run();
}

} // namespace parley::rdf
