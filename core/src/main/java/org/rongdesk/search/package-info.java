/**
 * Full-text search of the stored messages: a Lucene index beside the H2 store, fed from the
 * store by message id on its own thread, that finds Chinese, Japanese and Korean text by any
 * substring (character bigrams) and other scripts by word prefix, case-insensitively.
 */
package org.rongdesk.search;
