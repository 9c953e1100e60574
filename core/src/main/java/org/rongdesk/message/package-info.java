/**
 * Messages: the six built-in content types, sending (store first, upload, send, confirm),
 * receiving (parse, deduplicate, store, deliver) and catching up after (re)connecting.
 */
package org.rongdesk.message;
