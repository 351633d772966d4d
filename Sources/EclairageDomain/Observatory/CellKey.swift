/// What a cell of an observatory table describes: a territory, a period and, in tables split by
/// category (a level A–E, a theme, a tool for a need, a difficulty), the category. A nil category is
/// the table's total over its categories.
public struct CellKey: Hashable, Sendable, Comparable {
    public var territory: Territory
    public var period: ObservatoryPeriod
    public var category: String?

    public init(_ territory: Territory, _ period: ObservatoryPeriod, _ category: String? = nil) {
        self.territory = territory
        self.period = period
        self.category = category
    }

    /// By territory, then period, then category with the total first.
    public static func < (lhs: CellKey, rhs: CellKey) -> Bool {
        if lhs.territory != rhs.territory { return lhs.territory < rhs.territory }
        if lhs.period != rhs.period { return lhs.period < rhs.period }
        switch (lhs.category, rhs.category) {
        case (nil, nil), (.some, nil): return false
        case (nil, .some): return true
        case (.some(let left), .some(let right)): return left < right
        }
    }
}
