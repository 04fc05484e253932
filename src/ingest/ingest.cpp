// Input collection and the assembly of a `Document`: decode, clean, NFC, header, sentences.
#include "ingest/ingest.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "ingest/internal.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

namespace parley {

namespace fs = std::filesystem;

namespace {

/// Titles longer than this are shortened to their first sentence (a text without a headline).
constexpr std::size_t kMaxTitleBytes = 200;

bool hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

bool is_txt(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".txt";
}

/// A title for a text without a headline, whose first line is a long paragraph: its first
/// sentence, cut after a word and marked with "…" when still longer than `kMaxTitleBytes`.
std::string shorten_title(const Document& doc, const DocumentHeader& header) {
    std::string_view title = std::string_view(doc.text).substr(
        header.title_begin, header.title_end - header.title_begin);
    for (const Sentence& s : doc.sentences) {
        if (s.end > header.title_begin && s.begin < header.title_end) {
            const std::size_t b = std::max(s.begin, header.title_begin);
            title = std::string_view(doc.text).substr(b, std::min(s.end, header.title_end) - b);
            break;
        }
    }
    if (title.size() <= kMaxTitleBytes) return std::string(title);
    std::size_t cut = title.rfind(' ', kMaxTitleBytes);
    if (cut == std::string_view::npos || cut < kMaxTitleBytes / 2) {
        cut = kMaxTitleBytes;
        while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80)
            --cut;
    }
    std::string out(title.substr(0, cut));
    while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';'))
        out.pop_back();
    return out + "\u2026";
}

Document build_document(std::string id, const std::string& name, std::string bytes,
                        const IngestOptions& options) {
    Document doc;
    doc.id = std::move(id);
    doc.path = name;
    std::vector<std::string> warnings;
    const bool empty_input = bytes.empty();
    std::string text = ingest_detail::decode(std::move(bytes), name, options.lenient, warnings);
    text = ingest_detail::clean_text(std::move(text), name, warnings);
    doc.text = is_nfc(text) ? std::move(text) : nfc(text);
    doc.index_chars(); // The text is final: evidence offsets are looked up in constant time.

    const DocumentHeader header = parse_header(doc.text);
    std::size_t overlong = 0;
    std::vector<Sentence> sentences = split_sentences(doc.text, &overlong);
    // The `Published` line is metadata, not article text.
    if (header.published_end > header.published_begin) {
        std::erase_if(sentences, [&](const Sentence& s) {
            return s.begin >= header.published_begin && s.end <= header.published_end;
        });
    }
    doc.sentences = std::move(sentences);

    doc.title = header.title;
    if (doc.title.size() > kMaxTitleBytes) doc.title = shorten_title(doc, header);
    doc.published = options.date ? options.date : header.published;
    doc.outlet = header.outlet;

    if (empty_input)
        warnings.push_back(name + ": empty file");
    else if (doc.sentences.empty())
        warnings.push_back(name + ": no text");
    if (overlong > 0)
        warnings.push_back(name + ": cut " + std::to_string(overlong) +
                           " overlong sentence(s) into pieces of at most " +
                           std::to_string(kMaxSentenceBytes) + " bytes");
    doc.warnings = std::move(warnings);
    return doc;
}

} // namespace

std::string read_bytes(const fs::path& file) {
    const std::string name = file.string();
    std::error_code ec;
    if (fs::is_directory(file, ec)) throw io_error(name + ": is a directory, not a file");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw io_error(name + ": cannot open: " + std::strerror(errno));
    std::string bytes;
    const auto size = fs::file_size(file, ec);
    if (!ec) {
        if (size > ingest_detail::kMaxFileBytes)
            throw io_error(name + ": too large (" + std::to_string(size) +
                           " bytes; the limit is 1 GiB)");
        bytes.resize(static_cast<std::size_t>(size));
        in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        bytes.resize(static_cast<std::size_t>(in.gcount()));
        if (in.bad()) throw io_error(name + ": read error: " + std::strerror(errno));
        // A file that grew while being read (or a special file) is read to its end.
        if (in.peek() != std::ifstream::traits_type::eof()) {
            std::ostringstream more;
            more << in.rdbuf();
            bytes += more.str();
        }
    } else {
        std::ostringstream all;
        all << in.rdbuf();
        bytes = all.str();
    }
    if (in.bad()) throw io_error(name + ": read error: " + std::strerror(errno));
    return bytes;
}

std::vector<fs::path> collect_inputs(const std::vector<std::string>& inputs) {
    std::vector<fs::path> files;
    for (const std::string& input : inputs) {
        const fs::path path(input);
        std::error_code ec;
        const fs::file_status st = fs::status(path, ec);
        if (ec || !fs::exists(st)) throw io_error(input + ": no such file or directory");
        if (!fs::is_directory(st)) {
            files.push_back(path.lexically_normal());
            continue;
        }
        fs::recursive_directory_iterator it(path, ec), end;
        if (ec) throw io_error(input + ": cannot list the directory: " + ec.message());
        for (; it != end; it.increment(ec)) {
            if (ec) throw io_error(input + ": cannot list the directory: " + ec.message());
            const fs::directory_entry& entry = *it;
            if (hidden(entry.path())) {
                if (entry.is_directory(ec)) it.disable_recursion_pending();
                continue;
            }
            if (entry.is_regular_file(ec) && is_txt(entry.path()))
                files.push_back(entry.path().lexically_normal());
        }
        if (ec) throw io_error(input + ": cannot list the directory: " + ec.message());
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    if (files.empty()) {
        std::string list;
        for (const std::string& input : inputs)
            list += (list.empty() ? "" : ", ") + input;
        throw io_error("no *.txt files found in " +
                       (list.empty() ? std::string("(no input)") : list));
    }
    return files;
}

std::string document_id(const fs::path& file) {
    // A file name fit for RDF literals: ill-formed UTF-8 in it becomes U+FFFD.
    const std::string id = file.filename().string();
    return utf8_error_offset(id) == std::string_view::npos ? id : nfc(id);
}

std::string UniqueIds::assign(const fs::path& file, std::string id,
                              std::vector<std::string>* warnings) {
    if (const auto it = seen_.find(id); it != seen_.end()) {
        std::string unique = file.lexically_normal().generic_string();
        if (utf8_error_offset(unique) != std::string_view::npos) unique = nfc(unique);
        if (warnings)
            warnings->push_back(file.string() + ": file name also used by " + it->second +
                                "; document id is \"" + unique + "\"");
        id = std::move(unique);
    }
    seen_.emplace(id, file.string());
    return id;
}

Document make_document(const std::string& id, std::string bytes, const IngestOptions& options) {
    return build_document(id, id, std::move(bytes), options);
}

Document read_document(const fs::path& file, const IngestOptions& options) {
    return build_document(document_id(file), file.string(), read_bytes(file), options);
}

std::optional<Document> try_read_document(const fs::path& file, const IngestOptions& options,
                                          std::vector<std::string>& warnings) {
    try {
        return read_document(file, options);
    } catch (const SkippedFile& skipped) {
        warnings.emplace_back(skipped.what());
        return std::nullopt;
    }
}

std::vector<Document> read_documents(const std::vector<fs::path>& files,
                                     const IngestOptions& options,
                                     std::vector<std::string>& warnings) {
    std::vector<Document> docs;
    docs.reserve(files.size());
    UniqueIds ids;
    for (const fs::path& file : files) {
        std::optional<Document> doc = try_read_document(file, options, warnings);
        if (!doc) continue;
        doc->id = ids.assign(file, std::move(doc->id), &warnings);
        docs.push_back(std::move(*doc));
    }
    return docs;
}

} // namespace parley
