/// Likely duplicates, the way the national map finds them in batch (same postcode; the mean of name
/// similarity, address similarity and closeness above 0.6), used here at entry and at import.
public enum Duplicates {
    public static let threshold = 0.6

    /// Dice coefficient on letter pairs of the normalised texts (0…1): robust to word order and small typos.
    public static func similarity(_ a: String, _ b: String) -> Double {
        let x = pairs(SearchText.normalise(a))
        let y = pairs(SearchText.normalise(b))
        guard !x.isEmpty || !y.isEmpty else { return 0 }
        var counts: [String: Int] = [:]
        for pair in x { counts[pair, default: 0] += 1 }
        var shared = 0
        for pair in y where (counts[pair] ?? 0) > 0 {
            counts[pair]! -= 1
            shared += 1
        }
        return 2 * Double(shared) / Double(x.count + y.count)
    }

    static func pairs(_ text: String) -> [String] {
        text.split(separator: " ").flatMap { word -> [String] in
            let letters = Array(word)
            guard letters.count > 1 else { return [String(word)] }
            return (0..<letters.count - 1).map { String(letters[$0...$0 + 1]) }
        }
    }

    /// 1 at the same spot, 0 from 2 km apart; nil when either place has no position.
    static func closeness(_ a: Place, _ b: Place) -> Double? {
        guard let la = a.latitude, let oa = a.longitude, let lb = b.latitude, let ob = b.longitude else { return nil }
        let distance = GeoPoint(latitude: la, longitude: oa).distance(to: GeoPoint(latitude: lb, longitude: ob))
        return max(0, 1 - distance / 2)
    }

    public static func score(_ a: Place, _ b: Place) -> Double {
        guard a.postcode == b.postcode else { return 0 }
        let parts =
            [similarity(a.name, b.name), similarity(a.address, b.address)] + [closeness(a, b)].compactMap { $0 }
        return parts.reduce(0, +) / Double(parts.count)
    }

    /// The places among `existing` that `candidate` likely duplicates, most alike first.
    public static func likely(_ candidate: Place, among existing: [(id: String, place: Place)]) -> [(
        id: String, place: Place, score: Double
    )] {
        existing.compactMap { item in
            guard item.place.externalID != candidate.externalID else { return nil }
            let value = score(candidate, item.place)
            return value > threshold ? (item.id, item.place, value) : nil
        }.sorted { $0.score > $1.score }
    }
}
