// The first lines of an article: `Published` line, title, dateline (place, date, agency).
#include "ingest/ingest.hpp"

#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <unicode/uchar.h>
#include <vector>

namespace parley {

namespace {

struct PartialDate {
    int year = 0; ///< 0 when the text gives none
    int month = 0;
    int day = 0;
};

bool ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool ascii_digit(char c) {
    return c >= '0' && c <= '9';
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// Skips ASCII spaces, tabs and U+00A0 NO-BREAK SPACE.
void skip_spaces(std::string_view s, std::size_t& i) {
    for (;;) {
        if (i < s.size() && (s[i] == ' ' || s[i] == '\t')) {
            ++i;
        } else if (s.substr(i, 2) == "\xC2\xA0") {
            i += 2;
        } else {
            return;
        }
    }
}

std::string_view word_at(std::string_view s, std::size_t i) {
    std::size_t j = i;
    while (j < s.size() && ascii_alpha(s[j]))
        ++j;
    return s.substr(i, j - i);
}

/// Reads 1..`max_digits` digits not followed by another digit.
bool number_at(std::string_view s, std::size_t& i, std::size_t max_digits, int& value) {
    std::size_t j = i;
    value = 0;
    while (j < s.size() && ascii_digit(s[j]) && j - i < max_digits)
        value = value * 10 + (s[j++] - '0');
    if (j == i || (j < s.size() && ascii_digit(s[j]))) return false;
    i = j;
    return true;
}

int month_number(std::string_view word) {
    static constexpr std::array<std::string_view, 12> kMonths{
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    const std::string w = lower(word);
    if (w.size() < 3) return 0;
    for (std::size_t m = 0; m < kMonths.size(); ++m) {
        if (w == kMonths[m] || w == kMonths[m].substr(0, 3)) return static_cast<int>(m) + 1;
    }
    return w == "sept" ? 9 : 0;
}

bool is_weekday(std::string_view word) {
    static constexpr std::array<std::string_view, 7> kDays{
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    const std::string w = lower(word);
    if (w.size() < 3) return false;
    for (const std::string_view d : kDays)
        if (w == d || w == d.substr(0, 3)) return true;
    return w == "tues" || w == "thur" || w == "thurs";
}

/// Reads an optional ", YYYY" after a day and month.
void optional_year(std::string_view s, std::size_t& i, PartialDate& d) {
    std::size_t j = i;
    skip_spaces(s, j);
    if (j < s.size() && s[j] == ',') ++j;
    skip_spaces(s, j);
    int year = 0;
    if (j + 4 <= s.size() && ascii_digit(s[j]) && number_at(s, j, 4, year) && year >= 1000) {
        d.year = year;
        i = j;
    }
}

/// Skips "st", "nd", "rd" or "th" right after a day number.
void skip_ordinal(std::string_view s, std::size_t& i) {
    const std::string w = lower(word_at(s, i));
    if (w == "st" || w == "nd" || w == "rd" || w == "th") i += 2;
}

/// Parses a date at `s[i]`: "2025-12-14", "[Weekday,] 14[th] [of] December[.] [2025]",
/// "[Weekday,] Dec[.] 14[th][,] [2025]". On success `i` moves past it.
std::optional<PartialDate> parse_date(std::string_view s, std::size_t& i) {
    std::size_t p = i;
    skip_spaces(s, p);
    PartialDate d;
    if (p + 10 <= s.size() && s[p + 4] == '-' && ascii_digit(s[p])) {
        if (p + 10 < s.size() && ascii_digit(s[p + 10])) return std::nullopt;
        const auto iso = Date::parse(s.substr(p, 10));
        if (!iso) return std::nullopt;
        i = p + 10;
        return PartialDate{iso->year, iso->month, iso->day};
    }
    if (is_weekday(word_at(s, p))) {
        p += word_at(s, p).size();
        if (p < s.size() && s[p] == '.') ++p;
        skip_spaces(s, p);
        if (p < s.size() && s[p] == ',') ++p;
        skip_spaces(s, p);
    }
    if (p < s.size() && ascii_digit(s[p])) {
        if (!number_at(s, p, 2, d.day)) return std::nullopt;
        skip_ordinal(s, p);
        skip_spaces(s, p);
        if (lower(word_at(s, p)) == "of") {
            p += 2;
            skip_spaces(s, p);
        }
        const std::string_view m = word_at(s, p);
        d.month = month_number(m);
        if (d.month == 0) return std::nullopt;
        p += m.size();
        if (p < s.size() && s[p] == '.') ++p;
    } else {
        const std::string_view m = word_at(s, p);
        d.month = month_number(m);
        if (d.month == 0) return std::nullopt;
        p += m.size();
        if (p < s.size() && s[p] == '.') ++p;
        skip_spaces(s, p);
        if (!number_at(s, p, 2, d.day)) return std::nullopt;
        skip_ordinal(s, p);
    }
    if (d.day < 1 || d.day > 31) return std::nullopt;
    optional_year(s, p, d);
    if (d.year != 0 && !Date::parse(Date{d.year, d.month, d.day}.iso())) return std::nullopt;
    i = p;
    return d;
}

std::optional<Date> full_date(const std::optional<PartialDate>& d) {
    if (!d || d->year == 0) return std::nullopt;
    return Date{d->year, d->month, d->day};
}

/// Decodes one code point of well-formed UTF-8 at `s[i]`; `len` receives its length.
char32_t code_point(std::string_view s, std::size_t i, std::size_t& len) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        len = 1;
        return b0;
    }
    const std::size_t n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2;
    if (i + n > s.size()) {
        len = 1;
        return 0xFFFD;
    }
    char32_t c = b0 & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k)
        c = c << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    len = n;
    return c;
}

bool is_dash(char32_t c) {
    return c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2212;
}

std::string_view trim(std::string_view s) {
    std::size_t b = 0, e = s.size(), len = 1;
    while (b < e && u_isUWhiteSpace(static_cast<UChar32>(code_point(s, b, len))))
        b += len;
    while (e > b) {
        std::size_t k = e - 1;
        while (k > b && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80)
            --k;
        if (!u_isUWhiteSpace(static_cast<UChar32>(code_point(s, k, len)))) break;
        e = k;
    }
    return s.substr(b, e - b);
}

/// The full name of a news agency named in a dateline, or empty.
std::string agency_name(std::string_view agency) {
    struct Agency {
        std::string_view key, name;
    };
    static constexpr std::array<Agency, 24> kAgencies{{
        {"reuters", "Reuters"},
        {"ap", "Associated Press"},
        {"afp", "Agence France-Presse"},
        {"dpa", "Deutsche Presse-Agentur"},
        {"upi", "United Press International"},
        {"pti", "Press Trust of India"},
        {"ians", "Indo-Asian News Service"},
        {"ani", "Asian News International"},
        {"xinhua", "Xinhua"},
        {"tass", "TASS"},
        {"efe", "EFE"},
        {"ansa", "ANSA"},
        {"anadolu", "Anadolu Agency"},
        {"aa", "Anadolu Agency"},
        {"kyodo", "Kyodo News"},
        {"yonhap", "Yonhap"},
        {"bloomberg", "Bloomberg"},
        {"cnn", "CNN"},
        {"interfax", "Interfax"},
        {"ria novosti", "RIA Novosti"},
        {"ukrinform", "Ukrinform"},
        {"wafa", "WAFA"},
        {"irna", "IRNA"},
        {"bernama", "Bernama"},
    }};
    const std::string key = lower(trim(agency));
    for (const Agency& a : kAgencies)
        if (key == a.key) return std::string(a.name);
    // Unknown agencies are kept as written when they look like a name.
    const std::string_view t = trim(agency);
    if (t.empty() || t.size() > 40) return {};
    std::size_t len = 1;
    if (!u_isUUppercase(static_cast<UChar32>(code_point(t, 0, len)))) return {};
    for (const char c : t)
        if (ascii_digit(c)) return {};
    return std::string(t);
}

/// Comma-separated names of at most four words each, every word capitalised or a short
/// connector ("and", "of", "the", "de").
bool looks_like_region(std::string_view s) {
    std::size_t words = 0, len = 1;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == ',') {
            words = 0;
            ++i;
            continue;
        }
        if (s[i] == ' ') {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != ',')
            ++j;
        const std::string_view w = s.substr(i, j - i);
        const bool connector = w == "and" || w == "of" || w == "the" || w == "de" || w == "al";
        if (!connector && !u_isUUppercase(static_cast<UChar32>(code_point(w, 0, len))))
            return false;
        for (const char c : w)
            if (ascii_digit(c)) return false;
        if (++words > 4) return false;
        i = j;
    }
    return true;
}

