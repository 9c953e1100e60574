package org.rongdesk.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.NamedThreads;
import org.rongdesk.base.PrivateFiles;
import org.rongdesk.base.RongException;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.model.StoredMessage;
import org.rongdesk.store.LocalStore;
import org.rongdesk.store.StoreListener;

/**
 * The Lucene index of one user's messages, in {@code search/} beside their store. It follows the
 * store by message id: on "rongcloud-search" it reads what was stored after the last id it took
 * ({@link LocalStore#messagesAfter}, 500 at a time, so a search gets in between while a large
 * store is indexed the first time) and takes deletions and rewrites as the store reports them.
 * The last id it took is committed with the index, at most every {@value #COMMIT_MS} ms and at
 * close; after a crash it reads on from there. Nothing of this runs on the receive path, and the
 * index opens {@value #OPEN_DELAY_MS} ms after the session, not while the client starts.
 *
 * <p>A search runs on the same thread, after everything queued before it, and reads each found
 * message back from the store: one deleted or rewritten since the last commit (a crash between
 * the store's change and the index's) is left out.
 */
public final class SearchIndex implements StoreListener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SearchIndex.class.getName());
    private static final String ID = "id";
    private static final String CONVERSATION = "conversation";
    private static final String TYPE = "type";
    private static final String TIME = "time";
    private static final String TEXT = "text";
    private static final String INDEXED_TO = "indexedTo";
    private static final int BATCH = 500;
    static final long COMMIT_MS = 2_000;
    /** The index opens this long after the session (not while the client starts), or at its first use. */
    static final long OPEN_DELAY_MS = 3_000;
    private static final long SEARCH_WAIT_SECONDS = 30;
    private static final Sort NEWEST_FIRST = new Sort(new SortField(TIME, SortField.Type.LONG, true),
            new SortField(ID, SortField.Type.LONG, true));

    private final LocalStore store;
    private final Path directory;
    private final ScheduledExecutorService thread = NamedThreads.scheduled("rongcloud-search");
    private final AtomicBoolean pullQueued = new AtomicBoolean();
    private final AtomicBoolean commitQueued = new AtomicBoolean();
    // search thread only
    private IndexWriter writer;
    private SearcherManager searchers;
    private long indexedTo;
    private boolean dirty;
    private boolean opened;
    private volatile boolean closed;
    private volatile ScheduledFuture<?> openLater;
    private volatile ScheduledFuture<?> commitLater;

    private SearchIndex(LocalStore store, Path directory) {
        this.store = store;
        this.directory = directory;
    }

    /** Opens (or makes) the index in {@code directory} on its thread and starts following {@code store}. */
    public static SearchIndex open(LocalStore store, Path directory) {
        SearchIndex index = new SearchIndex(store, directory);
        store.setListener(index);
        index.openLater = index.thread.schedule(() -> {
            index.ensureOpen();
            index.added();
        }, OPEN_DELAY_MS, TimeUnit.MILLISECONDS);
        return index;
    }

    /**
     * Up to {@code count} messages matching {@code keyword}, newest first, in {@code conversation}
     * or of {@code type} when given, sent before {@code beforeTime} when it is above 0. Blocks
     * until the index has taken everything stored before the call.
     */
    public List<StoredMessage> search(String keyword, Optional<ConversationType> type, Optional<ConversationKey> conversation,
            long beforeTime, int count) throws RongException {
        KeywordQuery keywords = KeywordQuery.of(TEXT, keyword);
        if (keywords.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(keywords.query(), BooleanClause.Occur.MUST);
        conversation.ifPresent(key -> query.add(new TermQuery(new Term(CONVERSATION, conversationTerm(key))), BooleanClause.Occur.FILTER));
        type.ifPresent(t -> query.add(new TermQuery(new Term(TYPE, String.valueOf(t.code()))), BooleanClause.Occur.FILTER));
        if (beforeTime > 0) {
            query.add(LongPoint.newRangeQuery(TIME, Long.MIN_VALUE, beforeTime - 1), BooleanClause.Occur.FILTER);
        }
        Query built = query.build();
        return onThread(() -> {
            ensureOpen();
            pullAll();
            return found(built, keywords, count);
        });
    }

    /** Something was stored: it is read from the store soon, on the search thread. */
    @Override
    public void added() {
        if (pullQueued.compareAndSet(false, true)) {
            // not a reason to open the index early: its delayed opening reads everything stored
            execute(false, () -> {
                pullQueued.set(false);
                if (pull() == BATCH) {
                    added(); // more wait: the next batch after whatever else is queued
                }
            });
        }
    }

    @Override
    public void removed(Collection<Long> ids) {
        List<Long> copy = List.copyOf(ids);
        execute(() -> {
            for (long id : copy) {
                writer.deleteDocuments(new Term(ID, String.valueOf(id)));
            }
            changed();
        });
    }

    @Override
    public void cleared(ConversationKey key) {
        execute(() -> {
            writer.deleteDocuments(new Term(CONVERSATION, conversationTerm(key)));
            changed();
        });
    }

    @Override
    public void clearedTypes(Collection<ConversationType> types) {
        List<ConversationType> copy = List.copyOf(types);
        execute(() -> {
            for (ConversationType type : copy) {
                writer.deleteDocuments(new Term(TYPE, String.valueOf(type.code())));
            }
            changed();
        });
    }

    @Override
    public void contentChanged(long id) {
        execute(() -> {
            if (id <= indexedTo) {
                Optional<StoredMessage> message = store.message(id);
                if (message.isPresent()) {
                    index(message.get(), true);
                } else {
                    writer.deleteDocuments(new Term(ID, String.valueOf(id)));
                }
                changed();
            }
        });
    }

    /** Commits what is indexed and stops; waits up to 10 s. */
    @Override
    public void close() {
        // timers would hold the closing up (a scheduled task outlives shutdown) and open an index
        // for a store that is closing
        closed = true;
        cancel(openLater);
        cancel(commitLater);
        try {
            thread.execute(() -> {
                try {
                    if (writer != null) {
                        commit();
                        searchers.close();
                        writer.close();
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "closing the search index failed; it reads on from its last commit", e);
                }
            });
        } catch (RejectedExecutionException e) {
            return;
        }
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ensureOpen() {
        if (opened || closed) {
            return;
        }
        opened = true;
        try {
            openWriter();
        } catch (IOException | RuntimeException e) {
            // an index is only a copy of the store: a broken one is made again
            LOG.log(Level.WARNING, "the search index in " + directory + " cannot be opened; it is made again", e);
            try {
                deleteIndex();
                openWriter();
            } catch (IOException again) {
                LOG.log(Level.WARNING, "the search index cannot be made; search finds nothing", again);
            }
        }
    }

    private void openWriter() throws IOException {
        PrivateFiles.directory(directory);
        IndexWriterConfig config = new IndexWriterConfig(new ChatAnalyzer(true))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                // kept newest first, a search stops once it has its page instead of sorting every match
                .setIndexSort(NEWEST_FIRST)
                .setRAMBufferSizeMB(4)
                .setCommitOnClose(false);
        writer = new IndexWriter(FSDirectory.open(directory), config);
        String committed = null;
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (entry.getKey().equals(INDEXED_TO)) {
                    committed = entry.getValue();
                }
            }
        }
        indexedTo = committed == null ? 0 : Long.parseLong(committed);
        searchers = new SearcherManager(writer, null);
        tightenFiles(); // the lock file is new, and so is everything of a new index
    }

    /** Indexes the next batch after {@link #indexedTo}; how many it read. */
    private int pull() throws IOException {
        if (writer == null) {
            return 0;
        }
        List<StoredMessage> batch = store.messagesAfter(indexedTo, BATCH);
        for (StoredMessage message : batch) {
            index(message, false);
            indexedTo = message.id();
        }
        if (!batch.isEmpty()) {
            changed();
        }
        return batch.size();
    }

    private void pullAll() throws IOException {
        while (pull() == BATCH) {
            LOG.fine(() -> "indexed up to message " + indexedTo);
        }
    }

    private void index(StoredMessage message, boolean replace) throws IOException {
        String text = SearchText.of(message);
        String id = String.valueOf(message.id());
        if (text.isEmpty()) {
            if (replace) {
                writer.deleteDocuments(new Term(ID, id));
            }
            return;
        }
        Document document = new Document();
        document.add(new StringField(ID, id, Field.Store.NO));
        document.add(new StoredField(ID, message.id()));
        document.add(new NumericDocValuesField(ID, message.id()));
        document.add(new StringField(CONVERSATION, conversationTerm(message.conversation()), Field.Store.NO));
        document.add(new StringField(TYPE, String.valueOf(message.conversation().type().code()), Field.Store.NO));
        document.add(new LongPoint(TIME, message.sentTime()));
        document.add(new NumericDocValuesField(TIME, message.sentTime()));
        document.add(new TextField(TEXT, text, Field.Store.NO));
        if (replace) {
            writer.updateDocument(new Term(ID, id), document);
        } else {
            writer.addDocument(document);
        }
    }

    private List<StoredMessage> found(Query query, KeywordQuery keywords, int count) throws IOException {
        if (writer == null) {
            return List.of();
        }
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            List<StoredMessage> messages = new ArrayList<>();
            int asked = count;
            ScoreDoc after = null;
            while (messages.size() < count) {
                TopDocs page = after == null ? searcher.search(query, asked, NEWEST_FIRST)
                        : searcher.searchAfter(after, query, asked, NEWEST_FIRST);
                for (ScoreDoc hit : page.scoreDocs) {
                    long id = searcher.storedFields().document(hit.doc).getField(ID).numericValue().longValue();
                    store.message(id).filter(message -> keywords.foundIn(SearchText.of(message)))
                            .filter(message -> messages.size() < count).ifPresent(messages::add);
                    after = hit;
                }
                if (page.scoreDocs.length < asked) {
                    break;
                }
            }
            return messages;
        } finally {
            searchers.release(searcher);
        }
    }

    /** Something was written: commit it a while later (one commit for a burst). */
    private void changed() {
        dirty = true;
        if (commitQueued.compareAndSet(false, true)) {
            try {
                commitLater = thread.schedule(() -> {
                    commitQueued.set(false);
                    try {
                        commit();
                    } catch (IOException e) {
                        LOG.log(Level.WARNING, "committing the search index failed; it is tried again", e);
                    }
                }, COMMIT_MS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.fine("closing: the last commit comes with close");
            }
        }
    }

    private void commit() throws IOException {
        if (writer == null || !dirty) {
            return;
        }
        writer.setLiveCommitData(Map.of(INDEXED_TO, String.valueOf(indexedTo)).entrySet());
        writer.commit();
        dirty = false;
        tightenFiles();
    }

    /** Every file private, as the store's (Lucene makes them with the process's umask). */
    private void tightenFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                try {
                    PrivateFiles.tighten(file);
                } catch (NoSuchFileException e) {
                    LOG.finest(() -> file + " was merged away meanwhile");
                }
            }
        }
    }

    private void deleteIndex() throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    private static String conversationTerm(ConversationKey key) {
        return key.type().code() + ":" + key.targetId();
    }

    /** Work for the search thread, on the open index; a failure is logged (the store is untouched). */
    @FunctionalInterface
    private interface Work {
        void run() throws IOException;
    }

    private void execute(Work work) {
        execute(true, work);
    }

    /** @param open open the index first if it is not yet */
    private void execute(boolean open, Work work) {
        try {
            thread.execute(() -> {
                try {
                    if (open) {
                        ensureOpen();
                    }
                    if (writer != null) {
                        work.run();
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "updating the search index failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.fine("the search index is closed");
        }
    }

    private <T> T onThread(Callable<T> work) throws RongException {
        Future<T> result;
        try {
            result = thread.submit(work);
        } catch (RejectedExecutionException e) {
            throw new RongException(ErrorCode.UNKNOWN, "the client has been closed", e);
        }
        try {
            return result.get(SEARCH_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RongException(ErrorCode.UNKNOWN, "interrupted", e);
        } catch (TimeoutException e) {
            throw new RongException(ErrorCode.TIMEOUT, "the search took longer than " + SEARCH_WAIT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "a search failed", e.getCause());
            throw new RongException(ErrorCode.UNKNOWN, "the search failed: " + e.getCause(), e.getCause());
        }
    }
}
