/// The figure a cell shows: a count (of associations, of diagnostics, of answers), or a mean with its
/// spread (the standard deviation of the values it averages).
public enum CellValue: Hashable, Sendable {
    case count(Int)
    case mean(Double, spread: Double)
}

/// One cell of an observatory table before disclosure control: its key, the number of distinct units
/// it rests on (associations, or distinct diagnostics for anonymous records), and its figure.
public struct ObservatoryCell: Hashable, Sendable {
    public var key: CellKey
    public var units: Int
    public var value: CellValue

    public init(_ key: CellKey, units: Int, value: CellValue) {
        self.key = key
        self.units = units
        self.value = value
    }

    /// A count of units, the most common cell: its figure is the number of units itself.
    public static func count(_ key: CellKey, _ units: Int) -> ObservatoryCell {
        ObservatoryCell(key, units: units, value: .count(units))
    }
}
