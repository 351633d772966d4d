/// The catalogue's page around its results, which come rendered (`CatalogueListPage`).
enum CataloguePage {
    struct Model: Sendable { let html: String }
}
