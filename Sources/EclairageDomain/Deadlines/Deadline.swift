import Foundation

/// A date the association must not miss, derived from what it already recorded: a domain or
/// subscription to renew (the inventory), new officers to declare within three months of a change of
/// board (a handover whose declaration is not ticked: loi du 1er juillet 1901, art. 5), the yearly
/// declaration of the donations it gave tax receipts for (CGI, art. 222 bis), the register to review
/// once a year. Nothing here is typed twice: each comes from its source and goes when done there.
public struct Deadline: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case renewal
        case declareOfficers = "declare-officers"
        case taxReceipts = "tax-receipts"
        case registerReview = "register-review"
    }

    public let kind: Kind
    /// The asset's or handover's id, the year for the tax receipts; with the kind and day, what a
    /// reminder is claimed under, so a restart never mails it twice.
    public let source: String
    /// What it is about, in the association's words (an asset's name), or "".
    public let subject: String
    public let due: Day

    public var reference: String { "\(kind.rawValue):\(source):\(due.iso)" }

    /// Days before the day when a reminder goes out (the inventory's lapse reminders keep their own).
    public static let thresholds = [30, 7]

    /// The threshold a reminder is due for, `daysLeft` days ahead: the smallest crossed, or nil.
    public static func threshold(daysLeft: Int) -> Int? {
        thresholds.sorted().first { daysLeft <= $0 }
    }
}

/// What the deadlines are derived from.
public struct DeadlineSources: Sendable {
    public struct Handover: Sendable {
        public let id: String
        /// The day the change of board began to be handed over (the meeting that elected it, or close to it).
        public let startedOn: Day
        public let declared: Bool

        public init(id: String, startedOn: Day, declared: Bool) {
            self.id = id
            self.startedOn = startedOn
            self.declared = declared
        }
    }

    /// Something of the inventory that lapses: a domain, a subscription.
    public struct Renewal: Sendable {
        public let id: String
        public let name: String
        public let expiresOn: Day

        public init(id: String, name: String, expiresOn: Day) {
            self.id = id
            self.name = name
            self.expiresOn = expiresOn
        }
    }

    public let renewals: [Renewal]
    public let handovers: [Handover]
    public let issuesTaxReceipts: Bool
    /// The day the register was last changed, nil when it has no activity.
    public let registerChangedOn: Day?

    public init(renewals: [Renewal], handovers: [Handover], issuesTaxReceipts: Bool, registerChangedOn: Day?) {
        self.renewals = renewals
        self.handovers = handovers
        self.issuesTaxReceipts = issuesTaxReceipts
        self.registerChangedOn = registerChangedOn
    }
}

public enum Deadlines {
    /// Up to a year ahead, and what lapsed in the last 30 days (still to act on), by date.
    public static func of(_ sources: DeadlineSources, today: Day) -> [Deadline] {
        var found: [Deadline] = []
        for renewal in sources.renewals {
            found.append(Deadline(kind: .renewal, source: renewal.id, subject: renewal.name, due: renewal.expiresOn))
        }
        for handover in sources.handovers where !handover.declared {
            found.append(
                Deadline(
                    kind: .declareOfficers, source: handover.id, subject: "",
                    due: addingMonths(3, to: handover.startedOn)))
        }
        if sources.issuesTaxReceipts {
            let (year, _, _) = today.civil
            let thisYear = taxReceiptsDue(year: year)
            let due = today <= thisYear ? thisYear : taxReceiptsDue(year: year + 1)
            found.append(Deadline(kind: .taxReceipts, source: String(due.civil.0), subject: "", due: due))
        }
        if let changed = sources.registerChangedOn {
            found.append(
                Deadline(kind: .registerReview, source: "register", subject: "", due: addingMonths(12, to: changed)))
        }
        return found.filter { $0.due - today >= -30 && $0.due - today <= 366 }
            .sorted { ($0.due, $0.kind.rawValue, $0.subject) < ($1.due, $1.kind.rawValue, $1.subject) }
    }

    /// For a financial year closed on 31 December: the second working day after 1 May (CGI, art. 223,
    /// to which art. 222 bis refers). Working days: Monday to Friday, French public holidays excluded.
    public static func taxReceiptsDue(year: Int) -> Day {
        var day = Day(number: Day.days(year: year, month: 5, day: 1))
        var working = 0
        while working < 2 {
            day = Day(number: day.number + 1)
            if day.isoWeekday <= 5 && !FrenchHolidays.isHoliday(day) { working += 1 }
        }
        return day
    }

    /// The same day `months` later, or the month's last day (31 January + 1 month: 28 or 29 February).
    public static func addingMonths(_ months: Int, to day: Day) -> Day {
        let (y, m, d) = day.civil
        let total = (m - 1) + months
        let year = y + total / 12
        let month = total % 12 + 1
        return Day(number: Day.days(year: year, month: month, day: min(d, Day.daysIn(month: month, year: year))))
    }
}

extension ProcessingActivity {
    /// Whether a register text speaks of tax receipts: then the association issues them, and declares
    /// them every year.
    public static func speaksOfTaxReceipts(_ text: String) -> Bool {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return folded.contains("recu fiscal") || folded.contains("recus fiscaux")
    }
}
