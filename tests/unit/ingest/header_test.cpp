// The first lines of an article: Published line, title, datelines, outlet.
#include "ingest/ingest.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace {

std::string date_of(const std::string& text) {
    const auto d = parley::find_publication_date(text);
    return d ? d->iso() : "";
}

} // namespace

TEST_CASE("Published lines in several forms", "[ingest]") {
    CHECK(date_of("Published 2025-12-14\n\nTitle\n") == "2025-12-14");
    CHECK(date_of("Published: 14 December 2025\nTitle\n") == "2025-12-14");
    CHECK(date_of("Published on Dec. 14, 2025\nTitle\n") == "2025-12-14");
    CHECK(date_of("PUBLISHED Sunday, December 14th, 2025 10:30\nTitle\n") == "2025-12-14");
    CHECK(date_of("published: Sept 3 2025\nTitle\n") == "2025-09-03");
    // The second line may hold it, after a headline.
    CHECK(date_of("Headline\nPublished 2025-01-02\n\nText.\n") == "2025-01-02");
    // Not a date, or not the first lines.
    CHECK(date_of("Published 2025-02-30\nTitle\n").empty());
    CHECK(date_of("Title\n\nBody.\n\nPublished 2025-12-14\n").empty());
    CHECK(date_of("Published reports say talks will resume.\n").empty());
}

TEST_CASE("datelines give dates only with a year", "[ingest]") {
    CHECK(date_of("PORT ALDER, 24 November 2025 \u2014\n\nThe army chief spoke.\n") ==
          "2025-11-24");
    CHECK(date_of("Summit ends\n\nWASHINGTON, Dec 3, 2025 (AP) \u2014 Leaders met.\n") ==
          "2025-12-03");
    CHECK(date_of("KYIV, Ukraine, Dec. 3, 2025 (AP) \u2014 Leaders met.\n") == "2025-12-03");
    CHECK(date_of("ISTANBUL, June 9 (Reuters) - Two delegations met.\n").empty());
    CHECK(date_of("BRUSSELS \u2013 Talks resumed.\n").empty());
    // A Published line wins over the dateline.
    CHECK(date_of("Published 2025-06-03\n\nISTANBUL, June 2, 2025 (Reuters) - Talks.\n") ==
          "2025-06-03");
    // A dateline later in the text does not count.
    CHECK(date_of("Title\n\nFirst paragraph.\n\nGENEVA, 1 May 2025 - Later.\n").empty());
}

TEST_CASE("dateline outlets and places", "[ingest]") {
    const auto reuters =
        parley::parse_header("Published 2025-06-02\n\nISTANBUL, June 2 (Reuters) - Talks.\n");
    CHECK(reuters.outlet == "Reuters");
    CHECK(reuters.dateline_place == "ISTANBUL");
    CHECK(reuters.title == "Talks."); // the lead paragraph without its dateline
    REQUIRE(reuters.published);
    CHECK(reuters.published->iso() == "2025-06-02");

    CHECK(parley::parse_header("Title\n\nWASHINGTON, Dec 3, 2025 (AP) \u2014 Text.").outlet ==
          "Associated Press");
    CHECK(parley::parse_header("PARIS, March 1 (AFP) -- Text.").outlet == "Agence France-Presse");
    CHECK(parley::parse_header("S\u00C3O PAULO (Folha) \u2014 Text.").dateline_place ==
          "S\u00C3O PAULO");
    CHECK(parley::parse_header("WASHINGTON. The President spoke.").dateline_place == "WASHINGTON");
    const auto brussels = parley::parse_header("Headline here\n\nBRUSSELS \u2013 Text.\n");
    CHECK(brussels.dateline_place == "BRUSSELS");
    CHECK(brussels.outlet.empty());
    CHECK(brussels.title == "Headline here");
    // A headline in capitals with a dash keeps its words.
    CHECK(parley::parse_header("TALKS COLLAPSE - sources\n\nText.\n").title ==
          "TALKS COLLAPSE - sources");
    // An ordinary headline is not a dateline.
    CHECK(parley::parse_header("NATO allies meet - again\n").dateline_place.empty());
    // A place and a date alone on the first line.
    const auto kyiv = parley::parse_header("Kyiv, 10 March 2025\n\nHeadline\n\nText.\n");
    CHECK(kyiv.dateline_place == "Kyiv");
    CHECK(kyiv.title == "Headline");
    REQUIRE(kyiv.published);
    CHECK(kyiv.published->iso() == "2025-03-10");
    CHECK(date_of("March 10, 2025\nHeadline\n") == "2025-03-10");
}

TEST_CASE("the title skips the Published line and bare datelines", "[ingest]") {
    const auto h = parley::parse_header("Published 2025-11-24\n\nPORT ALDER, 24 November 2025 "
                                        "\u2014\n\nThe island's army chief rejected the plan.\n");
    CHECK(h.title == "The island's army chief rejected the plan.");
    CHECK(h.dateline_place == "PORT ALDER");

    // A document whose first line is a long paragraph gets its first sentence as title.
    std::string text = "PORT ALDER, 24 November 2025 \u2014\n\nThe army chief spoke. ";
    for (int i = 0; i < 20; ++i)
        text += "More words follow here. ";
    const auto doc = parley::make_document("t.txt", text, {});
    CHECK(doc.title == "The army chief spoke.");
    // A long lead sentence is cut after a word.
    std::string lead = "GENEVA, June 2 (Reuters) - Envoys";
    for (int i = 0; i < 60; ++i)
        lead += " met";
    lead += ".\n";
    const auto wire = parley::make_document("w.txt", lead, {});
    CHECK(wire.title.rfind("Envoys met met", 0) == 0);
    CHECK(wire.title.size() <= 203);
    CHECK(wire.title.substr(wire.title.size() - 6) == "met\u2026");
    REQUIRE(doc.published);
    CHECK(doc.published->iso() == "2025-11-24");
}
