/// The end-of-session summary of a room: how many of the participants spoke and how turns were
/// spread, never who. Built from the number of turns each participant had.
public struct SpeakingSummary: Sendable, Equatable, Codable {
    public let participants: Int
    public let speakers: Int
    public let turns: Int
    /// Whole percent of participants who spoke at least once.
    public let sharePercent: Int
    /// How many participants had 0, 1, 2 and 3 or more turns.
    public let spread: [Int]
    /// The share of all turns taken by the most active fifth of the participants (whole percent).
    public let topFifthPercent: Int

    public init(turns perParticipant: [Int]) {
        participants = perParticipant.count
        speakers = perParticipant.filter { $0 > 0 }.count
        turns = perParticipant.reduce(0, +)
        sharePercent = participants == 0 ? 0 : (speakers * 100 + participants / 2) / participants
        var spread = [0, 0, 0, 0]
        for count in perParticipant { spread[min(max(count, 0), 3)] += 1 }
        self.spread = spread
        let fifth = max(1, (participants + 4) / 5)
        let top = perParticipant.sorted(by: >).prefix(fifth).reduce(0, +)
        topFifthPercent = turns == 0 ? 0 : (top * 100 + turns / 2) / turns
    }
}
