#include "core/error.hpp"

namespace parley {

void fail_check(const char* condition, const std::string& message, std::source_location where) {
    throw InternalError(std::string("internal check failed: ") + condition + ": " + message + " (" +
                        where.file_name() + ":" + std::to_string(where.line()) + " in " +
                        where.function_name() + ")");
}

} // namespace parley
