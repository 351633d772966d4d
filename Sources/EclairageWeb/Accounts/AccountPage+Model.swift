import EclairageDomain

/// My account: the password form, my data to download, the form that deletes the account.
enum AccountPage {
    struct Model: Sendable {
        let user: User
        var passwordForm = FormState.empty
        var deleteForm = FormState.empty
        let passwordAction = SiteURL.accountPassword.path
        let exportLink = SiteURL.accountExport.path
        let deleteAction = SiteURL.accountDelete.path
    }
}
