package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WalletTest {

    static final HexFormat HEX = HexFormat.of();

    /** RFC 8032, section 7.1, tests 1 to 3: secret key, public key, message, signature. */
    @ParameterizedTest
    @CsvSource({
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60, d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '', e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb, 3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72, 92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7, fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82, 6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    })
    @Tag("exercise-6.2")
    void signsAndVerifiesTheRfc8032Vectors(String secret, String publicKey, String message, String signature) {
        Wallet wallet = Wallet.fromSecret(HEX.parseHex(secret));
        byte[] bytes = HEX.parseHex(message);
        assertEquals(publicKey, wallet.address());
        assertArrayEquals(HEX.parseHex(signature), wallet.sign(bytes));
        assertTrue(Wallet.verify(publicKey, bytes, HEX.parseHex(signature)));
        byte[] other = HEX.parseHex(signature);
        other[0] ^= 1;
        assertFalse(Wallet.verify(publicKey, bytes, other), "one changed bit breaks it");
    }

    @Test
    @Tag("exercise-6.2")
    void anAddressIsTheHexOfTheRaw32BytePublicKey() {
        String address = Wallet.create().address();
        assertTrue(SignedTransaction.isAddress(address), address);
        assertFalse(Wallet.create().address().equals(address), "every wallet is new");
        assertFalse(Wallet.verify("not an address", new byte[0], new byte[64]));
        assertFalse(Wallet.verify("ab", new byte[0], new byte[64]), "too short: invalid, not an exception");
        assertFalse(Wallet.verify(address + "00", new byte[0], new byte[64]), "too long: invalid, not cut short");
    }

    @Test
    void aSavedWalletReadsBackAndOnlyItsOwnerCanReadIt(@TempDir Path directory) throws IOException {
        Wallet wallet = Wallet.create();
        Path file = directory.resolve("alice.pem");
        wallet.save(file, null);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(Files.readString(directory.resolve("alice.pub.pem")).startsWith("-----BEGIN PUBLIC KEY-----"));
        assertEquals(wallet.address(), Wallet.load(file, () -> null).address());
        assertThrows(IOException.class, () -> wallet.save(file, null), "a wallet is never overwritten");
    }

    @Test
    void anEncryptedWalletNeedsItsPassphrase(@TempDir Path directory) throws IOException {
        Wallet wallet = Wallet.create();
        Path file = directory.resolve("bob.pem");
        wallet.save(file, "correct horse".toCharArray());

        assertTrue(Files.readString(file).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        assertEquals(wallet.address(), Wallet.load(file, "correct horse"::toCharArray).address());
        IOException wrong = assertThrows(IOException.class, () -> Wallet.load(file, "wrong"::toCharArray));
        assertTrue(wrong.getMessage().contains("passphrase is wrong"), wrong.getMessage());
    }

    @Test
    void openSslReadsTheKeysWeWrite(@TempDir Path directory) throws Exception {
        Wallet wallet = Wallet.create();
        Path file = directory.resolve("carol.pem");
        wallet.save(file, null);
        Process openssl = new ProcessBuilder("openssl", "pkey", "-in", file.toString(), "-pubout", "-outform", "DER")
                .start();
        byte[] der = openssl.getInputStream().readAllBytes();
        assertEquals(0, openssl.waitFor());
        byte[] raw = java.util.Arrays.copyOfRange(der, der.length - 32, der.length);
        assertEquals(wallet.address(), HEX.formatHex(raw), "the public key that openssl derives is our address");
    }

    @Test
    void aFileThatIsNotAKeyIsRefusedWithAReason(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("hello.pem");
        Files.writeString(file, "hello");
        IOException e = assertThrows(IOException.class, () -> Wallet.load(file, () -> null));
        assertTrue(e.getMessage().contains("no private key"), e.getMessage());
    }

    @Test
    @Tag("exercise-6.2")
    @Tag("exercise-9.1")
    void aSignedPaymentCoversEveryField() {
        Wallet alice = Wallet.create();
        String bob = Wallet.create().address();
        SignedTransaction payment = SignedTransaction.sign(alice, bob, 5, 1);
        assertTrue(payment.signatureIsValid());
        assertEquals("{\"amount\": 5, \"nonce\": 1, \"recipient\": \"" + bob + "\", \"sender\": \"" + alice.address() + "\"}",
                payment.signedText());
        assertFalse(new SignedTransaction(alice.address(), bob, 50, 1, payment.signature()).signatureIsValid());
        assertFalse(new SignedTransaction(alice.address(), bob, 5, 2, payment.signature()).signatureIsValid());
        assertFalse(new SignedTransaction(alice.address(), alice.address(), 5, 1, payment.signature()).signatureIsValid());
        assertFalse(new SignedTransaction(bob, bob, 5, 1, payment.signature()).signatureIsValid(), "another sender");
        assertEquals(payment, SignedTransaction.fromJson(HttpJson.parse(CanonicalJson.write(payment.toJson()))));
    }
}
