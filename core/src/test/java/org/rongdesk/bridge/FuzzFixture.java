package org.rongdesk.bridge;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.rongdesk.media.LocalFiles;

/**
 * What the bad calls refer to: a known message (and a text message to download or resend, which
 * cannot be), an id no message has, and files in and around the client's file base.
 */
final class FuzzFixture {
    private final long knownMessageId;
    private final String userJid;
    private final Map<String, String> badPaths = new LinkedHashMap<>();

    private FuzzFixture(long knownMessageId, String userJid) {
        this.knownMessageId = knownMessageId;
        this.userJid = userJid;
    }

    /** Writes a good image and voice file into {@code fileBase} and the bad ones around it. */
    static FuzzFixture create(long knownMessageId, String userJid, Path fileBase, Path outside) throws Exception {
        FuzzFixture fixture = new FuzzFixture(knownMessageId, userJid);
        Files.createDirectories(fileBase.resolve("fuzz/dir"));
        Files.createDirectories(outside);
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", fileBase.resolve("fuzz/good.png").toFile());
        wave(fileBase.resolve("fuzz/good.wav"));
        Path outsideText = Files.writeString(outside.resolve("outside.png"), "an absolute path is fine, but not to this");
        Files.createFile(fileBase.resolve("fuzz/empty.png"));
        Files.writeString(fileBase.resolve("fuzz/text.png"), "not an image, not a wave");
        Path huge = outside.resolve("huge.wav");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(LocalFiles.MAX_BYTES + 1);
        }
        Map<String, String> paths = fixture.badPaths;
        paths.put("empty path", "");
        paths.put("../ out of the base", "fs://../" + fileBase.relativize(outsideText).toString().replace("\\", "/"));
        paths.put("deep ../ out of the base", "fs:///fuzz/../../../../../../../../etc/passwd");
        paths.put("absolute path to neither image nor wave", outsideText.toString());
        paths.put("/etc/passwd", "/etc/passwd");
        paths.put("relative path", "../../etc/passwd");
        paths.put("a device", "/dev/zero");
        paths.put("a directory", "fs:///fuzz/dir");
        paths.put("an absolute directory", outside.toString());
        paths.put("over the size limit", huge.toString());
        paths.put("no such file", "fs:///fuzz/missing.png");
        paths.put("an empty file", "fs:///fuzz/empty.png");
        paths.put("neither image nor wave", "fs:///fuzz/text.png");
        paths.put("NUL in the path", "fs:///fuzz/good\u0000.png");
        paths.put("a character XML cannot carry", "fs:///fuzz/good\uFFFE.png");
        paths.put("only the scheme", "fs://");
        paths.put("1 MiB path", "fs:///" + ParamRule.HUGE);
        return fixture;
    }

    long knownMessageId() {
        return knownMessageId;
    }

    /** An unsigned token for the signed-in user whose {@code exp} is {@code exp} (a JSON number). */
    String tokenExpiring(String exp) {
        String payload = "{\"jid\":\"" + userJid + "\",\"exp\":" + exp + "}";
        return "e30." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    /** An id no message has. */
    long unknownMessageId() {
        return 987_654_321_012L;
    }

    /** What a file parameter must refuse, by what it is. */
    Map<String, String> badPaths() {
        return badPaths;
    }

    static String goodImage() {
        return "fs:///fuzz/good.png";
    }

    static String goodVoice() {
        return "fs:///fuzz/good.wav";
    }

    private static void wave(Path file) throws IOException {
        AudioFormat format = new AudioFormat(8000, 8, 1, true, false);
        byte[] samples = new byte[8000];
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(samples), format, samples.length)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
