package org.rongdesk.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.error;
import static org.rongdesk.testing.Sends.result;

import com.google.gson.JsonObject;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.imageio.ImageIO;

import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smackx.nick.packet.Nick;
import org.jivesoftware.smackx.pep.PepManager;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.ContactLists;
import org.rongdesk.testing.RawXmpp;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Replies.Reply;

/** Names and pictures between Rong Desk and a plain XMPP client, both ways, through a real ejabberd. */
@ExtendWith(EjabberdExtension.class)
class ProfilesTest {
    private static final Duration SOON = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aNameAndPictureSetHereAreReadByAnyClientAndTheirsHere(DevServer server) throws Exception {
        Path picture = image(dir.resolve("me.png"), 400, 300, Color.ORANGE);
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice95", new Replies());
             RawXmpp carol = RawXmpp.signIn(server, "carol95")) {
            JsonObject set = new JsonObject();
            set.addProperty("name", "  Alice Wonder ");
            set.addProperty("portraitPath", picture.toString());
            JsonObject own = result(alice::setUserInfo, set).getAsJsonObject();
            assertThat(own.get("userId").getAsString()).isEqualTo("alice95");
            assertThat(own.get("name").getAsString()).isEqualTo("Alice Wonder");
            BufferedImage kept = ImageIO.read(Path.of(URI.create(own.get("portraitUri").getAsString())).toFile());
            assertThat(new int[] {kept.getWidth(), kept.getHeight()}).containsExactly(192, 144);

            VCard seenByCarol = VCardManager.getInstanceFor(carol.connection()).loadVCard(jid(server, "alice95"));
            assertThat(seenByCarol.getNickName()).isEqualTo("Alice Wonder");
            assertThat(seenByCarol.getField("FN")).isEqualTo("Alice Wonder");
            BufferedImage photo = ImageIO.read(new ByteArrayInputStream(seenByCarol.getAvatar()));
            assertThat(photo.getWidth()).isEqualTo(192);
            assertThat(seenByCarol.getAvatarMimeType()).isEqualTo("image/png");

            VCard carols = new VCard();
            carols.setNickName("Carol 李");
            byte[] carolsPhoto = png(64, 64, Color.BLUE);
            carols.setAvatar(carolsPhoto, "image/png");
            VCardManager.getInstanceFor(carol.connection()).saveVCard(carols);
            JsonObject readHere = result(alice::getUserInfo, userId("carol95")).getAsJsonObject();
            assertThat(readHere.get("name").getAsString()).isEqualTo("Carol 李");
            assertThat(Files.readAllBytes(Path.of(URI.create(readHere.get("portraitUri").getAsString()))))
                    .isEqualTo(carolsPhoto);

            JsonObject nobody = result(alice::getUserInfo, userId("nobody95")).getAsJsonObject();
            assertThat(nobody.get("name").getAsString()).as("no such user: the id is the name").isEqualTo("nobody95");
            assertThat(nobody.get("portraitUri").getAsString()).isEmpty();
        }
    }

    @Test
    void anotherPictureAnnouncedInPresenceIsReadAgainAndHeard(DevServer server) throws Exception {
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice96", new Replies());
             RawXmpp carol = RawXmpp.signIn(server, "carol96")) {
            VCard card = new VCard();
            card.setNickName("Carol");
            VCardManager.getInstanceFor(carol.connection()).saveVCard(card);
            assertThat(result(alice::getUserInfo, userId("carol96")).getAsJsonObject().get("portraitUri").getAsString()).isEmpty();
            Replies changes = new Replies();
            alice.setUserInfoListener(changes);

            byte[] photo = png(32, 32, Color.GREEN);
            card.setAvatar(photo, "image/png");
            card.setNickName("Carol Green");
            VCardManager.getInstanceFor(carol.connection()).saveVCard(card);
            carol.connection().sendStanza(carol.connection().getStanzaFactory().buildPresenceStanza()
                    .to(jid(server, "alice96")).addExtension(StandardExtensionElement.builder("x", "vcard-temp:x:update")
                            .addElement("photo", sha1(photo)).build()).build());
            JsonObject changed = changes.next(SOON).ret().getAsJsonObject("result");
            assertThat(changed.get("userId").getAsString()).isEqualTo("carol96");
            assertThat(changed.get("name").getAsString()).isEqualTo("Carol Green");
            assertThat(Files.readAllBytes(Path.of(URI.create(changed.get("portraitUri").getAsString())))).isEqualTo(photo);
            assertThat(result(alice::getUserInfo, userId("carol96")).getAsJsonObject().get("name").getAsString())
                    .as("kept").isEqualTo("Carol Green");
        }
    }

    @Test
    void aContactsPepNicknameAndAvatarArriveAsTheyPublishThem(DevServer server) throws Exception {
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice97", new Replies());
             RawXmpp carol = RawXmpp.signIn(server, "carol97")) {
            Roster.getInstanceFor(carol.connection()).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
            Replies presence = new Replies();
            alice.setPresenceListener(presence);
            result(alice::addContact, userId("carol97"));
            assertThat(presence.next(SOON).ret().getAsJsonObject("result").get("presence").getAsString()).isEqualTo("online");
            // PEP events go to contacts whose presence the publisher's server sees: both ways, as friends are
            Roster.getInstanceFor(carol.connection()).createItemAndRequestSubscription(jid(server, "alice97"), null, null);
            awaitSubscription(alice, "carol97", "both");
            Replies changes = new Replies();
            alice.setUserInfoListener(changes);

            PepManager pep = PepManager.getInstanceFor(carol.connection());
            pep.publish(Nick.NAMESPACE, new PayloadItem<>(new Nick("Caz")));
            JsonObject renamed = changes.next(SOON).ret().getAsJsonObject("result");
            assertThat(renamed.get("name").getAsString()).isEqualTo("Caz");

            byte[] photo = png(48, 48, Color.RED);
            String hash = sha1(photo);
            pep.publish("urn:xmpp:avatar:data", new PayloadItem<>(hash, StandardExtensionElement.builder("data",
                    "urn:xmpp:avatar:data").setText(Base64.getEncoder().encodeToString(photo)).build()));
            pep.publish("urn:xmpp:avatar:metadata", new PayloadItem<>(hash, StandardExtensionElement.builder("metadata",
                    "urn:xmpp:avatar:metadata").addElement(StandardExtensionElement.builder("info", "urn:xmpp:avatar:metadata")
                    .addAttribute("id", hash).addAttribute("type", "image/png")
                    .addAttribute("bytes", Integer.toString(photo.length)).build()).build()));
            JsonObject pictured = changes.next(SOON).ret().getAsJsonObject("result");
            assertThat(pictured.get("userId").getAsString()).isEqualTo("carol97");
            assertThat(Files.readAllBytes(Path.of(URI.create(pictured.get("portraitUri").getAsString())))).isEqualTo(photo);
        }
    }

    @Test
    void aContactsNewNameReachesTheirRongDeskFriendAtOnce(DevServer server) throws Exception {
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice94", new Replies());
             RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob94", new Replies())) {
            result(alice::addContact, userId("bob94"));
            result(bob::addContact, userId("alice94"));
            awaitSubscription(alice, "bob94", "both");
            awaitSubscription(bob, "alice94", "both");
            Replies changes = new Replies();
            bob.setUserInfoListener(changes);
            for (String name : List.of("Alice One", "Alice Two")) {
                result(alice::setUserInfo, name(name));
                JsonObject heard = changes.next(SOON).ret().getAsJsonObject("result");
                assertThat(heard.get("userId").getAsString() + " " + heard.get("name").getAsString())
                        .isEqualTo("alice94 " + name);
            }
        }
    }

    @Test
    void aWrongNameOrPictureIsRefusedNamingTheField(DevServer server) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice98", new Replies())) {
            assertThat(setError(alice, "x".repeat(65), null).msg()).isEqualTo("name: at most 64 characters, was 65");
            assertThat(setError(alice, "   ", null).msg()).isEqualTo("name: must not be empty");
            assertThat(setError(alice, "bell\u0007", null).msg()).startsWith("name holds U+0007");
            assertThat(setError(alice, "Alice", text.toString()).msg()).startsWith("portraitPath: notes.png is not an image");
            assertThat(setError(alice, "Alice", "relative.png").msg()).startsWith("portraitPath:");
            Reply missing = error(alice::setUserInfo, new JsonObject());
            assertThat(missing.code()).isEqualTo(-10002);
            assertThat(missing.msg()).contains("name");
            assertThat(error(alice::getUserInfo, new JsonObject()).msg()).contains("userId");
            assertThat(result(alice::setUserInfo, name("😀".repeat(64))).getAsJsonObject().get("name").getAsString())
                    .as("64 characters, though 128 UTF-16 units").isEqualTo("😀".repeat(64));
        }
    }

    static void awaitSubscription(RongCloud client, String userId, String subscription) throws InterruptedException {
        assertThat(ContactLists.await(client, userId, ContactLists::subscription, subscription))
                .as("%s's subscription", userId).isEqualTo(subscription);
    }

    private static Reply setError(RongCloud client, String name, String portraitPath) {
        JsonObject params = name(name);
        if (portraitPath != null) {
            params.addProperty("portraitPath", portraitPath);
        }
        Reply reply = error(client::setUserInfo, params);
        assertThat(reply.code()).isEqualTo(-10002);
        return reply;
    }

    private static JsonObject name(String name) {
        JsonObject params = new JsonObject();
        params.addProperty("name", name);
        return params;
    }

    static JsonObject userId(String userId) {
        JsonObject params = new JsonObject();
        params.addProperty("userId", userId);
        return params;
    }

    static EntityBareJid jid(DevServer server, String user) throws Exception {
        return JidCreate.entityBareFrom(user + "@" + server.settings().appKey());
    }

    private static Path image(Path file, int width, int height, Color color) throws Exception {
        return Files.write(file, png(width, height, color));
    }

    private static byte[] png(int width, int height, Color color) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }
}
