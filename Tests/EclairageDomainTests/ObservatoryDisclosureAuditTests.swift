import Testing

@testable import EclairageDomain

/// The audit finding which unknowns a set of sums fixes, on equations small enough to solve by hand.
@Suite struct ObservatoryDisclosureAuditTests {
    /// x0 − x1 = a and x1 = b fix both; x2 + x3 = c fixes neither.
    @Test func findsTheUnknownsTheEquationsFix() {
        var audit = LinearAudit()
        audit.add([0: 1, 1: -1])
        audit.add([1: 1])
        audit.add([2: 1, 3: 1])
        #expect(audit.fixed == [0, 1])
    }

    /// Rows, columns and the grand total of a 2 × 2 rectangle of hidden cells fix none of them; a
    /// fifth equation on one cell fixes all four.
    @Test func aRectangleOfHiddenCellsStaysOpenUntilOneIsKnown() {
        var audit = LinearAudit()
        for equation: [Int: Int64] in [[0: 1, 1: 1], [2: 1, 3: 1], [0: 1, 2: 1], [1: 1, 3: 1]] { audit.add(equation) }
        #expect(audit.fixed.isEmpty)
        audit.add([3: 1])
        #expect(audit.fixed == [0, 1, 2, 3])
    }
}
