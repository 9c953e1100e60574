/**
 * The client's data, as every service and the store see it: conversations (their key, type and
 * notification status) and messages (new, stored, their direction and sent status). Records and
 * enums, and {@link org.rongdesk.model.MessageContent} (content JSON parsed when first read); they
 * import nothing of ours but {@code base}.
 */
package org.rongdesk.model;
