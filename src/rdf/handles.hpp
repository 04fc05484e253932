// RAII for librdf/raptor handles: one typed deleter per handle (serd's StandaloneDeleter style).
// This header includes <redland.h>; include it only from .cpp files, never from public headers.
#pragma once

#include "core/error.hpp"

#include <memory>
#include <redland.h>
#include <string>

namespace parley::rdf {

/// Calls `Free(p)` for a non-null `p`.
template <auto Free> struct CFree {
    template <class T> void operator()(T* p) const noexcept {
        if (p) Free(p);
    }
};

using WorldPtr = std::unique_ptr<librdf_world, CFree<librdf_free_world>>;
using StoragePtr = std::unique_ptr<librdf_storage, CFree<librdf_free_storage>>;
using ModelPtr = std::unique_ptr<librdf_model, CFree<librdf_free_model>>;
using NodePtr = std::unique_ptr<librdf_node, CFree<librdf_free_node>>;
using StatementPtr = std::unique_ptr<librdf_statement, CFree<librdf_free_statement>>;
using StreamPtr = std::unique_ptr<librdf_stream, CFree<librdf_free_stream>>;
using ParserPtr = std::unique_ptr<librdf_parser, CFree<librdf_free_parser>>;
using SerializerPtr = std::unique_ptr<librdf_serializer, CFree<librdf_free_serializer>>;
using UriPtr = std::unique_ptr<librdf_uri, CFree<librdf_free_uri>>;
using QueryPtr = std::unique_ptr<librdf_query, CFree<librdf_free_query>>;
using QueryResultsPtr = std::unique_ptr<librdf_query_results, CFree<librdf_free_query_results>>;
using IteratorPtr = std::unique_ptr<librdf_iterator, CFree<librdf_free_iterator>>;

/// Throws `InternalError`-free, user-facing `ParleyError` (exit 2) when `p` is null.
template <class T> T* check_new(T* p, const std::string& what) {
    if (!p) throw io_error("librdf: could not create " + what);
    return p;
}

} // namespace parley::rdf
