package org.rongdesk.ui.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.assertj.swing.edt.GuiActionRunner;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.Replies;
import org.rongdesk.ui.access.Announcer;
import org.rongdesk.ui.app.Client;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.i18n.Texts;
import org.rongdesk.ui.settings.UiSettings;

/**
 * A real client signed in to the test's ejabberd, wrapped the way the desktop client wraps it
 * (listeners set before connecting), with an English UI context. The windows are built by the
 * tests on the EDT.
 */
public final class SignedIn implements AutoCloseable {
    public final RongCloud rong;
    public final Client client;
    public final UiContext ui;

    private SignedIn(RongCloud rong, Client client, UiContext ui) {
        this.rong = rong;
        this.client = client;
        this.ui = ui;
    }

    /** Signs {@code user} in with data under {@code dir}; settings are the defaults (all announced). */
    public static SignedIn as(DevServer server, Path dir, String user) throws Exception {
        RongCloud rong = Clients.forServer(server, dir);
        Replies replies = new Replies();
        rong.init(replies);
        assertThat(replies.next().status()).isEqualTo("success");
        Client client = new Client(rong);
        client.listen();
        rong.connect(Clients.token(server.token(user, Duration.ofHours(1))), replies);
        assertThat(replies.next().ret().toString()).contains("\"userId\":\"" + user + "\"");
        UiSettings settings = UiSettings.load(dir.resolve("data"));
        Announcer announcer = GuiActionRunner.execute(Announcer::new);
        return new SignedIn(rong, client, new UiContext(client, new Texts(Locale.ENGLISH), announcer, settings));
    }

    /** Waits (off the EDT) until this user's store counts {@code count} unread messages: all sent to them arrived. */
    public void awaitUnread(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        int unread = -1;
        while (System.currentTimeMillis() < deadline) {
            Replies reply = new Replies();
            rong.getTotalUnreadCount(reply);
            unread = reply.next().ret().get("result").getAsInt();
            if (unread == count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + count + " unread messages, the store has " + unread);
    }

    /** What was announced so far, oldest first. */
    public List<String> announced() {
        return GuiActionRunner.execute(() -> ui.announcer().recent());
    }

    @Override
    public void close() {
        rong.close();
    }
}
