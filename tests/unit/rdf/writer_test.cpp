// The RDF writer: every format parses back with librdf to the same triples, literals survive any
// character, entailments and provenance are there, output is byte-identical across runs, and
// failed writes leave the previous output and no temporary file.
#include "core/error.hpp"
#include "rdf/atomic_file.hpp"
#include "rdf/iri.hpp"
#include "rdf/model.hpp"
#include "rdf/world.hpp"
#include "rdf/writer.hpp"
#include "sample_graph.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/resource.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace parley;
using namespace parley::rdf;
using Catch::Matchers::Contains;

namespace {

/// A fresh empty directory under the system temp dir, removed at the end of the test.
struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name) {
        path =
            fs::temp_directory_path() / ("parley-rdf-" + name + "-" + std::to_string(::getpid()));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::set<Triple> as_set(const std::vector<Triple>& v) {
    return {v.begin(), v.end()};
}

const Term* object_of(const std::vector<Triple>& ts, const std::string& s, const std::string& p) {
    for (const auto& t : ts)
        if (t.s.value == s && t.p.value == p) return &t.o;
    return nullptr;
}

bool has(const std::vector<Triple>& ts, const std::string& s, const std::string& p, const Term& o) {
    return std::find(ts.begin(), ts.end(), Triple{Term::iri(s), Term::iri(p), o}) != ts.end();
}

bool temp_files_left(const fs::path& dir) {
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) return true;
    return false;
}

const std::string kZel = resource_iri("person/volodymyr-zelensky");
const std::string kPlan = resource_iri("proposal/20-point-plan");

} // namespace

TEST_CASE("iri: keys are percent-encoded defensively, hashes and decimals are stable", "[rdf]") {
    CHECK(resource_iri("person/volodymyr-zelensky") ==
          "https://w3id.org/parley/id/person/volodymyr-zelensky");
    CHECK(encode_key("person/jos\xC3\xA9 x") == "person/jos%C3%A9%20x");
    CHECK(encode_key("a<b>\"c\"") == "a%3Cb%3E%22c%22");
    CHECK(wikidata_iri("Q212") == "http://www.wikidata.org/entity/Q212");
    CHECK(wikidata_iri("Q21x").empty());
    CHECK(wikidata_iri("").empty());
    CHECK(hash_hex("") == "cbf29ce484222325");
    CHECK(hash_hex("a") == "af63dc4c8601ec8c");
    CHECK(decimal_lexical(0.8) == "0.8");
    CHECK(decimal_lexical(1.0) == "1.0");
    CHECK(decimal_lexical(0.125) == "0.125");
}

TEST_CASE("rdf: ttl, nt and nq parse back to the same triples", "[rdf]") {
    World world;
    const auto sample = test::sample_graph();
    TempDir dir("formats");
    const WriteSummary sum =
        write_graph(world, sample.graph, sample.docs, {dir.path, {"ttl", "nt", "nq"}});
    REQUIRE(sum.files.size() == 3);
    CHECK(sum.files[0] == dir.path / "graph.ttl");
    REQUIRE(sum.triples > 50);
    CHECK(sum.quads > sum.triples); // several triples are stated by both documents

    const Model ttl = Model::from_files(world, {dir.path / "graph.ttl"});
    const Model nt = Model::from_files(world, {dir.path / "graph.nt"});
    const Model nq = Model::from_files(world, {dir.path / "graph.nq"});
    const Model nq_named = Model::from_files(world, {dir.path / "graph.nq"}, Model::Graphs::Named);
    CHECK(ttl.size() == sum.triples);
    CHECK(nt.size() == sum.triples);
    CHECK(nq.size() == sum.triples);
    CHECK(nq_named.size() == sum.quads);
    const auto nt_triples = nt.triples();
    CHECK(as_set(ttl.triples()) == as_set(nt_triples));
    CHECK(as_set(nq.triples()) == as_set(nt_triples));
    CHECK(as_set(nq_named.triples()) == as_set(nt_triples));
    // The same triples as the in-memory model and as the triple set itself.
    const auto expected = build_triples(sample.graph, sample.docs);
    CHECK(as_set(Model::from_graph(world, sample.graph, sample.docs).triples()) ==
          as_set(expected.triples));
    CHECK(as_set(nt_triples) == as_set(expected.triples));
}

