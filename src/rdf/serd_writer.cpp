#include "rdf/serd_writer.hpp"

#include "core/error.hpp"
#include "rdf/handles.hpp"

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <serd/serd.h>
#include <system_error>
#include <unordered_map>

namespace parley::rdf {

namespace {

using SerdEnvPtr = std::unique_ptr<SerdEnv, CFree<serd_env_free>>;
using SerdWriterPtr = std::unique_ptr<SerdWriter, CFree<serd_writer_free>>;

/// A Serd node over `s` (borrowed: `s` must outlive the node). `s` must be NUL-terminated (a
/// `std::string`, or a view of a `TermTable` or a `Term`, see `TermRef`), which Serd relies on
/// for a few comparisons; `n_bytes` carries the length, so a NUL inside a literal is written as
/// `\u0000`. The flags stay 0, so Serd never chooses a long ("""...""") string.
SerdNode node(SerdType type, std::string_view s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size(), s.size(), 0, type};
}

/// Where Serd writes: a 1 MiB buffer in front of a `FILE*`, remembering the first failure (Serd's
/// own status codes do not always report a short write) and the first message of Serd's error
/// sink.
class Output {
public:
    Output(std::FILE* file, const std::string& name) : file_(file), name_(name) {
        buf_.reserve(kCapacity + 4096);
    }

    static std::size_t sink(const void* data, std::size_t len, void* self) {
        auto& out = *static_cast<Output*>(self);
        out.buf_.append(static_cast<const char*>(data), len);
        if (out.buf_.size() >= kCapacity) out.flush();
        return len;
    }

    static SerdStatus on_error(void* self, const SerdError* e) {
        auto& out = *static_cast<Output*>(self);
        if (out.serd_error_.empty()) {
            char msg[512];
            va_list args;
            va_copy(args, *e->args);
            std::vsnprintf(msg, sizeof msg, e->fmt, args);
            va_end(args);
            out.serd_error_ = msg;
            while (!out.serd_error_.empty() && out.serd_error_.back() == '\n')
                out.serd_error_.pop_back();
            if (out.serd_error_.empty()) out.serd_error_ = "error " + std::to_string(e->status);
        }
        return SERD_SUCCESS;
    }

    void flush() {
        if (buf_.empty() || errno_ != 0) {
            buf_.clear();
            return;
        }
        if (std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size())
            errno_ = errno != 0 ? errno : EIO;
        buf_.clear();
    }

    /// Throws io_error naming the output when a write or Serd failed; `status` is Serd's result
    /// of the last call.
    void check(SerdStatus status) const {
        if (errno_ != 0)
            throw io_error("cannot write " + name_ + ": " +
                           std::generic_category().message(errno_));
        if (!serd_error_.empty()) throw io_error("cannot write " + name_ + ": " + serd_error_);
        if (status != SERD_SUCCESS)
            throw io_error("cannot write " + name_ + ": " +
                           reinterpret_cast<const char*>(serd_strerror(status)));
    }

    /// True when nothing failed so far (cheap; `check` builds the message).
    [[nodiscard]] bool ok() const { return errno_ == 0 && serd_error_.empty(); }

private:
    static constexpr std::size_t kCapacity = std::size_t{1} << 20;
    std::FILE* file_; ///< borrowed
    const std::string& name_;
    std::string buf_;
    int errno_ = 0;
    std::string serd_error_;
};

/// `std::string` keys looked up by `std::string_view` without a temporary string.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
    }
};

/// Turtle prefixed names for IRIs (see the header for the rule).
class Qualifier {
public:
    explicit Qualifier(const std::vector<Prefix>& prefixes) {
        for (const Prefix& p : prefixes)
            by_namespace_.try_emplace(p.iri, p.name);
    }

    /// Sets `out` to `prefix:local` and returns true when `iri` can be written so.
    bool qualify(std::string_view iri, std::string& out) const {
        const auto cut = iri.find_last_of("/#");
        if (cut == std::string::npos) return false;
        const std::string_view local = iri.substr(cut + 1);
        if (!plain_local_name(local)) return false;
        const auto it = by_namespace_.find(iri.substr(0, cut + 1));
        if (it == by_namespace_.end()) return false;
        out.assign(it->second);
        out.push_back(':');
        out.append(local);
        return true;
    }

private:
    static bool plain_local_name(std::string_view s) {
        if (s.empty() || s.front() == '-' || s.front() == '.' || s.back() == '.') return false;
        for (const char c : s) {
            const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
            if (!ok) return false;
        }
        return true;
    }

    std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> by_namespace_;
};

