#include "validate/index.hpp"

#include "rdf/handles.hpp"
#include "rdf/iri.hpp"

#include <algorithm>
#include <unordered_set>

namespace parley::validate::detail {

namespace {

std::string term_key(const rdf::Term& t, unsigned scope) {
    std::string key;
    key.reserve(t.value.size() + t.tag.size() + 8);
    key.push_back(static_cast<char>('0' + static_cast<int>(t.kind)));
    if (t.kind == rdf::Term::Kind::Blank) key += std::to_string(scope);
    key.push_back('|');
    key += t.tag;
    key.push_back('|');
    key += t.value;
    return key;
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

TermId TermTable::intern(const rdf::Term& term, unsigned scope) {
    auto key = term_key(term, scope);
    if (auto it = ids_.find(key); it != ids_.end()) return it->second;
    const auto id = static_cast<TermId>(terms_.size());
    terms_.push_back(term);
    ids_.emplace(std::move(key), id);
    return id;
}

TermId TermTable::iri(std::string_view iri) {
    return intern(rdf::Term::iri(std::string(iri)));
}

void Graph::add(TermId s, TermId p, TermId o) {
    auto& objs = sp_[key(s, p)];
    if (std::find(objs.begin(), objs.end(), o) != objs.end()) return;
    objs.push_back(o);
    po_[key(p, o)].push_back(s);
    s_[s].emplace_back(p, o);
    p_[p].emplace_back(s, o);
    ++size_;
}

std::vector<TermId> Graph::objects(TermId s, TermId p) const {
    if (auto it = sp_.find(key(s, p)); it != sp_.end()) return it->second;
    return {};
}

std::vector<TermId> Graph::subjects(TermId p, TermId o) const {
    if (auto it = po_.find(key(p, o)); it != po_.end()) return it->second;
    return {};
}

TermId Graph::object(TermId s, TermId p, TermId fallback) const {
    if (auto it = sp_.find(key(s, p)); it != sp_.end() && !it->second.empty())
        return it->second.front();
    return fallback;
}

const Graph::Pairs& Graph::out(TermId s) const {
    static const Pairs kEmpty;
    if (auto it = s_.find(s); it != s_.end()) return it->second;
    return kEmpty;
}

const Graph::Pairs& Graph::with_predicate(TermId p) const {
    static const Pairs kEmpty;
    if (auto it = p_.find(p); it != p_.end()) return it->second;
    return kEmpty;
}

bool Graph::has(TermId s, TermId p, TermId o) const {
    auto it = sp_.find(key(s, p));
    return it != sp_.end() &&
           std::find(it->second.begin(), it->second.end(), o) != it->second.end();
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
}

} // namespace parley::validate::detail
