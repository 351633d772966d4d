extension Suppression {
    /// Adds complementary suppressions until no link and no group calls for one, and says whether it
    /// added any. The groups wait in a queue, all of them first in their fixed order; hiding a figure
    /// puts back in the queue the groups it belongs to and hides the figures that follow it. Each
    /// figure is hidden at most once, so the queue empties.
    @discardableResult
    mutating func complete() -> Bool {
        var queue = Array(groups.indices)
        var waiting = Array(repeating: true, count: groups.count)
        var added = false
        for link in links where reasons[link.base] != nil && reasons[link.follower] == nil {
            hide(link.follower, queue: &queue, waiting: &waiting)
            added = true
        }
        var next = 0
        while next < queue.count {
            let group = queue[next]
            next += 1
            waiting[group] = false
            guard let figure = complement(in: groups[group]) else { continue }
            hide(figure, queue: &queue, waiting: &waiting)
            added = true
        }
        return added
    }

    /// Hides a figure as `wouldReveal`, with the figures that follow it; `complete` then checks again.
    mutating func hide(_ figure: Int) {
        var queue: [Int] = []
        var waiting = Array(repeating: true, count: groups.count)
        hide(figure, queue: &queue, waiting: &waiting)
    }

    /// Hides a figure as `wouldReveal`, with the figures that follow it, and queues their groups again.
    private mutating func hide(_ figure: Int, queue: inout [Int], waiting: inout [Bool]) {
        var pending = [figure]
        while let figure = pending.popLast() {
            guard reasons[figure] == nil else { continue }
            reasons[figure] = .wouldReveal
            for group in groupsOfFigure[figure] where !waiting[group] {
                waiting[group] = true
                queue.append(group)
            }
            pending += followersOfFigure[figure]
        }
    }

    /// The figure to hide next in a group that could be taken apart, or nil if it cannot: a group can
    /// be taken apart when exactly one of its figures is hidden, or when its parent is shown and its
    /// hidden children together rest on at least one and fewer than `threshold` units. The figure to
    /// hide is the shown child resting on the fewest units (at least one; ties by figure order), else
    /// the parent.
    func complement(in group: AdditiveGroup) -> Int? {
        let hidden = ([group.parent] + group.children).filter { reasons[$0] != nil }
        let remainder = group.children.filter { reasons[$0] != nil }.reduce(0) { $0 + index.units[$1] }
        let smallRemainder = reasons[group.parent] == nil && remainder > 0 && remainder < threshold
        guard hidden.count == 1 || smallRemainder else { return nil }
        let open = group.children.filter { reasons[$0] == nil && index.units[$0] > 0 }
        if let smallest = open.min(by: { (index.units[$0], $0) < (index.units[$1], $1) }) {
            return smallest
        }
        return index.units[group.parent] > 0 && reasons[group.parent] == nil ? group.parent : nil
    }
}
