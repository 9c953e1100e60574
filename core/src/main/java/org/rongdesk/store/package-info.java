/**
 * The local store: one H2 file per App Key and user, holding messages, conversations and sync
 * positions. Every write is a short transaction; the schema carries a version.
 */
package org.rongdesk.store;
