// collect_inputs: files and directories, sorted and unique, clear errors.
#include "core/error.hpp"
#include "ingest/ingest.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

/// A scratch directory of its own (tests may run in parallel), removed at the end of the test.
struct TempDir {
    fs::path path =
        fs::temp_directory_path() / ("parley-ingest-" + std::to_string(std::random_device{}()));
    TempDir() {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    void write(const std::string& rel, const std::string& content = "Text.\n") const {
        fs::create_directories((path / rel).parent_path());
        std::ofstream(path / rel) << content;
    }
};

} // namespace

TEST_CASE("collect_inputs expands directories into sorted, unique *.txt files", "[ingest]") {
    TempDir dir;
    dir.write("b.txt");
    dir.write("a.txt");
    dir.write("sub/c.TXT");
    dir.write("sub/deeper/d.txt");
    dir.write("notes.md");
    dir.write(".hidden.txt");
    dir.write(".git/e.txt");
    const fs::path root = dir.path;
    const auto files = parley::collect_inputs(
        {root.string(), (root / "a.txt").string(), (root / "sub/../b.txt").string()});
    REQUIRE(files.size() == 4);
    CHECK(files[0] == root / "a.txt");
    CHECK(files[1] == root / "b.txt");
    CHECK(files[2] == root / "sub/c.TXT");
    CHECK(files[3] == root / "sub/deeper/d.txt");
    // An explicitly named file is taken whatever its extension.
    const auto md = parley::collect_inputs({(root / "notes.md").string()});
    REQUIRE(md.size() == 1);
    CHECK(md[0].filename() == "notes.md");
}

TEST_CASE("collect_inputs reports missing paths and empty inputs", "[ingest]") {
    TempDir dir;
    const std::string missing = (dir.path / "nope.txt").string();
    try {
        (void)parley::collect_inputs({missing});
        FAIL("no error");
    } catch (const parley::ParleyError& e) {
        CHECK(e.code() == parley::ExitCode::Usage);
        CHECK_THAT(e.what(), Contains(missing) && Contains("no such file or directory"));
    }
    dir.write("only.md");
    try {
        (void)parley::collect_inputs({dir.path.string()});
        FAIL("no error");
    } catch (const parley::ParleyError& e) {
        CHECK(e.code() == parley::ExitCode::Usage);
        CHECK_THAT(e.what(), Contains("no *.txt files found in " + dir.path.string()));
    }
    CHECK_THROWS_AS(parley::collect_inputs({}), parley::ParleyError);
}

TEST_CASE("read_document reports unreadable files", "[ingest]") {
    TempDir dir;
    CHECK_THROWS_WITH(parley::read_document(dir.path / "gone.txt", {}),
                      Contains("gone.txt: cannot open"));
    CHECK_THROWS_WITH(parley::read_document(dir.path, {}), Contains("is a directory"));
}
