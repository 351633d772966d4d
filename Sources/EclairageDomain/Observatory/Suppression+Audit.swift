extension Suppression {
    /// The hidden figures resting on fewer than `threshold` units that a reader could still compute
    /// exactly by combining the equations of every group (parent − children = 0, the shown figures
    /// moved to the known side), in figure order.
    func smallFiguresFixedByAllSums() -> [Int] {
        var audit = LinearAudit()
        for group in groups {
            var equation: [Int: Int64] = [:]
            if reasons[group.parent] != nil { equation[group.parent] = 1 }
            for child in group.children where reasons[child] != nil { equation[child, default: 0] -= 1 }
            if !equation.isEmpty { audit.add(equation) }
        }
        return audit.fixed.filter { index.units[$0] > 0 && index.units[$0] < threshold }
    }

    /// Hides more figures until no small hidden figure can be computed from all the sums together:
    /// for the first such figure, a companion (`companion(near:)`), then the complementary step again.
    /// Each round hides at least one figure, so it ends.
    mutating func protectAgainstCombinedSums() {
        while let fixed = smallFiguresFixedByAllSums().first, let companion = companion(near: fixed) {
            hide(companion)
            complete()
        }
    }

    /// The shown figure to hide beside a hidden one: the smallest shown figure of the first of its groups
    /// that has one (a child with some units, else the parent); if all its groups are wholly hidden,
    /// the same search in the groups of the hidden figures it shares a group with, and so on outwards.
    func companion(near figure: Int) -> Int? {
        var seen: Set<Int> = [figure]
        var frontier = [figure]
        while !frontier.isEmpty {
            var next: [Int] = []
            for hidden in frontier {
                for group in groupsOfFigure[hidden].map({ groups[$0] }) {
                    if let companion = shownCompanion(in: group) { return companion }
                    next += ([group.parent] + group.children).filter { reasons[$0] != nil && seen.insert($0).inserted }
                }
            }
            frontier = next
        }
        return nil
    }

    private func shownCompanion(in group: AdditiveGroup) -> Int? {
        let open = group.children.filter { reasons[$0] == nil && index.units[$0] > 0 }
        if let smallest = open.min(by: { (index.units[$0], $0) < (index.units[$1], $1) }) { return smallest }
        return reasons[group.parent] == nil && index.units[group.parent] > 0 ? group.parent : nil
    }
}
