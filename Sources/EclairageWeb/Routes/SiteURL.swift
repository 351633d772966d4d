/// Every path of the site. The same cases register the routes (with `:parameter` placeholders)
/// and build the links in pages, so a link cannot point to a route that does not exist.
enum SiteURL: Sendable, Equatable {
    case home
    case healthz
    case stylesheet
    case mapScript
    case leaflet(String)
    case leafletImage(String)
    case language(String)
    // Accounts
    case signUp, signIn, signOut
    case signUpConfirm(token: String)
    case forgotPassword
    case resetPassword(token: String)
    case account, accountPassword, accountExport, accountDelete
    // Associations
    case associations, newAssociation
    case association(String)
    case associationEdit(String)
    case associationInvite(String)
    case associationLeave(String)
    case associationTransfer(String)
    case associationAccess(String)
    case associationSupport(String)
    case associationRequests(String)
    case associationFollow(String)
    case associationNotes(String)
    case associationClose(String)
    case associationPlan(String)
    case associationPlanStatus(String)
    case associationPlanProposal(String)
    case associationUsages(String)
    case associationPlanValue(String)
    case invitation(token: String)
    // Support bodies
    case supportBodies, newSupportBody
    case supportBody(String)
    case supportBodyAdvisors(String)
    case supportBodyAdvisorRemove(String)
    case supportBodyPlace(String)
    case supportBodyRequests(String)
    case supportBodyVet(String)
    case supportBodyVetting
    case supportBodyActivity(String)
    case supportBodyActivityCSV(String)
    case advisorInvitation(token: String)
    // Diagnostic
    case diagnosticIntro
    case diagnosticResume(token: String)
    case diagnostic(String)
    case diagnosticStep(String, step: String)
    case diagnosticReport(String)
    case diagnosticAttach(String)
    case diagnosticMailLink(String)
    case diagnosticDelete(String)
    case diagnosticExportJSON(String)
    case diagnosticExportCSV(String)
    case associationDiagnostics(String)
    // Catalogue
    case catalogue
    case tool(String)
    case need(String)
    case associationSavedSteps(String)
    // Inventory, handover, GDPR register, breaches
    case inventory(String)
    case newAsset(String)
    case asset(String, asset: String)
    case assetDelete(String, asset: String)
    case assetCheck(String, asset: String)
    case inventoryShare(String)
    case handover(String)
    case handoverItem(String, handover: String, item: String)
    case handoverComplete(String, handover: String)
    case handoverPrint(String, handover: String)
    case register(String)
    case newActivity(String)
    case activity(String, activity: String)
    case activityDelete(String, activity: String)
    case registerCSV(String)
    case registerPrint(String)
    case breaches(String)
    case documents(String)
    case deadlines(String)
    case document(String, kind: String)
    case documentDownload(String, kind: String)
    case breach(String, breach: String)
    case breachEdit(String, breach: String)
    case rightsRequests(String)
    case rightsRequest(String, request: String)
    // Directory
    case directory, directoryMap
    case place(String)
    case directoryCSV, directoryJSON, directoryGeoJSON
    case adminDirectory
    case proposePlace, moderation
    case moderationChange(String)
    case moderationRefuseAll
    case placeLink(String)
    case placeEdit(token: String)
    case placeHistory(String)
    case placeRevert(String)
    case placeMerge(String)
    case adminImport(String)
    case adminImportApply(String)
    case adminImportDiscard(String)
    case adminImportRefused(String)
    // Calendar
    case calendar, calendarFeed, newTraining
    case training(String)
    case trainingFeed(String)
    case trainingEdit(String)
    case placeFeed(String)
    case sessionRegister(String)
    case sessionCancel(String)
    case sessionRegistrants(String)
    case registration(token: String)
    case trainingRegister(String)
    case sessionRegistrantsCSV(String)
    case sessionSignInSheet(String)
    case sessionWalkIn(String)
    case sessionMove(String)
    case placeManagers(String)
    case placeManagerRemove(String)
    case placeEditManager(token: String)
    case adminEditor(String)
    // Awareness sheets
    case sheets
    case sheet(String)
    // Observatory
    case observatory
    case observatoryPage(String, String)
    case observatoryCSV(String, String)
    case observatoryPublication(String)
    // Instance administration
    case admin
    case adminMailRetry(String)
    // Field surveys
    case surveys, newSurvey
    case surveyEdit(String)
    case surveyState(String)
    case surveyResults(String)
    case surveyResultsCSV(String)
    case surveyAnswer(token: String)
    // Open Badges: a body's issuing (advisors), the JSON-LD objects and pages anyone reads, earners
    case supportBodyBadges(String)
    case supportBodyBadgeIssuer(String)
    case supportBodyBadgeClasses(String)
    case badgeAward(String)
    case badgeAwardTraining(String)
    case badgeRevoke(String)
    case badgeReissue(String)
    case badgeIssuer(String)
    case badgeIssuerImage(String)
    case badgeClass(String)
    case badgeClassImage(String)
    case badgeAssertion(String)
    case badgeBaked(String)
    case badgePage(String)
    case earnerBadges
    case earnerLink(token: String)
    case earnerDelete(token: String)
    case trainingBadges(String)
    // Workshop rooms
    case sessionRoom(String)
    case joinRoom
    case room(String)
    case roomFacilitation(String)
    case roomLive(String)
    case roomScript

