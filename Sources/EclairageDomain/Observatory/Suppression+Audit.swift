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
    /// for the first such figure, the smallest shown figure of the first group it belongs to that still
    /// has one (a child with some units, else the parent), then the complementary step again.
    mutating func protectAgainstCombinedSums() {
        while let fixed = smallFiguresFixedByAllSums().first {
            let current = self
            guard
                let companion = groupsOfFigure[fixed].lazy.compactMap({ current.shownCompanion(in: current.groups[$0]) }
                ).first
            else { return }
            hide(companion)
            complete()
        }
    }

    private func shownCompanion(in group: AdditiveGroup) -> Int? {
        let open = group.children.filter { reasons[$0] == nil && index.units[$0] > 0 }
        if let smallest = open.min(by: { (index.units[$0], $0) < (index.units[$1], $1) }) { return smallest }
        return reasons[group.parent] == nil && index.units[group.parent] > 0 ? group.parent : nil
    }
}