TEST_CASE("rdf: values, datatypes, language tags, entailments and provenance", "[rdf]") {
    World world;
    const auto sample = test::sample_graph();
    TempDir dir("values");
    write_graph(world, sample.graph, sample.docs, {dir.path, {"ttl"}});
    const auto ts = Model::from_files(world, {dir.path / "graph.ttl"}).triples();
    const std::string rdf_type = term(kRdf, "type");

    CHECK(has(ts, kZel, term(kRdfs, "label"), Term::plain("Volodymyr Zelensky")));
    CHECK(has(ts, kZel, term(kSkos, "altLabel"), Term::plain("Zelenskyy")));
    CHECK(
        has(ts, kZel, term(kOwl, "sameAs"), Term::iri("http://www.wikidata.org/entity/Q3874799")));
    CHECK(has(ts, kZel, term(kPl, "role"), Term::plain("President")));
    CHECK(has(ts, kZel, term(kPl, "numSources"), Term::typed("2", term(kXsd, "integer"))));
    CHECK(has(ts, kZel, term(kPl, "mentionedIn"), Term::iri(document_iri("dev-02.txt"))));
    CHECK(document_iri("dev-01.txt") == "https://w3id.org/parley/id/document/dev-01-txt");

    const Term* date = object_of(ts, resource_iri("meeting/2025-12-14-berlin"), term(kPl, "date"));
    REQUIRE(date);
    CHECK(*date == Term::typed("2025-12-14", term(kXsd, "date")));
    const Term* text = object_of(ts, resource_iri("statement/dev-01-txt-1"), term(kPl, "text"));
    REQUIRE(text);
    CHECK(text->kind == Term::Kind::Lang);
    CHECK(text->tag == "en");
    CHECK(text->value == test::tricky_sentence()); // every character survives the round trip

    // Entailments: the super-class and the super-properties.
    CHECK(has(ts, kZel, rdf_type, Term::iri(term(kPl, "Actor"))));
    CHECK(has(ts, resource_iri("country/ukraine"), rdf_type, Term::iri(term(kPl, "Actor"))));
    CHECK(has(ts, kZel, term(kPl, "rejects"), Term::iri(kPlan)));
    CHECK(has(ts, kZel, term(kPl, "opposes"), Term::iri(kPlan)));
    CHECK(has(ts, resource_iri("meeting/2025-12-14-berlin"), term(kPl, "participant"),
              Term::iri(resource_iri("person/steve-witkoff"))));

    // Documents.
    const std::string doc = document_iri("dev-01.txt");
    CHECK(has(ts, doc, rdf_type, Term::iri(term(kPl, "Document"))));
    CHECK(has(ts, doc, term(kPl, "fileName"), Term::plain("dev-01.txt")));
    CHECK(has(ts, doc, term(kPl, "outlet"), Term::plain("Reuters")));
    CHECK(has(ts, doc, term(kPl, "published"), Term::typed("2025-12-14", term(kXsd, "date"))));
    CHECK(has(ts, doc, term(kDcterms, "title"), Term::lang("Talks in Berlin", "en")));

    // Provenance of the rejects fact: two sources, two evidences, the highest confidence.
    const std::string fact =
        term(kPr, "fact/" + hash_hex(kZel + '\n' + term(kPl, "rejects") + '\n' + kPlan));
    CHECK(has(ts, fact, rdf_type, Term::iri(term(kPl, "Fact"))));
    CHECK(has(ts, fact, term(kRdf, "subject"), Term::iri(kZel)));
    CHECK(has(ts, fact, term(kRdf, "predicate"), Term::iri(term(kPl, "rejects"))));
    CHECK(has(ts, fact, term(kRdf, "object"), Term::iri(kPlan)));
    CHECK(has(ts, fact, term(kPl, "numSources"), Term::typed("2", term(kXsd, "integer"))));
    CHECK(has(ts, fact, term(kPl, "confidence"), Term::typed("0.9", term(kXsd, "decimal"))));
    std::vector<std::string> evidences;
    for (const auto& t : ts)
        if (t.s.value == fact && t.p.value == term(kPl, "evidence")) evidences.push_back(t.o.value);
    REQUIRE(evidences.size() == 2);
    bool tricky_found = false;
    for (const auto& ev : evidences) {
        CHECK(has(ts, ev, rdf_type, Term::iri(term(kPl, "Evidence"))));
        const Term* sentence = object_of(ts, ev, term(kPl, "sentence"));
        REQUIRE(sentence);
        if (sentence->value != test::tricky_sentence()) continue;
        tricky_found = true;
        CHECK(has(ts, ev, term(kPl, "document"), Term::iri(doc)));
        CHECK(has(ts, ev, term(kProv, "wasDerivedFrom"), Term::iri(doc)));
        CHECK(has(ts, ev, term(kPl, "beginOffset"), Term::typed("21", term(kXsd, "integer"))));
        CHECK(has(ts, ev, term(kPl, "endOffset"), Term::typed("60", term(kXsd, "integer"))));
        CHECK(has(ts, ev, term(kPl, "rule"), Term::plain("stance.reject")));
        CHECK(has(ts, ev, term(kPl, "confidence"), Term::typed("0.7", term(kXsd, "decimal"))));
    }
    CHECK(tricky_found);
    // Entailed triples carry no evidence of their own.
    const std::string entailed =
        term(kPr, "fact/" + hash_hex(kZel + '\n' + term(kPl, "opposes") + '\n' + kPlan));
    CHECK_FALSE(object_of(ts, entailed, rdf_type));
}

