#include "rdf/iri.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <charconv>
#include <cmath>

namespace parley::rdf {

const std::vector<Prefix>& standard_prefixes() {
    static const std::vector<Prefix> prefixes = {
        {"pl", std::string(kPl)},           {"pr", std::string(kPr)},
        {"rdf", std::string(kRdf)},         {"rdfs", std::string(kRdfs)},
        {"owl", std::string(kOwl)},         {"skos", std::string(kSkos)},
        {"xsd", std::string(kXsd)},         {"prov", std::string(kProv)},
        {"dcterms", std::string(kDcterms)}, {"schema", std::string(kSchema)},
    };
    return prefixes;
}

std::string term(std::string_view namespace_iri, std::string_view local) {
    std::string out;
    out.reserve(namespace_iri.size() + local.size());
    out.append(namespace_iri).append(local);
    return out;
}

std::string encode_key(std::string_view key) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(key.size());
    for (const char c : key) {
        const auto b = static_cast<unsigned char>(c);
        const bool keep = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ||
                          (b >= '0' && b <= '9') || b == '-' || b == '.' || b == '_' || b == '~' ||
                          b == '/';
        if (keep) {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(kHex[b >> 4]);
            out.push_back(kHex[b & 0xF]);
        }
    }
    return out;
}

std::string resource_iri(std::string_view key) {
    return term(kPr, encode_key(key));
}

std::string document_key(std::string_view doc_id) {
    return "document/" + slugify(doc_id);
}

std::string document_iri(std::string_view doc_id) {
    return resource_iri(document_key(doc_id));
}

std::string wikidata_iri(std::string_view qid) {
    if (qid.size() < 2 || qid[0] != 'Q') return {};
    for (std::size_t i = 1; i < qid.size(); ++i)
        if (qid[i] < '0' || qid[i] > '9') return {};
    return term(kWikidata, qid);
}

std::uint64_t fnv1a64(std::string_view bytes) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::string hash_hex(std::string_view bytes) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::uint64_t h = fnv1a64(bytes);
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = kHex[h & 0xF];
        h >>= 4;
    }
    return out;
}

std::string decimal_lexical(double value) {
    PARLEY_CHECK(std::isfinite(value), "a decimal must be finite");
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
    PARLEY_CHECK(r.ec == std::errc(), "decimal formatting overflow");
    std::string out(buf, r.ptr);
    if (out == "-0") out = "0";
    if (out.find('.') == std::string::npos) out += ".0";
    return out;
}

} // namespace parley::rdf
