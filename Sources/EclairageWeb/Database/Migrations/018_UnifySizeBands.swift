extension Migrations {
    /// The association's size takes the diagnostic's bands (10–49, 50–199, 200 and more), so that one
    /// set of bands is used everywhere and a new diagnostic can start from the association's profile.
    static let unifySizeBands = Migration(
        18, "UnifySizeBands",
        up: [
            "UPDATE associations SET size = '10-a-49' WHERE size = '10-50'",
            "UPDATE associations SET size = '50-a-199' WHERE size = '51-200'",
            "UPDATE associations SET size = '200-et-plus' WHERE size = 'plus-de-200'",
        ],
        down: [
            "UPDATE associations SET size = '10-50' WHERE size = '10-a-49'",
            "UPDATE associations SET size = '51-200' WHERE size = '50-a-199'",
            "UPDATE associations SET size = 'plus-de-200' WHERE size = '200-et-plus'",
        ])
}
