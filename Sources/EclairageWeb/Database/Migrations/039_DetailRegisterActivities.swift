extension Migrations {
    /// The register's activities as the CNIL's template lays them out (issue 23, item 8): a joint
    /// controller, whether the data are special categories (art. 9), transfers outside the EU typed by
    /// hand and the basis of the activity's transfers. Activities written before keep every field, with
    /// no joint controller, no sensitive data and no transfer typed.
    static let detailRegisterActivities = Migration(
        39, "DetailRegisterActivities",
        up: [
            "ALTER TABLE processing_activities ADD COLUMN joint_controller TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE processing_activities ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE processing_activities ADD COLUMN transfers TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE processing_activities ADD COLUMN transfer_basis TEXT",
        ],
        down: [
            "ALTER TABLE processing_activities DROP COLUMN transfer_basis",
            "ALTER TABLE processing_activities DROP COLUMN transfers",
            "ALTER TABLE processing_activities DROP COLUMN sensitive",
            "ALTER TABLE processing_activities DROP COLUMN joint_controller",
        ])
}
