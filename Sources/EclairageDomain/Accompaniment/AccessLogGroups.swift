/// The access log as the association reads it: repeated views of the same thing by the same person of
/// the same body on the same day make one line with their count and the first and last time.
public struct AccessLogLine: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let person: String
        public let body: String
        public let what: String
        public let at: Int64
        public let day: Day

        public init(person: String, body: String, what: String, at: Int64, day: Day) {
            self.person = person
            self.body = body
            self.what = what
            self.at = at
            self.day = day
        }
    }

    public let person: String
    public let body: String
    public let what: String
    public let day: Day
    /// Newest first, as the log is read.
    public let last: Int64
    public let first: Int64
    public let count: Int

    /// `entries` newest first.
    public static func grouped(_ entries: [Entry]) -> [AccessLogLine] {
        var lines: [AccessLogLine] = []
        for entry in entries {
            if let index = lines.firstIndex(where: {
                $0.day == entry.day && $0.person == entry.person && $0.body == entry.body && $0.what == entry.what
            }) {
                let line = lines[index]
                lines[index] = AccessLogLine(
                    person: line.person, body: line.body, what: line.what, day: line.day, last: line.last,
                    first: min(line.first, entry.at), count: line.count + 1)
            } else {
                lines.append(
                    AccessLogLine(
                        person: entry.person, body: entry.body, what: entry.what, day: entry.day, last: entry.at,
                        first: entry.at, count: 1))
            }
        }
        return lines
    }
}
