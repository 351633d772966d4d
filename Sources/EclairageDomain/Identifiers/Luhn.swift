/// The Luhn checksum used by SIREN and SIRET numbers.
public enum Luhn {
    /// True when the digits pass the Luhn check (sum of doubled-every-second-from-right digits ≡ 0 mod 10).
    public static func isValid(_ digits: some StringProtocol) -> Bool {
        var sum = 0
        for (index, character) in digits.reversed().enumerated() {
            guard let value = character.wholeNumberValue, character.isASCII else { return false }
            if index.isMultiple(of: 2) {
                sum += value
            } else {
                let doubled = value * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            }
        }
        return !digits.isEmpty && sum.isMultiple(of: 10)
    }
}
