import Foundation

/// A position in decimal degrees (WGS84), and what "near" means.
public struct GeoPoint: Sendable, Equatable {
    public let latitude: Double
    public let longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Great-circle distance in kilometres (haversine).
    public func distance(to other: GeoPoint) -> Double {
        let radians = Double.pi / 180
        let dLat = (other.latitude - latitude) * radians
        let dLon = (other.longitude - longitude) * radians
        let a =
            sin(dLat / 2) * sin(dLat / 2) + cos(latitude * radians) * cos(other.latitude * radians) * sin(dLon / 2)
            * sin(dLon / 2)
        return 6371 * 2 * atan2(sqrt(a), sqrt(1 - a))
    }

    /// "47.39, 0.69" or "47,39 0,69" → a point; nil otherwise.
    public init?(text: String) {
        let numbers = text.replacingOccurrences(of: ", ", with: " ").replacingOccurrences(of: ";", with: " ")
            .split(whereSeparator: { $0 == " " || ($0 == "," && !text.contains(" ")) })
            .map { $0.replacingOccurrences(of: ",", with: ".") }.compactMap(Double.init)
        guard numbers.count == 2, abs(numbers[0]) <= 90, abs(numbers[1]) <= 180 else { return nil }
        latitude = numbers[0]
        longitude = numbers[1]
    }
}
