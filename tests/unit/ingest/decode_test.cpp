// Decoding of input files: byte order marks, UTF-16, Windows-1252 detection, invalid UTF-8 with
// the exact byte offset, lenient replacement, binary and empty files.
#include "core/error.hpp"
#include "ingest/ingest.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

using Catch::Matchers::Contains;
using parley::Document;
using parley::IngestOptions;

namespace {

const std::filesystem::path kData = PARLEY_TEST_DATA;

bool has_warning(const std::vector<std::string>& warnings, const std::string& part) {
    return std::any_of(warnings.begin(), warnings.end(),
                       [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

/// The message of the `ParleyError` that `make_document` throws for `bytes`, or "" when none.
std::string error_of(const std::string& bytes, bool lenient = false) {
    IngestOptions options;
    options.lenient = lenient;
    try {
        (void)parley::make_document("mem.txt", bytes, options);
    } catch (const parley::ParleyError& e) {
        CHECK(e.code() == parley::ExitCode::Usage);
        return e.what();
    }
    return {};
}

} // namespace

TEST_CASE("a UTF-8 byte order mark is removed with a warning", "[ingest]") {
    const Document doc = parley::read_document(kData / "good/ingest-bom-utf8.txt", {});
    CHECK(doc.id == "ingest-bom-utf8.txt");
    CHECK(doc.text.rfind("Published 2025-06-02\n", 0) == 0);
    CHECK(has_warning(doc.warnings, "ingest-bom-utf8.txt: removed a UTF-8 byte order mark"));
    REQUIRE(doc.published);
    CHECK(doc.published->iso() == "2025-06-02");
    CHECK(doc.title == "Talks resume in Geneva");
    CHECK(doc.outlet == "Reuters");
    // The Published line is metadata; the headline and the two sentences remain.
    REQUIRE(doc.sentences.size() == 3);
    CHECK(doc.sentence_text(0) == "Talks resume in Geneva");
    CHECK(doc.sentence_text(1) == "GENEVA, June 2 (Reuters) - Envoys of both sides met on Monday.");
    CHECK(doc.sentence_text(2) == "They agreed to meet again.");
}

TEST_CASE("UTF-16LE with a byte order mark is converted to UTF-8", "[ingest]") {
    const Document doc = parley::read_document(kData / "good/ingest-utf16le-bom.txt", {});
    CHECK(doc.text == "Vu\u010Di\u0107 met S\u00F8rensen in Brussels.\nThey spoke for an hour.\n");
    CHECK(has_warning(doc.warnings, "decoded as UTF-16LE (byte order mark)"));
    CHECK(doc.sentences.size() == 2);
}

TEST_CASE("UTF-16 and UTF-32 with byte order marks, and truncated UTF-16", "[ingest]") {
    const std::string be = std::string("\xFE\xFF\0A\0b\x01\x0D", 8);
    CHECK(parley::make_document("be.txt", be, {}).text == "Ab\u010D");
    const std::string utf32 = std::string("\xFF\xFE\0\0\x41\0\0\0\x0D\x01\0\0", 12);
    CHECK(parley::make_document("le32.txt", utf32, {}).text == "A\u010D");
    // An odd number of bytes leaves half a code unit at byte 5.
    const std::string odd = std::string("\xFF\xFE\x41\0\x42", 5);
    CHECK_THAT(error_of(odd), Contains("mem.txt: invalid UTF-16LE at byte 4"));
    // A lone surrogate (D800) at byte 4.
    const std::string lone = std::string("\xFF\xFE\x41\0\x00\xD8\x42\0", 8);
    CHECK_THAT(error_of(lone), Contains("mem.txt: invalid UTF-16LE at byte 4"));
    IngestOptions lenient;
    lenient.lenient = true;
    const Document doc = parley::make_document("lone.txt", lone, lenient);
    CHECK(doc.text == "A\uFFFDB");
    CHECK(has_warning(doc.warnings, "replaced 1 invalid UTF-16LE sequence(s)"));
}

TEST_CASE("windows-1252 text is detected and converted", "[ingest]") {
    const Document doc = parley::read_document(kData / "good/ingest-windows-1252.txt", {});
    CHECK(has_warning(doc.warnings, "ingest-windows-1252.txt: decoded as windows-1252"));
    CHECK_THAT(doc.text, Contains("Z\u00FCrich"));
    CHECK_THAT(doc.text, Contains("caf\u00E9"));
    CHECK_THAT(doc.text, Contains("\u201Cconstructive\u201D"));
    CHECK(doc.sentences.size() == 1);
}

TEST_CASE("broken UTF-8 is an error naming the file and the exact byte", "[ingest]") {
    try {
        (void)parley::read_document(kData / "bad/ingest-broken-utf8.txt", {});
        FAIL("no error");
    } catch (const parley::ParleyError& e) {
        CHECK(e.code() == parley::ExitCode::Usage);
        CHECK_THAT(e.what(), Contains("ingest-broken-utf8.txt: invalid UTF-8 at byte 67"));
    }
}

TEST_CASE("UTF-8 errors are reported at the first bad byte", "[ingest]") {
    // Valid multi-byte text elsewhere means the file is meant to be UTF-8: no charset guessing.
    CHECK_THAT(error_of("\u010Dabc \xC4"), Contains("invalid UTF-8 at byte 6"));       // truncated
    CHECK_THAT(error_of("\u010D\xC0\xAF"), Contains("invalid UTF-8 at byte 2"));       // overlong
    CHECK_THAT(error_of("ab\xED\xA0\x80\u010D"), Contains("invalid UTF-8 at byte 2")); // surrogate
    CHECK_THAT(error_of("\u010D\xF4\x90\x80\x80"), Contains("invalid UTF-8 at byte 2")); // > 10FFFF
    CHECK_THAT(error_of("x\u010D\xE2\x82"), Contains("invalid UTF-8 at byte 3"));
    // A UTF-8 byte order mark counts in the offset and rules out charset detection.
    CHECK_THAT(error_of("\xEF\xBB\xBF"
                        "abc\xE9 and more words here in English"),
               Contains("invalid UTF-8 at byte 6"));
    // High bytes that no 8-bit Latin charset explains are invalid UTF-8, not guessed.
    CHECK_THAT(error_of("\x8F\xBF\x90\x8F\x9D\x81"), Contains("invalid UTF-8 at byte 0"));
    // Valid UTF-8 is never an error.
    CHECK(error_of("Vu\u010Di\u0107, \u0417\u0435\u043B\u0435\u043D\u0441\u044C\u043A\u0438\u0439")
              .empty());
}

TEST_CASE("lenient mode replaces invalid UTF-8 with U+FFFD and warns", "[ingest]") {
    IngestOptions options;
    options.lenient = true;
    const Document doc =
        parley::make_document("mem.txt", "Vu\u010Di\u0107 \xC4 ok \xF0\x9F\x98 end.", options);
    CHECK(doc.text == "Vu\u010Di\u0107 \uFFFD ok \uFFFD end.");
    CHECK(
        has_warning(doc.warnings,
                    "mem.txt: replaced 2 invalid UTF-8 sequence(s) with U+FFFD (first at byte 8)"));
    CHECK(error_of("Vu\u010Di\u0107 \xC4", true).empty());
}

TEST_CASE("binary files are skipped with a warning", "[ingest]") {
    const auto file = kData / "bad/ingest-binary-nul.txt";
    CHECK_THROWS_AS(parley::read_document(file, {}), parley::SkippedFile);
    std::vector<std::string> warnings;
    CHECK_FALSE(parley::try_read_document(file, {}, warnings).has_value());
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings[0], Contains("ingest-binary-nul.txt: skipped: binary file"));
    CHECK_THAT(warnings[0], Contains("NUL"));
    // Mostly control characters, no NUL.
    CHECK_THROWS_AS(parley::make_document("ctl.txt", "\x01\x02\x03\x04x", {}), parley::SkippedFile);
    // UTF-16 text that decodes to NULs is binary too.
    CHECK_THROWS_AS(parley::make_document("z.txt",
                                          std::string("\xFF\xFE"
                                                      "A\0\0\0B\0",
                                                      8),
                                          {}),
                    parley::SkippedFile);
}

TEST_CASE("read_documents skips binary files and keeps ids unique", "[ingest]") {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("parley-ingest-docs-" + std::to_string(std::random_device{}()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "a");
    std::filesystem::create_directories(dir / "b");
    {
        std::ofstream(dir / "a/x.txt") << "First text.\n";
        std::ofstream(dir / "b/x.txt") << "Second text.\n";
        std::ofstream(dir / "b/bin.txt", std::ios::binary) << std::string("\0\0\x01", 3);
    }
    const auto files = parley::collect_inputs({(dir / "a").string(), (dir / "b").string()});
    REQUIRE(files.size() == 3);
    std::vector<std::string> warnings;
    const auto docs = parley::read_documents(files, {}, warnings);
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].id == "x.txt");
    CHECK(docs[1].id == (dir / "b/x.txt").lexically_normal().generic_string());
    CHECK(has_warning(warnings, "bin.txt: skipped: binary file"));
    CHECK(has_warning(warnings, "file name also used by"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("an empty file gives a document without sentences and a warning", "[ingest]") {
    const Document doc = parley::read_document(kData / "bad/ingest-empty.txt", {});
    CHECK(doc.text.empty());
    CHECK(doc.sentences.empty());
    CHECK(has_warning(doc.warnings, "ingest-empty.txt: empty file"));
    const Document blank = parley::make_document("blank.txt", " \n\n\t\n", {});
    CHECK(blank.sentences.empty());
    CHECK(has_warning(blank.warnings, "blank.txt: no text"));
}

TEST_CASE("line ends, control characters and NFC are normalized", "[ingest]") {
    const Document doc = parley::make_document("crlf.txt", "One.\r\nTwo.\rThree\x07 four.", {});
    CHECK(doc.text == "One.\nTwo.\nThree  four.");
    CHECK(doc.sentences.size() == 3);
    CHECK(has_warning(doc.warnings, "replaced 1 control character(s)"));
    // Decomposed "é" is composed; offsets refer to the normalized text.
    const Document nfc = parley::make_document("nfc.txt", "Cafe\u0301 talks. Done.", {});
    CHECK(nfc.text == "Caf\u00E9 talks. Done.");
    REQUIRE(nfc.sentences.size() == 2);
    CHECK(nfc.sentences[1].begin == 13);
    CHECK(nfc.char_offset(nfc.sentences[1].begin) == 12);
    // Noncharacters become U+FFFD.
    CHECK(parley::make_document("nc.txt", "a\uFDD0b", {}).text == "a\uFFFDb");
}

TEST_CASE("long runs of combining marks stay linear", "[ingest][slow]") {
    std::string text = "a";
    for (int i = 0; i < 400000; ++i)
        text += (i % 2 == 0) ? "\u0301" : "\u0316";
    const auto t0 = std::chrono::steady_clock::now();
    const Document doc = parley::make_document("marks.txt", text, {});
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - t0;
    CHECK(took.count() < 10.0); // quadratic reordering takes minutes here
    CHECK(has_warning(doc.warnings, "inserted U+034F"));
    CHECK_THAT(doc.text, Contains("\u034F"));
}

TEST_CASE("options.date overrides the date of the text", "[ingest]") {
    IngestOptions options;
    options.date = parley::Date{2024, 1, 31};
    const Document doc = parley::make_document("d.txt", "Published 2025-06-02\n\nTitle\n", options);
    REQUIRE(doc.published);
    CHECK(doc.published->iso() == "2024-01-31");
}
