// Sentence segmentation: ICU sentences per line, abbreviations, trimming, offsets, long input.
#include "ingest/ingest.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <vector>

using parley::Sentence;

namespace {

std::vector<std::string> pieces(std::string_view text) {
    std::vector<std::string> out;
    for (const Sentence& s : parley::split_sentences(text))
        out.emplace_back(text.substr(s.begin, s.end - s.begin));
    return out;
}

} // namespace

TEST_CASE("headline, dateline and two sentences with exact offsets", "[ingest]") {
    const std::string text = "Envoys meet in Geneva\n\nGENEVA, June 2 (Reuters) - Talks began. "
                             "They ended late.\n";
    const auto s = parley::split_sentences(text);
    REQUIRE(s.size() == 3);
    CHECK(s[0].begin == 0);
    CHECK(s[0].end == 21);
    CHECK(s[1].begin == 23);
    CHECK(s[1].end == 62);
    CHECK(text.substr(s[1].begin, s[1].end - s[1].begin) ==
          "GENEVA, June 2 (Reuters) - Talks began.");
    CHECK(s[2].begin == 63);
    CHECK(s[2].end == text.size() - 1);
}

TEST_CASE("a line break always ends a sentence", "[ingest]") {
    CHECK(pieces("Headline without a stop\nBody text here. More.") ==
          std::vector<std::string>{"Headline without a stop", "Body text here.", "More."});
    CHECK(pieces("  Indented line.  \n\n\n   \nNext paragraph") ==
          std::vector<std::string>{"Indented line.", "Next paragraph"});
}

TEST_CASE("abbreviations do not end sentences", "[ingest]") {
    CHECK(pieces("U.S. President Donald Trump met Mr. Putin in Washington, D.C. on Dec. 3. "
                 "The talks ended.") ==
          std::vector<std::string>{
              "U.S. President Donald Trump met Mr. Putin in Washington, D.C. on Dec. 3.",
              "The talks ended."});
    CHECK(pieces("Gen. Milley called Dr. Smith at No. 10 Downing St. on Monday.").size() == 1);
    CHECK(pieces("The U.N. Security Council met. Donald J. Trump spoke.") ==
          std::vector<std::string>{"The U.N. Security Council met.", "Donald J. Trump spoke."});
    CHECK(pieces("Several states, e.g. France, agreed. Others did not.").size() == 2);
    CHECK(pieces("Talks in Washington, D.C., ended.").size() == 1);
    CHECK(pieces("She flew to St. Petersburg, Fla., on Jan. 5 with Sen. Graham.").size() == 1);
}

TEST_CASE("initialisms before a function word still end a sentence", "[ingest]") {
    CHECK(pieces("The envoy flew back to the U.S. The talks ended.") ==
          std::vector<std::string>{"The envoy flew back to the U.S.", "The talks ended."});
    CHECK(pieces("He arrived in Washington, D.C. He met the team.").size() == 2);
    CHECK(pieces("They met at 3 p.m. The talks ended.").size() == 2);
    CHECK(pieces("Ordinary end. Next sentence? Yes! Fine.").size() == 4);
}

TEST_CASE("overlong sentences are cut at spaces or character boundaries", "[ingest]") {
    std::string word(3 * parley::kMaxSentenceBytes, 'x');
    word += "\u010D"; // a two-byte character at the end
    std::size_t overlong = 0;
    const auto s = parley::split_sentences(word, &overlong);
    CHECK(overlong == 1);
    REQUIRE(s.size() == 4);
    std::size_t covered = 0;
    for (const Sentence& x : s) {
        CHECK(x.end - x.begin <= parley::kMaxSentenceBytes);
        CHECK(x.begin == covered);
        covered = x.end;
    }
    CHECK(covered == word.size());

    std::string words;
    while (words.size() < 2 * parley::kMaxSentenceBytes)
        words += "word ";
    for (const Sentence& x : parley::split_sentences(words)) {
        CHECK(x.end - x.begin <= parley::kMaxSentenceBytes);
        CHECK(words[x.begin] == 'w');
        CHECK(words[x.end - 1] == 'd');
    }
}

TEST_CASE("a long single line is segmented in linear time", "[ingest][slow]") {
    std::string line;
    const std::string unit = "The U.S. envoy met Mr. Smith on Dec. 3 in Geneva. ";
    while (line.size() < 8'000'000)
        line += unit;
    const auto t0 = std::chrono::steady_clock::now();
    const auto s = parley::split_sentences(line);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - t0;
    CHECK(s.size() == line.size() / unit.size());
    CHECK(took.count() < 20.0);
}
