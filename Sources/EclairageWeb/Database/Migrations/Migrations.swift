/// Every migration, in order. A new one is appended here and gets the next number.
enum Migrations {
    static let all: [Migration] = [
        createUsers, createSessions, createAssociations, createMemberships, createSupportBodies,
        createLoginAttempts, createPasswordResets, createDiagnostics, createToolSearch, createSavedSteps,
        createRateLimits, addSessionGeneration, createSignUpRequests, createAdvisorInvitations,
        createOutboxAndJobs, createAccessLog, addDiagnosticScores, unifySizeBands, createInventory,
        createDirectory, createCalendar, createContributions, createPlaceReminders, addTrainingNeeds,
        hashRegistrationLinks, addChangeNotices, addImportApplier, addAccompaniment, createImportFiles,
        createObservatoryRecords, createObservatoryCube, createSurveys, finishAccompaniment, createBadges,
        createWorkshopRooms, importRefusedRows, createPlaceManagers, nameHandoverPeople, detailRegisterActivities,
        detailBreaches, createRightsRequests, createDeadlineReminders,
    ]
}
