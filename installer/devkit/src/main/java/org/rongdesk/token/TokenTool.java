package org.rongdesk.token;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jxmpp.util.XmppStringUtils;
import org.rongdesk.devserver.AppSecret;

/**
 * The standalone token tool: what an organisation's backend or an admin runs to sign tokens for
 * its own ejabberd, without the dev server.
 * <pre>
 *   java -cp "lib/*" org.rongdesk.token.TokenTool --secret FILE --app-key KEY --user USER [--ttl SECONDS]
 *   java -cp "lib/*" org.rongdesk.token.TokenTool --new-secret FILE
 * </pre>
 * The first form prints only the token (a JWT signed by {@link TokenMinter}, exactly as the dev
 * server's tokens). The second writes a fresh App Secret, readable by its owner only, as the JWK
 * ejabberd's {@code jwt_key} reads; it never overwrites a file. The secret is never printed.
 * Unlike {@code ./rongcloud token}, this tool does not register the user on the server.
 * Exit codes: 0 done, 1 failed (I/O), 2 bad or missing argument.
 */
public final class TokenTool {
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final long DEFAULT_TTL_SECONDS = Duration.ofDays(30).toSeconds();
    /** 100 years: enough for any real token, and {@code exp} stays a sane number. */
    static final long MAX_TTL_SECONDS = Duration.ofDays(36500).toSeconds();
    private static final int KEY_BYTES = 32;
    /** RFC 7622: local part and domain part at most 1023 bytes each. */
    private static final int MAX_PART_BYTES = 1023;

    private final PrintStream out;
    private final PrintStream err;

