import Testing

@testable import EclairageDomain

@Suite("Workshop room: speaking order, vote, summary, join codes")
struct WorkshopRoomTests {
    typealias Hand = SpeakingQueue.Hand

    @Test("Someone who has not spoken goes ahead of someone who has, even when they asked later")
    func notSpokenFirst() {
        let hands = [
            Hand(id: "h1", participant: "ana", kind: .topic, raisedAt: 100),
            Hand(id: "h2", participant: "bob", kind: .topic, raisedAt: 200),
        ]
        let order = SpeakingQueue.order(hands, records: ["ana": .init(turns: 1, replies: 0)])
        #expect(order.map(\.participant) == ["bob", "ana"])
    }

    @Test("Points of process, then direct replies, then who spoke least, then first come")
    func bands() {
        let hands = [
            Hand(id: "a", participant: "ana", kind: .topic, raisedAt: 10),
            Hand(id: "b", participant: "bob", kind: .topic, raisedAt: 20),
            Hand(id: "c", participant: "cleo", kind: .reply, raisedAt: 30),
            Hand(id: "d", participant: "dan", kind: .process, raisedAt: 40),
            Hand(id: "e", participant: "eve", kind: .topic, raisedAt: 5),
        ]
        let records: [String: SpeakingQueue.Record] = [
            "ana": .init(turns: 2, replies: 0), "eve": .init(turns: 1, replies: 0), "cleo": .init(turns: 4, replies: 1),
        ]
        #expect(SpeakingQueue.order(hands, records: records).map(\.id) == ["d", "c", "b", "e", "a"])
    }

    @Test("A direct reply beyond the cap waits as an ordinary contribution")
    func replyCap() {
        let hands = [
            Hand(id: "r", participant: "ana", kind: .reply, raisedAt: 10),
            Hand(id: "t", participant: "bob", kind: .topic, raisedAt: 20),
        ]
        let capped = SpeakingQueue.order(
            hands,
            records: ["ana": .init(turns: 2, replies: SpeakingQueue.replyCap), "bob": .init(turns: 0, replies: 0)])
        #expect(capped.map(\.id) == ["t", "r"])
        let within = SpeakingQueue.order(hands, records: ["ana": .init(turns: 2, replies: 1)])
        #expect(within.map(\.id) == ["r", "t"])
    }

    @Test("A hand the facilitator moved goes first, in the order moved")
    func override() {
        let hands = [
            Hand(id: "p", participant: "ana", kind: .process, raisedAt: 10),
            Hand(id: "m2", participant: "bob", kind: .topic, raisedAt: 20, movedAt: 60),
            Hand(id: "m1", participant: "cleo", kind: .topic, raisedAt: 30, movedAt: 50),
        ]
        #expect(SpeakingQueue.order(hands, records: [:]).map(\.id) == ["m1", "m2", "p"])
    }

    @Test("A second vote is refused; an unknown option too; results in shares of the votes cast")
    func vote() {
        #expect(TopicVote.check(option: "a", options: ["a", "b"], alreadyVoted: true, open: true) == .alreadyVoted)
        #expect(TopicVote.check(option: "z", options: ["a", "b"], alreadyVoted: false, open: true) == .unknownOption)
        #expect(TopicVote.check(option: "a", options: ["a"], alreadyVoted: false, open: false) == .closed)
        #expect(TopicVote.check(option: "a", options: ["a"], alreadyVoted: false, open: true) == nil)
        let results = TopicVote.tally(options: ["a", "b", "c"], ballots: ["a", "a", "b"])
        #expect(results.map(\.votes) == [2, 1, 0])
        #expect(results.map(\.percent) == [67, 33, 0])
    }

    @Test("The summary: share who spoke and the spread of turns, nothing about anyone")
    func summary() {
        let summary = SpeakingSummary(turns: [0, 0, 1, 1, 2, 5, 0, 3, 1, 0])
        #expect(summary.participants == 10)
        #expect(summary.speakers == 6)
        #expect(summary.sharePercent == 60)
        #expect(summary.spread == [4, 3, 1, 2])
        #expect(summary.turns == 13)
        #expect(summary.topFifthPercent == 62)  // 5 + 3 of 13
        #expect(SpeakingSummary(turns: []).sharePercent == 0)
    }

    @Test("Join codes: six characters without look-alikes, read leniently")
    func codes() {
        var generator = SystemRandomNumberGenerator()
        let code = JoinCode.make(using: &generator)
        #expect(code.count == 6)
        #expect(!code.contains { "0O1IL5S2Z8B".contains($0) })
        #expect(JoinCode.read(" acd-efg ") == "ACDEFG")
        #expect(JoinCode.read("ACDEF0") == nil)
        #expect(JoinCode.read("ACD") == nil)
    }

    @Test("Agenda slots read HH:MM and refuse an end before the start")
    func slots() {
        #expect(AgendaSlot.read(start: "14:00", end: "14:30")?.text == "14:00–14:30")
        #expect(AgendaSlot.read(start: "14:30", end: "14:00") == nil)
        #expect(AgendaSlot.read(start: "9h", end: "10:00") == nil)
    }
}
