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
    const auto expected = build_triples(sample.graph, sample.docs).to_triples();
    CHECK(as_set(Model::from_graph(world, sample.graph, sample.docs).triples()) ==
          as_set(expected));
    CHECK(as_set(nt_triples) == as_set(expected));
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
    for (const auto& t : bare.to_triples()) {
        CHECK(t.p.value != term(kPl, "opposes"));
        CHECK(t.o.value != term(kPl, "Actor"));
        CHECK(t.s.value.find("/fact/") == std::string::npos);
    }
}

TEST_CASE("rdf: nq puts each triple into the graphs of its documents", "[rdf]") {
    const auto sample = test::sample_graph();
    const auto set = build_triples(sample.graph, sample.docs);
    const auto triples = set.to_triples();
    const auto find = [&](const std::string& s, const std::string& p, const Term& o) {
        const auto it =
            std::find(triples.begin(), triples.end(), Triple{Term::iri(s), Term::iri(p), o});
        REQUIRE(it != triples.end());
        std::vector<std::string> names;
        for (auto g : set.graphs_of(static_cast<std::size_t>(it - triples.begin())))
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

namespace {

/// `triples` sorted and de-duplicated as a `TripleSet`: every triple in the named graph `graph`,
/// or in the default graph when `graph` is empty.
TripleSet set_of(const std::vector<Triple>& triples, const std::string& graph = "") {
    return make_triple_set(triples, graph);
}

/// Texts that need escaping somewhere: every ASCII control character, quotes in every
/// arrangement a long string could trip over, backslashes, non-BMP and right-to-left characters,
/// combining marks, and text that looks like Turtle or N-Triples.
std::vector<std::string> hostile_texts() {
    std::vector<std::string> out = {"",
                                    "\"",
                                    "\"\"",
                                    "\"\"\"",
                                    "a\"\"\"\"b",
                                    "ends with a quote\"",
                                    "ends with a backslash\\",
                                    "\\\"\\\\\"",
                                    "'single' '''triple'''",
                                    "line\nbreak\r\nand\rcarriage",
                                    "\xF0\x9F\x98\x80 \xF0\x90\x8D\x88 \xF4\x8F\xBF\xBF",
                                    "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xE2\x80\x8F\xE2\x80\xAE",
                                    "e\xCC\x81\xCC\x81\xCC\x81 \xE4\xB8\xAD\xE6\x96\x87",
                                    "\xE2\x80\xA8 line separator \xE2\x80\xA9",
                                    "\xEF\xBF\xBE noncharacter",
                                    "<x> <y> \"z\" . @prefix p: <http://evil/> . _:b ; ] [ # }",
                                    "\\u0041 \\U0001F600 \\n not escapes"};
    std::string controls;
    for (int c = 1; c < 0x20; ++c)
        controls.push_back(static_cast<char>(c));
    controls.push_back('\x7F');
    out.push_back(controls);
    return out;
}

/// Lines of `text` that start a Turtle subject (no indentation, not a directive, not empty).
std::vector<std::string> subject_lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '\t' && line[0] != '@') out.push_back(line);
    return out;
}

} // namespace

TEST_CASE("rdf: Serd writes any literal text so that raptor reads it back unchanged", "[rdf]") {
    World world;
    std::vector<Triple> triples;
    const auto texts = hostile_texts();
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::string s = resource_iri("statement/s-" + std::to_string(i));
        triples.push_back({Term::iri(s), Term::iri(term(kPl, "text")), Term::plain(texts[i])});
        triples.push_back(
            {Term::iri(s), Term::iri(term(kPl, "sentence")), Term::lang(texts[i], "en")});
        triples.push_back({Term::iri(s), Term::iri(term(kPl, "rule")),
                           Term::typed(texts[i], "http://example.org/datatype")});
    }
    const TripleSet set = set_of(triples, document_iri("hostile.txt"));
    TempDir dir("hostile");
    const auto sum = write_triples(world, set, dir.path, {"ttl", "nt", "nq"});
    CHECK(sum.triples == set.size());
    REQUIRE(sum.seconds.size() == 3);
    const std::set<Triple> expected = as_set(set.to_triples());
    for (const char* f : {"graph.ttl", "graph.nt", "graph.nq"}) {
        INFO(f);
        CHECK(as_set(Model::from_files(world, {dir.path / f}).triples()) == expected);
    }
    // Every N-Triples and N-Quads statement is on one line.
    const std::string nt = slurp(dir.path / "graph.nt");
    CHECK(static_cast<std::size_t>(std::count(nt.begin(), nt.end(), '\n')) == set.size());
    const std::string nq = slurp(dir.path / "graph.nq");
    CHECK(static_cast<std::size_t>(std::count(nq.begin(), nq.end(), '\n')) == set.quad_count());
    CHECK_THAT(nq, Contains("> <" + document_iri("hostile.txt") + "> .\n"));
    // UTF-8 stays UTF-8; control characters are escaped.
    CHECK_THAT(nt, Contains("\xF0\x9F\x98\x80"));
    CHECK_THAT(nt, Contains("\\u0001") && Contains("\\u007F") && Contains("\\n") &&
                       Contains("\\\"\\\"\\\""));
    // `to_ntriples` goes through the same writer.
    CHECK(to_ntriples(world, set.to_triples()) == nt);
}

