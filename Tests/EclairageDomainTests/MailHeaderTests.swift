import EclairageDomain
import Foundation
import Testing

@Suite("Mail headers (RFC 5322, RFC 2047)")
struct MailHeaderTests {
    /// The text of encoded words, as a reader joins them (the folding between them dropped).
    static func decode(_ lines: [String], field: String) -> String {
        let value = lines.joined().dropFirst(field.count + 2)
        var bytes = Data()
        for match in value.matches(of: /=\?UTF-8\?B\?([A-Za-z0-9+\/=]*)\?=/) {
            bytes.append(Data(base64Encoded: String(match.1))!)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("A long French subject: encoded words of at most 75 characters, lines of at most 78, the text intact")
    func longSubject() {
        let subject = String(repeating: "Inscription confirmée : « Sauvegarder ses données » à Tours 🎉 ", count: 4)
        let lines = MailHeader.unstructured("Subject", subject)
        #expect(lines.count > 4)
        #expect(lines[0].hasPrefix("Subject: =?UTF-8?B?"))
        for line in lines { #expect(line.count <= MailHeader.lineLimit, "\(line)") }
        for line in lines.dropFirst() { #expect(line.hasPrefix(" =?UTF-8?B?")) }
        for word in lines.map({ $0.split(separator: " ").last! }) { #expect(word.count <= MailHeader.wordLimit) }
        #expect(Self.decode(lines, field: "Subject") == subject)
    }

    @Test("Words are cut between characters, never inside one")
    func wholeCharacters() {
        for text in [
            String(repeating: "é", count: 100), String(repeating: "🎉", count: 40), String(repeating: "aé€😀", count: 30),
        ] {
            for word in MailHeader.encodedWords(text) {
                let payload = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
                #expect(word.count <= 75)
                #expect(
                    String(data: Data(base64Encoded: String(payload))!, encoding: .utf8) != nil,
                    "a word holds part of a character")
            }
        }
    }

    @Test("A short ASCII subject stays as it is; a line break never reaches the header")
    func plainAndInjection() {
        #expect(MailHeader.unstructured("Subject", "Hello") == ["Subject: Hello"])
        let injected = MailHeader.unstructured("Subject", "Bonjour\r\nBcc: x@example.org")
        #expect(injected == ["Subject: Bonjour  Bcc: x@example.org"])
        let accented = MailHeader.unstructured("Subject", "Réinitialisation\nBcc: x@example.org")
        #expect(!accented.joined().contains("\n"))
        #expect(Self.decode(accented, field: "Subject") == "Réinitialisation Bcc: x@example.org")
        #expect(MailHeader.bareAddress("a@example.org\r\nBcc: b@example.org") == "a@example.orgBcc: b@example.org")
    }

    @Test("From: the display name encoded when it is not plain words, then the address")
    func from() {
        #expect(
            MailHeader.mailbox("From", MailAddress(name: "Éclairage", address: "ne-pas-repondre@localhost"))
                == ["From: =?UTF-8?B?w4ljbGFpcmFnZQ==?= <ne-pas-repondre@localhost>"])
        #expect(
            MailHeader.mailbox("From", MailAddress(name: "Eclairage Tours", address: "a@example.org")) == [
                "From: Eclairage Tours <a@example.org>"
            ])
        #expect(MailHeader.mailbox("From", MailAddress(name: nil, address: "a@example.org")) == ["From: a@example.org"])
        let comma = MailHeader.mailbox("From", MailAddress(name: "Dupont, Jean", address: "a@example.org"))
        #expect(comma[0].hasPrefix("From: =?UTF-8?B?"))
        let long = MailHeader.mailbox(
            "From",
            MailAddress(
                name: String(repeating: "Réseau des associations ", count: 5),
                address: "contact@reseau-des-associations.example.org"))
        for line in long { #expect(line.count <= MailHeader.lineLimit) }
        #expect(long.last!.hasSuffix(" <contact@reseau-des-associations.example.org>"))
    }

    @Test("MAIL_FROM's forms: a name and an address, a quoted name, an address alone; nonsense refused")
    func parse() {
        #expect(
            MailAddress.parse("Éclairage <ne-pas-repondre@localhost>")
                == MailAddress(name: "Éclairage", address: "ne-pas-repondre@localhost"))
        #expect(
            MailAddress.parse("\"Réseau, Tours\" <a@example.org>")
                == MailAddress(name: "Réseau, Tours", address: "a@example.org"))
        #expect(MailAddress.parse("a@example.org") == MailAddress(name: nil, address: "a@example.org"))
        #expect(MailAddress.parse("<a@example.org>") == MailAddress(name: nil, address: "a@example.org"))
        for bad in [
            "Éclairage", "Éclairage <a@example.org", "a b@example.org", "a@example.org, b@example.org", "x <a@b@c>",
            "x <>", "a@example.org\nBcc: b@example.org",
        ] {
            #expect(MailAddress.parse(bad) == nil, "\(bad)")
        }
        #expect(MailAddress(name: "Éclairage", address: "x@asso.example.org").domain == "asso.example.org")
    }

    @Test("Date in RFC 5322's form, in UTC")
    func date() {
        #expect(MailHeader.date(0) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(MailHeader.date(1_796_551_448) == "Sun, 06 Dec 2026 10:04:08 +0000")
        #expect(MailHeader.date(1_709_209_845) == "Thu, 29 Feb 2024 12:30:45 +0000")
        #expect(MailHeader.date(-86_400 * 365 - 1) == "Tue, 31 Dec 1968 23:59:59 +0000")
    }

    @Test("Message-ID under the sender's domain; file names quoted or RFC 2231-encoded")
    func messageIDAndFileName() {
        #expect(
            MailHeader.messageID(random: "abc123", sender: MailAddress(name: "É", address: "x@asso.example.org"))
                == "<abc123@asso.example.org>")
        #expect(MailHeader.fileNameParameter("seance.ics") == "filename=\"seance.ics\"")
        #expect(MailHeader.fileNameParameter("séance.ics") == "filename*=utf-8''s%C3%A9ance.ics")
    }
}
