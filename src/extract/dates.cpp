// Date expressions resolved against the publication date: "December 14", "14 December 2025",
// "on the 14th", "the morning of the 15th", "Sunday (14/12)", "on Sunday", "yesterday".
// Vague expressions ("last week", "earlier this year", "in May") stay unresolved.
#include "extract/internal.hpp"

#include <cstdlib>
#include <string_view>

namespace parley::extract {

namespace {

int month_of(const std::string& w) {
    static constexpr std::string_view full[] = {"january",   "february", "march",    "april",
                                                "may",       "june",     "july",     "august",
                                                "september", "october",  "november", "december"};
    static constexpr std::string_view abbr[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                "jul", "aug", "sep", "oct", "nov", "dec"};
    std::string_view x = w;
    if (!x.empty() && x.back() == '.') x.remove_suffix(1);
    if (x.size() < 3 || x.size() > 9) return 0; // no month name is shorter or longer
    for (int m = 0; m < 12; ++m)
        if (x == full[m] || x == abbr[m] || (m == 8 && x == "sept")) return m + 1;
    return 0;
}

int weekday_of(const std::string& w) {
    static constexpr std::string_view days[] = {"monday", "tuesday",  "wednesday", "thursday",
                                                "friday", "saturday", "sunday"};
    if (w.size() < 6 || w.size() > 9) return -1; // no day name is shorter or longer
    for (int d = 0; d < 7; ++d)
        if (w == days[d]) return d;
    return -1;
}

/// Day number of "14", "14th", "1st", "2nd", "3rd" (1..31), else 0.
int day_of(const std::string& w) {
    if (w.empty() || !std::isdigit(static_cast<unsigned char>(w[0]))) return 0;
    std::size_t n = 0;
    while (n < w.size() && std::isdigit(static_cast<unsigned char>(w[n])))
        ++n;
    if (n > 2) return 0;
    const std::string rest = w.substr(n);
    if (!(rest.empty() || rest == "th" || rest == "st" || rest == "nd" || rest == "rd")) return 0;
    const int d = std::atoi(w.substr(0, n).c_str());
    return d >= 1 && d <= 31 ? d : 0;
}

int year_of(const std::string& w) {
    if (w.size() != 4 || !std::isdigit(static_cast<unsigned char>(w[0]))) return 0;
    for (char c : w)
        if (!std::isdigit(static_cast<unsigned char>(c))) return 0;
    const int y = std::atoi(w.c_str());
    return y >= 1900 && y <= 2100 ? y : 0;
}

/// A month/day without a year: the year that puts it nearest to the publication date.
std::optional<Date> nearest(int month, int day, const std::optional<Date>& pub) {
    if (!pub) return std::nullopt;
    std::optional<Date> best;
    long best_gap = 0;
    for (int y = pub->year - 1; y <= pub->year + 1; ++y) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, month, day);
        auto d = Date::parse(buf);
        if (!d) continue;
        const long gap = std::labs(d->days() - pub->days());
        if (!best || gap < best_gap) {
            best = d;
            best_gap = gap;
        }
    }
    return best;
}

std::optional<Date> make(int y, int m, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return Date::parse(buf);
}

} // namespace

std::optional<Date> find_date(const State& st, std::size_t s, std::size_t first, std::size_t last,
                              bool future) {
    const auto& toks = st.tokens[s];
    const auto& pub = st.doc.published;
    last = std::min(last, toks.size());
    // "MUSCAT, April 13 (AP) — ... on Saturday": the dateline gives the filing day, not the
    // day of an event of the sentence it opens.
    if (s <= 3 && !toks.empty() && toks[0].upper)
        for (std::size_t d = 1; d < std::min<std::size_t>(toks.size(), 14); ++d)
            if (toks[d].text == "-" || toks[d].text == "\u2013" || toks[d].text == "\u2014") {
                if (first <= d) first = d + 1;
                break;
            }
    for (std::size_t i = first; i < last; ++i) {
        const std::string& w = toks[i].lower;
        static const std::string none;
        const std::string& prev = i > 0 ? toks[i - 1].lower : none;
        // Month Day[,] [Year]
        if (int m = month_of(w); m && i + 1 < last) {
            if (int d = day_of(toks[i + 1].lower)) {
                std::size_t k = i + 2;
                if (k < last && toks[k].text == ",") ++k;
                if (k < last && year_of(toks[k].lower)) return make(year_of(toks[k].lower), m, d);
                // "between 3 May and 9 May" is a range, not a day.
                if (prev == "between" || prev == "from") return std::nullopt;
                if (i + 2 < last && (toks[i + 2].lower == "and" || toks[i + 2].lower == "to"))
                    return std::nullopt;
                return nearest(m, d, pub);
            }
        }
        // Day Month [Year]
        if (int d = day_of(w); d && i + 1 < last) {
            if (int m = month_of(toks[i + 1].lower)) {
                if (i + 2 < last && year_of(toks[i + 2].lower))
                    return make(year_of(toks[i + 2].lower), m, d);
                return nearest(m, d, pub);
            }
        }
        // dd/mm in parentheses: "Sunday (14/12)".
        if (toks[i].digit && w.find('/') != std::string::npos && pub) {
            const auto slash = w.find('/');
            const int d = std::atoi(w.substr(0, slash).c_str());
            const int m = std::atoi(w.substr(slash + 1).c_str());
            if (d >= 1 && d <= 31 && m >= 1 && m <= 12) return nearest(m, d, pub);
        }
        // "on the 14th", "the morning of the 15th".
        if (prev == "the" && pub && w.size() > 2 && day_of(w) &&
            !std::isdigit(static_cast<unsigned char>(w.back()))) {
            const int d = day_of(w);
            if (i + 1 < last && month_of(toks[i + 1].lower)) continue;
            const std::string nxt = i + 1 < last ? toks[i + 1].lower : "";
            if (nxt == "century" || nxt == "anniversary") continue;
            // Same month when the day is near the publication day, else the month before.
            int y = pub->year, m = pub->month;
            if (d > pub->day + 7) {
                if (--m == 0) {
                    m = 12;
                    --y;
                }
            }
            return make(y, m, d);
        }
        // Weekdays: the most recent such day on or before publication ("on Sunday"), or the
        // next one after "next".
        if (int wd = weekday_of(w); wd >= 0 && pub) {
            if (i + 1 < last &&
                (day_of(toks[i + 1].lower) || toks[i + 1].text == "," || toks[i + 1].text == "(")) {
                // "Monday, 18 August" / "Sunday (14/12)": the explicit date follows.
                std::optional<Date> explicit_date =
                    find_date(st, s, i + 1, std::min(last, i + 6), future);
                if (explicit_date) return explicit_date;
            }
            if (prev == "last" || prev == "every") continue;
            const int pub_wd = pub->weekday();
            long delta = pub_wd - wd;
            if (prev == "next" || (future && prev != "last")) {
                delta = -((wd - pub_wd + 7) % 7);
                if (delta == 0 && prev == "next") delta = -7;
            } else if (delta < 0) {
                delta += 7;
            }
            return Date::from_days(pub->days() - delta);
        }
        if (w == "yesterday" && pub) return Date::from_days(pub->days() - 1);
        if (w == "today" && pub && prev != "until") return *pub;
    }
    return std::nullopt;
}

} // namespace parley::extract
