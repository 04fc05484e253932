#include "validate/shacl.hpp"

#include "core/error.hpp"
#include "rdf/iri.hpp"
#include "rdf/model.hpp"
#include "rdf/world.hpp"
#include "validate/index.hpp"
#include "validate/report.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace parley::validate {

using detail::Graph;
using detail::TermId;
using detail::TermTable;
using Kind = rdf::Term::Kind;

const char* to_string(Severity s) {
    switch (s) {
    case Severity::Violation:
        return "Violation";
    case Severity::Warning:
        return "Warning";
    case Severity::Info:
        return "Info";
    }
    return "Violation";
}

std::size_t ValidationReport::count(Severity s) const {
    return static_cast<std::size_t>(
        std::count_if(results.begin(), results.end(),
                      [s](const ValidationResult& r) { return r.severity == s; }));
}

std::size_t ValidationReport::focus_nodes() const {
    std::set<rdf::Term> nodes;
    for (const auto& r : results)
        nodes.insert(r.focus);
    return nodes.size();
}

namespace {

constexpr int kMaxDepth = 64;
constexpr std::string_view kShapesError = "shapes: ";

std::string sh(std::string_view local) {
    return rdf::term(kSh, local);
}
std::string xsd(std::string_view local) {
    return rdf::term(rdf::kXsd, local);
}

/// The constraint components parley evaluates, with their IRI local names (without the
/// `ConstraintComponent` suffix).
enum class Component {
    Class,
    Datatype,
    NodeKind,
    MinCount,
    MaxCount,
    In,
    HasValue,
    Pattern,
    LanguageIn,
    UniqueLang,
    MinLength,
    MaxLength,
    MinInclusive,
    MaxInclusive,
    MinExclusive,
    MaxExclusive,
    Node,
    And,
    Or,
    Not,
    Xone
};

constexpr std::array kComponentNames = {
    "Class",        "Datatype",     "NodeKind",     "MinCount",     "MaxCount",  "In",
    "HasValue",     "Pattern",      "LanguageIn",   "UniqueLang",   "MinLength", "MaxLength",
    "MinInclusive", "MaxInclusive", "MinExclusive", "MaxExclusive", "Node",      "And",
    "Or",           "Not",          "Xone"};

std::string component_iri(Component c) {
    return sh(std::string(kComponentNames[static_cast<std::size_t>(c)]) + "ConstraintComponent");
}

/// The IRIs the engine looks up, interned once.
struct Vocab {
    explicit Vocab(TermTable& t)
        : rdf_type(t.iri(rdf::term(rdf::kRdf, "type"))),
          rdf_first(t.iri(rdf::term(rdf::kRdf, "first"))),
          rdf_rest(t.iri(rdf::term(rdf::kRdf, "rest"))),
          rdf_nil(t.iri(rdf::term(rdf::kRdf, "nil"))),
          rdf_subject(t.iri(rdf::term(rdf::kRdf, "subject"))),
          rdf_predicate(t.iri(rdf::term(rdf::kRdf, "predicate"))),
          rdf_object(t.iri(rdf::term(rdf::kRdf, "object"))),
          subclass_of(t.iri(rdf::term(rdf::kRdfs, "subClassOf"))),
          rdfs_class(t.iri(rdf::term(rdf::kRdfs, "Class"))),
          rdfs_label(t.iri(rdf::term(rdf::kRdfs, "label"))),
          pl_evidence(t.iri(rdf::term(rdf::kPl, "evidence"))),
          pl_sentence(t.iri(rdf::term(rdf::kPl, "sentence"))),
          pl_document(t.iri(rdf::term(rdf::kPl, "document"))),
          pl_file_name(t.iri(rdf::term(rdf::kPl, "fileName"))),
          pl_mentioned_in(t.iri(rdf::term(rdf::kPl, "mentionedIn"))),
          target_class(t.iri(sh("targetClass"))), target_node(t.iri(sh("targetNode"))),
          target_subjects_of(t.iri(sh("targetSubjectsOf"))),
          target_objects_of(t.iri(sh("targetObjectsOf"))), property(t.iri(sh("property"))),
          path(t.iri(sh("path"))), inverse_path(t.iri(sh("inversePath"))),
          alternative_path(t.iri(sh("alternativePath"))),
          zero_or_more_path(t.iri(sh("zeroOrMorePath"))),
          one_or_more_path(t.iri(sh("oneOrMorePath"))),
          zero_or_one_path(t.iri(sh("zeroOrOnePath"))), severity(t.iri(sh("severity"))),
          message(t.iri(sh("message"))), deactivated(t.iri(sh("deactivated"))),
          flags(t.iri(sh("flags"))), warning(t.iri(sh("Warning"))), info(t.iri(sh("Info"))),
          iri(t.iri(sh("IRI"))), blank_node(t.iri(sh("BlankNode"))), literal(t.iri(sh("Literal"))),
          blank_node_or_iri(t.iri(sh("BlankNodeOrIRI"))),
          blank_node_or_literal(t.iri(sh("BlankNodeOrLiteral"))),
          iri_or_literal(t.iri(sh("IRIOrLiteral"))) {
        for (std::size_t i = 0; i < kComponentNames.size(); ++i) {
            std::string local = kComponentNames[i];
            local[0] = static_cast<char>(local[0] - 'A' + 'a');
            params[static_cast<Component>(i)] = t.iri(sh(local));
        }
        for (const char* name : {"closed", "equals", "disjoint", "lessThan", "lessThanOrEquals",
                                 "qualifiedValueShape", "sparql", "ignoredProperties"}) {
            unsupported.push_back(t.iri(sh(name)));
        }
    }
    TermId rdf_type, rdf_first, rdf_rest, rdf_nil, rdf_subject, rdf_predicate, rdf_object;
    TermId subclass_of, rdfs_class, rdfs_label;
    TermId pl_evidence, pl_sentence, pl_document, pl_file_name, pl_mentioned_in;
    TermId target_class, target_node, target_subjects_of, target_objects_of, property, path;
    TermId inverse_path, alternative_path, zero_or_more_path, one_or_more_path, zero_or_one_path;
    TermId severity, message, deactivated, flags, warning, info;
    TermId iri, blank_node, literal, blank_node_or_iri, blank_node_or_literal, iri_or_literal;
    std::map<Component, TermId> params; ///< `sh:class` for `Class`, `sh:minCount`, ...
    std::vector<TermId> unsupported;
};

/// A path over interned ids.
struct IPath {
    Path::Kind kind = Path::Kind::Predicate;
    TermId predicate = 0;
    std::vector<IPath> steps;
};

struct Constraint {
    Component kind = Component::Class;
    TermId param = 0;                   ///< the parameter value
    std::vector<TermId> list;           ///< sh:in values; sh:and/sh:or/sh:xone shapes
    std::vector<std::string> languages; ///< sh:languageIn
    std::size_t count = 0;              ///< sh:minCount, sh:maxCount, sh:minLength, sh:maxLength
    std::shared_ptr<const std::regex> regex; ///< sh:pattern
};

struct Shape {
    TermId id = 0;
    std::optional<IPath> path;
    bool deactivated = false;
    Severity severity = Severity::Violation;
    std::string message; ///< "" = generate one per result
    std::vector<Constraint> constraints;
    std::vector<TermId> properties;
};

struct RawResult {
    TermId focus = 0;
    const Shape* shape = nullptr; ///< points into `Engine::shapes_` (stable: node-based map)
    std::optional<TermId> value;
    const Constraint* constraint = nullptr; ///< points into `shape->constraints`
    std::string detail;                     ///< extra words for a generated message
};

/// Receives results. In conformance mode (`out == nullptr`) it only remembers that something
/// failed, and evaluation stops at the first failure.
struct Sink {
    std::vector<RawResult>* out = nullptr;
    bool failed = false;
    [[nodiscard]] bool done() const { return failed && out == nullptr; }
};

// ----- literal helpers ----------------------------------------------------------------------

std::string datatype_of(rdf::TermRef t) {
    switch (t.kind) {
    case Kind::Plain:
        return xsd("string");
    case Kind::Lang:
        return rdf::term(rdf::kRdf, "langString");
    case Kind::Typed:
        return std::string(t.tag);
    default:
        return {};
    }
}

bool is_integer_type(std::string_view local) {
    static const std::set<std::string_view> kTypes = {"integer",
                                                      "long",
                                                      "int",
                                                      "short",
                                                      "byte",
                                                      "nonNegativeInteger",
                                                      "positiveInteger",
                                                      "nonPositiveInteger",
                                                      "negativeInteger",
                                                      "unsignedLong",
                                                      "unsignedInt",
                                                      "unsignedShort",
                                                      "unsignedByte"};
    return kTypes.contains(local);
}

std::string_view xsd_local(std::string_view datatype) {
    if (datatype.starts_with(rdf::kXsd)) return datatype.substr(rdf::kXsd.size());
    return {};
}

bool is_numeric_type(std::string_view datatype) {
    const auto local = xsd_local(datatype);
    return is_integer_type(local) || local == "decimal" || local == "double" || local == "float";
}

bool valid_date_parts(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > kDays[static_cast<std::size_t>(month - 1)]) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap);
}

