import Configuration
import Logging
import SwitchboardAPI
import SwitchboardCore
import SwitchboardDelivery
import SwitchboardStorage

/// Settings read from the command line first, then from `SWITCHBOARD_*` environment variables, then defaults.
struct Settings {
    let reader: ConfigReader

    /// Layers the flags that were given over the environment.
    init(flags: [String: String?]) {
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        for case let (key, value?) in flags {
            values[AbsoluteConfigKey(ConfigKey("switchboard." + key))] = ConfigValue(.string(value), isSecret: false)
        }
        reader = ConfigReader(providers: [InMemoryProvider(values: values), EnvironmentVariablesProvider()])
    }

    func string(_ key: String, isSecret: Bool = false) -> String? {
        reader.string(forKey: ConfigKey("switchboard." + key), isSecret: isSecret).flatMap { $0.isEmpty ? nil : $0 }
    }

    func integer(_ key: String, default defaultValue: Int) throws -> Int {
        guard let raw = string(key) else { return defaultValue }
        guard let value = Int(raw) else { throw SettingsError(description: "\(key) must be an integer; got '\(raw)'") }
        return value
    }

    func boolean(_ key: String, default defaultValue: Bool) throws -> Bool {
        guard let raw = string(key) else { return defaultValue }
        switch raw.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw SettingsError(description: "\(key) must be true or false; got '\(raw)'")
        }
    }

    /// Where the data lives; a value that names no usable database is refused here, before anything starts.
    func database() throws -> DatabaseLocation {
        do {
            return try DatabaseLocation(string("database") ?? "./switchboard.sqlite")
        } catch {
            throw SettingsError(description: "database: \(error.description)")
        }
    }

    /// The port to listen on: 0 (any free port) to 65535. An `Int` would otherwise wrap to another port.
    func port() throws -> Int {
        let port = try integer("port", default: 8080)
        guard (0...65535).contains(port) else { throw SettingsError(description: "port must be between 0 and 65535; got \(port)") }
        return port
    }

    /// The SMTP listener's port, 1 to 65535; `nil` (no listener) unless given.
    func smtpPort() throws -> Int? {
        guard string("smtpPort") != nil else { return nil }
        let port = try integer("smtpPort", default: 0)
        guard (1...65535).contains(port) else { throw SettingsError(description: "smtpPort must be between 1 and 65535; got \(port)") }
        return port
    }

    /// The SMTP listener's STARTTLS certificate and key, given together or not at all.
    func smtpTLS() throws -> SMTPListenerTLS? {
        switch (string("smtpTlsCert"), string("smtpTlsKey")) {
        case (nil, nil): return nil
        case (let certificate?, let key?):
            do { return try SMTPListenerTLS(certificate: certificate, key: key) } catch {
                throw SettingsError(description: "\(error)")
            }
        default: throw SettingsError(description: "smtpTlsCert and smtpTlsKey are given together")
        }
    }

    /// A whole number of at least 1.
    func positiveInteger(_ key: String, default defaultValue: Int) throws -> Int {
        let value = try integer(key, default: defaultValue)
        guard value >= 1 else { throw SettingsError(description: "\(key) must be at least 1; got \(value)") }
        return value
    }

    /// The reverse proxies whose forwarding headers are believed.
    func trustedProxies() throws -> [AddressRange] {
        do {
            return try AddressRange.list(string("trustedProxies") ?? "")
        } catch {
            throw SettingsError(description: "trustedProxies: \(error.message)")
        }
    }

    /// How long to keep trying a PostgreSQL server that does not answer yet.
    func databaseWait() throws -> Duration {
        let seconds = try integer("databaseWaitSeconds", default: 30)
        guard seconds >= 0 else { throw SettingsError(description: "databaseWaitSeconds must not be negative; got \(seconds)") }
        return .seconds(seconds)
    }

    /// What seals API key secrets: `SWITCHBOARD_SECRET_KEY`, or the key file beside the data, made on first use.
    func secretBox(for database: DatabaseLocation) throws -> SecretBox {
        do {
            return try SecretKeyFile.secretBox(environmentKey: string("secretKey", isSecret: true), directory: SecretKeyFile.directory(for: database))
        } catch {
            throw SettingsError(description: error.description)
        }
    }

    func logLevel() throws -> Logger.Level {
        let raw = string("logLevel") ?? "info"
        guard let level = Logger.Level(rawValue: raw) else { throw SettingsError(description: "unknown log level '\(raw)'") }
        return level
    }
}

/// A setting that cannot be used.
struct SettingsError: Error, CustomStringConvertible {
    let description: String
}
