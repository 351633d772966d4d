/// What a calendar file is for (RFC 5546): a feed to subscribe to, an invitation, a cancellation.
public enum ICalendarMethod: String, Sendable {
    case publish = "PUBLISH", request = "REQUEST", cancel = "CANCEL"
}

/// Writes training sessions as an iCalendar file (RFC 5545), times in French time (Europe/Paris).
///
/// - A subscription feed: `method: .publish` (or nil), no attendee; serve as `text/calendar; charset=utf-8`.
/// - An invitation mailed to one person: `.request`, with organizer and attendee set; attach as
///   `text/calendar; method=REQUEST; charset=UTF-8`. A cancellation: `.cancel`, same UID, higher
///   sequence; every event is then written STATUS:CANCELLED.
///
/// `now` (Unix seconds) is the DTSTAMP: pass the clock's time, or a fixed one in tests.
public enum ICalendar {
    public static let timeZoneID = "Europe/Paris"

    public static func document(
        events: [CalendarEvent], method: ICalendarMethod?, name: String?,
        productId: String, now: Int64
    ) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + ICalendarFormat.text(productId), "CALSCALE:GREGORIAN",
        ]
        if let method { lines.append("METHOD:" + method.rawValue) }
        if let name { lines.append("X-WR-CALNAME:" + ICalendarFormat.text(name)) }
        lines.append("X-WR-TIMEZONE:" + timeZoneID)
        lines += parisTimeZone
        for event in events {
            lines += eventLines(event, cancelled: event.cancelled || method == .cancel, now: now)
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendarFormat.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The DTSTAMP line of a feed rendered with `now: 0`, and the value that replaces its stamp at
    /// `now`: for a server that renders a feed once, keeps it as bytes and writes in place the time each
    /// request is served (DTSTAMP is when the file is produced, RFC 5545 §3.8.7.2). The stamp has the
    /// same length, so folded lines stay as they were.
    public static let unstampedLine = "\r\nDTSTAMP:" + ICalendarFormat.utc(0) + "\r\n"
    public static func stampValue(_ now: Int64) -> String { ICalendarFormat.utc(now) }

    /// Europe/Paris as calendars need it to read `TZID=Europe/Paris` (the rule of `ParisTime`).
    static let parisTimeZone = [
        "BEGIN:VTIMEZONE",
        "TZID:" + timeZoneID,
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]

    /// One VEVENT, unfolded. Empty optional texts are left out.
    static func eventLines(_ event: CalendarEvent, cancelled: Bool, now: Int64) -> [String] {
        typealias F = ICalendarFormat
        var lines = [
            "BEGIN:VEVENT",
            "UID:" + F.text(event.uid),
            "SEQUENCE:\(max(0, event.sequence))",
            "DTSTAMP:" + F.utc(now),
            "DTSTART;TZID=\(timeZoneID):" + F.paris(event.start),
        ]
        if event.end > event.start { lines.append("DTEND;TZID=\(timeZoneID):" + F.paris(event.end)) }
        lines.append("LAST-MODIFIED:" + F.utc(event.lastModified))
        lines.append("STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"))
        lines.append("SUMMARY:" + F.text(event.summary))
        if !event.description.isEmpty { lines.append("DESCRIPTION:" + F.text(event.description)) }
        if let location = event.location, !location.isEmpty { lines.append("LOCATION:" + F.text(location)) }
        if let geo = event.geo.flatMap(F.geo) { lines.append("GEO:" + geo) }
        if let url = event.url.map(F.uri), !url.isEmpty { lines.append("URL:" + url) }
        let categories = event.categories.filter { !$0.isEmpty }
        if !categories.isEmpty { lines.append("CATEGORIES:" + categories.map(F.text).joined(separator: ",")) }
        if let line = address("ORGANIZER", name: event.organizerName, email: event.organizerEmail) {
            lines.append(line)
        }
        if let line = address(
            "ATTENDEE", name: event.attendeeName, email: event.attendeeEmail,
            parameters: ";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE")
        {
            lines.append(line)
        }
        lines.append("END:VEVENT")
        return lines
    }

    /// `ORGANIZER;CN=Name:mailto:email`, or nil without an e-mail address.
    static func address(_ property: String, name: String?, email: String?, parameters: String = "") -> String? {
        guard let email = email.map(ICalendarFormat.uri), !email.isEmpty else { return nil }
        let cn = name.map(ICalendarFormat.parameter).flatMap { $0.isEmpty ? nil : ";CN=" + $0 } ?? ""
        return property + cn + parameters + ":mailto:" + email
    }
}