/// Whether `lexical` is a valid lexical form of `datatype` (XSD types parley meets; any other
/// datatype is accepted).
bool well_formed(std::string_view lexical, std::string_view datatype) {
    static const std::regex kInteger(R"(^[+-]?[0-9]+$)");
    static const std::regex kDecimal(R"(^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$)");
    static const std::regex kDouble(
        R"(^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN)$)");
    static const std::regex kDate(
        R"(^(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2})?$)");
    static const std::regex kDateTime(
        R"(^(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$)");
    static const std::regex kYear(R"(^-?[0-9]{4,}(Z|[+-][0-9]{2}:[0-9]{2})?$)");
    const auto local = xsd_local(datatype);
    if (local.empty()) return true;
    if (is_integer_type(local)) {
        if (!std::regex_match(lexical.begin(), lexical.end(), kInteger)) return false;
        const bool negative = lexical[0] == '-';
        const bool zero = lexical.find_first_not_of("+-0") == std::string_view::npos;
        if (local == "nonNegativeInteger" || local.starts_with("unsigned"))
            return !negative || zero;
        if (local == "positiveInteger") return !negative && !zero;
        if (local == "nonPositiveInteger") return negative || zero;
        if (local == "negativeInteger") return negative && !zero;
        return true;
    }
    if (local == "decimal") return std::regex_match(lexical.begin(), lexical.end(), kDecimal);
    if (local == "double" || local == "float")
        return std::regex_match(lexical.begin(), lexical.end(), kDouble);
    if (local == "boolean")
        return lexical == "true" || lexical == "false" || lexical == "1" || lexical == "0";
    if (local == "gYear") return std::regex_match(lexical.begin(), lexical.end(), kYear);
    std::match_results<std::string_view::const_iterator> m;
    if (local == "date" && std::regex_match(lexical.begin(), lexical.end(), m, kDate)) {
        return valid_date_parts(std::stoi(m[1].str()), std::stoi(m[2].str()),
                                std::stoi(m[3].str()));
    }
    if (local == "dateTime" && std::regex_match(lexical.begin(), lexical.end(), m, kDateTime)) {
        return valid_date_parts(std::stoi(m[1].str()), std::stoi(m[2].str()),
                                std::stoi(m[3].str())) &&
               std::stoi(m[4].str()) <= 24 && std::stoi(m[5].str()) <= 59 &&
               std::stoi(m[6].str()) <= 60;
    }
    if (local == "date" || local == "dateTime") return false;
    return true;
}

