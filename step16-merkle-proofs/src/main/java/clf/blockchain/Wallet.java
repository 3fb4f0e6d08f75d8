package clf.blockchain;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemObjectGenerator;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * A wallet, from "transaction verification" and "smart wallet": an Ed25519 key pair in PEM files, kept apart from
 * the node; its address is the hex of the 32-byte public key.
 */
public final class Wallet {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();  // Made once: it takes a while.

    private final Ed25519PrivateKeyParameters privateKey;

    private Wallet(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
    }

    public static Wallet create() {
        return new Wallet(new Ed25519PrivateKeyParameters(new SecureRandom()));
    }

    /** The wallet whose private key is these 32 bytes (RFC 8032's "secret key"). */
    public static Wallet fromSecret(byte[] secret) {
        return new Wallet(new Ed25519PrivateKeyParameters(secret, 0));
    }

    /** The hex of the raw 32-byte public key: what others pay to, and what the node checks signatures with. */
    public String address() {
        return HexFormat.of().formatHex(privateKey.generatePublicKey().getEncoded());
    }

    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** Does {@code signature} sign {@code message} for the key whose address is {@code address}? */
    public static boolean verify(String address, byte[] message, byte[] signature) {
        // exercise 6.2: Check the signature with the public key whose hex is the address; a malformed key or signature is just invalid.
        // exercise 6.2 begin
        Ed25519PublicKeyParameters key;
        try {
            key = new Ed25519PublicKeyParameters(HexFormat.of().parseHex(address));
        } catch (IllegalArgumentException e) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        return signature.length == 64 && verifier.verifySignature(signature);
        // exercise 6.2 end
    }

    /** Writes the private key to {@code file}, for its owner only, encrypted when a passphrase is given; the public key beside it. */
    public void save(Path file, char[] passphrase) throws IOException {
        if (Files.exists(file)) {
            throw new IOException(file + " already exists; a wallet is never overwritten");
        }
        // RFC 8410's plain form, the one OpenSSL writes and reads: the 32-byte secret and nothing more.
        PrivateKeyInfo info = new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                new DEROctetString(privateKey.getEncoded()));
        PemObjectGenerator pem = new PemObject("PRIVATE KEY", info.getEncoded());
        if (passphrase != null && passphrase.length > 0) {
            try {
                pem = new PKCS8Generator(info, new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                        .setProvider(BC).setPassword(passphrase).build());
            } catch (OperatorCreationException e) {
                throw new IOException("cannot encrypt the key: " + e.getMessage(), e);
            }
        }
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, pem(pem), StandardCharsets.US_ASCII);
        Files.writeString(publicKeyFile(file), pem(new PemObject("PUBLIC KEY",
                SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(privateKey.generatePublicKey()).getEncoded())));
    }

    /** alice.pem becomes alice.pub.pem. */
    public static Path publicKeyFile(Path privateKeyFile) {
        String name = privateKeyFile.getFileName().toString();
        return privateKeyFile.resolveSibling(name.replaceAll("\\.pem$", "") + ".pub.pem");
    }

    /** The address of a public key file (alice.pub.pem), for a node that pays its rewards to that wallet. */
    public static String addressOfPublicKey(Path file) throws IOException {
        if (!(read(file) instanceof SubjectPublicKeyInfo info)
                || !(PublicKeyFactory.createKey(info) instanceof Ed25519PublicKeyParameters key)) {
            throw new IOException("it holds no Ed25519 public key in PEM (-----BEGIN PUBLIC KEY-----)");
        }
        return HexFormat.of().formatHex(key.getEncoded());
    }

    /** Reads a wallet from its private key file; {@code passphrase} is asked for only if the key is encrypted. */
    public static Wallet load(Path file, Supplier<char[]> passphrase) throws IOException {
        Object pem = read(file);
        if (pem instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            try {
                pem = encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                        .setProvider(BC).build(passphrase.get()));
            } catch (PKCSException | OperatorCreationException e) {
                throw new IOException("the passphrase is wrong (the key cannot be decrypted with it)", e);
            }
        }
        if (!(pem instanceof PrivateKeyInfo info)) {
            throw new IOException("it holds no private key in PEM (-----BEGIN PRIVATE KEY-----)");
        }
        if (!(PrivateKeyFactory.createKey(info) instanceof Ed25519PrivateKeyParameters key)) {
            throw new IOException("its key is not an Ed25519 key");
        }
        return new Wallet(key);
    }

    private static Object read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            return parser.readObject();
        }
    }

    private static String pem(PemObjectGenerator object) throws IOException {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
