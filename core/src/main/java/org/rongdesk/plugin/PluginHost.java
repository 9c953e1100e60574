package org.rongdesk.plugin;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.rongdesk.base.RongException;
import org.rongdesk.base.XmlChars;
import org.rongdesk.content.BuiltInTypes;
import org.rongdesk.content.ContentTypes;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.MessageDirection;
import org.rongdesk.model.StoredMessage;
import org.rongdesk.plugin.api.Command;
import org.rongdesk.plugin.api.CommandHandler;
import org.rongdesk.plugin.api.MessageType;
import org.rongdesk.plugin.api.MessageView;
import org.rongdesk.plugin.api.PluginContext;
import org.rongdesk.plugin.api.Question;

/**
 * Loads and runs the client's plugins (PF4J jars) from the installation's {@code plugins/} and
 * the user's {@code <data dir>/plugins/}; {@code disabled.txt} and {@code enabled.txt} in the
 * user's directory (one id a line) switch plugins off or name the only ones to run. Content
 * types join the built-in ones in the client's registry; received command messages go to the
 * handler of their name; questions plugins ask wait for the user's answer.
 *
 * <p>Nothing a plugin does can stop the client: loading failures (a bad descriptor, a missing
 * class, a {@code Plugin-Requires} newer than {@value #HOST_VERSION}) leave the plugin FAILED
 * with the reason; every call into plugin code is timed and contained ({@link PluginCalls}).
 */
