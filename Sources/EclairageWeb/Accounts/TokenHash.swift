import Crypto
import Foundation

/// What is stored of a token sent by mail or kept in a cookie (password reset, e-mail confirmation,
/// invitations, diagnostic and registration links): its SHA-256 in hexadecimal, never the token.
enum TokenHash {
    static func of(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
