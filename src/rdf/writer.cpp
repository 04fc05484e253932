#include "rdf/writer.hpp"

#include "core/error.hpp"
#include "rdf/atomic_file.hpp"
#include "rdf/escape.hpp"
#include "rdf/librdf_util.hpp"
#include "rdf/serd_writer.hpp"
#include "rdf/world.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <set>
#include <unordered_map>

namespace parley::rdf {

namespace {

/// The raptor serializer of the formats raptor writes (ttl, nt and nq go through Serd).
const char* raptor_name(std::string_view format) {
    if (format == "rdf") return "rdfxml-abbrev";
    return nullptr;
}

/// `s` for raptor; `s` must be NUL-terminated (a `std::string` or a view of a `TermTable`).
const unsigned char* uc(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

/// Turns the terms of a `TermTable` into raptor terms, caching IRI terms by id (copying a term is
/// a reference count increment, creating one parses the IRI).
class TermFactory {
public:
    /// `terms` is borrowed and must outlive the factory.
    TermFactory(raptor_world* world, const TermTable& terms) : world_(world), terms_(terms) {}

    /// A new reference owned by the caller.
    raptor_term* make(TermTable::Id id) {
        const TermRef t = terms_[id];
        raptor_term* out = nullptr;
        switch (t.kind) {
        case Term::Kind::Iri:
            out = raptor_term_copy(iri(id));
            break;
        case Term::Kind::Blank:
            out = raptor_new_term_from_counted_blank(world_, uc(t.value), t.value.size());
            break;
        case Term::Kind::Plain:
            out = raptor_new_term_from_counted_literal(world_, uc(t.value), t.value.size(), nullptr,
                                                       nullptr, 0);
            break;
        case Term::Kind::Lang:
            PARLEY_CHECK(t.tag.size() < 256, "language tag too long");
            out = raptor_new_term_from_counted_literal(world_, uc(t.value), t.value.size(), nullptr,
                                                       uc(t.tag),
                                                       static_cast<unsigned char>(t.tag.size()));
            break;
        case Term::Kind::Typed:
            out = raptor_new_term_from_counted_literal(world_, uc(t.value), t.value.size(),
                                                       datatype(t.tag), nullptr, 0);
            break;
        }
        return check_new(out, "raptor term");
    }

private:
    /// A borrowed IRI term (owned by the cache) for the IRI term `id`.
    raptor_term* iri(TermTable::Id id) {
        auto it = iris_.find(id);
        if (it == iris_.end()) {
            const std::string_view value = terms_[id].value;
            RaptorTermPtr t(
                check_new(raptor_new_term_from_counted_uri_string(world_, uc(value), value.size()),
                          "IRI term " + std::string(value)));
            it = iris_.emplace(id, std::move(t)).first;
        }
        return it->second.get();
    }

    raptor_uri* datatype(std::string_view value) {
        auto it = datatypes_.find(value);
        if (it == datatypes_.end()) {
            RaptorUriPtr u(
                check_new(raptor_new_uri_from_counted_string(world_, uc(value), value.size()),
                          "datatype " + std::string(value)));
            it = datatypes_.emplace(value, std::move(u)).first;
        }
        return it->second.get();
    }

    raptor_world* world_;    ///< not owned
    const TermTable& terms_; ///< not owned
    std::unordered_map<TermTable::Id, RaptorTermPtr> iris_;
    /// Keyed by views of `terms_` (which outlives the factory).
    std::unordered_map<std::string_view, RaptorUriPtr> datatypes_;
};

/// XML 1.0 forbids control characters other than tab, newline and carriage return, and
/// U+FFFE/U+FFFF. Returns a description of the first such character in `s`, or "".
std::string xml_illegal_char(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            char buf[16];
            std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
            return buf;
        }
        if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(s[i + 2]) == 0xBE ||
             static_cast<unsigned char>(s[i + 2]) == 0xBF))
            return static_cast<unsigned char>(s[i + 2]) == 0xBE ? "U+FFFE" : "U+FFFF";
    }
    return {};
}

void check_xml_writable(const TripleSet& set, const std::string& name) {
    // Each distinct literal is checked once; only when one fails are the triples searched for
    // the first that holds a failing literal.
    const TermTable& terms = set.terms;
    std::vector<bool> bad(terms.size());
    bool any = false;
    for (TermTable::Id id = 0; id < terms.size(); ++id) {
        const TermRef t = terms[id];
        if (t.is_literal() && !xml_illegal_char(t.value).empty()) bad[id] = any = true;
    }
    if (!any) return;
    for (const IdTriple& t : set.triples) {
        if (!bad[t.o]) continue;
        throw content_error("cannot write " + name + ": RDF/XML (XML 1.0) cannot hold the " +
                            "character " + xml_illegal_char(terms[t.o].value) +
                            " found in a literal of <" + std::string(terms[t.s].value) + "> <" +
                            std::string(terms[t.p].value) + ">; use the ttl, nt or nq format");
    }
}

