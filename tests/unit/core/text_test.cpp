// slugify, name_key (must agree with `norm()` of the reference scorer), fold_case, nfc, UTF-8.
#include "core/text.hpp"

#include <catch2/catch.hpp>
#include <string>

TEST_CASE("slugify transliterates to lower-case ASCII with dashes", "[core]") {
    CHECK(parley::slugify("Vu\u010Di\u0107") == "vucic");
    CHECK(parley::slugify("U.S.") == "u-s");
    CHECK(parley::slugify("Volodymyr Zelensky") == "volodymyr-zelensky");
    CHECK(parley::slugify("  --Peter S\u00F8rensen!! ") == "peter-sorensen");
    CHECK(parley::slugify("Stra\u00DFe") == "strasse");
    CHECK(parley::slugify("\u0417\u0435\u043B\u0435\u043D\u0441\u044C\u043A\u0438\u0439") ==
          "zelenskij");
    CHECK(parley::slugify("dev-01.txt") == "dev-01-txt");
    CHECK(parley::slugify("") == "x");
    CHECK(parley::slugify("!!!") == "x");
    const parley::Slugifier slug;
    for (const char* s :
         {"Vu\u010Di\u0107", "U.S.", "Recep Tayyip Erdo\u011Fan", "\u00C9lys\u00E9e"})
        CHECK(slug(s) == parley::slugify(s));
    CHECK(slug("Recep Tayyip Erdo\u011Fan") == "recep-tayyip-erdogan");
}

TEST_CASE("name_key follows the reference scorer's norm()", "[core]") {
    CHECK(parley::name_key("Zelenskyy,") == "zelenskyy");
    CHECK(parley::name_key("Vu\u010Di\u0107") == "vucic");
    CHECK(parley::name_key("  Jean-Claude \t Juncker ") == "jeanclaude juncker");
    CHECK(parley::name_key("Stra\u00DFe") == "strasse");
    CHECK(parley::name_key("\u0130stanbul") == "istanbul");
    CHECK(parley::name_key("Al-Burhan\u2019s \u201Cplan\u201D") == "alburhans plan");
    CHECK(parley::name_key("\uFB01nance") == "finance");         // NFKD expands the ligature
    CHECK(parley::name_key("S\u00F8rensen") == "s\u00F8rensen"); // ø does not decompose
    CHECK(parley::name_key("A\u00A0B\u2003C") == "a b c");
    CHECK(parley::name_key("U.S.") == "us");
    CHECK(parley::name_key("...").empty());
}

TEST_CASE("fold_case and nfc", "[core]") {
    CHECK(parley::fold_case("\u00C0B Stra\u00DFe") == "\u00E0b strasse");
    CHECK(parley::nfc("Cafe\u0301") == "Caf\u00E9");
    CHECK(parley::nfc("already NFC") == "already NFC");
    CHECK(parley::nfc("bad \xC4 byte") == "bad \uFFFD byte");
    CHECK(parley::is_nfc("Caf\u00E9"));
    CHECK_FALSE(parley::is_nfc("Cafe\u0301"));
    CHECK_FALSE(parley::is_nfc("bad \xC4"));
}

TEST_CASE("UTF-8 validation follows Unicode table 3-7", "[core]") {
    CHECK(parley::utf8_error_offset("plain") == std::string_view::npos);
    CHECK(parley::utf8_error_offset("Vu\u010Di\u0107 \U0001F600") == std::string_view::npos);
    CHECK(parley::utf8_error_offset("ab\xC0\x80") == 2);        // overlong
    CHECK(parley::utf8_error_offset("\xED\xA0\x80") == 0);      // surrogate
    CHECK(parley::utf8_error_offset("a\xF4\x90\x80\x80") == 1); // above U+10FFFF
    CHECK(parley::utf8_error_offset("ok\xE2\x82") == 2);        // truncated
    CHECK(parley::utf8_error_offset("\x80") == 0);              // lone continuation
    const auto step = parley::utf8_step("\xF0\x9F\x98x", 0);
    CHECK_FALSE(step.valid);
    CHECK(step.length == 3);
    CHECK(parley::utf8_step("\xF0\x9F\x98\x80", 0).length == 4);
}
