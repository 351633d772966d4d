extension Migrations {
    /// Trainings are linked to the catalogue's needs as well as to the diagnostic's themes.
    static let addTrainingNeeds = Migration(
        24, "AddTrainingNeeds",
        up: [
            "ALTER TABLE trainings ADD COLUMN needs TEXT NOT NULL DEFAULT ''"
        ], down: ["ALTER TABLE trainings DROP COLUMN needs"])
}
