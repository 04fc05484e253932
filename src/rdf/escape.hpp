// String escaping for the formats parley writes by hand (RDF/JSON, SPARQL JSON/TSV/CSV results).
// Turtle, N-Triples and N-Quads are escaped by Serd (rdf/serd_writer.hpp), RDF/XML by raptor.
#pragma once

#include "rdf/triples.hpp"

#include <string>
#include <string_view>

namespace parley::rdf {

/// Appends `s` as a JSON string (with quotes): `"` `\` and control characters escaped, other
/// UTF-8 kept as is (valid JSON, unlike raptor's `\U0001F600`).
void append_json_string(std::string& out, std::string_view s);

/// Appends the body of a Turtle/N-Triples string literal (without quotes): `\"` `\\` `\n` `\r`
/// `\t` `\b` `\f` and `\uXXXX` for other control characters; UTF-8 kept as is.
void append_turtle_escaped(std::string& out, std::string_view s);

// `to_turtle(TermRef)` is declared in rdf/triples.hpp and defined in escape.cpp.

} // namespace parley::rdf
