/// Which unknowns of a set of linear equations are fixed by them: the hidden figures a reader could
/// compute exactly by combining every sum the tables publish, not only one at a time.
///
/// The equations are brought to reduced row echelon form, in arithmetic modulo the prime 2^31 − 1 so
/// that no rounding creeps in. The answer can differ from the one over the rationals only if the prime
/// divides one of the system's determinants, which is very unlikely for such a prime and coefficients
/// of ±1. An unknown is fixed exactly when its column leads a row
/// that has no other entry.
struct LinearAudit {
    private static let prime: Int64 = 2_147_483_647
    /// The rows of the reduced form, each led by the unknown it is keyed by: unknown → coefficient.
    private var rows: [Int: [Int: Int64]] = [:]

    /// Adds an equation, given as unknown → coefficient (its constant does not matter here).
    mutating func add(_ equation: [Int: Int64]) {
        var row = equation.mapValues { ($0 % Self.prime + Self.prime) % Self.prime }.filter { $0.value != 0 }
        for (unknown, coefficient) in row where rows[unknown] != nil && coefficient != 0 {
            subtract(rows[unknown]!, times: row[unknown] ?? 0, from: &row)
        }
        guard let lead = row.keys.min() else { return }
        let inverse = Self.inverse(row[lead]!)
        row = row.mapValues { $0 * inverse % Self.prime }
        for (unknown, other) in rows {
            guard let factor = other[lead] else { continue }
            var reduced = other
            subtract(row, times: factor, from: &reduced)
            rows[unknown] = reduced
        }
        rows[lead] = row
    }

    /// The unknowns the equations fix, in order.
    var fixed: [Int] {
        rows.filter { $0.value.count == 1 }.keys.sorted()
    }

    private func subtract(_ row: [Int: Int64], times factor: Int64, from target: inout [Int: Int64]) {
        guard factor != 0 else { return }
        for (unknown, coefficient) in row {
            let value = ((target[unknown] ?? 0) - factor * coefficient % Self.prime + Self.prime) % Self.prime
            target[unknown] = value == 0 ? nil : value
        }
    }

    private static func inverse(_ value: Int64) -> Int64 {
        var result: Int64 = 1
        var base = value % prime
        var exponent = prime - 2
        while exponent > 0 {
            if exponent & 1 == 1 { result = result * base % prime }
            base = base * base % prime
            exponent >>= 1
        }
        return result
    }
}