    var path: String {
        switch self {
        case .home: "/"
        case .healthz: "/healthz"
        case .stylesheet: "/static/eclairage.css"
        case .mapScript: "/static/carte.js"
        case .leaflet(let file): "/static/leaflet/\(file)"
        case .leafletImage(let file): "/static/leaflet/images/\(file)"
        case .language(let code): "/langue/\(code)"
        case .signUp: "/inscription"
        case .signUpConfirm(let token): "/inscription/confirmer/\(token)"
        case .signIn: "/connexion"
        case .signOut: "/deconnexion"
        case .forgotPassword: "/mot-de-passe-oublie"
        case .resetPassword(let token): "/mot-de-passe/\(token)"
        case .account: "/compte"
        case .accountPassword: "/compte/mot-de-passe"
        case .accountExport: "/compte/mes-donnees.json"
        case .accountDelete: "/compte/suppression"
        case .associations: "/associations"
        case .newAssociation: "/associations/nouvelle"
        case .association(let id): "/associations/\(id)"
        case .associationEdit(let id): "/associations/\(id)/modifier"
        case .associationInvite(let id): "/associations/\(id)/invitations"
        case .associationLeave(let id): "/associations/\(id)/quitter"
        case .associationTransfer(let id): "/associations/\(id)/transfert"
        case .associationAccess(let id): "/associations/\(id)/acces"
        case .associationSupport(let id): "/associations/\(id)/accompagnement"
        case .associationRequests(let id): "/associations/\(id)/demandes"
        case .associationFollow(let id): "/associations/\(id)/suivi"
        case .associationNotes(let id): "/associations/\(id)/suivi/notes"
        case .associationClose(let id): "/associations/\(id)/suivi/cloture"
        case .associationPlan(let id): "/associations/\(id)/feuille-de-route"
        case .associationPlanStatus(let id): "/associations/\(id)/feuille-de-route/statut"
        case .associationPlanProposal(let id): "/associations/\(id)/feuille-de-route/propositions"
        case .associationUsages(let id): "/associations/\(id)/usages"
        case .associationPlanValue(let id): "/associations/\(id)/feuille-de-route/valorisation"
        case .invitation(let token): "/invitation/\(token)"
        case .supportBodies: "/structures"
        case .newSupportBody: "/structures/nouvelle"
        case .supportBody(let id): "/structures/\(id)"
        case .supportBodyAdvisors(let id): "/structures/\(id)/conseilleres"
        case .supportBodyAdvisorRemove(let id): "/structures/\(id)/conseilleres/retirer"
        case .supportBodyPlace(let id): "/structures/\(id)/fiche"
        case .supportBodyRequests(let id): "/structures/\(id)/demandes"
        case .supportBodyVet(let id): "/structures/\(id)/verification"
        case .supportBodyVetting: "/structures/a-verifier"
        case .supportBodyActivity(let id): "/structures/\(id)/bilan"
        case .supportBodyActivityCSV(let id): "/structures/\(id)/bilan.csv"
        case .advisorInvitation(let token): "/structures/invitation/\(token)"
        case .diagnosticIntro: "/diagnostic"
        case .diagnosticResume(let token): "/diagnostic/reprendre/\(token)"
        case .diagnostic(let id): "/diagnostics/\(id)"
        case .diagnosticStep(let id, let step): "/diagnostics/\(id)/etape/\(step)"
        case .diagnosticReport(let id): "/diagnostics/\(id)/rapport"
        case .diagnosticAttach(let id): "/diagnostics/\(id)/rattacher"
        case .diagnosticMailLink(let id): "/diagnostics/\(id)/lien-par-courriel"
        case .diagnosticDelete(let id): "/diagnostics/\(id)/supprimer"
        case .diagnosticExportJSON(let id): "/diagnostics/\(id)/export.json"
        case .diagnosticExportCSV(let id): "/diagnostics/\(id)/export.csv"
        case .associationDiagnostics(let id): "/associations/\(id)/diagnostics"
        case .catalogue: "/outils"
        case .tool(let slug): "/outils/\(slug)"
        case .need(let id): "/besoins/\(id)"
        case .associationSavedSteps(let id): "/associations/\(id)/etapes"
        case .inventory(let id): "/associations/\(id)/inventaire"
        case .newAsset(let id): "/associations/\(id)/inventaire/nouveau"
        case .asset(let id, let asset): "/associations/\(id)/inventaire/\(asset)"
        case .assetDelete(let id, let asset): "/associations/\(id)/inventaire/\(asset)/supprimer"
        case .assetCheck(let id, let asset): "/associations/\(id)/inventaire/\(asset)/verifie"
        case .inventoryShare(let id): "/associations/\(id)/inventaire-partage"
        case .handover(let id): "/associations/\(id)/passation"
        case .handoverItem(let id, let handover, let item): "/associations/\(id)/passation/\(handover)/\(item)"
        case .handoverComplete(let id, let handover): "/associations/\(id)/passation/\(handover)/terminer"
        case .handoverPrint(let id, let handover): "/associations/\(id)/passation/\(handover)/imprimer"
        case .register(let id): "/associations/\(id)/registre"
        case .newActivity(let id): "/associations/\(id)/registre/nouveau"
        case .activity(let id, let activity): "/associations/\(id)/registre/\(activity)"
        case .activityDelete(let id, let activity): "/associations/\(id)/registre/\(activity)/supprimer"
        case .registerCSV(let id): "/associations/\(id)/registre.csv"
        case .registerPrint(let id): "/associations/\(id)/registre/imprimer"
        case .breaches(let id): "/associations/\(id)/violations"
        case .documents(let id): "/associations/\(id)/documents"
        case .deadlines(let id): "/associations/\(id)/echeances"
        case .document(let id, let kind): "/associations/\(id)/documents/\(kind)"
        case .documentDownload(let id, let kind): "/associations/\(id)/documents/\(kind)/telecharger"
        case .breach(let id, let breach): "/associations/\(id)/violations/\(breach)"
        case .breachEdit(let id, let breach): "/associations/\(id)/violations/\(breach)/modifier"
        case .rightsRequests(let id): "/associations/\(id)/demandes-droits"
        case .rightsRequest(let id, let request): "/associations/\(id)/demandes-droits/\(request)"
        case .directory: "/annuaire"
        case .directoryMap: "/annuaire/carte"
        case .place(let id): "/annuaire/lieux/\(id)"
        case .directoryCSV: "/annuaire/lieux.csv"
        case .directoryJSON: "/annuaire/lieux.json"
        case .directoryGeoJSON: "/annuaire/lieux.geojson"
        case .adminDirectory: "/admin/annuaire"
        case .proposePlace: "/annuaire/proposer"
        case .moderation: "/annuaire/moderation"
        case .moderationChange(let id): "/annuaire/moderation/\(id)"
        case .moderationRefuseAll: "/annuaire/refus-groupe"
        case .placeLink(let id): "/annuaire/lieux/\(id)/lien"
        case .placeEdit(let token): "/annuaire/modifier/\(token)"
        case .placeHistory(let id): "/annuaire/lieux/\(id)/historique"
        case .placeRevert(let id): "/annuaire/historique/\(id)/retablir"
        case .placeMerge(let id): "/annuaire/lieux/\(id)/fusionner"
        case .adminImport(let id): "/admin/annuaire/imports/\(id)"
        case .adminImportApply(let id): "/admin/annuaire/imports/\(id)/appliquer"
        case .adminImportDiscard(let id): "/admin/annuaire/imports/\(id)/abandonner"
        case .adminImportRefused(let id): "/admin/annuaire/imports/\(id)/lignes-refusees.csv"
        case .calendar: "/agenda"
        case .calendarFeed: "/agenda.ics"
        case .newTraining: "/agenda/nouvelle"
        case .training(let id): "/agenda/formations/\(id)"
        case .trainingFeed(let id): "/agenda/formations/\(id)/agenda.ics"
        case .trainingEdit(let id): "/agenda/formations/\(id)/modifier"
        case .placeFeed(let id): "/annuaire/lieux/\(id)/agenda.ics"
        case .sessionRegister(let id): "/agenda/seances/\(id)/inscription"
        case .sessionCancel(let id): "/agenda/seances/\(id)/annuler"
        case .sessionRegistrants(let id): "/agenda/seances/\(id)/inscrits"
        case .registration(let token): "/agenda/inscription/\(token)"
        case .trainingRegister(let id): "/agenda/formations/\(id)/inscription"
        case .sessionRegistrantsCSV(let id): "/agenda/seances/\(id)/inscrits.csv"
        case .sessionSignInSheet(let id): "/agenda/seances/\(id)/emargement"
        case .sessionWalkIn(let id): "/agenda/seances/\(id)/sur-place"
        case .sessionMove(let id): "/agenda/seances/\(id)/deplacer"
        case .placeManagers(let id): "/annuaire/lieux/\(id)/gestionnaires"
        case .placeManagerRemove(let id): "/annuaire/lieux/\(id)/gestionnaires/retirer"
        case .placeEditManager(let token): "/annuaire/modifier/\(token)/gestionnaire"
        case .adminEditor(let id): "/admin/comptes/\(id)/editeur"
        case .sheets: "/fiches"
        case .sheet(let slug): "/fiches/\(slug)"
        case .admin: "/admin"
        case .adminMailRetry(let id): "/admin/courriels/\(id)/reessayer"
        case .observatory: "/observatoire"
        case .observatoryPage(let territory, let period): "/observatoire/\(territory)/\(period)"
        case .observatoryCSV(let territory, let period): "/observatoire/\(territory)/\(period)/donnees.csv"
        case .observatoryPublication(let territory): "/observatoire/\(territory)/publication"
        case .surveys: "/enquetes"
        case .newSurvey: "/enquetes/nouvelle"
        case .surveyEdit(let id): "/enquetes/\(id)/modifier"
        case .surveyState(let id): "/enquetes/\(id)/etat"
        case .surveyResults(let id): "/enquetes/\(id)/resultats"
        case .surveyResultsCSV(let id): "/enquetes/\(id)/resultats.csv"
        case .surveyAnswer(let token): "/enquetes/\(token)"
        case .supportBodyBadges(let id): "/structures/\(id)/badges"
        case .supportBodyBadgeIssuer(let id): "/structures/\(id)/badges/emetteur"
        case .supportBodyBadgeClasses(let id): "/structures/\(id)/badges/classes"
        case .badgeAward(let id): "/badges/classes/\(id)/attribuer"
        case .badgeAwardTraining(let id): "/badges/classes/\(id)/formation"
        case .badgeRevoke(let id): "/badges/assertions/\(id)/revoquer"
        case .badgeReissue(let id): "/badges/assertions/\(id)/reemettre"
        case .badgeIssuer(let id): "/badges/emetteurs/\(id)"
        case .badgeIssuerImage(let id): "/badges/emetteurs/\(id)/image"
        case .badgeClass(let id): "/badges/classes/\(id)"
        case .badgeClassImage(let id): "/badges/classes/\(id)/image"
        case .badgeAssertion(let id): "/badges/assertions/\(id)"
        case .badgeBaked(let id): "/badges/assertions/\(id)/badge"
        case .badgePage(let id): "/badges/attributions/\(id)"
        case .earnerBadges: "/badges/mes-badges"
        case .earnerLink(let token): "/badges/mes-badges/\(token)"
        case .earnerDelete(let token): "/badges/mes-badges/\(token)/supprimer"
        case .trainingBadges(let id): "/agenda/formations/\(id)/badges"
        case .sessionRoom(let id): "/agenda/seances/\(id)/salle"
        case .joinRoom: "/salle"
        case .room(let id): "/salles/\(id)"
        case .roomFacilitation(let id): "/salles/\(id)/animation"
        case .roomLive(let id): "/salles/\(id)/direct"
        case .roomScript: "/static/salle.js"
        }
    }
}

/// Placeholders used when a case registers its route.
enum RouteParameter {
    static let id = ":id"
    static let token = ":token"
    static let code = ":code"
    static let step = ":step"
    static let asset = ":asset"
    static let handover = ":handover"
    static let item = ":item"
    static let activity = ":activity"
    static let breach = ":breach"
    static let kind = ":kind"
    static let request = ":request"
    static let file = ":file"
    static let territory = ":territory"
    static let period = ":period"
}
