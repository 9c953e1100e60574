package org.rongdesk.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rongdesk.ui.app.MessageItem;

/** The pages of a search: what is asked for next, and that messages of the same millisecond are neither skipped nor shown twice. */
class SearchPagesTest {
    @Test
    void theNextPageStartsAtTheLastTimeShownAndDropsWhatIsShown() {
        SearchPages pages = new SearchPages("lunch");
        assertThat(pages.next().toString()).isEqualTo("{\"keyword\":\"lunch\",\"count\":20}");

        // a full page, its last two sent in the same millisecond
        List<MessageItem> first = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            first.add(message(100 - i, 5000 - i));
        }
        first.add(message(60, 1000));
        first.add(message(59, 1000));
        assertThat(pages.add(first)).hasSize(20);
        assertThat(pages.more()).isTrue();

        // the next asks from that millisecond on (beginTime is "before"), two more for the two it has
        JsonObject next = pages.next();
        assertThat(next.get("beginTime").getAsLong()).isEqualTo(1001);
        assertThat(next.get("count").getAsInt()).isEqualTo(22);
        List<MessageItem> added = pages.add(List.of(message(60, 1000), message(59, 1000), message(58, 1000), message(57, 900)));
        assertThat(added).extracting(MessageItem::id).containsExactly(58L, 57L);
        assertThat(pages.more()).as("fewer than asked: the end").isFalse();
        assertThat(pages.size()).isEqualTo(22);
    }

    private static MessageItem message(long id, long sentTime) {
        return new MessageItem(id, "PRIVATE", "bob", false, "bob", "RC:TxtMsg", new JsonObject(), "SENT", 0, sentTime, "");
    }
}
