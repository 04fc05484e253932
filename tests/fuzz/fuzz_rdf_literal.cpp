// libFuzzer target: IRI and literal writing. The input (split at the first NUL byte) gives a
// resource key and a literal value; the triple `pr:<key> pl:text "value"` (plain, @en or typed,
// by the first byte) is written as N-Triples and parsed back with raptor, which must read the
// same literal value.
#include "core/text.hpp"
#include "fuzz_common.hpp"
#include "rdf/iri.hpp"
#include "rdf/triples.hpp"
#include "rdf/world.hpp"
#include "rdf/writer.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

parley::rdf::World& world() {
    static parley::rdf::World w;
    return w;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using parley::rdf::Term;
    if (size == 0) return 0;
    const unsigned kind = data[0] % 3;
    const std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::size_t nul = input.find('\0');
    const std::string key = nul == std::string::npos ? std::string("x") : input.substr(0, nul);
    const std::string value = nul == std::string::npos ? input : input.substr(nul + 1);
    // The writers take well-formed UTF-8 without NUL (ingest guarantees both; raptor's
    // serializers stop a literal at a NUL byte, see the report of issue 5).
    if (value.find('\0') != std::string::npos ||
        parley::utf8_error_offset(value) != std::string::npos ||
        parley::utf8_error_offset(key) != std::string::npos)
        return 0;

    Term object = kind == 0   ? Term::plain(value)
                  : kind == 1 ? Term::lang(value, "en")
                              : Term::typed(value, std::string(parley::rdf::kXsd) + "string");
    std::vector<parley::rdf::Triple> triples;
    triples.push_back({Term::iri(parley::rdf::resource_iri(key)),
                       Term::iri(parley::rdf::term(parley::rdf::kPl, "text")), std::move(object)});
    const std::string nt = parley::rdf::to_ntriples(world(), std::move(triples));
    const std::string back = parley::fuzz::only_literal_or_abort(nt);
    if (back != value) {
        std::fprintf(stderr, "literal changed: wrote %zu bytes, read %zu bytes\n%s\n", value.size(),
                     back.size(), nt.c_str());
        std::abort();
    }
    return 0;
}
