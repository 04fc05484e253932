// Private helpers of the rdf and query stages: RAII for raptor handles and a scoped capture of
// librdf/raptor/rasqal log messages. Includes <redland.h>: include only from .cpp files.
#pragma once

#include "rdf/handles.hpp"
#include "rdf/triples.hpp"

#include <redland.h>
#include <string>
#include <vector>

namespace parley::rdf {

using RaptorSerializerPtr = std::unique_ptr<raptor_serializer, CFree<raptor_free_serializer>>;
using RaptorUriPtr = std::unique_ptr<raptor_uri, CFree<raptor_free_uri>>;
using RaptorTermPtr = std::unique_ptr<raptor_term, CFree<raptor_free_term>>;
using RaptorStatementPtr = std::unique_ptr<raptor_statement, CFree<raptor_free_statement>>;

/// `node` as a `Term` (borrowed, not freed). A literal's datatype `xsd:string` becomes `Plain`.
[[nodiscard]] Term to_term(librdf_node* node);

/// A new librdf node for `term` (owned by the caller).
[[nodiscard]] NodePtr make_node(librdf_world* world, TermRef term);

/// One message that librdf, raptor or rasqal logged.
struct LogEntry {
    int level = 0; ///< a `librdf_log_level`
    int line = -1; ///< 1-based line from the locator, -1 when unknown
    int column = -1;
    std::string message;
};

/// Routes the log messages of `world` into `entries` while alive, then restores librdf's default
/// handler (print to stderr). Not reentrant: one capture per world at a time.
class LogCapture {
public:
    explicit LogCapture(librdf_world* world) : world_(world) {
        librdf_world_set_logger(world_, this, &LogCapture::handle);
    }
    ~LogCapture() { librdf_world_set_logger(world_, nullptr, nullptr); }
    LogCapture(const LogCapture&) = delete;
    LogCapture& operator=(const LogCapture&) = delete;

    std::vector<LogEntry> entries;

    /// True when an error or fatal message was logged.
    [[nodiscard]] bool has_error() const {
        for (const auto& e : entries)
            if (e.level >= LIBRDF_LOG_ERROR) return true;
        return false;
    }
    /// The first error message: "FILE:LINE: message" when `file` is given (":LINE" only when the
    /// line is known), else "line LINE: message" or just the message.
    [[nodiscard]] std::string first_error(const std::string& file = {}) const {
        for (const auto& e : entries) {
            if (e.level < LIBRDF_LOG_ERROR) continue;
            std::string out = file;
            if (e.line > 0)
                out +=
                    file.empty() ? "line " + std::to_string(e.line) : ":" + std::to_string(e.line);
            return out.empty() ? e.message : out + ": " + e.message;
        }
        return file.empty() ? std::string("unknown error") : file + ": unknown error";
    }

private:
    static int handle(void* user_data, librdf_log_message* message) {
        auto* self = static_cast<LogCapture*>(user_data);
        try { // no exception may cross the C frames of librdf
            LogEntry e;
            e.level = static_cast<int>(librdf_log_message_level(message));
            if (const char* text = librdf_log_message_message(message)) e.message = text;
            if (raptor_locator* loc = librdf_log_message_locator(message)) {
                e.line = raptor_locator_line(loc);
                e.column = raptor_locator_column(loc);
            }
            self->entries.push_back(std::move(e));
        } catch (...) {
        }
        return 1; // handled: librdf prints nothing
    }

    librdf_world* world_; ///< not owned
};

} // namespace parley::rdf
