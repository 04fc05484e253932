// libFuzzer target: `make_document` (decoding, cleaning, NFC, header, sentences) on any bytes.
// The first byte selects lenient decoding. Checks the invariants the later stages rely on.
#include "core/error.hpp"
#include "ingest/ingest.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    parley::IngestOptions options;
    options.lenient = (data[0] & 1) != 0;
    std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    try {
        const parley::Document doc = parley::make_document("fuzz.txt", std::move(bytes), options);
        std::size_t last_end = 0;
        for (const parley::Sentence& s : doc.sentences) {
            // Sentences are ordered, non-empty, inside the text and at most kMaxSentenceBytes.
            if (s.begin < last_end || s.end <= s.begin || s.end > doc.text.size() ||
                s.end - s.begin > parley::kMaxSentenceBytes)
                std::abort();
            last_end = s.end;
        }
        if (!doc.text.empty() && doc.char_offset(doc.text.size()) > doc.text.size()) std::abort();
    } catch (const parley::ParleyError&) {
        // Invalid UTF-8 (strict mode) and binary input are reported, not crashes.
    }
    return 0;
}