public final class PluginHost implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());
    /** Held so the level set on it stays (java.util.logging keeps loggers weakly). */
    private static final Logger PF4J_LOG = Logger.getLogger("org.pf4j");
    /** The version plugins' {@code Plugin-Requires} is checked against. */
    public static final String HOST_VERSION = "0.1.0";

    private final HostPluginManager manager;
    private final Path userDir;
    /** The plugin directories that exist. */
    private final List<Path> roots;
    private final ContentTypes types;
    private final PluginCalls calls = new PluginCalls(this::failing);
    private final Map<String, HostContext> contexts = new ConcurrentHashMap<>();
    private final Map<String, Registered<CommandHandler>> handlers = new ConcurrentHashMap<>();
    private final Map<String, Registered<MessageView>> views = new ConcurrentHashMap<>();
    private final Map<String, Registered<Question>> questions = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private final Set<String> failedToStart = ConcurrentHashMap.newKeySet();
    private final List<IsolatedMessageType> registeredTypes = new ArrayList<>();
    private volatile PluginEvents events = PluginEvents.NONE;
    private volatile PluginServices services = new PluginServices() {
        @Override
        public Optional<String> userId() {
            return Optional.empty();
        }

        @Override
        public void send(ConversationKey conversation, String objectName,
                JsonObject content) {
            LOG.info(() -> "a plugin tried to send a message while nobody is signed in");
        }

        @Override
        public void addContact(String userId) {
            LOG.info(() -> "a plugin tried to add a contact while nobody is signed in");
        }

        @Override
        public List<StoredMessage> history(ConversationKey conversation, String objectName,
                int count) {
            return List.of();
        }
    };

    private record Registered<T>(String pluginId, T extension) {
    }

    /**
     * @param roots   directories of plugin jars, the installation's first
     * @param userDir the user's plugin directory (its lists and settings files)
     * @param types   the registry plugin content types join
     */
    public PluginHost(List<Path> roots, Path userDir, ContentTypes types) {
        this.userDir = userDir;
        this.types = types;
        this.roots = roots.stream().filter(Files::isDirectory).toList();
        if (PF4J_LOG.getLevel() == null) {
            PF4J_LOG.setLevel(Level.WARNING); // its INFO lines repeat what status() tells; problems still show
        }
        this.manager = new HostPluginManager(this.roots, idList("disabled.txt"), idList("enabled.txt"), HOST_VERSION);
    }

    /** The installation's plugin directory ({@code <rongdesk.home>/plugins}, if set) and the user's. */
    public static List<Path> defaultRoots(Path dataDir) {
        List<Path> roots = new ArrayList<>();
        String home = System.getProperty("rongdesk.home");
        if (home != null && !home.isBlank()) {
            roots.add(Path.of(home, "plugins"));
        }
        roots.add(dataDir.resolve("plugins"));
        return roots;
    }

    public void setEvents(PluginEvents events) {
        this.events = events;
    }

    public void setServices(PluginServices services) {
        this.services = services;
    }

    PluginEvents events() {
        return events;
    }

    PluginServices services() {
        return services;
    }

    /** Loads and starts every plugin, one at a time, and takes up their extensions. Blocks ~0.1–0.3 s. */
    public void load() {
        if (roots.isEmpty()) {
            // PF4J given no directory falls back to ./plugins of the working directory: never that
            return;
        }
        try {
            manager.loadPlugins();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "loading plugins failed", e);
        }
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (plugin.getPluginState() != PluginState.RESOLVED) {
                continue;
            }
            try {
                manager.startPlugin(plugin.getPluginId());
            } catch (RuntimeException | LinkageError e) {
                problems.put(plugin.getPluginId(), "start failed: " + e);
                failedToStart.add(plugin.getPluginId());
                LOG.log(Level.WARNING, "plugin " + plugin.getPluginId() + " failed to start", e);
                continue;
            }
            if (plugin.getPluginState() == PluginState.STARTED) {
                takeUp(plugin);
            }
        }
        status().stream().filter(s -> !s.problem().isEmpty())
                .forEach(s -> LOG.warning(() -> "plugin " + s.id() + " " + s.state() + ": " + s.problem()));
    }

    /** Every plugin found, with its state and what went wrong. */
    public List<PluginStatus> status() {
        List<PluginStatus> list = new ArrayList<>();
        for (PluginWrapper plugin : manager.getPlugins()) {
            String id = plugin.getPluginId();
            String requires = plugin.getDescriptor().getRequires();
            boolean compatible = requires == null || requires.isBlank() || requires.equals("*")
                    || manager.getVersionManager().checkVersionConstraint(HOST_VERSION, requires);
            String state = calls.isFailing(id) ? "FAILING"
                    : failedToStart.contains(id) || !compatible ? PluginState.FAILED.toString()
                    : plugin.getPluginState().toString();
            String problem = compatible ? problems.getOrDefault(id, calls.problem(id))
                    : "needs Rong Desk " + requires + "; this is " + HOST_VERSION;
            if (problem.isEmpty() && plugin.getFailedException() != null) {
                problem = String.valueOf(plugin.getFailedException());
            }
            list.add(new PluginStatus(id, plugin.getDescriptor().getVersion(), state, plugin.getPluginPath().toString(), problem));
        }
        list.addAll(unloadable());
        return list;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** Jars in the plugin directories PF4J could not even describe (a bad manifest), with the reason. */
    private List<PluginStatus> unloadable() {
        Set<Path> loaded = new HashSet<>();
        manager.getPlugins().forEach(plugin -> loaded.add(plugin.getPluginPath().toAbsolutePath().normalize()));
        List<PluginStatus> list = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> jars = Files.list(root)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    if (loaded.contains(jar.toAbsolutePath().normalize())) {
                        continue;
                    }
                    String problem;
                    try {
                        PluginDescriptor descriptor = new ManifestPluginDescriptorFinder().find(jar);
                        problem = isBlank(descriptor.getPluginId()) ? "not a valid plugin: its manifest has no Plugin-Id"
                                : isBlank(descriptor.getVersion()) ? "not a valid plugin: its manifest has no Plugin-Version"
                                : "not loaded (see the log)";
                    } catch (RuntimeException e) {
                        problem = "not a valid plugin: " + e.getMessage();
                    }
                    list.add(new PluginStatus(jar.getFileName().toString(), "", PluginState.FAILED.toString(), jar.toString(), problem));
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot list " + root, e);
            }
        }
        return list;
    }

    /** The view plugins offer for a content type, with the context to give it. */
    public Optional<Map.Entry<MessageView, PluginContext>> view(String objectName) {
        Registered<MessageView> view = views.get(objectName);
        if (view == null || calls.isFailing(view.pluginId())) {
            return Optional.empty();
        }
        return Optional.of(Map.entry(view.extension(), contexts.get(view.pluginId())));
    }

    /** A received message: a command goes to its handler (on a plugin thread). */
    public void received(StoredMessage message) {
        if (!message.objectName().equals(BuiltInTypes.COMMAND) || message.direction() != MessageDirection.RECEIVE) {
            return;
        }
        String name = message.content().has("name") ? message.content().get("name").getAsString() : "";
        Registered<CommandHandler> handler = handlers.get(name);
        if (handler == null) {
            return;
        }
        Command command = new Command(name, message.content().has("data") ? message.content().get("data").getAsString() : "",
                message.senderUserId(), message.conversation().type().name(), message.conversation().targetId(),
                message.id(), message.sentTime());
        HostContext context = contexts.get(handler.pluginId());
        calls.later(handler.pluginId(), "command " + name, () -> {
            handler.extension().handle(command, context);
            return null;
        });
    }

    /** The user's answer to question {@code questionId}; -10002 when there is no such question or choice. */
    public void answer(String questionId, String choice) throws RongException {
        Registered<Question> asked = questions.get(questionId);
        if (asked == null) {
            throw RongException.invalid("questionId: there is no open question " + questionId);
        }
        if (!asked.extension().choices().contains(choice)) {
            throw RongException.invalid("choice must be one of " + asked.extension().choices() + ", not '" + choice + "'");
        }
        questions.remove(questionId);
        HostContext context = contexts.get(asked.pluginId());
        calls.later(asked.pluginId(), "answer to a question", () -> {
            asked.extension().answer().answered(choice, context);
            return null;
        });
    }

    void ask(String pluginId, Question question) {
        String id = UUID.randomUUID().toString();
        questions.put(id, new Registered<>(pluginId, question));
        events.asked(pluginId, id, HostContext.plain(question.text()),
                question.choices().stream().map(HostContext::plain).toList());
    }

    @Override
    public void close() {
        for (IsolatedMessageType type : registeredTypes) {
            types.unregister(type);
        }
        for (PluginWrapper plugin : List.copyOf(manager.getStartedPlugins())) {
            try {
                manager.stopPlugin(plugin.getPluginId());
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "plugin " + plugin.getPluginId() + " failed to stop", e);
            }
        }
        calls.close();
    }

    private void takeUp(PluginWrapper plugin) {
        String id = plugin.getPluginId();
        HostContext context = new HostContext(id, this, settings(id));
        contexts.put(id, context);
        for (MessageType type : extensions(id, MessageType.class)) {
            register(id, type);
        }
        for (CommandHandler handler : extensions(id, CommandHandler.class)) {
            calls.call(id, "commandName", handler::commandName).ifPresent(name -> {
                if (handlers.putIfAbsent(name, new Registered<>(id, handler)) != null) {
                    problems.put(id, "command " + name + " is handled by " + handlers.get(name).pluginId() + " already");
                }
            });
        }
        for (MessageView view : extensions(id, MessageView.class)) {
            calls.call(id, "objectName", view::objectName).ifPresent(name -> views.putIfAbsent(name, new Registered<>(id, view)));
        }
    }

    private void register(String pluginId, MessageType type) {
        Optional<String[]> described = calls.call(pluginId, "type description",
                () -> new String[] {type.objectName(), Boolean.toString(type.persisted()), Boolean.toString(type.counted())});
        if (described.isEmpty()) {
            return;
        }
        String objectName = described.get()[0];
        if (objectName == null || objectName.isBlank() || objectName.length() > ContentTypes.MAX_OBJECT_NAME || objectName.startsWith("RC:")
                || XmlChars.firstUnsafe(objectName) >= 0) {
            problems.put(pluginId, "content type '" + XmlChars.replaceUnsafe(String.valueOf(objectName)) + "' refused: the name must be 1 to "
                    + ContentTypes.MAX_OBJECT_NAME + " characters XML can carry, not starting with RC:");
            return;
        }
        IsolatedMessageType isolated = new IsolatedMessageType(pluginId, type, calls, objectName,
                Boolean.parseBoolean(described.get()[1]), Boolean.parseBoolean(described.get()[2]));
        if (types.register(isolated)) {
            registeredTypes.add(isolated);
        } else {
            problems.put(pluginId, "content type " + objectName + " is registered already");
        }
    }

    /** A plugin's extensions of one kind, each made on its own so one that cannot be made spoils no other. */
    private <T> List<T> extensions(String pluginId, Class<T> kind) {
        List<T> made = new ArrayList<>();
        for (Class<? extends T> type : manager.getExtensionClasses(kind, pluginId)) {
            calls.call(pluginId, "creating " + type.getSimpleName(), () -> kind.cast(manager.getExtensionFactory().create(type)))
                    .ifPresent(made::add);
        }
        return made;
    }

    private void failing(String pluginId) {
        events.statusChanged(status());
    }

    private Map<String, String> settings(String pluginId) {
        Path file = userDir.resolve(pluginId + ".properties");
        Map<String, String> settings = new HashMap<>();
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
                properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
            } catch (IOException | IllegalArgumentException e) {
                problems.put(pluginId, "settings " + file + " cannot be read: " + e.getMessage());
            }
        }
        return settings;
    }

    private Set<String> idList(String name) {
        Path file = userDir.resolve(name);
        Set<String> ids = new LinkedHashSet<>();
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String id = line.strip();
                    if (!id.isEmpty() && !id.startsWith("#")) {
                        ids.add(id);
                    }
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot read " + file, e);
            }
        }
        return ids;
    }
}
