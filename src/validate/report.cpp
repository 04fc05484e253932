#include "validate/report.hpp"

#include "rdf/escape.hpp"
#include "rdf/iri.hpp"

#include <array>
#include <cstdio>
#include <utility>

namespace parley::validate {

namespace {

constexpr std::string_view kPlsh = "https://w3id.org/parley/shapes#";

struct NamedPrefix {
    std::string_view name;
    std::string_view iri;
};

constexpr std::array kPrefixes = {
    NamedPrefix{"sh", kSh},
    NamedPrefix{"pl", rdf::kPl},
    NamedPrefix{"pr", rdf::kPr},
    NamedPrefix{"plsh", kPlsh},
    NamedPrefix{"rdf", rdf::kRdf},
    NamedPrefix{"rdfs", rdf::kRdfs},
    NamedPrefix{"owl", rdf::kOwl},
    NamedPrefix{"skos", rdf::kSkos},
    NamedPrefix{"xsd", rdf::kXsd},
    NamedPrefix{"prov", rdf::kProv},
    NamedPrefix{"dcterms", rdf::kDcterms},
    NamedPrefix{"schema", rdf::kSchema},
};

bool safe_local(std::string_view local) {
    if (local.empty()) return false;
    const auto alpha = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    };
    if (!alpha(local.front())) return false;
    for (const char c : local)
        if (!alpha(c) && !(c >= '0' && c <= '9') && c != '-') return false;
    return true;
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string ttl_term(const rdf::Term& t) {
    if (t.kind == rdf::Term::Kind::Iri) return compact_iri(t.value, true);
    if (t.kind == rdf::Term::Kind::Typed) {
        std::string out = "\"";
        rdf::append_turtle_escaped(out, t.value);
        return out + "\"^^" + compact_iri(t.tag, true);
    }
    return rdf::to_turtle(t);
}

std::string ttl_list(const std::vector<Path>& steps);

std::string ttl_path(const Path& p) {
    switch (p.kind) {
    case Path::Kind::Predicate:
        return compact_iri(p.iri, true);
    case Path::Kind::Inverse:
        return "[ sh:inversePath " + ttl_path(p.steps.front()) + " ]";
    case Path::Kind::Sequence:
        return ttl_list(p.steps);
    case Path::Kind::Alternative:
        return "[ sh:alternativePath " + ttl_list(p.steps) + " ]";
    case Path::Kind::ZeroOrMore:
        return "[ sh:zeroOrMorePath " + ttl_path(p.steps.front()) + " ]";
    case Path::Kind::OneOrMore:
        return "[ sh:oneOrMorePath " + ttl_path(p.steps.front()) + " ]";
    case Path::Kind::ZeroOrOne:
        return "[ sh:zeroOrOnePath " + ttl_path(p.steps.front()) + " ]";
    }
    return {};
}

std::string ttl_list(const std::vector<Path>& steps) {
    std::string out = "(";
    for (const auto& s : steps)
        out += " " + ttl_path(s);
    return out + " )";
}

/// A path in SPARQL property-path syntax, for people: `pl:participant`, `^pl:host`, `a/b`.
std::string text_path(const Path& p) {
    const auto join = [](const std::vector<Path>& steps, const char* sep) {
        std::string out;
        for (const auto& s : steps) {
            const auto part = text_path(s);
            const bool wrap = s.kind == Path::Kind::Sequence || s.kind == Path::Kind::Alternative;
            out += (out.empty() ? "" : sep) + (wrap ? "(" + part + ")" : part);
        }
        return out;
    };
    switch (p.kind) {
    case Path::Kind::Predicate:
        return compact_iri(p.iri);
    case Path::Kind::Inverse:
        return "^" + text_path(p.steps.front());
    case Path::Kind::Sequence:
        return join(p.steps, "/");
    case Path::Kind::Alternative:
        return join(p.steps, "|");
    case Path::Kind::ZeroOrMore:
        return "(" + text_path(p.steps.front()) + ")*";
    case Path::Kind::OneOrMore:
        return "(" + text_path(p.steps.front()) + ")+";
    case Path::Kind::ZeroOrOne:
        return "(" + text_path(p.steps.front()) + ")?";
    }
    return {};
}

std::string text_term(const rdf::Term& t) {
    if (t.kind == rdf::Term::Kind::Iri) return compact_iri(t.value);
    if (t.kind == rdf::Term::Kind::Typed) {
        std::string out = "\"";
        rdf::append_turtle_escaped(out, t.value);
        return out + "\"^^" + compact_iri(t.tag);
    }
    return rdf::to_turtle(t);
}

std::string quote_literal(std::string_view s) {
    std::string out = "\"";
    rdf::append_turtle_escaped(out, s);
    return out + "\"";
}

} // namespace

std::string compact_iri(std::string_view iri, bool turtle_safe) {
    for (const auto& p : kPrefixes) {
        if (!iri.starts_with(p.iri)) continue;
        const auto local = iri.substr(p.iri.size());
        if (turtle_safe && !safe_local(local)) break;
        return std::string(p.name) + ":" + std::string(local);
    }
    return turtle_safe ? "<" + std::string(iri) + ">" : std::string(iri);
}

std::string summary(const ValidationReport& report) {
    std::string out = plural(report.violations(), "violation", "violations") + " (" +
                      plural(report.warnings(), "warning", "warnings");
    if (const auto infos = report.count(Severity::Info); infos > 0)
        out += ", " + plural(infos, "info", "infos");
    return out + ") in " + plural(report.focus_nodes(), "focus node", "focus nodes");
}

std::string to_turtle(const ValidationReport& report) {
    std::string out = "# SHACL validation report written by parley.\n";
    for (const auto& p : kPrefixes)
        out += "@prefix " + std::string(p.name) + ": <" + std::string(p.iri) + "> .\n";
    out += "\n[] a sh:ValidationReport ;\n    sh:conforms ";
    out += report.conforms ? "true" : "false";
    if (report.results.empty()) return out + " .\n";
    out += " ;\n    sh:result";
    bool first = true;
    for (const auto& r : report.results) {
        out += first ? " [\n" : ", [\n";
        first = false;
        out += "        a sh:ValidationResult ;\n";
        out += "        sh:focusNode " + ttl_term(r.focus) + " ;\n";
        if (r.path) out += "        sh:resultPath " + ttl_path(*r.path) + " ;\n";
        if (r.value) out += "        sh:value " + ttl_term(*r.value) + " ;\n";
        out += "        sh:sourceShape " + ttl_term(r.source_shape) + " ;\n";
        out += "        sh:sourceConstraintComponent " + compact_iri(r.component, true) + " ;\n";
        out += "        sh:resultSeverity sh:" + std::string(to_string(r.severity)) + " ;\n";
        out += "        sh:resultMessage " + quote_literal(r.message) + "\n    ]";
    }
    return out + " .\n";
}

std::string to_text(const ValidationReport& report, std::size_t max_sentences) {
    std::string out;
    for (const auto& r : report.results) {
        if (!out.empty()) out += "\n";
        out += std::string(to_string(r.severity)) + ": " + text_term(r.focus);
        if (!r.focus_label.empty()) out += " (" + quote_literal(r.focus_label) + ")";
        out += "\n  " + r.message + "\n";
        out += "  shape " + text_term(r.source_shape) + ", constraint " + compact_iri(r.component);
        if (r.path) out += ", path " + text_path(*r.path);
        out += "\n";
        if (r.value) out += "  value: " + text_term(*r.value) + "\n";
        const auto shown = std::min(max_sentences, r.sources.size());
        for (std::size_t i = 0; i < shown; ++i) {
            const auto& s = r.sources[i];
            out += "  source: " + quote_literal(s.sentence);
            if (!s.document.empty()) out += " (" + s.document + ")";
            out += "\n";
        }
        if (r.sources.size() > shown)
            out +=
                "  (" + plural(r.sources.size() - shown, "more sentence", "more sentences") + ")\n";
        if (r.sources.empty() && !r.documents.empty()) {
            out += "  mentioned in:";
            for (const auto& d : r.documents)
                out += " " + d;
            out += "\n";
        }
    }
    return out;
}

std::string timing(const ValidationReport& report) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "validate %.3fs", report.seconds);
    return buf;
}

} // namespace parley::validate
