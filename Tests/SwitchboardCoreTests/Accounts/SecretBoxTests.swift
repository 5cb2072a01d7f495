import Foundation
import Testing
import SwitchboardCore

@Suite struct SecretBoxTests {
    @Test func aSealedSecretOpensWithTheSameKey() throws {
        let key = SecretBox.makeKey()
        let sealed = try SecretBox(key: key).seal("s3cret")
        #expect(!sealed.contains("s3cret"))
        #expect(try SecretBox(key: key).open(sealed) == "s3cret")
    }

    @Test func sealingTwiceGivesDifferentText() {
        let box = SecretBox()
        #expect(box.seal("same") != box.seal("same"))
    }

    @Test func anotherKeyOrAlteredTextOpensNothing() throws {
        let box = SecretBox()
        let sealed = box.seal("s3cret")
        #expect(SecretBox().open(sealed) == nil)
        var bytes = try #require(Data(base64Encoded: sealed))
        bytes[bytes.count - 1] ^= 1
        #expect(box.open(bytes.base64EncodedString()) == nil)
        #expect(box.open("not base64") == nil)
    }

    @Test func aKeyMustBe32Bytes() {
        #expect(throws: SecretBoxError.wrongKeyLength(16)) { try SecretBox(key: Data(count: 16)) }
        #expect(SecretBox.makeKey().count == 32)
    }
}
