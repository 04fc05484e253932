#include "rdf/librdf_util.hpp"

#include "rdf/iri.hpp"

namespace parley::rdf {

namespace {
const unsigned char* uc(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}
} // namespace

Term to_term(librdf_node* node) {
    PARLEY_CHECK(node != nullptr, "a null librdf node");
    if (librdf_node_is_resource(node)) {
        std::size_t len = 0;
        const unsigned char* s = librdf_uri_as_counted_string(librdf_node_get_uri(node), &len);
        return Term::iri(std::string(reinterpret_cast<const char*>(s), len));
    }
    if (librdf_node_is_blank(node)) {
        const unsigned char* id = librdf_node_get_blank_identifier(node);
        return Term::blank(id ? reinterpret_cast<const char*>(id) : "");
    }
    std::size_t len = 0;
    const unsigned char* v = librdf_node_get_literal_value_as_counted_string(node, &len);
    std::string value = v ? std::string(reinterpret_cast<const char*>(v), len) : std::string();
    if (const char* lang = librdf_node_get_literal_value_language(node); lang && *lang)
        return Term::lang(std::move(value), lang);
    if (librdf_uri* dt = librdf_node_get_literal_value_datatype_uri(node)) {
        std::size_t dlen = 0;
        const unsigned char* d = librdf_uri_as_counted_string(dt, &dlen);
        std::string datatype(reinterpret_cast<const char*>(d), dlen);
        if (datatype != term(kXsd, "string"))
            return Term::typed(std::move(value), std::move(datatype));
    }
    return Term::plain(std::move(value));
}

NodePtr make_node(librdf_world* world, TermRef t) {
    librdf_node* n = nullptr;
    switch (t.kind) {
    case Term::Kind::Iri:
        n = librdf_new_node_from_counted_uri_string(world, uc(t.value), t.value.size());
        break;
    case Term::Kind::Blank:
        n = librdf_new_node_from_counted_blank_identifier(world, uc(t.value), t.value.size());
        break;
    case Term::Kind::Plain:
        n = librdf_new_node_from_typed_counted_literal(world, uc(t.value), t.value.size(), nullptr,
                                                       0, nullptr);
        break;
    case Term::Kind::Lang:
        n = librdf_new_node_from_typed_counted_literal(world, uc(t.value), t.value.size(),
                                                       t.tag.data(), t.tag.size(), nullptr);
        break;
    case Term::Kind::Typed: {
        UriPtr dt(check_new(librdf_new_uri2(world, uc(t.tag), t.tag.size()),
                            "datatype URI " + std::string(t.tag)));
        // The node takes its own reference to the datatype URI.
        n = librdf_new_node_from_typed_counted_literal(world, uc(t.value), t.value.size(), nullptr,
                                                       0, dt.get());
        break;
    }
    }
    return NodePtr(check_new(n, "node"));
}

} // namespace parley::rdf
