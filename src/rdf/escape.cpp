#include "rdf/escape.hpp"

#include <cstdio>

namespace parley::rdf {

namespace {
void append_u4(std::string& out, unsigned char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
    out += buf;
}
} // namespace

void append_turtle_escaped(std::string& out, std::string_view s) {
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (c < 0x20 || c == 0x7F) {
                append_u4(out, c);
            } else {
                out.push_back(ch);
            }
        }
    }
}

// JSON strings and Turtle string literals escape the same characters the same way here.
void append_json_string(std::string& out, std::string_view s) {
    out.push_back('"');
    append_turtle_escaped(out, s);
    out.push_back('"');
}

std::string to_turtle(TermRef term) {
    std::string out;
    switch (term.kind) {
    case Term::Kind::Iri:
        out.reserve(term.value.size() + 2);
        out += '<';
        out += term.value;
        out += '>';
        break;
    case Term::Kind::Blank:
        out += "_:";
        out += term.value;
        break;
    case Term::Kind::Plain:
    case Term::Kind::Lang:
    case Term::Kind::Typed:
        out.push_back('"');
        append_turtle_escaped(out, term.value);
        out.push_back('"');
        if (term.kind == Term::Kind::Lang) {
            out += '@';
            out += term.tag;
        }
        if (term.kind == Term::Kind::Typed) {
            out += "^^<";
            out += term.tag;
            out += '>';
        }
        break;
    }
    return out;
}

} // namespace parley::rdf