struct Dateline {
    std::string place;
    std::optional<PartialDate> date;
    std::string outlet;
    bool bare = false;    ///< nothing follows the dash: the line is only a dateline
    std::size_t body = 0; ///< byte offset in the line of the text after the dateline
};

/// "Kyiv, 10 March 2025" or "10 March 2025" alone on a line: a dateline without a dash, which
/// must have a year.
std::optional<Dateline> parse_date_line(std::string_view line) {
    if (line.size() > 80) return std::nullopt;
    for (std::size_t start = 0; start != std::string_view::npos;) {
        std::size_t i = start;
        const auto date = parse_date(line, i);
        if (date && date->year != 0 && trim(line.substr(i)).empty()) {
            std::string_view place = trim(line.substr(0, start));
            if (!place.empty() && place.back() == ',')
                place = trim(place.substr(0, place.size() - 1));
            if (!looks_like_region(place)) return std::nullopt;
            Dateline d;
            d.place = std::string(place);
            d.date = date;
            d.bare = true;
            d.body = line.size();
            return d;
        }
        const std::size_t comma = line.find(',', start);
        start = comma == std::string_view::npos ? comma : comma + 1;
    }
    return std::nullopt;
}

/// Parses "PLACE[, Region][, DATE] [(AGENCY)] DASH [text]" or "PLACE. text", where PLACE is in
/// capitals ("ISTANBUL", "PORT ALDER", "SÃO PAULO").
std::optional<Dateline> parse_caps_dateline(std::string_view line) {
    std::size_t p = 0, len = 1;
    int upper = 0;
    while (p < line.size()) {
        const char32_t c = code_point(line, p, len);
        const auto cp = static_cast<UChar32>(c);
        if (c == ',' || c == '(' || is_dash(c)) break;
        // "WASHINGTON. The President ...": a full stop and a space after a word in capitals.
        if (c == '.' && (p + 1 == line.size() || line[p + 1] == ' ') && upper >= 3 && p >= 3 &&
            line[p - 2] != '.' && line[p - 2] != ' ') {
            Dateline d;
            d.place = std::string(trim(line.substr(0, p)));
            d.bare = trim(line.substr(p + 1)).empty();
            d.body = p + 1;
            return d;
        }
        if (c == '-' && p > 0 && line[p - 1] == ' ') break; // " - " separates, "PORT-AU" not
        if (u_isUUppercase(cp)) {
            ++upper;
        } else if (u_isULowercase(cp) || u_isdigit(cp)) {
            return std::nullopt;
        } else if (!(c == ' ' || c == '.' || c == '-' || c == '\'' || c == 0x2019 || c == '/' ||
                     c == '&' || u_getCombiningClass(cp) != 0)) {
            return std::nullopt;
        }
        p += len;
    }
    std::string_view place = trim(line.substr(0, p));
    if (upper < 2 || place.empty()) return std::nullopt;
    Dateline d;

    std::string_view rest = line.substr(p);
    // Find the dash that ends the dateline.
    std::size_t dash = std::string_view::npos, dash_len = 0;
    for (std::size_t i = 0; i < rest.size(); i += len) {
        const char32_t c = code_point(rest, i, len);
        if (is_dash(c) || (c == '-' && (i == 0 || rest[i - 1] == ' ' || rest[i - 1] == ')') &&
                           (i + 1 >= rest.size() || rest[i + 1] == ' ' || rest[i + 1] == '-'))) {
            dash = i;
            dash_len = len;
            if (c == '-' && i + 1 < rest.size() && rest[i + 1] == '-') ++dash_len;
            break;
        }
        if (c == '"' || c == 0x201C) return std::nullopt; // a sentence, not a header
    }
    if (dash == std::string_view::npos) return std::nullopt;
    std::string_view middle = trim(rest.substr(0, dash));
    d.bare = trim(rest.substr(dash + dash_len)).empty();
    d.body = p + dash + dash_len;
    d.place = std::string(place);

    if (!middle.empty() && middle.back() == ')') {
        const std::size_t open = middle.rfind('(');
        if (open == std::string_view::npos) return std::nullopt;
        d.outlet = agency_name(middle.substr(open + 1, middle.size() - open - 2));
        middle = trim(middle.substr(0, open));
    }
    while (!middle.empty() && middle.front() == ',')
        middle = trim(middle.substr(1));
    if (middle.empty()) return d;
    // "June 2", "24 November 2025", "Ukraine, Dec 3, 2025": the date is a comma-separated
    // suffix; what comes before it is a region.
    for (std::size_t start = 0; start != std::string_view::npos;) {
        std::size_t i = start;
        if (auto date = parse_date(middle, i)) {
            if (trim(middle.substr(i)).empty()) {
                d.date = date;
                return d;
            }
        }
        const std::size_t comma = middle.find(',', start);
        start = comma == std::string_view::npos ? comma : comma + 1;
    }
    // No date: what is left must look like a region ("Ukraine", "Bosnia and Herzegovina").
    return looks_like_region(middle) ? std::optional<Dateline>(d) : std::nullopt;
}

