// IRIs of the parley output: the vocabulary namespaces, deterministic resource IRIs minted from
// `NodeProps::key`, document IRIs, Wikidata IRIs and the content hashes of facts and evidence.
// Pure string functions: no librdf here, so every stage may use them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::rdf {

inline constexpr std::string_view kPl = "https://w3id.org/parley/ontology#";
inline constexpr std::string_view kPr = "https://w3id.org/parley/id/";
inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kOwl = "http://www.w3.org/2002/07/owl#";
inline constexpr std::string_view kSkos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kProv = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view kDcterms = "http://purl.org/dc/terms/";
inline constexpr std::string_view kSchema = "http://schema.org/";
inline constexpr std::string_view kWikidata = "http://www.wikidata.org/entity/";

/// A namespace prefix of the output (`pl` -> `https://w3id.org/parley/ontology#`).
struct Prefix {
    std::string name;
    std::string iri;
};

/// The prefixes every Turtle output declares, in a fixed order: pl, pr, rdf, rdfs, owl, skos,
/// xsd, prov, dcterms, schema.
[[nodiscard]] const std::vector<Prefix>& standard_prefixes();

/// `namespace_iri + local`, e.g. `term(kPl, "Person")`.
[[nodiscard]] std::string term(std::string_view namespace_iri, std::string_view local);

/// Percent-encodes every byte of `key` that is not an unreserved IRI character
/// (`A-Z a-z 0-9 - . _ ~`) or `/`, e.g. `person/josé` -> `person/jos%C3%A9`.
[[nodiscard]] std::string encode_key(std::string_view key);

/// The IRI of a resource: `pr:` + the encoded `NodeProps::key`.
[[nodiscard]] std::string resource_iri(std::string_view key);

/// The key of the document with `Document::id` `doc_id`: `document/` + slug of the file name,
/// e.g. `dev-01.txt` -> `document/dev-01-txt`. `resolve` must use the same function.
[[nodiscard]] std::string document_key(std::string_view doc_id);

/// `resource_iri(document_key(doc_id))`.
[[nodiscard]] std::string document_iri(std::string_view doc_id);

/// `http://www.wikidata.org/entity/Q…` for a well-formed id (`Q` followed by digits), else "".
[[nodiscard]] std::string wikidata_iri(std::string_view qid);

/// 64-bit FNV-1a hash of `bytes`.
[[nodiscard]] std::uint64_t fnv1a64(std::string_view bytes);

/// `fnv1a64(bytes)` as 16 lower-case hex digits.
[[nodiscard]] std::string hash_hex(std::string_view bytes);

/// An `xsd:decimal` lexical form of `value`: the shortest round-tripping fixed notation, always
/// with a fractional part (`0.8`, `1.0`). Throws `InternalError` for NaN or infinity.
[[nodiscard]] std::string decimal_lexical(double value);

} // namespace parley::rdf
