import Foundation
public import Hummingbird
import HTTPTypes
import NIOCore

/// `GET /` (the agent desktop), `GET /sandbox` (the customer simulator) and `GET /assets/<file>`: static pages
/// shipped in the binary's resource bundle, served without credentials. They sign in with an Access Token kept in
/// the browser and call the API with it, so nothing here knows an account.
public struct DesktopController: Sendable {
    /// The pages and assets, read once at start: a handful of small files, and no path from a request ever
    /// reaches the file system.
    let files: [String: DesktopFile]

    /// Reads the pages from the module's resource bundle.
    public init() {
        self.init(files: DesktopFile.loadBundled())
    }

    init(files: [String: DesktopFile]) {
        self.files = files
    }

    /// The routes, at the root of the server.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("/") { _, context in try serve("desktop.html", context: context) }
        routes.get("sandbox") { _, context in try serve("sandbox.html", context: context) }
        routes.get("assets/{file}") { _, context in
            try serve("assets/" + context.parameters.require("file"), context: context)
        }
        return routes
    }

    func serve(_ name: String, context: SwitchboardRequestContext) throws -> Response {
        guard let file = files[name] else { throw context.notFound }
        var headers = DesktopFile.securityHeaders
        headers[.contentType] = file.contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}

/// One static file of the desktop and the content type it is served with.
struct DesktopFile: Sendable {
    let bytes: [UInt8]
    let contentType: String

    /// Scripts only from this server and never inline, so a message body that somehow became markup still could
    /// not run; no frames, plugins or form posts elsewhere; API calls only to this origin.
    static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    static var securityHeaders: HTTPFields {
        [
            HTTPField.Name("Content-Security-Policy")!: contentSecurityPolicy,
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "no-referrer",
            .cacheControl: "no-cache",
        ]
    }

    static func contentType(ofFileNamed name: String) -> String? {
        switch (name as NSString).pathExtension {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        default: nil
        }
    }

    /// `desktop.html`, `sandbox.html` and `assets/<file>` from the bundled `Public` folder; files of other kinds are
    /// left out, so nothing is served with a guessed type.
    static func loadBundled() -> [String: DesktopFile] {
        guard let root = Bundle.module.url(forResource: "Public", withExtension: nil) else { return [:] }
        var files: [String: DesktopFile] = [:]
        for folder in ["", "assets/"] {
            let directory = folder.isEmpty ? root : root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names {
                guard let type = contentType(ofFileNamed: name),
                      let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
                else { continue }
                files[folder + name] = DesktopFile(bytes: [UInt8](data), contentType: type)
            }
        }
        return files
    }
}
