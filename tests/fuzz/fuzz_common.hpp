// Helpers shared by the libFuzzer targets: parsing N-Triples back with raptor, so that an
// escaping bug in the writer becomes a crash the fuzzer reports.
#pragma once

#include <cstddef>
#include <string>

namespace parley::fuzz {

/// Parses `ntriples` with raptor and returns the number of triples. Calls `std::abort()` when
/// raptor reports an error or a warning, printing the offending text first.
std::size_t parse_ntriples_or_abort(const std::string& ntriples);

/// The literal value of the object of the only triple in `ntriples` (aborts if there is not
/// exactly one triple or its object is not a literal).
std::string only_literal_or_abort(const std::string& ntriples);

} // namespace parley::fuzz
