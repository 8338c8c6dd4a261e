/// Versions reported by `tm --version` and `GET /v1/health`.
public enum TMVersion {
    /// The version of tm itself.
    public static let current = "0.1.0"
    /// The version of the system ICU that normalization and sentence splitting run on.
    public static var icu: String { ICU.version }
}
