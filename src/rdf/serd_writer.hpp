// Streaming output of a sorted `TripleSet` through Serd (libserd-0): Turtle, N-Triples and
// N-Quads are written statement by statement from the set, without building a graph in memory, at
// the speed of the format (no per-statement allocation on the N-Triples/N-Quads path).
//
// The output is deterministic: it follows the order of the set (sorted by subject, predicate,
// object), so Turtle groups each subject's statements with `;` and `,`. Turtle declares the given
// prefixes and writes an IRI as a prefixed name when a prefix covers everything up to its last `/`
// or `#` and the rest is a plain local name (ASCII letters, digits, `_`, `-`, `.`; not ending with
// `.`); otherwise as `<iri>`. Literals are always short strings ("...") with `\"` `\\` `\n` `\r`
// `\t` escaped (Turtle also `\b` `\f`), other control characters as `\uXXXX`, and UTF-8 kept as
// is. N-Quads writes each triple once per named graph of the set, without a graph for the
// default graph. No Serd type appears in this header.
#pragma once

#include "rdf/iri.hpp"
#include "rdf/triples.hpp"

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace parley::rdf {

/// True for the formats `write_with_serd` writes: `ttl`, `nt`, `nq`.
[[nodiscard]] bool serd_format(std::string_view format);

/// Writes `triples` as `format` (`ttl`, `nt` or `nq`) to `out` (borrowed, not closed; written
/// through an internal buffer that is flushed into `out` before returning). `prefixes` are
/// declared in Turtle and ignored otherwise. `name` names the output in error messages. Throws
/// `ParleyError` (io_error, exit 2) naming `name` when a write fails or Serd reports an error.
void write_with_serd(const TripleSet& triples, std::string_view format,
                     const std::vector<Prefix>& prefixes, std::FILE* out, const std::string& name);

} // namespace parley::rdf
