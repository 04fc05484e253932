#include "query/query.hpp"

#include "core/error.hpp"
#include "rdf/escape.hpp"
#include "rdf/iri.hpp"
#include "rdf/librdf_util.hpp"
#include "rdf/model.hpp"
#include "rdf/world.hpp"
#include "rdf/writer.hpp"

#include <algorithm>
#include <cctype>

namespace parley::query {

using rdf::Term;

std::optional<ResultFormat> result_format_from_string(std::string_view s) {
    if (s == "table") return ResultFormat::Table;
    if (s == "csv") return ResultFormat::Csv;
    if (s == "tsv") return ResultFormat::Tsv;
    if (s == "json") return ResultFormat::Json;
    return std::nullopt;
}

bool uses_graph_keyword(std::string_view q) {
    auto word_char = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':' || c == '?' ||
               c == '$' || c == '-';
    };
    for (std::size_t i = 0; i < q.size();) {
        const char c = q[i];
        if (c == '#') { // comment to the end of the line
            while (i < q.size() && q[i] != '\n')
                ++i;
        } else if (c == '<') { // an IRI (or a comparison: skipping it is harmless)
            const auto end = q.find_first_of(">\n", i + 1);
            i = end == std::string_view::npos ? q.size() : end + 1;
        } else if (c == '"' || c == '\'') {
            const bool long_string = q.substr(i, 3) == std::string(3, c);
            const std::string close = long_string ? std::string(3, c) : std::string(1, c);
            std::size_t j = i + close.size();
            while (j < q.size() && q.compare(j, close.size(), close) != 0)
                j += q[j] == '\\' ? 2 : 1;
            i = std::min(q.size(), j + close.size());
        } else if (word_char(c)) {
            std::size_t j = i;
            while (j < q.size() && word_char(q[j]))
                ++j;
            std::string word(q.substr(i, j - i));
            std::transform(word.begin(), word.end(), word.begin(),
                           [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
            if (word == "GRAPH") return true;
            i = j;
        } else {
            ++i;
        }
    }
    return false;
}

/// The projected variables of a SELECT query, read from its text: rasqal reports no binding
/// names when there are no rows. `(expr AS ?x)` projects `x`; `SELECT *` gives none.
static std::vector<std::string> select_variables(std::string_view q) {
    std::string lower(q);
    for (auto& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::size_t i = lower.find("select");
    if (i == std::string::npos) return {};
    i += 6;
    std::vector<std::string> vars;
    int depth = 0;
    bool after_as = false;
    while (i < q.size()) {
        const char c = q[i];
        if (c == '{' || (depth == 0 && lower.compare(i, 5, "where") == 0)) break;
        if (c == '(') ++depth;
        if (c == ')') --depth;
        if (depth > 0 && lower.compare(i, 3, "as ") == 0) after_as = true;
        if (c == '?' || c == '$') {
            std::size_t j = i + 1;
            while (j < q.size() && (std::isalnum(static_cast<unsigned char>(q[j])) || q[j] == '_'))
                ++j;
            if (depth == 0 || after_as) vars.emplace_back(q.substr(i + 1, j - i - 1));
            after_as = false;
            i = j;
            continue;
        }
        ++i;
    }
    return vars;
}

QueryResult run_query(const rdf::Model& model, std::string_view sparql) {
    librdf_world* w = model.world().get();
    const std::string text(sparql);
    rdf::LogCapture log(w);
    rdf::QueryPtr q(librdf_new_query(
        w, "sparql", nullptr, reinterpret_cast<const unsigned char*>(text.c_str()), nullptr));
    if (!q || log.has_error()) throw io_error("SPARQL query: " + log.first_error());
    rdf::QueryResultsPtr r(librdf_query_execute(q.get(), model.get()));
    if (!r || log.has_error()) throw io_error("SPARQL query failed: " + log.first_error());

    QueryResult out;
    if (librdf_query_results_is_boolean(r.get())) {
        out.kind = QueryResult::Kind::Boolean;
        const int b = librdf_query_results_get_boolean(r.get());
        if (b < 0) throw io_error("SPARQL query: no boolean result: " + log.first_error());
        out.boolean = b > 0;
    } else if (librdf_query_results_is_graph(r.get())) {
        out.kind = QueryResult::Kind::Graph;
        rdf::StreamPtr stream(librdf_query_results_as_stream(r.get()));
        for (; stream && !librdf_stream_end(stream.get()); librdf_stream_next(stream.get())) {
            librdf_statement* st = librdf_stream_get_object(stream.get());
            out.triples.push_back(rdf::Triple{rdf::to_term(librdf_statement_get_subject(st)),
                                              rdf::to_term(librdf_statement_get_predicate(st)),
                                              rdf::to_term(librdf_statement_get_object(st))});
        }
        std::sort(out.triples.begin(), out.triples.end());
        out.triples.erase(std::unique(out.triples.begin(), out.triples.end()), out.triples.end());
    } else if (librdf_query_results_is_bindings(r.get())) {
        out.kind = QueryResult::Kind::Bindings;
        const int n = librdf_query_results_get_bindings_count(r.get());
        for (int i = 0; i < n; ++i) {
            const char* name = librdf_query_results_get_binding_name(r.get(), i);
            out.variables.emplace_back(name ? name : "");
        }
        if (n == 0 && librdf_query_results_finished(r.get()))
            out.variables = select_variables(sparql); // no rows: names from the query text
        for (; !librdf_query_results_finished(r.get()); librdf_query_results_next(r.get())) {
            std::vector<std::optional<Term>> row(static_cast<std::size_t>(n));
            for (int i = 0; i < n; ++i) {
                // The value is a new node owned by the caller (or null when unbound).
                rdf::NodePtr v(librdf_query_results_get_binding_value(r.get(), i));
                if (v) row[static_cast<std::size_t>(i)] = rdf::to_term(v.get());
            }
            out.rows.push_back(std::move(row));
        }
    } else {
        throw io_error("SPARQL query: unsupported result type");
    }
    if (log.has_error()) throw io_error("SPARQL query failed: " + log.first_error());
    return out;
}

namespace {

/// Control characters as escapes, so that a cell stays on one line.
std::string one_line(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            rdf::append_turtle_escaped(out, std::string_view(&c, 1));
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string display(const std::optional<Term>& t, const std::vector<rdf::Prefix>& prefixes) {
    if (!t) return {};
    switch (t->kind) {
    case Term::Kind::Iri: {
        const rdf::Prefix* best = nullptr;
        for (const auto& p : prefixes)
            if (t->value.size() > p.iri.size() && t->value.compare(0, p.iri.size(), p.iri) == 0 &&
                (!best || p.iri.size() > best->iri.size()))
                best = &p;
        if (best) return best->name + ":" + one_line(t->value.substr(best->iri.size()));
        return "<" + one_line(t->value) + ">";
    }
    case Term::Kind::Blank:
        return "_:" + t->value;
    default:
        return one_line(t->value);
    }
}

/// Display width: the number of code points (UTF-8 lead bytes).
std::size_t width(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

void write_table(std::ostream& out, const QueryResult& r) {
    std::vector<rdf::Prefix> prefixes = rdf::standard_prefixes();
    prefixes.push_back({"wd", std::string(rdf::kWikidata)});
    std::vector<std::vector<std::string>> cells;
    std::vector<std::size_t> widths;
    for (const auto& v : r.variables)
        widths.push_back(width(v));
    for (const auto& row : r.rows) {
        auto& line = cells.emplace_back();
        for (std::size_t i = 0; i < row.size(); ++i) {
            line.push_back(display(row[i], prefixes));
            widths[i] = std::max(widths[i], width(line.back()));
        }
    }
    auto write_row = [&](const std::vector<std::string>& values) {
        std::string line;
        for (std::size_t i = 0; i < values.size(); ++i) {
            line += i == 0 ? " " : " | ";
            line += values[i];
            if (i + 1 < values.size()) line.append(widths[i] - width(values[i]), ' ');
        }
        out << line << "\n";
    };
    write_row(r.variables);
    std::string rule;
    for (std::size_t i = 0; i < widths.size(); ++i) {
        rule += i == 0 ? "-" : "-+-";
        rule.append(widths[i], '-');
    }
    out << rule << "-\n";
    for (const auto& line : cells)
        write_row(line);
    out << "(" << r.rows.size() << (r.rows.size() == 1 ? " row)\n" : " rows)\n");
}

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    return out + "\"";
}

/// SPARQL 1.1 Query Results CSV: plain values, RFC 4180 quoting, CRLF line ends.
void write_csv(std::ostream& out, const QueryResult& r) {
    for (std::size_t i = 0; i < r.variables.size(); ++i)
        out << (i ? "," : "") << csv_field(r.variables[i]);
    out << "\r\n";
    for (const auto& row : r.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) out << ',';
            if (!row[i]) continue;
            out << csv_field(row[i]->kind == Term::Kind::Blank ? "_:" + row[i]->value
                                                               : row[i]->value);
        }
        out << "\r\n";
    }
}

/// SPARQL 1.1 Query Results TSV: `?var` header, values in Turtle syntax.
void write_tsv(std::ostream& out, const QueryResult& r) {
    for (std::size_t i = 0; i < r.variables.size(); ++i)
        out << (i ? "\t" : "") << "?" << r.variables[i];
    out << "\n";
    for (const auto& row : r.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) out << '\t';
            if (row[i]) out << rdf::to_turtle(*row[i]);
        }
        out << "\n";
    }
}

/// SPARQL 1.1 Query Results JSON.
void write_json(std::ostream& out, const QueryResult& r) {
    std::string s;
    if (r.kind == QueryResult::Kind::Boolean) {
        out << "{ \"head\" : { }, \"boolean\" : " << (r.boolean ? "true" : "false") << " }\n";
        return;
    }
    s = "{\n  \"head\" : { \"vars\" : [ ";
    for (std::size_t i = 0; i < r.variables.size(); ++i) {
        if (i) s += ", ";
        rdf::append_json_string(s, r.variables[i]);
    }
    s += " ] },\n  \"results\" : { \"bindings\" : [";
    for (std::size_t k = 0; k < r.rows.size(); ++k) {
        s += k ? ",\n    { " : "\n    { ";
        bool first = true;
        for (std::size_t i = 0; i < r.rows[k].size(); ++i) {
            const auto& t = r.rows[k][i];
            if (!t) continue;
            if (!first) s += ", ";
            first = false;
            rdf::append_json_string(s, r.variables[i]);
            s += " : { \"type\" : ";
            s += t->kind == Term::Kind::Iri     ? "\"uri\""
                 : t->kind == Term::Kind::Blank ? "\"bnode\""
                                                : "\"literal\"";
            s += ", \"value\" : ";
            rdf::append_json_string(s, t->value);
            if (t->kind == Term::Kind::Lang) {
                s += ", \"xml:lang\" : ";
                rdf::append_json_string(s, t->tag);
            } else if (t->kind == Term::Kind::Typed) {
                s += ", \"datatype\" : ";
                rdf::append_json_string(s, t->tag);
            }
            s += " }";
        }
        s += " }";
    }
    s += r.rows.empty() ? "] }\n}\n" : "\n  ] }\n}\n";
    out << s;
}

} // namespace

void write_result(std::ostream& out, const QueryResult& r, ResultFormat format, rdf::World& world) {
    switch (r.kind) {
    case QueryResult::Kind::Graph:
        out << rdf::to_ntriples(world, r.triples);
        return;
    case QueryResult::Kind::Boolean:
        if (format == ResultFormat::Json) {
            write_json(out, r);
        } else {
            out << (r.boolean ? "true" : "false") << "\n";
        }
        return;
    case QueryResult::Kind::Bindings:
        break;
    }
    switch (format) {
    case ResultFormat::Table:
        write_table(out, r);
        break;
    case ResultFormat::Csv:
        write_csv(out, r);
        break;
    case ResultFormat::Tsv:
        write_tsv(out, r);
        break;
    case ResultFormat::Json:
        write_json(out, r);
        break;
    }
}

} // namespace parley::query
