import Testing

@testable import EclairageDomain

@Suite("Random tokens")
struct TokenTests {
    @Test("Of the length asked, from the alphabet, every letter at every position, never twice the same")
    func uniform() {
        let alphabet = Set("abcdefghijkmnpqrstuvwxyz23456789")
        let tokens = (0..<2_000).map { _ in Array(Token.random(length: 32)) }
        #expect(tokens.allSatisfy { $0.count == 32 && $0.allSatisfy(alphabet.contains) })
        #expect(Set(tokens.map { String($0) }).count == tokens.count)
        // Each position draws its own 5 bits: no position is stuck (as the last bits of a draw would be).
        for position in 0..<32 {
            #expect(Set(tokens.map { $0[position] }) == alphabet, "position \(position)")
        }
        #expect(Token.random(length: 0).isEmpty)
        #expect(Token.identifier().count == 16)
    }
}
