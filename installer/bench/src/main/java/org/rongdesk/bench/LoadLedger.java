package org.rongdesk.bench;

import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every message of a load run: who sent it and to whom, how its send was answered, and how many
 * times each client received it live and holds it in its store. Messages are named by an index
 * carried in their {@code extra} (and text); a receipt is checked against the sender and the
 * conversation it claims. Thread-safe: sends, answers and receipts come on every client's threads.
 */
final class LoadLedger {
    /** The two kinds of traffic. */
    enum Kind { ROOM, PRIVATE }

    private enum Answer { NONE, SENT, FAILED }

    private final List<String> users;
    private final String roomId;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<Kind, Samples> latencies = new EnumMap<>(Kind.class);
    private final Map<Kind, Integer> strays = new EnumMap<>(Kind.class);
    private int unknown;
    private long events;
    private String firstError;
    private long firstSend;
    private long lastReceipt;

    /** One message. {@code addressee} is -1 for the room. */
    private static final class Entry {
        final Kind kind;
        final int sender;
        final int addressee;
        final long sentNanos;
        final int[] received;
        final int[] stored;
        Answer answer = Answer.NONE;
        String storedOwnStatus;
        int storedOwn;

        Entry(Kind kind, int sender, int addressee, int clients) {
            this.kind = kind;
            this.sender = sender;
            this.addressee = addressee;
            this.sentNanos = System.nanoTime();
            this.received = new int[clients];
            this.stored = new int[clients];
        }

        boolean expects(int client) {
            return kind == Kind.ROOM ? client != sender : client == addressee;
        }
    }

    LoadLedger(List<String> users, String roomId) {
        this.users = List.copyOf(users);
        this.roomId = roomId;
        for (Kind kind : Kind.values()) {
            latencies.put(kind, new Samples(1024));
            strays.put(kind, 0);
        }
    }

    /** Notes a message about to be sent; returns its index, to put into the message. */
    synchronized int register(Kind kind, int sender, int addressee) {
        Entry entry = new Entry(kind, sender, addressee, users.size());
        if (entries.isEmpty()) {
            firstSend = entry.sentNanos;
        }
        entries.add(entry);
        return entries.size() - 1;
    }

    /** The send of message {@code index} answered success, or an error ({@code error} not null). */
    synchronized void answered(int index, JsonObject error) {
        entries.get(index).answer = error == null ? Answer.SENT : Answer.FAILED;
        if (error != null && firstError == null) {
            firstError = error.toString();
            Log.info("first send error: " + firstError);
        }
    }

    /** Client {@code receiver}'s receive listener got {@code message} (the spec's message JSON). */
    void received(int receiver, JsonObject message) {
        long now = System.nanoTime();
        synchronized (this) {
            events++;
            Entry entry = entryOf(message);
            if (entry == null) {
                unknown++;
            } else if (!entry.expects(receiver) || !claimsToBe(entry, receiver, message)) {
                strays.merge(entry.kind, 1, Integer::sum);
            } else if (entry.received[receiver]++ == 0) {
                latencies.get(entry.kind).add(now - entry.sentNanos);
                lastReceipt = now;
            }
        }
    }

    /** Client {@code client}'s store holds {@code message} (the spec's message JSON). */
    synchronized void stored(int client, JsonObject message) {
        Entry entry = entryOf(message);
        if (entry == null) {
            unknown++;
        } else if ("SEND".equals(message.get("messageDirection").getAsString()) && client == entry.sender) {
            entry.storedOwn++;
            entry.storedOwnStatus = message.get("sentStatus").getAsString();
        } else if (!entry.expects(client) || !claimsToBe(entry, client, message)) {
            strays.merge(entry.kind, 1, Integer::sum);
        } else {
            entry.stored[client]++;
        }
    }

    /** Whether every sent message's send has been answered and every expected receipt has come. */
    synchronized boolean settled() {
        for (Entry entry : entries) {
            if (entry.answer == Answer.NONE) {
                return false;
            }
            if (entry.answer == Answer.SENT) {
                for (int client = 0; client < users.size(); client++) {
                    if (entry.expects(client) && entry.received[client] == 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Receipts counted so far (each client's first copy of each message), for progress. */
    synchronized long receipts() {
        long count = 0;
        for (Entry entry : entries) {
            for (int copies : entry.received) {
                count += copies > 0 ? 1 : 0;
            }
        }
        return count;
    }

    /** Calls of the receive listeners so far, whatever they brought. */
    synchronized long events() {
        return events;
    }

    /** Seconds from the first send to the last first receipt; 0 before any. */
    synchronized double deliverySeconds() {
        return lastReceipt == 0 ? 0 : (lastReceipt - firstSend) / 1e9;
    }

    /** Messages registered so far. */
    synchronized int size() {
        return entries.size();
    }

    /** Receipts of messages no ledger entry names (another run's, or a damaged extra). */
    synchronized int unknown() {
        return unknown;
    }

    /** The figures of one kind of traffic. */
    synchronized LoadFigures figures(Kind kind) {
        LoadFigures.Builder figures = new LoadFigures.Builder();
        for (Entry entry : entries) {
            if (entry.kind != kind) {
                continue;
            }
            figures.message(entry.answer == Answer.SENT, entry.answer == Answer.FAILED);
            figures.own(entry.storedOwn == 1 && (entry.answer == Answer.SENT ? "SENT" : "FAILED").equals(entry.storedOwnStatus));
            for (int client = 0; client < users.size(); client++) {
                if (entry.expects(client)) {
                    figures.delivery(entry.answer == Answer.SENT, entry.received[client], entry.stored[client]);
                }
            }
        }
        return figures.build(strays.get(kind), latencies.get(kind));
    }

    /** The entry {@code message}'s extra names, or null. */
    private Entry entryOf(JsonObject message) {
        JsonObject content = message.getAsJsonObject("content");
        String extra = content != null && content.has("extra") ? content.get("extra").getAsString() : "";
        if (!extra.startsWith(LoadTraffic.EXTRA_PREFIX)) {
            return null;
        }
        try {
            int index = Integer.parseInt(extra.substring(LoadTraffic.EXTRA_PREFIX.length()));
            return index >= 0 && index < entries.size() ? entries.get(index) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether a received copy names the sender and conversation its entry says. */
    private boolean claimsToBe(Entry entry, int receiver, JsonObject message) {
        String type = message.get("conversationType").getAsString();
        String target = message.get("targetId").getAsString();
        String sender = message.get("senderUserId").getAsString();
        if (!users.get(entry.sender).equals(sender)) {
            return false;
        }
        return entry.kind == Kind.ROOM ? type.equals("CHATROOM") && target.equals(roomId)
                : type.equals("PRIVATE") && target.equals(users.get(entry.sender)) && receiver == entry.addressee;
    }
}