TEST_CASE("rdf: --no-entail and no provenance leave those triples out", "[rdf]") {
    const auto sample = test::sample_graph();
    const auto full = build_triples(sample.graph, sample.docs);
    const auto bare = build_triples(sample.graph, sample.docs, {false, false});
    CHECK(bare.size() < full.size());
    for (const auto& t : bare.triples) {
        CHECK(t.p.value != term(kPl, "opposes"));
        CHECK(t.o.value != term(kPl, "Actor"));
        CHECK(t.s.value.find("/fact/") == std::string::npos);
    }
}

TEST_CASE("rdf: nq puts each triple into the graphs of its documents", "[rdf]") {
    const auto sample = test::sample_graph();
    const auto set = build_triples(sample.graph, sample.docs);
    const auto find = [&](const std::string& s, const std::string& p, const Term& o) {
        const auto it = std::find(set.triples.begin(), set.triples.end(),
                                  Triple{Term::iri(s), Term::iri(p), o});
        REQUIRE(it != set.triples.end());
        std::vector<std::string> names;
        for (auto g : set.graphs_of(static_cast<std::size_t>(it - set.triples.begin())))
            names.push_back(set.graph_names[g]);
        return names;
    };
    const std::string d1 = document_iri("dev-01.txt"), d2 = document_iri("dev-02.txt");
    CHECK(find(kZel, term(kRdfs, "label"), Term::plain("Volodymyr Zelensky")) ==
          std::vector<std::string>{d1, d2});
    CHECK(find(kZel, term(kPl, "rejects"), Term::iri(kPlan)) == std::vector<std::string>{d1, d2});
    CHECK(find(kZel, term(kPl, "opposes"), Term::iri(kPlan)) == std::vector<std::string>{d1, d2});
    CHECK(find(kZel, term(kPl, "mentionedIn"), Term::iri(d2)) == std::vector<std::string>{d2});
    CHECK(find(d1, term(kPl, "fileName"), Term::plain("dev-01.txt")) ==
          std::vector<std::string>{d1});
    // The affiliation has no evidence: it goes with the documents of the person.
    CHECK(find(kZel, term(kPl, "affiliation"), Term::iri(resource_iri("country/ukraine"))) ==
          std::vector<std::string>{d1, d2});
}

