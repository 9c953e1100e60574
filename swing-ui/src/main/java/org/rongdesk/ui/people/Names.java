package org.rongdesk.ui.people;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;

import javax.swing.Timer;

import org.rongdesk.api.RongCloud;
import org.rongdesk.ui.app.Client;
import org.rongdesk.ui.app.ClientEvents;
import org.rongdesk.ui.app.ConversationItem;
import org.rongdesk.ui.app.ConversationRef;
import org.rongdesk.ui.app.Json;

/**
 * The names (and picture files) of the people a window shows, kept as the client last said them:
 * asked for with {@code getUserInfo} the first time someone is shown (core answers from its store
 * at once, or reads the server), and kept up to date by the user-info events. Until a name is
 * known the id stands for it, and {@linkplain #addListener listeners} hear when it arrives or
 * changes, so the rows showing it are painted again. Names are untrusted text: they are shown
 * through {@link org.rongdesk.ui.access.ShownText} where they are shown. EDT only.
 */
public final class Names implements ClientEvents {
    private static final Logger LOG = Logger.getLogger(Names.class.getName());
    /** Longest that something waits for a name before the id is said instead. */
    static final int WAIT_MS = 3000;

    /** Something to run once the names of {@code userIds} are known (or {@code deadline} passed). */
    private record Waiter(List<String> userIds, Runnable then, long deadline) {
    }

    private final Client client;
    private final Map<String, Person> known = new HashMap<>();
    /** Asked for and not answered yet. */
    private final Set<String> asking = new HashSet<>();
    /** Asked for and failed: waiters do not wait for them (asked again when shown again). */
    private final Set<String> unanswered = new HashSet<>();
    private final List<Consumer<Person>> listeners = new ArrayList<>();
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    private final Timer overdue = new Timer(250, e -> runWaiting());

    public Names(Client client) {
        this.client = client;
    }

    /** The name to show for {@code userId}: the known one, else the id (and it is asked for). */
    public String name(String userId) {
        return person(userId).name();
    }

    /** What is known of {@code userId}; until it is, their id as name and no picture (and it is asked for). */
    public Person person(String userId) {
        Person person = known.get(userId);
        if (person != null) {
            return person;
        }
        ask(userId);
        return Person.unknown(userId);
    }

    /** What is known of {@code userId} without asking. */
    public Optional<Person> known(String userId) {
        return Optional.ofNullable(known.get(userId));
    }

    /** A conversation's name: a private conversation's is its peer's; another's its title, else its id. */
    public String conversationName(String type, String targetId, String title) {
        return "PRIVATE".equals(type) ? name(targetId) : title.isBlank() ? targetId : title;
    }

    /** The conversation {@code item} is, named as {@link #conversationName} says. */
    public ConversationRef ref(ConversationItem item) {
        return named(ConversationRef.of(item));
    }

    /** {@code ref} with a private conversation titled by its peer's name. */
    public ConversationRef named(ConversationRef ref) {
        return "PRIVATE".equals(ref.type()) ? new ConversationRef(ref.type(), ref.targetId(), name(ref.targetId())) : ref;
    }

    /**
     * Runs {@code then} once the names of {@code userIds} are known, at once when they are; what
     * waits runs in the order it was asked for (an announcement is never said before an earlier
     * one), and never waits more than {@value #WAIT_MS} ms (a slow server: the ids are said).
     */
    public void whenKnown(Collection<String> userIds, Runnable then) {
        List<String> ids = List.copyOf(userIds);
        if (waiting.isEmpty() && ids.stream().allMatch(this::settled)) {
            then.run();
            return;
        }
        waiting.add(new Waiter(ids, then, System.currentTimeMillis() + WAIT_MS));
        ids.forEach(this::ask);
        overdue.start();
    }

    /** {@code changed} hears each person whose name or picture arrived or changed. */
    public void addListener(Consumer<Person> changed) {
        listeners.add(changed);
    }

    public void removeListener(Consumer<Person> changed) {
        listeners.remove(changed);
    }

    /** Keeps what the client answered of someone (getUserInfo, setUserInfo, getContacts, an event). */
    public void put(Person person) {
        asking.remove(person.userId());
        unanswered.remove(person.userId());
        Person before = known.put(person.userId(), person);
        if (!person.equals(before == null ? Person.unknown(person.userId()) : before)) {
            List.copyOf(listeners).forEach(l -> l.accept(person));
        }
        runWaiting();
    }

    @Override
    public void userInfoChanged(String userId, String name, String portraitUri) {
        put(new Person(userId, name, portraitUri));
    }

    private void ask(String userId) {
        if (userId.isEmpty() || known.containsKey(userId) || !asking.add(userId)) {
            return;
        }
        client.call(RongCloud::getUserInfo, Json.of("userId", userId), ret -> put(Person.from(Json.result(ret))), failure -> {
            // not the user's own doing: nothing to tell them; the id stays their name and is asked for again when shown again
            LOG.info(() -> "the name of " + userId + " was not read: " + failure);
            asking.remove(userId);
            unanswered.add(userId);
            runWaiting();
        });
    }

    private boolean settled(String userId) {
        return userId.isEmpty() || known.containsKey(userId) || unanswered.contains(userId);
    }

    /** Runs the waiters, oldest first, while theirs are known or they waited long enough. */
    private void runWaiting() {
        long now = System.currentTimeMillis();
        while (!waiting.isEmpty()) {
            Waiter first = waiting.peek();
            if (now < first.deadline() && !first.userIds().stream().allMatch(this::settled)) {
                return;
            }
            waiting.poll();
            first.then().run();
        }
        overdue.stop();
    }
}
