#include "validate/index.hpp"

#include "rdf/handles.hpp"
#include "rdf/iri.hpp"

#include <algorithm>
#include <limits>
#include <tuple>
#include <unordered_set>

namespace parley::validate::detail {

namespace {

/// Sets `key` to the look-up key of `t` (reusing its capacity).
void term_key(rdf::TermRef t, unsigned scope, std::string& key) {
    key.clear();
    key.push_back(static_cast<char>('0' + static_cast<int>(t.kind)));
    if (t.kind == rdf::Term::Kind::Blank) key += std::to_string(scope);
    key.push_back('|');
    key += t.tag;
    key.push_back('|');
    key += t.value;
}

/// RDF 1.1: a literal typed `xsd:string` is the same term as the plain literal.
bool is_xsd_string(rdf::TermRef t) {
    static constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";
    return t.kind == rdf::Term::Kind::Typed && t.tag == kXsdString;
}

const char* c_str(const unsigned char* s) {
    return s ? reinterpret_cast<const char*>(s) : "";
}

/// Converts a librdf node (borrowed, not freed here) into a term.
rdf::Term to_term(librdf_node* node) {
    PARLEY_CHECK(node != nullptr, "statement without a node");
    if (librdf_node_is_resource(node)) {
        return rdf::Term::iri(c_str(librdf_uri_as_string(librdf_node_get_uri(node))));
    }
    if (librdf_node_is_blank(node)) {
        return rdf::Term::blank(c_str(librdf_node_get_blank_identifier(node)));
    }
    std::string value = c_str(librdf_node_get_literal_value(node));
    if (const char* lang = librdf_node_get_literal_value_language(node); lang && *lang) {
        return rdf::Term::lang(std::move(value), lang);
    }
    if (librdf_uri* dt = librdf_node_get_literal_value_datatype_uri(node)) {
        std::string datatype = c_str(librdf_uri_as_string(dt));
        if (datatype != rdf::term(rdf::kXsd, "string")) {
            return rdf::Term::typed(std::move(value), std::move(datatype));
        }
    }
    return rdf::Term::plain(std::move(value));
}

} // namespace

void TermTable::adopt(const rdf::TermTable& base, unsigned scope) {
    PARLEY_CHECK(size() == 0, "a term table adopts a base only when empty");
    base_ = &base;
    base_size_ = static_cast<TermId>(base.size());
    base_scope_ = scope;
}

TermId TermTable::intern(rdf::TermRef term, unsigned scope) {
    if (is_xsd_string(term)) term = rdf::TermRef(rdf::Term::Kind::Plain, term.value, {});
    if (base_ && (term.kind != rdf::Term::Kind::Blank || scope == base_scope_)) {
        if (const auto id = base_->find(term)) return *id;
    }
    term_key(term, scope, key_);
    if (auto it = ids_.find(key_); it != ids_.end()) return it->second;
    const auto id = static_cast<TermId>(size());
    own_.push_back(term.term());
    ids_.emplace(key_, id);
    return id;
}

TermId TermTable::iri(std::string_view iri) {
    return intern(rdf::TermRef(rdf::Term::Kind::Iri, iri, {}));
}

namespace {

bool spo_less(const Graph::Statement& a, const Graph::Statement& b) {
    return std::tie(a.s, a.p, a.o) < std::tie(b.s, b.p, b.o);
}

bool pos_less(const Graph::Statement& a, const Graph::Statement& b) {
    return std::tie(a.p, a.o, a.s) < std::tie(b.p, b.o, b.s);
}

} // namespace

void Graph::add(TermId s, TermId p, TermId o) {
    if (spo_.data() != own_spo_.data()) own_spo_.assign(spo_.begin(), spo_.end()); // borrowed
    own_spo_.push_back({s, p, o});
    spo_ = own_spo_;
    sealed_ = false;
}

void Graph::reserve(std::size_t statements) {
    if (spo_.data() != own_spo_.data()) own_spo_.assign(spo_.begin(), spo_.end());
    own_spo_.reserve(own_spo_.size() + statements);
    spo_ = own_spo_;
}

void Graph::seal() {
    std::sort(own_spo_.begin(), own_spo_.end(), spo_less);
    own_spo_.erase(std::unique(own_spo_.begin(), own_spo_.end()), own_spo_.end());
    own_spo_.shrink_to_fit();
    spo_ = own_spo_;
    pos_ = own_spo_;
    std::sort(pos_.begin(), pos_.end(), pos_less);
    sealed_ = true;
}

void Graph::assign_sorted(Statements spo) {
    for (std::size_t i = 1; i < spo.size(); ++i)
        PARLEY_CHECK(spo_less(spo[i - 1], spo[i]), "assign_sorted needs sorted, unique statements");
    std::vector<Statement>().swap(own_spo_);
    spo_ = spo;
    // (p, o, s) order in two stable counting sorts: the input is in s order, a pass by object
    // gives (o, s) order (kept as positions in `spo`, 4 bytes a statement), and a pass by
    // predicate over those then gives (p, o, s) order.
    PARLEY_CHECK(spo.size() < std::numeric_limits<std::uint32_t>::max(), "too many statements");
    TermId max_id = 0;
    for (const Statement& st : spo)
        max_id = std::max({max_id, st.p, st.o});
    std::vector<std::uint32_t> start(std::size_t{max_id} + 2, 0);
    for (const Statement& st : spo)
        ++start[std::size_t{st.o} + 1];
    for (std::size_t i = 1; i < start.size(); ++i)
        start[i] += start[i - 1];
    std::vector<std::uint32_t> by_o(spo.size());
    for (std::uint32_t i = 0; i < spo.size(); ++i)
        by_o[start[spo[i].o]++] = i;
    std::fill(start.begin(), start.end(), 0);
    for (const Statement& st : spo)
        ++start[std::size_t{st.p} + 1];
    for (std::size_t i = 1; i < start.size(); ++i)
        start[i] += start[i - 1];
    pos_.resize(spo.size());
    for (const std::uint32_t i : by_o)
        pos_[start[spo[i].p]++] = spo[i];
    sealed_ = true;
}

Graph::Statements Graph::sp_range(TermId s, TermId p) const {
    PARLEY_CHECK(sealed_, "a graph is queried before it is sealed");
    const auto lo = std::lower_bound(spo_.begin(), spo_.end(), Statement{s, p, 0}, spo_less);
    auto hi = lo;
    while (hi != spo_.end() && hi->s == s && hi->p == p)
        ++hi;
    return {lo, hi};
}

std::vector<TermId> Graph::objects(TermId s, TermId p) const {
    std::vector<TermId> out;
    for (const Statement& st : sp_range(s, p))
        out.push_back(st.o);
    return out;
}

std::vector<TermId> Graph::subjects(TermId p, TermId o) const {
    PARLEY_CHECK(sealed_, "a graph is queried before it is sealed");
    std::vector<TermId> out;
    for (auto it = std::lower_bound(pos_.begin(), pos_.end(), Statement{0, p, o}, pos_less);
         it != pos_.end() && it->p == p && it->o == o; ++it)
        out.push_back(it->s);
    return out;
}

TermId Graph::object(TermId s, TermId p, TermId fallback) const {
    const auto range = sp_range(s, p);
    return range.empty() ? fallback : range.front().o;
}

Graph::Statements Graph::out(TermId s) const {
    PARLEY_CHECK(sealed_, "a graph is queried before it is sealed");
    const auto lo = std::lower_bound(spo_.begin(), spo_.end(), Statement{s, 0, 0}, spo_less);
    auto hi = lo;
    while (hi != spo_.end() && hi->s == s)
        ++hi;
    return {lo, hi};
}

Graph::Statements Graph::with_predicate(TermId p) const {
    PARLEY_CHECK(sealed_, "a graph is queried before it is sealed");
    const auto lo = std::lower_bound(pos_.begin(), pos_.end(), Statement{0, p, 0}, pos_less);
    const auto hi = std::upper_bound(
        lo, pos_.end(), p, [](TermId value, const Statement& st) { return value < st.p; });
    return {lo, hi};
}

bool Graph::has(TermId s, TermId p, TermId o) const {
    PARLEY_CHECK(sealed_, "a graph is queried before it is sealed");
    return std::binary_search(spo_.begin(), spo_.end(), Statement{s, p, o}, spo_less);
}

std::vector<TermId> Graph::list(TermId head, TermId first, TermId rest, TermId nil) const {
    std::vector<TermId> members;
    std::unordered_set<TermId> seen;
    for (TermId cell = head; cell != nil && seen.insert(cell).second;) {
        const auto firsts = objects(cell, first);
        const auto rests = objects(cell, rest);
        if (firsts.size() != 1 || rests.size() != 1) break;
        members.push_back(firsts.front());
        cell = rests.front();
    }
    return members;
}

void snapshot(librdf_model_s* model, TermTable& terms, unsigned scope, Graph& graph) {
    PARLEY_CHECK(model != nullptr, "snapshot of a null model");
    rdf::StreamPtr stream(librdf_model_as_stream(model));
    if (!stream) throw io_error("librdf: could not read the statements of a model");
    for (; !librdf_stream_end(stream.get()); librdf_stream_next(stream.get())) {
        // The statement is owned by the stream and valid until the next call.
        librdf_statement* st = librdf_stream_get_object(stream.get());
        if (!st) continue;
        const TermId s = terms.intern(to_term(librdf_statement_get_subject(st)), scope);
        const TermId p = terms.intern(to_term(librdf_statement_get_predicate(st)), scope);
        const TermId o = terms.intern(to_term(librdf_statement_get_object(st)), scope);
        graph.add(s, p, o);
    }
    graph.seal();
}

void snapshot(const rdf::TripleSet& triples, TermTable& terms, unsigned scope, Graph& graph) {
    terms.adopt(triples.terms, scope);
    // A literal typed xsd:string is the plain literal: such terms (rare) get the id of the plain
    // one, and the triples are then copied with the ids mapped.
    std::vector<TermId> map;
    for (TermId id = 0; id < triples.terms.size(); ++id) {
        if (!is_xsd_string(triples.terms[id])) continue;
        if (map.empty()) {
            map.resize(triples.terms.size());
            for (TermId k = 0; k < map.size(); ++k)
                map[k] = k;
        }
        map[id] = terms.intern(triples.terms[id], scope);
    }
    if (map.empty()) {
        graph.assign_sorted(triples.triples);
        return;
    }
    graph.reserve(triples.size());
    for (const rdf::IdTriple& t : triples.triples)
        graph.add(map[t.s], map[t.p], map[t.o]);
    graph.seal();
}

} // namespace parley::validate::detail
