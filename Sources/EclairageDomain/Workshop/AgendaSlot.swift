import Foundation

/// An agenda item of a room, with its time slot ("14:00–14:30" as minutes from midnight, Paris time).
public struct AgendaSlot: Sendable, Equatable {
    public let start: Int
    public let end: Int

    /// Reads "HH:MM" start and end; nil when either is not a time or the end is not after the start.
    public static func read(start: String, end: String) -> AgendaSlot? {
        guard let from = minutes(start), let to = minutes(end), to > from else { return nil }
        return AgendaSlot(start: from, end: to)
    }

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    static func minutes(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour),
            (0..<60).contains(minute), parts[1].count == 2
        else { return nil }
        return hour * 60 + minute
    }

    public var text: String { "\(Self.clock(start))–\(Self.clock(end))" }

    static func clock(_ minutes: Int) -> String {
        let hour = minutes / 60
        let minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