/// The Serd nodes of one term. `node`, `datatype` and `lang` point into the term or into the
/// scratch strings given to `make`, so they are valid while both are unchanged.
struct Nodes {
    SerdNode node = SERD_NODE_NULL;
    SerdNode datatype = SERD_NODE_NULL;
    SerdNode lang = SERD_NODE_NULL;
    [[nodiscard]] const SerdNode* datatype_or_null() const {
        return datatype.type == SERD_NOTHING ? nullptr : &datatype;
    }
    [[nodiscard]] const SerdNode* lang_or_null() const {
        return lang.type == SERD_NOTHING ? nullptr : &lang;
    }
};

class NodeMaker {
public:
    /// `qualifier` (borrowed, may be null) abbreviates IRIs (Turtle only).
    explicit NodeMaker(const Qualifier* qualifier) : qualifier_(qualifier) {}

    /// `rdf:type` stays a full IRI so that Serd writes `a` in Turtle.
    SerdNode iri(std::string_view value, std::string& scratch) const {
        if (qualifier_ && value != rdf_type_ && qualifier_->qualify(value, scratch))
            return node(SERD_CURIE, scratch);
        return node(SERD_URI, value);
    }

    Nodes make(TermRef t, std::string& scratch, std::string& datatype_scratch) const {
        Nodes n;
        switch (t.kind) {
        case Term::Kind::Iri:
            n.node = iri(t.value, scratch);
            break;
        case Term::Kind::Blank:
            n.node = node(SERD_BLANK, t.value);
            break;
        case Term::Kind::Plain:
            n.node = node(SERD_LITERAL, t.value);
            break;
        case Term::Kind::Lang:
            n.node = node(SERD_LITERAL, t.value);
            n.lang = node(SERD_LITERAL, t.tag);
            break;
        case Term::Kind::Typed:
            n.node = node(SERD_LITERAL, t.value);
            n.datatype = iri(t.tag, datatype_scratch);
            break;
        }
        return n;
    }

private:
    const Qualifier* qualifier_;
    const std::string rdf_type_ = term(kRdf, "type");
};

} // namespace

bool serd_format(std::string_view format) {
    return format == "ttl" || format == "nt" || format == "nq";
}

void write_with_serd(const TripleSet& set, std::string_view format,
                     const std::vector<Prefix>& prefixes, std::FILE* out, const std::string& name) {
    PARLEY_CHECK(serd_format(format), "write_with_serd cannot write " + std::string(format));
    const bool turtle = format == "ttl";
    const bool quads = format == "nq";
    const SerdSyntax syntax = turtle ? SERD_TURTLE : quads ? SERD_NQUADS : SERD_NTRIPLES;
    const auto style = static_cast<SerdStyle>(turtle ? SERD_STYLE_ABBREVIATED : 0);

    Output output(out, name);
    {
        SerdEnvPtr env(serd_env_new(nullptr));
        if (!env) throw io_error("serd: could not create an environment for " + name);
        SerdWriterPtr writer(
            serd_writer_new(syntax, style, env.get(), nullptr, &Output::sink, &output));
        if (!writer) throw io_error("serd: could not create a writer for " + name);
        serd_writer_set_error_sink(writer.get(), &Output::on_error, &output);

        std::optional<Qualifier> qualifier;
        if (turtle) {
            qualifier.emplace(prefixes);
            for (const Prefix& p : prefixes) {
                const SerdNode pn = node(SERD_LITERAL, p.name);
                const SerdNode pi = node(SERD_URI, p.iri);
                output.check(serd_writer_set_prefix(writer.get(), &pn, &pi));
            }
        }
        const NodeMaker maker(qualifier ? &*qualifier : nullptr);

        std::string s_scratch, p_scratch, o_scratch, dt_scratch, unused;
        Nodes s;
        const TermTable& terms = set.terms;
        for (std::size_t i = 0; i < set.triples.size(); ++i) {
            const IdTriple& t = set.triples[i];
            if (i == 0 || t.s != set.triples[i - 1].s)
                s = maker.make(terms[t.s], s_scratch, unused);
            const SerdNode p = maker.iri(terms[t.p].value, p_scratch);
            const Nodes o = maker.make(terms[t.o], o_scratch, dt_scratch);
            SerdStatus st = SERD_SUCCESS;
            if (quads) {
                for (const std::uint32_t g : set.graphs_of(i)) {
                    const SerdNode graph = node(SERD_URI, set.graph_names[g]);
                    st = serd_writer_write_statement(writer.get(), 0, g == 0 ? nullptr : &graph,
                                                     &s.node, &p, &o.node, o.datatype_or_null(),
                                                     o.lang_or_null());
                    if (st != SERD_SUCCESS) break;
                }
            } else {
                st = serd_writer_write_statement(writer.get(), 0, nullptr, &s.node, &p, &o.node,
                                                 o.datatype_or_null(), o.lang_or_null());
            }
            if (st != SERD_SUCCESS || !output.ok()) output.check(st);
        }
        output.check(serd_writer_finish(writer.get()));
    } // The writer is freed here, before the last flush.
    output.flush();
    output.check(SERD_SUCCESS);
}

} // namespace parley::rdf