std::optional<Dateline> parse_dateline(std::string_view line) {
    if (auto d = parse_caps_dateline(line)) return d;
    return parse_date_line(line);
}

/// "Published 2025-06-02", "Published: 14 December 2025", "Published on Dec. 14, 2025".
bool is_published_line(std::string_view line, std::optional<Date>& date) {
    if (lower(word_at(line, 0)) != "published") return false;
    std::size_t i = 9;
    skip_spaces(line, i);
    const bool colon = i < line.size() && line[i] == ':';
    if (colon) ++i;
    skip_spaces(line, i);
    const std::string w = lower(word_at(line, i));
    if (w == "on" || w == "at") i += 2;
    const auto d = parse_date(line, i);
    date = full_date(d);
    return d.has_value() || colon;
}

/// A line at least this long after a dateline is a lead paragraph, not a headline.
constexpr std::size_t kLeadBytes = 80;

struct Line {
    std::size_t begin = 0; ///< byte offset of the trimmed line in the text
    std::string_view text; ///< trimmed
};

} // namespace

DocumentHeader parse_header(std::string_view text) {
    // Only the first four non-empty lines matter.
    std::vector<Line> lines;
    for (std::size_t b = 0; b < text.size() && lines.size() < 4;) {
        std::size_t e = text.find('\n', b);
        if (e == std::string_view::npos) e = text.size();
        const std::string_view t = trim(text.substr(b, e - b));
        if (!t.empty()) lines.push_back({static_cast<std::size_t>(t.data() - text.data()), t});
        b = e + 1;
    }

    DocumentHeader h;
    int published_line = -1;
    std::optional<Date> published;
    for (std::size_t k = 0; k < lines.size() && k < 2; ++k) {
        if (is_published_line(lines[k].text, published)) {
            published_line = static_cast<int>(k);
            h.published_begin = lines[k].begin;
            h.published_end = lines[k].begin + lines[k].text.size();
            break;
        }
    }

    std::vector<std::optional<Dateline>> datelines;
    for (const Line& l : lines)
        datelines.push_back(parse_dateline(l.text));
    int title_line = -1;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        if (static_cast<int>(k) == published_line || (datelines[k] && datelines[k]->bare)) continue;
        title_line = static_cast<int>(k);
        // A lead paragraph that opens with a dateline: the title is the text after it. (A
        // short line in capitals with a dash and no date or agency stays whole: a headline.)
        std::size_t skip = 0;
        if (const auto& d = datelines[k];
            d && (d->date || !d->outlet.empty() || lines[k].text.size() >= d->body + kLeadBytes))
            skip = d->body;
        const std::string_view title = trim(lines[k].text.substr(skip));
        h.title = std::string(title);
        h.title_begin =
            lines[k].begin + static_cast<std::size_t>(title.data() - lines[k].text.data());
        h.title_end = h.title_begin + title.size();
        break;
    }

    std::optional<Dateline> dateline;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const int prev = static_cast<int>(k) - 1;
        const bool candidate = k == 0 || prev == published_line || prev == title_line;
        if (!candidate || static_cast<int>(k) == published_line || !datelines[k]) continue;
        dateline = datelines[k];
        break;
    }

    h.published = published;
    if (dateline) {
        if (!h.published) h.published = full_date(dateline->date);
        h.outlet = dateline->outlet;
        h.dateline_place = dateline->place;
    }
    return h;
}

std::optional<Date> find_publication_date(const std::string& text) {
    return parse_header(text).published;
}

} // namespace parley
