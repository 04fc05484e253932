// libFuzzer target: `Lexicon::load` on a folder holding the input as its one YAML file. Any
// problem must be a `ParleyError` (file, line, column), never another exception or a crash.
#include "core/error.hpp"
#include "lexicon/lexicon.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

/// A private temporary folder for the YAML file, created once per process.
const std::filesystem::path& folder() {
    static const std::filesystem::path dir = [] {
        std::string tmpl = (std::filesystem::temp_directory_path() / "parley-fuzz-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) std::abort();
        return std::filesystem::path(tmpl);
    }();
    return dir;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::filesystem::path file = folder() / "fuzz.yaml";
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        const parley::Lexicon lexicon = parley::Lexicon::load(folder());
        (void)lexicon;
    } catch (const parley::ParleyError&) {
        // Malformed, unknown or ill-typed configuration is reported, which is what we want.
    }
    return 0;
}
