// `Document::char_offset` after `make_document` (which indexes the text): the indexed lookup
// agrees with a plain code point count at every byte offset, also across block boundaries.
#include "ingest/ingest.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace {

std::size_t count_code_points(const std::string& text, std::size_t end) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < end && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
    return n;
}

} // namespace

TEST_CASE("char_offset counts code points in large multi-byte documents", "[ingest]") {
    std::string text = "Published 2025-03-10\n\nTitle\n\n";
    for (int i = 0; i < 400; ++i)
        text += "Vučić met Zoë in Zürich — «ça va» 😀. ";
    const parley::Document doc = parley::make_document("t.txt", text, {});
    REQUIRE(doc.text.size() > 3 * parley::Document::kCharBlock);
    REQUIRE(doc.char_marks.size() == doc.text.size() / parley::Document::kCharBlock + 1);
    for (std::size_t off = 0; off <= doc.text.size() + 2; ++off)
        REQUIRE(doc.char_offset(off) == count_code_points(doc.text, off));
    // A changed text without a new index falls back to counting.
    parley::Document copy = doc;
    copy.text += "ééé";
    CHECK(copy.char_offset(copy.text.size()) == count_code_points(copy.text, copy.text.size()));
}