bool has_timezone(std::string_view lexical) {
    static const std::regex kTz(R"((Z|[+-][0-9]{2}:[0-9]{2})$)");
    return std::regex_search(lexical.begin(), lexical.end(), kTz);
}

/// Compares two literals for sh:min/maxInclusive/Exclusive: negative, zero or positive, or
/// nothing when they are not comparable (different value spaces, ill-formed, not literals).
std::optional<int> compare_literals(rdf::TermRef a, rdf::TermRef b) {
    if (!a.is_literal() || !b.is_literal()) return std::nullopt;
    const auto da = datatype_of(a);
    const auto db = datatype_of(b);
    if (!well_formed(a.value, da) || !well_formed(b.value, db)) return std::nullopt;
    if (is_numeric_type(da) && is_numeric_type(db)) {
        const long double x = std::strtold(std::string(a.value).c_str(), nullptr);
        const long double y = std::strtold(std::string(b.value).c_str(), nullptr);
        if (x != x || y != y) return std::nullopt; // NaN
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    const auto la = xsd_local(da);
    if ((la == "date" || la == "dateTime") && da == db) {
        if (has_timezone(a.value) != has_timezone(b.value)) return std::nullopt;
        const int c = a.value.compare(b.value);
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    const auto string_like = [](rdf::TermRef t) {
        return t.kind == Kind::Plain || t.kind == Kind::Lang;
    };
    if (string_like(a) && string_like(b)) {
        const int c = a.value.compare(b.value);
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    return std::nullopt;
}

/// Number of Unicode code points of UTF-8 `s`.
std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

/// SPARQL `langMatches(tag, range)`: case-insensitive, `range` equal to `tag` or a prefix of it
/// followed by `-`; `*` matches any non-empty tag.
bool lang_matches(std::string_view tag, std::string_view range) {
    if (tag.empty()) return false;
    if (range == "*") return true;
    const auto t = lower(std::string(tag));
    const auto r = lower(std::string(range));
    return t == r || (t.size() > r.size() && t.starts_with(r) && t[r.size()] == '-');
}

// ----- the engine ---------------------------------------------------------------------------

class Engine {
public:
    Engine(TermTable& terms, const Graph& data, const Graph& shapes, const Graph& ontology)
        : terms_(terms), v_(terms), data_(data), shapes_graph_(shapes), ontology_(ontology) {}

    ValidationReport run() {
        ValidationReport report;
        report.data_triples = data_.size();
        std::vector<RawResult> raw;
        Sink sink{&raw};
        const auto roots = shapes_with_targets();
        report.shapes = roots.size();
        for (const TermId root : roots) {
            const Shape& shape = get_shape(root);
            for (const TermId focus : target_nodes(root))
                validate_shape(shape, focus, sink, 0);
        }
        for (const TermId u : v_.unsupported) {
            if (!shapes_graph_.with_predicate(u).empty())
                report.unsupported.emplace_back(terms_.term(u).value);
        }
        for (const auto& r : raw)
            report.results.push_back(to_result(r));
        std::sort(report.results.begin(), report.results.end(), [](const auto& a, const auto& b) {
            return std::tie(a.focus, a.path, a.component, a.value, a.source_shape, a.severity,
                            a.message) < std::tie(b.focus, b.path, b.component, b.value,
                                                  b.source_shape, b.severity, b.message);
        });
        report.conforms = report.results.empty();
        return report;
    }

private:
    rdf::TermRef term(TermId id) const { return terms_.term(id); }

    [[nodiscard]] std::string name(TermId id) const {
        const rdf::TermRef t = term(id);
        return t.kind == Kind::Iri ? compact_iri(t.value) : rdf::to_turtle(t);
    }

    [[noreturn]] void bad_shape(TermId shape, const std::string& what) const {
        throw io_error(std::string(kShapesError) + "shape " + name(shape) + ": " + what);
    }

    // --- class hierarchy ---

    /// Superclasses of `cls` (reflexive, transitive) in `graphs`.
    const std::unordered_set<TermId>& superclasses(TermId cls) {
        if (auto it = supers_.find(cls); it != supers_.end()) return it->second;
        std::unordered_set<TermId> seen{cls};
        std::vector<TermId> todo{cls};
        while (!todo.empty()) {
            const TermId c = todo.back();
            todo.pop_back();
            for (const Graph* g : {&data_, &ontology_}) {
                for (const TermId s : g->objects(c, v_.subclass_of))
                    if (seen.insert(s).second) todo.push_back(s);
            }
        }
        return supers_.emplace(cls, std::move(seen)).first->second;
    }

    bool instance_of(TermId node, TermId cls) {
        for (const TermId t : data_.objects(node, v_.rdf_type))
            if (superclasses(t).contains(cls)) return true;
        return false;
    }

    /// `node` is a SHACL instance of `cls` in the shapes graph (for implicit class targets).
    bool shapes_instance_of(TermId node, TermId cls) const {
        std::unordered_set<TermId> seen;
        std::vector<TermId> todo = shapes_graph_.objects(node, v_.rdf_type);
        while (!todo.empty()) {
            const TermId c = todo.back();
            todo.pop_back();
            if (c == cls) return true;
            if (!seen.insert(c).second) continue;
            for (const TermId s : shapes_graph_.objects(c, v_.subclass_of))
                todo.push_back(s);
        }
        return false;
    }

    // --- targets ---

    [[nodiscard]] bool mentions_shacl(TermId node) const {
        for (const auto& st : shapes_graph_.out(node))
            if (term(st.p).value.starts_with(kSh)) return true;
        return false;
    }

    std::vector<TermId> shapes_with_targets() const {
        std::set<TermId> roots;
        for (const TermId p :
             {v_.target_class, v_.target_node, v_.target_subjects_of, v_.target_objects_of}) {
            for (const auto& st : shapes_graph_.with_predicate(p))
                roots.insert(st.s);
        }
        for (const auto& st : shapes_graph_.with_predicate(v_.rdf_type)) {
            if (!roots.contains(st.s) && mentions_shacl(st.s) &&
                shapes_instance_of(st.s, v_.rdfs_class))
                roots.insert(st.s);
        }
        return {roots.begin(), roots.end()};
    }

    std::vector<TermId> instances(TermId cls) {
        std::vector<TermId> out;
        for (const auto& st : data_.with_predicate(v_.rdf_type))
            if (superclasses(st.o).contains(cls)) out.push_back(st.s);
        return out;
    }

    std::set<TermId> target_nodes(TermId shape) {
        std::set<TermId> nodes;
        if (shapes_instance_of(shape, v_.rdfs_class))
            for (const TermId n : instances(shape))
                nodes.insert(n);
        for (const TermId cls : shapes_graph_.objects(shape, v_.target_class))
            for (const TermId n : instances(cls))
                nodes.insert(n);
        for (const TermId n : shapes_graph_.objects(shape, v_.target_node))
            nodes.insert(n);
        for (const TermId p : shapes_graph_.objects(shape, v_.target_subjects_of))
            for (const auto& st : data_.with_predicate(p))
                nodes.insert(st.s);
        for (const TermId p : shapes_graph_.objects(shape, v_.target_objects_of))
            for (const auto& st : data_.with_predicate(p))
                nodes.insert(st.o);
        return nodes;
    }

    // --- shapes ---

    IPath parse_path(TermId node, TermId shape, int depth) const {
        if (depth > kMaxDepth) bad_shape(shape, "sh:path is nested too deeply");
        IPath path;
        const rdf::TermRef t = term(node);
        if (t.kind == Kind::Iri && node != v_.rdf_nil) {
            path.predicate = node;
            return path;
        }
        if (t.kind != Kind::Blank) bad_shape(shape, "sh:path must be an IRI or a blank node");
        const auto unary = [&](TermId pred, Path::Kind kind) -> bool {
            const auto objs = shapes_graph_.objects(node, pred);
            if (objs.empty()) return false;
            path.kind = kind;
            path.steps.push_back(parse_path(objs.front(), shape, depth + 1));
            return true;
        };
        if (!shapes_graph_.objects(node, v_.rdf_first).empty()) {
            path.kind = Path::Kind::Sequence;
            for (const TermId m : list(node))
                path.steps.push_back(parse_path(m, shape, depth + 1));
            if (path.steps.size() < 2) bad_shape(shape, "a sequence path needs two members");
            return path;
        }
        if (const auto alt = shapes_graph_.objects(node, v_.alternative_path); !alt.empty()) {
            path.kind = Path::Kind::Alternative;
            for (const TermId m : list(alt.front()))
                path.steps.push_back(parse_path(m, shape, depth + 1));
            if (path.steps.size() < 2) bad_shape(shape, "sh:alternativePath needs two members");
            return path;
        }
        if (unary(v_.inverse_path, Path::Kind::Inverse) ||
            unary(v_.zero_or_more_path, Path::Kind::ZeroOrMore) ||
            unary(v_.one_or_more_path, Path::Kind::OneOrMore) ||
            unary(v_.zero_or_one_path, Path::Kind::ZeroOrOne))
            return path;
        bad_shape(shape, "unsupported sh:path");
    }

    [[nodiscard]] std::vector<TermId> list(TermId head) const {
        return shapes_graph_.list(head, v_.rdf_first, v_.rdf_rest, v_.rdf_nil);
    }

    std::size_t count_param(TermId shape, TermId value, const char* param) const {
        const rdf::TermRef t = term(value);
        if (t.is_literal() && well_formed(t.value, xsd("integer")) && t.value[0] != '-') {
            std::size_t n = 0;
            const auto* first = t.value.data() + (t.value[0] == '+' ? 1 : 0);
            const auto [ptr, ec] = std::from_chars(first, t.value.data() + t.value.size(), n);
            if (ec == std::errc()) return n;
        }
        bad_shape(shape,
                  std::string(param) + " must be a non-negative integer, not " + rdf::to_turtle(t));
    }

    std::string pick_message(TermId shape) const {
        std::string best;
        int best_rank = 3;
        for (const TermId m : shapes_graph_.objects(shape, v_.message)) {
            const rdf::TermRef t = term(m);
            if (!t.is_literal()) continue;
            const int rank = t.kind == Kind::Lang ? (lang_matches(t.tag, "en") ? 0 : 2) : 1;
            if (rank < best_rank || (rank == best_rank && t.value < best)) {
                best = t.value;
                best_rank = rank;
            }
        }
        return best;
    }

    Shape parse_shape(TermId id) const {
        Shape shape;
        shape.id = id;
        if (const auto paths = shapes_graph_.objects(id, v_.path); !paths.empty()) {
            if (paths.size() > 1) bad_shape(id, "a property shape has exactly one sh:path");
            shape.path = parse_path(paths.front(), id, 0);
        }
        for (const TermId d : shapes_graph_.objects(id, v_.deactivated)) {
            const rdf::TermRef t = term(d);
            shape.deactivated = shape.deactivated || (t.value == "true" || t.value == "1");
        }
        if (const auto sev = shapes_graph_.objects(id, v_.severity); !sev.empty()) {
            shape.severity = sev.front() == v_.warning ? Severity::Warning
                             : sev.front() == v_.info  ? Severity::Info
                                                       : Severity::Violation;
        }
        shape.message = pick_message(id);
        shape.properties = shapes_graph_.objects(id, v_.property);
        std::sort(shape.properties.begin(), shape.properties.end());

        for (const auto& [kind, param] : v_.params) {
            for (const TermId value : shapes_graph_.objects(id, param)) {
                Constraint c;
                c.kind = kind;
                c.param = value;
                switch (kind) {
                case Component::MinCount:
                case Component::MaxCount:
                case Component::UniqueLang:
                    if (!shape.path)
                        bad_shape(id, compact_iri(term(param).value) +
                                          " needs a property shape (sh:path)");
                    if (kind == Component::UniqueLang) {
                        const rdf::TermRef t = term(value);
                        if (t.value != "true" && t.value != "1") continue;
                    } else {
                        c.count = count_param(
                            id, value, kind == Component::MinCount ? "sh:minCount" : "sh:maxCount");
                    }
                    break;
                case Component::MinLength:
                case Component::MaxLength:
                    c.count = count_param(id, value, "sh:minLength/sh:maxLength");
                    break;
                case Component::In:
                case Component::And:
                case Component::Or:
                case Component::Xone:
                    c.list = list(value);
                    break;
                case Component::LanguageIn:
                    for (const TermId m : list(value))
                        c.languages.emplace_back(term(m).value);
                    break;
                case Component::Pattern: {
                    auto flags = std::regex::ECMAScript;
                    for (const TermId f : shapes_graph_.objects(id, v_.flags))
                        if (term(f).value.find('i') != std::string::npos)
                            flags |= std::regex::icase;
                    try {
                        c.regex = std::make_shared<const std::regex>(std::string(term(value).value),
                                                                     flags);
                    } catch (const std::regex_error& e) {
                        bad_shape(id, "invalid sh:pattern \"" + std::string(term(value).value) +
                                          "\": " + e.what());
                    }
                    break;
                }
                default:
                    break;
                }
                shape.constraints.push_back(std::move(c));
            }
        }
        return shape;
    }

    const Shape& get_shape(TermId id) {
        if (auto it = shapes_.find(id); it != shapes_.end()) return it->second;
        auto shape = parse_shape(id);
        return shapes_.emplace(id, std::move(shape)).first->second;
    }

    // --- paths ---

    void add_unique(std::vector<TermId>& out, std::unordered_set<TermId>& seen, TermId n) const {
        if (seen.insert(n).second) out.push_back(n);
    }

    /// Nodes reached from `node` over `path` (`inverse`: walking it backwards).
    std::vector<TermId> step(const IPath& path, TermId node, bool inverse) const {
        std::vector<TermId> out;
        std::unordered_set<TermId> seen;
        switch (path.kind) {
        case Path::Kind::Predicate:
            return inverse ? data_.subjects(path.predicate, node)
                           : data_.objects(node, path.predicate);
        case Path::Kind::Inverse:
            return step(path.steps.front(), node, !inverse);
        case Path::Kind::Sequence: {
            std::vector<TermId> frontier{node};
            const auto walk = [&](const IPath& s) {
                std::vector<TermId> next;
                std::unordered_set<TermId> next_seen;
                for (const TermId n : frontier)
                    for (const TermId m : step(s, n, inverse))
                        add_unique(next, next_seen, m);
                frontier = std::move(next);
            };
            if (inverse) {
                for (auto it = path.steps.rbegin(); it != path.steps.rend(); ++it)
                    walk(*it);
            } else {
                for (const auto& s : path.steps)
                    walk(s);
            }
            return frontier;
        }
        case Path::Kind::Alternative:
            for (const auto& s : path.steps)
                for (const TermId m : step(s, node, inverse))
                    add_unique(out, seen, m);
            return out;
        case Path::Kind::ZeroOrOne:
            add_unique(out, seen, node);
            for (const TermId m : step(path.steps.front(), node, inverse))
                add_unique(out, seen, m);
            return out;
        case Path::Kind::ZeroOrMore:
        case Path::Kind::OneOrMore: {
            if (path.kind == Path::Kind::ZeroOrMore) add_unique(out, seen, node);
            std::vector<TermId> todo{node};
            std::unordered_set<TermId> expanded;
            while (!todo.empty()) {
                const TermId n = todo.back();
                todo.pop_back();
                if (!expanded.insert(n).second) continue;
                for (const TermId m : step(path.steps.front(), n, inverse)) {
                    add_unique(out, seen, m);
                    todo.push_back(m);
                }
            }
            return out;
        }
        }
        return out;
    }

    // --- validation ---

    bool conforms(TermId node, TermId shape_id, int depth) {
        Sink probe;
        validate_shape(get_shape(shape_id), node, probe, depth + 1);
        return !probe.failed;
    }

    void validate_shape(const Shape& shape, TermId focus, Sink& sink, int depth) {
        if (depth > kMaxDepth)
            bad_shape(shape.id, "shapes refer to each other more than " +
                                    std::to_string(kMaxDepth) + " levels deep");
        if (shape.deactivated) return;
        const std::vector<TermId> values =
            shape.path ? step(*shape.path, focus, false) : std::vector<TermId>{focus};
        for (const auto& c : shape.constraints) {
            check(shape, c, focus, values, sink, depth);
            if (sink.done()) return;
        }
        for (const TermId p : shape.properties) {
            validate_shape(get_shape(p), focus, sink, depth + 1);
            if (sink.done()) return;
        }
    }

    void fail(Sink& sink, const Shape& shape, const Constraint& c, TermId focus,
              std::optional<TermId> value, std::string detail = {}) const {
        sink.failed = true;
        if (sink.out) sink.out->push_back({focus, &shape, value, &c, std::move(detail)});
    }

    bool value_ok(const Shape& shape, const Constraint& c, TermId v, int depth) {
        const rdf::TermRef t = term(v);
        switch (c.kind) {
        case Component::Class:
            return instance_of(v, c.param);
        case Component::Datatype:
            return t.is_literal() && datatype_of(t) == term(c.param).value &&
                   well_formed(t.value, datatype_of(t));
        case Component::NodeKind: {
            const TermId k = c.param;
            if (t.kind == Kind::Iri)
                return k == v_.iri || k == v_.blank_node_or_iri || k == v_.iri_or_literal;
            if (t.kind == Kind::Blank)
                return k == v_.blank_node || k == v_.blank_node_or_iri ||
                       k == v_.blank_node_or_literal;
            return k == v_.literal || k == v_.blank_node_or_literal || k == v_.iri_or_literal;
        }
        case Component::In:
            return std::find(c.list.begin(), c.list.end(), v) != c.list.end();
        case Component::Pattern:
            return t.kind != Kind::Blank &&
                   std::regex_search(t.value.begin(), t.value.end(), *c.regex);
        case Component::LanguageIn:
            return t.kind == Kind::Lang &&
                   std::any_of(c.languages.begin(), c.languages.end(),
                               [&](const std::string& r) { return lang_matches(t.tag, r); });
        case Component::MinLength:
            return t.kind != Kind::Blank && code_points(t.value) >= c.count;
        case Component::MaxLength:
            return t.kind != Kind::Blank && code_points(t.value) <= c.count;
        case Component::MinInclusive:
        case Component::MaxInclusive:
        case Component::MinExclusive:
        case Component::MaxExclusive: {
            const auto cmp = compare_literals(t, term(c.param));
            if (!cmp) return false;
            switch (c.kind) {
            case Component::MinInclusive:
                return *cmp >= 0;
            case Component::MaxInclusive:
                return *cmp <= 0;
            case Component::MinExclusive:
                return *cmp > 0;
            default:
                return *cmp < 0;
            }
        }
        case Component::Node:
            return conforms(v, c.param, depth);
        case Component::Not:
            return !conforms(v, c.param, depth);
        case Component::And:
            return std::all_of(c.list.begin(), c.list.end(),
                               [&](TermId s) { return conforms(v, s, depth); });
        case Component::Or:
            return std::any_of(c.list.begin(), c.list.end(),
                               [&](TermId s) { return conforms(v, s, depth); });
        case Component::Xone:
            return std::count_if(c.list.begin(), c.list.end(),
                                 [&](TermId s) { return conforms(v, s, depth); }) == 1;
        default:
            break;
        }
        PARLEY_CHECK(false,
                     "value_ok called for a focus-level component of shape " + name(shape.id));
    }

    void check(const Shape& shape, const Constraint& c, TermId focus,
               const std::vector<TermId>& values, Sink& sink, int depth) {
        switch (c.kind) {
        case Component::MinCount:
            if (values.size() < c.count)
                fail(sink, shape, c, focus, std::nullopt, std::to_string(values.size()));
            return;
        case Component::MaxCount:
            if (values.size() > c.count)
                fail(sink, shape, c, focus, std::nullopt, std::to_string(values.size()));
            return;
        case Component::HasValue:
            // On a node shape the value nodes are the focus node itself.
            if (std::find(values.begin(), values.end(), c.param) == values.end())
                fail(sink, shape, c, focus, shape.path ? std::nullopt : std::optional(focus));
            return;
        case Component::UniqueLang: {
            std::map<std::string, int> seen;
            for (const TermId v : values)
                if (term(v).kind == Kind::Lang) ++seen[lower(std::string(term(v).tag))];
            for (const auto& [lang, n] : seen)
                if (n > 1) fail(sink, shape, c, focus, std::nullopt, lang);
            return;
        }
        default:
            for (const TermId v : values) {
                if (!value_ok(shape, c, v, depth)) fail(sink, shape, c, focus, v);
                if (sink.done()) return;
            }
        }
    }

    // --- results ---

    /// A label for blank node `id` of `g` that depends only on the triples around it, so reports
    /// do not change with the blank node ids a parser happens to choose.
    std::string canonical(const Graph& g, TermId id, int depth,
                          std::unordered_set<TermId>& open) const {
        const rdf::TermRef t = term(id);
        if (t.kind != Kind::Blank) return rdf::to_turtle(t);
        if (depth > 8 || !open.insert(id).second) return "[]";
        std::vector<std::string> parts;
        for (const auto& st : g.out(id))
            parts.push_back(rdf::to_turtle(term(st.p)) + " " + canonical(g, st.o, depth + 1, open));
        open.erase(id);
        std::sort(parts.begin(), parts.end());
        std::string out = "[";
        for (const auto& p : parts)
            out += p + ";";
        return out + "]";
    }

    rdf::Term public_term(const Graph& g, TermId id) const {
        const rdf::TermRef t = term(id);
        if (t.kind != Kind::Blank) return t.term();
        std::unordered_set<TermId> open;
        return rdf::Term::blank("b" + rdf::hash_hex(canonical(g, id, 0, open)));
    }

    Path public_path(const IPath& p) const {
        Path out;
        out.kind = p.kind;
        if (p.kind == Path::Kind::Predicate) out.iri = term(p.predicate).value;
        for (const auto& s : p.steps)
            out.steps.push_back(public_path(s));
        return out;
    }

    std::string default_message(const RawResult& r) const {
        const auto& c = *r.constraint;
        const std::string param = name(c.param);
        const auto names = [&](const std::vector<TermId>& ids) {
            std::string s;
            for (const TermId id : ids)
                s += (s.empty() ? "" : ", ") + name(id);
            return s;
        };
        switch (c.kind) {
        case Component::Class:
            return "Value is not an instance of " + param + ".";
        case Component::Datatype:
            return "Value is not a well-formed literal of datatype " + param + ".";
        case Component::NodeKind:
            return "Value is not of node kind " + param + ".";
        case Component::MinCount:
            return "Has " + r.detail + " value(s), fewer than the minimum of " +
                   std::to_string(c.count) + ".";
        case Component::MaxCount:
            return "Has " + r.detail + " values, more than the maximum of " +
                   std::to_string(c.count) + ".";
        case Component::In:
            return "Value is not one of " + names(c.list) + ".";
        case Component::HasValue:
            return "Missing the required value " + param + ".";
        case Component::Pattern:
            return "Value does not match the pattern \"" + std::string(term(c.param).value) + "\".";
        case Component::LanguageIn: {
            std::string langs;
            for (const auto& l : c.languages)
                langs += (langs.empty() ? "" : ", ") + l;
            return "Value is not a string tagged with one of the languages " + langs + ".";
        }
        case Component::UniqueLang:
            return "More than one value has the language tag " + r.detail + ".";
        case Component::MinLength:
            return "Value is shorter than " + std::to_string(c.count) + " characters.";
        case Component::MaxLength:
            return "Value is longer than " + std::to_string(c.count) + " characters.";
        case Component::MinInclusive:
            return "Value is not >= " + rdf::to_turtle(term(c.param)) + ".";
        case Component::MaxInclusive:
            return "Value is not <= " + rdf::to_turtle(term(c.param)) + ".";
        case Component::MinExclusive:
            return "Value is not > " + rdf::to_turtle(term(c.param)) + ".";
        case Component::MaxExclusive:
            return "Value is not < " + rdf::to_turtle(term(c.param)) + ".";
        case Component::Node:
            return "Value does not conform to shape " + param + ".";
        case Component::Not:
            return "Value conforms to shape " + param + ", which it must not.";
        case Component::And:
            return "Value does not conform to all of " + names(c.list) + ".";
        case Component::Or:
            return "Value conforms to none of " + names(c.list) + ".";
        case Component::Xone:
            return "Value does not conform to exactly one of " + names(c.list) + ".";
        }
        return "Constraint not satisfied.";
    }

    std::string literal_of(TermId node, TermId pred) const {
        std::string best;
        bool found = false;
        for (const TermId o : data_.objects(node, pred)) {
            const rdf::TermRef t = term(o);
            if (t.is_literal() && (!found || t.value < best)) {
                best = t.value;
                found = true;
            }
        }
        return best;
    }

    std::string document_name(TermId doc) const {
        auto file = literal_of(doc, v_.pl_file_name);
        return file.empty() ? std::string(term(doc).value) : file;
    }

    void add_evidence(TermId evidence, std::set<SourceSentence>& out) const {
        const auto sentence = literal_of(evidence, v_.pl_sentence);
        if (sentence.empty()) return;
        std::string doc;
        if (const auto docs = data_.objects(evidence, v_.pl_document); !docs.empty())
            doc = document_name(docs.front());
        out.insert({sentence, doc});
    }

    void add_fact(TermId fact, std::set<SourceSentence>& out) const {
        for (const TermId ev : data_.objects(fact, v_.pl_evidence))
            add_evidence(ev, out);
    }

    /// The sentences behind the result: evidence of the facts about the focus node over the
    /// result path (and with the offending value, when there is one), else of any fact about
    /// the focus node.
    std::vector<SourceSentence> sources(const RawResult& r) const {
        std::set<SourceSentence> out;
        add_evidence(r.focus, out); // the focus node is itself evidence
        add_fact(r.focus, out);     // the focus node is itself a fact
        if (!out.empty()) return {out.begin(), out.end()};

        std::optional<TermId> predicate;
        bool inverse = false;
        if (const auto& p = r.shape->path) {
            if (p->kind == Path::Kind::Predicate) predicate = p->predicate;
            if (p->kind == Path::Kind::Inverse && p->steps.front().kind == Path::Kind::Predicate) {
                predicate = p->steps.front().predicate;
                inverse = true;
            }
        }
        const TermId near = inverse ? v_.rdf_object : v_.rdf_subject;
        const TermId far = inverse ? v_.rdf_subject : v_.rdf_object;
        if (predicate) {
            std::vector<TermId> matching, with_value;
            for (const TermId f : data_.subjects(near, r.focus)) {
                if (!data_.has(f, v_.rdf_predicate, *predicate)) continue;
                matching.push_back(f);
                if (r.value && data_.has(f, far, *r.value)) with_value.push_back(f);
            }
            for (const TermId f : with_value.empty() ? matching : with_value)
                add_fact(f, out);
        }
        if (out.empty()) {
            for (const TermId f : data_.subjects(v_.rdf_subject, r.focus))
                add_fact(f, out);
            for (const TermId f : data_.subjects(v_.rdf_object, r.focus))
                add_fact(f, out);
        }
        return {out.begin(), out.end()};
    }

    ValidationResult to_result(const RawResult& r) const {
        ValidationResult out;
        out.focus = public_term(data_, r.focus);
        if (r.shape->path) out.path = public_path(*r.shape->path);
        if (r.value) out.value = public_term(data_, *r.value);
        out.source_shape = public_term(shapes_graph_, r.shape->id);
        out.component = component_iri(r.constraint->kind);
        out.severity = r.shape->severity;
        out.message = r.shape->message.empty() ? default_message(r) : r.shape->message;
        out.focus_label = literal_of(r.focus, v_.rdfs_label);
        out.sources = sources(r);
        std::set<std::string> docs;
        for (const TermId d : data_.objects(r.focus, v_.pl_mentioned_in))
            docs.insert(document_name(d));
        out.documents.assign(docs.begin(), docs.end());
        return out;
    }

    TermTable& terms_;
    Vocab v_;
    const Graph& data_;
    const Graph& shapes_graph_;
    const Graph& ontology_;
    std::unordered_map<TermId, std::unordered_set<TermId>> supers_;
    std::map<TermId, Shape> shapes_; ///< node-based: pointers into it stay valid
};

} // namespace

namespace {

/// Snapshots the shapes and the ontology after `data_graph` (filled by the caller into `terms`
/// with scope 1) and runs the engine.
ValidationReport run_engine(TermTable& terms, const Graph& data_graph, librdf_model_s* shapes,
                            librdf_model_s* ontology) {
    Graph shapes_graph, ontology_graph;
    detail::snapshot(shapes, terms, 2, shapes_graph);
    if (ontology) detail::snapshot(ontology, terms, 3, ontology_graph);
    Engine engine(terms, data_graph, shapes_graph, ontology_graph);
    return engine.run();
}

/// Loads the shapes file and the ontology and calls `check(shapes, ontology)`, naming the shapes
/// file in errors about the shapes.
template <class Check>
ValidationReport with_shapes(rdf::World& world, const std::filesystem::path& shapes_file,
                             const std::filesystem::path& ontology_dir, Check check) {
    const auto start = std::chrono::steady_clock::now();
    const auto shapes = rdf::Model::from_files(world, {shapes_file});
    const auto files = ontology_files(ontology_dir, shapes_file);
    std::optional<rdf::Model> ontology;
    if (!files.empty()) ontology.emplace(rdf::Model::from_files(world, files));
    try {
        ValidationReport report = check(shapes.get(), ontology ? ontology->get() : nullptr);
        report.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return report;
    } catch (const ParleyError& e) {
        // Errors about the shapes start with "shapes: "; name the file instead.
        const std::string_view what = e.what();
        if (!what.starts_with(kShapesError)) throw;
        throw ParleyError(e.code(), shapes_file.string() + ": " +
                                        std::string(what.substr(kShapesError.size())));
    }
}

} // namespace

ValidationReport validate(librdf_model_s* data, librdf_model_s* shapes, librdf_model_s* ontology) {
    PARLEY_CHECK(data != nullptr && shapes != nullptr, "validate needs a data and a shapes model");
    TermTable terms;
    Graph data_graph;
    detail::snapshot(data, terms, 1, data_graph);
    return run_engine(terms, data_graph, shapes, ontology);
}

ValidationReport validate(const rdf::TripleSet& data, librdf_model_s* shapes,
                          librdf_model_s* ontology) {
    PARLEY_CHECK(shapes != nullptr, "validate needs a shapes model");
    TermTable terms;
    Graph data_graph;
    detail::snapshot(data, terms, 1, data_graph);
    return run_engine(terms, data_graph, shapes, ontology);
}

std::vector<std::filesystem::path> ontology_files(const std::filesystem::path& ontology_dir,
                                                  const std::filesystem::path& skip) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    if (ontology_dir.empty() || !std::filesystem::is_directory(ontology_dir, ec)) return files;
    for (const auto& entry : std::filesystem::directory_iterator(ontology_dir, ec)) {
        if (!entry.is_regular_file(ec) || entry.path().extension() != ".ttl") continue;
        if (!skip.empty() && std::filesystem::equivalent(entry.path(), skip, ec)) continue;
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

ValidationReport validate_model(rdf::World& world, librdf_model_s* data,
                                const std::filesystem::path& shapes_file,
                                const std::filesystem::path& ontology_dir) {
    return with_shapes(world, shapes_file, ontology_dir,
                       [&](librdf_model_s* shapes, librdf_model_s* ontology) {
                           return validate(data, shapes, ontology);
                       });
}

ValidationReport validate_triples(rdf::World& world, const rdf::TripleSet& data,
                                  const std::filesystem::path& shapes_file,
                                  const std::filesystem::path& ontology_dir) {
    return with_shapes(world, shapes_file, ontology_dir,
                       [&](librdf_model_s* shapes, librdf_model_s* ontology) {
                           return validate(data, shapes, ontology);
                       });
}

} // namespace parley::validate