void write_rdf_json(const TripleSet& set, std::FILE* out, const std::string& name) {
    std::string buf;
    auto flush = [&](bool force) {
        if (!force && buf.size() < (1u << 20)) return;
        if (!buf.empty() && std::fwrite(buf.data(), 1, buf.size(), out) != buf.size())
            throw io_error("cannot write " + name + ": write failed");
        buf.clear();
    };
    buf += "{";
    const auto& ts = set.triples;
    const TermTable& terms = set.terms;
    // A blank node's JSON key or value is `_:label`.
    const auto node_name = [](TermRef t) {
        return t.kind == Term::Kind::Blank ? "_:" + std::string(t.value) : std::string(t.value);
    };
    for (std::size_t i = 0; i < ts.size();) {
        buf += i == 0 ? "\n  " : ",\n  ";
        append_json_string(buf, node_name(terms[ts[i].s]));
        buf += " : {";
        std::size_t j = i;
        while (j < ts.size() && ts[j].s == ts[i].s) {
            buf += j == i ? "\n    " : ",\n    ";
            append_json_string(buf, terms[ts[j].p].value);
            buf += " : [";
            std::size_t k = j;
            while (k < ts.size() && ts[k].s == ts[j].s && ts[k].p == ts[j].p) {
                const TermRef o = terms[ts[k].o];
                buf += k == j ? "\n      { " : ",\n      { ";
                buf += "\"type\" : ";
                buf += o.kind == Term::Kind::Iri     ? "\"uri\""
                       : o.kind == Term::Kind::Blank ? "\"bnode\""
                                                     : "\"literal\"";
                buf += ", \"value\" : ";
                if (o.kind == Term::Kind::Blank) {
                    append_json_string(buf, node_name(o));
                } else {
                    append_json_string(buf, o.value);
                }
                if (o.kind == Term::Kind::Lang) {
                    buf += ", \"lang\" : ";
                    append_json_string(buf, o.tag);
                } else if (o.kind == Term::Kind::Typed) {
                    buf += ", \"datatype\" : ";
                    append_json_string(buf, o.tag);
                }
                buf += " }";
                ++k;
                flush(false);
            }
            buf += "\n    ]";
            j = k;
        }
        buf += "\n  }";
        i = j;
    }
    buf += "\n}\n";
    flush(true);
}

} // namespace

double WriteSummary::seconds_of(std::string_view format) const {
    for (std::size_t i = 0; i < files.size() && i < seconds.size(); ++i)
        if (files[i].extension() == "." + std::string(format)) return seconds[i];
    return 0;
}

double WriteSummary::total_seconds() const {
    double sum = 0;
    for (const double s : seconds)
        sum += s;
    return sum;
}

std::string WriteSummary::timing() const {
    char buf[96];
    std::snprintf(buf, sizeof buf, "write %.3fs (", total_seconds());
    std::string out = buf;
    for (std::size_t i = 0; i < files.size() && i < seconds.size(); ++i) {
        const std::string ext = files[i].extension().string().substr(1);
        std::snprintf(buf, sizeof buf, "%s%s %.3fs", i == 0 ? "" : ", ", ext.c_str(), seconds[i]);
        out += buf;
        if (ext == "nt" && seconds[i] > 0) {
            std::snprintf(buf, sizeof buf, " = %.2fM triples/s",
                          static_cast<double>(triples) / seconds[i] / 1e6);
            out += buf;
            if (i < cpu_seconds.size()) {
                std::snprintf(buf, sizeof buf, ", CPU %.3fs", cpu_seconds[i]);
                out += buf;
            }
        }
    }
    return out + ")";
}

const std::vector<std::string>& supported_formats() {
    static const std::vector<std::string> formats = {"ttl", "nt", "nq", "rdf", "json"};
    return formats;
}

std::filesystem::path output_path(const std::filesystem::path& dir, std::string_view format) {
    return dir / ("graph." + std::string(format));
}

std::vector<Prefix> output_prefixes(const TripleSet& triples) {
    std::vector<Prefix> out = standard_prefixes();
    std::set<std::string> names;
    for (const auto& p : out)
        names.insert(p.name);
    std::set<std::string, std::less<>> segments;
    auto consider = [&](TermRef t) {
        if (t.kind != Term::Kind::Iri || !t.value.starts_with(kPr)) return;
        const std::string_view rest = t.value.substr(kPr.size());
        const auto slash = rest.find('/');
        if (slash == std::string_view::npos || slash == 0) return;
        const std::string_view seg = rest.substr(0, slash);
        if (seg[0] < 'a' || seg[0] > 'z') return;
        for (const char c : seg)
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return;
        if (!segments.contains(seg)) segments.emplace(seg);
    };
    // Each distinct subject or object is considered once.
    const TermTable& terms = triples.terms;
    std::vector<bool> seen(terms.size());
    for (const IdTriple& t : triples.triples) {
        for (const TermTable::Id id : {t.s, t.o}) {
            if (seen[id]) continue;
            seen[id] = true;
            consider(terms[id]);
        }
    }
    constexpr std::size_t kMaxKindPrefixes = 32;
    std::size_t added = 0;
    for (const auto& seg : segments) {
        if (names.contains(seg) || added == kMaxKindPrefixes) continue;
        out.push_back({seg, std::string(kPr) + seg + "/"});
        ++added;
    }
    return out;
}

