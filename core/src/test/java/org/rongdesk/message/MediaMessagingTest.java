package org.rongdesk.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.error;
import static org.rongdesk.testing.Sends.message;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;

import com.google.gson.JsonObject;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.Callback;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.media.LocalFiles;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Replies.Reply;

/** Image, voice and location messages: files checked, uploaded with progress, downloaded byte-identical. */
@ExtendWith(EjabberdExtension.class)
class MediaMessagingTest {
    @TempDir
    Path dir;

    @Test
    void anImageUploadsWithProgressArrivesWithAThumbnailAndDownloadsIdentical(DevServer server) throws Exception {
        Replies received = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice7", new Replies());
             RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob7", new Replies(), received)) {
            Path photo = fsFile("a", "pics/photo.png");
            ImageIO.write(picture(1600, 1200), "png", photo.toFile());

            List<Integer> progress = new ArrayList<>();
            JsonObject prepared = send(alice::sendImageMessage, params("PRIVATE", "bob7", "imagePath", "fs:///pics/photo.png",
                    "extra", "holiday"), progress);
            assertThat(prepared.getAsJsonObject("content").get("thumbPath").getAsString()).isNotEmpty();
            assertThat(progress).isNotEmpty().isSorted().last().isEqualTo(100);

            JsonObject got = message(received.next());
            JsonObject content = got.getAsJsonObject("content");
            assertThat(got.get("objectName").getAsString()).isEqualTo("RC:ImgMsg");
            assertThat(content.get("imageUrl").getAsString()).startsWith("http://127.0.0.1:" + server.settings().httpPort() + "/upload/");
            assertThat(content.get("localPath").getAsString()).as("not downloaded yet").isEmpty();
            assertThat(content.get("extra").getAsString()).isEqualTo("holiday");
            BufferedImage thumb = ImageIO.read(new File(content.get("thumbPath").getAsString()));
            assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isLessThanOrEqualTo(240);

            JsonObject downloaded = download(bob, got.get("messageId").getAsLong());
            Path local = Path.of(downloaded.getAsJsonObject("content").get("localPath").getAsString());
            assertThat(Files.readAllBytes(local)).isEqualTo(Files.readAllBytes(photo));
            assertThat(downloaded.get("receivedStatus").getAsInt() & 4).isEqualTo(4);

            JsonObject sent = result(alice::getLatestMessages, params("PRIVATE", "bob7", "count", 1))
                    .getAsJsonArray().get(0).getAsJsonObject();
            assertThat(sent.getAsJsonObject("content").get("imageUrl").getAsString()).isEqualTo(content.get("imageUrl").getAsString());
            assertThat(Files.readAllBytes(Path.of(sent.getAsJsonObject("content").get("localPath").getAsString())))
                    .as("the sender keeps its own copy").isEqualTo(Files.readAllBytes(photo));
        }
    }

    @Test
    void aVoiceMessageIsMeasuredAndDownloadsIdentical(DevServer server) throws Exception {
        Replies received = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice8", new Replies());
             RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob8", new Replies(), received)) {
            Path voice = fsFile("a", "voice/123.wav");
            wave(voice, 3);

            List<Integer> progress = new ArrayList<>();
            send(alice::sendVoiceMessage, params("PRIVATE", "bob8", "voicePath", "fs:///voice/123.wav"), progress);
            assertThat(progress).last().isEqualTo(100);

            JsonObject got = message(received.next());
            assertThat(got.getAsJsonObject("content").get("duration").getAsInt()).isEqualTo(3);
            assertThat(got.getAsJsonObject("content").get("voicePath").getAsString()).isEmpty();
            JsonObject downloaded = download(bob, got.get("messageId").getAsLong());
            Path local = Path.of(downloaded.getAsJsonObject("content").get("voicePath").getAsString());
            assertThat(Files.readAllBytes(local)).isEqualTo(Files.readAllBytes(voice));
        }
    }

    @Test
    void aLocationWithAMapImageUploadsIt(DevServer server) throws Exception {
        Replies received = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice9", new Replies());
             RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob9", new Replies(), received)) {
            Path map = fsFile("a", "location_thumb/1.jpg");
            ImageIO.write(picture(300, 200), "jpg", map.toFile());
            List<Integer> progress = new ArrayList<>();
            send(alice::sendLocationMessage, params("PRIVATE", "bob9", "latitude", -33.8688, "longitude", 151.2093,
                    "poi", "Sydney", "imagePath", map.toString()), progress);
            assertThat(progress).last().isEqualTo(100);

            JsonObject got = message(received.next());
            assertThat(got.getAsJsonObject("content").get("poi").getAsString()).isEqualTo("Sydney");
            JsonObject downloaded = download(bob, got.get("messageId").getAsLong());
            assertThat(Files.readAllBytes(Path.of(downloaded.getAsJsonObject("content").get("imagePath").getAsString())))
                    .isEqualTo(Files.readAllBytes(map));
        }
    }

    /** The spec's own messages carry plain absolute paths; a caller may send any file it can read. */
    @Test
    void filesOutsideTheFileBaseAreSentByTheirAbsolutePath(DevServer server) throws Exception {
        Replies received = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice11", new Replies());
             RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob11", new Replies(), received)) {
            Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/with space/图片"));
            Path photo = elsewhere.resolve("photo.png");
            ImageIO.write(picture(400, 300), "png", photo.toFile());
            Path voice = elsewhere.resolve("voice.wav");
            wave(voice, 2);
            Path map = elsewhere.resolve("map.jpg");
            ImageIO.write(picture(300, 200), "jpg", map.toFile());

            send(alice::sendImageMessage, params("PRIVATE", "bob11", "imagePath", photo.toString()), new ArrayList<>());
            send(alice::sendVoiceMessage, params("PRIVATE", "bob11", "voicePath", voice.toString()), new ArrayList<>());
            send(alice::sendLocationMessage, params("PRIVATE", "bob11", "latitude", 1.5, "longitude", 2.5, "poi", "here",
                    "imagePath", map.toString()), new ArrayList<>());

            JsonObject image = download(bob, message(received.next()).get("messageId").getAsLong());
            assertThat(Files.readAllBytes(Path.of(image.getAsJsonObject("content").get("localPath").getAsString())))
                    .isEqualTo(Files.readAllBytes(photo));
            JsonObject sound = download(bob, message(received.next()).get("messageId").getAsLong());
            assertThat(sound.getAsJsonObject("content").get("duration").getAsInt()).isEqualTo(2);
            assertThat(Files.readAllBytes(Path.of(sound.getAsJsonObject("content").get("voicePath").getAsString())))
                    .isEqualTo(Files.readAllBytes(voice));
            JsonObject location = download(bob, message(received.next()).get("messageId").getAsLong());
            assertThat(Files.readAllBytes(Path.of(location.getAsJsonObject("content").get("imagePath").getAsString())))
                    .isEqualTo(Files.readAllBytes(map));
        }
    }

    @Test
    void filesThatCannotBeSentAreMinus10002NamingThem(DevServer server) throws Exception {
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice10", new Replies())) {
            Files.writeString(fsFile("a", "notes.png"), "I am not a picture");
            ImageIO.write(picture(10, 10), "png", fsFile("a", "tiny.png").toFile());
            Files.write(fsFile("a", "empty.jpg"), new byte[0]);
            Path outside = Files.writeString(dir.resolve("outside.png"), "x");

            assertThat(error(alice::sendImageMessage, params("PRIVATE", "bob10", "imagePath", "fs:///nope.png")).msg())
                    .isEqualTo("imagePath: the file fs:///nope.png does not exist");
            assertThat(error(alice::sendImageMessage, params("PRIVATE", "bob10", "imagePath", "fs:///notes.png")).msg())
                    .isEqualTo("imagePath: notes.png is not an image (JPEG, PNG, GIF or BMP)");
            assertThat(error(alice::sendImageMessage, params("PRIVATE", "bob10", "imagePath", "fs:///empty.jpg")).msg())
                    .contains("is empty");
            assertThat(error(alice::sendVoiceMessage, params("PRIVATE", "bob10", "voicePath", "fs:///tiny.png")).msg())
                    .isEqualTo("voicePath: tiny.png is not a WAVE file");
            assertThat(error(alice::sendImageMessage, params("PRIVATE", "bob10", "imagePath", outside.toString())).msg())
                    .isEqualTo("imagePath: outside.png is not an image (JPEG, PNG, GIF or BMP)");
            assertThat(error(alice::sendImageMessage, params("PRIVATE", "bob10", "imagePath", "fs://../../../outside.png")).msg())
                    .startsWith("imagePath: fs://../../../outside.png climbs out of the file base directory");
            assertThat(error(alice::sendImageMessage, params("PRIVATE", "bob10", "imagePath", "pics/photo.png")).msg())
                    .isEqualTo("imagePath: 'pics/photo.png' is a relative path; give an absolute path or fs://");
            assertThat(error(alice::sendImageMessage, params("PRIVATE", "bob10", "imagePath", dir.toString())).msg())
                    .endsWith(" is a directory, not a file");
            assertThat(error(alice::sendVoiceMessage, params("PRIVATE", "bob10", "voicePath", "/dev/zero")).msg())
                    .isEqualTo("voicePath: /dev/zero is not a regular file (a device, pipe or socket)");
            Path huge = dir.resolve("huge.png");
            try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
                sparse.setLength(LocalFiles.MAX_BYTES + 1);
            }
            assertThat(error(alice::sendImageMessage, params("PRIVATE", "bob10", "imagePath", huge.toString())).msg())
                    .endsWith("is larger than " + LocalFiles.MAX_BYTES + " bytes");
            assertThat(error(alice::sendLocationMessage, params("PRIVATE", "bob10", "latitude", 1, "longitude", 2,
                    "imagePath", outside.toString())).msg()).isEqualTo("imagePath: outside.png is not an image (JPEG, PNG, GIF or BMP)");
            assertThat(error(alice::sendVoiceMessage, params("PRIVATE", "bob10", "voicePath", "fs:///tiny.png",
                    "duration", -1)).code()).isEqualTo(-10002);
            assertThat(result((p, callback) -> alice.getConversationList(callback), null).getAsJsonArray()).as("nothing was stored").isEmpty();
        }
    }

    private Path fsFile(String client, String path) throws Exception {
        Path file = dir.resolve(client).resolve("data/fs").resolve(path);
        Files.createDirectories(file.getParent());
        return file;
    }

    /** Sends and waits; collects progress percentages; returns the prepared message. */
    private static JsonObject send(BiConsumer<JsonObject, Callback> method, JsonObject params,
            List<Integer> progress) {
        Replies replies = new Replies();
        method.accept(params, replies);
        Reply prepare = replies.next();
        assertThat(prepare.status()).as("%s %s", prepare.ret(), prepare.err()).isEqualTo("prepare");
        Reply next = replies.next();
        while (next.status().equals("progress")) {
            progress.add(next.ret().getAsJsonObject("result").get("progress").getAsInt());
            next = replies.next();
        }
        assertThat(next.status()).as("%s %s", next.ret(), next.err()).isEqualTo("success");
        return message(prepare);
    }

    private static JsonObject download(RongCloud client, long messageId) {
        Replies replies = new Replies();
        JsonObject params = new JsonObject();
        params.addProperty("messageId", messageId);
        client.downloadMediaMessage(params, replies);
        Reply next = replies.next();
        while (next.status().equals("progress")) {
            next = replies.next();
        }
        assertThat(next.status()).as("%s %s", next.ret(), next.err()).isEqualTo("success");
        return message(next);
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillRect(random.nextInt(width), random.nextInt(height), 3, 3);
        }
        g.dispose();
        return image;
    }

    private static void wave(Path file, int seconds) throws Exception {
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        byte[] samples = new byte[8000 * 2 * seconds];
        for (int i = 0; i < samples.length / 2; i++) {
            short value = (short) (Math.sin(i * 2 * Math.PI * 440 / 8000) * 8000);
            samples[2 * i] = (byte) value;
            samples[2 * i + 1] = (byte) (value >> 8);
        }
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(samples), format, samples.length / 2)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
