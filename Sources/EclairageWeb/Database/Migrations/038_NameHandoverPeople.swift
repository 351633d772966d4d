extension Migrations {
    /// A handover names who leaves and who takes over (issue 22, item 11): the checklist's items say
    /// whose access to remove and to give. Handovers started before keep empty names, shown in general words.
    static let nameHandoverPeople = Migration(
        38, "NameHandoverPeople",
        up: [
            "ALTER TABLE handovers ADD COLUMN leaving TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE handovers ADD COLUMN incoming TEXT NOT NULL DEFAULT ''",
        ],
        down: [
            "ALTER TABLE handovers DROP COLUMN incoming",
            "ALTER TABLE handovers DROP COLUMN leaving",
        ])
}