TEST_CASE("rdf: Turtle is grouped by subject and abbreviates only plain local names", "[rdf]") {
    World world;
    const std::string a = resource_iri("person/ana-lovric");
    const std::string jose = resource_iri("person/jos\xC3\xA9"); // percent-encoded by the mint
    const std::string dot = resource_iri("person/ends-with.");
    const std::string foreign = "http://example.org/x/y";
    const std::string label = term(kRdfs, "label");
    const std::string knows = term(kPl, "participant");
    const TripleSet set = set_of({
        {Term::iri(a), Term::iri(label), Term::plain("Ana")},
        {Term::iri(a), Term::iri(knows), Term::iri(jose)},
        {Term::iri(a), Term::iri(knows), Term::iri(dot)},
        {Term::iri(a), Term::iri(term(kRdf, "type")), Term::iri(term(kPl, "Person"))},
        {Term::iri(jose), Term::iri(label), Term::plain("Jos\xC3\xA9")},
        {Term::iri(dot), Term::iri(label), Term::typed("1", term(kXsd, "integer"))},
        {Term::iri(foreign), Term::iri(label), Term::lang("x", "en-GB")},
        {Term::blank("b1"), Term::iri(label), Term::plain("blank")},
    });
    TempDir dir("grouped");
    (void)write_triples(world, set, dir.path, {"ttl"});
    const std::string ttl = slurp(dir.path / "graph.ttl");
    // The same triples (raptor renames blank nodes, so those are compared by count).
    std::set<Triple> read, want;
    std::size_t blank_read = 0, blank_want = 0;
    for (const auto& t : Model::from_files(world, {dir.path / "graph.ttl"}).triples())
        t.s.kind == Term::Kind::Blank ? (void)++blank_read : (void)read.insert(t);
    for (const auto& t : set.to_triples())
        t.s.kind == Term::Kind::Blank ? (void)++blank_want : (void)want.insert(t);
    CHECK(read == want);
    CHECK(blank_read == blank_want);
    CHECK_THAT(ttl, Contains("_:b1\n"));
    CHECK_THAT(ttl, Contains("@prefix person: <https://w3id.org/parley/id/person/> ."));
    CHECK_THAT(ttl, Contains("\ta pl:Person ;"));
    CHECK_THAT(ttl, Contains("person:ana-lovric\n"));
    CHECK_THAT(ttl, Contains("<https://w3id.org/parley/id/person/jos%C3%A9>"));
    CHECK_THAT(ttl, Contains("<https://w3id.org/parley/id/person/ends-with.>"));
    CHECK_THAT(ttl, Contains("<http://example.org/x/y>"));
    CHECK_THAT(ttl, Contains("\"1\"^^xsd:integer") && Contains("\"x\"@en-GB"));
    // One subject line per distinct subject, in the order of the set.
    const auto subjects = subject_lines(ttl);
    std::vector<std::string> expected;
    for (std::size_t i = 0; i < set.triples.size(); ++i)
        if (i == 0 || set.triples[i].s != set.triples[i - 1].s)
            expected.emplace_back(set.terms[set.triples[i].s].value);
    CHECK(subjects.size() == expected.size());
    CHECK(std::count(subjects.begin(), subjects.end(), "person:ana-lovric") == 1);
}

TEST_CASE("rdf: the write summary times every file", "[rdf]") {
    World world;
    const auto sample = test::sample_graph(false);
    TempDir dir("timing");
    const auto sum = write_graph(world, sample.graph, sample.docs, {dir.path, {"nt", "json"}});
    REQUIRE(sum.seconds.size() == 2);
    CHECK(sum.seconds_of("nt") >= 0);
    CHECK(sum.seconds_of("ttl") == 0);
    CHECK(sum.total_seconds() == Approx(sum.seconds[0] + sum.seconds[1]));
    CHECK_THAT(sum.timing(),
               Contains("write ") && Contains("nt ") && Contains("json ") && Contains("triples/s"));
}
