/// The network makes a territory's observatory public, or withdraws it ("1" / "0").
struct ObservatoryPublicationForm: Decodable {
    @FormText var publish: String
}
