#if canImport(Glibc)
    import Glibc
#endif

/// Start-up builds and drops many short-lived values (YAML trees, template sources). glibc keeps the
/// freed pages in its arenas; `malloc_trim` hands them back, so an idle server holds only what it
/// uses. glibc's <malloc.h> is not part of the Glibc module, hence the lookup by name.
enum StartupMemory {
    static func release() {
        #if canImport(Glibc)
            typealias Trim = @convention(c) (Int) -> Int32
            guard let symbol = dlsym(nil, "malloc_trim") else { return }
            _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
