// Tokenizer and the `State` helpers of the extractor.
#include "core/text.hpp"
#include "extract/gazetteer.hpp"
#include "extract/internal.hpp"

#include <algorithm>
#include <cstdint>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <unordered_map>
#include <unordered_set>

namespace parley::extract {

namespace {

UChar32 cp_at(const std::string& s, std::size_t i, std::size_t end, std::size_t* next) {
    int32_t pos = static_cast<int32_t>(i);
    UChar32 c = 0;
    U8_NEXT(s.data(), pos, static_cast<int32_t>(end), c);
    *next = static_cast<std::size_t>(pos);
    return c < 0 ? 0xFFFD : c;
}

bool is_word_cp_icu(UChar32 c) {
    if (u_isalnum(c)) return true;
    const int8_t t = u_charType(c);
    return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK;
}

/// ICU's answers for the ASCII code points, asked once: the tokenizer's tests for ASCII then
/// cost a table look-up (the same answers, without a call into ICU per character).
struct AsciiClass {
    enum : std::uint8_t { Word = 1, Space = 2, Alpha = 4, Upper = 8, Digit = 16, Title = 32 };
    std::uint8_t flags[128] = {};
    AsciiClass() {
        for (UChar32 c = 0; c < 128; ++c) {
            std::uint8_t f = 0;
            if (is_word_cp_icu(c)) f |= Word;
            if (u_isUWhiteSpace(c)) f |= Space;
            if (u_isalpha(c)) f |= Alpha;
            if (u_isupper(c)) f |= Upper;
            if (u_isdigit(c)) f |= Digit;
            if (u_istitle(c)) f |= Title;
            flags[c] = f;
        }
    }
};

const AsciiClass& ascii_class() {
    static const AsciiClass table;
    return table;
}

bool is_word_cp(const AsciiClass& cls, UChar32 c) {
    if (c >= 0 && c < 128) return (cls.flags[c] & AsciiClass::Word) != 0;
    return is_word_cp_icu(c);
}
bool is_space_cp(const AsciiClass& cls, UChar32 c) {
    if (c >= 0 && c < 128) return (cls.flags[c] & AsciiClass::Space) != 0;
    return u_isUWhiteSpace(c);
}
bool is_alpha_cp(const AsciiClass& cls, UChar32 c) {
    if (c >= 0 && c < 128) return (cls.flags[c] & AsciiClass::Alpha) != 0;
    return u_isalpha(c);
}
bool is_upper_cp(const AsciiClass& cls, UChar32 c) {
    if (c >= 0 && c < 128) return (cls.flags[c] & AsciiClass::Upper) != 0;
    return u_isupper(c);
}
bool is_digit_cp(const AsciiClass& cls, UChar32 c) {
    if (c >= 0 && c < 128) return (cls.flags[c] & AsciiClass::Digit) != 0;
    return u_isdigit(c);
}
bool is_title_cp(const AsciiClass& cls, UChar32 c) {
    if (c >= 0 && c < 128) return (cls.flags[c] & AsciiClass::Title) != 0;
    return u_istitle(c);
}

bool is_quote_cp(UChar32 c) {
    return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB ||
           c == 0x2018 || c == 0x2019 || c == '\'';
}

bool is_apostrophe(UChar32 c) {
    return c == '\'' || c == 0x2019;
}
bool is_hyphen(UChar32 c) {
    return c == '-' || c == 0x2010 || c == 0x2011;
}

std::string lower_utf8(const std::string& s) {
    // ASCII in one pass; any other byte hands the whole string to ICU.
    std::string out = s;
    for (auto& ch : out) {
        if ((ch & 0x80) != 0) {
            out.clear();
            icu::UnicodeString::fromUTF8(s).toLower(icu::Locale::getEnglish()).toUTF8String(out);
            return out;
        }
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
    return out;
}

const std::unordered_set<std::string>& abbreviations() {
    static const std::unordered_set<std::string> a = {"Mr",  "Mrs", "Ms",  "Dr",   "St",
                                                      "Jr",  "Sr",  "Gen", "Lt",   "Col",
                                                      "Sen", "Rep", "Gov", "Prof", "No"};
    return a;
}

} // namespace

std::vector<Token> tokenize(const std::string& text, std::size_t begin, std::size_t end) {
    const AsciiClass& cls = ascii_class();
    std::vector<Token> out;
    out.reserve(end > begin ? (end - begin) / 5 + 1 : 0); // about a token per five bytes
    std::size_t i = begin;
    while (i < end) {
        std::size_t next = 0;
        UChar32 c = cp_at(text, i, end, &next);
        if (is_space_cp(cls, c) || c == 0xFEFF) {
            i = next;
            continue;
        }
        Token t;
        t.begin = i;
        if (is_word_cp(cls, c)) {
            std::size_t j = next;
            while (j < end) {
                std::size_t n2 = 0;
                UChar32 d = cp_at(text, j, end, &n2);
                if (is_word_cp(cls, d)) {
                    j = n2;
                    continue;
                }
                // Connectors kept inside a word when a word character follows.
                std::size_t n3 = 0;
                UChar32 e = n2 < end ? cp_at(text, n2, end, &n3) : 0;
                if ((is_hyphen(d) || d == '.' || d == ',' || d == '/') && n2 < end &&
                    is_word_cp(cls, e)) {
                    if (d == ',' &&
                        !(is_digit_cp(cls, e) && is_digit_cp(cls, cp_at(text, j - 1, end, &n3))))
                        break;
                    if (d == '.') {
                        // Kept in "1.5" and in acronyms of single letters ("U.S", "D.C").
                        const bool digits = is_digit_cp(cls, e) && is_digit_cp(cls, text[j - 1]);
                        const bool acronym =
                            is_alpha_cp(cls, e) &&
                            (j - t.begin == 1 || (j - t.begin >= 3 && text[j - 2] == '.'));
                        if (!digits && !acronym) break;
                    }
                    if (d == '/' && !is_digit_cp(cls, e)) break;
                    j = n2;
                    continue;
                }
                if (is_apostrophe(d) && n2 < end && is_alpha_cp(cls, e)) {
                    // Possessive 's is its own token; other apostrophes stay inside (don't).
                    std::size_t n4 = 0;
                    UChar32 f = n3 < end ? cp_at(text, n3, end, &n4) : 0;
                    if ((e == 's' || e == 'S') && !is_word_cp(cls, f)) break;
                    j = n2;
                    continue;
                }
                break;
            }
            // Trailing dot of an acronym ("U.S.") or a known abbreviation ("Jr.").
            if (j < end && text[j] == '.') {
                std::string w = text.substr(t.begin, j - t.begin);
                const bool acronym = w.size() >= 3 && w[1] == '.';
                if (acronym || abbreviations().count(w)) ++j;
            }
            t.end = j;
            t.text = text.substr(t.begin, t.end - t.begin);
            t.word = true;
            t.cap = is_upper_cp(cls, c) || is_title_cp(cls, c);
            t.digit = is_digit_cp(cls, c);
            int letters = 0, uppers = 0;
            for (std::size_t k = t.begin; k < t.end;) {
                std::size_t nk = 0;
                UChar32 d = cp_at(text, k, t.end, &nk);
                if (is_alpha_cp(cls, d)) {
                    ++letters;
                    if (is_upper_cp(cls, d)) ++uppers;
                }
                k = nk;
            }
            t.upper = letters >= 2 && uppers == letters;
            i = t.end;
        } else if (is_apostrophe(c) && next < end && (text[next] == 's' || text[next] == 'S') &&
                   !out.empty() && out.back().end == i &&
                   (next + 1 >= end ||
                    !is_word_cp(cls, static_cast<unsigned char>(text[next + 1])))) {
            t.end = next + 1;
            t.text = text.substr(t.begin, t.end - t.begin);
            t.word = false;
            i = t.end;
            t.lower = "'s";
            out.push_back(std::move(t));
            continue;
        } else {
            t.end = next;
            t.text = text.substr(t.begin, t.end - t.begin);
            t.quote = is_quote_cp(c);
            i = next;
        }
        t.lower = lower_utf8(t.text);
        out.push_back(std::move(t));
    }
    return out;
}

TriggerIndex::TriggerIndex(const Lexicon& lex) : lex_(lex) {
    std::vector<std::pair<std::string, int>> categories;
    std::unordered_map<std::string, std::uint64_t> words;
    for (const auto& [category, members] : lex.triggers) {
        const int bit = static_cast<int>(categories.size());
        categories.emplace_back(category, bit);
        // Every word has an entry (the categories past the 64th add none of their bits).
        for (const auto& w : members)
            words[w] |= bit < 64 ? std::uint64_t{1} << bit : 0;
    }
    categories_ = FlatStringMap<int>(std::move(categories));
    words_ = freeze(words);
}

State::State(const Document& d, const Lexicon& l, const Gazetteer& g)
    : doc(d), lex(l), gz(g), triggers_(g.triggers()) {}

Evidence State::evidence(std::size_t sentence, std::size_t first, std::size_t last,
                         const std::string& rule, double confidence) const {
    Evidence ev;
    ev.doc = doc.id;
    ev.sentence = sentence;
    const auto& toks = tokens[sentence];
    std::size_t b = doc.sentences[sentence].begin, e = doc.sentences[sentence].end;
    if (first < last && last <= toks.size()) {
        b = toks[first].begin;
        e = toks[last - 1].end;
    }
    ev.begin = doc.char_offset(b);
    ev.end = doc.char_offset(e);
    ev.text = std::string(doc.sentence_text(sentence));
    ev.rule = rule;
    ev.confidence = confidence;
    return ev;
}

bool State::in_quote(std::size_t offset) const {
    auto it = std::upper_bound(quotes.begin(), quotes.end(), offset,
                               [](std::size_t o, const QuoteSpan& q) { return o < q.open; });
    if (it == quotes.begin()) return false;
    --it;
    return offset > it->open && offset < it->close;
}

int State::entity(EntityType type, const std::string& name, const std::string& key,
                  const std::string& qid, const std::string& lexicon_id) {
    if (auto it = entity_by_key.find(key); it != entity_by_key.end()) return it->second;
    DocEntity e;
    e.type = type;
    e.name = name;
    e.qid = qid;
    e.lexicon_id = lexicon_id;
    ex.entities.push_back(std::move(e));
    const int idx = static_cast<int>(ex.entities.size()) - 1;
    entity_by_key.emplace(key, idx);
    return idx;
}

void State::mention(int e, std::size_t sentence, std::size_t first, std::size_t last,
                    const std::string& surface, bool metonym, bool demonym, bool descriptive) {
    if (e < 0) return;
    Mention m;
    m.sentence = sentence;
    m.first = first;
    m.last = last;
    m.entity = e;
    m.metonym = metonym;
    m.demonym = demonym;
    m.descriptive = descriptive;
    m.in_quote = first < tokens[sentence].size() && in_quote(tokens[sentence][first].begin);
    auto& list = mentions[sentence];
    auto pos =
        std::find_if(list.begin(), list.end(), [&](const Mention& x) { return x.first > first; });
    list.insert(pos, m);
    auto& ent = ex.entities[static_cast<std::size_t>(e)];
    if (!demonym && !descriptive && !surface.empty()) ent.surface_forms.insert(surface);
    if (!demonym && !descriptive)
        add_evidence(ent.mentions, evidence(sentence, first, last, "entity.mention", 1.0));
}

std::string State::span_text(std::size_t sentence, std::size_t first, std::size_t last) const {
    const auto& toks = tokens[sentence];
    if (first >= last || last > toks.size()) return {};
    return doc.text.substr(toks[first].begin, toks[last - 1].end - toks[first].begin);
}

void State::unmention(std::size_t sentence, std::size_t first, std::size_t last) {
    auto& list = mentions[sentence];
    std::set<int> touched;
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](const Mention& m) {
                                  const bool inside = m.first >= first && m.last <= last;
                                  if (inside) touched.insert(m.entity);
                                  return inside;
                              }),
               list.end());
    for (int e : touched) {
        bool still = false;
        for (const auto& l : mentions)
            for (const auto& m : l)
                still |= (m.entity == e && !m.demonym && !m.descriptive);
        if (!still) {
            ex.entities[static_cast<std::size_t>(e)].surface_forms.clear();
            ex.entities[static_cast<std::size_t>(e)].mentions.clear();
        }
    }
}

std::string State::span_text_lower(std::size_t sentence, std::size_t first,
                                   std::size_t last) const {
    std::string out;
    for (std::size_t k = first; k < last && k < tokens[sentence].size(); ++k)
        out += (out.empty() ? "" : " ") + tokens[sentence][k].lower;
    return out;
}

bool is_actor_entity(const State& st, int e) {
    if (e < 0) return false;
    auto t = st.ex.entities[static_cast<std::size_t>(e)].type;
    return t != EntityType::Place;
}

} // namespace parley::extract
