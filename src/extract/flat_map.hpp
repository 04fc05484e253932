// A read-only hash map from strings, laid out for fast look-ups of words (not a public header).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::extract {

/// 64-bit hash of a string, eight bytes per step (the words looked up are short), each step
/// mixed by a multiplication, then the MurmurHash3 finalizer so that every bit of the result
/// depends on every byte. Only used inside the process (never written out).
[[nodiscard]] inline std::uint64_t string_hash(std::string_view s) {
    const char* p = s.data();
    std::size_t n = s.size();
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
    auto load = [](const char* q, std::size_t len) {
        std::uint64_t w = 0;
        for (std::size_t i = 0; i < len; ++i)
            w |= static_cast<std::uint64_t>(static_cast<unsigned char>(q[i])) << (8 * i);
        return w;
    };
    while (n >= 8) {
        h = (h ^ load(p, 8)) * 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 31;
        p += 8;
        n -= 8;
    }
    if (n > 0) {
        h = (h ^ load(p, n)) * 0x94d049bb133111ebULL;
        h ^= h >> 29;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

/// A cheap hash of a string from its length and its first and last two bytes, for the filter
/// that `FlatStringMap` asks before the full look-up.
[[nodiscard]] inline std::uint32_t quick_hash(std::string_view s) {
    const std::size_t n = s.size();
    auto at = [&](std::size_t i) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(s[i]));
    };
    std::uint32_t h = static_cast<std::uint32_t>(n) * 0x9E3779B1U;
    if (n > 0) h ^= at(0) * 0x85EBCA6BU ^ at(n - 1) * 0xC2B2AE35U;
    if (n > 1) h ^= at(1) * 0x27D4EB2FU ^ at(n - 2) * 0x165667B1U;
    h ^= h >> 15;
    h *= 0x2C1B3C6DU;
    h ^= h >> 13;
    return h;
}

/// A hash map built once from distinct keys and then only read. The slots are one flat array
/// of 8 bytes each (a tag of the hash and an index), probed linearly; a key's text is compared
/// only when the tags agree, so a look-up of a word that is not a key usually reads a single
/// cache line. (`std::unordered_map` follows a pointer to a node, and another to its string,
/// for every look-up.) Before that, a bit array indexed by `quick_hash` (about 16 bits per key)
/// turns away most strings that are not keys without hashing them in full.
template <class V> class FlatStringMap {
public:
    FlatStringMap() = default;

    /// Builds the map from `items` (distinct keys; the order does not matter).
    explicit FlatStringMap(std::vector<std::pair<std::string, V>> items) {
        std::size_t cap = 8;
        while (cap < items.size() * 2 + 1)
            cap *= 2;
        slots_.assign(cap, Slot{});
        mask_ = cap - 1;
        std::size_t bits = 4096;
        while (bits < items.size() * 16)
            bits *= 2;
        filter_.assign(bits / 64, 0);
        filter_mask_ = bits - 1;
        keys_.reserve(items.size());
        values_.reserve(items.size());
        for (auto& [key, value] : items) {
            const std::uint32_t q = quick_hash(key) & filter_mask_;
            filter_[q >> 6] |= std::uint64_t{1} << (q & 63);
            const std::uint64_t h = string_hash(key);
            std::size_t pos = static_cast<std::size_t>(h) & mask_;
            while (slots_[pos].index != kEmpty)
                pos = (pos + 1) & mask_;
            slots_[pos] = Slot{tag_of(h), static_cast<std::uint32_t>(keys_.size())};
            keys_.push_back(std::move(key));
            values_.push_back(std::move(value));
        }
    }

    /// The value of `key`, or null. The pointer points into this map.
    [[nodiscard]] const V* find(std::string_view key) const {
        if (slots_.empty()) return nullptr;
        const std::uint32_t q = quick_hash(key) & filter_mask_;
        if (((filter_[q >> 6] >> (q & 63)) & 1U) == 0) return nullptr;
        const std::uint64_t h = string_hash(key);
        const std::uint32_t tag = tag_of(h);
        for (std::size_t pos = static_cast<std::size_t>(h) & mask_;; pos = (pos + 1) & mask_) {
            const Slot& slot = slots_[pos];
            if (slot.index == kEmpty) return nullptr;
            if (slot.tag == tag && keys_[slot.index] == key) return &values_[slot.index];
        }
    }

    [[nodiscard]] bool contains(std::string_view key) const { return find(key) != nullptr; }
    [[nodiscard]] std::size_t size() const { return keys_.size(); }

private:
    static constexpr std::uint32_t kEmpty = 0xFFFFFFFFU;
    struct Slot {
        std::uint32_t tag = 0;
        std::uint32_t index = kEmpty;
    };
    static std::uint32_t tag_of(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32); }

    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::vector<std::uint64_t> filter_; ///< bit `quick_hash(key) & filter_mask_` set per key
    std::uint32_t filter_mask_ = 0;
    std::vector<std::string> keys_;
    std::vector<V> values_;
};

/// Freezes a map of distinct keys (any map type iterable as key-value pairs).
template <class Map> [[nodiscard]] FlatStringMap<typename Map::mapped_type> freeze(const Map& map) {
    std::vector<std::pair<std::string, typename Map::mapped_type>> items;
    items.reserve(map.size());
    for (const auto& [k, v] : map)
        items.emplace_back(k, v);
    return FlatStringMap<typename Map::mapped_type>(std::move(items));
}

/// Freezes a set of distinct strings into a map whose values are unused.
template <class Set> [[nodiscard]] FlatStringMap<char> freeze_set(const Set& set) {
    std::vector<std::pair<std::string, char>> items;
    items.reserve(set.size());
    for (const auto& k : set)
        items.emplace_back(k, 1);
    return FlatStringMap<char>(std::move(items));
}

} // namespace parley::extract
