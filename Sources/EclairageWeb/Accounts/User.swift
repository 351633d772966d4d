/// A person with an account. Rows of the `users` table.
public struct User: Codable, Sendable, Equatable {
    public var id: String
    public var email: String
    public var displayName: String
    public var passwordHash: String
    public var isAdmin: Int
    public var locale: String
    public var createdAt: Int64
    public var passwordChangedAt: Int64
    /// Raised at each password change; sessions opened under another number are over.
    public var sessionGeneration: Int = 0
    /// The network's editors moderate the directory and the calendar.
    public var isEditor: Int = 0

    var admin: Bool { isAdmin != 0 }
    /// Editors, and administrators, who can do what editors do.
    var editor: Bool { isEditor != 0 || isAdmin != 0 }
}
