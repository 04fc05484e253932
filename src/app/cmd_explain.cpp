// `parley explain`: every fact about one resource, with where it comes from. Reads parley's RDF
// output (the reified pl:Fact / pl:Evidence provenance) rather than rebuilding the graph, so it
// explains exactly what a user of the files sees.
#include "app/build_runner.hpp"
#include "app/commands.hpp"
#include "core/error.hpp"
#include "rdf/iri.hpp"
#include "rdf/model.hpp"
#include "rdf/triples.hpp"

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace parley {

namespace {

using rdf::Term;
using rdf::Triple;

struct ExplainOptions {
    std::string target;
    std::vector<std::string> data;
};

constexpr const char* kExplainHelp =
    R"(Prints every fact about one resource of parley's RDF output: its types, labels and other
attributes, then each fact with the resource as subject or as object, and for each fact its
source count, confidence and evidence (document, character offsets, extraction rule, confidence
and the sentence), read from the pl:Fact and pl:Evidence provenance in the data.

  parley explain "Volodymyr Zelensky"
  parley explain pr:country/ukraine --data out/graph.ttl
  parley explain https://w3id.org/parley/id/person/volodymyr-zelensky

RESOURCE is an IRI, a prefixed name (pr:person/...), a key (person/...) or a name: the
rdfs:label, else any rdfs:label or skos:altLabel ignoring ASCII case. A name that fits several
resources exits 2 and lists them. Data: --data FILE (repeatable; .ttl .nt .nq .rdf .json);
default out/graph.nq if it exists, else out/graph.ttl. A fact marked "no evidence of its own" is
an RDFS entailment (e.g. pl:opposes for pl:rejects) or a link without reification.)";

/// The triples of the data with lookups by subject and by object IRI and the reified facts.
class Index {
public:
    explicit Index(std::vector<Triple> triples) : triples_(std::move(triples)) {
        for (std::size_t i = 0; i < triples_.size(); ++i) {
            const Triple& t = triples_[i];
            if (t.s.kind == Term::Kind::Iri) by_subject_[t.s.value].push_back(i);
            if (t.o.kind == Term::Kind::Iri) by_object_[t.o.value].push_back(i);
        }
        const std::string type = rdf::term(rdf::kRdf, "type");
        const std::string fact_class = rdf::term(rdf::kPl, "Fact");
        for (const Triple& t : triples_) {
            if (t.p.value != type || t.o.value != fact_class) continue;
            const auto s = one(t.s.value, rdf::term(rdf::kRdf, "subject"));
            const auto p = one(t.s.value, rdf::term(rdf::kRdf, "predicate"));
            const auto o = one(t.s.value, rdf::term(rdf::kRdf, "object"));
            if (s && p && o) facts_[key(*s, *p, *o)].push_back(t.s.value);
        }
    }

    [[nodiscard]] const std::vector<Triple>& triples() const { return triples_; }

    /// Triples with IRI `iri` as subject (as object), in sorted order.
    [[nodiscard]] std::vector<const Triple*> with_subject(const std::string& iri) const {
        return collect(by_subject_, iri);
    }
    [[nodiscard]] std::vector<const Triple*> with_object(const std::string& iri) const {
        return collect(by_object_, iri);
    }
    [[nodiscard]] bool known(const std::string& iri) const {
        return by_subject_.count(iri) > 0 || by_object_.count(iri) > 0;
    }

    /// Every object of `subject predicate ?o`.
    [[nodiscard]] std::vector<Term> values(const std::string& subject,
                                           const std::string& predicate) const {
        std::vector<Term> out;
        for (const Triple* t : with_subject(subject))
            if (t->p.value == predicate) out.push_back(t->o);
        return out;
    }
    /// The first object of `subject predicate ?o`, if any.
    [[nodiscard]] std::optional<Term> one(const std::string& subject,
                                          const std::string& predicate) const {
        for (const Triple* t : with_subject(subject))
            if (t->p.value == predicate) return t->o;
        return std::nullopt;
    }
    /// The value of a literal attribute as text ("" when absent).
    [[nodiscard]] std::string text(const std::string& subject, const std::string& predicate) const {
        const auto v = one(subject, predicate);
        return v ? v->value : std::string();
    }

    /// The pl:Fact resources that reify `t` (usually one).
    [[nodiscard]] std::vector<std::string> facts_of(const Triple& t) const {
        const auto it = facts_.find(key(t.s, t.p, t.o));
        return it == facts_.end() ? std::vector<std::string>{} : it->second;
    }

private:
    static std::string key(const Term& s, const Term& p, const Term& o) {
        return rdf::to_turtle(s) + ' ' + rdf::to_turtle(p) + ' ' + rdf::to_turtle(o);
    }
    std::vector<const Triple*>
    collect(const std::unordered_map<std::string, std::vector<std::size_t>>& map,
            const std::string& iri) const {
        std::vector<const Triple*> out;
        if (const auto it = map.find(iri); it != map.end())
            for (std::size_t i : it->second)
                out.push_back(&triples_[i]);
        return out;
    }

    std::vector<Triple> triples_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_subject_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_object_;
    std::unordered_map<std::string, std::vector<std::string>> facts_;
};

const std::vector<rdf::Prefix>& display_prefixes() {
    static const std::vector<rdf::Prefix> prefixes = [] {
        std::vector<rdf::Prefix> p = rdf::standard_prefixes();
        p.push_back({"wd", std::string(rdf::kWikidata)});
        return p;
    }();
    return prefixes;
}

std::string short_iri(const std::string& iri) {
    for (const auto& p : display_prefixes())
        if (iri.size() > p.iri.size() && iri.compare(0, p.iri.size(), p.iri) == 0)
            return p.name + ":" + iri.substr(p.iri.size());
    return "<" + iri + ">";
}

/// `s` on one line: control characters as `\n`, `\t` or `\u00XX`.
std::string one_line(std::string_view s) {
    std::string out;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (u < 0x20 || u == 0x7F) {
            static constexpr char kHex[] = "0123456789ABCDEF";
            out += "\\u00";
            out.push_back(kHex[u >> 4]);
            out.push_back(kHex[u & 0xF]);
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// The display form of a term: prefixed IRIs with their label, literals quoted.
std::string show(const Index& index, const Term& t) {
    if (t.kind == Term::Kind::Iri) {
        std::string out = short_iri(t.value);
        std::string label = index.text(t.value, rdf::term(rdf::kRdfs, "label"));
        if (label.empty()) label = index.text(t.value, rdf::term(rdf::kPl, "fileName"));
        if (!label.empty()) out += " (" + one_line(label) + ")";
        return out;
    }
    if (t.kind == Term::Kind::Blank) return "_:" + t.value;
    return "\"" + one_line(t.value) + "\"";
}

/// The IRI that `target` names: an IRI, a prefixed name, a key or a label.
std::string resolve_target(const Index& index, const std::string& target) {
    if (target.rfind("http://", 0) == 0 || target.rfind("https://", 0) == 0) {
        if (!index.known(target))
            throw ParleyError(ExitCode::Usage, "explain: " + target + " is not in the data");
        return target;
    }
    if (const auto colon = target.find(':'); colon != std::string::npos) {
        for (const auto& p : display_prefixes())
            if (target.compare(0, colon, p.name) == 0 && colon == p.name.size()) {
                const std::string iri = p.iri + target.substr(colon + 1);
                if (index.known(iri)) return iri;
            }
    }
    if (const std::string iri = rdf::resource_iri(target); index.known(iri)) return iri;

    // A name: the exact rdfs:label first, else any label or alias ignoring ASCII case.
    const std::string label = rdf::term(rdf::kRdfs, "label");
    const std::string alt = rdf::term(rdf::kSkos, "altLabel");
    std::set<std::string> exact, loose;
    const std::string wanted = lower_ascii(target);
    for (const Triple& t : index.triples()) {
        if (!t.o.is_literal() || t.s.kind != Term::Kind::Iri) continue;
        if (t.p.value == label && t.o.value == target) exact.insert(t.s.value);
        if ((t.p.value == label || t.p.value == alt) && lower_ascii(t.o.value) == wanted)
            loose.insert(t.s.value);
    }
    const std::set<std::string>& found = exact.empty() ? loose : exact;
    if (found.size() == 1) return *found.begin();
    if (found.empty())
        throw ParleyError(ExitCode::Usage, "explain: no resource is named \"" + target +
                                               "\" (give a label, an alias, a key such as "
                                               "person/..., or an IRI)");
    std::string list;
    for (const auto& iri : found)
        list += "\n  " + show(index, Term::iri(iri));
    throw ParleyError(ExitCode::Usage, "explain: \"" + target + "\" names " +
                                           std::to_string(found.size()) +
                                           " resources; give one of their IRIs:" + list);
}

/// The evidence lines of one fact.
void print_fact(std::ostream& out, const Index& index, const std::string& fact) {
    const auto pl = [](std::string_view local) { return rdf::term(rdf::kPl, local); };
    out << "      " << short_iri(fact) << ": " << index.text(fact, pl("numSources"))
        << " source(s), confidence " << index.text(fact, pl("confidence")) << "\n";
    struct Evidence {
        std::string file;
        long begin = 0;
        std::string iri;
        bool operator<(const Evidence& o) const {
            return file != o.file     ? file < o.file
                   : begin != o.begin ? begin < o.begin
                                      : iri < o.iri;
        }
    };
    std::vector<Evidence> evidence;
    for (const Term& e : index.values(fact, pl("evidence"))) {
        const auto doc = index.one(e.value, pl("document"));
        std::string file = doc ? index.text(doc->value, pl("fileName")) : std::string();
        if (file.empty() && doc) file = short_iri(doc->value);
        long begin = 0;
        try {
            begin = std::stol(index.text(e.value, pl("beginOffset")));
        } catch (const std::exception&) {
            begin = 0;
        }
        evidence.push_back({file, begin, e.value});
    }
    std::sort(evidence.begin(), evidence.end());
    for (const Evidence& e : evidence) {
        out << "      - " << (e.file.empty() ? std::string("(unknown document)") : e.file) << " ["
            << index.text(e.iri, pl("beginOffset")) << "-" << index.text(e.iri, pl("endOffset"))
            << "] rule " << index.text(e.iri, pl("rule")) << ", confidence "
            << index.text(e.iri, pl("confidence")) << "\n        \""
            << one_line(index.text(e.iri, pl("sentence"))) << "\"\n";
    }
}

/// The sub-property `q` with `S q O` in the data when `t` (`S p O`) is its RDFS entailment (the
/// pairs that `parley build` entails: pl:host, pl:demands, pl:rejects), else "".
std::string entailed_from(const Index& index, const Triple& t) {
    static constexpr std::pair<std::string_view, std::string_view> kSubProperties[] = {
        {"host", "participant"}, {"demands", "supports"}, {"rejects", "opposes"}};
    for (const auto& [sub, super] : kSubProperties) {
        if (t.p.value != rdf::term(rdf::kPl, super)) continue;
        const std::string q = rdf::term(rdf::kPl, sub);
        for (const Triple* u : index.with_subject(t.s.value))
            if (u->p.value == q && u->o == t.o) return q;
    }
    return {};
}

void explain(std::ostream& out, const Index& index, const std::string& iri) {
    const std::string type = rdf::term(rdf::kRdf, "type");
    const std::string label = rdf::term(rdf::kRdfs, "label");
    // The reification plumbing of pl:Fact and the links from evidence are not facts about `iri`.
    const std::set<std::string> plumbing = {rdf::term(rdf::kRdf, "subject"),
                                            rdf::term(rdf::kRdf, "object"),
                                            rdf::term(rdf::kRdf, "predicate")};
    // Links listed with the attributes: the documents that mention the resource, its Wikidata id.
    const std::set<std::string> attribute_links = {rdf::term(rdf::kPl, "mentionedIn"),
                                                   rdf::term(rdf::kOwl, "sameAs")};

    out << short_iri(iri);
    if (const std::string l = index.text(iri, label); !l.empty())
        out << " \"" << one_line(l) << "\"";
    std::vector<std::string> types;
    for (const Term& t : index.values(iri, type))
        types.push_back(short_iri(t.value));
    if (!types.empty()) {
        out << " a ";
        for (std::size_t i = 0; i < types.size(); ++i)
            out << (i ? ", " : "") << types[i];
    }
    out << "\n  " << iri << "\n";

    std::vector<const Triple*> attributes, outgoing, incoming;
    for (const Triple* t : index.with_subject(iri)) {
        if (t->p.value == type || t->p.value == label) continue;
        const bool fact = t->o.kind == Term::Kind::Iri && index.known(t->o.value) &&
                          !attribute_links.count(t->p.value);
        (fact ? outgoing : attributes).push_back(t);
    }
    for (const Triple* t : index.with_object(iri))
        if (!plumbing.count(t->p.value)) incoming.push_back(t);

    if (!attributes.empty()) {
        out << "\nAttributes:\n";
        for (const Triple* t : attributes)
            out << "  " << short_iri(t->p.value) << " " << show(index, t->o) << "\n";
    }
    std::size_t with_evidence = 0;
    const auto print_facts = [&](const char* title, const std::vector<const Triple*>& facts,
                                 bool as_subject) {
        if (facts.empty()) return;
        out << "\n" << title << " (" << facts.size() << "):\n";
        for (const Triple* t : facts) {
            if (as_subject) {
                out << "  " << short_iri(t->p.value) << " " << show(index, t->o);
            } else {
                out << "  " << show(index, t->s) << " " << short_iri(t->p.value);
            }
            const auto reified = index.facts_of(*t);
            if (reified.empty()) {
                const std::string sub = entailed_from(index, *t);
                out << (sub.empty() ? "   [no evidence of its own]"
                                    : "   [entailed from " + short_iri(sub) + "]");
            }
            out << "\n";
            if (!reified.empty()) ++with_evidence;
            for (const auto& f : reified)
                print_fact(out, index, f);
        }
    };
    print_facts("As subject", outgoing, true);
    print_facts("As object", incoming, false);
    out << "\n"
        << attributes.size() << " attributes, " << outgoing.size() + incoming.size() << " facts ("
        << with_evidence << " with evidence)\n";
}

void run_explain(const ExplainOptions& o, AppContext& ctx) {
    const std::vector<std::filesystem::path> data = default_data(o.data, "explain");
    const rdf::Model model = rdf::Model::from_files(ctx.world, data, rdf::Model::Graphs::Union);
    const Index index(model.triples());
    const std::string iri = resolve_target(index, o.target);
    std::ostringstream s;
    explain(s, index, iri);
    std::cout << s.str();
    std::cout.flush();
    if (!std::cout) throw io_error("explain: cannot write to standard output");
}

} // namespace

void register_explain(CLI::App& app, AppContext& ctx) {
    auto opts = std::make_shared<ExplainOptions>();
    CLI::App* cmd = app.add_subcommand(
        "explain", "Print every fact about a resource with its sources, rules and confidence");
    cmd->footer(kExplainHelp);
    cmd->add_option("resource", opts->target, "IRI, prefixed name, key or name of the resource")
        ->required();
    cmd->add_option("--data", opts->data,
                    "RDF file to read (repeatable; default out/graph.nq, else out/graph.ttl)")
        ->allow_extra_args(false);
    cmd->callback([opts, &ctx]() { run_explain(*opts, ctx); });
}

} // namespace parley
