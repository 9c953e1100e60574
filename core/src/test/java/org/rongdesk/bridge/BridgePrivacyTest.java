package org.rongdesk.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.rongdesk.testing.Sends.params;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Sends;
import org.rongdesk.testing.TokenSecrets;

/**
 * The bridge as a user would run it with every log switched on (java.util.logging at ALL, Smack's
 * debugger asked for) under the loosest umask (000) in a world-writable directory: it signs in,
 * sends and receives images and downloads one; nothing it prints holds the token, and every
 * directory and file of its data directory is its user's only (700 / 600) and free of the token.
 */
@ExtendWith(EjabberdExtension.class)
class BridgePrivacyTest {
    @TempDir
    Path dir;

    @Test
    void tokensStayOutOfItsOutputAndItsDataIsPrivateWhateverTheUmask(DevServer server) throws Exception {
        Path loose = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path data = loose.resolve("data");
        Path files = Files.createDirectories(dir.resolve("files"));
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", files.resolve("picture.png").toFile());
        Path config = Clients.config(dir.resolve("conf"), "appKey", "demo.local",
                "server", "127.0.0.1:" + server.settings().c2sPort(), "tls", "disabled",
                "uploadService", server.settings().uploadService(), "fileBase", files.toString());
        Path logging = Files.writeString(dir.resolve("logging.properties"),
                "handlers=java.util.logging.ConsoleHandler\n.level=ALL\njava.util.logging.ConsoleHandler.level=ALL\n");
        String token = server.token("alice-p", Duration.ofHours(1));
        TokenSecrets secrets = TokenSecrets.of("alice-p", token);
        Path stderr = dir.resolve("stderr.txt");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process bridge = new ProcessBuilder("/bin/sh", "-c", "umask 000 && exec \"$0\" \"$@\"", java,
                "-Djava.util.logging.config.file=" + logging, "-Dsmack.debugEnabled=true",
                "-cp", System.getProperty("java.class.path"), BridgeMain.class.getName(),
                "--config", config.toString(), "--data", data.toString())
                .redirectError(stderr.toFile())
                .start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuilder stdout = new StringBuilder();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(bridge.getInputStream(), StandardCharsets.UTF_8))
                .lines().forEach(line -> {
                    synchronized (stdout) {
                        stdout.append(line).append('\n');
                    }
                    lines.add(line);
                }));
        reader.start();

        try (OutputStream in = bridge.getOutputStream();
                RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "bob-p", new Replies())) {
            request(in, 1, "init", null);
            request(in, 2, "setOnReceiveMessageListener", null);
            request(in, 3, "connect", "{\"token\":\"" + token + "\"}");
            assertThat(awaitFinal(lines, 3).toString()).contains("\"userId\":\"alice-p\"");

            Path bobsPicture = Files.createDirectories(dir.resolve("bob/data/fs")).resolve("p.png");
            ImageIO.write(new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB), "png", bobsPicture.toFile());
            Sends.sendOk(bob::sendImageMessage, params("PRIVATE", "alice-p", "imagePath", "fs:///p.png"));
            long received = awaitFinal(lines, 2).getAsJsonObject("ret").getAsJsonObject("result")
                    .getAsJsonObject("message").get("messageId").getAsLong();
            request(in, 4, "downloadMediaMessage", "{\"messageId\":" + received + "}");
            assertThat(awaitFinal(lines, 4).toString()).contains("\"status\":\"success\"");
            request(in, 5, "sendImageMessage",
                    "{\"conversationType\":\"PRIVATE\",\"targetId\":\"bob-p\",\"imagePath\":\"fs:///picture.png\"}");
            assertThat(awaitFinal(lines, 5).toString()).contains("\"status\":\"success\"");
        }
        assertThat(bridge.waitFor(60, TimeUnit.SECONDS)).as("exits after end of input").isTrue();
        reader.join(5000);
        assertThat(bridge.exitValue()).isZero();

        String log = Files.readString(stderr);
        assertThat(log).as("logging at ALL reached the bridge").contains("FINE");
        secrets.assertAbsentFrom("the bridge's stderr", log);
        synchronized (stdout) {
            secrets.assertAbsentFrom("the bridge's stdout", stdout.toString());
        }

        List<String> loosened = new ArrayList<>();
        List<Path> dataFiles = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(data)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                boolean directory = Files.isDirectory(path);
                if (!mode.equals(directory ? "rwx------" : "rw-------")) {
                    loosened.add(data.relativize(path) + " " + mode);
                }
                if (!directory) {
                    dataFiles.add(path);
                }
            }
        }
        assertThat(loosened).as("directories 700, files 600").isEmpty();
        assertThat(dataFiles).as("the store, the copy of the sent image, its thumbnail, the received thumbnail and the download")
                .anyMatch(file -> file.toString().endsWith(".mv.db"))
                .filteredOn(file -> file.getParent().getFileName().toString().equals("media")).hasSizeGreaterThanOrEqualTo(4);
        for (Path file : dataFiles) {
            secrets.assertAbsentFrom(file.toString(), Files.readAllBytes(file));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(loose)))
                .as("the user's own directory above the data directory is left as it was").isEqualTo("rwxrwxrwx");
    }

    private static void request(OutputStream in, int id, String method, String params) throws Exception {
        String line = "{\"id\":" + id + ",\"method\":\"" + method + "\"" + (params == null ? "" : ",\"params\":" + params) + "}\n";
        in.write(line.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** The next line for {@code id} that is not a prepare or progress line, skipping lines of other ids. */
    private static JsonObject awaitFinal(LinkedBlockingQueue<String> lines, int id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> others = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            JsonObject answer = JsonParser.parseString(line).getAsJsonObject();
            String status = answer.getAsJsonObject("ret").has("status") ? answer.getAsJsonObject("ret").get("status").getAsString() : "";
            if (answer.get("id").getAsInt() == id && !status.equals("prepare") && !status.equals("progress")) {
                return answer;
            }
            others.add(line);
        }
        return fail("no final answer for request " + id + " within 30 s; other lines: " + others);
    }
}