    TokenTool(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new TokenTool(System.out, System.err).run(args));
    }

    /** A problem with one argument: reported with exit code 2. */
    private static final class BadArgument extends Exception {
        private static final long serialVersionUID = 1L;

        BadArgument(String message) {
            super(message);
        }
    }

    int run(String[] args) {
        try {
            Map<String, String> options = parse(args);
            if (options.containsKey("--help")) {
                printUsage(out);
                return 0;
            }
            if (options.containsKey("--new-secret")) {
                for (String other : options.keySet()) {
                    if (!other.equals("--new-secret")) {
                        throw new BadArgument(other + " cannot be used with --new-secret");
                    }
                }
                return newSecret(path("--new-secret", options.get("--new-secret")));
            }
            return mint(options);
        } catch (BadArgument e) {
            err.println("error: " + e.getMessage());
            printUsage(err);
            return USAGE;
        }
    }

    private static Map<String, String> parse(String[] args) throws BadArgument {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--help", "-h" -> options.put("--help", "");
                case "--secret", "--app-key", "--user", "--ttl", "--new-secret" -> {
                    if (i + 1 >= args.length) {
                        throw new BadArgument(option + " needs a value");
                    }
                    if (options.putIfAbsent(option, args[++i]) != null) {
                        throw new BadArgument(option + " is given twice");
                    }
                }
                default -> throw new BadArgument(option.startsWith("-")
                        ? "unknown option " + option : "unexpected argument '" + option + "'");
            }
        }
        return options;
    }

    private int mint(Map<String, String> options) throws BadArgument {
        Path secretFile = path("--secret", required(options, "--secret"));
        String appKey = appKey(required(options, "--app-key"));
        String user = user(required(options, "--user"));
        long ttl = ttl(options.getOrDefault("--ttl", Long.toString(DEFAULT_TTL_SECONDS)));
        AppSecret secret = readSecret(secretFile);
        out.println(TokenMinter.mint(secret, user, appKey, Instant.now().plusSeconds(ttl)));
        return 0;
    }

    private static String required(Map<String, String> options, String option) throws BadArgument {
        String value = options.get(option);
        if (value == null) {
            throw new BadArgument(option + " is missing");
        }
        return value;
    }

    private static Path path(String option, String value) throws BadArgument {
        if (value.isEmpty()) {
            throw new BadArgument(option + " needs a file name");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new BadArgument(option + ": not a file name: " + e.getReason());
        }
    }

    /** The App Key is the XMPP domain: a bare host name. */
    private static String appKey(String value) throws BadArgument {
        if (value.isEmpty()) {
            throw new BadArgument("--app-key must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || "@/\\:\"'<>&".indexOf(c) >= 0) {
                throw new BadArgument("--app-key is the XMPP domain (e.g. chat.example.com); it must not hold '"
                        + (Character.isWhitespace(c) || Character.isISOControl(c) ? "white space" : String.valueOf(c)) + "'");
            }
        }
        if (value.startsWith(".") || value.endsWith(".") || value.contains("..")) {
            throw new BadArgument("--app-key is the XMPP domain (e.g. chat.example.com); '" + value + "' is not a host name");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_PART_BYTES) {
            throw new BadArgument("--app-key is longer than " + MAX_PART_BYTES + " bytes");
        }
        return value;
    }

    /** Any user id, escaped by XEP-0106 in the token; control characters have no place in a JID. */
    private static String user(String value) throws BadArgument {
        if (value.isEmpty()) {
            throw new BadArgument("--user must not be empty");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new BadArgument("--user must not hold control characters");
        }
        if (XmppStringUtils.escapeLocalpart(value).getBytes(StandardCharsets.UTF_8).length > MAX_PART_BYTES) {
            throw new BadArgument("--user is longer than " + MAX_PART_BYTES + " bytes once escaped for XMPP");
        }
        return value;
    }

    private static long ttl(String value) throws BadArgument {
        long seconds;
        try {
            seconds = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadArgument("--ttl needs a whole number of seconds, not '" + value + "'");
        }
        if (seconds <= 0 || seconds > MAX_TTL_SECONDS) {
            throw new BadArgument("--ttl must be between 1 and " + MAX_TTL_SECONDS + " seconds, not " + value);
        }
        return seconds;
    }

    /**
     * Reads the App Secret. What the file holds is never echoed: parser messages may quote it,
     * so a file that is not a usable secret gets a fixed description of what is expected.
     */
    private AppSecret readSecret(Path file) throws BadArgument {
        if (!Files.exists(file)) {
            throw new BadArgument("--secret: " + file + " does not exist");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new BadArgument("--secret: " + file + " is not a readable file");
        }
        AppSecret secret;
        try {
            secret = AppSecret.load(file);
        } catch (IOException | RuntimeException e) {
            throw new BadArgument("--secret: " + file + " is not an App Secret (expected a JWK {\"kty\":\"oct\",\"k\":\"<base64url>\"}"
                    + " holding at least " + KEY_BYTES + " bytes, as written by --new-secret)");
        }
        warnIfShared(file);
        return secret;
    }

    private void warnIfShared(Path file) {
        try {
            if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
                return;
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                err.println("warning: " + file + " is readable by others than its owner (chmod 600 it)");
            }
        } catch (IOException e) {
            err.println("note: cannot read the permissions of " + file + ": " + e.getMessage());
        }
    }

    private int newSecret(Path file) throws BadArgument {
        try {
            createPrivateFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new BadArgument("--new-secret: " + file + " exists already; it is not overwritten"
                    + " (tokens signed with it would stop working)");
        } catch (NoSuchFileException e) {
            throw new BadArgument("--new-secret: the directory of " + file + " does not exist");
        } catch (IOException e) {
            err.println("error: --new-secret: cannot create " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
            return FAILED;
        }
        try {
            Files.writeString(file, AppSecret.newJwk(), StandardCharsets.UTF_8);
            AppSecret.load(file);
        } catch (IOException e) {
            err.println("error: --new-secret: cannot write " + file + ": " + e.getClass().getSimpleName());
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // reported above
            }
            return FAILED;
        }
        out.println("new App Secret written to " + file + " (readable by its owner only)");
        return 0;
    }

    /** Creates an empty file only its owner may read and write; fails when it exists. */
    private static void createPrivateFile(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && Files.getFileAttributeView(parent, PosixFileAttributeView.class) != null) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            return;
        }
        Files.createFile(file);
        File f = file.toFile();
        boolean restricted = f.setReadable(false, false) & f.setReadable(true, true)
                & f.setWritable(false, false) & f.setWritable(true, true);
        if (!restricted) {
            Files.deleteIfExists(file);
            throw new IOException("cannot restrict the file to its owner");
        }
    }

    private static void printUsage(PrintStream stream) {
        stream.println("usage: TokenTool --secret FILE --app-key KEY --user USER [--ttl SECONDS]");
        stream.println("         prints a token for USER (any user id) on App Key KEY, valid for SECONDS"
                + " (default " + DEFAULT_TTL_SECONDS + ", 30 days)");
        stream.println("       TokenTool --new-secret FILE");
        stream.println("         writes a new App Secret (the JWK ejabberd's jwt_key reads) to FILE, mode 600; never overwrites");
        stream.println("exit codes: 0 done, 1 failed, 2 bad or missing argument");
    }
}
