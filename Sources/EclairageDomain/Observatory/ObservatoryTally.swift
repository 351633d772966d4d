/// One record as the observatory counts it: the unit it belongs to (its association; nil for an
/// anonymous diagnostic, a unit of its own) and when it was completed, so that the latest one of a
/// unit in a period is the one counted.
public struct CountedRecord: Sendable {
    public let unit: String?
    public let completedAt: Int64
    public let record: ObservatoryRecord

    public init(unit: String?, completedAt: Int64, record: ObservatoryRecord) {
        self.unit = unit
        self.completedAt = completedAt
        self.record = record
    }
}

/// What the observatory adds up for one territory and one period, before disclosure control.
struct ObservatoryTally: Sendable {
    /// Associations, and anonymous diagnostics, each once (with its latest diagnostic in the period).
    var units = 0
    /// Completed diagnostics (an association may complete more than one in a period).
    var diagnostics = 0
    var levels: [String: Int] = [:]
    /// "overall" and each theme id: the scores of the units counted.
    var scores: [String: Spread] = [:]
    /// Each published tag's count (one per unit): table name → category → units.
    var tags: [String: [String: Int]] = [:]
    var versions: Set<String> = []

    mutating func count(_ record: ObservatoryRecord) {
        units += 1
        levels[record.level.rawValue, default: 0] += 1
        scores[ObservatoryCube.overall, default: Spread()].add(Double(record.overall))
        for (theme, score) in record.scores { scores[theme, default: Spread()].add(Double(score)) }
        for tag in record.tags {
            guard let (table, category) = ObservatoryCube.table(of: tag) else { continue }
            tags[table, default: [:]][category, default: 0] += 1
        }
        versions.insert(record.questionnaireVersion)
    }
}

/// Count, mean and standard deviation of values, added one at a time.
struct Spread: Sendable {
    var count = 0
    var sum = 0.0
    var squares = 0.0

    mutating func add(_ value: Double) {
        count += 1
        sum += value
        squares += value * value
    }

    var mean: Double { count == 0 ? 0 : sum / Double(count) }

    /// The population standard deviation (the units counted are the whole population of the cell).
    var deviation: Double {
        guard count > 0 else { return 0 }
        return (max(0, squares / Double(count) - mean * mean)).squareRoot()
    }
}
