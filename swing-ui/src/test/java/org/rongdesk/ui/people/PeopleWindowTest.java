package org.rongdesk.ui.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.ui.testing.Masks.CTRL;

import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import javax.imageio.ImageIO;
import javax.swing.Icon;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.text.JTextComponent;

import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JLabelFixture;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.jxmpp.jid.impl.JidCreate;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.RawXmpp;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Sends;
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.main.MainWindow;
import org.rongdesk.ui.testing.GuiTest;
import org.rongdesk.ui.testing.Rows;
import org.rongdesk.ui.testing.SignedIn;
import org.rongdesk.ui.testing.Windows;

/**
 * People by the names they chose, in the main window against a real server: a peer who named
 * themselves is listed, shown in the history, said in announcements and in the typing line by
 * that name, and their user id is in the conversation's details (Ctrl+I); a new name and picture
 * (from any XMPP client) show in the rows and the details as they arrive.
 */
@ExtendWith(EjabberdExtension.class)
class PeopleWindowTest extends GuiTest {
    @Test
    void aPeerIsShownAndSaidByTheNameTheyChoseTheirIdInDetails(DevServer server, @TempDir Path dir) throws Exception {
        Clients.register(server, "pn-alice", "pn-bob");
        RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "pn-bob", new Replies());
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "pn-alice")) {
            Sends.result(bob::setUserInfo, Json.of("name", "Bob Builder"));
            Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "pn-alice", "text", "can we fix it?"));
            alice.awaitUnread(1);
            MainWindow window = Windows.main(alice, dir, new Windows.Commands());
            FrameFixture frame = Windows.show(robot, window);
            JList<?> conversations = frame.robot().finder().findByName("conversations", JList.class);
            JList<?> history = frame.robot().finder().findByName("history", JList.class);

            // the list and the history name him as he named himself
            await("bob listed by name", 15, () -> Rows.of(conversations).equals(List.of("Bob Builder: can we fix it?")));
            await("his message shown with his name", 10, () -> Rows.of(history).size() == 1
                    && Rows.of(history).get(0).matches("Bob Builder, [^,]*: can we fix it\\?"));
            assertThat(onEdt(() -> frame.robot().finder().findByName("composer", JTextComponent.class)
                    .getAccessibleContext().getAccessibleName())).isEqualTo("Message to Bob Builder");

            // what arrives is said with his name; so is his typing
            Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "pn-alice", "text", "yes we can"));
            await("the message said with his name", 10, () -> alice.ui.announcer().recent().stream()
                    .anyMatch(line -> line.matches("Bob Builder, [^,]*: yes we can")));
            Sends.result(bob::sendTypingStatus, Sends.params("PRIVATE", "pn-alice"));
            JLabel typing = frame.robot().finder().findByName("typing", JLabel.class);
            await("his typing shown with his name", 10, () -> typing.getText().equals("Bob Builder is typing…"));
            assertThat(alice.announced()).noneMatch(line -> line.contains("pn-bob"));

            // Conversation → Details… (Ctrl+I): his name and, findable, his user id
            key(KeyEvent.VK_I, CTRL);
            DialogFixture details = frame.dialog();
            assertThat(onEdt(details.target()::getTitle)).isEqualTo("Conversation details");
            assertThat(field(details, "Name:")).isEqualTo("Bob Builder");
            assertThat(field(details, "User id:")).isEqualTo("pn-bob");
            assertThat(field(details, "Type:")).isEqualTo("private");
            picture(details, "No picture").requireVisible();
            key(KeyEvent.VK_ESCAPE);
            await("details closed", 5, () -> !details.target().isShowing());
        } finally {
            bob.close();
        }
    }

    @Test
    void aNewNameAndPictureShowInTheListHistoryAndDetailsAsTheyArrive(DevServer server, @TempDir Path dir) throws Exception {
        Clients.register(server, "pr-alice", "pr-carol");
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "pr-alice");
             RawXmpp carol = RawXmpp.signIn(server, "pr-carol")) {
            VCard card = new VCard();
            card.setNickName("Carol");
            VCardManager.getInstanceFor(carol.connection()).saveVCard(card);
            carol.sendBody("pr-alice", "hi there");
            alice.awaitUnread(1);
            MainWindow window = Windows.main(alice, dir, new Windows.Commands());
            FrameFixture frame = Windows.show(robot, window);
            JList<?> conversations = frame.robot().finder().findByName("conversations", JList.class);
            JList<?> history = frame.robot().finder().findByName("history", JList.class);
            await("carol listed by name", 15, () -> Rows.of(conversations).equals(List.of("Carol: hi there")));
            assertThat(onEdt(() -> pictureOfRow(conversations, 0))).as("no picture yet").isNull();

            // any XMPP client: a new name and picture in her profile, its hash in her presence (XEP-0153)
            byte[] photo = png();
            card.setNickName("Carol Green");
            card.setAvatar(photo, "image/png");
            VCardManager.getInstanceFor(carol.connection()).saveVCard(card);
            carol.connection().sendStanza(carol.connection().getStanzaFactory().buildPresenceStanza()
                    .to(JidCreate.entityBareFrom("pr-alice@" + server.settings().appKey()))
                    .addExtension(StandardExtensionElement.builder("x", "vcard-temp:x:update")
                            .addElement("photo", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(photo))).build())
                    .build());
            await("the row renamed", 15, () -> Rows.of(conversations).equals(List.of("Carol Green: hi there")));
            await("the history renamed", 5, () -> Rows.of(history).get(0).matches("Carol Green, [^,]*: hi there"));
            await("her picture beside her name", 10, () -> pictureOfRow(conversations, 0) != null);

            // the details show the picture, described
            key(KeyEvent.VK_I, CTRL);
            DialogFixture details = frame.dialog();
            assertThat(field(details, "Name:")).isEqualTo("Carol Green");
            assertThat(field(details, "User id:")).isEqualTo("pr-carol");
            JLabel picture = picture(details, "Picture of Carol Green").target();
            await("the picture read", 10, () -> picture.getIcon() != null);
            key(KeyEvent.VK_ESCAPE);
            await("details closed", 5, () -> !details.target().isShowing());
        }
    }

    /** The picture row {@code index} of the conversation list paints (on the EDT). */
    private static Icon pictureOfRow(JList<?> list, int index) {
        @SuppressWarnings("unchecked")
        JList<Object> rows = (JList<Object>) list;
        Component row = rows.getCellRenderer().getListCellRendererComponent(rows, rows.getModel().getElementAt(index), index,
                false, false);
        return row instanceof Container container ? Arrays.stream(container.getComponents()).filter(AvatarSlot.class::isInstance)
                .map(AvatarSlot.class::cast).findFirst().map(AvatarSlot::getIcon).orElse(null) : null;
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** The picture of {@code dialog} described as {@code description}. */
    private static JLabelFixture picture(DialogFixture dialog, String description) {
        return dialog.label(new GenericTypeMatcher<JLabel>(JLabel.class) {
            @Override
            protected boolean isMatching(JLabel label) {
                return description.equals(label.getAccessibleContext().getAccessibleName());
            }
        });
    }

    /** The text of the field that the label {@code labelText} names. */
    static String field(DialogFixture dialog, String labelText) {
        JLabel label = dialog.label(new GenericTypeMatcher<JLabel>(JLabel.class) {
            @Override
            protected boolean isMatching(JLabel candidate) {
                return labelText.equals(candidate.getText());
            }
        }).target();
        return onEdt(() -> ((JTextComponent) label.getLabelFor()).getText());
    }

    private void key(int code, int... modifiers) {
        robot.pressAndReleaseKey(code, modifiers);
        robot.waitForIdle();
    }
}
