#include "core/document.hpp"

#include "core/extraction.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace parley {

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

namespace {
bool leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}
int month_days(int y, int m) {
    static constexpr int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}
} // namespace

std::optional<Date> Date::parse(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    Date d;
    auto num = [&](std::size_t pos, std::size_t len, int& out) {
        auto r = std::from_chars(s.data() + pos, s.data() + pos + len, out);
        return r.ec == std::errc() && r.ptr == s.data() + pos + len;
    };
    if (!num(0, 4, d.year) || !num(5, 2, d.month) || !num(8, 2, d.day)) return std::nullopt;
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > month_days(d.year, d.month))
        return std::nullopt;
    return d;
}

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
long Date::days() const {
    const int y = year - (month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = static_cast<unsigned>(month + (month > 2 ? -3 : 9));
    const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

Date Date::from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long y = static_cast<long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

int Date::weekday() const {
    // 1970-01-01 was a Thursday (3 when Monday = 0).
    const long d = days();
    return static_cast<int>(((d % 7) + 7 + 3) % 7);
}

std::string_view Document::sentence_text(std::size_t i) const {
    const auto& s = sentences.at(i);
    return std::string_view(text).substr(s.begin, s.end - s.begin);
}

std::size_t Document::sentence_at(std::size_t offset) const {
    auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                               [](std::size_t o, const Sentence& s) { return o < s.begin; });
    if (it == sentences.begin()) return 0;
    return static_cast<std::size_t>(std::distance(sentences.begin(), it)) - 1;
}

std::size_t Document::char_offset(std::size_t offset) const {
    std::size_t n = 0;
    const std::size_t end = std::min(offset, text.size());
    std::size_t i = 0;
    // The marks are used only when they match the current text length (see `index_chars`).
    if (char_marks.size() == text.size() / kCharBlock + 1) {
        n = char_marks[end / kCharBlock];
        i = end / kCharBlock * kCharBlock;
    }
    for (; i < end; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
    return n;
}

void Document::index_chars() {
    char_marks.assign(text.size() / kCharBlock + 1, 0);
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i % kCharBlock == 0) char_marks[i / kCharBlock] = n;
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
    }
}

void add_evidence(std::vector<Evidence>& list, const Evidence& ev) {
    auto it = std::lower_bound(list.begin(), list.end(), ev);
    if (it == list.end() || !(*it == ev)) list.insert(it, ev);
}

const char* to_string(EntityType t) {
    switch (t) {
    case EntityType::Person:
        return "Person";
    case EntityType::Organization:
        return "Organization";
    case EntityType::Country:
        return "Country";
    case EntityType::Place:
        return "Place";
    }
    return "?";
}

const char* to_string(Stance s) {
    switch (s) {
    case Stance::Supports:
        return "supports";
    case Stance::Demands:
        return "demands";
    case Stance::Opposes:
        return "opposes";
    case Stance::Rejects:
        return "rejects";
    case Stance::Conditional:
        return "conditionallySupports";
    }
    return "?";
}

} // namespace parley
