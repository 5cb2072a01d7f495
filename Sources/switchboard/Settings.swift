import Configuration
import Logging
import SwitchboardAPI
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

    var database: DatabaseLocation { DatabaseLocation(string("database") ?? "./switchboard.sqlite") }

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