void serialize(World& world, const TripleSet& set, std::string_view format, std::FILE* out,
               const std::string& name) {
    if (format == "json") {
        write_rdf_json(set, out, name);
        return;
    }
    if (serd_format(format)) {
        write_with_serd(set, format, format == "ttl" ? output_prefixes(set) : std::vector<Prefix>{},
                        out, name);
        return;
    }
    const char* raptor_format = raptor_name(format);
    if (!raptor_format) throw io_error("unknown RDF format '" + std::string(format) + "'");
    if (format == "rdf") check_xml_writable(set, name);

    librdf_world* lw = world.get();
    raptor_world* rw = librdf_world_get_raptor(lw);
    LogCapture log(lw);
    {
        RaptorSerializerPtr ser(check_new(raptor_new_serializer(rw, raptor_format),
                                          std::string("raptor serializer ") + raptor_format));
        {
            for (const Prefix& p : output_prefixes(set)) {
                if (p.name == "rdf") continue; // raptor always declares rdf:
                RaptorUriPtr u(check_new(raptor_new_uri(rw, uc(p.iri)), "namespace " + p.iri));
                if (raptor_serializer_set_namespace(ser.get(), u.get(), uc(p.name)) != 0)
                    throw io_error("cannot declare prefix " + p.name + " for " + name);
            }
        }
        if (raptor_serializer_start_to_file_handle(ser.get(), nullptr, out) != 0)
            throw io_error("cannot start writing " + name);
        TermFactory terms(rw, set.terms);
        RaptorTermPtr subject;
        for (std::size_t i = 0; i < set.triples.size(); ++i) {
            const IdTriple& t = set.triples[i];
            if (i == 0 || t.s != set.triples[i - 1].s) subject.reset(terms.make(t.s));
            // raptor_new_statement_from_nodes takes ownership of the four terms.
            RaptorStatementPtr st(raptor_new_statement_from_nodes(
                rw, raptor_term_copy(subject.get()), terms.make(t.p), terms.make(t.o), nullptr));
            check_new(st.get(), "raptor statement");
            if (raptor_serializer_serialize_statement(ser.get(), st.get()) != 0)
                throw io_error("cannot write " + name + ": " + log.first_error());
        }
        if (raptor_serializer_serialize_end(ser.get()) != 0)
            throw io_error("cannot write " + name + ": " + log.first_error());
    }
    if (log.has_error()) throw io_error("cannot write " + name + ": " + log.first_error());
}

WriteSummary write_triples(World& world, const TripleSet& triples,
                           const std::filesystem::path& out_dir,
                           const std::vector<std::string>& formats) {
    std::vector<std::string> todo;
    for (const auto& f : formats) {
        const auto& known = supported_formats();
        if (std::find(known.begin(), known.end(), f) == known.end())
            throw io_error("unknown output format '" + f + "' (known: ttl, nt, nq, rdf, json)");
        if (std::find(todo.begin(), todo.end(), f) == todo.end()) todo.push_back(f);
    }
    // Refuse RDF/XML before any file is replaced, so a failed build leaves all outputs as they
    // were.
    if (std::find(todo.begin(), todo.end(), "rdf") != todo.end())
        check_xml_writable(triples, output_path(out_dir, "rdf").string());
    ensure_directory(out_dir);
    WriteSummary summary;
    summary.triples = triples.size();
    summary.quads = triples.quad_count();
    for (const auto& f : todo) {
        const auto path = output_path(out_dir, f);
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t cpu_start = std::clock();
        AtomicFile file(path);
        serialize(world, triples, f, file.get(), path.string());
        file.commit();
        summary.files.push_back(path);
        summary.seconds.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        summary.cpu_seconds.push_back(static_cast<double>(std::clock() - cpu_start) /
                                      CLOCKS_PER_SEC);
    }
    return summary;
}

WriteSummary write_graph(World& world, const KnowledgeGraph& g, const std::vector<Document>& docs,
                         const WriteOptions& o) {
    for (const auto& f : o.formats) {
        const auto& known = supported_formats();
        if (std::find(known.begin(), known.end(), f) == known.end())
            throw io_error("unknown output format '" + f + "' (known: ttl, nt, nq, rdf, json)");
    }
    const TripleSet set = build_triples(g, docs, TripleOptions{o.entail, o.provenance});
    return write_triples(world, set, o.out_dir, o.formats);
}

std::string to_ntriples(World& world, const std::vector<Triple>& triples) {
    const TripleSet set = make_triple_set(triples);
    char* data = nullptr;
    std::size_t size = 0;
    std::FILE* mem = open_memstream(&data, &size);
    if (!mem) throw io_error("cannot allocate an in-memory stream");
    std::string out;
    try {
        serialize(world, set, "nt", mem, "N-Triples output");
    } catch (...) {
        std::fclose(mem);
        std::free(data);
        throw;
    }
    std::fclose(mem);
    out.assign(data, size);
    std::free(data);
    return out;
}

} // namespace parley::rdf
