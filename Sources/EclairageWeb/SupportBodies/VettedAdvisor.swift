extension AppServices {
    /// Whether this person advises at least one vetted support body: such advisors read the
    /// observatory's every territory and the field surveys' published figures.
    func advisesVettedBody(_ userID: String) async throws -> Bool {
        try await database.read { try await SupportBodyQueries.advised(by: userID, in: $0) }.contains(where: \.isVetted)
    }
}
