import SQLKit
import SwitchboardCore

/// ``FlexConfigurationRepository`` over SQL.
struct SQLFlexConfigurationRepository: FlexConfigurationRepository {
    let database: any SQLDatabase

    func find(accountSid: String) async throws -> FlexConfiguration? {
        guard let row = try await database.select().column("*").from("flex_configurations").where("account_sid", .equal, accountSid).first() else {
            return nil
        }
        // Only this repository writes the column, always from an object, so anything else is corruption, not input.
        guard case .object(let settings) = try AttributeValue.parse(json: try row.decode(column: "settings", as: String.self)) else {
            throw TwilioError.internalError
        }
        return FlexConfiguration(
            accountSid: accountSid, settings: settings,
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self)))
    }

    func save(_ configuration: FlexConfiguration) async throws {
        let settings = SQLBind(AttributeValue.object(configuration.settings).jsonText)
        let updated = SQLBind(StoredDate.encode(configuration.dateUpdated))
        if try await find(accountSid: configuration.accountSid) != nil {
            try await database.update("flex_configurations").set("settings", to: settings).set("date_updated", to: updated)
                .where("account_sid", .equal, configuration.accountSid).run()
        } else {
            try await database.insert(into: "flex_configurations").columns("account_sid", "settings", "date_created", "date_updated")
                .values(SQLBind(configuration.accountSid), settings, SQLBind(StoredDate.encode(configuration.dateCreated)), updated).run()
        }
    }
}
