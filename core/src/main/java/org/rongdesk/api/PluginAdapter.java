package org.rongdesk.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

import org.rongdesk.base.Params;
import org.rongdesk.base.RongException;
import org.rongdesk.content.ContentTypes;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.StoredMessage;
import org.rongdesk.plugin.PluginHost;
import org.rongdesk.plugin.PluginServices;
import org.rongdesk.plugin.api.MessageView;
import org.rongdesk.plugin.api.PluginContext;
import org.rongdesk.session.UserSession;

/**
 * The plugin host as the API sees it: started once (by init, or later when asked), its events
 * turned into callbacks to the one plugin listener, and what plugins may do done through
 * whoever is signed in when they ask.
 */
final class PluginAdapter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PluginAdapter.class.getName());
    private final List<Path> roots;
    private final Path dataDir;
    private final ContentTypes types;
    private final CallbackDispatcher callbacks;
    private final Supplier<Optional<UserSession>> session;
    private volatile PluginHost host;
    private volatile Callback listener;

    /**
     * @param roots   plugin directories, the user's last (it holds their settings and choices)
     * @param session the signed-in user's session, when there is one
     */
    PluginAdapter(List<Path> roots, Path dataDir, ContentTypes types, CallbackDispatcher callbacks,
            Supplier<Optional<UserSession>> session) {
        this.roots = List.copyOf(roots);
        this.dataDir = dataDir;
        this.types = types;
        this.callbacks = callbacks;
        this.session = session;
    }

    /** Loads and starts the plugins, unless they are (on the calls thread). */
    void start() {
        if (host == null) {
            PluginHost started = new PluginHost(roots, roots.isEmpty() ? dataDir.resolve("plugins") : roots.get(roots.size() - 1), types);
            started.setEvents(new PluginEventCallbacks(callbacks, () -> listener));
            started.setServices(new SessionServices());
            started.load();
            host = started;
        }
    }

    void setListener(Callback callback) {
        listener = callback;
    }

    /** {@code [{id, version, state, path, problem}]}: empty before they are loaded. */
    JsonElement status() {
        PluginHost current = host;
        return PluginEventCallbacks.statusJson(current == null ? List.of() : current.status());
    }

    /** {@code {questionId, choice}}: the user's answer to a plugin's question. */
    void answer(JsonObject params) throws RongException {
        String questionId = Params.requireString(params, "questionId");
        String choice = Params.requireString(params, "choice");
        PluginHost current = host;
        if (current == null) {
            throw RongException.invalid("questionId: no plugin asked '" + Params.shorten(questionId) + "'");
        }
        current.answer(questionId, choice);
    }

    /** A received, stored message: commands go to their handlers. */
    void received(StoredMessage message) {
        PluginHost current = host;
        if (current != null) {
            current.received(message);
        }
    }

    /** The view a plugin offers for {@code objectName}'s messages, with the context to give it. */
    Optional<Map.Entry<MessageView, PluginContext>> view(String objectName) {
        PluginHost current = host;
        return current == null ? Optional.empty() : current.view(objectName);
    }

    @Override
    public void close() {
        if (host != null) {
            host.close();
        }
    }

    /** What plugins may do through the signed-in user (whoever it is when they ask). */
    private final class SessionServices implements PluginServices {
        @Override
        public Optional<String> userId() {
            return session.get().map(UserSession::userId);
        }

        @Override
        public void send(ConversationKey conversation, String objectName, JsonObject content) {
            Optional<UserSession> current = session.get();
            if (current.isEmpty()) {
                LOG.info(() -> "a plugin tried to send a " + objectName + " message while nobody is signed in");
                return;
            }
            current.get().messaging().sendNotice(conversation, objectName, content);
        }

        @Override
        public void addContact(String userId) {
            Optional<UserSession> current = session.get();
            if (current.isEmpty()) {
                LOG.info("a plugin tried to add a contact while nobody is signed in");
                return;
            }
            current.get().people().addContactLater(userId);
        }

        @Override
        public List<StoredMessage> history(ConversationKey conversation, String objectName, int count) {
            return session.get().map(current -> current.history(conversation, objectName, count)).orElse(List.of());
        }
    }
}
