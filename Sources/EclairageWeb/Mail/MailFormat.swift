import EclairageDomain
import Foundation

/// A message as it is handed to `sendmail`: headers by `MailHeader` (encoded words, folded lines,
/// `Date:` and `Message-ID:` on every message), plain text in UTF-8, and an attachment (a calendar
/// invitation) as a base64 part of multipart/mixed. Lines end with LF, as `sendmail` reads them.
enum MailFormat {
    /// RFC 5322 §2.1.1: no line longer than 998 characters; a longer line sends the text as base64.
    static let maxLineBytes = 998

    static func render(
        _ message: MailMessage, from: MailAddress, date: Int64, random: String = Token.random(length: 24)
    ) -> String {
        var lines = MailHeader.mailbox("From", from)
        lines.append("To: " + MailHeader.bareAddress(message.to))
        lines += MailHeader.unstructured("Subject", message.subject)
        lines += [
            "Date: " + MailHeader.date(date),
            "Message-ID: " + MailHeader.messageID(random: random, sender: from),
            "MIME-Version: 1.0",
        ]
        guard let attachment = message.attachment else {
            return (lines + textPart(message.body)).joined(separator: "\n")
        }
        let boundary = "eclairage-" + Token.random(length: 24)
        let type = MailHeader.bareAddress(attachment.contentType)
        lines += ["Content-Type: multipart/mixed; boundary=\"\(boundary)\"", "", "--\(boundary)"]
        lines += textPart(message.body)
        lines += [
            "--\(boundary)",
            "Content-Type: " + (type.lowercased().contains("charset=") ? type : type + "; charset=utf-8"),
            "Content-Disposition: attachment; " + MailHeader.fileNameParameter(attachment.fileName),
            "Content-Transfer-Encoding: base64", "", base64(Data(attachment.content.utf8)), "--\(boundary)--", "",
        ]
        return lines.joined(separator: "\n")
    }

    /// The text part's headers, a blank line and the body: as it is (8bit) unless a line is too long.
    static func textPart(_ body: String) -> [String] {
        let text = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let fits = text.split(separator: "\n", omittingEmptySubsequences: false).allSatisfy {
            $0.utf8.count <= maxLineBytes
        }
        let encoding = fits ? "8bit" : "base64"
        return [
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: \(encoding)", "",
            fits ? text : base64(Data(text.utf8)), "",
        ]
    }

    static func base64(_ data: Data) -> String {
        data.base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
    }
}
