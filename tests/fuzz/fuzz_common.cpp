// Raptor-based checks for the fuzz targets (see fuzz_common.hpp).
#include "fuzz_common.hpp"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <raptor2.h>
#include <string>
#include <vector>

namespace parley::fuzz {

namespace {

struct RaptorWorldFree {
    void operator()(raptor_world* w) const noexcept { raptor_free_world(w); }
};
struct RaptorParserFree {
    void operator()(raptor_parser* p) const noexcept { raptor_free_parser(p); }
};
struct RaptorUriFree {
    void operator()(raptor_uri* u) const noexcept { raptor_free_uri(u); }
};

/// What the raptor callbacks collect; passed to raptor as user data (owned by the caller).
struct Collected {
    std::size_t triples = 0;
    std::size_t errors = 0;
    std::vector<std::string> literals;
    std::string first_message;
};

void on_statement(void* user, raptor_statement* st) {
    auto* c = static_cast<Collected*>(user);
    ++c->triples;
    if (st->object && st->object->type == RAPTOR_TERM_TYPE_LITERAL)
        c->literals.emplace_back(reinterpret_cast<const char*>(st->object->value.literal.string),
                                 st->object->value.literal.string_len);
}

void on_log(void* user, raptor_log_message* message) {
    auto* c = static_cast<Collected*>(user);
    if (message->level >= RAPTOR_LOG_LEVEL_WARN) {
        ++c->errors;
        if (c->first_message.empty() && message->text) c->first_message = message->text;
    }
}

/// One raptor world for the whole fuzzing process (raptor 2.0.15 leaks a few URIs per world).
raptor_world* shared_world() {
    static const std::unique_ptr<raptor_world, RaptorWorldFree> world = [] {
        std::unique_ptr<raptor_world, RaptorWorldFree> w(raptor_new_world());
        if (!w || raptor_world_open(w.get()) != 0) std::abort();
        return w;
    }();
    return world.get();
}

Collected parse(const std::string& ntriples) {
    Collected c;
    raptor_world* const world = shared_world();
    // The handler's user data points at `c`, which outlives the parse below.
    raptor_world_set_log_handler(world, &c, on_log);
    std::unique_ptr<raptor_parser, RaptorParserFree> parser(raptor_new_parser(world, "ntriples"));
    if (!parser) std::abort();
    raptor_parser_set_statement_handler(parser.get(), &c, on_statement);
    std::unique_ptr<raptor_uri, RaptorUriFree> base(
        raptor_new_uri(world, reinterpret_cast<const unsigned char*>("http://example.org/base")));
    if (raptor_parser_parse_start(parser.get(), base.get()) != 0) std::abort();
    const auto* bytes = reinterpret_cast<const unsigned char*>(ntriples.data());
    if (raptor_parser_parse_chunk(parser.get(), bytes, ntriples.size(), 1) != 0) ++c.errors;
    raptor_world_set_log_handler(world, nullptr, nullptr);
    if (c.errors > 0) {
        std::fprintf(stderr, "raptor rejects the output (%s):\n%s\n", c.first_message.c_str(),
                     ntriples.c_str());
        std::abort();
    }
    return c;
}

} // namespace

std::size_t parse_ntriples_or_abort(const std::string& ntriples) {
    return parse(ntriples).triples;
}

std::string only_literal_or_abort(const std::string& ntriples) {
    Collected c = parse(ntriples);
    if (c.triples != 1 || c.literals.size() != 1) {
        std::fprintf(stderr, "expected one literal triple:\n%s\n", ntriples.c_str());
        std::abort();
    }
    return c.literals.front();
}

} // namespace parley::fuzz