TEST_CASE("rdf: writing twice gives byte-identical files in every format", "[rdf]") {
    World world;
    const auto sample = test::sample_graph(false);
    TempDir one("det1"), two("det2");
    const std::vector<std::string> formats = {"ttl", "nt", "nq", "rdf", "json"};
    write_graph(world, sample.graph, sample.docs, {one.path, formats});
    write_graph(world, sample.graph, sample.docs, {two.path, formats});
    for (const auto& f : formats) {
        INFO(f);
        const std::string a = slurp(one.path / ("graph." + f));
        CHECK(!a.empty());
        CHECK(a == slurp(two.path / ("graph." + f)));
    }
    // The same dir again: the files are replaced, no temporary file is left.
    write_graph(world, sample.graph, sample.docs, {one.path, formats});
    CHECK(slurp(one.path / "graph.ttl") == slurp(two.path / "graph.ttl"));
    CHECK_FALSE(temp_files_left(one.path));
    // Turtle is readable: prefixes declared, prefixed names used.
    const std::string ttl = slurp(one.path / "graph.ttl");
    CHECK_THAT(ttl, Contains("@prefix pl: <https://w3id.org/parley/ontology#> ."));
    CHECK_THAT(ttl, Contains("@prefix person: <https://w3id.org/parley/id/person/> ."));
    CHECK_THAT(ttl, Contains("person:volodymyr-zelensky"));
}

TEST_CASE("rdf: RDF/XML and RDF/JSON hold the same triples", "[rdf]") {
    World world;
    const auto sample = test::sample_graph(false);
    TempDir dir("xmljson");
    const auto sum =
        write_graph(world, sample.graph, sample.docs, {dir.path, {"nt", "rdf", "json"}});
    const auto nt = as_set(Model::from_files(world, {dir.path / "graph.nt"}).triples());
    CHECK(nt.size() == sum.triples);
    CHECK(as_set(Model::from_files(world, {dir.path / "graph.rdf"}).triples()) == nt);
    CHECK(as_set(Model::from_files(world, {dir.path / "graph.json"}).triples()) == nt);
    // JSON has no \U escapes: the emoji is written as UTF-8.
    CHECK_THAT(slurp(dir.path / "graph.json"), Contains("\xF0\x9F\x98\x80"));
}

TEST_CASE("rdf: a control character cannot go into RDF/XML (exit 1), other formats are fine",
          "[rdf]") {
    World world;
    const auto sample = test::sample_graph(true);
    TempDir dir("xmlctl");
    try {
        (void)write_graph(world, sample.graph, sample.docs, {dir.path, {"rdf"}});
        FAIL("expected a ParleyError");
    } catch (const ParleyError& e) {
        CHECK(e.code() == ExitCode::Content);
        CHECK_THAT(e.what(), Contains("graph.rdf") && Contains("U+0001"));
    }
    CHECK_FALSE(fs::exists(dir.path / "graph.rdf"));
    CHECK_FALSE(temp_files_left(dir.path));
}

