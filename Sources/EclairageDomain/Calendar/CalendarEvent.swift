/// One training session as a calendar shows it. Times are Unix seconds (UTC); the writer shows them
/// in French time.
public struct CalendarEvent: Sendable, Equatable {
    /// Stable for the life of the session ("session-42@eclairage.example"): calendars match updates on it.
    public var uid: String
    /// Raised on every change a participant should see (time, place, cancellation); calendars ignore
    /// an update whose sequence is not higher than the one they hold.
    public var sequence: Int
    public var start: Int64
    /// Written only when after `start`.
    public var end: Int64
    public var summary: String
    public var description: String
    public var location: String?
    public var url: String?
    /// STATUS:CANCELLED rather than CONFIRMED. Keep a cancelled session in the feed (with a higher
    /// sequence) so that subscribed calendars learn of it.
    public var cancelled: Bool
    public var organizerName: String?
    public var organizerEmail: String?
    /// The person an invitation is mailed to (METHOD:REQUEST / CANCEL); nil in a public feed.
    public var attendeeEmail: String?
    public var attendeeName: String?
    public var lastModified: Int64
    public var categories: [String]
    /// The GEO property (the directory's `GeoPoint`); left out when out of range.
    public var geo: GeoPoint?

    public init(
        uid: String, sequence: Int = 0, start: Int64, end: Int64, summary: String, description: String = "",
        location: String? = nil, url: String? = nil, cancelled: Bool = false,
        organizerName: String? = nil, organizerEmail: String? = nil,
        attendeeEmail: String? = nil, attendeeName: String? = nil,
        lastModified: Int64, categories: [String] = [], geo: GeoPoint? = nil
    ) {
        self.uid = uid
        self.sequence = sequence
        self.start = start
        self.end = end
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
        self.cancelled = cancelled
        self.organizerName = organizerName
        self.organizerEmail = organizerEmail
        self.attendeeEmail = attendeeEmail
        self.attendeeName = attendeeName
        self.lastModified = lastModified
        self.categories = categories
        self.geo = geo
    }
}
