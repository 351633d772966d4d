/// What an association can give to a change, read from the context answers' tags
/// (`budget:zero`, `skills:low`, `time:none`, `help:local`, `values:high`…).
public struct Constraints: Sendable, Equatable {
    public enum Budget: String, Sendable { case zero, small, medium, large, unknown }
    public enum Level: String, Sendable { case low, medium, high, unknown }
    public enum Time: String, Sendable { case none, little, some, unknown }
    public enum Help: String, Sendable { case none, member, local, unknown }

    public var budget: Budget
    public var skills: Level
    public var time: Time
    public var help: Help
    public var values: Level
    /// Tools the association already uses (`uses:` tags).
    public var toolsInUse: Set<String>

    public init(budget: Budget = .unknown, skills: Level = .unknown, time: Time = .unknown, help: Help = .unknown,
                values: Level = .unknown, toolsInUse: Set<String> = []) {
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
    }

    /// Somebody can run a server: a member who knows how, or a local helper the association named.
    public var canSelfHost: Bool { help == .member || help == .local }
}