TEST_CASE("rdf: unknown formats and unusable directories are I/O errors", "[rdf]") {
    World world;
    const auto sample = test::sample_graph();
    TempDir dir("baddir");
    try {
        (void)write_graph(world, sample.graph, sample.docs, {dir.path, {"ttl", "xyz"}});
        FAIL("expected a ParleyError");
    } catch (const ParleyError& e) {
        CHECK(e.code() == ExitCode::Usage);
        CHECK_THAT(e.what(), Contains("xyz"));
    }
    CHECK_FALSE(fs::exists(dir.path / "graph.ttl")); // nothing written before the check
    // An output directory below a regular file cannot be created.
    std::ofstream(dir.path / "file") << "x";
    const fs::path bad = dir.path / "file" / "out";
    try {
        (void)write_graph(world, sample.graph, sample.docs, {bad, {"ttl"}});
        FAIL("expected a ParleyError");
    } catch (const ParleyError& e) {
        CHECK(e.code() == ExitCode::Usage);
        CHECK_THAT(e.what(), Contains(bad.string()));
    }
    // A read-only directory (only meaningful when not running as root).
    if (::geteuid() != 0) {
        const fs::path ro = dir.path / "ro";
        fs::create_directories(ro);
        fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
        CHECK_THROWS_AS(write_graph(world, sample.graph, sample.docs, {ro, {"ttl"}}), ParleyError);
        fs::permissions(ro, fs::perms::owner_all);
    }
}

TEST_CASE("rdf: a full disk gives an I/O error naming the file and keeps the old output", "[rdf]") {
    World world;
    const auto sample = test::sample_graph();
    TempDir dir("full");
    write_graph(world, sample.graph, sample.docs, {dir.path, {"ttl"}});
    const std::string before = slurp(dir.path / "graph.ttl");
    REQUIRE(before.size() > 2048);

    // Simulate a full disk: a file size limit makes writes fail with EFBIG (SIGXFSZ ignored).
    auto* old_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit old{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
    rlimit small = old;
    small.rlim_cur = 1024;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    std::string message;
    ExitCode code = ExitCode::Ok;
    try {
        (void)write_graph(world, sample.graph, sample.docs, {dir.path, {"ttl"}});
    } catch (const ParleyError& e) {
        message = e.what();
        code = e.code();
    }
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, old_handler);

    CHECK(code == ExitCode::Usage);
    CHECK_THAT(message, Contains("graph.ttl"));
    CHECK(slurp(dir.path / "graph.ttl") == before);
    CHECK_FALSE(temp_files_left(dir.path));
}

TEST_CASE("rdf: AtomicFile reports a failing device and removes its temporary file", "[rdf]") {
    TempDir dir("atomic");
    write_file_atomically(dir.path / "a.txt", "hello");
    CHECK(slurp(dir.path / "a.txt") == "hello");
    {
        AtomicFile f(dir.path / "a.txt");
        f.write("half");
        CHECK(fs::exists(f.temp_path()));
        // Not committed: the destructor removes the temporary file.
    }
    CHECK(slurp(dir.path / "a.txt") == "hello");
    CHECK_FALSE(temp_files_left(dir.path));
    // /dev/full as the target's directory is not a directory: an I/O error naming it.
    try {
        AtomicFile f(fs::path("/dev/full") / "graph.ttl");
        FAIL("expected a ParleyError");
    } catch (const ParleyError& e) {
        CHECK(e.code() == ExitCode::Usage);
        CHECK_THAT(e.what(), Contains("/dev/full"));
    }
}

TEST_CASE("rdf: loading reports syntax errors with file and line", "[rdf]") {
    World world;
    TempDir dir("parse");
    const fs::path bad = dir.path / "bad.ttl";
    std::ofstream(bad)
        << "@prefix ex: <http://example.org/> .\n\nex:a ex:b ex:c .\nex:a ex:b \"open\n";
    try {
        (void)Model::from_files(world, {bad});
        FAIL("expected a ParleyError");
    } catch (const ParleyError& e) {
        CHECK(e.code() == ExitCode::Usage);
        CHECK_THAT(e.what(), Contains("bad.ttl:"));
    }
    CHECK_THROWS_AS(Model::from_files(world, {dir.path / "missing.nt"}), ParleyError);
    CHECK_THROWS_AS(Model::from_files(world, {dir.path / "data.csv"}), ParleyError);
}
