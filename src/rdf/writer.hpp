// Writes the RDF graph: `build_triples` (see rdf/triples.hpp for the mapping) feeds one sorted,
// de-duplicated triple set to every serializer, so all formats hold the same triples and every
// run writes byte-identical files. Every file is written atomically (rdf/atomic_file.hpp).
//
// Formats (file `graph.<ext>` in the output directory):
//   ttl   Turtle streamed through Serd (rdf/serd_writer.hpp), subject by subject in sorted order,
//         with the prefixes pl pr rdf rdfs owl skos xsd prov dcterms schema, plus one prefix per
//         IRI kind (`person:`, `country:`, ...)
//   nt    N-Triples streamed through Serd, statement by statement in sorted order
//   nq    N-Quads streamed through Serd: each triple once per source document, in the named
//         graph `pr:document/<slug>`; triples without a document in the default graph
//   rdf   RDF/XML through raptor's "rdfxml-abbrev" serializer
//   json  RDF/JSON (Talis), written by parley (raptor's "json" serializer writes non-BMP
//         characters as `\U0001F600`, which is not JSON)
#pragma once

#include "core/document.hpp"
#include "graph/graph.hpp"
#include "rdf/iri.hpp"
#include "rdf/triples.hpp"

#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace parley::rdf {

class World;

struct WriteOptions {
    std::filesystem::path out_dir;
    std::vector<std::string> formats{"ttl", "nt"}; ///< any of `supported_formats()`
    bool entail = true;     ///< write the RDFS entailments (`--no-entail` turns them off)
    bool provenance = true; ///< reify facts with pl:Fact / pl:Evidence
};

struct WriteSummary {
    std::size_t triples = 0;                  ///< distinct triples written (per file)
    std::size_t quads = 0;                    ///< lines of the N-Quads output
    std::vector<std::filesystem::path> files; ///< in the order of `WriteOptions::formats`
    std::vector<double> seconds;              ///< wall time of writing each of `files` (same order)
    std::vector<double> cpu_seconds;          ///< process CPU time of writing each of `files`

    /// The wall time spent writing `format` (e.g. "nt"), or 0 when it was not written.
    [[nodiscard]] double seconds_of(std::string_view format) const;
    /// The wall time spent writing all files.
    [[nodiscard]] double total_seconds() const;
    /// For a timing line: `write 1.234s (ttl 0.600s, nt 0.200s = 4.50M triples/s, CPU 0.180s,
    /// nq 0.434s)`; the CPU time shows how much of the wall time was spent writing on a busy
    /// machine.
    [[nodiscard]] std::string timing() const;
};

/// `ttl`, `nt`, `nq`, `rdf`, `json`.
[[nodiscard]] const std::vector<std::string>& supported_formats();

/// `dir / "graph.<format>"`.
[[nodiscard]] std::filesystem::path output_path(const std::filesystem::path& dir,
                                                std::string_view format);

/// Maps `g` and `docs` to RDF and writes one file per format into `o.out_dir` (created when
/// missing). Throws `ParleyError`: exit 2 for an unknown format, an unusable directory or a failed
/// write (naming the file; the previous file stays intact, no temporary file is left), exit 1 when
/// a literal cannot be written as RDF/XML (XML 1.0 forbids most control characters).
WriteSummary write_graph(World& world, const KnowledgeGraph& g, const std::vector<Document>& docs,
                         const WriteOptions& o);

/// Writes an already built triple set; `write_graph` without the mapping step.
WriteSummary write_triples(World& world, const TripleSet& triples,
                           const std::filesystem::path& out_dir,
                           const std::vector<std::string>& formats);

/// Serializes `triples` as `format` to `out` (not closed). `name` is used in error messages.
void serialize(World& world, const TripleSet& triples, std::string_view format, std::FILE* out,
               const std::string& name);

/// `triples` (sorted and de-duplicated first) as N-Triples text.
[[nodiscard]] std::string to_ntriples(World& world, const std::vector<Triple>& triples);

/// The prefixes declared in Turtle output for `triples`: `standard_prefixes()` plus one per first
/// path segment of the `pr:` IRIs (`person` -> `https://w3id.org/parley/id/person/`).
[[nodiscard]] std::vector<Prefix> output_prefixes(const TripleSet& triples);

} // namespace parley::rdf
