import NIOConcurrencyHelpers
import NIOCore

/// Values computed from data a request has already read, kept under a key with that data (the
/// basis) beside them: a value is served only while the basis it was made from is equal, compared
/// whole, so a change to the data is a miss at once, on every server, with no version to keep and
/// no timer. For what signed-in pages compute from a diagnostic's answers (`ReportCache`): the key
/// says whose computation it is (a diagnostic, and what the computation reads of the request), the
/// basis what it was computed from. Bounded by a number of entries, oldest first out.
final class ComputedCache<Basis: Equatable & Sendable, Value: Sendable>: Sendable {
    struct Statistics: Sendable {
        var entries = 0
        var hits = 0
        var misses = 0
    }

    private struct Entry {
        let basis: Basis
        let value: Value
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var order = CircularBuffer<String>()
        var statistics = Statistics()
    }

    let capacity: Int
    private let state = NIOLockedValueBox(State())

    init(capacity: Int) { self.capacity = capacity }

    var statistics: Statistics { state.withLockedValue { $0.statistics } }

    /// The value kept for `key` if it was made from `basis`, else made by `make` and kept.
    func value(for key: String, basis: Basis, make: () throws -> Value) rethrows -> Value {
        if let kept = kept(key, basis: basis) { return kept }
        return keep(try make(), for: key, basis: basis)
    }

    /// The same, for a value whose making reads the database.
    func value(for key: String, basis: Basis, make: () async throws -> Value) async rethrows -> Value {
        if let kept = kept(key, basis: basis) { return kept }
        return keep(try await make(), for: key, basis: basis)
    }

    private func kept(_ key: String, basis: Basis) -> Value? {
        state.withLockedValue { state -> Value? in
            guard let entry = state.entries[key], entry.basis == basis else {
                state.statistics.misses += 1
                return nil
            }
            state.statistics.hits += 1
            return entry.value
        }
    }

    private func keep(_ value: Value, for key: String, basis: Basis) -> Value {
        guard capacity > 0 else { return value }
        state.withLockedValue { state in
            if state.entries.updateValue(Entry(basis: basis, value: value), forKey: key) == nil {
                state.order.append(key)
                while state.entries.count > capacity, let oldest = state.order.popFirst() {
                    state.entries.removeValue(forKey: oldest)
                }
            }
            state.statistics.entries = state.entries.count
        }
        return value
    }
}
