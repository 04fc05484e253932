// SHACL Core validation of an RDF graph (a librdf model or a `rdf::TripleSet`) against a shapes
// graph, e.g. ontology/shapes.ttl. parley implements the SHACL Core features its shapes use:
//  - targets: sh:targetClass (instances through rdfs:subClassOf* of the data and the ontology),
//    sh:targetNode, sh:targetSubjectsOf, sh:targetObjectsOf, implicit class targets (a shape that
//    is also an rdfs:Class);
//  - paths: IRIs, sh:inversePath, sequences, sh:alternativePath, sh:zeroOrMorePath,
//    sh:oneOrMorePath, sh:zeroOrOnePath;
//  - constraints: sh:class, sh:datatype, sh:nodeKind, sh:minCount, sh:maxCount, sh:in,
//    sh:hasValue, sh:pattern (+ sh:flags), sh:languageIn, sh:uniqueLang, sh:minLength,
//    sh:maxLength, sh:minInclusive, sh:maxInclusive, sh:minExclusive, sh:maxExclusive, sh:node,
//    sh:property, sh:and, sh:or, sh:not, sh:xone; sh:severity, sh:message, sh:deactivated.
// Other SHACL Core parameters (sh:closed, sh:equals, sh:disjoint, sh:lessThan, sh:qualified…)
// are not evaluated; they are listed in `ValidationReport::unsupported`.
//
// As in the SHACL specification, `conforms` is false when there is any result, whatever its
// severity; `--strict` looks at `violations()` only.
#pragma once

#include "rdf/triples.hpp"

#include <compare>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

struct librdf_model_s;

namespace parley::rdf {
class World;
class Model;
} // namespace parley::rdf

namespace parley::validate {

inline constexpr std::string_view kSh = "http://www.w3.org/ns/shacl#";

/// `sh:Violation`, `sh:Warning`, `sh:Info`, in decreasing order of gravity.
enum class Severity { Violation, Warning, Info };

/// `Violation`, `Warning` or `Info`.
[[nodiscard]] const char* to_string(Severity s);

/// A SHACL property path.
struct Path {
    enum class Kind { Predicate, Inverse, Sequence, Alternative, ZeroOrMore, OneOrMore, ZeroOrOne };
    Kind kind = Kind::Predicate;
    std::string iri;         ///< the predicate IRI (`Predicate` only)
    std::vector<Path> steps; ///< the operands (one for the unary kinds)

    friend bool operator==(const Path&, const Path&) = default;
    friend std::strong_ordering operator<=>(const Path&, const Path&) = default;
};

/// Where a fact about a focus node was read: the sentence and the document's file name.
struct SourceSentence {
    std::string sentence;
    std::string document; ///< `pl:fileName` of the document, else its IRI
    friend bool operator==(const SourceSentence&, const SourceSentence&) = default;
    friend auto operator<=>(const SourceSentence&, const SourceSentence&) = default;
};

/// One `sh:ValidationResult`, plus what the human-readable report needs from the data graph.
struct ValidationResult {
    rdf::Term focus;
    std::optional<Path> path;       ///< `sh:resultPath`: the path of a property shape
    std::optional<rdf::Term> value; ///< `sh:value`: the offending value, when there is one
    rdf::Term source_shape;         ///< the shape that holds the constraint
    std::string component;          ///< the constraint component IRI
    Severity severity = Severity::Violation;
    std::string message; ///< `sh:message` of the shape, else a generated message

    std::string focus_label;             ///< `rdfs:label` of the focus node, or ""
    std::vector<SourceSentence> sources; ///< provenance of the offending fact(s), sorted
    std::vector<std::string> documents;  ///< fallback: documents mentioning the focus, sorted
};

struct ValidationReport {
    bool conforms = true;
    /// Sorted by (focus, path, component, value, shape, severity, message): deterministic.
    std::vector<ValidationResult> results;
    /// SHACL parameters that the shapes use but parley does not evaluate (IRIs, sorted).
    std::vector<std::string> unsupported;
    std::size_t data_triples = 0;
    std::size_t shapes = 0; ///< number of shapes with a target
    double seconds = 0;     ///< wall time of `validate_model`/`validate_triples` (not compared)

    [[nodiscard]] std::size_t count(Severity s) const;
    [[nodiscard]] std::size_t violations() const { return count(Severity::Violation); }
    [[nodiscard]] std::size_t warnings() const { return count(Severity::Warning); }
    /// Number of distinct focus nodes with at least one result.
    [[nodiscard]] std::size_t focus_nodes() const;
};

/// Validates `data` against `shapes`. `ontology` (may be null) contributes its `rdfs:subClassOf`
/// statements to the class hierarchy used by sh:targetClass and sh:class; types are read from
/// `data`. The models are borrowed, not owned, and are not modified. Throws `ParleyError`
/// (exit 2) for malformed shapes (e.g. a non-integer sh:minCount or an invalid sh:pattern),
/// naming the shape.
[[nodiscard]] ValidationReport validate(librdf_model_s* data, librdf_model_s* shapes,
                                        librdf_model_s* ontology);

/// `validate` for a data graph given as parley's own triple set (borrowed; named graphs are
/// ignored): the same report as validating a librdf model holding the same triples, without
/// building that model.
[[nodiscard]] ValidationReport validate(const rdf::TripleSet& data, librdf_model_s* shapes,
                                        librdf_model_s* ontology);

/// The RDF files of `ontology_dir` (`*.ttl`, sorted by name) except `skip` (the shapes file, when
/// it lies there). An empty path or a missing directory gives no files.
[[nodiscard]] std::vector<std::filesystem::path>
ontology_files(const std::filesystem::path& ontology_dir, const std::filesystem::path& skip = {});

/// Loads `shapes_file` and the ontology files of `ontology_dir` and validates `data` (borrowed).
/// This is what `parley build` and `parley validate` call. Throws `ParleyError` (exit 2) naming
/// the file and line for a missing or malformed shapes or ontology file.
[[nodiscard]] ValidationReport validate_model(rdf::World& world, librdf_model_s* data,
                                              const std::filesystem::path& shapes_file,
                                              const std::filesystem::path& ontology_dir);

/// `validate_model` for a triple set (borrowed): what `parley build` calls, so that the build
/// needs no librdf model of its graph. Same errors as `validate_model`.
[[nodiscard]] ValidationReport validate_triples(rdf::World& world, const rdf::TripleSet& data,
                                                const std::filesystem::path& shapes_file,
                                                const std::filesystem::path& ontology_dir);

} // namespace parley::validate
