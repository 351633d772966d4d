/// What an association can give to a change, read from the context answers' tags
/// (`budget:zero`, `skills:low`, `time:none`, `help:local`, `values:high`…).
public struct Constraints: Sendable, Equatable {
    /// `zero`: no money at all; `tight`: under 1,000 € a year (cheap priced offers, after a 0 € one).
    public enum Budget: String, Codable, Sendable { case zero, tight, small, medium, large, unknown }
    public enum Level: String, Sendable { case low, medium, high, unknown }
    public enum Time: String, Sendable { case none, little, some, unknown }
    public enum Help: String, Sendable { case none, member, local, unknown }
    public enum Size: String, Sendable { case tiny, small, medium, large, unknown }

    public var budget: Budget
    public var skills: Level
    public var time: Time
    public var help: Help
    public var values: Level
    /// Tools the association already uses (`uses:` tags).
    public var toolsInUse: Set<String>
    public var size: Size = .unknown
    /// Employees (`staff:none|few|some|many`): they use the tools too, whatever the number of volunteers.
    public var staff: Int = 0
    /// The association runs its own server (`has:server`: a YunoHost box or another).
    public var hasServer = false
    /// The association owns no computer (`has:no-computer`: volunteers use their own): no advice on
    /// the system of computers it does not have.
    public var ownsNoComputer = false
    /// Systems its computers run (`platform:` tags); empty when not said.
    public var platforms: Set<Tool.Platform> = []
    /// Tools named under each need's list (`uses-for:<need>:<tool>`; `other` for "another tool").
    public var toolsUsedFor: [String: Set<String>] = [:]
    /// Every `risk:` and `quick:` tag the answers carry: what they flag about the association's practices.
    public var risks: Set<String> = []

    public init(
        budget: Budget = .unknown, skills: Level = .unknown, time: Time = .unknown, help: Help = .unknown,
        values: Level = .unknown, toolsInUse: Set<String> = []
    ) {
        self.budget = budget
        self.skills = skills
        self.time = time
        self.help = help
        self.values = values
        self.toolsInUse = toolsInUse
    }

    public init(tags: Set<String>) {
        func value(_ prefix: String) -> String? {
            tags.filter { $0.hasPrefix(prefix + ":") }.sorted().first.map { String($0.dropFirst(prefix.count + 1)) }
        }
        self.init(
            budget: value("budget").flatMap(Budget.init(rawValue:)) ?? .unknown,
            skills: value("skills").flatMap(Level.init(rawValue:)) ?? .unknown,
            time: value("time").flatMap(Time.init(rawValue:)) ?? .unknown,
            help: value("help").flatMap(Help.init(rawValue:)) ?? .unknown,
            values: value("values").flatMap(Level.init(rawValue:)) ?? .unknown,
            toolsInUse: Set(tags.filter { $0.hasPrefix("uses:") }.map { String($0.dropFirst(5)) })
        )
        size = value("size").flatMap(Size.init(rawValue:)) ?? .unknown
        platforms = Set(
            tags.filter { $0.hasPrefix("platform:") }.compactMap { Tool.Platform(rawValue: String($0.dropFirst(9))) })
        for tag in tags where tag.hasPrefix("uses-for:") {
            let parts = tag.split(separator: ":", maxSplits: 2).map(String.init)
            if parts.count == 3 { toolsUsedFor[parts[1], default: []].insert(parts[2]) }
        }
        risks = tags.filter { $0.hasPrefix("risk:") || $0.hasPrefix("quick:") }
        staff =
            switch value("staff") {
            case "few": 2
            case "some": 9
            case "many": 50
            default: 0
            }
        hasServer = tags.contains("has:server")
        ownsNoComputer = tags.contains("has:no-computer")
    }

    /// How much of a free tier's unit the association needs: accounts and answers or mails for every
    /// person (a survey answered by all in a month, a letter sent to all in a day); people editing the
    /// same document at once, a tenth of them, two at least.
    public func demand(in unit: Tool.FreeTierUnit) -> Int {
        switch unit {
        case .accounts, .responses, .mails: people
        case .editors: max(2, people / 10)
        }
    }

    /// How many people a tool must serve: the top of the size band (active members), or the staff
    /// when they are more.
    public var people: Int {
        let members =
            switch size {
            case .tiny: 9
            case .small: 49
            case .medium: 199
            case .large: 500
            case .unknown: 10
            }
        return max(members, staff)
    }

    /// The tools in use for a need: those named under its list, or — when the answers name no list
    /// (older diagnostics) — every tool in use.
    public func tools(usedFor need: String) -> Set<String> {
        toolsUsedFor.isEmpty ? toolsInUse : toolsUsedFor[need] ?? []
    }

    /// Somebody can run a server: a member who knows how, or a local helper the association named.
    public var canSelfHost: Bool { help == .member || help == .local }
}
