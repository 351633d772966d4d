import Hummingbird
import HummingbirdAuth

/// Every route of the site, grouped by area. Paths come from `SiteURL`.
func registerRoutes(on router: Router<AppRequestContext>, services: AppServices) {
    typealias Handler = @Sendable (Request, AppRequestContext, AppServices) async throws -> Response
    func get(_ url: SiteURL, _ handler: @escaping Handler) {
        router.get(RouterPath(url.path)) { request, context in try await handler(request, context, services) }
    }
    /// A public page served whole from memory to anonymous visitors (`CachedPage`).
    func get(_ url: SiteURL, cached time: PageTime, _ handler: @escaping Handler) {
        router.get(RouterPath(url.path)) { request, context in
            try await CachedPage.serve(request, context: context, services: services, time: time, handler: handler)
        }
    }
    func post(_ url: SiteURL, _ handler: @escaping Handler) {
        router.post(RouterPath(url.path)) { request, context in try await handler(request, context, services) }
    }
    let id = RouteParameter.id
    let token = RouteParameter.token

    // MARK: Site
    get(.home, cached: .none, SiteController.home)
    get(.healthz, SiteController.healthz)
    get(.stylesheet, SiteController.stylesheet)
    get(.mapScript, MapAssets.script)
    get(.leaflet(RouteParameter.file), MapAssets.leaflet)
    get(.leafletImage(RouteParameter.file), MapAssets.leaflet)
    get(.language(RouteParameter.code), SiteController.language)

    // MARK: Accounts
    get(.signUp, SignUpController.show)
    post(.signUp, SignUpController.submit)
    get(.signUpConfirm(token: token), SignUpController.confirm)
    get(.signIn, SignInController.show)
    post(.signIn, SignInController.submit)
    post(.signOut, SignInController.signOut)
    get(.forgotPassword, PasswordResetController.showRequest)
    post(.forgotPassword, PasswordResetController.submitRequest)
    get(.resetPassword(token: token), PasswordResetController.showReset)
    post(.resetPassword(token: token), PasswordResetController.submitReset)
    get(.account, AccountController.show)
    post(.accountPassword, AccountController.changePassword)
    get(.accountExport, AccountController.export)
    post(.accountDelete, AccountController.delete)

    // MARK: Associations
    get(.associations, AssociationsController.list)
    get(.newAssociation, AssociationsController.new)
    post(.newAssociation, AssociationsController.create)
    get(.association(id), AssociationPageController.show)
    get(.associationEdit(id), AssociationsController.edit)
    post(.associationEdit(id), AssociationsController.update)
    post(.associationInvite(id), InvitationController.invite)
    post(.associationLeave(id), MembershipController.leave)
    post(.associationTransfer(id), MembershipController.transfer)
    get(.associationSupport(id), SupportController.show)
    post(.associationSupport(id), SupportController.ask)
    post(.associationAccess(id), SupportController.withdraw)
    post(.associationRequests(id), SupportController.answer)
    get(.associationFollow(id), FollowController.show)
    post(.associationNotes(id), FollowController.add)
    post(.associationClose(id), FollowController.close)
    get(.associationPlan(id), PlanController.show)
    post(.associationPlan(id), PlanController.add)
    post(.associationPlanStatus(id), PlanController.status)
    post(.associationPlanProposal(id), PlanController.answer)
    get(.associationUsages(id), UsageController.show)
    post(.associationPlanValue(id), PlanController.value)
    get(.invitation(token: token), InvitationController.showInvitation)
    post(.invitation(token: token), InvitationController.acceptInvitation)

    // MARK: Observatory
    let territory = RouteParameter.territory
    let period = RouteParameter.period
    get(.observatory, ObservatoryController.index)
    get(.observatoryPage(territory, period), ObservatoryController.show)
    get(.observatoryCSV(territory, period), ObservatoryController.csv)
    post(.observatoryPublication(territory), ObservatoryController.publish)

    // MARK: Support bodies
    get(.supportBodies, SupportBodiesController.list)
    get(.newSupportBody, SupportBodiesController.new)
    post(.newSupportBody, SupportBodiesController.create)
    get(.supportBodyVetting, VettingController.queue)
    post(.supportBodyVet(id), VettingController.decide)
    get(.supportBody(id), SupportBodyController.show)
    post(.supportBodyRequests(id), AccessRequestController.send)
    get(.supportBodyActivity(id), ActivityController.show)
    get(.supportBodyActivityCSV(id), ActivityController.csv)
    post(.supportBodyAdvisors(id), AdvisorsController.invite)
    post(.supportBodyAdvisorRemove(id), AdvisorsController.remove)
    post(.supportBodyPlace(id), SupportBodyController.linkPlace)
    get(.advisorInvitation(token: token), AdvisorsController.showInvitation)
    post(.advisorInvitation(token: token), AdvisorsController.accept)

    // MARK: Diagnostic
    get(.diagnosticIntro, DiagnosticFlowController.intro)
    post(.diagnosticIntro, DiagnosticFlowController.start)
    get(.diagnosticResume(token: token), DiagnosticFlowController.resume)
    post(.associationDiagnostics(id), DiagnosticFlowController.startForAssociation)
    get(.diagnosticStep(id, step: RouteParameter.step), DiagnosticFlowController.showStep)
    post(.diagnosticStep(id, step: RouteParameter.step), DiagnosticFlowController.saveStep)
    get(.diagnosticReport(id), DiagnosticReportController.report)
    post(.diagnosticMailLink(id), DiagnosticFlowController.mailResumeLink)
    post(.diagnosticAttach(id), DiagnosticReportController.attach)
    get(.diagnosticDelete(id), DiagnosticReportController.confirmDelete)
    post(.diagnosticDelete(id), DiagnosticReportController.delete)
    get(.diagnosticExportJSON(id), DiagnosticExportController.json)
    get(.diagnosticExportCSV(id), DiagnosticExportController.csv)

    // MARK: Catalogue
    get(.catalogue, cached: .none, CatalogueController.list)
    get(.tool(id), cached: .none, CatalogueController.tool)
    get(.need(id), cached: .none, CatalogueController.need)
    post(.associationSavedSteps(id), SavedStepsController.save)

    // MARK: Inventory, handover, GDPR register, breaches
    let asset = RouteParameter.asset
    get(.inventory(id), InventoryController.list)
    get(.newAsset(id), InventoryController.new)
    post(.newAsset(id), InventoryController.create)
    get(.asset(id, asset: asset), InventoryController.edit)
    post(.asset(id, asset: asset), InventoryController.update)
    post(.assetDelete(id, asset: asset), InventoryController.delete)
    post(.assetCheck(id, asset: asset), InventoryController.check)
    post(.inventoryShare(id), InventoryController.share)
    let handover = RouteParameter.handover
    get(.handover(id), HandoverController.show)
    post(.handover(id), HandoverController.start)
    post(.handoverItem(id, handover: handover, item: RouteParameter.item), HandoverController.tick)
    post(.handoverComplete(id, handover: handover), HandoverController.complete)
    get(.handoverPrint(id, handover: handover), HandoverController.print)
    let activity = RouteParameter.activity
    get(.register(id), RegisterController.list)
    get(.registerCSV(id), RegisterController.csv)
    get(.registerPrint(id), RegisterController.printable)
    get(.documents(id), DocumentsController.list)
    get(.deadlines(id), DeadlinesController.show)
    get(.document(id, kind: RouteParameter.kind), DocumentsController.show)
    get(.documentDownload(id, kind: RouteParameter.kind), DocumentsController.download)
    get(.newActivity(id), RegisterController.new)
    post(.newActivity(id), RegisterController.create)
    get(.activity(id, activity: activity), RegisterController.edit)
    post(.activity(id, activity: activity), RegisterController.update)
    post(.activityDelete(id, activity: activity), RegisterController.delete)
    get(.breaches(id), BreachController.list)
    post(.breaches(id), BreachController.create)
    get(.breach(id, breach: RouteParameter.breach), BreachController.show)
    post(.breach(id, breach: RouteParameter.breach), BreachController.notified)
    get(.breachEdit(id, breach: RouteParameter.breach), BreachController.edit)
    post(.breachEdit(id, breach: RouteParameter.breach), BreachController.update)
    get(.rightsRequests(id), RightsController.list)
    post(.rightsRequests(id), RightsController.create)
    get(.rightsRequest(id, request: RouteParameter.request), RightsController.edit)
    post(.rightsRequest(id, request: RouteParameter.request), RightsController.update)

    // MARK: Directory
    get(.directory, cached: .minute, DirectoryController.list)
    get(.directoryMap, cached: .minute, DirectoryController.map)
    get(.place(id), cached: .minute, PlaceController.show)
    get(.directoryCSV, cached: .minute, DirectoryExportController.csv)
    get(.directoryJSON, cached: .minute, DirectoryExportController.json)
    get(.directoryGeoJSON, cached: .minute, DirectoryExportController.geojson)
    get(.proposePlace, ContributionController.new)
    post(.proposePlace, ContributionController.create)
    post(.placeLink(id), PlaceLinkController.send)
    get(.placeEdit(token: token), PlaceLinkController.edit)
    post(.placeEdit(token: token), PlaceLinkController.update)
    get(.moderation, ModerationController.queue)
    post(.moderationChange(id), ModerationController.decide)
    post(.moderationRefuseAll, ModerationController.refuseAll)
    get(.placeHistory(id), ModerationController.history)
    post(.placeRevert(id), ModerationController.revert)
    post(.placeMerge(id), ModerationController.merge)
    get(.adminDirectory, DirectoryImportController.show)
    post(.adminDirectory, DirectoryImportController.upload)
    get(.adminImport(id), DirectoryImportController.preview)
    post(.adminImportApply(id), DirectoryImportController.apply)
    post(.adminImportDiscard(id), DirectoryImportController.discard)
    get(.adminImportRefused(id), DirectoryImportController.refusedRows)

    // MARK: Calendar
    get(.calendar, cached: .minute, CalendarController.list)
    get(.calendarFeed, CalendarController.feed)
    get(.training(id), cached: .minute, TrainingController.show)
    get(.trainingFeed(id), CalendarController.trainingFeed)
    get(.placeFeed(id), CalendarController.placeFeed)
    get(.newTraining, TrainingFormController.new)
    post(.newTraining, TrainingFormController.create)
    get(.trainingEdit(id), TrainingFormController.edit)
    post(.trainingEdit(id), TrainingFormController.update)
    post(.sessionCancel(id), TrainingFormController.cancelSession)
    post(.sessionRegister(id), RegistrationController.register)
    get(.registration(token: token), RegistrationController.show)
    post(.registration(token: token), RegistrationController.act)
    get(.sessionRegistrants(id), RegistrantsController.show)
    post(.sessionRegistrants(id), RegistrantsController.attendance)
    get(.sessionCancel(id), TrainingFormController.confirmCancel)
    post(.trainingRegister(id), CycleRegistrationController.register)
    get(.sessionRegistrantsCSV(id), RegistrantsExportController.csv)
    get(.sessionSignInSheet(id), RegistrantsExportController.sheet)
    post(.sessionWalkIn(id), RegistrantsController.walkIn)
    post(.sessionMove(id), SessionMoveController.move)
    post(.placeManagers(id), PlaceManagersController.link)
    post(.placeManagerRemove(id), PlaceManagersController.unlink)
    post(.placeEditManager(token: token), PlaceManagersController.confirm)
    post(.adminEditor(id), AdminController.toggleEditor)

    // MARK: Awareness sheets
    get(.sheets, cached: .none, SheetsController.list)
    get(.sheet(id), cached: .none, SheetsController.show)

    // MARK: Administration
    get(.admin, AdminController.show)
    post(.adminMailRetry(id), AdminController.retryMail)

    // MARK: Field surveys (the answer's link carries the survey's token under the same name as ids)
    get(.surveys, SurveysController.list)
    get(.newSurvey, SurveyFormController.new)
    post(.newSurvey, SurveyFormController.create)
    get(.surveyEdit(id), SurveyFormController.edit)
    post(.surveyEdit(id), SurveyFormController.update)
    post(.surveyState(id), SurveysController.state)
    get(.surveyResults(id), SurveyResultsController.show)
    get(.surveyResultsCSV(id), SurveyResultsController.csv)
    get(.surveyAnswer(token: id), SurveyAnswerController.show)
    post(.surveyAnswer(token: id), SurveyAnswerController.submit)

    // MARK: Open Badges
    get(.supportBodyBadges(id), BadgesController.show)
    post(.supportBodyBadgeIssuer(id), BadgesController.saveIssuer)
    post(.supportBodyBadgeClasses(id), BadgesController.createClass)
    post(.badgeAward(id), BadgeAwardController.award)
    post(.badgeAwardTraining(id), BadgeAwardController.awardTraining)
    post(.badgeRevoke(id), BadgeAwardController.revoke)
    post(.badgeReissue(id), BadgeAwardController.reissue)
    get(.badgeIssuer(id), BadgeDocumentsController.issuer)
    get(.badgeIssuerImage(id), BadgeDocumentsController.issuerImage)
    get(.badgeClass(id), BadgeDocumentsController.badgeClass)
    get(.badgeClassImage(id), BadgeDocumentsController.classImage)
    get(.badgeAssertion(id), BadgeDocumentsController.assertion)
    get(.badgeBaked(id), BadgeDocumentsController.baked)
    get(.badgePage(id), BadgeDocumentsController.page)
    get(.earnerBadges, EarnerController.show)
    post(.earnerBadges, EarnerController.request)
    get(.earnerLink(token: token), EarnerController.list)
    post(.earnerDelete(token: token), EarnerController.delete)
    post(.trainingBadges(id), BadgeAwardController.assignTraining)
    // MARK: Workshop rooms
    post(.sessionRoom(id), WorkshopFacilitatorController.create)
    get(.joinRoom, WorkshopJoinController.show)
    post(.joinRoom, WorkshopJoinController.join)
    get(.room(id), WorkshopRoomController.show)
    post(.room(id), WorkshopRoomController.act)
    get(.roomFacilitation(id), WorkshopFacilitatorController.show)
    post(.roomFacilitation(id), WorkshopFacilitatorController.act)
    get(.roomLive(id), WorkshopLive.stream)
    get(.roomScript, WorkshopLive.script)
}
