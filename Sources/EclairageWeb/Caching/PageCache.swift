import CompressNIO
import Hummingbird
import NIOConcurrencyHelpers
import NIOCore

/// Whole anonymous responses (layout included), kept as bytes and keyed on exactly what they depend
/// on (see `CachedPage`): nothing expires on a timer, a write changes the key. Bounded by bytes
/// (oldest first out); the requests that miss together wait for one rendering (single flight).
final class PageCache: Sendable {
    struct Entry: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        /// With `FormToken.slot` where the page's forms carry their token,
        let body: ByteBuffer
        /// at these offsets from its start (none: a page without a form).
        let formSlots: [Int]
        /// The body compressed, made by the first request that accepts gzip.
        var gzipped: ByteBuffer?
        /// For an iCalendar feed: where its DTSTAMP values are, written at each request (`CalendarController.ics`).
        var stamps: [Int] = []

        var cost: Int { body.readableBytes + (gzipped?.readableBytes ?? 0) + 256 }
    }

    struct Statistics: Sendable {
        var entries = 0
        var bytes = 0
        var hits = 0
        var misses = 0
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var order = CircularBuffer<String>()
        var statistics = Statistics()
        /// The requests waiting for a rendering under way, by key.
        var waiting: [String: [CheckedContinuation<Entry?, Never>]] = [:]
    }

    let limit: Int
    private let state = NIOLockedValueBox(State())

    init(limit: Int) { self.limit = limit }

    var statistics: Statistics { state.withLockedValue { $0.statistics } }

    /// The entry for `key`: kept, or rendered once by `render` (nil: not to keep) for all who ask meanwhile.
    func entry(for key: String, render: () async throws -> Entry?) async throws -> Entry? {
        enum Step { case hit(Entry), lead, follow }
        let step = state.withLockedValue { state -> Step in
            if let entry = state.entries[key] {
                state.statistics.hits += 1
                return .hit(entry)
            }
            state.statistics.misses += 1
            if state.waiting[key] != nil { return .follow }
            state.waiting[key] = []
            return .lead
        }
        switch step {
        case .hit(let entry):
            return entry
        case .follow:
            let shared = await withCheckedContinuation { (waiter: CheckedContinuation<Entry?, Never>) in
                let ready = state.withLockedValue { state -> Entry?? in
                    if let entry = state.entries[key] { return .some(entry) }
                    guard state.waiting[key] != nil else { return .some(nil) }
                    state.waiting[key]?.append(waiter)
                    return nil
                }
                if let ready { waiter.resume(returning: ready) }
            }
            // The rendering was not kept (an error, another status): this request renders its own.
            if let shared { return shared }
            return try await render()
        case .lead:
            let rendered: Entry?
            do {
                rendered = try await render()
            } catch {
                for waiter in state.withLockedValue({ $0.waiting.removeValue(forKey: key) ?? [] }) {
                    waiter.resume(returning: nil)
                }
                throw error
            }
            let waiters = state.withLockedValue { state in
                if let rendered { Self.store(rendered, for: key, in: &state, limit: limit) }
                return state.waiting.removeValue(forKey: key) ?? []
            }
            for waiter in waiters { waiter.resume(returning: rendered) }
            return rendered
        }
    }

    /// The entry's body compressed with gzip, made once and kept with it.
    func gzipped(_ entry: Entry, for key: String) throws -> ByteBuffer {
        if let done = entry.gzipped { return done }
        var source = entry.body
        let compressed = try source.compress(with: .gzip())
        state.withLockedValue { state in
            guard var kept = state.entries[key], kept.gzipped == nil else { return }
            kept.gzipped = compressed
            state.statistics.bytes += compressed.readableBytes
            state.entries[key] = kept
            Self.evict(&state, limit: limit)
        }
        return compressed
    }

    private static func store(_ entry: Entry, for key: String, in state: inout State, limit: Int) {
        guard entry.cost <= limit / 4 else { return }  // one page never pushes out most of the others
        if let old = state.entries.updateValue(entry, forKey: key) {
            state.statistics.bytes -= old.cost
        } else {
            state.order.append(key)
        }
        state.statistics.bytes += entry.cost
        evict(&state, limit: limit)
        state.statistics.entries = state.entries.count
    }

    private static func evict(_ state: inout State, limit: Int) {
        while state.statistics.bytes > limit, let oldest = state.order.popFirst() {
            if let gone = state.entries.removeValue(forKey: oldest) { state.statistics.bytes -= gone.cost }
        }
        state.statistics.entries = state.entries.count
    }
}
