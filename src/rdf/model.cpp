#include "rdf/model.hpp"

#include "core/error.hpp"
#include "rdf/librdf_util.hpp"
#include "rdf/world.hpp"

#include <algorithm>
#include <exception>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace parley::rdf {

struct Model::Impl {
    World* world = nullptr; ///< not owned; outlives the model
    bool indexed = false;
    StoragePtr storage; ///< declared before `model` so that it is destroyed after it
    ModelPtr model;
};

namespace {

const unsigned char* uc(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

NodePtr iri_node(World& world, std::string_view iri) {
    return NodePtr(
        check_new(librdf_new_node_from_counted_uri_string(world.get(), uc(iri), iri.size()),
                  "node " + std::string(iri)));
}

const char* parser_for(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".ttl") return "turtle";
    if (ext == ".nt") return "ntriples";
    if (ext == ".nq") return "nquads";
    if (ext == ".rdf" || ext == ".owl" || ext == ".xml") return "rdfxml";
    if (ext == ".json") return "json";
    return nullptr;
}

/// The binary encoding of a statement (and its context): a de-duplication key.
std::string encode(librdf_world* world, librdf_statement* st, librdf_node* context) {
    std::string key(librdf_statement_encode2(world, st, nullptr, 0), '\0');
    librdf_statement_encode2(world, st, reinterpret_cast<unsigned char*>(key.data()), key.size());
    if (context) {
        const std::size_t at = key.size();
        key.resize(at + librdf_node_encode(context, nullptr, 0));
        librdf_node_encode(context, reinterpret_cast<unsigned char*>(key.data() + at),
                           key.size() - at);
    }
    return key;
}

void add(librdf_model* model, librdf_node* context, librdf_statement* st, const std::string& what) {
    if (librdf_model_context_add_statement(model, context, st) != 0)
        throw io_error("librdf: could not add a statement from " + what);
}

} // namespace

std::unique_ptr<Model::Impl> Model::new_model(World& world, Storage storage) {
    auto impl = std::make_unique<Impl>();
    impl->world = &world;
    impl->indexed = storage == Storage::Indexed;
    impl->storage.reset(check_new(
        impl->indexed
            ? librdf_new_storage(world.get(), "hashes", "parley",
                                 "hash-type='memory',contexts='yes',index-predicates='yes'")
            : librdf_new_storage(world.get(), "memory", "parley", "contexts='yes'"),
        impl->indexed ? "indexed in-memory storage (hashes)" : "memory storage"));
    impl->model.reset(
        check_new(librdf_new_model(world.get(), impl->storage.get(), nullptr), "model"));
    return impl;
}

