package org.rongdesk.ui.search;

import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.app.MessageItem;

/**
 * The pages of one search, newest first: what to ask for next and which messages of an answer
 * are new. A next page starts at the last shown message's time, that millisecond included
 * ({@code beginTime} is "sent before"), so messages sent in the same millisecond as it are not
 * skipped; the ones already shown are dropped from the answer. Not thread-safe (the EDT's).
 */
final class SearchPages {
    /** Messages a page adds. */
    static final int PAGE = 20;
    /** Most messages one searchMessages call returns. */
    private static final int MAX_COUNT = 200;

    private final String keyword;
    private final List<MessageItem> shown = new ArrayList<>();
    private final Set<Long> ids = new HashSet<>();
    private int asked;
    private boolean more = true;

    SearchPages(String keyword) {
        this.keyword = keyword;
    }

    /** The params of the next page's searchMessages call. */
    JsonObject next() {
        if (shown.isEmpty()) {
            asked = PAGE;
            return Json.of("keyword", keyword, "count", PAGE);
        }
        long last = shown.get(shown.size() - 1).sentTime();
        long sameTime = shown.stream().filter(m -> m.sentTime() == last).count();
        asked = (int) Math.min(MAX_COUNT, PAGE + sameTime);
        return Json.of("keyword", keyword, "count", asked, "beginTime", last + 1);
    }

    /** Takes the answer to the last {@link #next()} call: the messages in it not shown before, now shown. */
    List<MessageItem> add(List<MessageItem> page) {
        more = page.size() >= asked;
        List<MessageItem> added = page.stream().filter(m -> ids.add(m.id())).toList();
        shown.addAll(added);
        return added;
    }

    /** Whether the last page was full: there may be more. */
    boolean more() {
        return more;
    }

    /** How many are shown. */
    int size() {
        return shown.size();
    }
}
