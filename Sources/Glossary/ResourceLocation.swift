import Foundation

/// Where SwiftPM put a target's resources: the bundle folder beside the executable (`NAME.resources` on Linux,
/// `NAME.bundle` on Apple platforms).
///
/// `Bundle.module` is not used: on Linux it traps when the bundle is missing, and a binary copied without
/// its bundles should still start and say what is missing.
public enum ResourceLocation {
    /// The bundle folder named `bundle` that holds `relativePath`, or nil.
    public static func folder(bundle: String, containing relativePath: String) -> URL? {
        var folders: [URL] = []
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let beside = executable.deletingLastPathComponent()
            folders += [
                beside.appendingPathComponent("\(bundle).resources"), beside.appendingPathComponent("\(bundle).bundle"),
                beside.appendingPathComponent("\(bundle).bundle/Contents/Resources"),
            ]
        }
        folders.append(Bundle.main.bundleURL.appendingPathComponent("\(bundle).bundle"))
        return folders.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent(relativePath).path) }
    }
}