Model::Model(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Model::Model(Model&&) noexcept = default;
Model& Model::operator=(Model&&) noexcept = default;
Model::~Model() = default;

Model Model::from_triples(World& world, const TripleSet& triples) {
    auto impl = new_model(world, triples.size() <= kMaxIndexedStatements ? Storage::Indexed
                                                                         : Storage::List);
    librdf_world* w = world.get();
    NodePtr context = iri_node(world, kUnionGraph);
    // IRI nodes repeat a lot: copying a node is a reference count increment. They are cached
    // by term id.
    std::unordered_map<TermTable::Id, NodePtr> iris;
    auto node = [&](TermTable::Id id) -> librdf_node* {
        const TermRef t = triples.terms[id];
        if (t.kind != Term::Kind::Iri) return make_node(w, t).release();
        auto it = iris.find(id);
        if (it == iris.end()) it = iris.emplace(id, make_node(w, t)).first;
        return check_new(librdf_new_node_from_node(it->second.get()), "node copy");
    };
    for (const IdTriple& t : triples.triples) {
        NodePtr s(node(t.s)), p(node(t.p)), o(node(t.o));
        // librdf_new_statement_from_nodes takes ownership of the three nodes.
        StatementPtr st(
            check_new(librdf_new_statement_from_nodes(w, s.release(), p.release(), o.release()),
                      "statement"));
        add(impl->model.get(), context.get(), st.get(), "the graph");
    }
    return Model(std::move(impl));
}

Model Model::from_graph(World& world, const KnowledgeGraph& g, const std::vector<Document>& docs,
                        bool entail, bool provenance) {
    return from_triples(world, build_triples(g, docs, TripleOptions{entail, provenance}));
}

namespace {

/// What the raptor statement handler of `from_files` needs.
struct LoadState {
    librdf_world* world = nullptr;        ///< not owned
    librdf_model* model = nullptr;        ///< not owned
    raptor_parser* parser = nullptr;      ///< not owned; aborted on the first failure
    librdf_node* union_context = nullptr; ///< not owned
    bool named = false;
    std::unordered_set<std::string> seen;
    // Named mode: statements without a graph are added without a context, where librdf drops a
    // statement that is already in the model in any context; they are therefore added first.
    std::vector<StatementPtr> defaults;
    std::vector<std::pair<NodePtr, StatementPtr>> quads;
    std::string name; ///< the file being parsed
    std::exception_ptr error;
};

void on_statement(void* user_data, raptor_statement* st) {
    auto* s = static_cast<LoadState*>(user_data);
    if (s->error) return;
    try { // no exception may cross the C frames of raptor
        // `st` is raptor's (librdf_statement is raptor_statement); librdf copies what it keeps.
        librdf_node* graph = s->named ? st->graph : nullptr;
        // A static (not usage-counted) statement borrowing the three terms: librdf makes a deep
        // copy of it when adding.
        raptor_statement triple;
        raptor_statement_init(&triple, st->world);
        triple.subject = st->subject;
        triple.predicate = st->predicate;
        triple.object = st->object;
        if (!s->seen.insert(encode(s->world, &triple, graph)).second) return;
        if (s->seen.size() > kMaxIndexedStatements)
            throw io_error(
                s->name + ": more than " + std::to_string(kMaxIndexedStatements) +
                " statements: too large for the embedded SPARQL engine; load the "
                "output into a triple store (Virtuoso, Fuseki, GraphDB; see the README)");
        if (!s->named) {
            add(s->model, s->union_context, &triple, s->name);
        } else if (graph) {
            s->quads.emplace_back(
                NodePtr(check_new(librdf_new_node_from_node(graph), "node")),
                StatementPtr(check_new(librdf_new_statement_from_statement(&triple), "statement")));
        } else {
            s->defaults.emplace_back(
                check_new(librdf_new_statement_from_statement(&triple), "statement"));
        }
    } catch (...) {
        s->error = std::current_exception();
        raptor_parser_parse_abort(s->parser);
    }
}

using RaptorParserPtr = std::unique_ptr<raptor_parser, CFree<raptor_free_parser>>;

} // namespace

Model Model::from_files(World& world, const std::vector<std::filesystem::path>& files,
                        Graphs graphs) {
    auto impl = new_model(world, Storage::Indexed);
    librdf_world* w = world.get();
    raptor_world* rw = librdf_world_get_raptor(w);
    NodePtr union_context = iri_node(world, kUnionGraph);
    LoadState state;
    state.world = w;
    state.model = impl->model.get();
    state.union_context = union_context.get();
    state.named = graphs == Graphs::Named;

    for (const auto& file : files) {
        state.name = file.string();
        const char* syntax = parser_for(file);
        if (!syntax)
            throw io_error("cannot load " + state.name +
                           ": unknown RDF file extension (use .ttl, .nt, .nq, .rdf or .json)");
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec))
            throw io_error("cannot read " + state.name + ": no such file");
        RaptorParserPtr parser(
            check_new(raptor_new_parser(rw, syntax), std::string("parser ") + syntax));
        state.parser = parser.get();
        raptor_parser_set_statement_handler(parser.get(), &state, &on_statement);
        const std::string abs = std::filesystem::absolute(file).string();
        UriPtr uri(check_new(librdf_new_uri_from_filename(w, abs.c_str()), "file URI " + abs));
        LogCapture log(w);
        const int rc = raptor_parser_parse_file(parser.get(), uri.get(), uri.get());
        if (state.error) std::rethrow_exception(state.error);
        if (rc != 0 || log.has_error())
            throw io_error(log.first_error(state.name) + " (parsing as " + syntax + ")");
    }
    for (const auto& st : state.defaults)
        if (librdf_model_add_statement(impl->model.get(), st.get()) != 0)
            throw io_error("librdf: could not add a statement");
    for (const auto& [ctx, st] : state.quads)
        add(impl->model.get(), ctx.get(), st.get(), "the data");
    return Model(std::move(impl));
}

std::size_t Model::size() const {
    const int n = librdf_model_size(impl_->model.get());
    return n < 0 ? 0 : static_cast<std::size_t>(n);
}

librdf_model_s* Model::get() const {
    return impl_->model.get();
}

bool Model::indexed() const {
    return impl_->indexed;
}

World& Model::world() const {
    return *impl_->world;
}

std::vector<Triple> Model::triples() const {
    std::vector<Triple> out;
    StreamPtr stream(check_new(librdf_model_as_stream(impl_->model.get()), "model stream"));
    for (; !librdf_stream_end(stream.get()); librdf_stream_next(stream.get())) {
        librdf_statement* st = librdf_stream_get_object(stream.get());
        out.push_back(Triple{to_term(librdf_statement_get_subject(st)),
                             to_term(librdf_statement_get_predicate(st)),
                             to_term(librdf_statement_get_object(st))});
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace parley::rdf
