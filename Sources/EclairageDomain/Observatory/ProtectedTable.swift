/// Why a cell is not published.
public enum SuppressionReason: String, Hashable, Sendable {
    /// The cell rests on fewer units than the threshold.
    case tooFew
    /// The cell is large enough, but publishing it would let a reader work out a hidden cell by
    /// subtracting published figures, or it follows a hidden cell of the table it is based on.
    case wouldReveal
}

/// A cell after disclosure control: its figure is shown only when it is not suppressed.
public struct ProtectedCell: Hashable, Sendable {
    public var cell: ObservatoryCell
    public var suppression: SuppressionReason?

    /// The figure to show, or nil when the cell is suppressed.
    public var published: CellValue? { suppression == nil ? cell.value : nil }
}

/// A table after disclosure control, its cells in key order.
public struct ProtectedTable: Hashable, Sendable {
    public var name: String
    public var cells: [ProtectedCell]

    public subscript(key: CellKey) -> ProtectedCell? { cells.first { $0.cell.key == key } }
}
