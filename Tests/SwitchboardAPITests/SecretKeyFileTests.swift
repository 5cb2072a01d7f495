import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage
@testable import SwitchboardAPI

@Suite struct SecretKeyFileTests {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("secret-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theKeyFileIsCreatedOnceWithMode0600AndReused() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sealed = try SecretKeyFile.secretBox(environmentKey: nil, directory: directory).seal("kept")
        let file = directory.appendingPathComponent("switchboard.key")
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect((attributes[.size] as? NSNumber)?.intValue == 32)
        #expect(try SecretKeyFile.secretBox(environmentKey: nil, directory: directory).open(sealed) == "kept")
    }

    @Test func theEnvironmentKeyWinsOverTheFileAndWritesNone() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = SecretBox.makeKey()
        let sealed = try SecretBox(key: key).seal("from env")
        let box = try SecretKeyFile.secretBox(environmentKey: key.base64EncodedString(), directory: directory)
        #expect(box.open(sealed) == "from env")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("switchboard.key").path))
    }

    @Test func anEnvironmentKeyThatIsNot32BytesOfBase64IsRefused() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: SecretKeyError.self) { try SecretKeyFile.secretBox(environmentKey: "not base64!", directory: directory) }
        #expect(throws: SecretKeyError.self) { try SecretKeyFile.secretBox(environmentKey: Data(count: 8).base64EncodedString(), directory: directory) }
    }

    @Test func theKeyFileLivesBesideASQLiteFileOrInTheWorkingDirectory() {
        #expect(SecretKeyFile.directory(for: .sqliteFile(path: "/var/lib/switchboard/data.sqlite")).path == "/var/lib/switchboard")
        #expect(SecretKeyFile.directory(for: .sqliteMemory).path == FileManager.default.currentDirectoryPath)
    }
}
