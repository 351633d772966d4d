import EclairageDomain
import Hummingbird

/// Who an answer belongs to: an association (one answer each, any of its members may change it), or a
/// browser without an account (one answer each, known by a random token in a cookie scoped to the
/// survey's link; only the token's SHA-256 is stored).
enum SurveyRespondent: Sendable, Equatable {
    case association(id: String, departement: String)
    case browser(token: String)

    /// What `survey_responses.respondent` holds.
    var key: String {
        switch self {
        case .association(let id, _): "association:" + id
        case .browser(let token): "navigateur:" + TokenHash.of(token)
        }
    }

    var associationID: String? {
        if case .association(let id, _) = self { id } else { nil }
    }

    /// The cookie's name for one survey (a part of its link, so that two surveys never share it).
    static func cookieName(_ surveyToken: String) -> String { "enquete-" + surveyToken.prefix(10) }

    /// The browser's token for this survey, if it already answered (a value of letters and digits).
    static func browserToken(_ request: Request, surveyToken: String) -> String? {
        guard let value = request.cookies[cookieName(surveyToken)]?.value, (16...64).contains(value.count),
            value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return nil }
        return value
    }

    /// The cookie that remembers the browser's answer until the survey closes (and a day more).
    static func cookie(_ token: String, survey: SurveyRow, now: Int64, secure: Bool) -> Cookie {
        Cookie(
            name: cookieName(survey.token), value: token, maxAge: Int(max(survey.closesAt - now, 0)) + 24 * 3600,
            path: SiteURL.surveyAnswer(token: survey.token).path, secure: secure, httpOnly: true, sameSite: .lax)
    }
}
