// Writers of a `ValidationReport`: the standard `sh:ValidationReport` in Turtle, a one-line
// summary and a human-readable report that names, for each result, the focus node (with its
// label), the shape and constraint, and the sentence and document the offending fact came from.
// Every writer is deterministic: the same report gives the same bytes.
#pragma once

#include "validate/shacl.hpp"

#include <string>
#include <string_view>

namespace parley::validate {

/// `iri` as a prefixed name with one of the prefixes of the reports (sh, pl, pr, plsh, rdf, rdfs,
/// owl, skos, xsd, prov, dcterms, schema), else unchanged. With `turtle_safe`, only local names
/// that are valid in Turtle without escapes are shortened, e.g. `pl:Meeting` but not
/// `pr:meeting/x`; the result is then either a prefixed name or `<iri>`.
[[nodiscard]] std::string compact_iri(std::string_view iri, bool turtle_safe = false);

/// `"2 violations (1 warning) in 2 focus nodes"`; infos are added to the parenthesis when there
/// are any.
[[nodiscard]] std::string summary(const ValidationReport& report);

/// `"validate 0.789s"`: `report.seconds`, for a timing line.
[[nodiscard]] std::string timing(const ValidationReport& report);

/// The report as a standard SHACL validation report in Turtle (`[] a sh:ValidationReport;
/// sh:conforms …; sh:result [ sh:focusNode …; sh:resultPath …; sh:value …; sh:sourceShape …;
/// sh:sourceConstraintComponent …; sh:resultSeverity …; sh:resultMessage … ]`), results in the
/// report's (sorted) order.
[[nodiscard]] std::string to_turtle(const ValidationReport& report);

/// One paragraph per result: severity, focus node and label, message, shape, constraint, path,
/// value, and the source sentences (at most `max_sentences`, then a count of the others) with
/// their documents, else the documents that mention the focus node. Empty for a conforming
/// report.
[[nodiscard]] std::string to_text(const ValidationReport& report, std::size_t max_sentences = 3);

} // namespace parley::validate
