/// The directory's list: the results (rendered apart, see `DirectoryResultsPage`), and the links to
/// propose a place and, for editors, to import a file and to the queue with what waits in it.
enum DirectoryPage {
    struct Model: Sendable {
        let html: String
        var proposeLink = SiteURL.proposePlace.path
        var editor: Editor?

        /// What an editor sees under the list: the import and the moderation queue.
        struct Editor: Sendable {
            let importLink = SiteURL.adminDirectory.path
            /// Where the upload form (`import-upload`) sends the file.
            let action = SiteURL.adminDirectory.path
            let moderationLink = SiteURL.moderation.path
            let pending: Int
        }
    }
}

/// The directory's map: the server-drawn map of the results, and the interactive one when a tile
/// server is configured.
enum DirectoryMapPage {
    struct Model: Sendable {
        let html: String
        /// Set only when a tile server is configured: the interactive map's data and assets.
        let dynamic: Dynamic?

        struct Dynamic: Sendable {
            let geojson: String
            let tiles: String
            let attribution: String
            let leafletCSS = SiteURL.leaflet("leaflet.css").path
            let leafletJS = SiteURL.leaflet("leaflet.js").path
            let script = SiteURL.mapScript.path
        }
    }
}
