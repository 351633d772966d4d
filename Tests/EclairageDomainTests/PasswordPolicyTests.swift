import Testing

@testable import EclairageDomain

@Suite("Passwords judged by entropy (CNIL 2022-100)")
struct PasswordPolicyTests {
    let policy = PasswordPolicy()

    @Test("Entropy is length × log2(alphabet), runs and sequences counting little")
    func entropy() {
        // 12 characters of four kinds: 12 × log2(95) ≈ 78.8
        #expect(Int(PasswordPolicy.entropy(of: "aB3$aB3$aB3$")) == 78)
        // 10 lower-case letters: 10 × log2(26) ≈ 47
        #expect(Int(PasswordPolicy.entropy(of: "xkcdqwmnbv")) == 47)
        // "aaaaaaaaaa" counts as 2 characters
        #expect(PasswordPolicy.entropy(of: "aaaaaaaaaa") < 10)
        #expect(PasswordPolicy.entropy(of: "abcdefghij") < 10)
    }

    @Test("Verdicts")
    func verdicts() {
        #expect(policy.judge("azerty") == .common)
        #expect(policy.judge("Soleil2024!") == .common)
        #expect(policy.judge("k7#Rq2") == .tooWeak(bits: 39, needed: 50))
        #expect(policy.judge("lampe tulipe orage cheval").isAccepted)
        #expect(policy.judge(String(repeating: "x", count: 300)) == .tooLong(maximum: 256))
        #expect(policy.judge("dupontmarie", personalWords: ["dupont", "marie"]) == .containsPersonalData)
        // no composition rule: a long passphrase of lower-case letters only is fine
        #expect(policy.judge("les chats dorment au soleil").isAccepted)
        // 80 bits if one wants the stricter CNIL threshold
        #expect(PasswordPolicy(minimumBits: 80).judge("xkcdqwmnbvzz").isAccepted == false)
    }
}

extension PasswordPolicy.Verdict {
    var isAccepted: Bool { if case .accepted = self { true } else { false } }
}
